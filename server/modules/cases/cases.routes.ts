import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { z } from 'zod';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { remindersFor } from '../../kernel/reminders/reminders.ts';
import { ActionBody, ActionParams, CaseDetail, CaseType, Reminder, TodoItem, TodoQuery } from './cases.schemas.ts';
import { getCaseDetail, listCaseTypes, listTodo, takeAction } from './use-cases/case-work.ts';

const tags = ['cases'];

/** Every module's cases through one surface: the 待办 list, a case's timeline, and its next steps. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/todo', { schema: { tags, summary: '我的待办（按期限排序，黄色为 3 个工作日内到期，红色为已逾期）', querystring: TodoQuery, response: { 200: pageOf(TodoItem) } } }, async (request) => {
    if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
    return listTodo(request, request.query);
  });

  app.get('/reminders', { schema: { tags, summary: '工作提醒：不属于案件期限的到期事项（如执法证到期、培训学时不足）及其数量', response: { 200: z.array(Reminder) } } }, async (request) => {
    if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
    return remindersFor(request.server.db, request.actor, beijingToday(request.server.clock));
  });

  app.get('/case-types', { schema: { tags, summary: '案件类型及其状态' , response: { 200: z.array(CaseType) } } }, async (request) => {
    if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
    return listCaseTypes();
  });

  app.get('/cases/:id', { schema: { tags, summary: '案件详情：状态、期限、全过程记录与可执行的操作', params: IdParams, response: { 200: CaseDetail } } }, async (request) =>
    getCaseDetail(request, request.params.id),
  );

  app.post(
    '/cases/:id/actions/:action',
    { schema: { tags, summary: '执行案件操作（流转）', params: ActionParams, body: ActionBody, response: { 200: CaseDetail } } },
    async (request) => {
      await takeAction(request, request.params.id, request.params.action, request.body);
      return getCaseDetail(request, request.params.id);
    },
  );
};
