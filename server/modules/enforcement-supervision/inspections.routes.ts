import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { importInspections, importProgress, inspectionImportReport, undoInspectionImport } from './inspections.import-use-cases.ts';
import {
  ImportParams,
  ImportProgress,
  ImportQuery,
  ImportResult,
  InspectionBody,
  InspectionFilter,
  InspectionItem,
  InspectionListQuery,
  UndoResult,
  UpdateInspectionBody,
  XlsxBody,
} from './inspections.schemas.ts';
import { createInspection, editInspection, exportInspections, getInspection, listInspections } from './inspections.use-cases.ts';

const tags = ['enforcement-supervision'];
/** A year of a county's inspections (100,000 rows) is about 8 MB as .xlsx. */
const IMPORT_LIMIT = 40 * 1024 * 1024;

/** 行政检查 records: list, entry, edit, Excel export and import (with its progress and undo). */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/inspections', { schema: { tags, summary: '行政检查记录列表', querystring: InspectionListQuery, response: { 200: pageOf(InspectionItem) } } }, async (request) =>
    listInspections(request, request.query),
  );

  app.get(
    '/inspections/export.xlsx',
    { schema: { tags, summary: '导出行政检查记录（Excel，列同导入模板）', querystring: InspectionFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('行政检查记录.xlsx', 'inspections.xlsx'))
        .send(await exportInspections(request, request.query)),
  );

  app.post('/inspections', { schema: { tags, summary: '登记行政检查', body: InspectionBody, response: { 201: InspectionItem } } }, async (request, reply) =>
    reply.code(201).send(await createInspection(request, request.body)),
  );

  app.get('/inspections/:id', { schema: { tags, summary: '行政检查记录', params: IdParams, response: { 200: InspectionItem } } }, async (request) =>
    getInspection(request, request.params.id),
  );

  app.put('/inspections/:id', { schema: { tags, summary: '修改行政检查记录（须提供版本号）', params: IdParams, body: UpdateInspectionBody, response: { 200: InspectionItem } } }, async (request) =>
    editInspection(request, request.params.id, request.body),
  );

  app.post(
    '/inspections/import',
    {
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '导入行政检查记录（Excel；有错误行时不导入任何数据）',
        consumes: [XLSX_MIME],
        querystring: ImportQuery,
        body: XlsxBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => importInspections(request, request.body, request.query.importId),
  );

  app.get('/inspections/imports/:importId/progress', { schema: { tags, summary: '导入进度', params: ImportParams, response: { 200: ImportProgress } } }, async (request) =>
    importProgress(request, request.params.importId),
  );

  app.post('/inspections/imports/:importId/undo', { schema: { tags, summary: '撤销一次导入（删除该批次全部记录）', params: ImportParams, response: { 200: UndoResult } } }, async (request) =>
    undoInspectionImport(request, request.params.importId),
  );

  app.post(
    '/inspections/import/report',
    { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: '行政检查导入错误报告（Excel）', consumes: [XLSX_MIME], produces: [XLSX_MIME], body: XlsxBody } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('行政检查导入错误报告.xlsx', 'import-errors.xlsx'))
        .send(await inspectionImportReport(request, request.body)),
  );
};
