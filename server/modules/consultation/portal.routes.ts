import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hmacSm3 } from '../../kernel/crypto/sm.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { Throttle } from '../../kernel/http/throttle.ts';
import { sendFile } from '../files/files.routes.ts';
import { CommentAnswer, CommentBody, FileParams, PublicConsultationDetail, PublicConsultationItem, PublicListQuery } from './consultation.schemas.ts';
import { COMMENT_RECEIVED, getPublicConsultation, listPublicConsultations, publicConsultationFile, submitComment } from './use-cases/portal-consultations.ts';

const tags = ['portal'];
const MINUTE = 60_000;
/** 2,000 characters of comment (3 bytes each), a name and a contact. */
const COMMENT_BODY_LIMIT = 16 * 1024;

/** 公众参与 on the portal, without an account: the rounds, a draft and its approved comments, commenting. */
export const portalConsultationRoutes: FastifyPluginAsyncZod = async (app) => {
  // A person comments on a draft a few times; a script posting hundreds is held back. The key is a
  // keyed digest of the address (the key lives in memory only), stored with the comment so that one
  // sender's comments can be told apart without keeping the address.
  const comments = new Throttle(5, 10 * MINUTE);
  const addressKey = randomBytes(32);
  const clientKeyOf = (ip: string) => hmacSm3(addressKey, ip).toString('hex');

  app.get(
    '/public/consultations',
    { schema: { tags, summary: '征求意见：正在征求意见的和近一年内结束的', querystring: PublicListQuery, response: { 200: pageOf(PublicConsultationItem) } } },
    async (request) => listPublicConsultations(request, request.query),
  );

  app.get(
    '/public/consultations/:id',
    { schema: { tags, summary: '征求意见稿、起草说明、附件、征求意见期限和已公开的意见', params: IdParams, response: { 200: PublicConsultationDetail } } },
    async (request) => getPublicConsultation(request, request.params.id),
  );

  app.get(
    '/public/consultations/:id/files/:fileId',
    { schema: { tags, summary: '下载征求意见稿的附件', params: FileParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const { file, content } = await publicConsultationFile(request, request.params.id, request.params.fileId);
      return sendFile(reply, file, content);
    },
  );

  app.post(
    '/public/consultations/:id/comments',
    {
      bodyLimit: COMMENT_BODY_LIMIT,
      schema: { tags, summary: '提交意见（征求意见期间；经审核后公开）', params: IdParams, body: CommentBody, response: { 201: CommentAnswer } },
    },
    async (request, reply) => {
      const now = request.server.clock.now().getTime();
      const key = clientKeyOf(request.ip);
      if (comments.blocked(key, now)) throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
      await submitComment(request, request.params.id, request.body, key);
      comments.record(key, now);
      return reply.code(201).send({ message: COMMENT_RECEIVED });
    },
  );
};
