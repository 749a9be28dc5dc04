import type { FastifyRequest } from 'fastify';
import { revokeUserSessions } from '../../../kernel/auth/sessions.ts';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { getUserInScope } from '../user-access.ts';
import { findUser, updateUser, type UserRow } from '../users.repository.ts';

/** Deactivation ends the user's sessions at once (API tokens stop working with the account). */
export async function setUserStatus(request: FastifyRequest, id: string, status: 'active' | 'inactive', version: number): Promise<UserRow> {
  const { actor, user } = await getUserInScope(request, id, 'user.write');
  if (status === 'inactive' && id === actor.userId) throw new AppError('CONFLICT', '不能停用自己的账号');
  if (user.status === status) throw new AppError('CONFLICT', status === 'active' ? '该用户已是启用状态' : '该用户已停用');
  const { clock } = request.server;
  return write(request, async (tx, audit) => {
    if (!(await updateUser(tx, id, version, { status }, { userId: actor.userId, at: clock.now() }))) throw versionConflict('用户');
    const revoked = status === 'inactive' ? await revokeUserSessions(tx, clock, id) : 0;
    await audit({
      action: status === 'inactive' ? 'user.deactivate' : 'user.activate',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      regionCode: user.regionCode,
      before: { status: user.status },
      after: { status },
      detail: status === 'inactive' ? { sessionsRevoked: revoked } : undefined,
    });
    return (await findUser(tx, id))!;
  });
}
