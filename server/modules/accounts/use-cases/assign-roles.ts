import type { FastifyRequest } from 'fastify';
import type { AdminKind } from '../../../kernel/auth/auth.tables.ts';
import { AppError, forbidden, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { adminKindsOfPermissions, assertSingleAdminKind } from '../admin-kinds.ts';
import { getUserInScope } from '../user-access.ts';
import { findRolesWithPermissions, findUser, replaceUserRoles, updateUser, type UserRow } from '../users.repository.ts';

/** Replaces the user's roles. Nobody grants to themselves, and 三员分立 holds for the resulting set. */
export async function assignRoles(request: FastifyRequest, id: string, roleIds: string[], version: number): Promise<UserRow> {
  const { actor, user } = await getUserInScope(request, id, 'user.grant');
  if (id === actor.userId) throw forbidden('不能修改自己的角色');
  const wanted = [...new Set(roleIds)];
  const found = await findRolesWithPermissions(request.server.db, wanted);
  const unknown = wanted.filter((roleId) => !found.some((r) => r.id === roleId));
  if (unknown.length) throw new AppError('BAD_REQUEST', '所选角色不存在', { unknownRoleIds: unknown });

  const kinds = new Map<AdminKind, string[]>();
  for (const role of found) {
    const roleKinds = new Set([...(role.adminKind ? [role.adminKind] : []), ...adminKindsOfPermissions(role.permissions).keys()]);
    for (const kind of roleKinds) kinds.set(kind, [...(kinds.get(kind) ?? []), role.name]);
  }
  assertSingleAdminKind(kinds, '用户');

  return write(request, async (tx, audit) => {
    if (!(await updateUser(tx, id, version, {}, { userId: actor.userId, at: request.server.clock.now() }))) throw versionConflict('用户');
    await replaceUserRoles(tx, id, wanted);
    await audit({
      action: 'user.roles',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      regionCode: user.regionCode,
      before: { roles: user.roles.map((r) => r.code) },
      after: { roles: found.map((r) => r.code).sort() },
    });
    return (await findUser(tx, id))!;
  });
}
