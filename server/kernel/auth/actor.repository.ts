import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { organisations } from '../org/org.tables.ts';
import type { Actor } from './actor.ts';
import { widerScope } from './actor.ts';
import { type DataScope, rolePermissions, userRoles, users } from './auth.tables.ts';

/**
 * What makes a user an actor, as columns of a query joining users and organisations: the user, its
 * organisation's place in the tree, and every permission its roles grant (aggregated in SQL, so that a
 * request's session and actor cost one round trip).
 */
export const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  regionCode: users.regionCode,
  status: users.status,
  mustChangePassword: users.mustChangePassword,
  orgPath: organisations.path,
  grants: sql<[string, DataScope][] | null>`(select json_agg(json_build_array(${rolePermissions.permission}, ${rolePermissions.scope}))
    from ${userRoles} inner join ${rolePermissions} on ${rolePermissions.roleId} = ${userRoles.roleId} where ${userRoles.userId} = ${users.id})`,
};

export interface ActorRow {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  regionCode: string;
  status: string;
  mustChangePassword: boolean;
  orgPath: string;
  grants: [string, DataScope][] | null;
}

/** The actor a row of actorColumns describes; null when the user is not active. */
export function toActor(row: ActorRow): Actor | null {
  if (row.status !== 'active') return null;
  const permissions = new Map<string, DataScope>();
  for (const [permission, scope] of row.grants ?? []) permissions.set(permission, widerScope(permissions.get(permission), scope));
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    orgId: row.orgId,
    orgPath: row.orgPath,
    regionCode: row.regionCode,
    permissions,
    mustChangePassword: row.mustChangePassword,
  };
}

/** Loads a user as an actor: its organisation's place in the tree and its permissions with scopes. */
export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [row] = await db.select(actorColumns).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.id, userId));
  return row ? toActor(row) : null;
}
