import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors/app-error.ts';

/** For routes open to anyone signed in, whatever their permissions. */
export function requireSignedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}

/** For routes about the browser session itself (not available to API tokens). */
export function requireSession(request: FastifyRequest): Actor & { sessionId: string } {
  const actor = requireSignedIn(request);
  if (!actor.sessionId) throw new AppError('BAD_REQUEST', '此操作只适用于登录会话，不适用于接口令牌');
  return actor as Actor & { sessionId: string };
}
