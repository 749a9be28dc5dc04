import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { IdParams, VersionBody } from '../../kernel/http/schemas.ts';
import { getOrgForActor, orgScopeCondition } from '../../kernel/org/org.repository.ts';
import { getOrgView, listOrgs, listRegions } from './org.repository.ts';
import {
  CreateOrgBody,
  ExportOrgsQuery,
  ImportQuery,
  ImportResult,
  ListOrgsQuery,
  MoveOrgBody,
  Org,
  Region,
  UpdateOrgBody,
  XlsxBody,
} from './org.schemas.ts';
import { createOrg } from './use-cases/create-org.ts';
import { exportOrgs } from './use-cases/export-orgs.ts';
import { importOrgs, importReport } from './use-cases/import-orgs.ts';
import { moveOrg } from './use-cases/move-org.ts';
import { setOrgStatus } from './use-cases/set-org-status.ts';
import { updateOrg } from './use-cases/update-org.ts';
import { attachment } from '../../kernel/http/download.ts';

const tags = ['org'];
const IMPORT_LIMIT = 10 * 1024 * 1024;

function sendXlsx(reply: FastifyReply, asciiName: string, name: string, data: Buffer) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', attachment(name, asciiName))
    .send(data);
}

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  // Imports upload the .xlsx itself as the request body.
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

  app.get('/regions', { schema: { tags, summary: '行政区划列表', response: { 200: z.array(Region) } } }, async (request) => {
    if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
    return listRegions(request.server.db);
  });

  app.get(
    '/orgs',
    { schema: { tags, summary: '机构列表（按层级、排序号、名称）', querystring: ListOrgsQuery, response: { 200: z.object({ items: z.array(Org) }) } } },
    async (request) => {
      const scope = requirePermission(request.actor, 'org.read');
      return { items: await listOrgs(request.server.db, orgScopeCondition(request.actor!, scope), request.query) };
    },
  );

  app.get('/orgs/export.xlsx', { schema: { tags, summary: '导出机构（Excel，可直接修改后导入）', querystring: ExportOrgsQuery, produces: [XLSX_MIME] } }, async (request, reply) =>
    sendXlsx(reply, 'organisations.xlsx', '机构.xlsx', await exportOrgs(request, request.query.regionCode)),
  );

  app.get('/orgs/:id', { schema: { tags, summary: '机构详情', params: IdParams, response: { 200: Org } } }, async (request) => {
    const org = await getOrgForActor(request.server.db, request.actor, request.params.id);
    return getOrgView(request.server.db, org.id);
  });

  app.post('/orgs', { schema: { tags, summary: '新建机构', body: CreateOrgBody, response: { 200: Org } } }, async (request) =>
    createOrg(request, request.body),
  );

  app.put('/orgs/:id', { schema: { tags, summary: '修改机构', params: IdParams, body: UpdateOrgBody, response: { 200: Org } } }, async (request) =>
    updateOrg(request, request.params.id, request.body),
  );

  app.post(
    '/orgs/:id/move',
    { schema: { tags, summary: '移动机构（连同下级机构）', params: IdParams, body: MoveOrgBody, response: { 200: Org } } },
    async (request) => moveOrg(request, request.params.id, request.body.parentId, request.body.version),
  );

  app.post(
    '/orgs/:id/deactivate',
    { schema: { tags, summary: '停用机构', params: IdParams, body: VersionBody, response: { 200: Org } } },
    async (request) => setOrgStatus(request, request.params.id, 'inactive', request.body.version),
  );

  app.post(
    '/orgs/:id/activate',
    { schema: { tags, summary: '启用机构', params: IdParams, body: VersionBody, response: { 200: Org } } },
    async (request) => setOrgStatus(request, request.params.id, 'active', request.body.version),
  );

  app.post(
    '/orgs/import',
    {
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '导入机构（Excel，按行政区划代码和机构编码新增或更新）',
        consumes: [XLSX_MIME],
        querystring: ImportQuery,
        body: XlsxBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => importOrgs(request, request.body, request.query.dryRun),
  );

  app.post(
    '/orgs/import/report',
    { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: '机构导入错误报告（Excel）', consumes: [XLSX_MIME], produces: [XLSX_MIME], body: XlsxBody } },
    async (request, reply) => sendXlsx(reply, 'import-errors.xlsx', '机构导入错误报告.xlsx', await importReport(request, request.body)),
  );
};
