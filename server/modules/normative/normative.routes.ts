import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  CampaignBody,
  CampaignDecisionBody,
  CampaignDetail,
  CampaignItemParams,
  CampaignItemsBody,
  CampaignStepBody,
  CampaignView,
  CreateDocumentBody,
  DocumentDetail,
  DocumentFilter,
  DocumentItem,
  DocumentListQuery,
  SettingsBody,
  SettingsView,
  StatusChangeBody,
  UpdateDocumentBody,
} from './normative.schemas.ts';
import { addCampaignItems, completeCampaign, createCampaign, decideCampaignItem, exportCampaign, getCampaign, listCampaigns, publishCampaign } from './use-cases/campaigns.ts';
import { recordStatusChange } from './use-cases/change-status.ts';
import { filingPackage, filingReport } from './use-cases/filing-package.ts';
import { exportDocuments, getDocumentDetail, listDocuments, listExpiring } from './use-cases/read-documents.ts';
import { createDocument, updateDraft } from './use-cases/save-document.ts';
import { getSettings, putSettings } from './use-cases/settings.ts';

const tags = ['normative'];

/**
 * 规范性文件: drafts, the registry, the 备案 package, the status register, 专项清理 and the county's
 * settings. The procedure's steps go through POST /api/cases/:id/actions/:action.
 */
export const normativeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/normative/documents', { schema: { tags, summary: '起草规范性文件（新建草案）', body: CreateDocumentBody, response: { 201: DocumentDetail } } }, async (request, reply) =>
    reply.code(201).send(await createDocument(request, request.body)),
  );

  app.get('/normative/documents', { schema: { tags, summary: '规范性文件列表', querystring: DocumentListQuery, response: { 200: pageOf(DocumentItem) } } }, async (request) =>
    listDocuments(request, request.query),
  );

  app.get(
    '/normative/documents/export.xlsx',
    { schema: { tags, summary: '导出规范性文件（Excel）', querystring: DocumentFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('规范性文件.xlsx', 'normative.xlsx')).send(await exportDocuments(request, request.query)),
  );

  app.get('/normative/expiring', { schema: { tags, summary: '有效期即将届满的现行有效文件（到期提醒）', response: { 200: z.object({ until: z.string(), items: z.array(DocumentItem) }) } } }, async (request) =>
    listExpiring(request),
  );

  app.get('/normative/documents/:id', { schema: { tags, summary: '规范性文件：内容、效力状态及沿革、附带审查', params: IdParams, response: { 200: DocumentDetail } } }, async (request) =>
    getDocumentDetail(request, request.params.id),
  );

  app.put('/normative/documents/:id', { schema: { tags, summary: '修改草案（起草中，须提供版本号）', params: IdParams, body: UpdateDocumentBody, response: { 200: DocumentDetail } } }, async (request) =>
    updateDraft(request, request.params.id, request.body),
  );

  app.post(
    '/normative/documents/:id/status-changes',
    { schema: { tags, summary: '登记文件修改、废止或失效', params: IdParams, body: StatusChangeBody, response: { 200: DocumentDetail } } },
    async (request) => recordStatusChange(request, request.params.id, request.body),
  );

  app.get(
    '/normative/documents/:id/filing-report.docx',
    { schema: { tags, summary: '备案报告（Word）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any().describe('Word 文件') } } },
    async (request, reply) => reply.type(DOCX_MIME).header('content-disposition', attachment('备案报告.docx', 'filing-report.docx')).send(await filingReport(request, request.params.id)),
  );

  app.get(
    '/normative/documents/:id/filing-package.zip',
    { schema: { tags, summary: '备案材料包（备案报告、正式文本、起草说明、制定依据、合法性审核意见书）', params: IdParams, produces: ['application/zip'], response: { 200: z.any().describe('zip 文件') } } },
    async (request, reply) => reply.type('application/zip').header('content-disposition', attachment('备案材料.zip', 'filing-package.zip')).send(await filingPackage(request, request.params.id)),
  );

  app.get('/normative/settings', { schema: { tags, summary: '规范性文件设置（本县）', response: { 200: SettingsView } } }, async (request) => getSettings(request));
  app.put('/normative/settings', { schema: { tags, summary: '修改规范性文件设置', body: SettingsBody, response: { 200: SettingsView } } }, async (request) => putSettings(request, request.body));

  app.get('/normative/campaigns', { schema: { tags, summary: '专项清理活动', response: { 200: z.array(CampaignView) } } }, async (request) => listCampaigns(request));
  app.post('/normative/campaigns', { schema: { tags, summary: '新建专项清理', body: CampaignBody, response: { 201: CampaignDetail } } }, async (request, reply) =>
    reply.code(201).send(await createCampaign(request, request.body)),
  );
  app.get('/normative/campaigns/:id', { schema: { tags, summary: '专项清理：文件及清理意见', params: IdParams, response: { 200: CampaignDetail } } }, async (request) =>
    getCampaign(request, request.params.id),
  );
  app.post('/normative/campaigns/:id/items', { schema: { tags, summary: '选择清理的文件', params: IdParams, body: CampaignItemsBody, response: { 200: CampaignDetail } } }, async (request) =>
    addCampaignItems(request, request.params.id, request.body),
  );
  app.put(
    '/normative/campaigns/:id/items/:itemId',
    { schema: { tags, summary: '提出清理意见（继续有效、修改、废止、宣布失效）', params: CampaignItemParams, body: CampaignDecisionBody, response: { 200: CampaignDetail } } },
    async (request) => decideCampaignItem(request, request.params.id, request.params.itemId, request.body),
  );
  app.post('/normative/campaigns/:id/complete', { schema: { tags, summary: '完成清理（变更文件效力状态）', params: IdParams, body: CampaignStepBody, response: { 200: CampaignDetail } } }, async (request) =>
    completeCampaign(request, request.params.id, request.body),
  );
  app.post('/normative/campaigns/:id/publish', { schema: { tags, summary: '公布清理结果', params: IdParams, body: CampaignStepBody, response: { 200: CampaignDetail } } }, async (request) =>
    publishCampaign(request, request.params.id, request.body),
  );
  app.get(
    '/normative/campaigns/:id/export.xlsx',
    { schema: { tags, summary: '导出清理结果（Excel）', params: IdParams, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('清理结果.xlsx', 'cleanup.xlsx')).send(await exportCampaign(request, request.params.id, 'xlsx', false)),
  );
  app.get(
    '/normative/campaigns/:id/export.docx',
    { schema: { tags, summary: '导出清理结果（Word）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(DOCX_MIME).header('content-disposition', attachment('清理结果.docx', 'cleanup.docx')).send(await exportCampaign(request, request.params.id, 'docx', false)),
  );
};
