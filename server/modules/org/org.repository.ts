import { and, asc, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { AppError, versionConflict } from '../../kernel/errors/app-error.ts';
import type { OrgRow } from '../../kernel/org/org.repository.ts';
import { organisations, regions, type OrgStatus } from '../../kernel/org/org.tables.ts';
import type { ListOrgsQuery, Org } from './org.schemas.ts';

/** Fields a user edits; the tree position (parent, path, depth) and status have their own actions. */
export type OrgFields = Pick<
  OrgRow,
  'code' | 'name' | 'shortName' | 'type' | 'creditCode' | 'contactPerson' | 'contactPhone' | 'address' | 'sortOrder'
>;

export interface Stamp {
  at: Date;
  by: string;
}

const { createdAt: _createdAt, createdBy: _createdBy, updatedBy: _updatedBy, ...viewColumns } = getTableColumns(organisations);

// Written out in full: drizzle renders ${organisations.id} unqualified, which the subquery would read as its own.
const orgView = {
  ...viewColumns,
  childCount: sql<number>`(select count(*)::int from organisations c where c.parent_id = "organisations"."id")`,
  userCount: sql<number>`(select count(*)::int from users u where u.org_id = "organisations"."id" and u.status = 'active')`,
};

export async function listRegions(db: Queryable) {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return !!row;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => '\\' + c);

/** The organisations within `scope`, parents before children. */
export async function listOrgs(db: Queryable, scope: SQL, filter: ListOrgsQuery): Promise<Org[]> {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
  return db
    .select(orgView)
    .from(organisations)
    .where(
      and(
        scope,
        filter.regionCode ? eq(organisations.regionCode, filter.regionCode) : undefined,
        filter.status ? eq(organisations.status, filter.status) : undefined,
        filter.type ? eq(organisations.type, filter.type) : undefined,
        pattern
          ? sql`(${organisations.name} ilike ${pattern} or ${organisations.shortName} ilike ${pattern} or ${organisations.code} ilike ${pattern})`
          : undefined,
      ),
    )
    .orderBy(asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name));
}

export async function getOrgView(db: Queryable, id: string): Promise<Org> {
  const [row] = await db.select(orgView).from(organisations).where(eq(organisations.id, id));
  if (!row) throw new Error(`organisation ${id} vanished`);
  return row;
}

/** An organisation with its parent's code: one row of the Excel layout. */
export async function listOrgsWithParentCode(db: Queryable, scope: SQL, regionCode?: string) {
  const parent = alias(organisations, 'parent');
  return db
    .select({ org: organisations, parentCode: parent.code })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(and(scope, regionCode ? eq(organisations.regionCode, regionCode) : undefined))
    .orderBy(asc(organisations.regionCode), asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name));
}

/** Every organisation of a region: what an import is checked against. */
export async function regionOrgs(db: Queryable, regionCode: string): Promise<OrgRow[]> {
  return db.select().from(organisations).where(eq(organisations.regionCode, regionCode));
}

export async function findOrgByCreditCode(db: Queryable, creditCode: string, exceptId?: string): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.creditCode, creditCode), exceptId ? ne(organisations.id, exceptId) : undefined));
  return row;
}

/** Organisations of any region holding one of these credit codes. */
export async function findOrgsByCreditCodes(db: Queryable, creditCodes: string[]): Promise<OrgRow[]> {
  if (!creditCodes.length) return [];
  return db.select().from(organisations).where(inArray(organisations.creditCode, creditCodes));
}

export async function insertOrg(
  tx: Queryable,
  values: OrgFields & { id: string; regionCode: string; parent: Pick<OrgRow, 'id' | 'path' | 'depth'> | null; status?: OrgStatus },
  stamp: Stamp,
): Promise<OrgRow> {
  const { parent, ...fields } = values;
  const [row] = await uniqueGuard(
    tx
      .insert(organisations)
      .values({
        ...fields,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${values.id}/`,
        depth: parent ? parent.depth + 1 : 0,
        createdAt: stamp.at,
        createdBy: stamp.by,
        updatedAt: stamp.at,
        updatedBy: stamp.by,
      })
      .returning(),
  );
  return row!;
}

/** Optimistic lock: the row changes only if it is still at `version`. */
export async function updateOrgFields(
  tx: Queryable,
  id: string,
  version: number,
  fields: Partial<OrgFields> & { status?: OrgStatus },
  stamp: Stamp,
): Promise<OrgRow> {
  const [row] = await uniqueGuard(
    tx
      .update(organisations)
      .set({ ...fields, version: sql`${organisations.version} + 1`, updatedAt: stamp.at, updatedBy: stamp.by })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning(),
  );
  if (!row) throw versionConflict('机构');
  return row;
}

/** Locks the row for a tree or status change and returns its current state, refusing a stale version. */
export async function lockOrgVersion(tx: Queryable, id: string, version: number): Promise<OrgRow> {
  const [row] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .for('update');
  if (!row) throw versionConflict('机构');
  return row;
}

/**
 * Re-hangs an organisation and its whole subtree under `parent` (null: becomes a root) in one UPDATE:
 * every path in the subtree swaps the old prefix for the new one and shifts its depth. Only the moved
 * organisation's own version is bumped (unless the caller already did). Returns the rows rewritten.
 */
export async function moveSubtree(
  tx: Queryable,
  org: OrgRow,
  parent: Pick<OrgRow, 'id' | 'path' | 'depth'> | null,
  stamp: Stamp,
  options: { bumpVersion?: boolean } = {},
): Promise<number> {
  const bump = (options.bumpVersion ?? true) ? 1 : 0;
  const newPath = `${parent?.path ?? '/'}${org.id}/`;
  const depthDelta = (parent ? parent.depth + 1 : 0) - org.depth;
  const self = sql`${organisations.id} = ${org.id}`;
  const rows = await tx
    .update(organisations)
    .set({
      path: sql`${newPath} || substr(${organisations.path}, ${org.path.length + 1})`,
      depth: sql`${organisations.depth} + ${depthDelta}`,
      parentId: sql`case when ${self} then ${parent?.id ?? null}::uuid else ${organisations.parentId} end`,
      version: sql`case when ${self} then ${organisations.version} + ${bump} else ${organisations.version} end`,
      updatedAt: sql`case when ${self} then ${stamp.at.toISOString()}::timestamptz else ${organisations.updatedAt} end`,
      updatedBy: sql`case when ${self} then ${stamp.by}::uuid else ${organisations.updatedBy} end`,
    })
    .where(sql`${organisations.path} like ${org.path + '%'}`)
    .returning({ id: organisations.id });
  return rows.length;
}

export async function countActiveChildren(db: Queryable, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(and(eq(organisations.parentId, id), eq(organisations.status, 'active')));
  return row?.n ?? 0;
}

export async function countActiveUsers(db: Queryable, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, id), eq(users.status, 'active')));
  return row?.n ?? 0;
}

/** Active user counts of the given organisations, for an import's deactivation checks. */
export async function activeUserCounts(db: Queryable, regionCode: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ orgId: users.orgId, n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(organisations.regionCode, regionCode), eq(users.status, 'active')))
    .groupBy(users.orgId);
  return new Map(rows.map((r) => [r.orgId, r.n]));
}

/**
 * A concurrent writer may take a code between the check and the insert: the unique indexes decide,
 * and the violation is answered as DUPLICATE rather than a server error.
 */
async function uniqueGuard<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    if (cause?.code !== '23505') throw error;
    const what = cause.constraint === 'organisations_credit_code_uq' ? '统一社会信用代码' : '机构编码';
    throw new AppError('DUPLICATE', `${what}已被其他机构使用`);
  }
}
