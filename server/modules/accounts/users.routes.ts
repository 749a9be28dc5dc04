import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { auditRead } from '../../kernel/http/context.ts';
import { toXlsx, XLSX_MIME } from '../../kernel/excel/excel.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { getUserInScope, presentUser } from './user-access.ts';
import { findSealedPhone, findUsers, findUsersForExport } from './users.repository.ts';
import { CreateUserBody, PersonalView, UpdateUserBody, UserFilter, UserListQuery, UserView } from './users.schemas.ts';
import { createUser } from './use-cases/create-user.ts';
import { updateUser } from './use-cases/update-user.ts';
import { userColumns } from './users.export.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['users'];
/** A spreadsheet of a county's users stays far below this; it bounds a mistaken "everything" export. */
const EXPORT_LIMIT = 50_000;

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { tags, summary: '用户列表', querystring: UserListQuery, response: { 200: pageOf(UserView) } } }, async (request) => {
    const scope = requirePermission(request.actor, 'user.read');
    const { page, pageSize, ...filter } = request.query;
    const { items, total } = await findUsers(request.server.db, request.actor!, scope, filter, { page, pageSize });
    const now = request.server.clock.now();
    return { items: items.map((u) => presentUser(u, now)), total, page, pageSize };
  });

  app.get(
    '/users/export.xlsx',
    { schema: { tags, summary: '导出用户列表（Excel）', querystring: UserFilter, response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => {
      const scope = requirePermission(request.actor, 'user.read');
      const rows = await findUsersForExport(request.server.db, request.actor!, scope, request.query, EXPORT_LIMIT);
      const now = request.server.clock.now();
      const file = await toXlsx('用户', userColumns, rows.map((u) => presentUser(u, now)));
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('用户列表.xlsx', 'users.xlsx'))
        .send(file);
    },
  );

  app.get('/users/:id', { schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserView } } }, async (request) => {
    const { user } = await getUserInScope(request, request.params.id, 'user.read');
    return presentUser(user, request.server.clock.now());
  });

  app.get(
    '/users/:id/personal',
    { schema: { tags, summary: '查看用户个人信息明文（记入审计）', params: IdParams, response: { 200: PersonalView } } },
    async (request) => {
      const { user } = await getUserInScope(request, request.params.id, 'user.personal');
      const sealed = await findSealedPhone(request.server.db, user.id);
      await auditRead(request, { action: 'user.personal_read', entityType: 'user', entityId: user.id, orgId: user.orgId, regionCode: user.regionCode, detail: { fields: ['phone'] } });
      return { phone: sealed ? request.server.sm4.decrypt(sealed) : null };
    },
  );

  app.post('/users', { schema: { tags, summary: '新建用户', body: CreateUserBody, response: { 201: UserView } } }, async (request, reply) => {
    const user = await createUser(request, request.body);
    return reply.code(201).send(presentUser(user, request.server.clock.now()));
  });

  app.put('/users/:id', { schema: { tags, summary: '修改用户', params: IdParams, body: UpdateUserBody, response: { 200: UserView } } }, async (request) => {
    const user = await updateUser(request, request.params.id, request.body);
    return presentUser(user, request.server.clock.now());
  });
};
