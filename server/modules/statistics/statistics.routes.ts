import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { FigureInfo, OrgsAnswer, OrgsQuery, RecordsAnswer, RecordsFilter, RecordsQuery, ScopeQuery, ValuesAnswer } from './statistics.schemas.ts';
import { computeFigures, exportFigures, listFigures } from './use-cases/read-figures.ts';
import { exportRecords, listRecords } from './use-cases/read-records.ts';
import { scopeOrgs } from './use-cases/resolve-scope.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['statistics'];
const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];

const sendXlsx = (reply: FastifyReply, file: Buffer, asciiName: string, name: string) =>
  reply
    .type(XLSX_MIME)
    .header('content-disposition', attachment(name, asciiName))
    .send(file);

/** Figures (kernel/indicators) for a region, organisation subtree and period, their records, and Excel. */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/statistics/indicators',
    { schema: { tags, security, summary: '指标目录：代码、名称、单位、依据、统计口径和维度', response: { 200: z.array(FigureInfo) } } },
    async (request) => listFigures(request),
  );

  app.get(
    '/statistics/orgs',
    { schema: { tags, security, summary: '可统计的机构（本人统计范围内的机构树）', querystring: OrgsQuery, response: { 200: OrgsAnswer } } },
    async (request) => scopeOrgs(request, request.query.regionCode),
  );

  app.get(
    '/statistics/values',
    { schema: { tags, security, summary: '所选范围和期间的全部指标值（含分项；比率含分子和分母）', querystring: ScopeQuery, response: { 200: ValuesAnswer } } },
    async (request) => computeFigures(request, request.query),
  );

  app.get(
    '/statistics/records',
    { schema: { tags, security, summary: '指标明细：构成某指标（或其分项）的记录，分页', querystring: RecordsQuery, response: { 200: RecordsAnswer } } },
    async (request) => listRecords(request, request.query),
  );

  app.get(
    '/statistics/export.xlsx',
    { schema: { tags, security, summary: '导出所选范围和期间的全部指标（Excel，每个分项一行）', querystring: ScopeQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const { file, view } = await exportFigures(request, request.query);
      return sendXlsx(reply, file, 'statistics.xlsx', `统计指标_${view.from}至${view.to}.xlsx`);
    },
  );

  app.get(
    '/statistics/records/export.xlsx',
    { schema: { tags, security, summary: '导出指标明细（Excel）', querystring: RecordsFilter, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const { file, name } = await exportRecords(request, request.query);
      return sendXlsx(reply, file, 'statistics-records.xlsx', name);
    },
  );
};
