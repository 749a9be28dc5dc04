import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { pageOf } from '../../kernel/http/schemas.ts';
import { AuditFilter, AuditQuery, AuditRow, VerifyResultView } from './audit.schemas.ts';
import { exportAuditLog, listAuditLog, verifyAuditLog } from './use-cases/read-audit.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { schema: { tags, summary: '审计日志查询（最新在前）', querystring: AuditQuery, response: { 200: pageOf(AuditRow) } } },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listAuditLog(request, filter, page, pageSize);
    },
  );

  app.get('/audit/export.xlsx', { schema: { tags, summary: '导出审计日志（Excel）', querystring: AuditFilter, produces: [XLSX_MIME] } }, async (request, reply) =>
    reply
      .type(XLSX_MIME)
      .header('content-disposition', attachment('审计日志.xlsx', 'audit-log.xlsx'))
      .send(await exportAuditLog(request, request.query)),
  );

  app.get(
    '/audit/verify',
    { schema: { tags, summary: '校验审计日志哈希链', response: { 200: VerifyResultView } } },
    async (request) => verifyAuditLog(request),
  );
};
