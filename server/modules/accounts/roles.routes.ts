import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasPermission } from '../../kernel/auth/actor.ts';
import { allPermissions } from '../../kernel/auth/permissions.ts';
import { forbidden } from '../../kernel/errors/app-error.ts';
import { IdParams } from '../../kernel/http/schemas.ts';
import { requireSignedIn } from '../auth/index.ts';
import { listRoles } from './roles.repository.ts';
import { CreateRoleBody, PermissionView, RoleView, UpdateRoleBody } from './roles.schemas.ts';
import { deleteRole } from './use-cases/delete-role.ts';
import { createRole, updateRoleDefinition } from './use-cases/save-role.ts';

const tags = ['roles'];

/** The catalogue of roles is read by the role editor, the role assignment dialog and the user filter. */
function requireRoleReader(request: FastifyRequest): void {
  const actor = requireSignedIn(request);
  if (!['role.manage', 'user.grant', 'user.read'].some((p) => hasPermission(actor, p))) throw forbidden();
}

export const rolesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/permissions', { schema: { tags, summary: '权限目录', response: { 200: z.array(PermissionView) } } }, async (request) => {
    requireRoleReader(request);
    return allPermissions().map((p) => ({ code: p.code, name: p.name, adminKind: p.adminKind ?? null, scoped: p.scoped !== false }));
  });

  app.get('/roles', { schema: { tags, summary: '角色列表', response: { 200: z.array(RoleView) } } }, async (request) => {
    requireRoleReader(request);
    return listRoles(request.server.db);
  });

  app.post('/roles', { schema: { tags, summary: '新建角色', body: CreateRoleBody, response: { 201: RoleView } } }, async (request, reply) =>
    reply.code(201).send(await createRole(request, request.body)),
  );

  app.put('/roles/:id', { schema: { tags, summary: '修改角色', params: IdParams, body: UpdateRoleBody, response: { 200: RoleView } } }, (request) =>
    updateRoleDefinition(request, request.params.id, request.body),
  );

  app.delete('/roles/:id', { schema: { tags, summary: '删除角色（仅限无人持有的自定义角色）', params: IdParams, response: { 204: z.null().describe('无内容') } } }, async (request, reply) => {
    await deleteRole(request, request.params.id);
    return reply.code(204).send(null);
  });
};
