import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inScope, requirePermission, scopeCondition, type Actor } from '../auth/actor.ts';
import type { DataScope } from '../auth/auth.tables.ts';
import type { Queryable } from '../db/db.ts';
import { forbidden, notFound } from '../errors/app-error.ts';
import { organisations } from './org.tables.ts';

export type OrgRow = typeof organisations.$inferSelect;

/**
 * Tree helpers every module may use to place its rows in the organisation tree. A subtree is one
 * prefix match on the materialised path, served by the text_pattern_ops index.
 */
export function subtreeCondition(path: string, column: AnyColumn | SQL = organisations.path): SQL {
  return sql`${column} like ${path + '%'}`;
}

/** Whether `path` lies in the subtree rooted at `ancestorPath` (the root itself included). */
export const isInSubtree = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath);

/** The ids on a materialised path, root first. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/** Restricts `organisations` rows to the organisations the actor reaches with this scope. */
export function orgScopeCondition(actor: Actor, scope: DataScope): SQL {
  return scopeCondition(actor, scope, { orgId: organisations.id, orgPath: organisations.path, regionCode: organisations.regionCode });
}

/** Whether one loaded organisation lies within the actor's scope. */
export const orgInScope = (actor: Actor, scope: DataScope, org: Pick<OrgRow, 'id' | 'path' | 'regionCode'>): boolean =>
  inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode });

export async function findOrg(db: Queryable, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Names by id, for lists and documents that show the organisations their rows refer to. */
export async function findOrgNames(db: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOrgByCode(db: Queryable, regionCode: string, code: string): Promise<OrgRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.code, code)));
  return row;
}

/**
 * An organisation the actor may see with `permission` (default org.read). Outside the scope it is
 * NOT_FOUND, not FORBIDDEN, so that ids of other organisations do not leak.
 */
export async function getOrgForActor(db: Queryable, actor: Actor | null, id: string, permission = 'org.read'): Promise<OrgRow> {
  const scope = requirePermission(actor, permission);
  const org = await findOrg(db, id);
  if (!org || !orgInScope(actor!, scope, org)) throw notFound('机构');
  return org;
}

/**
 * An organisation the actor may change with org.write. One the actor can see (org.read) but not
 * manage is FORBIDDEN with a reason; one it cannot see at all is NOT_FOUND.
 */
export async function getOrgForWrite(db: Queryable, actor: Actor | null, id: string): Promise<OrgRow> {
  const scope = requirePermission(actor, 'org.write');
  const org = await findOrg(db, id);
  if (!org) throw notFound('机构');
  if (orgInScope(actor!, scope, org)) return org;
  const readScope = actor!.permissions.get('org.read');
  if (readScope && orgInScope(actor!, readScope, org)) throw forbidden(`「${org.name}」不在您的管理范围内`);
  throw notFound('机构');
}

/**
 * Serialises changes to one region's tree (create under a parent, move, status changes, import) for
 * the rest of the transaction: a move rewrites paths that a concurrent insert would copy from its
 * parent, and "no active children" must still hold when the deactivation commits.
 */
export async function lockOrgTree(tx: Queryable, regionCode: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'organisations:' + regionCode}))`);
}
