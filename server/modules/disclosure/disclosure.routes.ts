import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX_MIME } from '../../kernel/documents/official-docx.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf } from '../../kernel/http/schemas.ts';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { HANDLE } from './disclosure.permissions.ts';
import { findAgencies } from './disclosure.repository.ts';
import { Agency, ApplicantView, DocumentParams, Registered, RegisterBody, RequestFilter, RequestListItem, RequestListQuery, RequestView, SettingsView } from './disclosure.schemas.ts';
import { DisclosureSettings } from './disclosure.settings.ts';
import { exportRequests, getApplicant, getDocument, getRequest, listRequests } from './use-cases/read-requests.ts';
import { registerAtOffice } from './use-cases/register-request.ts';
import { getSettings, putSettings } from './use-cases/settings.ts';

const tags = ['disclosure'];
const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];

/**
 * Staff: registration, the list and its export, an application's own fields and letters, the county's
 * settings. Steps go through the kernel's POST /api/cases/:id/actions/:action (答复 too: the console's panel).
 */
export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/disclosure/requests',
    { schema: { tags, security, summary: '登记政府信息公开申请（当面、邮寄、传真、电子邮件）；返回查询码', body: RegisterBody, response: { 201: Registered } } },
    async (request, reply) => reply.code(201).send(await registerAtOffice(request, request.body)),
  );

  app.get(
    '/disclosure/requests',
    { schema: { tags, security, summary: '依申请公开列表（筛选、排序、分页）', querystring: RequestListQuery, response: { 200: pageOf(RequestListItem) } } },
    async (request) => listRequests(request, request.query),
  );

  app.get(
    '/disclosure/requests/export.xlsx',
    { schema: { tags, security, summary: '导出依申请公开列表（Excel，筛选条件同列表）', querystring: RequestFilter, produces: [XLSX_MIME], response: { 200: z.any().describe('Excel 文件') } } },
    async (request, reply) =>
      reply.type(XLSX_MIME).header('content-disposition', attachment('依申请公开.xlsx', 'disclosure-requests.xlsx')).send(await exportRequests(request, request.query)),
  );

  app.get(
    '/disclosure/agencies',
    { schema: { tags, security, summary: '本行政区可受理申请的机关', response: { 200: z.array(Agency) } } },
    async (request) => {
      requirePermission(request.actor, HANDLE);
      return findAgencies(request.server.db, request.actor!.regionCode);
    },
  );

  app.get('/disclosure/settings', { schema: { tags, security, summary: '依申请公开设置（本县）', response: { 200: SettingsView } } }, async (request) => getSettings(request));
  app.put(
    '/disclosure/settings',
    { schema: { tags, security, summary: '修改依申请公开设置（收费标准、补正期限、文号前缀）', body: DisclosureSettings.extend({ version: z.number().int().min(1) }), response: { 200: SettingsView } } },
    async (request) => putSettings(request, request.body),
  );

  app.get(
    '/disclosure/requests/:id',
    { schema: { tags, security, summary: '申请详情（本模块字段和征求意见；流程记录见 /api/cases/:id）', params: IdParams, response: { 200: RequestView } } },
    async (request) => getRequest(request, request.params.id),
  );

  app.get(
    '/disclosure/requests/:id/applicant',
    { schema: { tags, security, summary: '查看申请人证件号码、联系电话和地址明文（记入审计）', params: IdParams, response: { 200: ApplicantView } } },
    async (request) => getApplicant(request, request.params.id),
  );

  app.get(
    '/disclosure/requests/:id/documents/:document',
    { schema: { tags, security, summary: '下载答复书（reply）或延期答复告知书（extension）', params: DocumentParams, produces: [DOCX_MIME], response: { 200: z.any().describe('.docx') } } },
    async (request, reply) => {
      const doc = await getDocument(request, request.params.id, request.params.document);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(doc.name, `disclosure-${request.params.document}.docx`)).send(doc.content);
    },
  );
};
