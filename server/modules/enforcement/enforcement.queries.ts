import { and, asc, eq, sql } from 'drizzle-orm';
import type { EnforcementField, LeniencyList } from '../../../contracts/enforcement.ts';
import type { LocalDate } from '../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { discretionBenchmarks, enforcementBodies, enforcementMatters, leniencyItems, townshipDelegations } from './enforcement.tables.ts';

/**
 * What other modules (行政执法案件) read of the registry — import these, not the tables:
 * - `findMatter(tx, matterId)`: the 执法事项 with its legal basis, or null.
 * - `findBenchmark(tx, benchmarkId)`: a 裁量基准 row with its matter (code, name, field, organisation), or null.
 * - `matchingLeniencyItem(tx, matterId, list)`: the matter's active entry of a 首违不罚 / 轻微违法 / 从轻减轻
 *   list, or null (行政处罚法 第三十二、三十三条).
 * - `bodyOfOrg(tx, orgId, field?)`: the organisation's active 执法主体 (for the field, if given), or null.
 * - `delegationOn(tx, townshipOrgId, matterId, day)`: the township's delegation of the matter in force that day, or null.
 * - `officerEligibility` (eligibility.ts): whether officers may enforce in a field on a day.
 */

export async function findMatter(db: Queryable, matterId: string) {
  const [row] = await db.select().from(enforcementMatters).where(eq(enforcementMatters.id, matterId));
  return row ?? null;
}

export async function findBenchmark(db: Queryable, benchmarkId: string) {
  const [row] = await db
    .select({
      id: discretionBenchmarks.id,
      regionCode: discretionBenchmarks.regionCode,
      matterId: discretionBenchmarks.matterId,
      matterCode: enforcementMatters.code,
      matterName: enforcementMatters.name,
      field: enforcementMatters.field,
      orgId: enforcementMatters.orgId,
      violation: discretionBenchmarks.violation,
      circumstances: discretionBenchmarks.circumstances,
      level: discretionBenchmarks.level,
      fineMin: discretionBenchmarks.fineMin,
      fineMax: discretionBenchmarks.fineMax,
      otherPenalties: discretionBenchmarks.otherPenalties,
    })
    .from(discretionBenchmarks)
    .innerJoin(enforcementMatters, eq(enforcementMatters.id, discretionBenchmarks.matterId))
    .where(eq(discretionBenchmarks.id, benchmarkId));
  return row ?? null;
}

export async function matchingLeniencyItem(db: Queryable, matterId: string, list: LeniencyList) {
  const [row] = await db
    .select({ id: leniencyItems.id, list: leniencyItems.list, matterId: leniencyItems.matterId, conditions: leniencyItems.conditions, publishedOn: leniencyItems.publishedOn })
    .from(leniencyItems)
    .where(and(eq(leniencyItems.matterId, matterId), eq(leniencyItems.list, list), eq(leniencyItems.status, 'active')))
    .orderBy(sql`${leniencyItems.publishedOn} desc nulls last`)
    .limit(1);
  return row ?? null;
}

export async function bodyOfOrg(db: Queryable, orgId: string, field?: EnforcementField) {
  const [row] = await db
    .select({ id: enforcementBodies.id, name: enforcementBodies.name, kind: enforcementBodies.kind, fields: enforcementBodies.fields, legalBasis: enforcementBodies.legalBasis, orgId: enforcementBodies.orgId })
    .from(enforcementBodies)
    .where(and(eq(enforcementBodies.orgId, orgId), eq(enforcementBodies.status, 'active'), field ? sql`${field} = any(${enforcementBodies.fields})` : undefined))
    .orderBy(asc(enforcementBodies.name))
    .limit(1);
  return row ?? null;
}

export async function delegationOn(db: Queryable, townshipOrgId: string, matterId: string, day: LocalDate) {
  const [row] = await db
    .select()
    .from(townshipDelegations)
    .where(
      and(
        eq(townshipDelegations.townshipOrgId, townshipOrgId),
        eq(townshipDelegations.matterId, matterId),
        sql`${townshipDelegations.since} <= ${day} and (${townshipDelegations.until} is null or ${townshipDelegations.until} > ${day})`,
      ),
    )
    .limit(1);
  return row ?? null;
}
