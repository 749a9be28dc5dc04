import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { organisations } from '../org/org.tables.ts';
import type { Actor } from './actor.ts';
import { type DataScope, rolePermissions, userRoles, users } from './auth.tables.ts';
import { widerScope } from './actor.ts';

/** Loads a user as an actor: its organisation's place in the tree and its permissions with scopes. */
export async function loadActor(db: Queryable, userId: string): Promise<Actor | null> {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      regionCode: users.regionCode,
      status: users.status,
      mustChangePassword: users.mustChangePassword,
      orgPath: organisations.path,
      orgStatus: organisations.status,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  if (!user || user.status !== 'active') return null;
  const grants = await db
    .select({ permission: rolePermissions.permission, scope: rolePermissions.scope })
    .from(userRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(eq(userRoles.userId, userId));
  const permissions = new Map<string, DataScope>();
  for (const grant of grants) permissions.set(grant.permission, widerScope(permissions.get(grant.permission), grant.scope));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgPath: user.orgPath,
    regionCode: user.regionCode,
    permissions,
    mustChangePassword: user.mustChangePassword,
  };
}
