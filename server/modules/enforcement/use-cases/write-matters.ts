import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { ENTITY } from '../enforcement.permissions.ts';
import { findBenchmarkRow, findDelegationRow, findLeniencyRow, findMatterRow } from '../matters.repository.ts';
import { presentBenchmark, presentDelegation, presentLeniency, presentMatter } from '../enforcement.present.ts';
import type { BenchmarkInput, DelegationInput, LeniencyInput, MatterInput } from '../enforcement.schemas.ts';
import { insertBenchmark, insertDelegation, insertMatter, updateBenchmarkRow, updateMatterRow, type Stamp } from '../enforcement.store.ts';
import { discretionBenchmarks, enforcementMatters, leniencyItems, townshipDelegations } from '../enforcement.tables.ts';
import { checkVersion, duplicate, manageContext, orgForManage, rowForManage, updated } from './guards.ts';

/** 执法事项, 裁量基准, 清单 and 乡镇赋权: the forms' writes. A department manages its own matters. */

const stampOf = (request: FastifyRequest, audit: Stamp['audit']): Stamp => ({ actor: request.actor!, at: request.server.clock.now(), audit });

export async function createMatter(request: FastifyRequest, input: MatterInput) {
  return write(request, async (tx, audit) => {
    const ctx = manageContext(request);
    await orgForManage(tx, ctx.actor, ctx.scope, input.orgId);
    const row = await insertMatter(tx, stampOf(request, audit), ctx.actor.regionCode, input);
    return presentMatter((await findMatterRow(tx, row.id, ctx.today))!);
  });
}

export async function updateMatter(request: FastifyRequest, id: string, input: MatterInput & { version: number }) {
  return write(request, async (tx, audit) => {
    const ctx = manageContext(request);
    const [before] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, id)).for('update');
    await rowForManage(tx, ctx.actor, ctx.scope, before, '执法事项');
    checkVersion(before!.version, input.version, '执法事项');
    await orgForManage(tx, ctx.actor, ctx.scope, input.orgId);
    const { version, ...fields } = input;
    await updateMatterRow(tx, stampOf(request, audit), id, version, fields);
    return presentMatter((await findMatterRow(tx, id, ctx.today))!);
  });
}

/** The matter a benchmark, list entry or delegation hangs on, within the actor's manage scope. */
async function matterForManage(tx: Tx, request: FastifyRequest, matterId: string) {
  const ctx = manageContext(request);
  const [matter] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, matterId));
  if (!matter || matter.regionCode !== ctx.actor.regionCode) throw fieldRefused('matterId', '执法事项不存在', 'NOT_FOUND');
  await orgForManage(tx, ctx.actor, ctx.scope, matter.orgId, 'matterId');
  return { ctx, matter };
}

export async function createBenchmark(request: FastifyRequest, input: BenchmarkInput) {
  return write(request, async (tx, audit) => {
    const { matter } = await matterForManage(tx, request, input.matterId);
    const row = await insertBenchmark(tx, stampOf(request, audit), matter, input);
    return presentBenchmark((await findBenchmarkRow(tx, row.id))!);
  });
}

export async function updateBenchmark(request: FastifyRequest, id: string, input: BenchmarkInput & { version: number }) {
  return write(request, async (tx, audit) => {
    const [before] = await tx.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id)).for('update');
    if (!before) throw notFound('裁量基准');
    await matterForManage(tx, request, before.matterId);
    const { matter } = await matterForManage(tx, request, input.matterId);
    checkVersion(before.version, input.version, '裁量基准');
    const { version, ...fields } = input;
    await updateBenchmarkRow(tx, stampOf(request, audit), id, version, matter.orgId, fields);
    return presentBenchmark((await findBenchmarkRow(tx, id))!);
  });
}

export async function deleteBenchmark(request: FastifyRequest, id: string, version: number) {
  return write(request, async (tx, audit) => {
    const [before] = await tx.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id)).for('update');
    if (!before) throw notFound('裁量基准');
    const { matter } = await matterForManage(tx, request, before.matterId);
    checkVersion(before.version, version, '裁量基准');
    await tx.delete(discretionBenchmarks).where(eq(discretionBenchmarks.id, id));
    await audit({ action: 'enforcement.benchmark.delete', entityType: ENTITY.benchmark, entityId: id, orgId: matter.orgId, before });
  });
}

async function assertListFree(tx: Tx, input: LeniencyInput, id?: string) {
  const [taken] = await tx
    .select({ id: leniencyItems.id })
    .from(leniencyItems)
    .where(and(eq(leniencyItems.matterId, input.matterId), eq(leniencyItems.list, input.list), eq(leniencyItems.status, 'active'), id ? sql`${leniencyItems.id} <> ${id}` : undefined));
  if (taken && input.status === 'active') throw duplicate('matterId', '该事项已列入此清单');
}

export async function createLeniency(request: FastifyRequest, input: LeniencyInput) {
  return write(request, async (tx, audit) => {
    const { matter } = await matterForManage(tx, request, input.matterId);
    await assertListFree(tx, input);
    const [row] = await tx
      .insert(leniencyItems)
      .values({ ...input, regionCode: matter.regionCode, createdBy: request.actor!.userId, updatedBy: request.actor!.userId, createdAt: request.server.clock.now(), updatedAt: request.server.clock.now() })
      .returning();
    await audit({ action: 'enforcement.leniency.create', entityType: ENTITY.leniency, entityId: row!.id, orgId: matter.orgId, after: row });
    return presentLeniency((await findLeniencyRow(tx, row!.id))!);
  });
}

export async function updateLeniency(request: FastifyRequest, id: string, input: LeniencyInput & { version: number }) {
  return write(request, async (tx, audit) => {
    const [before] = await tx.select().from(leniencyItems).where(eq(leniencyItems.id, id)).for('update');
    if (!before) throw notFound('清单事项');
    await matterForManage(tx, request, before.matterId);
    const { matter } = await matterForManage(tx, request, input.matterId);
    checkVersion(before.version, input.version, '清单事项');
    await assertListFree(tx, input, id);
    const { version, ...fields } = input;
    const after = updated(
      await tx
        .update(leniencyItems)
        .set({ ...fields, version: sql`${leniencyItems.version} + 1`, updatedAt: request.server.clock.now(), updatedBy: request.actor!.userId })
        .where(and(eq(leniencyItems.id, id), eq(leniencyItems.version, version)))
        .returning(),
      '清单事项',
    );
    await audit({ action: 'enforcement.leniency.update', entityType: ENTITY.leniency, entityId: id, orgId: matter.orgId, before, after });
    return presentLeniency((await findLeniencyRow(tx, id))!);
  });
}

export async function createDelegation(request: FastifyRequest, input: DelegationInput) {
  return write(request, async (tx, audit) => {
    const { ctx, matter } = await matterForManage(tx, request, input.matterId);
    const fromOrgId = input.fromOrgId ?? matter.orgId;
    await orgForManage(tx, ctx.actor, ctx.scope, fromOrgId, 'fromOrgId');
    const town = await orgForManage(tx, ctx.actor, 'region', input.townshipOrgId, 'townshipOrgId');
    if (town.type !== 'township' && town.type !== 'street') throw fieldRefused('townshipOrgId', `「${town.name}」不是乡镇（街道），不能接受赋权`);
    const row = await insertDelegation(tx, stampOf(request, audit), ctx.actor.regionCode, { ...input, fromOrgId });
    return presentDelegation((await findDelegationRow(tx, row.id))!);
  });
}

/** Revocation keeps the row with its `until`: figures for earlier days still count it. */
export async function revokeDelegation(request: FastifyRequest, id: string, input: { version: number; until: string }) {
  return write(request, async (tx, audit) => {
    const ctx = manageContext(request);
    const [before] = await tx.select().from(townshipDelegations).where(eq(townshipDelegations.id, id)).for('update');
    await rowForManage(tx, ctx.actor, ctx.scope, before ? { ...before, orgId: before.fromOrgId } : undefined, '赋权事项');
    checkVersion(before!.version, input.version, '赋权事项');
    if (before!.until) throw new AppError('CONFLICT', '该赋权已终止');
    if (input.until <= before!.since) throw fieldRefused('until', '终止日期须晚于起始日期');
    const after = updated(
      await tx
        .update(townshipDelegations)
        .set({ until: input.until, version: sql`${townshipDelegations.version} + 1`, updatedAt: request.server.clock.now(), updatedBy: ctx.actor.userId })
        .where(and(eq(townshipDelegations.id, id), eq(townshipDelegations.version, input.version)))
        .returning(),
      '赋权事项',
    );
    await audit({ action: 'enforcement.delegation.revoke', entityType: ENTITY.delegation, entityId: id, orgId: before!.townshipOrgId, before, after });
    return presentDelegation((await findDelegationRow(tx, id))!);
  });
}
