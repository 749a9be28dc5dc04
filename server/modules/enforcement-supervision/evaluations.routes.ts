import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { campaignResults, createCampaign, drawCampaignSample, editCampaign, exportResults, getCampaign, listCampaigns } from './evaluations.campaigns.ts';
import { exportFiles, getFile, listFiles, rectify, scoreFile, sendBack } from './evaluations.files.ts';
import {
  CampaignBody,
  CampaignDetail,
  CampaignView,
  DrawBody,
  EvaluationSettingsBody,
  EvaluationSettingsView,
  FileDetail,
  FileFilter,
  FileItem,
  FileListQuery,
  RectifyBody,
  Results,
  ScoreBody,
  SendBackBody,
  SheetBody,
  SheetView,
  UpdateCampaignBody,
  UpdateSheetBody,
} from './evaluations.schemas.ts';
import { createDefaultSheet, createSheet, editSheet, getEvaluationSettings, getSheet, listSheets, putEvaluationSettings } from './evaluations.sheets.ts';

const tags = ['enforcement-evaluation'];
const base = '/enforcement/evaluations';

/** 案卷评查: scoring sheets, campaigns and their sample, scoring, rectification, results per department. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/sheets`, { schema: { tags, summary: '评查表', response: { 200: z.array(SheetView) } } }, async (request) => listSheets(request));
  app.post(`${base}/sheets`, { schema: { tags, summary: '新建评查表', body: SheetBody, response: { 201: SheetView } } }, async (request, reply) =>
    reply.code(201).send(await createSheet(request, request.body)),
  );
  app.post(`${base}/sheets/default`, { schema: { tags, summary: '按本县默认评查表新建（可再修改）', response: { 201: SheetView } } }, async (request, reply) =>
    reply.code(201).send(await createDefaultSheet(request)),
  );
  app.get(`${base}/sheets/:id`, { schema: { tags, summary: '评查表详情', params: IdParams, response: { 200: SheetView } } }, async (request) => getSheet(request, request.params.id));
  app.put(`${base}/sheets/:id`, { schema: { tags, summary: '修改评查表（尚无案卷按其评分时，须提供版本号）', params: IdParams, body: UpdateSheetBody, response: { 200: SheetView } } }, async (request) =>
    editSheet(request, request.params.id, request.body),
  );

  app.get(`${base}/settings`, { schema: { tags, summary: '案卷评查设置（本县）', response: { 200: EvaluationSettingsView } } }, async (request) => getEvaluationSettings(request));
  app.put(`${base}/settings`, { schema: { tags, summary: '修改案卷评查设置', body: EvaluationSettingsBody, response: { 200: EvaluationSettingsView } } }, async (request) =>
    putEvaluationSettings(request, request.body),
  );

  app.get(`${base}/campaigns`, { schema: { tags, summary: '评查活动', response: { 200: z.array(CampaignView) } } }, async (request) => listCampaigns(request));
  app.post(`${base}/campaigns`, { schema: { tags, summary: '新建评查活动', body: CampaignBody, response: { 201: CampaignDetail } } }, async (request, reply) =>
    reply.code(201).send(await createCampaign(request, request.body)),
  );
  app.get(`${base}/campaigns/:id`, { schema: { tags, summary: '评查活动详情及抽取记录', params: IdParams, response: { 200: CampaignDetail } } }, async (request) =>
    getCampaign(request, request.params.id),
  );
  app.put(`${base}/campaigns/:id`, { schema: { tags, summary: '修改评查活动（须提供版本号）', params: IdParams, body: UpdateCampaignBody, response: { 200: CampaignDetail } } }, async (request) =>
    editCampaign(request, request.params.id, request.body),
  );
  app.post(
    `${base}/campaigns/:id/draw`,
    { schema: { tags, summary: '随机抽取案卷（按部门，不超过每部门抽取件数；种子可复现并记录）', params: IdParams, body: DrawBody, response: { 200: CampaignDetail.extend({ added: z.number().int() }) } } },
    async (request) => drawCampaignSample(request, request.params.id, request.body),
  );
  app.get(`${base}/campaigns/:id/results`, { schema: { tags, summary: '评查结果（按部门汇总）', params: IdParams, response: { 200: Results } } }, async (request) =>
    campaignResults(request, request.params.id),
  );
  app.get(
    `${base}/campaigns/:id/results.xlsx`,
    { schema: { tags, summary: '导出评查结果（Excel）', params: IdParams, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('案卷评查结果.xlsx', 'evaluation-results.xlsx')).send(await exportResults(request, request.params.id)),
  );

  app.get(`${base}/files`, { schema: { tags, summary: '评查案卷列表', querystring: FileListQuery, response: { 200: pageOf(FileItem) } } }, async (request) => listFiles(request, request.query));
  app.get(
    `${base}/files/export.xlsx`,
    { schema: { tags, summary: '导出评查案卷（Excel）', querystring: FileFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) => reply.type(XLSX_MIME).header('content-disposition', attachment('评查案卷.xlsx', 'evaluation-files.xlsx')).send(await exportFiles(request, request.query)),
  );
  app.get(`${base}/files/:id`, { schema: { tags, summary: '评查案卷：评分、问题、整改及历史', params: IdParams, response: { 200: FileDetail } } }, async (request) => getFile(request, request.params.id));
  app.post(`${base}/files/:id/score`, { schema: { tags, summary: '评分（可复评，留有记录）', params: IdParams, body: ScoreBody, response: { 200: FileDetail } } }, async (request) =>
    scoreFile(request, request.params.id, request.body),
  );
  app.post(`${base}/files/:id/send-back`, { schema: { tags, summary: '退回整改（整改期限按工作日计算）', params: IdParams, body: SendBackBody, response: { 200: FileDetail } } }, async (request) =>
    sendBack(request, request.params.id, request.body),
  );
  app.post(`${base}/files/:id/rectify`, { schema: { tags, summary: '登记整改情况（本部门）', params: IdParams, body: RectifyBody, response: { 200: FileDetail } } }, async (request) =>
    rectify(request, request.params.id, request.body),
  );
};
