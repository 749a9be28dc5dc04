import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import { PublicSearchQuery, SearchAnswer, SearchQuery, SearchType } from './search.schemas.ts';
import { consoleKinds, publicKinds, searchConsole, searchPortal } from './use-cases/search.ts';

const tags = ['search'];

/** 全文检索: GET /api/search (signed in: what the user may read) and GET /api/public/search (published only). */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/search', { schema: { tags, summary: '全文检索（本人可查看的记录和已公开的记录）', querystring: SearchQuery, response: { 200: SearchAnswer } } }, async (request) =>
    searchConsole(request, request.query),
  );

  app.get('/search/types', { schema: { tags, summary: '可检索的记录类别及其状态', response: { 200: z.array(SearchType) } } }, async (request) => {
    if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
    return consoleKinds();
  });

  app.get('/public/search', { schema: { tags: ['portal'], summary: '门户全站搜索（已公开的记录）', querystring: PublicSearchQuery, response: { 200: SearchAnswer } } }, async (request) =>
    searchPortal(request, request.query),
  );

  app.get('/public/search/types', { schema: { tags: ['portal'], summary: '门户可检索的记录类别', response: { 200: z.array(SearchType) } } }, async () => publicKinds());
};
