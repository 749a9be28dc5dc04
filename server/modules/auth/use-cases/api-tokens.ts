import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { newApiToken } from '../../../kernel/auth/sessions.ts';
import { AppError, notFound } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findApiToken, findTokenUser, insertApiToken, revokeApiToken } from '../api-tokens.repository.ts';

/**
 * Issues a token to a service account (integrations act as a named account with its own roles). The
 * token is returned once; only its SM3 digest and a short prefix are kept.
 */
export async function issueApiToken(request: FastifyRequest, input: { name: string; userId: string; expiresAt?: string }): Promise<{ id: string; token: string }> {
  requirePermission(request.actor, 'apitoken.manage');
  const { db, clock } = request.server;
  const now = clock.now();
  const user = await findTokenUser(db, input.userId);
  if (!user) throw notFound('用户');
  if (!user.isService || user.status !== 'active') throw new AppError('BAD_REQUEST', '接口令牌只能签发给启用中的服务账号');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) throw new AppError('BAD_REQUEST', '有效期须晚于当前时间');
  const { token, hash, prefix } = newApiToken();
  const id = await write(request, async (tx, audit) => {
    const id = await insertApiToken(tx, { name: input.name, userId: user.id, tokenHash: hash, prefix, createdAt: now, createdBy: request.actor!.userId, expiresAt });
    await audit({
      action: 'apitoken.create',
      entityType: 'api_token',
      entityId: id,
      orgId: user.orgId,
      regionCode: user.regionCode,
      after: { name: input.name, userId: user.id, username: user.username, prefix, expiresAt },
    });
    return id;
  });
  return { id, token };
}

/** Revocation is immediate and final. */
export async function revokeToken(request: FastifyRequest, id: string): Promise<void> {
  requirePermission(request.actor, 'apitoken.manage');
  const token = await findApiToken(request.server.db, id);
  if (!token) throw notFound('接口令牌');
  await write(request, async (tx, audit) => {
    if (!(await revokeApiToken(tx, token.id, request.server.clock.now()))) throw new AppError('CONFLICT', '该令牌已吊销');
    await audit({ action: 'apitoken.revoke', entityType: 'api_token', entityId: token.id, detail: { name: token.name, username: token.username, prefix: token.prefix } });
  });
}
