import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../errors/app-error.ts';
import { organisations } from '../org/org.tables.ts';
import type { DataScope } from './auth.tables.ts';
import { scopeRank } from './permissions.ts';

/** Who is acting: a signed-in user, or an integration with an API token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  /** Materialised path of the actor's organisation ("/root/…/own/"). */
  orgPath: string;
  regionCode: string;
  /** permission code → widest data scope granted by any of the actor's roles */
  permissions: ReadonlyMap<string, DataScope>;
  sessionId?: string;
  apiTokenId?: string;
  mustChangePassword: boolean;
}

/** Where a request came from, recorded with every audit row. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export function hasPermission(actor: Actor | null | undefined, permission: string): boolean {
  return !!actor && actor.permissions.has(permission);
}

/** Throws unless the actor holds the permission; returns the data scope it holds it with. */
export function requirePermission(actor: Actor | null | undefined, permission: string): DataScope {
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const scope = actor.permissions.get(permission);
  if (!scope) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return scope;
}

/** Throws unless the actor holds at least one of the permissions (e.g. a module's reader or its respondent). */
export function requireAnyPermission(actor: Actor | null | undefined, ...permissions: string[]): void {
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!permissions.some((p) => actor.permissions.has(p))) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
}

export function widerScope(a: DataScope | undefined, b: DataScope): DataScope {
  return !a || scopeRank[b] > scopeRank[a] ? b : a;
}

/**
 * The SQL condition that restricts rows to the actor's data scope, given the columns that place a row
 * in the organisation tree (its organisation's id, path and region).
 */
export function scopeCondition(
  actor: Actor,
  scope: DataScope,
  columns: { orgId: SQL | unknown; orgPath: SQL | unknown; regionCode: SQL | unknown },
): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`${columns.regionCode} = ${actor.regionCode}`;
    case 'org_subtree':
      return sql`${columns.orgPath} like ${actor.orgPath + '%'}`;
    case 'own_org':
      return sql`${columns.orgId} = ${actor.orgId}`;
  }
}

/**
 * The same restriction for a row that names its organisation by id only (a case's handling or party
 * organisation): the subtree becomes a set of ids, so the query needs no join with organisations.
 */
export function scopeOnOrgId(actor: Actor, scope: DataScope, columns: { orgId: SQL | unknown; regionCode: SQL | unknown }): SQL {
  if (scope !== 'org_subtree') return scopeCondition(actor, scope, { ...columns, orgPath: sql`null` });
  return sql`${columns.orgId} in (select ${organisations.id} from ${organisations} where ${organisations.path} like ${actor.orgPath + '%'})`;
}

/** The same decision for one row already loaded. */
export function inScope(actor: Actor, scope: DataScope, row: { orgId: string; orgPath: string; regionCode: string }): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'region':
      return row.regionCode === actor.regionCode;
    case 'org_subtree':
      return row.orgPath.startsWith(actor.orgPath);
    case 'own_org':
      return row.orgId === actor.orgId;
  }
}
