import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { proposalKindLabels } from '../../../contracts/proposals.ts';
import { AssignBody, ImportQuery, ImportResult, ProposalDetail, ProposalFilter, ProposalItem, ProposalListQuery, RegisterBody, SettingsView, Summary, SummaryQuery, XlsxBody } from './proposals.schemas.ts';
import { ProposalSettings } from './proposals.settings.ts';
import { importProposals, importReport } from './use-cases/import.ts';
import { exportProposals, exportSummary, getProposal, getSettings, listProposals, proposalSummary, putSettings } from './use-cases/read.ts';
import { assignProposal, registerProposal } from './use-cases/register.ts';

const tags = ['proposals'];
const IMPORT_LIMIT = 20 * 1024 * 1024;

/** 建议提案 under /api/proposals; the steps after 交办 go through POST /api/cases/:id/actions/:action. */
export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));
  app.post('/proposals', { schema: { tags, summary: '登记人大代表建议或政协委员提案', body: RegisterBody, response: { 201: ProposalDetail } } }, async (request, reply) =>
    reply.code(201).send(await getProposal(request, await registerProposal(request, request.body))),
  );
  app.get('/proposals', { schema: { tags, summary: '建议提案列表', querystring: ProposalListQuery, response: { 200: pageOf(ProposalItem) } } }, (request) => listProposals(request, request.query));
  app.get(
    '/proposals/export.xlsx',
    { schema: { tags, summary: '导出建议提案（Excel）', querystring: ProposalFilter, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('建议提案.xlsx', 'proposals.xlsx')).send(await exportProposals(request, request.query)),
  );
  app.get('/proposals/summary', { schema: { tags, summary: '年度办理情况（按主办单位）', querystring: SummaryQuery, response: { 200: Summary } } }, (request) =>
    proposalSummary(request, request.query.kind, request.query.year),
  );
  app.get(
    '/proposals/summary.xlsx',
    { schema: { tags, summary: '导出年度办理情况（Excel）', querystring: SummaryQuery, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`${request.query.year}年${proposalKindLabels[request.query.kind]}办理情况.xlsx`, 'proposals-summary.xlsx'))
        .send(await exportSummary(request, request.query.kind, request.query.year)),
  );
  app.get('/proposals/settings', { schema: { tags, summary: '建议提案办理期限设置（本县）', response: { 200: SettingsView } } }, (request) => getSettings(request));
  app.put('/proposals/settings', { schema: { tags, summary: '修改建议提案办理期限设置', body: ProposalSettings.extend({ version: z.number().int().min(1) }), response: { 200: SettingsView } } }, (request) =>
    putSettings(request, request.body),
  );
  app.post(
    '/proposals/import',
    { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: '导入一次会议的建议或提案（Excel；先校验，有错误的行不导入任何数据）', consumes: [XLSX_MIME], querystring: ImportQuery, body: XlsxBody, response: { 200: ImportResult } } },
    (request) => importProposals(request, request.body as Buffer, request.query.dryRun),
  );
  app.post(
    '/proposals/import/report',
    { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: '建议提案导入错误报告（Excel）', consumes: [XLSX_MIME], produces: [XLSX_MIME], body: XlsxBody } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('建议提案导入错误报告.xlsx', 'import-errors.xlsx')).send(await importReport(request, request.body as Buffer)),
  );
  app.get('/proposals/:id', { schema: { tags, summary: '建议提案（含承办单位）', params: IdParams, response: { 200: ProposalDetail } } }, (request) => getProposal(request, request.params.id));
  app.post('/proposals/:id/assign', { schema: { tags, summary: '交办或重新交办（主办、会办单位）', params: IdParams, body: AssignBody, response: { 200: ProposalDetail } } }, async (request) => {
    await assignProposal(request, request.params.id, request.body);
    return getProposal(request, request.params.id);
  });
};
