import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { proactiveDisclosures } from './disclosure-report.tables.ts';
import type { ProactiveFilter } from './proactive.schemas.ts';

export type ProactiveInsert = typeof proactiveDisclosures.$inferInsert;
const p = proactiveDisclosures;

const columns = {
  id: p.id,
  version: p.version,
  regionCode: p.regionCode,
  orgId: p.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  publishedOn: p.publishedOn,
  title: p.title,
  category: p.category,
  kind: p.kind,
  form: p.form,
  channel: p.channel,
  url: p.url,
  importId: p.importId,
};

const base = (db: Queryable) => db.select(columns).from(p).innerJoin(organisations, eq(organisations.id, p.orgId));
export type ProactiveRow = Awaited<ReturnType<typeof base>>[number];

export const proactiveScope = (actor: Actor, scope: DataScope): SQL => scopeOnOrgId(actor, scope, { orgId: p.orgId, regionCode: p.regionCode });

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(filter: Omit<ProactiveFilter, 'sort' | 'order'>): SQL | undefined {
  return and(
    filter.orgId ? eq(p.orgId, filter.orgId) : undefined,
    filter.category ? eq(p.category, filter.category) : undefined,
    filter.kind ? eq(p.kind, filter.kind) : undefined,
    filter.form ? eq(p.form, filter.form) : undefined,
    filter.year ? sql`${p.publishedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    filter.from ? sql`${p.publishedOn} >= ${filter.from}` : undefined,
    filter.to ? sql`${p.publishedOn} <= ${filter.to}` : undefined,
    filter.importId ? eq(p.importId, filter.importId) : undefined,
    filter.q ? sql`${p.title} ilike ${likePattern(filter.q)}` : undefined,
  );
}

const sortColumns = { publishedOn: p.publishedOn, title: p.title, orgName: organisations.name, category: p.category };
const orderOf = (filter: ProactiveFilter): SQL[] => {
  const direction = filter.order === 'asc' ? asc : desc;
  // The id breaks ties so that pages never repeat or skip a row.
  return [direction(sortColumns[filter.sort]), direction(p.id)];
};

export function findProactive(db: Queryable, actor: Actor, scope: DataScope, filter: ProactiveFilter, paging: Paging) {
  return findPage(db, () => base(db).where(and(proactiveScope(actor, scope), conditions(filter))).$dynamic(), orderOf(filter), paging);
}

export function findProactiveForExport(db: Queryable, actor: Actor, scope: DataScope, filter: ProactiveFilter, limit: number) {
  return base(db)
    .where(and(proactiveScope(actor, scope), conditions(filter)))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findProactiveItem(db: Queryable, id: string): Promise<ProactiveRow | undefined> {
  const [row] = await base(db).where(eq(p.id, id));
  return row;
}

export async function insertProactive(db: Queryable, values: ProactiveInsert): Promise<string> {
  const [row] = await db.insert(p).values(values).returning({ id: p.id });
  return row!.id;
}

/** Optimistic locking: changes only the version read; false when someone else changed it first. */
export async function updateProactive(db: Queryable, id: string, version: number, values: Partial<ProactiveInsert>): Promise<boolean> {
  const updated = await db
    .update(p)
    .set({ ...values, version: sql`${p.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(p.id, id), eq(p.version, version)))
    .returning({ id: p.id });
  return updated.length === 1;
}

export async function deleteProactive(db: Queryable, id: string, version: number): Promise<boolean> {
  const deleted = await db
    .delete(p)
    .where(and(eq(p.id, id), eq(p.version, version)))
    .returning({ id: p.id });
  return deleted.length === 1;
}

/**
 * An import's rows in one statement: the rows travel as one JSON parameter expanded by
 * jsonb_to_recordset (a year's 主动公开 of a county is a few thousand rows).
 */
export async function insertProactiveRows(db: Queryable, rows: ProactiveInsert[]): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      region_code: r.regionCode,
      org_id: r.orgId,
      published_on: r.publishedOn,
      title: r.title,
      category: r.category,
      kind: r.kind,
      form: r.form ?? null,
      channel: r.channel ?? null,
      url: r.url ?? null,
      import_id: r.importId ?? null,
      created_by: r.createdBy ?? null,
    })),
  );
  await db.execute(sql`insert into ${p} (region_code, org_id, published_on, title, category, kind, form, channel, url, import_id, created_by, updated_by)
    select region_code, org_id, published_on, title, category, kind, form, channel, url, import_id, created_by, created_by
    from jsonb_to_recordset(${json}::jsonb) as x(region_code varchar, org_id uuid, published_on date, title varchar, category varchar, kind varchar,
      form varchar, channel varchar, url varchar, import_id uuid, created_by uuid)`);
}

/** The import batches within the actor's scope, newest first: what may be undone. */
export function findImportBatches(db: Queryable, actor: Actor, scope: DataScope) {
  return db
    .select({
      importId: sql<string>`${p.importId}`,
      rows: sql<number>`count(*)::int`,
      importedAt: sql<string>`to_char(min(${p.createdAt}) at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
      importedBy: sql<string | null>`min(${users.displayName})`,
      firstDay: sql<string>`min(${p.publishedOn})::text`,
      lastDay: sql<string>`max(${p.publishedOn})::text`,
    })
    .from(p)
    .leftJoin(users, eq(users.id, p.createdBy))
    .where(and(proactiveScope(actor, scope), sql`${p.importId} is not null`))
    .groupBy(p.importId)
    .orderBy(sql`min(${p.createdAt}) desc`)
    .limit(50);
}

/** Undo of an import: deletes its rows only when every one of them is within the actor's scope. */
export async function deleteImported(db: Queryable, actor: Actor, scope: DataScope, importId: string) {
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      inScope: sql<number>`count(*) filter (where ${proactiveScope(actor, scope)})::int`,
      regionCode: sql<string | null>`min(${p.regionCode})`,
    })
    .from(p)
    .where(eq(p.importId, importId));
  if (!counts || counts.total === 0 || counts.inScope !== counts.total) return { ...counts!, deleted: 0 };
  const deleted = await db.delete(p).where(eq(p.importId, importId)).returning({ id: p.id });
  return { ...counts, deleted: deleted.length };
}

/** What an import's rows may name: the region's active organisations. */
export function importOrgs(db: Queryable, regionCode: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, code: organisations.code, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active')));
}
