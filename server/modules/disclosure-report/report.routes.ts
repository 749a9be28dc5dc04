import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  CreateReportBody,
  FigureEntry,
  FigureEntryBody,
  FigureEntryQuery,
  OpenYearBody,
  OpenYearResult,
  PublishBody,
  ReportFilter,
  ReportItem,
  ReportListQuery,
  ReportView,
  RestoreSectionBody,
  SaveSectionBody,
  SectionParams,
  SectionVersion,
} from './report.schemas.ts';
import { reportDocx, reportPreviewHtml } from './use-cases/report-documents.ts';
import { enterFigure, listFigureEntries, publishReport, restoreSection, saveSection, sectionHistory } from './use-cases/report-writing.ts';
import { createReport, exportReports, getReport, listReports, openReportsForYear } from './use-cases/reports.ts';

const tags = ['disclosure-report'];

/** 政府信息公开工作年度报告: drafts, narrative sections with versions, entered figures, checks, publication, documents. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/disclosure-reports', { schema: { tags, summary: '年度报告列表（含公布期限提示）', querystring: ReportListQuery, response: { 200: pageOf(ReportItem) } } }, async (request) =>
    listReports(request, request.query),
  );

  app.get(
    '/disclosure-reports/export.xlsx',
    { schema: { tags, summary: '导出年度报告列表（Excel）', querystring: ReportFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('政府信息公开年度报告.xlsx', 'reports.xlsx')).send(await exportReports(request, request.query)),
  );

  app.post('/disclosure-reports', { schema: { tags, summary: '起草年度报告（同时登记公布期限待办）', body: CreateReportBody, response: { 201: ReportView } } }, async (request, reply) =>
    reply.code(201).send(await createReport(request, request.body)),
  );

  app.post('/disclosure-reports/open-year', { schema: { tags, summary: '为全县各部门、乡镇和本级政府开启某年度的年度报告', body: OpenYearBody, response: { 200: OpenYearResult } } }, async (request) =>
    openReportsForYear(request, request.body.year),
  );

  app.get('/disclosure-reports/figure-entries', { schema: { tags, summary: '填报数据（规章、行政许可、收费）', querystring: FigureEntryQuery, response: { 200: z.array(FigureEntry) } } }, async (request) =>
    listFigureEntries(request, request.query.year, request.query.orgId),
  );

  app.put('/disclosure-reports/figure-entries', { schema: { tags, summary: '填报或修改一项数据（修改须提供版本号）', body: FigureEntryBody, response: { 200: z.array(FigureEntry) } } }, async (request) =>
    enterFigure(request, request.body),
  );

  app.get('/disclosure-reports/:id', { schema: { tags, summary: '年度报告（表格数据、校验结果、各部分正文）', params: IdParams, response: { 200: ReportView } } }, async (request) =>
    getReport(request, request.params.id),
  );

  app.put('/disclosure-reports/:id/sections/:section', { schema: { tags, summary: '保存一部分正文（生成新版本）', params: SectionParams, body: SaveSectionBody, response: { 200: ReportView } } }, async (request) =>
    saveSection(request, request.params.id, request.params.section, request.body),
  );

  app.get('/disclosure-reports/:id/sections/:section/versions', { schema: { tags, summary: '一部分正文的历史版本', params: SectionParams, response: { 200: z.array(SectionVersion) } } }, async (request) =>
    sectionHistory(request, request.params.id, request.params.section),
  );

  app.post('/disclosure-reports/:id/sections/:section/restore', { schema: { tags, summary: '恢复历史版本（作为最新版本保存）', params: SectionParams, body: RestoreSectionBody, response: { 200: ReportView } } }, async (request) =>
    restoreSection(request, request.params.id, request.params.section, request.body),
  );

  app.post('/disclosure-reports/:id/publish', { schema: { tags, summary: '发布年度报告（一致性校验全部通过后；冻结数据）', params: IdParams, body: PublishBody, response: { 200: ReportView } } }, async (request) =>
    publishReport(request, request.params.id, request.body),
  );

  app.get('/disclosure-reports/:id/preview.html', { schema: { tags, summary: '年度报告 HTML 预览', params: IdParams, produces: ['text/html'], response: { 200: z.string() } } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(await reportPreviewHtml(request, request.params.id)),
  );

  app.get('/disclosure-reports/:id/report.docx', { schema: { tags, summary: '年度报告（.docx 公文）', params: IdParams, produces: [DOCX_MIME], response: { 200: z.any().describe('Word 文件') } } }, async (request, reply) => {
    const file = await reportDocx(request, request.params.id);
    return reply.type(DOCX_MIME).header('content-disposition', attachment(file.name, 'disclosure-report.docx')).send(file.content);
  });
};
