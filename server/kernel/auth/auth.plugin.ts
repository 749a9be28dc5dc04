import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.ts';
import { checkApiToken, checkSession, CSRF_HEADER, SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths a user who must change the password may still call (the form reads the policy for its hints). */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/password-policy', '/api/auth/logout']);

/**
 * Resolves request.actor from the session cookie (with CSRF double-submit on writes) or from an API
 * token. Routes decide what they need with requirePermission(); this only establishes who is asking.
 */
export const authPlugin = fp(async (app) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('meta', null as never);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.meta = { ip: request.ip, userAgent: request.headers['user-agent'] };
    if (!request.url.startsWith('/api/')) return;

    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const token = await checkApiToken(app.db, app.clock, authorization.slice(7).trim());
      if (!token) throw new AppError('AUTH_REQUIRED', 'API 令牌无效、已过期或已吊销');
      if (!token.actor) throw new AppError('AUTH_REQUIRED', 'API 令牌所属账号已停用');
      request.actor = { ...token.actor, apiTokenId: token.tokenId, mustChangePassword: false };
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await checkSession(app.db, app.clock, token);
    if (!session.ok) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (session.reason === 'idle' || session.reason === 'absolute') {
        throw new AppError('SESSION_EXPIRED', session.reason === 'idle' ? '长时间未操作，登录已超时，请重新登录' : '登录已超过最长有效期，请重新登录');
      }
      return;
    }
    // A cookie is sent by the browser on any request; a write must also prove it came from our page.
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED', '请求校验失败（CSRF），请刷新页面后重试');
    }
    const actor = session.actor;
    if (!actor) return;
    request.actor = { ...actor, sessionId: session.sessionId };
    if (actor.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(request.url.split('?')[0]!)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
    }
  });
});

