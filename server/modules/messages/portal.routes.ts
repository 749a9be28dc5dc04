import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import { Throttle } from '../../kernel/http/throttle.ts';
import { IdParams, pageOf, Paging } from '../../kernel/http/schemas.ts';
import { messageCategoryLabels, messageChannelLabels, type MessageCategory, type MessageChannel } from '../../../contracts/messages.ts';
import { findPublicMessage, findPublicMessages } from './messages.repository.ts';
import { PortalMessageAnswer, PortalMessageBody, PublicMessage, PublicMessageQuery, RateBody, SubmitSurveyBody, SurveyDetail, SurveyItem, SurveyResults, TrackQuery, TrackView } from './messages.schemas.ts';
import { leaveMessage, rateMessage, trackMessage } from './use-cases/messages.ts';
import { getPortalSurvey, listPortalSurveys, portalSurveyResults, submitSurvey } from './use-cases/surveys.ts';

const tags = ['portal'];
const MINUTE = 60_000;

type PublicRow = NonNullable<Awaited<ReturnType<typeof findPublicMessage>>>;
const present = (r: PublicRow) => ({
  id: r.id,
  title: r.title,
  categoryLabel: messageCategoryLabels[r.category as MessageCategory] ?? r.category,
  channelLabel: messageChannelLabels[r.channel as MessageChannel] ?? r.channel,
  receivedOn: r.receivedOn,
  content: r.content,
  replyText: r.replyText,
  repliedOn: r.repliedOn,
  orgName: r.orgName,
});

/** 网上留言 and 网上调查 without an account: leave a message, follow and rate it; read published replies; answer surveys. */
export const messagesPortalRoutes: FastifyPluginAsyncZod = async (app) => {
  const messages = new Throttle(5, 60 * MINUTE);
  const failedLookups = new Throttle(10, 15 * MINUTE);
  // One response per survey and day is the rule (unique index); this slows a client trying many surveys or addresses at once.
  const ballots = new Throttle(20, 60 * MINUTE);

  app.post('/public/messages', { bodyLimit: 32 * 1024, schema: { tags, summary: '网上留言；只返回查询码', body: PortalMessageBody, response: { 201: PortalMessageAnswer } } }, async (request, reply) => {
    const now = request.server.clock.now().getTime();
    if (messages.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '留言过于频繁，请稍后再试');
    const answer = await leaveMessage(request, request.body);
    messages.record(request.ip, now);
    return reply.code(201).send(answer);
  });
  app.get('/public/messages/track', { schema: { tags, summary: '查询留言办理情况（查询码 + 电话后四位）', querystring: TrackQuery, response: { 200: TrackView } } }, async (request) =>
    trackMessage(request, failedLookups, request.query),
  );
  app.post('/public/messages/rate', { schema: { tags, summary: '对答复作出评价（一次）', body: RateBody, response: { 200: TrackView } } }, async (request) => rateMessage(request, failedLookups, request.body));
  app.get('/public/messages', { schema: { tags, summary: '公开的留言及答复', querystring: PublicMessageQuery, response: { 200: pageOf(PublicMessage) } } }, async (request) => {
    const { region, category, q, page, pageSize } = request.query;
    const { items, total } = await findPublicMessages(request.server.db, region, { category, q }, { page, pageSize });
    return { items: items.map(present), total, page, pageSize };
  });
  app.get('/public/messages/:id', { schema: { tags, summary: '公开的留言及答复', params: IdParams, response: { 200: PublicMessage } } }, async (request) => {
    const row = await findPublicMessage(request.server.db, request.params.id);
    if (!row) throw new AppError('NOT_FOUND', '留言不存在或未公开');
    return present(row);
  });

  app.get('/public/surveys', { schema: { tags, summary: '网上调查（进行中、未开始，及已公开结果的）', querystring: Paging.extend({ region: z.string().regex(/^\d{6}$/) }), response: { 200: pageOf(SurveyItem) } } }, async (request) =>
    listPortalSurveys(request, request.query),
  );
  app.get('/public/surveys/:id', { schema: { tags, summary: '网上调查问卷', params: IdParams, response: { 200: SurveyDetail } } }, async (request) => getPortalSurvey(request, request.params.id));
  app.post('/public/surveys/:id/responses', { bodyLimit: 64 * 1024, schema: { tags, summary: '提交答卷（每个网络地址每天一次）', params: IdParams, body: SubmitSurveyBody, response: { 201: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    const now = request.server.clock.now().getTime();
    if (ballots.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
    ballots.record(request.ip, now);
    return reply.code(201).send(await submitSurvey(request, request.params.id, request.body));
  });
  app.get('/public/surveys/:id/results', { schema: { tags, summary: '已结束调查的结果（发起单位选择公开的）', params: IdParams, response: { 200: SurveyResults } } }, async (request) =>
    portalSurveyResults(request, request.params.id),
  );
};
