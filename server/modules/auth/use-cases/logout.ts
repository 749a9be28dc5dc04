import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { revokeSession, revokeUserSessions } from '../../../kernel/auth/sessions.ts';
import { write } from '../../../kernel/http/context.ts';

type SessionActor = Actor & { sessionId: string };

export async function logout(request: FastifyRequest, actor: SessionActor): Promise<void> {
  await write(request, async (tx, audit) => {
    await revokeSession(tx, request.server.clock, actor.sessionId);
    await audit({ action: 'auth.logout', entityType: 'user', entityId: actor.userId, orgId: actor.orgId, detail: { sessionId: actor.sessionId } });
  });
}

/** Ends every session of the user, this one included (a lost phone, a shared computer). */
export async function logoutEverywhere(request: FastifyRequest, actor: SessionActor): Promise<void> {
  await write(request, async (tx, audit) => {
    const revoked = await revokeUserSessions(tx, request.server.clock, actor.userId);
    await audit({ action: 'auth.logout_all', entityType: 'user', entityId: actor.userId, orgId: actor.orgId, detail: { sessions: revoked } });
  });
}
