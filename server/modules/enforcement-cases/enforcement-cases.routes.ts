import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { discretionLevelLabels, type DiscretionLevel } from '../../../contracts/enforcement.ts';
import {
  ArchiveVerification,
  CaseDetail,
  CaseFilter,
  CaseItem,
  CaseListQuery,
  CoerciveBody,
  CoerciveFilter,
  CoerciveItem,
  CoerciveStepBody,
  CreateCaseBody,
  EnterPublicationBody,
  OfficersBody,
  PortalDecision,
  PortalFilter,
  PublicationFilter,
  PublicationItem,
} from './enforcement-cases.schemas.ts';
import { caseOptions } from './use-cases/case-options.ts';
import { createCoercive, exportCoercive, extendCoercive, listCoercive, releaseCoercive } from './use-cases/coercive-measures.ts';
import { archiveZip, changeOfficers, createPenaltyCase, exportPenaltyCases, getPenaltyCase, listPenaltyCases, verifyArchive } from './use-cases/penalty-cases.ts';
import { enterPublication, getPortalDecision, listPortalDecisions, listPortalDepartments, listPublications } from './use-cases/publications.ts';

const tags = ['enforcement-cases'];

const yuan = (n: number | null) => (n === null ? '不限' : `${n.toLocaleString('zh-CN')}元`);

/** A benchmark row as the 告知 form offers it: level, circumstances and the fine range. */
const benchmarkLabel = (b: { level: string; circumstances: string; fineMin: number | null; fineMax: number | null }) =>
  `${discretionLevelLabels[b.level as DiscretionLevel] ?? b.level}：${b.circumstances}${b.fineMin === null && b.fineMax === null ? '（不处罚款）' : `（罚款 ${yuan(b.fineMin)}至${yuan(b.fineMax)}）`}`;
const Created = z.object({ id: z.uuid() });

/**
 * 行政处罚 cases, 执法公示 and 行政强制措施 under /api/enforcement; the steps go through
 * POST /api/cases/:id/actions/:action. The portal's 执法决定公示 under /api/public/enforcement.
 */
export const enforcementCasesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/enforcement/cases', { schema: { tags, summary: '立案（行政处罚案件）', body: CreateCaseBody, response: { 201: CaseDetail } } }, async (request, reply) =>
    reply.code(201).send(await createPenaltyCase(request, request.body)),
  );
  app.get(
    '/enforcement/case-options',
    {
      schema: {
        tags,
        summary: '立案可选的执法主体、行政处罚事项和执法人员',
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), matters: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), field: z.string() })), officers: z.array(z.object({ id: z.uuid(), name: z.string() })) })) },
      },
    },
    async (request) => caseOptions(request),
  );
  app.get('/enforcement/cases', { schema: { tags, summary: '行政处罚案件列表', querystring: CaseListQuery, response: { 200: pageOf(CaseItem) } } }, async (request) => listPenaltyCases(request, request.query));
  app.get(
    '/enforcement/cases/export.xlsx',
    { schema: { tags, summary: '导出行政处罚案件（Excel）', querystring: CaseFilter, produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('行政处罚案件.xlsx', 'penalty-cases.xlsx')).send(await exportPenaltyCases(request, request.query)),
  );
  app.get('/enforcement/cases/:id', { schema: { tags, summary: '行政处罚案件', params: IdParams, response: { 200: CaseDetail } } }, async (request) => getPenaltyCase(request, request.params.id));
  app.put('/enforcement/cases/:id/officers', { schema: { tags, summary: '变更办案执法人员（决定前）', params: IdParams, body: OfficersBody, response: { 200: CaseDetail } } }, async (request) =>
    changeOfficers(request, request.params.id, request.body),
  );
  app.get('/enforcement/cases/:id/benchmark-options', { schema: { tags, summary: '本案执法事项的裁量基准（告知时选用）', params: IdParams, response: { 200: z.array(z.object({ value: z.uuid(), label: z.string() })) } } }, async (request) => {
    const view = await getPenaltyCase(request, request.params.id);
    return view.benchmarks.map((b) => ({ value: b.id, label: benchmarkLabel(b) }));
  });
  app.get('/enforcement/cases/:id/archive/verify', { schema: { tags, summary: '核验归档案卷（重新计算 SM3）', params: IdParams, response: { 200: ArchiveVerification } } }, async (request) =>
    verifyArchive(request, request.params.id),
  );
  app.get(
    '/enforcement/cases/:id/archive.zip',
    { schema: { tags, summary: '下载归档案卷（含卷内目录）', params: IdParams, produces: ['application/zip'], response: { 200: z.any() } } },
    async (request, reply) => {
      const { name, zip } = await archiveZip(request, request.params.id);
      return reply.type('application/zip').header('content-disposition', attachment(name, 'case-file.zip')).send(zip);
    },
  );

  app.get('/enforcement/publications', { schema: { tags, summary: '执法决定公示', querystring: PublicationFilter, response: { 200: pageOf(PublicationItem) } } }, async (request) => listPublications(request, request.query));
  app.post('/enforcement/publications', { schema: { tags, summary: '登记待公示的行政许可或其他执法决定', body: EnterPublicationBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await enterPublication(request, request.body)),
  );

  app.post('/enforcement/coercive-measures', { schema: { tags, summary: '登记行政强制措施', body: CoerciveBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await createCoercive(request, request.body)),
  );
  app.get('/enforcement/coercive-measures', { schema: { tags, summary: '行政强制措施', querystring: CoerciveFilter, response: { 200: pageOf(CoerciveItem) } } }, async (request) => listCoercive(request, request.query));
  app.get(
    '/enforcement/coercive-measures/export.xlsx',
    { schema: { tags, summary: '导出行政强制措施（Excel）', querystring: CoerciveFilter.omit({ page: true, pageSize: true }), produces: [XLSX_MIME], response: { 200: z.any() } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('行政强制措施.xlsx', 'coercive-measures.xlsx')).send(await exportCoercive(request, request.query)),
  );
  app.post('/enforcement/coercive-measures/:id/extend', { schema: { tags, summary: '延长查封、扣押期限（经批准，一次）', params: IdParams, body: CoerciveStepBody, response: { 200: Created } } }, async (request) =>
    extendCoercive(request, request.params.id, request.body),
  );
  app.post('/enforcement/coercive-measures/:id/release', { schema: { tags, summary: '解除行政强制措施', params: IdParams, body: CoerciveStepBody, response: { 200: Created } } }, async (request) =>
    releaseCoercive(request, request.params.id, request.body),
  );

  app.get('/public/enforcement/decisions', { schema: { tags: ['portal'], summary: '行政执法决定公示', querystring: PortalFilter, response: { 200: pageOf(PortalDecision) } } }, async (request) =>
    listPortalDecisions(request, request.query),
  );
  app.get(
    '/public/enforcement/departments',
    { schema: { tags: ['portal'], summary: '有公示执法决定的部门', querystring: z.object({ region: z.string().regex(/^\d{6}$/).optional() }), response: { 200: z.array(z.object({ id: z.uuid(), name: z.string() })) } } },
    async (request) => listPortalDepartments(request, request.query.region),
  );
  app.get('/public/enforcement/decisions/:id', { schema: { tags: ['portal'], summary: '行政执法决定公示详情', params: IdParams, response: { 200: PortalDecision } } }, async (request) =>
    getPortalDecision(request, request.params.id),
  );
};
