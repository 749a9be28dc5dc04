import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { CampaignDetail, CampaignView, PublicDocumentDetail, PublicDocumentItem, PublicDocumentQuery } from './normative.schemas.ts';
import { exportCampaign, getPublicCampaign, listPublicCampaigns } from './use-cases/campaigns.ts';
import { getPublicDocument, listPublicDocuments } from './use-cases/public-documents.ts';

const tags = ['portal'];

/** 规范性文件库 on the portal: published documents and published clean-up results, no account needed. */
export const normativePortalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/public/normative/documents', { schema: { tags, summary: '规范性文件库（已公布的文件）', querystring: PublicDocumentQuery, response: { 200: pageOf(PublicDocumentItem) } } }, async (request) =>
    listPublicDocuments(request, request.query),
  );
  app.get('/public/normative/documents/:id', { schema: { tags, summary: '规范性文件全文、效力状态及沿革', params: IdParams, response: { 200: PublicDocumentDetail } } }, async (request) =>
    getPublicDocument(request, request.params.id),
  );
  app.get(
    '/public/normative/campaigns',
    { schema: { tags, summary: '已公布的清理结果', querystring: z.object({ regionCode: z.string().regex(/^\d{6}$/, '应为6位行政区划代码').optional() }), response: { 200: z.array(CampaignView) } } },
    async (request) => listPublicCampaigns(request, request.query.regionCode),
  );
  app.get('/public/normative/campaigns/:id', { schema: { tags, summary: '清理结果目录', params: IdParams, response: { 200: CampaignDetail } } }, async (request) =>
    getPublicCampaign(request, request.params.id),
  );
  app.get('/public/normative/campaigns/:id/export.xlsx', { schema: { tags, summary: '清理结果（Excel）', params: IdParams, produces: [XLSX_MIME], response: { 200: z.any() } } }, async (request, reply) =>
    reply.type(XLSX_MIME).header('content-disposition', attachment('清理结果.xlsx', 'cleanup.xlsx')).send(await exportCampaign(request, request.params.id, 'xlsx', true)),
  );
  app.get('/public/normative/campaigns/:id/export.docx', { schema: { tags, summary: '清理结果（Word）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any() } } }, async (request, reply) =>
    reply.type(DOCX_MIME).header('content-disposition', attachment('清理结果.docx', 'cleanup.docx')).send(await exportCampaign(request, request.params.id, 'docx', true)),
  );
};
