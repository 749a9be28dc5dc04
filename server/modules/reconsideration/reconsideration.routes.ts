import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import {
  ApplicantView,
  CaseFilter,
  CaseListItem,
  CaseListQuery,
  CaseView,
  FollowUpView,
  Opened,
  OpinionBody,
  Registered,
  RegisterBody,
  ReviewBody,
} from './reconsideration.schemas.ts';
import { issueOpinion, openDocumentReview } from './use-cases/open-follow-up.ts';
import { exportCases, getApplicant, getCase, getFollowUp, listCases } from './use-cases/read-cases.ts';
import { registerAtOffice } from './use-cases/register-application.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['reconsideration'];
const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];

/**
 * The 复议机构's own surface: registration, the case list and its export, a case's module fields and
 * its follow-ups. Steps of a case go through the kernel's POST /api/cases/:id/actions/:action.
 */
export const reconsiderationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/reconsideration/cases',
    { schema: { tags, security, summary: '登记行政复议申请（窗口、邮寄等）；返回案件编号和网上查询码', body: RegisterBody, response: { 201: Registered } } },
    async (request, reply) => reply.code(201).send(await registerAtOffice(request, request.body)),
  );

  app.get(
    '/reconsideration/cases',
    { schema: { tags, security, summary: '行政复议案件列表（筛选、排序、分页）', querystring: CaseListQuery, response: { 200: pageOf(CaseListItem) } } },
    async (request) => listCases(request, request.query),
  );

  app.get(
    '/reconsideration/cases/export.xlsx',
    { schema: { tags, security, summary: '导出行政复议案件列表（Excel，筛选条件同列表）', querystring: CaseFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('行政复议案件.xlsx', 'reconsideration-cases.xlsx'))
        .send(await exportCases(request, request.query)),
  );

  app.get(
    '/reconsideration/cases/:id',
    { schema: { tags, security, summary: '行政复议案件详情（本模块字段、意见书和附带审查；流程记录见 /api/cases/:id）', params: IdParams, response: { 200: CaseView } } },
    async (request) => getCase(request, request.params.id),
  );

  app.get(
    '/reconsideration/cases/:id/applicant',
    { schema: { tags, security, summary: '查看申请人证件号码和联系电话明文（记入审计）', params: IdParams, response: { 200: ApplicantView } } },
    async (request) => getApplicant(request, request.params.id),
  );

  app.post(
    '/reconsideration/cases/:id/opinions',
    { schema: { tags, security, summary: '制发行政复议意见书（第七十六条），被申请人六十日内报送纠正情况', params: IdParams, body: OpinionBody, response: { 201: Opened } } },
    async (request, reply) => reply.code(201).send(await issueOpinion(request, request.params.id, request.body)),
  );

  app.post(
    '/reconsideration/cases/:id/reviews',
    { schema: { tags, security, summary: '对规范性文件进行附带审查（第十三条、第五十六条至第六十条）', params: IdParams, body: ReviewBody, response: { 201: Opened } } },
    async (request, reply) => reply.code(201).send(await openDocumentReview(request, request.params.id, request.body)),
  );

  app.get(
    '/reconsideration/follow-ups/:id',
    { schema: { tags, security, summary: '意见书或附带审查案件的本模块字段（流程记录见 /api/cases/:id）', params: IdParams, response: { 200: FollowUpView } } },
    async (request) => getFollowUp(request, request.params.id),
  );
};
