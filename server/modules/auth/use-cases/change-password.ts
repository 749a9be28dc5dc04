import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { hashPassword, verifyPassword } from '../../../kernel/auth/password.ts';
import { assertNotRecentPassword, assertPasswordPolicy, reusedPasswordError } from '../../../kernel/auth/password-policy.ts';
import { revokeUserSessions } from '../../../kernel/auth/sessions.ts';
import { getSecuritySettings } from '../../../kernel/config/settings.ts';
import { AppError, notFound } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findPasswordState, retiredPasswordHashes, storeNewPassword } from '../auth.repository.ts';

/**
 * The user changes their own password: policy and history are enforced, the old hash is retired into
 * the history, and every other session of the user ends (a stolen session does not survive).
 */
export async function changePassword(request: FastifyRequest, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const { db, clock } = request.server;
  const state = await findPasswordState(db, actor.userId);
  if (!state) throw notFound('用户');
  if (!(await verifyPassword(currentPassword, state.passwordHash))) {
    throw new AppError('BAD_REQUEST', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const policy = await getSecuritySettings(db);
  assertPasswordPolicy(newPassword, state.username, policy);
  // The current password was just verified, so it counts as one of the last N without another hash.
  if (newPassword === currentPassword) throw reusedPasswordError(policy);
  await assertNotRecentPassword(newPassword, await retiredPasswordHashes(db, actor.userId, policy.passwordHistory - 1), policy);
  const passwordHash = await hashPassword(newPassword);
  await write(request, async (tx, audit) => {
    const now = clock.now();
    await storeNewPassword(tx, { userId: actor.userId, passwordHash, mustChangePassword: false, now, by: actor.userId });
    const revoked = await revokeUserSessions(tx, clock, actor.userId, actor.sessionId);
    await audit({
      action: 'auth.password_change',
      entityType: 'user',
      entityId: actor.userId,
      orgId: state.orgId,
      regionCode: state.regionCode,
      detail: { otherSessionsRevoked: revoked },
    });
  });
}
