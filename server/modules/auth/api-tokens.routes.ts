import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { IdParams } from '../../kernel/http/schemas.ts';
import { listApiTokens } from './api-tokens.repository.ts';
import { ApiTokenView, CreateApiTokenBody, CreatedApiToken } from './auth.schemas.ts';
import { issueApiToken, revokeToken } from './use-cases/api-tokens.ts';

const tags = ['api-tokens'];

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api-tokens', { schema: { tags, summary: '接口令牌列表', response: { 200: z.array(ApiTokenView) } } }, async (request) => {
    requirePermission(request.actor, 'apitoken.manage');
    return listApiTokens(request.server.db);
  });

  app.post(
    '/api-tokens',
    { schema: { tags, summary: '为服务账号签发接口令牌（令牌只显示这一次）', body: CreateApiTokenBody, response: { 201: CreatedApiToken } } },
    async (request, reply) => reply.code(201).send(await issueApiToken(request, request.body)),
  );

  app.post(
    '/api-tokens/:id/revoke',
    { schema: { tags, summary: '吊销接口令牌', params: IdParams, response: { 204: z.null().describe('无内容') } } },
    async (request, reply) => {
      await revokeToken(request, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
