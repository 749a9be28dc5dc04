import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import { Throttle } from '../../kernel/http/throttle.ts';
import { respondentOrgTypes } from './reconsideration.labels.ts';
import { findRespondents } from './portal.repository.ts';
import { IdTrackQuery as TrackQuery, PortalCorrectionBody as CorrectionBody } from '../../kernel/http/schemas.ts';
import { ApplicationAnswer, ApplicationBody, Respondent, RespondentQuery, TrackView } from './reconsideration.schemas.ts';
import { applyOnline } from './use-cases/register-application.ts';
import { submitCorrection, trackApplication } from './use-cases/track-application.ts';

const tags = ['portal'];
/** The longest application (5,000 + 2 × 2,000 characters of text, 3 bytes each) fits with room to spare. */
const APPLICATION_BODY_LIMIT = 64 * 1024;
const CORRECTION_BODY_LIMIT = 32 * 1024;
const MINUTE = 60_000;

/** 网上申请行政复议 without an account: apply, follow the case with its code, submit 补正 materials. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const failedLookups = new Throttle(10, 15 * MINUTE);
  const applications = new Throttle(10, 60 * MINUTE);

  app.get(
    '/public/reconsideration/respondents',
    { schema: { tags, summary: '可作为被申请人的本行政区机关（人民政府、政府部门、乡镇、街道）', querystring: RespondentQuery, response: { 200: z.array(Respondent) } } },
    async (request) => findRespondents(request.server.db, request.query.regionCode, respondentOrgTypes),
  );

  app.post(
    '/public/reconsideration/applications',
    {
      bodyLimit: APPLICATION_BODY_LIMIT,
      schema: { tags, summary: '网上申请行政复议（收到日期为今日）；只返回查询码', body: ApplicationBody, response: { 201: ApplicationAnswer } },
    },
    async (request, reply) => {
      const now = request.server.clock.now().getTime();
      if (applications.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
      const answer = await applyOnline(request, request.body);
      applications.record(request.ip, now);
      return reply.code(201).send(answer);
    },
  );

  app.get(
    '/public/reconsideration/track',
    { schema: { tags, summary: '查询办理进度（查询码 + 证件号码后六位）', querystring: TrackQuery, response: { 200: TrackView } } },
    async (request) => trackApplication(request, failedLookups, request.query),
  );

  app.post(
    '/public/reconsideration/correction',
    { bodyLimit: CORRECTION_BODY_LIMIT, schema: { tags, summary: '提交补正材料（待补正期间）', body: CorrectionBody, response: { 200: TrackView } } },
    async (request) => submitCorrection(request, failedLookups, request.body),
  );
};
