import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import type { ReportFigures } from '../../../contracts/disclosure-report.ts';
import { disclosureAnnualReports, disclosureFigureEntries, disclosureReportSections } from './disclosure-report.tables.ts';
import type { ReportFilter } from './report.schemas.ts';

const r = disclosureAnnualReports;
const s = disclosureReportSections;
const e = disclosureFigureEntries;

export type ReportInsert = typeof r.$inferInsert;

/** Red and yellow only while the report is a draft: a published report has met its date. */
const markOf = (dates: MarkDates) => markSql(r.dueOn, dates, sql`${r.status} = 'draft'`);

const base = (db: Queryable, dates: MarkDates) =>
  db
    .select({
      id: r.id,
      version: r.version,
      regionCode: r.regionCode,
      orgId: r.orgId,
      orgName: organisations.name,
      orgPath: organisations.path,
      year: r.year,
      scope: r.scope,
      status: r.status,
      dueOn: r.dueOn,
      mark: markOf(dates),
      publishedOn: r.publishedOn,
      publishedUrl: r.publishedUrl,
      caseId: r.caseId,
    })
    .from(r)
    .innerJoin(organisations, eq(organisations.id, r.orgId));
export type ReportRow = Awaited<ReturnType<typeof base>>[number];

export const reportScopeCondition = (actor: Actor, scope: DataScope): SQL => scopeOnOrgId(actor, scope, { orgId: r.orgId, regionCode: r.regionCode });

function conditions(filter: ReportFilter, dates: MarkDates): SQL | undefined {
  return and(
    filter.year ? eq(r.year, filter.year) : undefined,
    filter.orgId ? eq(r.orgId, filter.orgId) : undefined,
    filter.scope ? eq(r.scope, filter.scope) : undefined,
    filter.status ? eq(r.status, filter.status) : undefined,
    filter.caseId ? eq(r.caseId, filter.caseId) : undefined,
    markFilter(r.dueOn, filter.mark, dates, sql`${r.status} = 'draft'`),
  );
}

const sortColumns = { year: r.year, orgName: organisations.name, dueOn: r.dueOn, status: r.status };
const orderOf = (filter: ReportFilter): SQL[] => {
  const direction = filter.order === 'asc' ? asc : desc;
  return [direction(sortColumns[filter.sort]), direction(r.id)];
};

export function findReports(db: Queryable, actor: Actor, scope: DataScope, filter: ReportFilter, paging: Paging, dates: MarkDates) {
  return findPage(db, () => base(db, dates).where(and(reportScopeCondition(actor, scope), conditions(filter, dates))).$dynamic(), orderOf(filter), paging);
}

export function findReportsForExport(db: Queryable, actor: Actor, scope: DataScope, filter: ReportFilter, dates: MarkDates) {
  return base(db, dates)
    .where(and(reportScopeCondition(actor, scope), conditions(filter, dates)))
    .orderBy(...orderOf(filter))
    .limit(10_000);
}

export async function findReport(db: Queryable, id: string, dates: MarkDates): Promise<ReportRow | undefined> {
  const [row] = await base(db, dates).where(eq(r.id, id));
  return row;
}

/** The report row locked for a change (publication, a section's save): concurrent writers queue here. */
export async function lockReport(tx: Tx, id: string): Promise<{ id: string; version: number; status: string } | undefined> {
  const [row] = await tx.select({ id: r.id, version: r.version, status: r.status }).from(r).where(eq(r.id, id)).for('update');
  return row;
}

export async function findReportOf(db: Queryable, orgId: string, year: number) {
  const [row] = await db.select({ id: r.id, status: r.status, figures: r.figures }).from(r).where(and(eq(r.orgId, orgId), eq(r.year, year)));
  return row;
}

/** What publication froze (null for a draft). */
export async function frozenFigures(db: Queryable, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ figures: r.figures }).from(r).where(eq(r.id, id));
  return row?.figures ?? null;
}

/** Last year's published report's figures, the base of the year-on-year checks. */
export async function previousPublishedFigures(db: Queryable, orgId: string, year: number): Promise<ReportFigures | null> {
  const [row] = await db
    .select({ figures: r.figures })
    .from(r)
    .where(and(eq(r.orgId, orgId), eq(r.year, year - 1), eq(r.status, 'published')));
  return ((row?.figures as { figures?: ReportFigures } | null)?.figures as ReportFigures | undefined) ?? null;
}

/**
 * Serialises the writers of one region's reports of a year (a report created twice at once, or beside
 * the yearly opening) and of one entered figure: the second waits and then sees the first's row.
 */
export async function lockReportYear(tx: Tx, regionCode: string, year: number, what = 'reports'): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`disclosure-report:${what}:${regionCode}:${year}`}))`);
}

export async function insertReport(db: Queryable, values: ReportInsert): Promise<string> {
  const [row] = await db.insert(r).values(values).returning({ id: r.id });
  return row!.id;
}

export async function setReportCase(db: Queryable, id: string, caseId: string): Promise<void> {
  await db.update(r).set({ caseId }).where(eq(r.id, id));
}

/** Publication: the frozen figures, once, from the version read. */
export async function markPublished(db: Queryable, id: string, version: number, values: { publishedOn: string; publishedUrl: string | null; figures: Record<string, unknown>; by: string }) {
  const updated = await db
    .update(r)
    .set({ status: 'published', publishedOn: values.publishedOn, publishedUrl: values.publishedUrl, figures: values.figures, version: sql`${r.version} + 1`, updatedAt: sql`now()`, updatedBy: values.by })
    .where(and(eq(r.id, id), eq(r.version, version), eq(r.status, 'draft')))
    .returning({ id: r.id });
  return updated.length === 1;
}

/** The latest version of each of the report's sections. */
export function latestSections(db: Queryable, reportId: string) {
  return db
    .selectDistinctOn([s.section], { section: s.section, version: s.version, body: s.body, savedAt: s.savedAt, savedBy: users.displayName })
    .from(s)
    .leftJoin(users, eq(users.id, s.savedBy))
    .where(eq(s.reportId, reportId))
    .orderBy(s.section, desc(s.version));
}

export async function latestSectionVersion(db: Queryable, reportId: string, section: string): Promise<number> {
  const [row] = await db
    .select({ version: sql<number>`coalesce(max(${s.version}), 0)::int` })
    .from(s)
    .where(and(eq(s.reportId, reportId), eq(s.section, section)));
  return row!.version;
}

export function sectionVersions(db: Queryable, reportId: string, section: string) {
  return db
    .select({ version: s.version, body: s.body, savedAt: sql<string>`to_char(${s.savedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')`, savedBy: users.displayName })
    .from(s)
    .leftJoin(users, eq(users.id, s.savedBy))
    .where(and(eq(s.reportId, reportId), eq(s.section, section)))
    .orderBy(desc(s.version));
}

export async function sectionBody(db: Queryable, reportId: string, section: string, version: number): Promise<string | undefined> {
  const [row] = await db
    .select({ body: s.body })
    .from(s)
    .where(and(eq(s.reportId, reportId), eq(s.section, section), eq(s.version, version)));
  return row?.body;
}

export async function insertSection(db: Queryable, values: typeof s.$inferInsert): Promise<void> {
  await db.insert(s).values(values);
}

export function findFigureEntries(db: Queryable, actor: Actor, scope: DataScope, year: number, orgId?: string) {
  return db
    .select({ id: e.id, version: e.version, orgId: e.orgId, orgName: organisations.name, year: e.year, item: e.item, value: sql<number>`${e.value}::float8`, note: e.note })
    .from(e)
    .innerJoin(organisations, eq(organisations.id, e.orgId))
    .where(and(eq(e.year, year), orgId ? eq(e.orgId, orgId) : undefined, scopeOnOrgId(actor, scope, { orgId: e.orgId, regionCode: e.regionCode })))
    .orderBy(organisations.name, e.item);
}

export async function findFigureEntry(db: Queryable, orgId: string, year: number, item: string) {
  const [row] = await db
    .select({ id: e.id, version: e.version })
    .from(e)
    .where(and(eq(e.orgId, orgId), eq(e.year, year), eq(e.item, item)))
    .for('update');
  return row;
}

export async function insertFigureEntry(db: Queryable, values: typeof e.$inferInsert): Promise<string> {
  const [row] = await db.insert(e).values(values).returning({ id: e.id });
  return row!.id;
}

export async function updateFigureEntry(db: Queryable, id: string, version: number, values: { value: string; note: string | null; by: string }): Promise<boolean> {
  const updated = await db
    .update(e)
    .set({ value: values.value, note: values.note, updatedBy: values.by, version: sql`${e.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(e.id, id), eq(e.version, version)))
    .returning({ id: e.id });
  return updated.length === 1;
}

/** Published reports for the portal, newest year first. */
export function findPublishedReports(db: Queryable, filter: { regionCode: string; year?: number; orgId?: string }, paging: Paging) {
  return findPage(
    db,
    () =>
      db
        .select({ id: r.id, orgId: r.orgId, orgName: organisations.name, year: r.year, scope: r.scope, publishedOn: sql<string>`${r.publishedOn}::text` })
        .from(r)
        .innerJoin(organisations, eq(organisations.id, r.orgId))
        .where(and(eq(r.regionCode, filter.regionCode), eq(r.status, 'published'), filter.year ? eq(r.year, filter.year) : undefined, filter.orgId ? eq(r.orgId, filter.orgId) : undefined))
        .$dynamic(),
    [desc(r.year), desc(sql`${r.scope} = 'government'`), asc(organisations.name), asc(r.id)],
    paging,
  );
}

/** The organisations a yearly opening covers: the region's active departments, townships and streets, and its government. */
export function reportingOrgs(db: Queryable, regionCode: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type, depth: organisations.depth })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active'), sql`${organisations.type} in ('government', 'department', 'township', 'street')`));
}

export async function existingReportOrgs(db: Queryable, regionCode: string, year: number): Promise<Set<string>> {
  const rows = await db
    .select({ orgId: r.orgId })
    .from(r)
    .where(and(eq(r.regionCode, regionCode), eq(r.year, year)));
  return new Set(rows.map((x) => x.orgId));
}
