import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  ApproveCatalogueBody,
  CatalogueDetail,
  CatalogueFilter,
  CatalogueItem,
  DecisionDetail,
  DecisionFilter,
  DecisionItem,
  DecisionListQuery,
  ItemParams,
  ItemWriteBody,
  NewCatalogueBody,
  PublicDecisionDetail,
  PublicDecisionItem,
  PublicDecisionsQuery,
  PublicQuery,
  PublishCatalogueBody,
  RegisterDecisionBody,
  RemoveItemBody,
  SettingsBody,
  SettingsView,
  StatementBody,
  StatementDraft,
} from './decisions.schemas.ts';
import { decisionArchive } from './use-cases/archive.ts';
import { addItem, approveCatalogue, createCatalogue, getCatalogue, listCatalogues, publishCatalogue, removeItem, updateItem } from './use-cases/catalogue.ts';
import { draftStatement, exportDecisions, getDecision, listDecisions, registerDecision, saveStatement } from './use-cases/decisions.ts';
import { publicCatalogue, publicCatalogues, publicDecision, publicDecisions } from './use-cases/portal.ts';
import { getDecisionSettings, putDecisionSettings } from './use-cases/settings.ts';

const tags = ['decisions'];
const ZIP_MIME = 'application/zip';

/**
 * 重大行政决策: the catalogue, the decisions' list and module view, the adoption statement, the archive
 * and the county's settings. Procedure steps go through POST /api/cases/:id/actions/:action.
 */
export const decisionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/decisions/catalogues', { schema: { tags, summary: '决策事项目录列表', querystring: CatalogueFilter, response: { 200: z.array(CatalogueItem) } } }, async (request) =>
    listCatalogues(request, request.query),
  );
  app.post('/decisions/catalogues', { schema: { tags, summary: '新建年度决策事项目录', body: NewCatalogueBody, response: { 201: CatalogueDetail } } }, async (request, reply) =>
    reply.code(201).send(await createCatalogue(request, request.body)),
  );
  app.get('/decisions/catalogues/:id', { schema: { tags, summary: '决策事项目录：事项及调整记录', params: IdParams, response: { 200: CatalogueDetail } } }, async (request) =>
    getCatalogue(request, request.params.id),
  );
  app.post(
    '/decisions/catalogues/:id/items',
    { schema: { tags, summary: '增加目录事项（目录审定后须说明理由，记为调整）', params: IdParams, body: ItemWriteBody, response: { 200: CatalogueDetail } } },
    async (request) => addItem(request, request.params.id, request.body),
  );
  app.put(
    '/decisions/catalogues/:id/items/:itemId',
    { schema: { tags, summary: '修改目录事项（目录审定后须说明理由，记为调整）', params: ItemParams, body: ItemWriteBody, response: { 200: CatalogueDetail } } },
    async (request) => updateItem(request, request.params.itemId, request.body),
  );
  app.post(
    '/decisions/catalogues/:id/items/:itemId/remove',
    { schema: { tags, summary: '删除目录事项（目录审定后须说明理由，记为调整）', params: ItemParams, body: RemoveItemBody, response: { 200: CatalogueDetail } } },
    async (request) => removeItem(request, request.params.itemId, request.body),
  );
  app.post(
    '/decisions/catalogues/:id/approve',
    { schema: { tags, summary: '审定目录（经同级党委同意）', params: IdParams, body: ApproveCatalogueBody, response: { 200: CatalogueDetail } } },
    async (request) => approveCatalogue(request, request.params.id, request.body),
  );
  app.post('/decisions/catalogues/:id/publish', { schema: { tags, summary: '公布目录', params: IdParams, body: PublishCatalogueBody, response: { 200: CatalogueDetail } } }, async (request) =>
    publishCatalogue(request, request.params.id, request.body),
  );

  app.post('/decisions', { schema: { tags, summary: '启动决策程序（目录事项）', body: RegisterDecisionBody, response: { 201: DecisionDetail } } }, async (request, reply) =>
    reply.code(201).send(await registerDecision(request, request.body)),
  );
  app.get('/decisions', { schema: { tags, summary: '重大行政决策列表', querystring: DecisionListQuery, response: { 200: pageOf(DecisionItem) } } }, async (request) =>
    listDecisions(request, request.query),
  );
  app.get(
    '/decisions/export.xlsx',
    { schema: { tags, summary: '导出重大行政决策（Excel）', querystring: DecisionFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('重大行政决策.xlsx', 'decisions.xlsx')).send(await exportDecisions(request, request.query)),
  );
  app.get('/decisions/settings', { schema: { tags, summary: '决策程序设置（本县）', response: { 200: SettingsView } } }, async (request) => getDecisionSettings(request));
  app.put('/decisions/settings', { schema: { tags, summary: '修改决策程序设置', body: SettingsBody, response: { 200: SettingsView } } }, async (request) =>
    putDecisionSettings(request, request.body),
  );
  app.get('/decisions/:id', { schema: { tags, summary: '重大行政决策：五项程序、意见、会议、采纳情况说明', params: IdParams, response: { 200: DecisionDetail } } }, async (request) =>
    getDecision(request, request.params.id),
  );
  app.get(
    '/decisions/:id/statement/draft',
    { schema: { tags, summary: '按已审核的公众意见（及采纳标注）和专家意见生成采纳情况说明草稿', params: IdParams, response: { 200: StatementDraft } } },
    async (request) => draftStatement(request, request.params.id),
  );
  app.put('/decisions/:id/statement', { schema: { tags, summary: '保存采纳情况说明（须提供版本号）', params: IdParams, body: StatementBody, response: { 200: DecisionDetail } } }, async (request) =>
    saveStatement(request, request.params.id, request.body),
  );
  app.get(
    '/decisions/:id/archive.zip',
    { schema: { tags, summary: '决策档案（归档目录 + 全部记录和附件，zip）', params: IdParams, produces: [ZIP_MIME], response: { 200: z.any().describe('zip 文件') } } },
    async (request, reply) => {
      const { name, zip } = await decisionArchive(request, request.params.id);
      return reply.type(ZIP_MIME).header('content-disposition', attachment(name, 'decision-archive.zip')).send(zip);
    },
  );

  // The portal: no session; only what has been published.
  const portal = ['portal'];
  app.get('/public/decisions/catalogues', { schema: { tags: portal, summary: '已公布的决策事项目录（含调整记录）', querystring: PublicQuery, response: { 200: z.array(CatalogueDetail) } } }, async (request) =>
    publicCatalogues(request, request.query),
  );
  app.get('/public/decisions/catalogues/:id', { schema: { tags: portal, summary: '已公布的决策事项目录', params: IdParams, response: { 200: CatalogueDetail } } }, async (request) =>
    publicCatalogue(request, request.params.id),
  );
  app.get('/public/decisions', { schema: { tags: portal, summary: '已公布的重大行政决策', querystring: PublicDecisionsQuery, response: { 200: pageOf(PublicDecisionItem) } } }, async (request) =>
    publicDecisions(request, request.query),
  );
  app.get('/public/decisions/:id', { schema: { tags: portal, summary: '已公布的重大行政决策及采纳情况说明', params: IdParams, response: { 200: PublicDecisionDetail } } }, async (request) =>
    publicDecision(request, request.params.id),
  );
};
