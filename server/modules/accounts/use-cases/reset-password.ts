import type { FastifyRequest } from 'fastify';
import { hashPassword } from '../../../kernel/auth/password.ts';
import { assertPasswordPolicy } from '../../../kernel/auth/password-policy.ts';
import { revokeUserSessions } from '../../../kernel/auth/sessions.ts';
import { getSecuritySettings } from '../../../kernel/config/settings.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { storeNewPassword } from '../../auth/index.ts';
import { getUserInScope } from '../user-access.ts';

/**
 * The security administrator sets a temporary password: the user must change it at the next sign-in,
 * every session of the user ends, and a lock is lifted.
 */
export async function resetPassword(request: FastifyRequest, id: string, newPassword: string): Promise<void> {
  const { actor, user } = await getUserInScope(request, id, 'user.secure');
  if (id === actor.userId) throw new AppError('CONFLICT', '请通过“修改密码”修改自己的密码');
  const { db, clock } = request.server;
  assertPasswordPolicy(newPassword, user.username, await getSecuritySettings(db));
  const passwordHash = await hashPassword(newPassword);
  await write(request, async (tx, audit) => {
    await storeNewPassword(tx, { userId: id, passwordHash, mustChangePassword: true, now: clock.now(), by: actor.userId });
    const revoked = await revokeUserSessions(tx, clock, id);
    await audit({ action: 'user.reset_password', entityType: 'user', entityId: id, orgId: user.orgId, regionCode: user.regionCode, detail: { sessionsRevoked: revoked } });
  });
}
