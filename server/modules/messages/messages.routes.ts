import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { EnterMessageBody, MessageFilter, MessageItem, MessageListQuery, SettingsView, SurveyBody, SurveyDetail, SurveyFilter, SurveyItem, SurveyResults, SurveyStepBody, SurveyUpdateBody } from './messages.schemas.ts';
import { MessageSettings } from './messages.settings.ts';
import { enterMessage, exportMessages, getMessageItem, listMessages, readSettings, revealPhone, updateSettings } from './use-cases/messages.ts';
import { createSurvey, exportSurveyResults, getSurvey, listSurveys, surveyResults, surveyStep, updateSurvey } from './use-cases/surveys.ts';

const tags = ['messages'];
const SurveyStepParams = IdParams.extend({ step: z.enum(['publish', 'withdraw', 'showResults', 'hideResults']) });

/** 网民诉求 and 网上调查 in the console under /api/messages and /api/surveys; a message's steps go through /api/cases/:id/actions/:action. */
export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/messages', { schema: { tags, summary: '网民诉求列表', querystring: MessageListQuery, response: { 200: pageOf(MessageItem) } } }, async (request) => listMessages(request, request.query));
  app.post('/messages', { schema: { tags, summary: '登记网民诉求（12345热线、书记县长信箱、其他渠道）', body: EnterMessageBody, response: { 201: MessageItem } } }, async (request, reply) =>
    reply.code(201).send(await enterMessage(request, request.body)),
  );
  app.get(
    '/messages/export.xlsx',
    { schema: { tags, summary: '导出网民诉求（Excel）', querystring: MessageFilter, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('网民诉求.xlsx', 'citizen-messages.xlsx')).send(await exportMessages(request, request.query)),
  );
  app.get('/messages/settings', { schema: { tags, summary: '网民诉求答复期限等本县设置', response: { 200: SettingsView } } }, async (request) => readSettings(request));
  app.put('/messages/settings', { schema: { tags, summary: '修改本县网民诉求设置', body: z.object({ value: MessageSettings, version: z.number().int().min(1) }), response: { 200: SettingsView } } }, async (request) =>
    updateSettings(request, request.body),
  );
  app.get('/messages/:id/phone', { schema: { tags, summary: '留言人联系电话明文（记入审计）', params: IdParams, response: { 200: z.object({ phone: z.string() }) } } }, async (request) => revealPhone(request, request.params.id));
  app.get('/messages/:id', { schema: { tags, summary: '网民诉求', params: IdParams, response: { 200: MessageItem } } }, async (request) => getMessageItem(request, request.params.id));

  app.get('/surveys', { schema: { tags, summary: '网上调查列表', querystring: SurveyFilter, response: { 200: pageOf(SurveyItem) } } }, async (request) => listSurveys(request, request.query));
  app.post('/surveys', { schema: { tags, summary: '新建网上调查（草稿）', body: SurveyBody, response: { 201: SurveyDetail } } }, async (request, reply) => reply.code(201).send(await createSurvey(request, request.body)));
  app.get('/surveys/:id', { schema: { tags, summary: '网上调查', params: IdParams, response: { 200: SurveyDetail } } }, async (request) => getSurvey(request, request.params.id));
  app.put('/surveys/:id', { schema: { tags, summary: '修改网上调查（草稿）', params: IdParams, body: SurveyUpdateBody, response: { 200: SurveyDetail } } }, async (request) =>
    updateSurvey(request, request.params.id, request.body),
  );
  app.post('/surveys/:id/:step', { schema: { tags, summary: '发布、撤回调查；结束后是否在门户网站公开结果', params: SurveyStepParams, body: SurveyStepBody, response: { 200: SurveyDetail } } }, async (request) =>
    surveyStep(request, request.params.id, request.params.step, request.body.version),
  );
  app.get('/surveys/:id/results', { schema: { tags, summary: '调查结果（按选项计数）', params: IdParams, response: { 200: SurveyResults } } }, async (request) => surveyResults(request, request.params.id));
  app.get(
    '/surveys/:id/results.xlsx',
    { schema: { tags, summary: '导出调查结果（Excel）', params: IdParams, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => {
      const { title, xlsx } = await exportSurveyResults(request, request.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(`${title}-调查结果.xlsx`, 'survey-results.xlsx')).send(xlsx);
    },
  );
};
