import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  ImportParams,
  ProactiveBody,
  ProactiveDeleteQuery,
  ProactiveFilter,
  ProactiveFiguresQuery,
  ProactiveImportBatch,
  ProactiveImportQuery,
  ProactiveImportResult,
  ProactiveItem,
  ProactiveListQuery,
  UndoResult,
  UpdateProactiveBody,
  XlsxBody,
} from './proactive.schemas.ts';
import { importProactive, listImportBatches, proactiveImportReport, undoProactiveImport } from './use-cases/import-proactive.ts';
import { createProactive, editProactive, exportProactive, getProactive, listProactive, proactiveYearFigures, removeProactive } from './use-cases/proactive.ts';

const tags = ['disclosure-report'];
const IMPORT_LIMIT = 20 * 1024 * 1024;

/** 主动公开 records: list, entry, edit, delete, Excel export and import (dry run, error report, undo by batch), figures. */
export const proactiveRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/proactive-disclosures', { schema: { tags, summary: '主动公开信息列表', querystring: ProactiveListQuery, response: { 200: pageOf(ProactiveItem) } } }, async (request) =>
    listProactive(request, request.query),
  );

  app.get(
    '/proactive-disclosures/export.xlsx',
    { schema: { tags, summary: '导出主动公开信息（Excel，列同导入模板）', querystring: ProactiveFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply.type(XLSX_MIME).header('content-disposition', attachment('主动公开信息.xlsx', 'proactive.xlsx')).send(await exportProactive(request, request.query)),
  );

  app.get('/proactive-disclosures/figures', { schema: { tags, summary: '主动公开情况统计（按类别、解读形式）', querystring: ProactiveFiguresQuery, response: { 200: z.record(z.string(), z.unknown()) } } }, async (request) =>
    proactiveYearFigures(request, request.query.year, request.query.orgId) as unknown as Record<string, unknown>,
  );

  app.post('/proactive-disclosures', { schema: { tags, summary: '登记主动公开信息', body: ProactiveBody, response: { 201: ProactiveItem } } }, async (request, reply) =>
    reply.code(201).send(await createProactive(request, request.body)),
  );

  app.get('/proactive-disclosures/imports', { schema: { tags, summary: '导入批次（可撤销）', response: { 200: z.array(ProactiveImportBatch) } } }, async (request) => listImportBatches(request));

  app.get('/proactive-disclosures/:id', { schema: { tags, summary: '主动公开信息', params: IdParams, response: { 200: ProactiveItem } } }, async (request) => getProactive(request, request.params.id));

  app.put('/proactive-disclosures/:id', { schema: { tags, summary: '修改主动公开信息（须提供版本号）', params: IdParams, body: UpdateProactiveBody, response: { 200: ProactiveItem } } }, async (request) =>
    editProactive(request, request.params.id, request.body),
  );

  app.delete('/proactive-disclosures/:id', { schema: { tags, summary: '删除主动公开信息（须提供版本号）', params: IdParams, querystring: ProactiveDeleteQuery } }, async (request, reply) => {
    await removeProactive(request, request.params.id, request.query.version);
    return reply.code(204).send();
  });

  app.post(
    '/proactive-disclosures/import',
    {
      bodyLimit: IMPORT_LIMIT,
      schema: { tags, summary: '导入主动公开信息（Excel；dryRun=true 只校验；有错误行时不导入任何数据）', consumes: [XLSX_MIME], querystring: ProactiveImportQuery, body: XlsxBody, response: { 200: ProactiveImportResult } },
    },
    async (request) => importProactive(request, request.body, request.query.dryRun),
  );

  app.post(
    '/proactive-disclosures/import/report',
    { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: '主动公开信息导入错误报告（Excel）', consumes: [XLSX_MIME], produces: [XLSX_MIME], body: XlsxBody } },
    async (request, reply) =>
      reply.type(XLSX_MIME).header('content-disposition', attachment('主动公开导入错误报告.xlsx', 'import-errors.xlsx')).send(await proactiveImportReport(request, request.body)),
  );

  app.post('/proactive-disclosures/imports/:importId/undo', { schema: { tags, summary: '撤销一次导入（删除该批次全部记录）', params: ImportParams, response: { 200: UndoResult } } }, async (request) =>
    undoProactiveImport(request, request.params.importId),
  );
};
