import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldRefused, notFound } from '../../../kernel/errors/app-error.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { write } from '../../../kernel/http/context.ts';
import { ENTITY } from '../enforcement.permissions.ts';
import { findBodyRow, findCertificateRow, findOfficerRow } from '../enforcement.repository.ts';
import { presentBody, presentCertificate, presentOfficer } from '../enforcement.present.ts';
import type { BodyInput, CertificateStatusBody, CreateOfficerBody, IssueCertificateBody, ReplaceCertificateBody, TrainingBody, UpdateOfficerBody } from '../enforcement.schemas.ts';
import { assertUserOfRegion, insertCertificate, lockOfficer, replaceCertificate, type Stamp } from '../enforcement.store.ts';
import { enforcementBodies, enforcementCertificates, enforcementOfficers, enforcementTrainings } from '../enforcement.tables.ts';
import { checkVersion, duplicate, manageContext, orgForManage, rowForManage, updated } from './guards.ts';

/** 执法主体, 执法人员, 执法证 and 培训: the forms' writes. */

const stampOf = (request: FastifyRequest, audit: Stamp['audit']): Stamp => ({ actor: request.actor!, at: request.server.clock.now(), audit });

async function checkBody(tx: Tx, request: FastifyRequest, input: BodyInput, id?: string) {
  const ctx = manageContext(request);
  await orgForManage(tx, ctx.actor, ctx.scope, input.orgId);
  if (input.kind === 'entrusted' && !input.entrustedById) throw fieldRefused('entrustedById', '受委托组织须填写委托机关');
  const [taken] = await tx
    .select({ id: enforcementBodies.id })
    .from(enforcementBodies)
    .where(and(eq(enforcementBodies.regionCode, ctx.actor.regionCode), eq(enforcementBodies.name, input.name), id ? sql`${enforcementBodies.id} <> ${id}` : undefined));
  if (taken) throw duplicate('name', `执法主体“${input.name}”已登记`);
  return ctx;
}

export async function createBody(request: FastifyRequest, input: BodyInput) {
  return write(request, async (tx, audit) => {
    const ctx = await checkBody(tx, request, input);
    const s = stampOf(request, audit);
    const entrustedById = input.kind === 'entrusted' ? input.entrustedById : null;
    const [row] = await tx
      .insert(enforcementBodies)
      .values({ ...input, entrustedById, regionCode: ctx.actor.regionCode, createdBy: s.actor.userId, createdAt: s.at, updatedBy: s.actor.userId, updatedAt: s.at })
      .returning();
    await audit({ action: 'enforcement.body.create', entityType: ENTITY.body, entityId: row!.id, orgId: row!.orgId, after: row });
    return presentBody((await findBodyRow(tx, row!.id))!);
  });
}

export async function updateBody(request: FastifyRequest, id: string, input: BodyInput & { version: number }) {
  return write(request, async (tx, audit) => {
    const ctx = manageContext(request);
    const [before] = await tx.select().from(enforcementBodies).where(eq(enforcementBodies.id, id)).for('update');
    await rowForManage(tx, ctx.actor, ctx.scope, before, '执法主体');
    checkVersion(before!.version, input.version, '执法主体');
    await checkBody(tx, request, input, id);
    const { version, ...fields } = input;
    const after = updated(
      await tx
        .update(enforcementBodies)
        .set({ ...fields, entrustedById: fields.kind === 'entrusted' ? fields.entrustedById : null, version: sql`${enforcementBodies.version} + 1`, updatedAt: request.server.clock.now(), updatedBy: ctx.actor.userId })
        .where(and(eq(enforcementBodies.id, id), eq(enforcementBodies.version, version)))
        .returning(),
      '执法主体',
    );
    // Officers follow their body's organisation (their data scope).
    if (after.orgId !== before!.orgId) await tx.update(enforcementOfficers).set({ orgId: after.orgId }).where(eq(enforcementOfficers.bodyId, id));
    await audit({ action: 'enforcement.body.update', entityType: ENTITY.body, entityId: id, orgId: after.orgId, before, after });
    return presentBody((await findBodyRow(tx, id))!);
  });
}

/** The body an officer belongs to, within the actor's manage scope. */
async function bodyForManage(tx: Tx, request: FastifyRequest, bodyId: string) {
  const ctx = manageContext(request);
  const [body] = await tx.select().from(enforcementBodies).where(eq(enforcementBodies.id, bodyId));
  if (!body || body.regionCode !== ctx.actor.regionCode) throw fieldRefused('bodyId', '执法主体不存在', 'NOT_FOUND');
  await orgForManage(tx, ctx.actor, ctx.scope, body.orgId, 'bodyId');
  return { ctx, body };
}

export async function createOfficer(request: FastifyRequest, input: CreateOfficerBody) {
  return write(request, async (tx, audit) => {
    const { ctx, body } = await bodyForManage(tx, request, input.bodyId);
    await assertUserOfRegion(tx, ctx.actor.regionCode, input.userId);
    const s = stampOf(request, audit);
    const { certificate, ...fields } = input;
    const [officer] = await tx
      .insert(enforcementOfficers)
      .values({ ...fields, regionCode: body.regionCode, orgId: body.orgId, createdBy: s.actor.userId, createdAt: s.at, updatedBy: s.actor.userId, updatedAt: s.at })
      .returning();
    await audit({ action: 'enforcement.officer.create', entityType: ENTITY.officer, entityId: officer!.id, orgId: officer!.orgId, after: officer });
    if (certificate) await insertCertificate(tx, s, officer!, certificate);
    return presentOfficer((await findOfficerRow(tx, officer!.id, ctx.today))!);
  });
}

export async function updateOfficer(request: FastifyRequest, id: string, input: UpdateOfficerBody) {
  return write(request, async (tx, audit) => {
    const ctx = manageContext(request);
    const before = await lockOfficer(tx, id);
    await rowForManage(tx, ctx.actor, ctx.scope, before, '执法人员');
    checkVersion(before!.version, input.version, '执法人员');
    const { body } = await bodyForManage(tx, request, input.bodyId);
    await assertUserOfRegion(tx, ctx.actor.regionCode, input.userId);
    const { version, ...fields } = input;
    const after = updated(
      await tx
        .update(enforcementOfficers)
        .set({ ...fields, orgId: body.orgId, version: sql`${enforcementOfficers.version} + 1`, updatedAt: request.server.clock.now(), updatedBy: ctx.actor.userId })
        .where(and(eq(enforcementOfficers.id, id), eq(enforcementOfficers.version, version)))
        .returning(),
      '执法人员',
    );
    await audit({ action: 'enforcement.officer.update', entityType: ENTITY.officer, entityId: id, orgId: after.orgId, before, after });
    return presentOfficer((await findOfficerRow(tx, id, ctx.today))!);
  });
}

/** The officer, locked, within the actor's manage scope. */
async function officerForManage(tx: Tx, request: FastifyRequest, officerId: string) {
  const ctx = manageContext(request);
  const officer = await lockOfficer(tx, officerId);
  await rowForManage(tx, ctx.actor, ctx.scope, officer, '执法人员');
  return { ctx, officer: officer! };
}

export async function issueCertificate(request: FastifyRequest, input: IssueCertificateBody) {
  return write(request, async (tx, audit) => {
    const { ctx, officer } = await officerForManage(tx, request, input.officerId);
    const { officerId: _o, ...certificate } = input;
    const row = await insertCertificate(tx, stampOf(request, audit), officer, certificate);
    return presentCertificate((await findCertificateRow(tx, row.id, ctx.today))!);
  });
}

async function certificateForManage(tx: Tx, request: FastifyRequest, id: string, version: number) {
  const [certificate] = await tx.select().from(enforcementCertificates).where(eq(enforcementCertificates.id, id));
  if (!certificate) throw notFound('执法证');
  const { ctx, officer } = await officerForManage(tx, request, certificate.officerId);
  checkVersion(certificate.version, version, '执法证');
  return { ctx, officer, certificate };
}

/** 换证: a new certificate replaces this one, which becomes 已换发. */
export async function replace(request: FastifyRequest, id: string, input: ReplaceCertificateBody) {
  return write(request, async (tx, audit) => {
    const { ctx, officer, certificate } = await certificateForManage(tx, request, id, input.version);
    const { version: _v, reason, ...next } = input;
    const row = await replaceCertificate(tx, stampOf(request, audit), certificate, officer, next, reason);
    return presentCertificate((await findCertificateRow(tx, row.id, ctx.today))!);
  });
}

/** 暂扣, 吊销 or 恢复有效; a replaced certificate stays replaced. */
export async function setCertificateStatus(request: FastifyRequest, id: string, input: CertificateStatusBody) {
  return write(request, async (tx, audit) => {
    const { ctx, officer, certificate } = await certificateForManage(tx, request, id, input.version);
    if (certificate.status === 'replaced') throw new AppError('CONFLICT', '该执法证已换发，状态不能再改');
    if (certificate.status === 'revoked') throw new AppError('CONFLICT', '该执法证已吊销，状态不能再改');
    if (input.status !== 'valid' && !input.reason) throw fieldRefused('reason', '暂扣或吊销须写明原因');
    const after = updated(
      await tx
        .update(enforcementCertificates)
        .set({ status: input.status, statusReason: input.reason, version: sql`${enforcementCertificates.version} + 1`, updatedAt: request.server.clock.now(), updatedBy: ctx.actor.userId })
        .where(and(eq(enforcementCertificates.id, id), eq(enforcementCertificates.version, input.version)))
        .returning(),
      '执法证',
    );
    await audit({ action: 'enforcement.certificate.status', entityType: ENTITY.certificate, entityId: id, orgId: officer.orgId, before: certificate, after });
    return presentCertificate((await findCertificateRow(tx, id, ctx.today))!);
  });
}

export async function addTraining(request: FastifyRequest, officerId: string, input: TrainingBody) {
  return write(request, async (tx, audit) => {
    const { officer } = await officerForManage(tx, request, officerId);
    const [row] = await tx
      .insert(enforcementTrainings)
      .values({ ...input, officerId, regionCode: officer.regionCode, createdBy: request.actor!.userId, updatedBy: request.actor!.userId, createdAt: request.server.clock.now(), updatedAt: request.server.clock.now() })
      .returning();
    await audit({ action: 'enforcement.training.create', entityType: ENTITY.training, entityId: row!.id, orgId: officer.orgId, after: row });
    return { id: row!.id, attendedOn: row!.attendedOn, course: row!.course, hours: row!.hours };
  });
}
