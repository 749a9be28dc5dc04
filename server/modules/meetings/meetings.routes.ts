import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { MeetingDetail, MeetingFilter, MeetingItemView, MeetingListQuery, NewItemBody, NewMeetingBody } from './meetings.schemas.ts';
import { addMeetingItem, createMeeting, exportMeetingItems, getMeeting, listMeetingItems } from './meetings.use-cases.ts';

const tags = ['meetings'];

/** 政府会议登记: meetings and their items, those recorded by procedures and those added by hand. */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/meetings/items', { schema: { tags, summary: '会议议题列表（按机构、会议类型、年度、涉法议题筛选）', querystring: MeetingListQuery, response: { 200: pageOf(MeetingItemView) } } }, async (request) =>
    listMeetingItems(request, request.query),
  );
  app.get(
    '/meetings/items/export.xlsx',
    { schema: { tags, summary: '导出会议议题（Excel）', querystring: MeetingFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('政府会议议题.xlsx', 'meetings.xlsx'))
        .send(await exportMeetingItems(request, request.query)),
  );
  app.post('/meetings', { schema: { tags, summary: '登记会议', body: NewMeetingBody, response: { 201: MeetingDetail } } }, async (request, reply) =>
    reply.code(201).send(await createMeeting(request, request.body)),
  );
  app.get('/meetings/:id', { schema: { tags, summary: '会议及其议题', params: IdParams, response: { 200: MeetingDetail } } }, async (request) => getMeeting(request, request.params.id));
  app.post('/meetings/:id/items', { schema: { tags, summary: '登记会议议题（不关联案件）', params: IdParams, body: NewItemBody, response: { 201: MeetingDetail } } }, async (request, reply) =>
    reply.code(201).send(await addMeetingItem(request, request.params.id, request.body)),
  );
};
