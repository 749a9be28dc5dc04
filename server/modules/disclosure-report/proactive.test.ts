import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { proactiveDisclosures } from './disclosure-report.tables.ts';
import { call, postXlsx, prepareRoles, proactiveSheet, userWithRole, type Who } from './disclosure-report.test-helpers.ts';

let t: TestApp;
let bureau: { id: string; name: string };
let other: { id: string; name: string };
let staff: Who;
let coordinator: Who;

beforeAll(async () => {
  t = await createTestApp();
  await prepareRoles(t);
  t.clock.set('2021-12-31T10:00:00+08:00');
  bureau = await createOrg(t.db, { name: '岳阳县发展和改革局' });
  other = await createOrg(t.db, { name: '岳阳县农业农村局' });
  const sfj = await createOrg(t.db, { name: '岳阳县司法局' });
  staff = await userWithRole(t, bureau.id, 'dept_staff');
  coordinator = await userWithRole(t, sfj.id, 'coordinator');
});
afterAll(() => t?.close());

const rows = async () => (await t.db.select({ n: count() }).from(proactiveDisclosures))[0]!.n;

describe('主动公开 records', () => {
  it('records, edits with its version and deletes an item, audited', async () => {
    const created = await call(t, staff, 'POST', '/api/proactive-disclosures', {
      orgId: bureau.id,
      publishedOn: '2021-03-05',
      title: '岳阳县国民经济和社会发展第十四个五年规划纲要',
      category: 'plans',
      kind: 'item',
      form: 'video',
      channel: '岳阳县人民政府门户网站',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    // Only a 政策解读 keeps a form.
    expect(item).toMatchObject({ categoryLabel: '规划计划', kindLabel: '公开信息', form: null, version: 1 });
    const edited = await call(t, staff, 'PUT', `/api/proactive-disclosures/${item.id}`, { ...item, title: '规划纲要（修订）', version: 1 });
    expect(edited.json()).toMatchObject({ title: '规划纲要（修订）', version: 2 });
    expect((await call(t, staff, 'PUT', `/api/proactive-disclosures/${item.id}`, { ...item, version: 1 })).statusCode).toBe(409);
    expect((await call(t, staff, 'DELETE', `/api/proactive-disclosures/${item.id}?version=1`)).statusCode).toBe(409);
    expect((await call(t, staff, 'DELETE', `/api/proactive-disclosures/${item.id}?version=2`)).statusCode).toBe(204);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['proactive.create', 'proactive.delete', 'proactive.update']);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = await rows();
    const interpretation = { orgId: bureau.id, publishedOn: '2021-03-05', title: '解读', category: 'responses', kind: 'interpretation' };
    const noForm = await call(t, staff, 'POST', '/api/proactive-disclosures', interpretation);
    expect(noForm.statusCode).toBe(400);
    expect(noForm.json().message).toContain('政策解读须选择解读形式');
    const future = await call(t, staff, 'POST', '/api/proactive-disclosures', { ...interpretation, form: 'text', publishedOn: '2022-01-01' });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '公开日期不能晚于今天' });
    const foreign = await call(t, staff, 'POST', '/api/proactive-disclosures', { ...interpretation, form: 'text', orgId: other.id });
    expect(foreign.statusCode).toBe(403);
    expect(await rows()).toBe(before);
  });

  it('imports a sheet after a dry run, reports bad rows without writing, and undoes a batch', async () => {
    const good: Record<string, string>[] = [
      { 公开机关: bureau.name, 公开日期: '2021-04-01', 标题: '重点项目建设计划', 类别: '重点项目' },
      { 公开日期: '2021/5/6', 标题: '政策图解', 类别: '解读回应', 信息类型: '政策解读', 解读形式: '图表' },
      { 公开日期: '2021年6月1日', 标题: '一件事一次办事项清单', 类别: '一件事一次办', 信息类型: '公开信息' },
    ];
    const before = await rows();
    const bad = await postXlsx(t, staff, '/api/proactive-disclosures/import', await proactiveSheet([...good, { 公开机关: other.name, 公开日期: '2021-13-01', 标题: '', 类别: '杂项', 解读形式: '视频' }]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件共 4 行，其中 1 行存在错误，未导入任何数据' });
    expect(bad.json().details.rows[0]).toMatchObject({ row: 5 });
    expect(bad.json().details.rows[0].errors).toEqual([
      '只能导入本单位的主动公开信息，“岳阳县农业农村局”不在本人办理范围内',
      '公开日期“2021-13-01”不是有效日期（如 2021-03-05）',
      '标题不能为空',
      '类别“杂项”无效，应为：规划计划、重点项目、政策文件、解读回应、优化营商环境、一件事一次办、乡村振兴、六稳六保、民生领域、其他',
      '只有政策解读填写解读形式',
    ]);

    const file = await proactiveSheet(good);
    const dry = await postXlsx(t, staff, '/api/proactive-disclosures/import?dryRun=true', file);
    expect(dry.json()).toEqual({ importId: null, imported: 3, dryRun: true });
    expect(await rows()).toBe(before);
    const done = (await postXlsx(t, staff, '/api/proactive-disclosures/import', file)).json();
    expect(done).toMatchObject({ imported: 3, dryRun: false });
    expect(await rows()).toBe(before + 3);

    const figures = (await call(t, staff, 'GET', '/api/proactive-disclosures/figures?year=2021')).json();
    expect(figures).toMatchObject({ total: 3, items: 2, byCategory: { keyProjects: 1, responses: 1, oneThing: 1 }, interpretations: { chart: 1, total: 1 } });

    const list = (await call(t, coordinator, 'GET', `/api/proactive-disclosures?importId=${done.importId}&sort=publishedOn&order=asc`)).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['重点项目建设计划', '政策图解', '一件事一次办事项清单']);
    const exported = await call(t, staff, 'GET', '/api/proactive-disclosures/export.xlsx?year=2021');
    expect(exported.headers['content-type']).toContain('spreadsheetml');

    const batches = (await call(t, staff, 'GET', '/api/proactive-disclosures/imports')).json();
    expect(batches).toEqual([expect.objectContaining({ importId: done.importId, rows: 3, firstDay: '2021-04-01', lastDay: '2021-06-01' })]);
    const undone = await call(t, staff, 'POST', `/api/proactive-disclosures/imports/${done.importId}/undo`);
    expect(undone.json()).toEqual({ importId: done.importId, deleted: 3 });
    expect(await rows()).toBe(before);
    expect((await call(t, staff, 'POST', `/api/proactive-disclosures/imports/${done.importId}/undo`)).statusCode).toBe(404);
  });
});
