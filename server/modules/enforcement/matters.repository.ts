import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LocalDate } from '../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { direction, ordered, type ListContext } from './enforcement.repository.ts';
import { likePattern, orgScoped } from './enforcement.sql.ts';
import type { BenchmarkFilter, DelegationFilter, LeniencyFilter, MatterFilter } from './enforcement.schemas.ts';
import { discretionBenchmarks, enforcementMatters, leniencyItems, townshipDelegations } from './enforcement.tables.ts';

/** The lists of matters, benchmarks, leniency lists and township delegations (same shape as the people's). */

const township = alias(organisations, 'township');
const fromOrg = alias(organisations, 'from_org');

// ——— 执法事项 ———
const inForceDelegation = (day: LocalDate) =>
  sql`${townshipDelegations.since} <= ${day} and (${townshipDelegations.until} is null or ${townshipDelegations.until} > ${day})`;

const matterColumns = (today: LocalDate) => ({
  id: enforcementMatters.id,
  regionCode: enforcementMatters.regionCode,
  code: enforcementMatters.code,
  name: enforcementMatters.name,
  category: enforcementMatters.category,
  field: enforcementMatters.field,
  orgId: enforcementMatters.orgId,
  orgName: organisations.name,
  legalBasis: enforcementMatters.legalBasis,
  penaltyBasis: enforcementMatters.penaltyBasis,
  status: enforcementMatters.status,
  benchmarkCount: sql<number>`(select count(*)::int from ${discretionBenchmarks} where ${discretionBenchmarks.matterId} = ${enforcementMatters.id})`,
  townshipCount: sql<number>`(select count(*)::int from ${townshipDelegations} where ${townshipDelegations.matterId} = ${enforcementMatters.id} and ${inForceDelegation(today)})`,
  version: enforcementMatters.version,
});
export type MatterRow = Awaited<ReturnType<ReturnType<typeof mattersBase>['execute']>>[number];
const mattersBase = (db: Queryable, today: LocalDate) =>
  db.select(matterColumns(today)).from(enforcementMatters).innerJoin(organisations, eq(organisations.id, enforcementMatters.orgId));

export const matterReadable = (ctx: Pick<ListContext, 'actor' | 'scope'>) => orgScoped(ctx.actor, ctx.scope, enforcementMatters.orgId, enforcementMatters.regionCode);

function matterConditions(ctx: ListContext, f: MatterFilter): SQL {
  const pattern = f.q ? likePattern(f.q) : undefined;
  const delegated = sql`exists (select 1 from ${townshipDelegations} where ${townshipDelegations.matterId} = ${enforcementMatters.id} and ${inForceDelegation(ctx.today)})`;
  return and(
    matterReadable(ctx),
    pattern
      ? or(
          sql`${enforcementMatters.code} ilike ${pattern}`,
          sql`${enforcementMatters.name} ilike ${pattern}`,
          sql`${enforcementMatters.legalBasis} ilike ${pattern}`,
        )
      : undefined,
    f.field ? eq(enforcementMatters.field, f.field) : undefined,
    f.category ? eq(enforcementMatters.category, f.category) : undefined,
    f.orgId ? eq(enforcementMatters.orgId, f.orgId) : undefined,
    f.status ? eq(enforcementMatters.status, f.status) : undefined,
    f.delegated === undefined ? undefined : f.delegated ? delegated : sql`not ${delegated}`,
  )!;
}
const matterSorts = { code: enforcementMatters.code, name: enforcementMatters.name, field: enforcementMatters.field, orgName: organisations.name };
const matterOrder = (f: MatterFilter) => ordered(matterSorts[f.sort], f.order, enforcementMatters.id);

export const findMatters = (db: Queryable, ctx: ListContext, f: MatterFilter, paging: Paging) =>
  findPage(db, () => mattersBase(db, ctx.today).where(matterConditions(ctx, f)).$dynamic(), matterOrder(f), paging);
export const findMattersForExport = (db: Queryable, ctx: ListContext, f: MatterFilter, limit: number) =>
  mattersBase(db, ctx.today).where(matterConditions(ctx, f)).orderBy(...matterOrder(f)).limit(limit);
export const findMatterRow = async (db: Queryable, id: string, today: LocalDate) => (await mattersBase(db, today).where(eq(enforcementMatters.id, id)))[0];

// ——— 裁量基准 ———
const benchmarkColumns = {
  id: discretionBenchmarks.id,
  regionCode: discretionBenchmarks.regionCode,
  matterId: discretionBenchmarks.matterId,
  matterCode: enforcementMatters.code,
  matterName: enforcementMatters.name,
  field: enforcementMatters.field,
  orgId: enforcementMatters.orgId,
  orgName: organisations.name,
  violation: discretionBenchmarks.violation,
  circumstances: discretionBenchmarks.circumstances,
  level: discretionBenchmarks.level,
  fineMin: discretionBenchmarks.fineMin,
  fineMax: discretionBenchmarks.fineMax,
  otherPenalties: discretionBenchmarks.otherPenalties,
  sortOrder: discretionBenchmarks.sortOrder,
  version: discretionBenchmarks.version,
};
export type BenchmarkRow = Awaited<ReturnType<ReturnType<typeof benchmarksBase>['execute']>>[number];
const benchmarksBase = (db: Queryable) =>
  db
    .select(benchmarkColumns)
    .from(discretionBenchmarks)
    .innerJoin(enforcementMatters, eq(enforcementMatters.id, discretionBenchmarks.matterId))
    .innerJoin(organisations, eq(organisations.id, enforcementMatters.orgId));

/** 裁量阶次 in the order of severity, for sorting. */
const levelRank = sql`array_position(array['none','lighter','mitigated','general','heavier']::text[], ${discretionBenchmarks.level}::text)`;

function benchmarkConditions(ctx: ListContext, f: BenchmarkFilter): SQL {
  const pattern = f.q ? likePattern(f.q) : undefined;
  return and(
    matterReadable(ctx),
    pattern
      ? or(
          sql`${discretionBenchmarks.violation} ilike ${pattern}`,
          sql`${discretionBenchmarks.circumstances} ilike ${pattern}`,
          sql`${enforcementMatters.name} ilike ${pattern}`,
          sql`${enforcementMatters.code} ilike ${pattern}`,
        )
      : undefined,
    f.matterId ? eq(discretionBenchmarks.matterId, f.matterId) : undefined,
    f.field ? eq(enforcementMatters.field, f.field) : undefined,
    f.level ? eq(discretionBenchmarks.level, f.level) : undefined,
  )!;
}
const benchmarkOrder = (f: BenchmarkFilter): SQL[] => {
  const sorts = { matterCode: enforcementMatters.code, level: levelRank, fineMax: discretionBenchmarks.fineMax };
  return [sql`${sorts[f.sort]} ${direction(f.order)}`, asc(discretionBenchmarks.sortOrder), sql`${levelRank} asc`, asc(discretionBenchmarks.id)];
};

export const findBenchmarks = (db: Queryable, ctx: ListContext, f: BenchmarkFilter, paging: Paging) =>
  findPage(db, () => benchmarksBase(db).where(benchmarkConditions(ctx, f)).$dynamic(), benchmarkOrder(f), paging);
export const findBenchmarksForExport = (db: Queryable, ctx: ListContext, f: BenchmarkFilter, limit: number) =>
  benchmarksBase(db).where(benchmarkConditions(ctx, f)).orderBy(...benchmarkOrder(f)).limit(limit);
export const findBenchmarkRow = async (db: Queryable, id: string) => (await benchmarksBase(db).where(eq(discretionBenchmarks.id, id)))[0];

// ——— 首违不罚 / 轻微违法不予处罚 / 从轻减轻 ———
const leniencyColumns = {
  id: leniencyItems.id,
  regionCode: leniencyItems.regionCode,
  list: leniencyItems.list,
  matterId: leniencyItems.matterId,
  matterCode: enforcementMatters.code,
  matterName: enforcementMatters.name,
  field: enforcementMatters.field,
  orgId: enforcementMatters.orgId,
  orgName: organisations.name,
  legalBasis: enforcementMatters.legalBasis,
  conditions: leniencyItems.conditions,
  publishedOn: leniencyItems.publishedOn,
  status: leniencyItems.status,
  version: leniencyItems.version,
};
export type LeniencyRow = Awaited<ReturnType<ReturnType<typeof leniencyBase>['execute']>>[number];
const leniencyBase = (db: Queryable) =>
  db
    .select(leniencyColumns)
    .from(leniencyItems)
    .innerJoin(enforcementMatters, eq(enforcementMatters.id, leniencyItems.matterId))
    .innerJoin(organisations, eq(organisations.id, enforcementMatters.orgId));

function leniencyConditions(ctx: ListContext, f: LeniencyFilter): SQL {
  const pattern = f.q ? likePattern(f.q) : undefined;
  return and(
    matterReadable(ctx),
    pattern
      ? or(sql`${enforcementMatters.name} ilike ${pattern}`, sql`${enforcementMatters.code} ilike ${pattern}`, sql`${leniencyItems.conditions} ilike ${pattern}`)
      : undefined,
    f.list ? eq(leniencyItems.list, f.list) : undefined,
    f.field ? eq(enforcementMatters.field, f.field) : undefined,
    f.status ? eq(leniencyItems.status, f.status) : undefined,
  )!;
}
const leniencySorts = { matterCode: enforcementMatters.code, list: leniencyItems.list, publishedOn: leniencyItems.publishedOn };
const leniencyOrder = (f: LeniencyFilter) => ordered(leniencySorts[f.sort], f.order, leniencyItems.id);

export const findLeniency = (db: Queryable, ctx: ListContext, f: LeniencyFilter, paging: Paging) =>
  findPage(db, () => leniencyBase(db).where(leniencyConditions(ctx, f)).$dynamic(), leniencyOrder(f), paging);
export const findLeniencyForExport = (db: Queryable, ctx: ListContext, f: LeniencyFilter, limit: number) =>
  leniencyBase(db).where(leniencyConditions(ctx, f)).orderBy(...leniencyOrder(f)).limit(limit);
export const findLeniencyRow = async (db: Queryable, id: string) => (await leniencyBase(db).where(eq(leniencyItems.id, id)))[0];

// ——— 乡镇赋权 ———
const delegationColumns = {
  id: townshipDelegations.id,
  regionCode: townshipDelegations.regionCode,
  townshipOrgId: townshipDelegations.townshipOrgId,
  townshipName: township.name,
  matterId: townshipDelegations.matterId,
  matterCode: enforcementMatters.code,
  matterName: enforcementMatters.name,
  field: enforcementMatters.field,
  fromOrgId: townshipDelegations.fromOrgId,
  fromOrgName: fromOrg.name,
  since: townshipDelegations.since,
  until: townshipDelegations.until,
  documentNo: townshipDelegations.documentNo,
  version: townshipDelegations.version,
};
export type DelegationRow = Awaited<ReturnType<ReturnType<typeof delegationsBase>['execute']>>[number];
const delegationsBase = (db: Queryable) =>
  db
    .select(delegationColumns)
    .from(townshipDelegations)
    .innerJoin(township, eq(township.id, townshipDelegations.townshipOrgId))
    .innerJoin(fromOrg, eq(fromOrg.id, townshipDelegations.fromOrgId))
    .innerJoin(enforcementMatters, eq(enforcementMatters.id, townshipDelegations.matterId));

/** A township reads what it was given, a department what it gave. */
export const delegationReadable = (ctx: Pick<ListContext, 'actor' | 'scope'>) =>
  or(
    orgScoped(ctx.actor, ctx.scope, townshipDelegations.townshipOrgId, townshipDelegations.regionCode),
    orgScoped(ctx.actor, ctx.scope, townshipDelegations.fromOrgId, townshipDelegations.regionCode),
  )!;

function delegationConditions(ctx: ListContext, f: DelegationFilter): SQL {
  const pattern = f.q ? likePattern(f.q) : undefined;
  return and(
    delegationReadable(ctx),
    pattern
      ? or(sql`${enforcementMatters.name} ilike ${pattern}`, sql`${enforcementMatters.code} ilike ${pattern}`, sql`${townshipDelegations.documentNo} ilike ${pattern}`)
      : undefined,
    f.townshipOrgId ? eq(townshipDelegations.townshipOrgId, f.townshipOrgId) : undefined,
    f.fromOrgId ? eq(townshipDelegations.fromOrgId, f.fromOrgId) : undefined,
    f.matterId ? eq(townshipDelegations.matterId, f.matterId) : undefined,
    f.inForceOn ? inForceDelegation(f.inForceOn) : undefined,
  )!;
}
const delegationSorts = { since: townshipDelegations.since, townshipName: township.name, matterCode: enforcementMatters.code, fromOrgName: fromOrg.name };
const delegationOrder = (f: DelegationFilter): SQL[] => [sql`${delegationSorts[f.sort]} ${direction(f.order)}`, asc(enforcementMatters.code), asc(townshipDelegations.id)];

export const findDelegations = (db: Queryable, ctx: ListContext, f: DelegationFilter, paging: Paging) =>
  findPage(db, () => delegationsBase(db).where(delegationConditions(ctx, f)).$dynamic(), delegationOrder(f), paging);
export const findDelegationsForExport = (db: Queryable, ctx: ListContext, f: DelegationFilter, limit: number) =>
  delegationsBase(db).where(delegationConditions(ctx, f)).orderBy(...delegationOrder(f)).limit(limit);
export const findDelegationRow = async (db: Queryable, id: string) => (await delegationsBase(db).where(eq(townshipDelegations.id, id)))[0];
