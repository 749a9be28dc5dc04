import type { FastifyRequest } from 'fastify';
import { write } from '../../../kernel/http/context.ts';
import { getUserInScope } from '../user-access.ts';
import { clearLock, findUser, type UserRow } from '../users.repository.ts';

/** Lifts a lockout before it runs out (the user called the security administrator). */
export async function unlockUser(request: FastifyRequest, id: string): Promise<UserRow> {
  const { actor, user } = await getUserInScope(request, id, 'user.secure');
  const { clock } = request.server;
  return write(request, async (tx, audit) => {
    await clearLock(tx, id, { userId: actor.userId, at: clock.now() });
    await audit({
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      regionCode: user.regionCode,
      before: { lockedUntil: user.lockedUntil },
      after: { lockedUntil: null },
    });
    return (await findUser(tx, id))!;
  });
}
