import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { scopeOnOrgId } from '../../kernel/auth/actor.ts';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import type { FileFilter } from './evaluations.schemas.ts';
import { CLOSED_CASE_STATES, EVALUATION_CAMPAIGN_ENTITY, EVALUATION_FILE_ENTITY, EVALUATION_MANAGE, EVALUATION_RECTIFY, EVALUATION_SCORE, PENALTY_CASE_TYPE } from './evaluations.permissions.ts';
import { evaluationCampaigns, evaluationFiles, evaluationSheets } from './supervision.tables.ts';

export type SheetRow = typeof evaluationSheets.$inferSelect;
export type CampaignRow = typeof evaluationCampaigns.$inferSelect;
export type FileRow = typeof evaluationFiles.$inferSelect;

const stamp = (at: Date, by: string | null) => ({ updatedAt: at, updatedBy: by, version: sql`version + 1` });

// ---- sheets

export function findSheets(db: Queryable, regionCode: string) {
  return db
    .select({
      sheet: evaluationSheets,
      usedBy: sql<number>`(select count(*)::int from ${evaluationCampaigns} where ${evaluationCampaigns.sheetId} = ${evaluationSheets.id})`,
    })
    .from(evaluationSheets)
    .where(eq(evaluationSheets.regionCode, regionCode))
    .orderBy(asc(evaluationSheets.createdAt), asc(evaluationSheets.id));
}

export async function findSheet(db: Queryable, id: string) {
  const [row] = await db
    .select({
      sheet: evaluationSheets,
      usedBy: sql<number>`(select count(*)::int from ${evaluationCampaigns} where ${evaluationCampaigns.sheetId} = ${evaluationSheets.id})`,
    })
    .from(evaluationSheets)
    .where(eq(evaluationSheets.id, id));
  return row;
}

export async function lockSheet(tx: Tx, id: string): Promise<SheetRow | undefined> {
  const [row] = await tx.select().from(evaluationSheets).where(eq(evaluationSheets.id, id)).for('update');
  return row;
}

/** Whether any file was scored on the sheet: its items and thresholds are then fixed. */
export async function sheetHasScores(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluationFiles)
    .innerJoin(evaluationCampaigns, eq(evaluationCampaigns.id, evaluationFiles.campaignId))
    .where(and(eq(evaluationCampaigns.sheetId, id), sql`${evaluationFiles.total} is not null`));
  return (row?.n ?? 0) > 0;
}

export async function insertSheet(tx: Tx, values: typeof evaluationSheets.$inferInsert): Promise<SheetRow> {
  const [row] = await tx.insert(evaluationSheets).values(values).returning();
  return row!;
}

export async function updateSheet(tx: Tx, id: string, values: Partial<typeof evaluationSheets.$inferInsert>, at: Date, by: string | null) {
  await tx.update(evaluationSheets).set({ ...values, ...stamp(at, by) }).where(eq(evaluationSheets.id, id));
}

// ---- campaigns

const campaignColumns = {
  campaign: evaluationCampaigns,
  sheetName: evaluationSheets.name,
  fileCount: sql<number>`(select count(*)::int from ${evaluationFiles} where ${evaluationFiles.campaignId} = ${evaluationCampaigns.id})`,
  scoredCount: sql<number>`(select count(*)::int from ${evaluationFiles} where ${evaluationFiles.campaignId} = ${evaluationCampaigns.id} and ${evaluationFiles.total} is not null)`,
  rectifyingCount: sql<number>`(select count(*)::int from ${evaluationFiles} where ${evaluationFiles.campaignId} = ${evaluationCampaigns.id} and ${evaluationFiles.state} = 'rectifying')`,
};

export function findCampaigns(db: Queryable, regionCode: string) {
  return db
    .select(campaignColumns)
    .from(evaluationCampaigns)
    .innerJoin(evaluationSheets, eq(evaluationSheets.id, evaluationCampaigns.sheetId))
    .where(eq(evaluationCampaigns.regionCode, regionCode))
    .orderBy(desc(evaluationCampaigns.year), desc(evaluationCampaigns.startsOn), asc(evaluationCampaigns.id));
}

export async function findCampaign(db: Queryable, id: string) {
  const [row] = await db.select(campaignColumns).from(evaluationCampaigns).innerJoin(evaluationSheets, eq(evaluationSheets.id, evaluationCampaigns.sheetId)).where(eq(evaluationCampaigns.id, id));
  return row;
}

export async function lockCampaign(tx: Tx, id: string): Promise<CampaignRow | undefined> {
  const [row] = await tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, id)).for('update');
  return row;
}

export async function insertCampaign(tx: Tx, values: typeof evaluationCampaigns.$inferInsert): Promise<CampaignRow> {
  const [row] = await tx.insert(evaluationCampaigns).values(values).returning();
  return row!;
}

export async function updateCampaign(tx: Tx, id: string, values: Partial<typeof evaluationCampaigns.$inferInsert>, at: Date, by: string | null) {
  await tx.update(evaluationCampaigns).set({ ...values, ...stamp(at, by) }).where(eq(evaluationCampaigns.id, id));
}

/** The draws of a campaign, as recorded in the audit log (seed, who, when, how many added). */
export async function findDraws(db: Queryable, campaignId: string) {
  const rows = await db
    .select({ at: auditLog.at, actorName: auditLog.actorName, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, EVALUATION_CAMPAIGN_ENTITY), eq(auditLog.entityId, campaignId), eq(auditLog.action, 'enforcement.evaluation.draw')))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
  return rows.map((r) => {
    const after = r.after as { seed: string; added: number };
    return { seed: after.seed, added: after.added, drawnAt: r.at.toISOString(), drawnBy: r.actorName };
  });
}

/**
 * 抽取案卷, in one statement: the region's penalty cases closed in the year (state 结案 or 归档, closing
 * date in the year), not yet in the campaign, ranked per department by md5(seed ‖ case id), so the same
 * seed on the same cases draws the same files; each department is filled up to `perOrg` (a second draw
 * only tops up). The unique index (campaign, case) makes a duplicate impossible even under a race.
 */
export async function drawSample(tx: Tx, campaign: CampaignRow, seed: string, at: Date, by: string | null): Promise<string[]> {
  const from = `${campaign.year}-01-01`;
  const to = `${campaign.year}-12-31`;
  const closed = sql.join(
    CLOSED_CASE_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    insert into ${evaluationFiles} (region_code, campaign_id, case_id, org_id, state, created_at, created_by, updated_at, updated_by)
    select ${campaign.regionCode}, ${campaign.id}, s.id, s.org_id, 'sampled', ${at}, ${by}, ${at}, ${by}
    from (
      select c.id, c.org_id,
        row_number() over (partition by c.org_id order by md5(${seed} || c.id::text), c.id) as rn,
        (select count(*) from ${evaluationFiles} t where t.campaign_id = ${campaign.id} and t.org_id = c.org_id) as taken
      from ${cases} c inner join ${enforcementCases} e on e.case_id = c.id
      where c.region_code = ${campaign.regionCode} and c.case_type = ${PENALTY_CASE_TYPE} and c.state in (${closed})
        and e.closed_on between ${from} and ${to}
        and not exists (select 1 from ${evaluationFiles} d where d.campaign_id = ${campaign.id} and d.case_id = c.id)
    ) s
    where s.rn <= ${campaign.samplePerOrg} - s.taken
    on conflict (campaign_id, case_id) do nothing
    returning case_id`);
  return (result as unknown as { rows: { case_id: string }[] }).rows.map((r) => r.case_id);
}

// ---- files

/** Files the actor may see: any of the three permissions, each in its own scope of the file's department. */
export function visibleFiles(actor: Actor): SQL {
  const parts = [EVALUATION_MANAGE, EVALUATION_SCORE, EVALUATION_RECTIFY].flatMap((p) => {
    const scope = actor.permissions.get(p);
    return scope ? [scopeOnOrgId(actor, scope, { orgId: evaluationFiles.orgId, regionCode: evaluationFiles.regionCode })] : [];
  });
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

const sent = sql`${evaluationFiles.rectificationDueOn} is not null`;
export const overdueSql = (today: string) =>
  sql<boolean>`(${sent} and ((${evaluationFiles.rectifiedOn} is not null and ${evaluationFiles.rectifiedOn} > ${evaluationFiles.rectificationDueOn})
    or (${evaluationFiles.rectifiedOn} is null and ${evaluationFiles.rectificationDueOn} < ${today})))`;

const fileColumns = (today: string) => ({
  id: evaluationFiles.id,
  campaignId: evaluationFiles.campaignId,
  campaignTitle: evaluationCampaigns.title,
  caseId: evaluationFiles.caseId,
  caseNo: cases.caseNo,
  caseTitle: cases.title,
  orgId: evaluationFiles.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  closedOn: enforcementCases.closedOn,
  decisionNo: enforcementCases.decisionNo,
  state: evaluationFiles.state,
  total: evaluationFiles.total,
  grade: evaluationFiles.grade,
  problems: evaluationFiles.problems,
  rectificationDueOn: evaluationFiles.rectificationDueOn,
  rectifiedOn: evaluationFiles.rectifiedOn,
  overdue: overdueSql(today),
  version: evaluationFiles.version,
  regionCode: evaluationFiles.regionCode,
});

const fileBase = (db: Queryable, today: string) =>
  db
    .select(fileColumns(today))
    .from(evaluationFiles)
    .innerJoin(evaluationCampaigns, eq(evaluationCampaigns.id, evaluationFiles.campaignId))
    .innerJoin(cases, eq(cases.id, evaluationFiles.caseId))
    .leftJoin(enforcementCases, eq(enforcementCases.caseId, evaluationFiles.caseId))
    .innerJoin(organisations, eq(organisations.id, evaluationFiles.orgId));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
const hasProblems = sql`coalesce(btrim(${evaluationFiles.problems}), '') <> ''`;

function rectificationCondition(kind: FileFilter['rectification'], today: string): SQL | undefined {
  switch (kind) {
    case undefined:
      return undefined;
    case 'sent':
      return sent;
    case 'onTime':
      return sql`${evaluationFiles.rectifiedOn} <= ${evaluationFiles.rectificationDueOn}`;
    case 'late':
      return sql`${evaluationFiles.rectifiedOn} > ${evaluationFiles.rectificationDueOn}`;
    case 'overdue':
      return overdueSql(today);
    case 'open':
      return sql`${sent} and ${evaluationFiles.rectifiedOn} is null and ${evaluationFiles.rectificationDueOn} >= ${today}`;
  }
}

function fileConditions(actor: Actor, filter: FileFilter, today: string): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    eq(evaluationFiles.regionCode, actor.regionCode),
    visibleFiles(actor),
    filter.campaignId ? eq(evaluationFiles.campaignId, filter.campaignId) : undefined,
    filter.orgId ? eq(evaluationFiles.orgId, filter.orgId) : undefined,
    filter.state ? eq(evaluationFiles.state, filter.state) : undefined,
    filter.grade ? eq(evaluationFiles.grade, filter.grade) : undefined,
    filter.hasProblems === undefined ? undefined : filter.hasProblems ? hasProblems : sql`not ${hasProblems}`,
    rectificationCondition(filter.rectification, today),
    pattern ? or(sql`${cases.title} ilike ${pattern}`, sql`${cases.caseNo} ilike ${pattern}`, sql`${enforcementCases.decisionNo} ilike ${pattern}`) : undefined,
  )!;
}

const fileSorts = {
  orgName: organisations.name,
  closedOn: enforcementCases.closedOn,
  total: evaluationFiles.total,
  rectificationDueOn: evaluationFiles.rectificationDueOn,
  caseNo: cases.caseNo,
};

function fileOrder(filter: FileFilter): SQL[] {
  const direction = filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${fileSorts[filter.sort]} ${direction}`, asc(cases.caseNo), asc(evaluationFiles.id)];
}

export function findFiles(db: Queryable, actor: Actor, filter: FileFilter, paging: Paging, today: string) {
  return findPage(db, () => fileBase(db, today).where(fileConditions(actor, filter, today)).$dynamic(), fileOrder(filter), paging);
}

export function findFilesForExport(db: Queryable, actor: Actor, filter: FileFilter, today: string, limit: number) {
  return fileBase(db, today)
    .where(fileConditions(actor, filter, today))
    .orderBy(...fileOrder(filter))
    .limit(limit);
}

/** One file the actor may see, with its scores, note and the case's archive index. */
export async function findFile(db: Queryable, actor: Actor, id: string, today: string) {
  const [row] = await db
    .select({
      ...fileColumns(today),
      scores: evaluationFiles.scores,
      rectificationNote: evaluationFiles.rectificationNote,
      sheetId: evaluationCampaigns.sheetId,
      archiveIndex: enforcementCases.archiveIndex,
    })
    .from(evaluationFiles)
    .innerJoin(evaluationCampaigns, eq(evaluationCampaigns.id, evaluationFiles.campaignId))
    .innerJoin(cases, eq(cases.id, evaluationFiles.caseId))
    .leftJoin(enforcementCases, eq(enforcementCases.caseId, evaluationFiles.caseId))
    .innerJoin(organisations, eq(organisations.id, evaluationFiles.orgId))
    .where(and(eq(evaluationFiles.id, id), eq(evaluationFiles.regionCode, actor.regionCode), visibleFiles(actor)));
  return row;
}

export async function lockFile(tx: Tx, id: string): Promise<FileRow | undefined> {
  const [row] = await tx.select().from(evaluationFiles).where(eq(evaluationFiles.id, id)).for('update');
  return row;
}

export async function updateFile(tx: Tx, id: string, values: Partial<typeof evaluationFiles.$inferInsert>, at: Date, by: string | null) {
  await tx.update(evaluationFiles).set({ ...values, ...stamp(at, by) }).where(eq(evaluationFiles.id, id));
}

/** The file's history: every audited step (scores, re-scores, send-backs, rectifications), oldest first. */
export function findFileHistory(db: Queryable, id: string) {
  return db
    .select({ at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, EVALUATION_FILE_ENTITY), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
}

// ---- roll-up

/**
 * The campaign's results per department and in total (grouping sets), from the files the actor may see:
 * average of the scored totals, counts by grade, files with problems, rectifications on time, late and
 * overdue as of `today`.
 */
export async function rollUp(db: Queryable, actor: Actor, campaignId: string, today: string) {
  const f = evaluationFiles;
  const result = await db.execute(sql`
    select ${f.orgId} as "orgId", ${organisations.name} as "orgName",
      count(*)::int as files,
      count(${f.total})::int as scored,
      round(avg(${f.total}), 1)::float8 as "averageScore",
      count(*) filter (where ${f.grade} = 'excellent')::int as excellent,
      count(*) filter (where ${f.grade} = 'qualified')::int as qualified,
      count(*) filter (where ${f.grade} = 'unqualified')::int as unqualified,
      count(*) filter (where ${hasProblems})::int as "withProblems",
      count(${f.rectificationDueOn})::int as "sentBack",
      count(*) filter (where ${f.rectifiedOn} <= ${f.rectificationDueOn})::int as "rectifiedOnTime",
      count(*) filter (where ${f.rectifiedOn} > ${f.rectificationDueOn})::int as "rectifiedLate",
      count(*) filter (where ${f.rectifiedOn} is null and ${f.rectificationDueOn} < ${today})::int as "overdueOpen",
      grouping(${f.orgId}) as "isTotal"
    from ${f} inner join ${organisations} on ${organisations.id} = ${f.orgId}
    where ${f.campaignId} = ${campaignId} and ${f.regionCode} = ${actor.regionCode} and ${visibleFiles(actor)}
    group by grouping sets ((${f.orgId}, ${organisations.name}), ())
    order by "isTotal" desc, "averageScore" desc nulls last, "orgName"`);
  return (result as unknown as { rows: (Record<string, unknown> & { isTotal: number })[] }).rows;
}

/** Files sent back for rectification and not yet rectified, in the actor's rectify scope: due (`open`) or past their date. */
export async function countRectifications(db: Queryable, actor: Actor, scope: DataScope, today: string, which: 'open' | 'overdue'): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluationFiles)
    .where(
      and(
        scopeOnOrgId(actor, scope, { orgId: evaluationFiles.orgId, regionCode: evaluationFiles.regionCode }),
        sent,
        sql`${evaluationFiles.rectifiedOn} is null`,
        which === 'overdue' ? sql`${evaluationFiles.rectificationDueOn} < ${today}` : sql`${evaluationFiles.rectificationDueOn} >= ${today}`,
      ),
    );
  return row?.n ?? 0;
}
