import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import type { CampaignFigures, CampaignFilter } from './campaigns.schemas.ts';
import { inspections, specialCampaigns } from './supervision.tables.ts';

export type CampaignInsert = typeof specialCampaigns.$inferInsert;

const columns = {
  id: specialCampaigns.id,
  version: specialCampaigns.version,
  regionCode: specialCampaigns.regionCode,
  title: specialCampaigns.title,
  field: specialCampaigns.field,
  leadOrgId: specialCampaigns.leadOrgId,
  leadOrgName: organisations.name,
  startsOn: specialCampaigns.startsOn,
  endsOn: specialCampaigns.endsOn,
  description: specialCampaigns.description,
};

const base = (db: Queryable) => db.select(columns).from(specialCampaigns).innerJoin(organisations, eq(organisations.id, specialCampaigns.leadOrgId));
export type CampaignRow = Awaited<ReturnType<typeof base>>[number];

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(regionCode: string, filter: CampaignFilter): SQL {
  return and(
    eq(specialCampaigns.regionCode, regionCode),
    filter.year ? sql`${specialCampaigns.startsOn} <= ${`${filter.year}-12-31`} and ${specialCampaigns.endsOn} >= ${`${filter.year}-01-01`}` : undefined,
    filter.field ? eq(specialCampaigns.field, filter.field) : undefined,
    filter.leadOrgId ? eq(specialCampaigns.leadOrgId, filter.leadOrgId) : undefined,
    filter.q ? sql`${specialCampaigns.title} ilike ${likePattern(filter.q)}` : undefined,
  )!;
}

export function findCampaigns(db: Queryable, regionCode: string, filter: CampaignFilter, paging: Paging) {
  return findPage(db, () => base(db).where(conditions(regionCode, filter)).$dynamic(), [desc(specialCampaigns.startsOn), desc(specialCampaigns.id)], paging);
}

export async function findCampaign(db: Queryable, id: string): Promise<CampaignRow | undefined> {
  const [row] = await base(db).where(eq(specialCampaigns.id, id));
  return row;
}

export async function insertCampaign(db: Queryable, values: CampaignInsert): Promise<string> {
  const [row] = await db.insert(specialCampaigns).values(values).returning({ id: specialCampaigns.id });
  return row!.id;
}

export async function updateCampaign(db: Queryable, id: string, version: number, values: Partial<CampaignInsert>): Promise<boolean> {
  const rows = await db
    .update(specialCampaigns)
    .set({ ...values, version: sql`${specialCampaigns.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(specialCampaigns.id, id), eq(specialCampaigns.version, version)))
    .returning({ id: specialCampaigns.id });
  return rows.length === 1;
}

/** One target counted once: by its credit code, or by its name when it has none. */
export const targetKey = sql`coalesce(${inspections.targetCreditCode}, ${inspections.targetName})`;

const emptyFigures = (): CampaignFigures => ({
  inspections: 0,
  targets: 0,
  targetsByType: [],
  rectificationOrders: 0,
  hazardsFound: 0,
  placesClosed: 0,
  demolished: 0,
  transfersToJudiciary: 0,
  documentsIssued: 0,
  casesFiled: 0,
});

/**
 * The campaigns' results, counted in SQL from their inspections and enforcement cases (three grouped
 * queries). `inspectionsWithin` restricts the inspections counted (a reader's data scope).
 */
export async function campaignFigures(db: Queryable, ids: string[], inspectionsWithin: SQL = sql`true`): Promise<Map<string, CampaignFigures>> {
  const out = new Map(ids.map((id) => [id, emptyFigures()]));
  if (!ids.length) return out;
  const [totals, byType, caseCounts] = await Promise.all([
    db
      .select({
        campaignId: sql<string>`${inspections.campaignId}`,
        inspections: sql<number>`count(*)::int`,
        targets: sql<number>`count(distinct ${targetKey})::int`,
        rectificationOrders: sql<number>`count(*) filter (where ${inspections.rectificationOrdered})::int`,
        hazardsFound: sql<number>`coalesce(sum(${inspections.hazardsFound}), 0)::int`,
        placesClosed: sql<number>`count(*) filter (where ${inspections.placeClosed})::int`,
        demolished: sql<number>`count(*) filter (where ${inspections.demolished})::int`,
        transfersToJudiciary: sql<number>`count(*) filter (where ${inspections.transferredToJudiciary})::int`,
        documentsIssued: sql<number>`coalesce(sum(${inspections.documentsIssued}), 0)::int`,
      })
      .from(inspections)
      .where(and(inArray(inspections.campaignId, ids), inspectionsWithin))
      .groupBy(inspections.campaignId),
    db
      .select({
        campaignId: sql<string>`${inspections.campaignId}`,
        targetType: sql<string>`coalesce(${inspections.targetType}, '')`,
        targets: sql<number>`count(distinct ${targetKey})::int`,
        inspections: sql<number>`count(*)::int`,
      })
      .from(inspections)
      .where(and(inArray(inspections.campaignId, ids), inspectionsWithin))
      .groupBy(inspections.campaignId, sql`coalesce(${inspections.targetType}, '')`)
      .orderBy(sql`count(distinct ${targetKey}) desc`, sql`coalesce(${inspections.targetType}, '')`),
    db
      .select({ campaignId: sql<string>`${enforcementCases.campaignId}`, casesFiled: sql<number>`count(*)::int` })
      .from(enforcementCases)
      .where(inArray(enforcementCases.campaignId, ids))
      .groupBy(enforcementCases.campaignId),
  ]);
  for (const { campaignId, ...row } of totals) Object.assign(out.get(campaignId)!, row);
  for (const { campaignId, ...row } of byType) out.get(campaignId)!.targetsByType.push(row);
  for (const { campaignId, casesFiled } of caseCounts) out.get(campaignId)!.casesFiled = casesFiled;
  return out;
}

/** The enforcement cases grouped under a campaign: the records behind its "cases filed" figure. */
export function findCampaignCases(db: Queryable, campaignId: string, limit: number) {
  return db
    .select({
      id: cases.id,
      title: cases.title,
      partyName: enforcementCases.partyName,
      orgName: organisations.name,
      filedOn: enforcementCases.filedOn,
      state: cases.state,
      transferredToJudiciary: enforcementCases.transferredToJudiciary,
    })
    .from(enforcementCases)
    .innerJoin(cases, eq(cases.id, enforcementCases.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(eq(enforcementCases.campaignId, campaignId))
    .orderBy(desc(enforcementCases.filedOn), desc(cases.id))
    .limit(limit);
}
