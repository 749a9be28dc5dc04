import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at } from '../litigation/litigation.test-helpers.ts';
import { H } from './enforcement.excel.ts';
import { enforcementOfficers } from './enforcement.tables.ts';
import { call, certificate, marketBody, ok, postXlsx, prepareCounty, readSheet, sheetOf, type County } from './enforcement.test-helpers.ts';

describe('the enforcement registry: bodies, officers and certificates', () => {
  let t: TestApp;
  let c: County;
  let body: { id: string; version: number };
  let healthBody: { id: string };
  let officer: { id: string; version: number; certificateId: string };

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-06-01');
  });
  afterAll(() => t.close());

  it('lets the 司法局 register bodies for any department, a department only its own', async () => {
    body = await ok(await call(t, c.users.coordinator, 'POST', '/api/enforcement/bodies', marketBody(c.orgs.market)), 201);
    expect(body).toMatchObject({ name: '岳阳县市场监督管理局', kindLabel: '法定行政机关', fieldLabels: ['市场监管（食品药品）'], officerCount: 0 });
    const refused = await call(t, c.users.market, 'POST', '/api/enforcement/bodies', { ...marketBody(c.orgs.health), name: '岳阳县卫生健康局' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('不在您的管理范围内');
    healthBody = await ok(await call(t, c.users.health, 'POST', '/api/enforcement/bodies', { ...marketBody(c.orgs.health), name: '岳阳县卫生健康局', fields: ['health'] }), 201);
    const again = await call(t, c.users.coordinator, 'POST', '/api/enforcement/bodies', marketBody(c.orgs.market));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');
    const entrusted = await call(t, c.users.coordinator, 'POST', '/api/enforcement/bodies', { ...marketBody(c.orgs.market), name: '岳阳县食品药品稽查大队', kind: 'entrusted' });
    expect(entrusted.statusCode).toBe(400);
    expect(entrusted.json().message).toBe('受委托组织须填写委托机关');
  });

  it('registers an officer with a certificate, refuses a certificate number twice and a field the body does not work in', async () => {
    const created = await ok<{ id: string; version: number; certificateId: string; certificateStatus: string }>(
      await call(t, c.users.market, 'POST', '/api/enforcement/officers', { bodyId: body.id, name: '李建国', position: '稽查员', certificate: certificate('43062101000001') }),
      201,
    );
    expect(created.certificateStatus).toBe('valid');
    officer = created;
    const twice = await call(t, c.users.coordinator, 'POST', '/api/enforcement/officers', { bodyId: body.id, name: '王小红', certificate: certificate('43062101000001') });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('执法证号“43062101000001”已登记');
    // The refused request wrote nothing: not even the officer.
    expect(await t.db.select().from(enforcementOfficers).where(eq(enforcementOfficers.name, '王小红'))).toHaveLength(0);
    const wrongField = await call(t, c.users.coordinator, 'POST', '/api/enforcement/certificates', { officerId: officer.id, ...certificate('43062101000002', { field: 'environment' }) });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().message).toContain('执法领域不属于');
    const backwards = await call(t, c.users.coordinator, 'POST', '/api/enforcement/certificates', { officerId: officer.id, ...certificate('43062101000002', { validUntil: '2018-01-01' }) });
    expect(backwards.statusCode).toBe(400);
  });

  it('keeps a department to its own officers: another department neither sees nor edits them', async () => {
    const edit = { bodyId: body.id, name: '李建国', position: '稽查队长', version: officer.version };
    const foreign = await call(t, c.users.health, 'PUT', `/api/enforcement/officers/${officer.id}`, edit);
    expect(foreign.statusCode).toBe(403);
    expect((await call(t, c.users.health, 'GET', `/api/enforcement/officers/${officer.id}`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>(await call(t, c.users.health, 'GET', '/api/enforcement/officers'))).total).toBe(0);
    const moved = await call(t, c.users.market, 'PUT', `/api/enforcement/officers/${officer.id}`, { ...edit, bodyId: healthBody.id });
    expect(moved.statusCode).toBe(403);
    const saved = await ok<{ version: number; position: string }>(await call(t, c.users.market, 'PUT', `/api/enforcement/officers/${officer.id}`, edit));
    expect(saved).toMatchObject({ position: '稽查队长', version: officer.version + 1 });
    const stale = await call(t, c.users.coordinator, 'PUT', `/api/enforcement/officers/${officer.id}`, edit);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: '执法人员已被他人修改，请刷新后重试' });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, officer.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['enforcement.officer.create', 'enforcement.officer.update']);
  });

  it('replaces a certificate (换证): the old one becomes 已换发 and names no second replacement', async () => {
    at(t, '2021-09-18');
    const detail = await ok<{ certificates: { id: string; version: number }[] }>(await call(t, c.users.market, 'GET', `/api/enforcement/officers/${officer.id}`));
    const old = detail.certificates[0]!;
    const fresh = await ok<{ replacesNo: string; status: string; id: string }>(
      await call(t, c.users.market, 'POST', `/api/enforcement/certificates/${old.id}/replace`, { ...certificate('43062101000101', { issuedOn: '2021-09-18', validUntil: '2026-09-17' }), version: old.version, reason: '证件到期换发' }),
      201,
    );
    expect(fresh).toMatchObject({ replacesNo: '43062101000001', status: 'valid' });
    const after = await ok<{ certificateNo: string; certificates: { certificateNo: string; status: string; statusLabel: string }[] }>(await call(t, c.users.market, 'GET', `/api/enforcement/officers/${officer.id}`));
    expect(after.certificateNo).toBe('43062101000101');
    expect(after.certificates.map((x) => [x.certificateNo, x.statusLabel])).toEqual([
      ['43062101000101', '有效'],
      ['43062101000001', '已换发'],
    ]);
    const twice = await call(t, c.users.market, 'POST', `/api/enforcement/certificates/${old.id}/replace`, { ...certificate('43062101000102'), version: old.version + 1 });
    expect(twice.statusCode).toBe(409);
    const replacedIn = await ok<{ items: { certificateNo: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/certificates?replacedIn=2021'));
    expect(replacedIn.items.map((x) => x.certificateNo)).toEqual(['43062101000101']);
  });

  it('suspends a certificate only with a reason, and lists officers by certificate status', async () => {
    const other = await ok<{ id: string; certificateId: string }>(
      await call(t, c.users.coordinator, 'POST', '/api/enforcement/officers', { bodyId: body.id, name: '周敏', certificate: certificate('43062101000003', { validUntil: '2025-12-31' }) }),
      201,
    );
    const noReason = await call(t, c.users.coordinator, 'POST', `/api/enforcement/certificates/${other.certificateId}/status`, { version: 1, status: 'suspended' });
    expect(noReason.statusCode).toBe(400);
    await ok(await call(t, c.users.coordinator, 'POST', `/api/enforcement/certificates/${other.certificateId}/status`, { version: 1, status: 'suspended', reason: '涉嫌违纪，暂扣待查' }));
    const suspended = await ok<{ items: { name: string; certificateStatusLabel: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers?certificateStatus=suspended'));
    expect(suspended.items).toEqual([expect.objectContaining({ name: '周敏', certificateStatusLabel: '暂扣' })]);
    const byNo = await ok<{ items: { name: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers?q=000101'));
    expect(byNo.items.map((o) => o.name)).toEqual(['李建国']);
    const sorted = await ok<{ items: { name: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers?sort=validUntil&order=desc&pageSize=1'));
    expect(sorted.items.map((o) => o.name)).toEqual(['李建国']);
  });

  it('reminds of certificates expiring within 90 days and of officers short of 60 training hours', async () => {
    at(t, '2025-11-01');
    await ok(await call(t, c.users.coordinator, 'POST', `/api/enforcement/officers/${officer.id}/trainings`, { attendedOn: '2025-03-10', course: '行政处罚法专题培训', hours: 40 }), 201);
    const reminders = await ok<{ expiring: { certificateNo: string }[]; training: { name: string; hours: number }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers/reminders'));
    // 周敏's certificate ends 2025-12-31 but is suspended: only valid certificates are reminded of.
    expect(reminders.expiring).toEqual([]);
    expect(reminders.training).toEqual([{ officerId: officer.id, name: '李建国', bodyName: '岳阳县市场监督管理局', hours: 40 }]);
    // The 工作台 counts what the page lists.
    const counts = async () => new Map((await ok<{ code: string; count: number }[]>(await call(t, c.users.coordinator, 'GET', '/api/reminders'))).map((r) => [r.code, r.count]));
    expect((await counts()).get('enforcement.trainingShortfall')).toBe(1);
    expect((await counts()).has('enforcement.expiringCertificates')).toBe(false);
    at(t, '2026-07-01');
    const later = await ok<{ expiring: { certificateNo: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers/reminders'));
    expect(later.expiring.map((x) => x.certificateNo)).toEqual(['43062101000101']);
    expect((await counts()).get('enforcement.expiringCertificates')).toBe(1);
  });

  it('exports officers with the headers the import reads, and imports them back with per-row errors', async () => {
    at(t, '2021-06-01');
    const exported = await call(t, c.users.coordinator, 'GET', '/api/enforcement/officers/export.xlsx?sort=name');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('officers.xlsx');
    const rows = await readSheet(exported.rawPayload);
    expect(rows[0]!.slice(0, 8)).toEqual([H.officer.name, H.officer.body, H.officer.position, H.officer.certificateNo, H.officer.field, H.officer.issuer, H.officer.issuedOn, H.officer.validUntil]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['周敏', '李建国']);

    const headers = Object.values(H.officer);
    const bad = await sheetOf(headers, [
      ['张三', '岳阳县市场监督管理局', '', '43062101000201', '市场监管（食品药品）', '湖南省人民政府', '2020-01-01', '2025-12-31', ''],
      ['李四', '岳阳县不存在局', '', '', '', '', '', '', ''],
      ['王五', '岳阳县市场监督管理局', '', '43062101000001', '市场监管（食品药品）', '湖南省人民政府', '2020-01-01', '2025-12-31', ''],
      ['赵六', '岳阳县市场监督管理局', '', '43062101000202', '种地', '湖南省人民政府', '2020-13-01', '2025-12-31', ''],
    ]);
    const refused = await postXlsx(t, c.users.market, '/api/enforcement/officers/import', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('IMPORT_INVALID');
    expect(refused.json().details.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
    expect(refused.json().details.rows[1].errors).toEqual(['执法证号“43062101000001”已登记在其他执法人员名下']);
    expect(await t.db.select().from(enforcementOfficers).where(eq(enforcementOfficers.name, '张三'))).toHaveLength(0);
    const report = await readSheet((await postXlsx(t, c.users.market, '/api/enforcement/officers/import/report', bad)).rawPayload);
    expect(report.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['3', '执法主体“岳阳县不存在局”未登记'],
      ['4', '执法证号“43062101000001”已登记在其他执法人员名下'],
      ['5', '执法领域“种地”无效，应为：市场监管（食品药品）、生态环境、卫生健康、农业农村、自然资源、住房城乡建设、交通运输、水利、文化旅游、应急管理、城市管理、教育、商务、林业、乡镇综合行政执法、其他；发证日期“2020-13-01”不是有效日期（应为 YYYY-MM-DD）'],
    ]);

    const clean = await sheetOf(headers, [
      ['张三', '岳阳县市场监督管理局', '', '43062101000201', '市场监管（食品药品）', '湖南省人民政府', '2020-01-01', '2025-12-31', ''],
      ['李建国', '岳阳县市场监督管理局', '稽查队长', '43062101000101', '市场监管（食品药品）', '湖南省人民政府', '2021-09-18', '2026-09-17', ''],
    ]);
    expect(await ok(await postXlsx(t, c.users.market, '/api/enforcement/officers/import?dryRun=true', clean))).toEqual({ created: 1, updated: 0, unchanged: 1, dryRun: true });
    expect(await t.db.select().from(enforcementOfficers).where(eq(enforcementOfficers.name, '张三'))).toHaveLength(0);
    expect(await ok(await postXlsx(t, c.users.market, '/api/enforcement/officers/import', clean))).toEqual({ created: 1, updated: 0, unchanged: 1, dryRun: false });
    const outOfScope = await postXlsx(t, c.users.health, '/api/enforcement/officers/import', clean);
    expect(outOfScope.json().details.rows[0].errors).toEqual(['执法主体“岳阳县市场监督管理局”不在您的管理范围内']);
  });

  it('shows the portal’s 亮证 listing: valid certificates only, name, number, body and field — nothing personal', async () => {
    at(t, '2021-10-01');
    const listed = await t.app.inject({ method: 'GET', url: '/api/public/enforcement/officers?q=43062101000101' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([{ name: '李建国', certificateNo: '43062101000101', bodyName: '岳阳县市场监督管理局', field: 'market', fieldLabel: '市场监管（食品药品）', validUntil: '2026-09-17' }]);
    expect(listed.body).not.toContain('稽查队长');
    // The replaced certificate and the suspended one are not shown.
    expect((await t.app.inject({ method: 'GET', url: '/api/public/enforcement/officers?q=43062101000001' })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/enforcement/officers?q=周敏' })).json().total).toBe(0);
    const byName = (await t.app.inject({ method: 'GET', url: `/api/public/enforcement/officers?q=${encodeURIComponent('张三')}` })).json();
    expect(byName.items.map((o: { certificateNo: string }) => o.certificateNo)).toEqual(['43062101000201']);
  });
});
