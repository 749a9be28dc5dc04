import type { FastifyRequest } from 'fastify';
import { GLOBAL_CHAIN } from '../../../kernel/audit/audit.ts';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError, notFound } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { deleteUnusedRole, findRole } from '../roles.repository.ts';

/** Only a custom role that nobody holds can go; built-in roles stay (they may be edited instead). */
export async function deleteRole(request: FastifyRequest, id: string): Promise<void> {
  requirePermission(request.actor, 'role.manage');
  const role = await findRole(request.server.db, id);
  if (!role) throw notFound('角色');
  if (role.builtin) throw new AppError('CONFLICT', `“${role.name}”是内置角色，不能删除`);
  if (role.userCount > 0) throw new AppError('CONFLICT', `仍有 ${role.userCount} 名用户持有角色“${role.name}”，请先取消分配`);
  await write(request, async (tx, audit) => {
    if (!(await deleteUnusedRole(tx, id))) throw new AppError('CONFLICT', `角色“${role.name}”刚被分配给用户，不能删除`);
    await audit({
      action: 'role.delete',
      entityType: 'role',
      entityId: id,
      regionCode: GLOBAL_CHAIN,
      before: { code: role.code, name: role.name, adminKind: role.adminKind, permissions: role.permissions },
    });
  });
}
