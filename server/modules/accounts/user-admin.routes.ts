import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, VersionBody } from '../../kernel/http/schemas.ts';
import { presentUser } from './user-access.ts';
import { ResetPasswordBody, UserRolesBody, UserView } from './users.schemas.ts';
import { assignRoles } from './use-cases/assign-roles.ts';
import { resetPassword } from './use-cases/reset-password.ts';
import { setUserStatus } from './use-cases/set-user-status.ts';
import { unlockUser } from './use-cases/unlock-user.ts';

const tags = ['users'];

/** Account state and rights: status (系统管理员), password and lock (安全管理员), roles (安全管理员). */
export const userAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/users/:id/deactivate', { schema: { tags, summary: '停用用户（同时结束其登录会话）', params: IdParams, body: VersionBody, response: { 200: UserView } } }, async (request) =>
    presentUser(await setUserStatus(request, request.params.id, 'inactive', request.body.version), request.server.clock.now()),
  );

  app.post('/users/:id/activate', { schema: { tags, summary: '启用用户', params: IdParams, body: VersionBody, response: { 200: UserView } } }, async (request) =>
    presentUser(await setUserStatus(request, request.params.id, 'active', request.body.version), request.server.clock.now()),
  );

  app.post(
    '/users/:id/reset-password',
    { schema: { tags, summary: '重置密码（用户下次登录须修改）', params: IdParams, body: ResetPasswordBody, response: { 204: z.null().describe('无内容') } } },
    async (request, reply) => {
      await resetPassword(request, request.params.id, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.post('/users/:id/unlock', { schema: { tags, summary: '解锁账号', params: IdParams, response: { 200: UserView } } }, async (request) =>
    presentUser(await unlockUser(request, request.params.id), request.server.clock.now()),
  );

  app.put('/users/:id/roles', { schema: { tags, summary: '分配角色', params: IdParams, body: UserRolesBody, response: { 200: UserView } } }, async (request) =>
    presentUser(await assignRoles(request, request.params.id, request.body.roleIds, request.body.version), request.server.clock.now()),
  );
};
