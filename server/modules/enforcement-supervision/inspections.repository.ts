import { and, asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { scopeOnOrgId } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementBodies, enforcementMatters } from '../enforcement/enforcement.tables.ts';
import type { InspectionFilter } from './inspections.schemas.ts';
import { inspections, specialCampaigns } from './supervision.tables.ts';

export type InspectionInsert = typeof inspections.$inferInsert;

const columns = {
  id: inspections.id,
  version: inspections.version,
  regionCode: inspections.regionCode,
  orgId: inspections.orgId,
  orgName: organisations.name,
  bodyId: inspections.bodyId,
  bodyName: enforcementBodies.name,
  matterId: inspections.matterId,
  matterName: enforcementMatters.name,
  field: inspections.field,
  campaignId: inspections.campaignId,
  campaignTitle: specialCampaigns.title,
  inspectedOn: inspections.inspectedOn,
  targetName: inspections.targetName,
  targetType: inspections.targetType,
  targetCreditCode: inspections.targetCreditCode,
  place: inspections.place,
  result: inspections.result,
  rectificationOrdered: inspections.rectificationOrdered,
  hazardsFound: inspections.hazardsFound,
  placeClosed: inspections.placeClosed,
  demolished: inspections.demolished,
  documentsIssued: inspections.documentsIssued,
  transferredToJudiciary: inspections.transferredToJudiciary,
  officerNames: inspections.officerNames,
  notes: inspections.notes,
  caseId: inspections.caseId,
  importId: inspections.importId,
};

const base = (db: Queryable) =>
  db
    .select(columns)
    .from(inspections)
    .innerJoin(organisations, eq(organisations.id, inspections.orgId))
    .leftJoin(enforcementBodies, eq(enforcementBodies.id, inspections.bodyId))
    .leftJoin(enforcementMatters, eq(enforcementMatters.id, inspections.matterId))
    .leftJoin(specialCampaigns, eq(specialCampaigns.id, inspections.campaignId));

export type InspectionRow = Awaited<ReturnType<typeof base>>[number];

export const inspectionScope = (actor: Actor, scope: DataScope): SQL => scopeOnOrgId(actor, scope, { orgId: inspections.orgId, regionCode: inspections.regionCode });

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
const flagIs = (column: SQL | AnyColumn, value: boolean | undefined) => (value === undefined ? undefined : value ? sql`${column}` : sql`not ${column}`);

export function filterConditions(filter: Omit<InspectionFilter, 'sort' | 'order'>): SQL | undefined {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    filter.orgId ? eq(inspections.orgId, filter.orgId) : undefined,
    filter.field ? eq(inspections.field, filter.field) : undefined,
    filter.campaignId ? eq(inspections.campaignId, filter.campaignId) : undefined,
    filter.from ? sql`${inspections.inspectedOn} >= ${filter.from}` : undefined,
    filter.to ? sql`${inspections.inspectedOn} <= ${filter.to}` : undefined,
    filter.year ? sql`${inspections.inspectedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    filter.result ? eq(inspections.result, filter.result) : undefined,
    filter.targetType ? eq(inspections.targetType, filter.targetType) : undefined,
    flagIs(inspections.rectificationOrdered, filter.rectificationOrdered),
    flagIs(sql`${inspections.hazardsFound} > 0`, filter.withHazards),
    flagIs(inspections.placeClosed, filter.placeClosed),
    flagIs(inspections.demolished, filter.demolished),
    flagIs(inspections.transferredToJudiciary, filter.transferredToJudiciary),
    flagIs(sql`${inspections.documentsIssued} > 0`, filter.withDocuments),
    flagIs(sql`${inspections.caseId} is not null`, filter.withCase),
    filter.importId ? eq(inspections.importId, filter.importId) : undefined,
    pattern
      ? sql`(${inspections.targetName} ilike ${pattern} or ${inspections.targetCreditCode} ilike ${pattern} or ${inspections.place} ilike ${pattern})`
      : undefined,
  );
}

const sortColumns = {
  inspectedOn: inspections.inspectedOn,
  targetName: inspections.targetName,
  orgName: organisations.name,
  hazardsFound: inspections.hazardsFound,
  documentsIssued: inspections.documentsIssued,
};

function orderOf(filter: InspectionFilter): SQL[] {
  const direction = filter.order === 'asc' ? asc : desc;
  // The id breaks ties so that pages never repeat or skip a row.
  return [direction(sortColumns[filter.sort]), direction(inspections.id)];
}

export function findInspections(db: Queryable, actor: Actor, scope: DataScope, filter: InspectionFilter, paging: Paging) {
  return findPage(db, () => base(db).where(and(inspectionScope(actor, scope), filterConditions(filter))).$dynamic(), orderOf(filter), paging);
}

export function findInspectionsForExport(db: Queryable, actor: Actor, scope: DataScope, filter: InspectionFilter, limit: number) {
  return base(db)
    .where(and(inspectionScope(actor, scope), filterConditions(filter)))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findInspection(db: Queryable, id: string): Promise<InspectionRow | undefined> {
  const [row] = await base(db).where(eq(inspections.id, id));
  return row;
}

export async function insertInspection(db: Queryable, values: InspectionInsert): Promise<string> {
  const [row] = await db.insert(inspections).values(values).returning({ id: inspections.id });
  return row!.id;
}

/** Optimistic locking: updates only the version read; returns false when someone else changed it. */
export async function updateInspection(db: Queryable, id: string, version: number, values: Partial<InspectionInsert>): Promise<boolean> {
  const updated = await db
    .update(inspections)
    .set({ ...values, version: sql`${inspections.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(inspections.id, id), eq(inspections.version, version)))
    .returning({ id: inspections.id });
  return updated.length === 1;
}

/**
 * An import's rows in multi-row inserts: each chunk travels as one JSON parameter expanded by
 * jsonb_to_recordset, so a statement has a single parameter whatever its size (a VALUES list of 5,000
 * rows × 23 columns would pass the protocol's 65,535-parameter limit, and building it costs more than
 * the insert itself).
 */
export const INSERT_CHUNK = 5000;
export async function insertInspectionChunk(db: Queryable, rows: InspectionInsert[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      region_code: r.regionCode,
      org_id: r.orgId,
      body_id: r.bodyId ?? null,
      matter_id: r.matterId ?? null,
      field: r.field,
      campaign_id: r.campaignId ?? null,
      inspected_on: r.inspectedOn,
      target_name: r.targetName,
      target_type: r.targetType ?? null,
      target_credit_code: r.targetCreditCode ?? null,
      place: r.place ?? null,
      result: r.result,
      rectification_ordered: r.rectificationOrdered ?? false,
      hazards_found: r.hazardsFound ?? 0,
      place_closed: r.placeClosed ?? false,
      demolished: r.demolished ?? false,
      documents_issued: r.documentsIssued ?? 0,
      transferred_to_judiciary: r.transferredToJudiciary ?? false,
      officer_names: r.officerNames ?? null,
      notes: r.notes ?? null,
      import_id: r.importId ?? null,
      created_by: r.createdBy ?? null,
    })),
  );
  await db.execute(sql`insert into ${inspections} (region_code, org_id, body_id, matter_id, field, campaign_id, inspected_on, target_name, target_type,
      target_credit_code, place, result, rectification_ordered, hazards_found, place_closed, demolished, documents_issued, transferred_to_judiciary,
      officer_names, notes, import_id, created_by, updated_by)
    select region_code, org_id, body_id, matter_id, field, campaign_id, inspected_on, target_name, target_type, target_credit_code, place, result,
      rectification_ordered, hazards_found, place_closed, demolished, documents_issued, transferred_to_judiciary, officer_names, notes, import_id,
      created_by, created_by
    from jsonb_to_recordset(${json}::jsonb) as x(region_code varchar, org_id uuid, body_id uuid, matter_id uuid, field varchar, campaign_id uuid,
      inspected_on date, target_name varchar, target_type varchar, target_credit_code varchar, place varchar, result varchar,
      rectification_ordered boolean, hazards_found integer, place_closed boolean, demolished boolean, documents_issued integer,
      transferred_to_judiciary boolean, officer_names varchar, notes text, import_id uuid, created_by uuid)`);
}

/** Undo of an import: its rows within the actor's scope. */
export async function deleteImported(db: Queryable, actor: Actor, scope: DataScope, importId: string): Promise<{ total: number; inScope: number; deleted: number; regionCode: string | null }> {
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      inScope: sql<number>`count(*) filter (where ${inspectionScope(actor, scope)})::int`,
      regionCode: sql<string | null>`min(${inspections.regionCode})`,
    })
    .from(inspections)
    .where(eq(inspections.importId, importId));
  if (!counts || counts.total === 0 || counts.inScope !== counts.total) return { ...counts!, deleted: 0 };
  const deleted = await db.delete(inspections).where(eq(inspections.importId, importId)).returning({ id: inspections.id });
  return { ...counts, deleted: deleted.length };
}

/** What an import's rows may name, looked up once per file: the region's organisations, campaigns, bodies, matters. */
export async function importLookups(db: Queryable, regionCode: string) {
  const [orgs, campaigns, bodies, matters] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, code: organisations.code, path: organisations.path }).from(organisations).where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active'))),
    db.select({ id: specialCampaigns.id, title: specialCampaigns.title }).from(specialCampaigns).where(eq(specialCampaigns.regionCode, regionCode)),
    db.select({ id: enforcementBodies.id, name: enforcementBodies.name, orgId: enforcementBodies.orgId }).from(enforcementBodies).where(eq(enforcementBodies.regionCode, regionCode)),
    db.select({ id: enforcementMatters.id, code: enforcementMatters.code, name: enforcementMatters.name }).from(enforcementMatters).where(eq(enforcementMatters.regionCode, regionCode)),
  ]);
  return { orgs, campaigns, bodies, matters };
}

/** For a single entry: the referenced rows must exist in the region (and the body belong to the organisation). */
export async function referencesOf(db: Queryable, values: { bodyId?: string | null; matterId?: string | null; campaignId?: string | null; caseId?: string | null }) {
  const [body, matter, campaign, kase] = await Promise.all([
    values.bodyId ? db.select({ regionCode: enforcementBodies.regionCode, orgId: enforcementBodies.orgId }).from(enforcementBodies).where(eq(enforcementBodies.id, values.bodyId)) : [],
    values.matterId ? db.select({ regionCode: enforcementMatters.regionCode }).from(enforcementMatters).where(eq(enforcementMatters.id, values.matterId)) : [],
    values.campaignId ? db.select({ regionCode: specialCampaigns.regionCode }).from(specialCampaigns).where(eq(specialCampaigns.id, values.campaignId)) : [],
    values.caseId ? db.select({ regionCode: cases.regionCode, orgId: cases.orgId }).from(cases).where(eq(cases.id, values.caseId)) : [],
  ]);
  return { body: body[0], matter: matter[0], campaign: campaign[0], case: kase[0] };
}
