import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { addFileReadGrant } from '../../kernel/files/files.access.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { proofFileOnReadableCase } from './litigation.repository.ts';
import {
  AppearanceSettingsBody,
  AppearanceSettingsView,
  CaseFilter,
  CaseListQuery,
  HearingBody,
  HearingParams,
  LitigationCaseDetail,
  LitigationCaseItem,
  RegisterCaseBody,
  UpdateHearingBody,
} from './litigation.schemas.ts';
import { getAppearanceSettings, putAppearanceSettings } from './use-cases/appearance-settings.ts';
import { exportLitigationCases, getLitigationCase, listLitigationCases } from './use-cases/read-cases.ts';
import { registerCase } from './use-cases/register-case.ts';
import { addHearing, editHearing } from './use-cases/save-hearing.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['litigation'];

/**
 * 行政应诉: registration, the county's list, a case's module view (hearings, warnings) and the
 * 负责人出庭应诉率 definition. Steps (答辩, 裁判结果, 撤诉) go through POST /api/cases/:id/actions/:action.
 */
export const litigationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Whoever may read a case may read the sealed proofs filed with its hearings.
  addFileReadGrant(proofFileOnReadableCase);

  app.post('/litigation/cases', { schema: { tags, summary: '登记行政应诉案件（一个审级一件）', body: RegisterCaseBody, response: { 201: LitigationCaseDetail } } }, async (request, reply) =>
    reply.code(201).send(await registerCase(request, request.body)),
  );

  app.get('/litigation/cases', { schema: { tags, summary: '行政应诉案件列表', querystring: CaseListQuery, response: { 200: pageOf(LitigationCaseItem) } } }, async (request) =>
    listLitigationCases(request, request.query),
  );

  app.get(
    '/litigation/cases/export.xlsx',
    { schema: { tags, summary: '导出行政应诉案件（Excel）', querystring: CaseFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('行政应诉案件.xlsx', 'litigation.xlsx'))
        .send(await exportLitigationCases(request, request.query)),
  );

  app.get('/litigation/cases/:id', { schema: { tags, summary: '行政应诉案件：立案信息、庭审出庭情况、预警', params: IdParams, response: { 200: LitigationCaseDetail } } }, async (request) =>
    getLitigationCase(request, request.params.id),
  );

  app.post(
    '/litigation/cases/:id/hearings',
    { schema: { tags, summary: '登记庭审及负责人出庭情况', params: IdParams, body: HearingBody, response: { 201: LitigationCaseDetail } } },
    async (request, reply) => reply.code(201).send(await addHearing(request, request.params.id, request.body)),
  );

  app.put(
    '/litigation/cases/:id/hearings/:hid',
    { schema: { tags, summary: '修改庭审记录（须提供版本号）', params: HearingParams, body: UpdateHearingBody, response: { 200: LitigationCaseDetail } } },
    async (request) => editHearing(request, request.params.id, request.params.hid, request.body),
  );

  app.get('/litigation/settings', { schema: { tags, summary: '负责人出庭应诉率统计口径（本县）', response: { 200: AppearanceSettingsView } } }, async (request) =>
    getAppearanceSettings(request),
  );

  app.put(
    '/litigation/settings',
    { schema: { tags, summary: '修改负责人出庭应诉率统计口径', body: AppearanceSettingsBody, response: { 200: AppearanceSettingsView } } },
    async (request) => putAppearanceSettings(request, request.body),
  );
};
