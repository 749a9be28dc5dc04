import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Audit } from '../../kernel/http/context.ts';
import type { Tx } from '../../kernel/db/db.ts';
import { users } from '../../kernel/auth/auth.tables.ts';
import { fieldRefused, notFound } from '../../kernel/errors/app-error.ts';
import { ENTITY } from './enforcement.permissions.ts';
import type { BenchmarkInput, CertificateInput, DelegationInput, MatterInput } from './enforcement.schemas.ts';
import {
  discretionBenchmarks,
  enforcementBodies,
  enforcementCertificates,
  enforcementMatters,
  enforcementOfficers,
  townshipDelegations,
} from './enforcement.tables.ts';
import { checkValidity, conflict, duplicate, updated } from './use-cases/guards.ts';

/**
 * The registry's writes that both the forms and the Excel imports make, inside the caller's
 * transaction, each with its audit row. Scope is the caller's to check.
 */

export interface Stamp {
  actor: Actor;
  at: Date;
  audit: Audit;
  /** Recorded in the audit row's detail, e.g. { via: 'import', row: 7 }. */
  detail?: Record<string, unknown>;
}

const meta = (s: Stamp) => ({ updatedAt: s.at, updatedBy: s.actor.userId });

export async function assertCertificateNoFree(tx: Tx, regionCode: string, certificateNo: string): Promise<void> {
  const [taken] = await tx
    .select({ id: enforcementCertificates.id })
    .from(enforcementCertificates)
    .where(and(eq(enforcementCertificates.regionCode, regionCode), eq(enforcementCertificates.certificateNo, certificateNo)));
  if (taken) throw duplicate('certificateNo', `执法证号“${certificateNo}”已登记`);
}

export async function assertUserOfRegion(tx: Tx, regionCode: string, userId: string | null): Promise<void> {
  if (!userId) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.regionCode, regionCode)));
  if (!user) throw fieldRefused('userId', '关联的系统账号不存在');
}

/** A certificate must be for a field its officer's body works in. */
export async function assertBodyField(tx: Tx, bodyId: string, field: string): Promise<void> {
  const [body] = await tx.select({ fields: enforcementBodies.fields, name: enforcementBodies.name }).from(enforcementBodies).where(eq(enforcementBodies.id, bodyId));
  if (body && !body.fields.includes(field as never)) throw fieldRefused('field', `执法领域不属于「${body.name}」的执法领域`);
}

export async function insertCertificate(tx: Tx, s: Stamp, officer: { id: string; regionCode: string; orgId: string; bodyId: string }, input: CertificateInput, replacesId: string | null = null) {
  checkValidity(input.issuedOn, input.validUntil);
  await assertBodyField(tx, officer.bodyId, input.field);
  await assertCertificateNoFree(tx, officer.regionCode, input.certificateNo);
  const [row] = await tx
    .insert(enforcementCertificates)
    .values({ ...input, regionCode: officer.regionCode, officerId: officer.id, replacesId, status: 'valid', createdBy: s.actor.userId, createdAt: s.at, ...meta(s) })
    .returning();
  await s.audit({ action: replacesId ? 'enforcement.certificate.replace' : 'enforcement.certificate.issue', entityType: ENTITY.certificate, entityId: row!.id, orgId: officer.orgId, regionCode: officer.regionCode, after: row, detail: s.detail });
  return row!;
}

/** 换证: the new certificate names the old one, which becomes 已换发 — both in one transaction. */
export async function replaceCertificate(tx: Tx, s: Stamp, old: { id: string; version: number; status: string }, officer: { id: string; regionCode: string; orgId: string; bodyId: string }, input: CertificateInput, reason: string | null) {
  if (old.status === 'replaced') throw conflict('该执法证已换发，不能再次换证');
  if (old.status === 'revoked') throw conflict('该执法证已吊销，不能换证，请重新申领');
  const [before] = await tx.select().from(enforcementCertificates).where(eq(enforcementCertificates.id, old.id)).for('update');
  const after = updated(
    await tx
      .update(enforcementCertificates)
      .set({ status: 'replaced', statusReason: reason ?? '换证', version: sql`${enforcementCertificates.version} + 1`, ...meta(s) })
      .where(and(eq(enforcementCertificates.id, old.id), eq(enforcementCertificates.version, old.version)))
      .returning(),
    '执法证',
  );
  await s.audit({ action: 'enforcement.certificate.status', entityType: ENTITY.certificate, entityId: old.id, orgId: officer.orgId, regionCode: officer.regionCode, before, after, detail: s.detail });
  return insertCertificate(tx, s, officer, input, old.id);
}

export async function insertMatter(tx: Tx, s: Stamp, regionCode: string, input: MatterInput) {
  const [taken] = await tx.select({ id: enforcementMatters.id }).from(enforcementMatters).where(and(eq(enforcementMatters.regionCode, regionCode), eq(enforcementMatters.code, input.code)));
  if (taken) throw duplicate('code', `事项编码“${input.code}”已登记`);
  const [row] = await tx.insert(enforcementMatters).values({ ...input, regionCode, createdBy: s.actor.userId, createdAt: s.at, ...meta(s) }).returning();
  await s.audit({ action: 'enforcement.matter.create', entityType: ENTITY.matter, entityId: row!.id, orgId: row!.orgId, regionCode, after: row, detail: s.detail });
  return row!;
}

export async function updateMatterRow(tx: Tx, s: Stamp, id: string, version: number, input: MatterInput) {
  const [before] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, id));
  if (!before) throw notFound('执法事项');
  const [taken] = await tx
    .select({ id: enforcementMatters.id })
    .from(enforcementMatters)
    .where(and(eq(enforcementMatters.regionCode, before.regionCode), eq(enforcementMatters.code, input.code), ne(enforcementMatters.id, id)));
  if (taken) throw duplicate('code', `事项编码“${input.code}”已登记`);
  const after = updated(
    await tx
      .update(enforcementMatters)
      .set({ ...input, version: sql`${enforcementMatters.version} + 1`, ...meta(s) })
      .where(and(eq(enforcementMatters.id, id), eq(enforcementMatters.version, version)))
      .returning(),
    '执法事项',
  );
  await s.audit({ action: 'enforcement.matter.update', entityType: ENTITY.matter, entityId: id, orgId: after.orgId, regionCode: after.regionCode, before, after, detail: s.detail });
  return after;
}

export async function insertBenchmark(tx: Tx, s: Stamp, matter: { id: string; regionCode: string; orgId: string }, input: BenchmarkInput) {
  const [row] = await tx
    .insert(discretionBenchmarks)
    .values({ ...input, matterId: matter.id, regionCode: matter.regionCode, createdBy: s.actor.userId, createdAt: s.at, ...meta(s) })
    .returning();
  await s.audit({ action: 'enforcement.benchmark.create', entityType: ENTITY.benchmark, entityId: row!.id, orgId: matter.orgId, regionCode: matter.regionCode, after: row, detail: s.detail });
  return row!;
}

export async function updateBenchmarkRow(tx: Tx, s: Stamp, id: string, version: number, orgId: string, input: BenchmarkInput) {
  const [before] = await tx.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id));
  if (!before) throw notFound('裁量基准');
  const after = updated(
    await tx
      .update(discretionBenchmarks)
      .set({ ...input, version: sql`${discretionBenchmarks.version} + 1`, ...meta(s) })
      .where(and(eq(discretionBenchmarks.id, id), eq(discretionBenchmarks.version, version)))
      .returning(),
    '裁量基准',
  );
  await s.audit({ action: 'enforcement.benchmark.update', entityType: ENTITY.benchmark, entityId: id, orgId, regionCode: after.regionCode, before, after, detail: s.detail });
  return after;
}

/** A matter can be delegated to a township once at a time (the partial unique index agrees). */
export async function insertDelegation(tx: Tx, s: Stamp, regionCode: string, input: Required<Pick<DelegationInput, 'fromOrgId'>> & DelegationInput) {
  const [active] = await tx
    .select({ id: townshipDelegations.id })
    .from(townshipDelegations)
    .where(and(eq(townshipDelegations.townshipOrgId, input.townshipOrgId), eq(townshipDelegations.matterId, input.matterId), isNull(townshipDelegations.until)));
  if (active) throw duplicate('matterId', '该事项已赋权该乡镇，且尚未终止');
  const [row] = await tx
    .insert(townshipDelegations)
    .values({ ...input, regionCode, createdBy: s.actor.userId, createdAt: s.at, ...meta(s) })
    .returning();
  await s.audit({ action: 'enforcement.delegation.create', entityType: ENTITY.delegation, entityId: row!.id, orgId: input.townshipOrgId, regionCode, after: row, detail: s.detail });
  return row!;
}

export async function lockOfficer(tx: Tx, id: string) {
  const [row] = await tx.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, id)).for('update');
  return row;
}
