import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { attachment } from '../../kernel/http/download.ts';
import { IdParams, pageOf, Paging, VersionBody } from '../../kernel/http/schemas.ts';
import * as S from './enforcement.schemas.ts';
import { importKinds, importRegistry, importReport, type ImportKind } from './use-cases/import-registry.ts';
import * as read from './use-cases/read-registry.ts';
import * as people from './use-cases/write-people.ts';
import * as matters from './use-cases/write-matters.ts';

const tags = ['enforcement'];
const IMPORT_LIMIT = 10 * 1024 * 1024;
const xlsx = z.any().describe('Excel 文件');

const sendXlsx = (reply: FastifyReply, name: string, asciiName: string, data: Buffer) =>
  reply.type(XLSX_MIME).header('content-disposition', attachment(name, asciiName)).send(data);

const importNames: Record<ImportKind, string> = { officers: '执法人员及执法证', matters: '执法事项', benchmarks: '裁量基准', delegations: '乡镇赋权事项' };

/**
 * 行政执法 registry under /api/enforcement: bodies, officers and certificates (换证, 暂扣, 吊销), training,
 * matters, discretion benchmarks, leniency lists and township delegations; each list paged, filtered,
 * sorted and exported with the same filters; four of them importable from Excel.
 */
export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

  // ——— 执法主体 ———
  app.get('/enforcement/bodies', { schema: { tags, summary: '执法主体列表', querystring: S.BodyFilter.extend(Paging.shape), response: { 200: pageOf(S.BodyItem) } } }, (r) => read.listBodies(r, r.query));
  app.get('/enforcement/bodies/export.xlsx', { schema: { tags, summary: '导出执法主体（Excel）', querystring: S.BodyFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '执法主体.xlsx', 'bodies.xlsx', await read.exportBodies(r, r.query)),
  );
  app.post('/enforcement/bodies', { schema: { tags, summary: '登记执法主体', body: S.BodyInput, response: { 201: S.BodyItem } } }, async (r, reply) => reply.code(201).send(await people.createBody(r, r.body)));
  app.put('/enforcement/bodies/:id', { schema: { tags, summary: '修改执法主体', params: IdParams, body: S.UpdateBodyBody, response: { 200: S.BodyItem } } }, (r) => people.updateBody(r, r.params.id, r.body));

  // ——— 执法人员、执法证、培训 ———
  app.get('/enforcement/officers', { schema: { tags, summary: '执法人员列表（含当前执法证）', querystring: S.OfficerFilter.extend(Paging.shape), response: { 200: pageOf(S.OfficerItem) } } }, (r) => read.listOfficers(r, r.query));
  app.get('/enforcement/officers/export.xlsx', { schema: { tags, summary: '导出执法人员（Excel，可修改后导入）', querystring: S.OfficerFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '执法人员.xlsx', 'officers.xlsx', await read.exportOfficers(r, r.query)),
  );
  app.get('/enforcement/officers/reminders', { schema: { tags, summary: '到期提醒：90日内到期的执法证、本年培训不足60学时的人员', response: { 200: S.Reminders } } }, (r) => read.reminders(r));
  app.get('/enforcement/officers/:id', { schema: { tags, summary: '执法人员详情（执法证及换证记录、培训）', params: IdParams, response: { 200: S.OfficerDetail } } }, (r) => read.getOfficer(r, r.params.id));
  app.post('/enforcement/officers', { schema: { tags, summary: '登记执法人员（可同时登记执法证）', body: S.CreateOfficerBody, response: { 201: S.OfficerItem } } }, async (r, reply) =>
    reply.code(201).send(await people.createOfficer(r, r.body)),
  );
  app.put('/enforcement/officers/:id', { schema: { tags, summary: '修改执法人员', params: IdParams, body: S.UpdateOfficerBody, response: { 200: S.OfficerItem } } }, (r) => people.updateOfficer(r, r.params.id, r.body));
  app.post('/enforcement/officers/:id/trainings', { schema: { tags, summary: '登记培训学时', params: IdParams, body: S.TrainingBody, response: { 201: S.TrainingItem } } }, async (r, reply) =>
    reply.code(201).send(await people.addTraining(r, r.params.id, r.body)),
  );
  app.get('/enforcement/certificates', { schema: { tags, summary: '行政执法证列表', querystring: S.CertificateFilter.extend(Paging.shape), response: { 200: pageOf(S.CertificateItem) } } }, (r) => read.listCertificates(r, r.query));
  app.get('/enforcement/certificates/export.xlsx', { schema: { tags, summary: '导出行政执法证（Excel）', querystring: S.CertificateFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '行政执法证.xlsx', 'certificates.xlsx', await read.exportCertificates(r, r.query)),
  );
  app.post('/enforcement/certificates', { schema: { tags, summary: '登记行政执法证', body: S.IssueCertificateBody, response: { 201: S.CertificateItem } } }, async (r, reply) =>
    reply.code(201).send(await people.issueCertificate(r, r.body)),
  );
  app.post('/enforcement/certificates/:id/replace', { schema: { tags, summary: '换证（新证替换本证，本证状态为已换发）', params: IdParams, body: S.ReplaceCertificateBody, response: { 201: S.CertificateItem } } }, async (r, reply) =>
    reply.code(201).send(await people.replace(r, r.params.id, r.body)),
  );
  app.post('/enforcement/certificates/:id/status', { schema: { tags, summary: '暂扣、吊销或恢复执法证', params: IdParams, body: S.CertificateStatusBody, response: { 200: S.CertificateItem } } }, (r) =>
    people.setCertificateStatus(r, r.params.id, r.body),
  );

  // ——— 执法事项、裁量基准、清单 ———
  app.get('/enforcement/matters', { schema: { tags, summary: '执法事项列表', querystring: S.MatterFilter.extend(Paging.shape), response: { 200: pageOf(S.MatterItem) } } }, (r) => read.listMatters(r, r.query));
  app.get('/enforcement/matters/export.xlsx', { schema: { tags, summary: '导出执法事项（Excel，可修改后导入）', querystring: S.MatterFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '执法事项.xlsx', 'matters.xlsx', await read.exportMatters(r, r.query)),
  );
  app.post('/enforcement/matters', { schema: { tags, summary: '登记执法事项', body: S.MatterInput, response: { 201: S.MatterItem } } }, async (r, reply) => reply.code(201).send(await matters.createMatter(r, r.body)));
  app.put('/enforcement/matters/:id', { schema: { tags, summary: '修改执法事项', params: IdParams, body: S.UpdateMatterBody, response: { 200: S.MatterItem } } }, (r) => matters.updateMatter(r, r.params.id, r.body));

  app.get('/enforcement/benchmarks', { schema: { tags, summary: '裁量基准列表', querystring: S.BenchmarkFilter.extend(Paging.shape), response: { 200: pageOf(S.BenchmarkItem) } } }, (r) => read.listBenchmarks(r, r.query));
  app.get('/enforcement/benchmarks/export.xlsx', { schema: { tags, summary: '导出裁量基准（Excel，可修改后导入）', querystring: S.BenchmarkFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '裁量基准.xlsx', 'benchmarks.xlsx', await read.exportBenchmarks(r, r.query)),
  );
  app.post('/enforcement/benchmarks', { schema: { tags, summary: '登记裁量基准', body: S.BenchmarkInput, response: { 201: S.BenchmarkItem } } }, async (r, reply) =>
    reply.code(201).send(await matters.createBenchmark(r, r.body)),
  );
  app.put('/enforcement/benchmarks/:id', { schema: { tags, summary: '修改裁量基准', params: IdParams, body: S.UpdateBenchmarkBody, response: { 200: S.BenchmarkItem } } }, (r) => matters.updateBenchmark(r, r.params.id, r.body));
  app.post('/enforcement/benchmarks/:id/delete', { schema: { tags, summary: '删除裁量基准', params: IdParams, body: VersionBody, response: { 204: z.null() } } }, async (r, reply) => {
    await matters.deleteBenchmark(r, r.params.id, r.body.version);
    return reply.code(204).send(null);
  });

  app.get('/enforcement/leniency', { schema: { tags, summary: '首违不罚、轻微违法不予处罚、从轻减轻处罚清单', querystring: S.LeniencyFilter.extend(Paging.shape), response: { 200: pageOf(S.LeniencyItem) } } }, (r) => read.listLeniency(r, r.query));
  app.get('/enforcement/leniency/export.xlsx', { schema: { tags, summary: '导出清单（Excel）', querystring: S.LeniencyFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '从轻减轻及不予处罚清单.xlsx', 'leniency.xlsx', await read.exportLeniency(r, r.query)),
  );
  app.post('/enforcement/leniency', { schema: { tags, summary: '列入清单', body: S.LeniencyInput, response: { 201: S.LeniencyItem } } }, async (r, reply) => reply.code(201).send(await matters.createLeniency(r, r.body)));
  app.put('/enforcement/leniency/:id', { schema: { tags, summary: '修改清单事项', params: IdParams, body: S.UpdateLeniencyBody, response: { 200: S.LeniencyItem } } }, (r) => matters.updateLeniency(r, r.params.id, r.body));

  // ——— 乡镇赋权 ———
  app.get('/enforcement/delegations', { schema: { tags, summary: '乡镇赋权事项列表', querystring: S.DelegationFilter.extend(Paging.shape), response: { 200: pageOf(S.DelegationItem) } } }, (r) => read.listDelegations(r, r.query));
  app.get('/enforcement/delegations/export.xlsx', { schema: { tags, summary: '导出乡镇赋权事项（Excel，可修改后导入）', querystring: S.DelegationFilter, produces: [XLSX_MIME], response: { 200: xlsx } } }, async (r, reply) =>
    sendXlsx(reply, '乡镇赋权事项.xlsx', 'delegations.xlsx', await read.exportDelegations(r, r.query)),
  );
  app.post('/enforcement/delegations', { schema: { tags, summary: '赋权乡镇', body: S.DelegationInput, response: { 201: S.DelegationItem } } }, async (r, reply) =>
    reply.code(201).send(await matters.createDelegation(r, r.body)),
  );
  app.post('/enforcement/delegations/:id/revoke', { schema: { tags, summary: '终止赋权（保留记录，写明终止日期）', params: IdParams, body: S.RevokeDelegationBody, response: { 200: S.DelegationItem } } }, (r) =>
    matters.revokeDelegation(r, r.params.id, r.body),
  );

  // ——— Excel 导入 ———
  for (const kind of importKinds) {
    app.post(
      `/enforcement/${kind}/import`,
      { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: `导入${importNames[kind]}（Excel；先校验，有错误的行不导入任何数据）`, consumes: [XLSX_MIME], querystring: S.ImportQuery, body: S.XlsxBody, response: { 200: S.ImportResult } } },
      (r) => importRegistry(r, kind, r.body as Buffer, r.query.dryRun),
    );
    app.post(
      `/enforcement/${kind}/import/report`,
      { bodyLimit: IMPORT_LIMIT, schema: { tags, summary: `${importNames[kind]}导入错误报告（Excel）`, consumes: [XLSX_MIME], produces: [XLSX_MIME], body: S.XlsxBody } },
      async (r, reply) => sendXlsx(reply, `${importNames[kind]}导入错误报告.xlsx`, 'import-errors.xlsx', await importReport(r, kind, r.body as Buffer)),
    );
  }
};
