import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describePasswordPolicy } from '../../kernel/auth/password-policy.ts';
import { getSecuritySettings } from '../../kernel/config/settings.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { findProfile } from './auth.repository.ts';
import { ChangePasswordBody, LoginBody, LoginResult, Me, PasswordPolicyView } from './auth.schemas.ts';
import { clearSessionCookies, setSessionCookies } from './auth.cookies.ts';
import { requireSession, requireSignedIn } from './auth.guards.ts';
import { changePassword } from './use-cases/change-password.ts';
import { login } from './use-cases/login.ts';
import { logout, logoutEverywhere } from './use-cases/logout.ts';

const tags = ['auth'];
const NoContent = z.null().describe('无内容');

async function presentMe(request: FastifyRequest): Promise<Me> {
  const actor = requireSignedIn(request);
  const profile = await findProfile(request.server.db, actor.userId);
  if (!profile) throw notFound('用户');
  // The actor's flag, not the row's: an API token is never asked to change a password.
  return { ...profile, mustChangePassword: actor.mustChangePassword, permissions: Object.fromEntries(actor.permissions) };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/login', { schema: { tags, summary: '登录', body: LoginBody, response: { 200: LoginResult } } }, async (request, reply) => {
    const session = await login(request, request.body.username, request.body.password);
    setSessionCookies(request, reply, session);
    return { user: await presentMe(request) };
  });

  app.get('/auth/me', { schema: { tags, summary: '当前登录用户', response: { 200: Me } } }, (request) => presentMe(request));

  app.get('/auth/password-policy', { schema: { tags, summary: '密码规则（公开，用于表单提示）', response: { 200: PasswordPolicyView } } }, async (request) => {
    const { passwordMinLength, passwordMinClasses, passwordHistory } = await getSecuritySettings(request.server.db);
    const policy = { passwordMinLength, passwordMinClasses, passwordHistory };
    return { ...policy, description: describePasswordPolicy(policy) };
  });

  app.post('/auth/password', { schema: { tags, summary: '修改本人密码', body: ChangePasswordBody, response: { 204: NoContent } } }, async (request, reply) => {
    const actor = requireSession(request);
    await changePassword(request, actor, request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send(null);
  });

  app.post('/auth/logout', { schema: { tags, summary: '退出登录', response: { 204: NoContent } } }, async (request, reply) => {
    await logout(request, requireSession(request));
    clearSessionCookies(reply);
    return reply.code(204).send(null);
  });

  app.post('/auth/logout-all', { schema: { tags, summary: '退出全部设备上的登录', response: { 204: NoContent } } }, async (request, reply) => {
    await logoutEverywhere(request, requireSession(request));
    clearSessionCookies(reply);
    return reply.code(204).send(null);
  });
};
