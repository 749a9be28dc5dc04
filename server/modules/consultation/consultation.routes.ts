import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  AdoptionBody,
  BulkAnswer,
  BulkApproveBody,
  CloseBody,
  CommentParams,
  ConsultationDetail,
  ConsultationItem,
  ConsultationListQuery,
  ContactView,
  ModerateBody,
  QueueQuery,
  StaffComment,
} from './consultation.schemas.ts';
import { bulkApprove, closeEarly, exportComments, getConsultation, listConsultations, listQueue, markAdoption, moderateComment, readContact } from './use-cases/staff-consultations.ts';

const tags = ['consultation'];

/**
 * 公众参与 in the console: the rounds of the organisations the user moderates for, the moderation
 * queue, 采纳情况, early closing. Rounds are opened by the modules owning the drafts (openConsultation).
 */
export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/consultations', { schema: { tags, summary: '征求意见列表（本人审核范围内）', querystring: ConsultationListQuery, response: { 200: pageOf(ConsultationItem) } } }, async (request) =>
    listConsultations(request, request.query),
  );

  app.get('/consultations/comments', { schema: { tags, summary: '意见审核队列', querystring: QueueQuery, response: { 200: pageOf(StaffComment) } } }, async (request) =>
    listQueue(request, request.query),
  );

  app.post('/consultations/comments/approve', { schema: { tags, summary: '批量审核公开（须提供各条意见的版本号；一条失败则全部不变）', body: BulkApproveBody, response: { 200: BulkAnswer } } }, async (request) =>
    bulkApprove(request, request.body),
  );

  app.post(
    '/consultations/comments/:cid/moderate',
    { schema: { tags, summary: '审核意见：公开或不予公开（须说明理由）', params: CommentParams, body: ModerateBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await moderateComment(request, request.params.cid, request.body);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/consultations/comments/:cid/adoption',
    { schema: { tags, summary: '标注采纳情况（采纳、部分采纳、未采纳）', params: CommentParams, body: AdoptionBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await markAdoption(request, request.params.cid, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get('/consultations/comments/:cid/contact', { schema: { tags, summary: '查看意见人的联系方式明文（记录审计）', params: CommentParams, response: { 200: ContactView } } }, async (request) =>
    readContact(request, request.params.cid),
  );

  app.get('/consultations/:id', { schema: { tags, summary: '征求意见：征求意见稿、全部意见及审核、采纳情况', params: IdParams, response: { 200: ConsultationDetail } } }, async (request) =>
    getConsultation(request, request.params.id),
  );

  app.get(
    '/consultations/:id/comments/export.xlsx',
    { schema: { tags, summary: '导出意见汇总（Excel）', params: IdParams, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => {
      const { title, content } = await exportComments(request, request.params.id);
      const name = `${title.slice(0, 80)}-意见汇总.xlsx`;
      return reply.type(XLSX_MIME).header('content-disposition', attachment(name, 'comments.xlsx')).send(content);
    },
  );

  app.post(
    '/consultations/:id/close',
    { schema: { tags, summary: '提前结束征求意见（须说明理由，理由在门户公开）', params: IdParams, body: CloseBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await closeEarly(request, request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
