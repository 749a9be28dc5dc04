import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { findOrg, findUser, type UserRow } from './users.repository.ts';
import type { UserView } from './users.schemas.ts';

export interface UserAccess {
  actor: Actor;
  scope: DataScope;
  user: UserRow;
}

/** A user the actor may act on with this permission; outside the scope it does not exist (ids do not leak). */
export async function getUserInScope(request: FastifyRequest, id: string, permission: string): Promise<UserAccess> {
  const scope = requirePermission(request.actor, permission);
  const actor = request.actor!;
  const user = await findUser(request.server.db, id);
  if (!user || !inScope(actor, scope, { orgId: user.orgId, orgPath: user.orgPath, regionCode: user.regionCode })) throw notFound('用户');
  return { actor, scope, user };
}

/** An organisation a user may be placed in: it exists, is active and lies in the actor's scope. */
export async function getOrgInScope(request: FastifyRequest, actor: Actor, scope: DataScope, orgId: string) {
  const org = await findOrg(request.server.db, orgId);
  if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw notFound('机构');
  return org;
}

export function presentUser(row: UserRow, now: Date): UserView {
  const { orgPath: _, lockedUntil, ...rest } = row;
  const locked = !!lockedUntil && lockedUntil > now;
  return { ...rest, locked, lockedUntil: locked ? lockedUntil : null };
}

/** What audit rows keep of a user: never the password hash nor the phone number in clear. */
export function auditSnapshot(row: UserRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    orgId: row.orgId,
    orgName: row.orgName,
    phoneMask: row.phoneMask,
    email: row.email,
    title: row.title,
    status: row.status,
    isService: row.isService,
    roles: row.roles.map((r) => r.code),
  };
}
