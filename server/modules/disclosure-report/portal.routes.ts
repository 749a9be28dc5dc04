import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/errors/app-error.ts';
import { Throttle } from '../../kernel/http/throttle.ts';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { PublicReportItem, PublicReportQuery } from './report.schemas.ts';
import { publicReportDocx, publicReportHtml, publicReports } from './use-cases/report-documents.ts';

const tags = ['portal'];

/** The portal's 政府信息公开工作年度报告: published reports only, as frozen at publication. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Rendering a report is the portal's costliest read: 30 a minute per client.
  const documents = new Throttle(30, 60_000);
  const throttled = (request: FastifyRequest) => {
    const now = request.server.clock.now().getTime();
    if (documents.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '访问过于频繁，请稍后再试');
    documents.record(request.ip, now);
  };

  app.get('/public/disclosure-reports', { schema: { tags, summary: '已发布的政府信息公开工作年度报告', querystring: PublicReportQuery, response: { 200: pageOf(PublicReportItem) } } }, async (request) =>
    publicReports(request, request.query),
  );

  app.get('/public/disclosure-reports/:id', { schema: { tags, summary: '年度报告全文（HTML）', params: IdParams, response: { 200: z.object({ title: z.string(), html: z.string() }) } } }, async (request) => {
    throttled(request);
    return publicReportHtml(request, request.params.id);
  });

  app.get('/public/disclosure-reports/:id/report.docx', { schema: { tags, summary: '下载年度报告（.docx）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any().describe('Word 文件') } } }, async (request, reply) => {
    throttled(request);
    const file = await publicReportDocx(request, request.params.id);
    return reply.type(DOCX_MIME).header('content-disposition', attachment(file.name, 'disclosure-report.docx')).send(file.content);
  });
};
