import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { attachment } from '../../kernel/http/download.ts';
import { Throttle } from '../../kernel/http/throttle.ts';
import { findAgencies } from './disclosure.repository.ts';
import { IdTrackQuery as TrackQuery, PortalCorrectionBody as CorrectionBody } from '../../kernel/http/schemas.ts';
import { Agency, AgencyQuery, ApplicationAnswer, ApplicationBody, LetterQuery, TrackView } from './disclosure.schemas.ts';
import { applyOnline } from './use-cases/register-request.ts';
import { applicantLetter, submitCorrection, trackRequest } from './use-cases/track-request.ts';

const tags = ['portal'];
const BODY_LIMIT = 32 * 1024;
const MINUTE = 60_000;

/** 网上申请政府信息公开 without an account: apply, follow it with its code, correct, download the reply. */
export const disclosurePortalRoutes: FastifyPluginAsyncZod = async (app) => {
  const failedLookups = new Throttle(10, 15 * MINUTE);
  const applications = new Throttle(10, 60 * MINUTE);

  app.get(
    '/public/disclosure/agencies',
    { schema: { tags, summary: '可受理政府信息公开申请的本行政区机关', querystring: AgencyQuery, response: { 200: z.array(Agency) } } },
    async (request) => (await findAgencies(request.server.db, request.query.regionCode)).map(({ id, name }) => ({ id, name })),
  );

  app.post(
    '/public/disclosure/applications',
    { bodyLimit: BODY_LIMIT, schema: { tags, summary: '网上申请政府信息公开（收到日期为今日）；只返回查询码和答复期限', body: ApplicationBody, response: { 201: ApplicationAnswer } } },
    async (request, reply) => {
      const now = request.server.clock.now().getTime();
      if (applications.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
      const answer = await applyOnline(request, request.body);
      applications.record(request.ip, now);
      return reply.code(201).send(answer);
    },
  );

  app.get(
    '/public/disclosure/track',
    { schema: { tags, summary: '查询办理进度（查询码 + 证件号码后六位）', querystring: TrackQuery, response: { 200: TrackView } } },
    async (request) => trackRequest(request, failedLookups, request.query),
  );

  app.post(
    '/public/disclosure/correction',
    { bodyLimit: BODY_LIMIT, schema: { tags, summary: '提交补正（待补正期间）', body: CorrectionBody, response: { 200: TrackView } } },
    async (request) => submitCorrection(request, failedLookups, request.body),
  );

  app.get(
    '/public/disclosure/letter',
    { schema: { tags, summary: '下载答复书或延期答复告知书（查询码 + 证件号码后六位）', querystring: LetterQuery, produces: [DOCX_MIME], response: { 200: z.any().describe('.docx') } } },
    async (request, reply) => {
      const doc = await applicantLetter(request, failedLookups, request.query);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(doc.name, `disclosure-${request.query.document}.docx`)).send(doc.content);
    },
  );
};
