import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE, type NewSession } from '../../kernel/auth/sessions.ts';

/**
 * The session cookie is out of reach of scripts; the CSRF cookie is readable on purpose: the console
 * echoes it in the x-csrf-token header, which a page of another site cannot do (double submit).
 */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  const common = { path: '/', sameSite: 'strict', secure: request.server.config.cookieSecure, expires: session.expiresAt } as const;
  reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
