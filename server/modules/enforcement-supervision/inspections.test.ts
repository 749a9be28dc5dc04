import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { computeIndicator, findFigureRecords } from '../../kernel/indicators/indicators.repository.ts';
import { creditCodeCheckChar } from '../../kernel/validation/credit-code.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { H } from './inspections.import.ts';
import { inspectionsCount, inspectionsHazards } from './inspections.indicators.ts';
import { call, create, entry, postXlsx, prepareRoles, sheetOf, userWithRole, type Who } from './inspections.test-helpers.ts';
import { inspections } from './supervision.tables.ts';

const creditCode = (body: string) => body + creditCodeCheckChar(body);
const GOOD_CODE = creditCode('91430621MA4L12346');

let t: TestApp;
let market: { id: string; name: string };
let env: { id: string; name: string };
let scj: Who;
let hbj: Who;
let coordinator: Who;
let leader: Who;

beforeAll(async () => {
  t = await createTestApp();
  await prepareRoles(t);
  t.clock.set('2021-12-31T10:00:00+08:00');
  market = await createOrg(t.db, { name: '岳阳县市场监督管理局' });
  env = await createOrg(t.db, { name: '岳阳县生态环境分局' });
  const sfj = await createOrg(t.db, { name: '岳阳县司法局' });
  scj = await userWithRole(t, market.id, 'dept_staff');
  hbj = await userWithRole(t, env.id, 'dept_staff');
  coordinator = await userWithRole(t, sfj.id, 'coordinator');
  leader = await userWithRole(t, sfj.id, 'leader');
});
afterAll(() => t?.close());

describe('行政检查 records', () => {
  it('records, reads, lists and edits an inspection with its version, audited', async () => {
    const created = await create(t, scj, entry(market.id, { targetCreditCode: GOOD_CODE.toLowerCase(), result: 'rectification', rectificationOrdered: true, hazardsFound: 2 }));
    expect(created).toMatchObject({ orgName: market.name, fieldLabel: '市场监管（食品药品）', resultLabel: '责令整改', targetCreditCode: GOOD_CODE, version: 1 });

    const read = await call(t, scj, 'GET', `/api/inspections/${created.id}`);
    expect(read.json().hazardsFound).toBe(2);

    const edited = await call(t, scj, 'PUT', `/api/inspections/${created.id}`, { ...entry(market.id), hazardsFound: 3, result: 'rectification', rectificationOrdered: true, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ hazardsFound: 3, version: 2, targetCreditCode: null });

    const stale = await call(t, scj, 'PUT', `/api/inspections/${created.id}`, { ...entry(market.id), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: '行政检查记录已被他人修改，请刷新后重试' });

    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['inspection.create', 'inspection.update']);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(inspections))[0]!.n;
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [entry(market.id, { targetName: '' }), 400, 'VALIDATION_FAILED', /检查对象/],
      [entry(market.id, { inspectedOn: '2021-02-30' }), 400, 'VALIDATION_FAILED', /检查日期/],
      [entry(market.id, { inspectedOn: '2022-01-05' }), 400, 'VALIDATION_FAILED', /不能晚于今天/],
      [entry(market.id, { targetCreditCode: '91430621MA4L123450' }), 400, 'INVALID_CREDIT_CODE', /信用代码/],
      [entry(market.id, { result: 'rectification' }), 400, 'VALIDATION_FAILED', /责令整改/],
      [entry(market.id, { hazardsFound: -1 }), 400, 'VALIDATION_FAILED', /发现隐患数/],
      [entry(market.id, { campaignId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED', /专项整治行动不存在/],
      [entry(market.id, { caseId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED', /立案案件不存在/],
      [entry(env.id), 403, 'FORBIDDEN', /本单位/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await call(t, scj, 'POST', '/api/inspections', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(message);
    }
    expect((await t.db.select({ n: count() }).from(inspections))[0]!.n).toBe(before);
  });

  it('keeps each department to its own records; the 司法局 and leaders read the county, without writing', async () => {
    const own = await create(t, hbj, entry(env.id, { field: 'environment', targetName: '某砂石场', targetType: '砂石场', placeClosed: true }));
    expect((await call(t, scj, 'GET', `/api/inspections/${own.id}`)).statusCode).toBe(404);
    const scjList = (await call(t, scj, 'GET', '/api/inspections?pageSize=500')).json();
    expect(scjList.items.every((i: { orgId: string }) => i.orgId === market.id)).toBe(true);
    const all = (await call(t, coordinator, 'GET', '/api/inspections?pageSize=500')).json();
    expect(all.items.some((i: { id: string }) => i.id === own.id)).toBe(true);
    expect((await call(t, leader, 'GET', `/api/inspections/${own.id}`)).statusCode).toBe(200);
    expect((await call(t, coordinator, 'POST', '/api/inspections', entry(env.id))).statusCode).toBe(403);
    expect((await call(t, scj, 'PUT', `/api/inspections/${own.id}`, { ...entry(market.id), version: 1 })).statusCode).toBe(404);
  });

  it('filters, sorts, pages and exports the list', async () => {
    for (const [day, name] of [
      ['2021-10-09', '甲超市'],
      ['2021-03-01', '乙餐馆'],
      ['2020-12-01', '丙食杂店'],
    ] as const)
      await create(t, scj, entry(market.id, { inspectedOn: day, targetName: name, targetType: '食品经营户' }));
    const res = await call(t, scj, 'GET', '/api/inspections?from=2021-01-01&to=2021-12-31&targetType=食品经营户&sort=inspectedOn&order=asc&pageSize=1&page=2');
    expect(res.json()).toMatchObject({ total: 2, page: 2, items: [{ targetName: '甲超市' }] });
    expect((await call(t, scj, 'GET', '/api/inspections?q=丙食杂').then((r) => r.json())).total).toBe(1);
    const exported = await call(t, scj, 'GET', '/api/inspections/export.xlsx?targetType=食品经营户');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('importing inspections from Excel', () => {
  const good = (i: number): Record<string, string | number> => ({
    [H.field]: '市场监管',
    [H.inspectedOn]: `2021-05-${String((i % 28) + 1).padStart(2, '0')}`,
    [H.targetName]: `导入农资店${i}`,
    [H.targetType]: '农资经营门店',
    [H.result]: i % 3 === 0 ? '责令整改' : '未发现问题',
    [H.hazards]: i % 5 === 0 ? 1 : 0,
    [H.documents]: 1,
  });

  it('writes nothing when any row is wrong and reports every bad row with its reasons', async () => {
    const before = (await t.db.select({ n: count() }).from(inspections))[0]!.n;
    const rows = Array.from({ length: 50 }, (_, i) => good(i));
    rows[3] = { ...rows[3]!, [H.inspectedOn]: '2021-13-01' };
    rows[10] = { ...rows[10]!, [H.result]: '罚款', [H.closed]: '也许' };
    rows[20] = { ...rows[20]!, [H.org]: '岳阳县生态环境分局' };
    rows[30] = { ...rows[30]!, [H.creditCode]: '123' };
    const file = await sheetOf(rows);
    const res = await postXlsx(t, scj, '/api/inspections/import', file);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.message).toBe('导入文件共 50 行，其中 4 行存在错误，未导入任何数据');
    expect(body.details.rows.map((r: { row: number }) => r.row)).toEqual([5, 12, 22, 32]);
    expect(body.details.rows[1].errors.join('；')).toMatch(/检查结果“罚款”无效.*关停取缔应填“是”或“否”/);
    expect(body.details.rows[2].errors[0]).toMatch(/不在本人办理范围内/);
    expect((await t.db.select({ n: count() }).from(inspections))[0]!.n).toBe(before);

    const report = await postXlsx(t, scj, '/api/inspections/import/report', file);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
  });

  it('refuses a file that is not a workbook or lacks a required column', async () => {
    const junk = await postXlsx(t, scj, '/api/inspections/import', Buffer.from('not a workbook'));
    expect(junk.json()).toMatchObject({ code: 'IMPORT_INVALID', message: '文件不是有效的 Excel（.xlsx）文件' });
    const { toXlsx } = await import('../../kernel/excel/excel.ts');
    const noResult = await toXlsx('x', [{ header: H.targetName, value: () => '某店' }, { header: H.field, value: () => '市场监管' }, { header: H.inspectedOn, value: () => '2021-01-04' }], [1]);
    expect((await postXlsx(t, scj, '/api/inspections/import', noResult)).json()).toMatchObject({ code: 'IMPORT_INVALID', message: '缺少列：检查结果' });
  });

  it('imports a clean file in one batch with its progress, and undoes it', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => good(i));
    const importId = crypto.randomUUID();
    const res = await postXlsx(t, scj, `/api/inspections/import?importId=${importId}`, await sheetOf(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ importId, imported: 2500 });
    const progress = (await call(t, scj, 'GET', `/api/inspections/imports/${importId}/progress`)).json();
    expect(progress).toMatchObject({ stage: 'done', rowsRead: 2500, rowsWritten: 2500, total: 2500 });
    expect((await call(t, hbj, 'GET', `/api/inspections/imports/${importId}/progress`)).statusCode).toBe(404);

    const [stats] = await t.db
      .select({ n: count(), rect: sql<number>`count(*) filter (where ${inspections.rectificationOrdered})::int`, org: sql<string>`min(${inspections.orgId}::text)` })
      .from(inspections)
      .where(eq(inspections.importId, importId));
    expect(stats).toEqual({ n: 2500, rect: 834, org: market.id });
    expect((await call(t, scj, 'GET', `/api/inspections?importId=${importId}&pageSize=1`)).json().total).toBe(2500);

    expect((await call(t, hbj, 'POST', `/api/inspections/imports/${importId}/undo`)).statusCode).toBe(403);
    const undo = await call(t, scj, 'POST', `/api/inspections/imports/${importId}/undo`);
    expect(undo.json()).toEqual({ importId, deleted: 2500 });
    expect((await t.db.select({ n: count() }).from(inspections).where(eq(inspections.importId, importId)))[0]!.n).toBe(0);
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, importId));
    expect(audits.map((a) => a.action).sort()).toEqual(['inspection.import', 'inspection.import.undo']);
    expect((await call(t, scj, 'POST', `/api/inspections/imports/${importId}/undo`)).statusCode).toBe(404);
  });
});

describe('专项整治 campaigns and their figures', () => {
  it('counts a campaign\'s results in SQL, each equal to the list of records it clicks through to', async () => {
    const res = await call(t, scj, 'POST', '/api/campaigns', { title: '农资打假“护农”专项行动', field: 'market', leadOrgId: market.id, startsOn: '2021-03-01', endsOn: '2021-11-30' });
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    expect((await call(t, scj, 'POST', '/api/campaigns', { title: 'x', field: 'market', leadOrgId: env.id, startsOn: '2021-03-01', endsOn: '2021-11-30' })).statusCode).toBe(403);
    expect((await call(t, scj, 'POST', '/api/campaigns', { title: 'x', field: 'market', leadOrgId: market.id, startsOn: '2021-03-01', endsOn: '2021-01-30' })).json().message).toMatch(/结束日期/);

    const shops = ['甲农资店', '乙农资店', '丙农资店'];
    const specs = [
      { targetName: shops[0], rectificationOrdered: true, result: 'rectification', hazardsFound: 2 },
      { targetName: shops[0], hazardsFound: 1, documentsIssued: 2 },
      { targetName: shops[1], placeClosed: true, transferredToJudiciary: true },
      { targetName: shops[2], targetType: '种子门店', demolished: true, documentsIssued: 1 },
    ];
    for (const spec of specs) await create(t, scj, entry(market.id, { campaignId: campaign.id, ...spec }));

    const county = (await call(t, coordinator, 'GET', `/api/campaigns/${campaign.id}`)).json();
    expect(county.figuresScope).toBe('全县');
    const figures = county.figures;
    expect(figures).toEqual({
      inspections: 4,
      targets: 3,
      targetsByType: [
        { targetType: '农资经营门店', targets: 2, inspections: 3 },
        { targetType: '种子门店', targets: 1, inspections: 1 },
      ],
      rectificationOrders: 1,
      hazardsFound: 3,
      placesClosed: 1,
      demolished: 1,
      transfersToJudiciary: 1,
      documentsIssued: 3,
      casesFiled: 0,
    });
    const totalOf = async (filter: string) => (await call(t, coordinator, 'GET', `/api/inspections?campaignId=${campaign.id}&${filter}&pageSize=500`)).json();
    expect((await totalOf('rectificationOrdered=true')).total).toBe(figures.rectificationOrders);
    expect((await totalOf('placeClosed=true')).total).toBe(figures.placesClosed);
    expect((await totalOf('demolished=true')).total).toBe(figures.demolished);
    expect((await totalOf('transferredToJudiciary=true')).total).toBe(figures.transfersToJudiciary);
    const withHazards = await totalOf('withHazards=true');
    expect(withHazards.items.reduce((s: number, i: { hazardsFound: number }) => s + i.hazardsFound, 0)).toBe(figures.hazardsFound);
    const byType = await totalOf('targetType=农资经营门店');
    expect(new Set(byType.items.map((i: { targetName: string }) => i.targetName)).size).toBe(2);

    // A department's figures count what it may open: the 生态环境分局 did none of these inspections.
    const envView = (await call(t, hbj, 'GET', `/api/campaigns/${campaign.id}`)).json();
    expect(envView).toMatchObject({ figuresScope: '本单位', figures: { inspections: 0, rectificationOrders: 0 } });
    expect((await call(t, scj, 'GET', `/api/campaigns/${campaign.id}`)).json().figures.inspections).toBe(4);

    const list = (await call(t, leader, 'GET', '/api/campaigns?year=2021')).json();
    expect(list.items.find((c: { id: string }) => c.id === campaign.id).figures.inspections).toBe(4);
    const edited = await call(t, coordinator, 'PUT', `/api/campaigns/${campaign.id}`, { title: '农资打假专项行动', field: 'market', leadOrgId: market.id, startsOn: '2021-03-01', endsOn: '2021-12-31', version: 1 });
    expect(edited.json()).toMatchObject({ title: '农资打假专项行动', version: 2 });
    expect((await call(t, coordinator, 'PUT', `/api/campaigns/${campaign.id}`, { title: 'y', field: 'market', leadOrgId: market.id, startsOn: '2021-03-01', endsOn: '2021-12-31', version: 1 })).statusCode).toBe(409);
  });

  it('gives the county-year indicators by field and department, with their records', async () => {
    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-12-31' };
    const counted = await computeIndicator(t.db, inspectionsCount, scope);
    const [expected] = await t.db.select({ n: count() }).from(inspections).where(sql`${inspections.inspectedOn} between '2021-01-01' and '2021-12-31'`);
    expect(counted.total).toBe(expected!.n);
    expect(counted.cells.find((c) => c.cell.field === 'environment' && c.cell.department === env.name)?.value).toBe(1);
    const hazards = await computeIndicator(t.db, inspectionsHazards, scope);
    const [sum] = await t.db.select({ n: sql<number>`sum(${inspections.hazardsFound})::int` }).from(inspections).where(sql`${inspections.inspectedOn} between '2021-01-01' and '2021-12-31'`);
    expect(hazards.total).toBe(sum!.n);
    const records = await findFigureRecords(t.db, inspectionsHazards, scope, { field: 'market' }, 100);
    expect(records.every((r) => r.link?.startsWith('/inspections/') && /（\d+）$/.test(r.label ?? ''))).toBe(true);

    const viaApi = (await call(t, coordinator, 'GET', '/api/statistics/values?from=2021-01-01&to=2021-12-31')).json();
    const figure = viaApi.figures?.find((f: { code: string }) => f.code === 'inspections.count') ?? viaApi.find?.((f: { code: string }) => f.code === 'inspections.count');
    expect(figure.value).toBe(expected!.n);
  });
});
