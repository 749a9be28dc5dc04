import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { addFileReadGrant } from '../../kernel/files/files.access.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { fileOfReadableRequest, researchFileOnReadableConsultation } from './legislation.repository.ts';
import {
  AdoptionBody,
  ConsultationDetail,
  ConsultationFilter,
  ConsultationItem,
  ConsultationListQuery,
  DistributeBody,
  DraftView,
  RegisterBody,
  ReplyBody,
  RequestDetail,
  RequestItem,
  RequestListQuery,
  ResearchBody,
} from './legislation.schemas.ts';
import { distribute } from './use-cases/distribute.ts';
import { exportConsultations, getConsultation, getDraft, getReplyDocx, listConsultations } from './use-cases/read-consultations.ts';
import { getRequest, listRequests } from './use-cases/read-requests.ts';
import { addResearch, setAdoption } from './use-cases/record-extras.ts';
import { registerConsultation } from './use-cases/register-consultation.ts';
import { sendReply } from './use-cases/send-reply.ts';

const tags = ['legislation'];

/**
 * 立法建议: consultations from higher bodies, the requests to departments and their opinions, 立法调研,
 * the consolidated reply. Steps of one case (汇总意见, 提交反馈意见, 催办 …) go through
 * POST /api/cases/:id/actions/:action; what spans several cases (distribution, the reply closing
 * unanswered requests) has its own route here.
 */
export const legislationRoutes: FastifyPluginAsyncZod = async (app) => {
  // A department answering a request reads the consultation's letter and draft.
  addFileReadGrant(fileOfReadableRequest);
  addFileReadGrant(researchFileOnReadableConsultation);

  app.post('/legislation/consultations', { schema: { tags, summary: '登记上级征求意见（收文）', body: RegisterBody, response: { 201: ConsultationDetail } } }, async (request, reply) =>
    reply.code(201).send(await getConsultation(request, await registerConsultation(request, request.body))),
  );

  app.get('/legislation/consultations', { schema: { tags, summary: '立法建议（征求意见）列表', querystring: ConsultationListQuery, response: { 200: pageOf(ConsultationItem) } } }, async (request) =>
    listConsultations(request, request.query),
  );

  app.get(
    '/legislation/consultations/export.xlsx',
    { schema: { tags, summary: '导出立法建议列表（Excel）', querystring: ConsultationFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('立法建议.xlsx', 'legislation.xlsx')).send(await exportConsultations(request, request.query)),
  );

  app.get('/legislation/consultations/:id', { schema: { tags, summary: '征求意见事项：来文、部门反馈、立法调研、汇总意见', params: IdParams, response: { 200: ConsultationDetail } } }, async (request) =>
    getConsultation(request, request.params.id),
  );

  app.post(
    '/legislation/consultations/:id/requests',
    { schema: { tags, summary: '向部门、乡镇征求意见（每个单位一件待办）', params: IdParams, body: DistributeBody, response: { 200: ConsultationDetail } } },
    async (request) => {
      await distribute(request, request.params.id, request.body);
      return getConsultation(request, request.params.id);
    },
  );

  app.get('/legislation/consultations/:id/draft', { schema: { tags, summary: '按已采纳的部门意见生成的反馈意见初稿', params: IdParams, response: { 200: DraftView } } }, async (request) =>
    getDraft(request, request.params.id),
  );

  app.get(
    '/legislation/consultations/:id/reply.docx',
    { schema: { tags, summary: '县政府反馈意见（Word）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any().describe('Word 文件') } } },
    async (request, reply) => {
      const { name, content } = await getReplyDocx(request, request.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(name, 'reply.docx')).send(content);
    },
  );

  app.post(
    '/legislation/consultations/:id/reply',
    { schema: { tags, summary: '报送县政府反馈意见（未反馈的单位须说明理由）', params: IdParams, body: ReplyBody, response: { 200: ConsultationDetail } } },
    async (request) => {
      await sendReply(request, request.params.id, request.body);
      return getConsultation(request, request.params.id);
    },
  );

  app.post(
    '/legislation/consultations/:id/research',
    { schema: { tags, summary: '登记立法调研', params: IdParams, body: ResearchBody, response: { 201: ConsultationDetail } } },
    async (request, reply) => {
      await addResearch(request, request.params.id, request.body);
      return reply.code(201).send(await getConsultation(request, request.params.id));
    },
  );

  app.get('/legislation/requests', { schema: { tags, summary: '征求意见（本单位的反馈事项）', querystring: RequestListQuery, response: { 200: pageOf(RequestItem) } } }, async (request) =>
    listRequests(request, request.query),
  );

  app.get('/legislation/requests/:id', { schema: { tags, summary: '一个单位的征求意见事项：来文、草案、本单位意见', params: IdParams, response: { 200: RequestDetail } } }, async (request) =>
    getRequest(request, request.params.id),
  );

  app.put('/legislation/requests/:id/adoption', { schema: { tags, summary: '决定是否采纳部门意见（须提供版本号）', params: IdParams, body: AdoptionBody, response: { 204: z.null() } } }, async (request, reply) => {
    await setAdoption(request, request.params.id, request.body);
    return reply.code(204).send(null);
  });
};
