import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../kernel/auth/actor.repository.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { COORDINATOR, DEPT_STAFF, ensureBuiltinRoles, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { calendarDeadlines } from '../../kernel/workflow/deadlines.ts';
import { defineWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { openCase, transition, type WorkflowDeps } from '../../kernel/workflow/transition.ts';
import { actorWith, createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from './index.ts';

defineWorkflow({
  caseType: 'stat_demo',
  label: '演示复议',
  readPermission: 'statdemo.handle',
  states: {
    received: { label: '已收件' },
    accepted: { label: '已受理' },
    suspended: { label: '已中止' },
    decided: { label: '已决定', terminal: true },
    withdrawn: { label: '已撤回', terminal: true },
  },
  initial: 'received',
  initialClocks: { review: { unit: 'workingDays', n: 5, basis: '《行政复议法》第三十条' } },
  actions: {
    accept: { label: '受理', from: ['received'], to: 'accepted', permission: 'statdemo.handle', clocks: { stop: ['review'], start: { decision: { unit: 'days', n: 60, basis: '《行政复议法》第六十二条' } } } },
    suspend: { label: '中止', from: ['accepted'], to: 'suspended', permission: 'statdemo.handle', clocks: { pause: ['decision'] } },
    decide: { label: '作出决定', from: ['accepted'], to: 'decided', permission: 'statdemo.handle', clocks: { stop: 'all' } },
    withdraw: { label: '撤回', from: ['received', 'accepted'], to: 'withdrawn', permission: 'statdemo.handle', clocks: { stop: 'all' } },
  },
});

defineWorkflow({
  caseType: 'stat_other',
  label: '演示应诉',
  readPermission: 'statdemo.handle',
  states: { open: { label: '审理中' }, closed: { label: '已结案', terminal: true } },
  initial: 'open',
  actions: { close: { label: '结案', from: ['open'], to: 'closed', permission: 'statdemo.handle' } },
});

interface Figure {
  code: string;
  value: number | null;
  numerator: { value: number } | null;
  denominator: { value: number } | null;
  cells: { cell: Record<string, string>; labels: Record<string, string>; value: number | null }[];
}

describe('statistics: case figures for a scope and period, their records and Excel', () => {
  let t: TestApp;
  let deps: WorkflowDeps;
  let handler: Actor;
  let coordinator: SignedIn;
  let townStaff: SignedIn;
  let deptStaff: SignedIn;
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};

  const at = (day: string) => t.clock.set(`${day}T10:00:00+08:00`);
  const open = async (key: string, caseType: string, orgId: string, day: string) => {
    at(day);
    const c = await t.db.transaction((tx) => openCase(tx, deps, { caseType, regionCode: '430621', orgId, title: `案件${key}` }, { actor: handler, meta: {} }));
    ids[key] = c.id;
    versions[key] = c.version;
  };
  const step = async (key: string, action: string, day: string) => {
    at(day);
    const c = await t.db.transaction((tx) => transition(tx, deps, { caseId: ids[key]!, version: versions[key]! }, action, { actor: handler, meta: {} }));
    versions[key] = c.version;
  };
  const builtin = async (code: string) => (await t.db.select().from(roles).where(eq(roles.code, code)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureNationalCalendar(t.db);
    await ensureBuiltinRoles(t.db, statisticsRoleGrants);
    deps = { clock: t.clock, deadlines: calendarDeadlines(t.db) };
    const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
    org.justice = (await createOrg(t.db, { name: '县司法局', parentId: county.id })).id;
    org.townA = (await createOrg(t.db, { name: '甲镇', type: 'township', parentId: county.id })).id;
    org.villageA = (await createOrg(t.db, { name: '甲村', type: 'village', parentId: org.townA })).id;
    org.townB = (await createOrg(t.db, { name: '乙镇', type: 'township', parentId: county.id })).id;
    org.elsewhere = (await createOrg(t.db, { name: '临湘市司法局', regionCode: '430682' })).id;
    const handle = await createRole(t.db, { permissions: { 'statdemo.handle': 'region' } });
    handler = (await loadActor(t.db, (await createUser(t.db, { orgId: county.id, roleIds: [handle.id] })).id))!;

    // 县司法局
    await open('A', 'stat_demo', org.justice, '2024-03-01');
    await step('A', 'accept', '2024-03-04');
    await step('A', 'decide', '2024-03-20'); // decision period due 05-03: on time
    await open('B', 'stat_demo', org.justice, '2024-05-06');
    await step('B', 'accept', '2024-05-07'); // 60 days: 07-06 is a Saturday, due Mon 07-08
    await step('B', 'decide', '2024-08-01'); // late
    await open('C', 'stat_demo', org.justice, '2024-11-01'); // review due 11-08, never handled
    await open('H', 'stat_demo', org.justice, '2023-12-20'); // received in 2023
    await step('H', 'accept', '2023-12-21');
    await step('H', 'decide', '2024-01-10'); // concluded in 2024, due 2024-02-19
    await open('J', 'stat_demo', org.justice, '2024-06-03');
    await step('J', 'accept', '2024-06-03'); // due 08-02 …
    await step('J', 'suspend', '2024-06-10'); // … but 中止 since 06-10: never overdue while suspended
    await open('K', 'stat_other', org.justice, '2024-07-01'); // no statutory clock
    // 甲镇 and its village
    await open('D', 'stat_demo', org.townA, '2024-02-01'); // 5 working days with 02-04 (调休 Sunday): due 02-07
    await open('E', 'stat_demo', org.villageA, '2024-06-03');
    await step('E', 'accept', '2024-06-04');
    await step('E', 'decide', '2024-06-20');
    // 乙镇
    await open('F', 'stat_demo', org.townB, '2024-04-01');
    await step('F', 'accept', '2024-04-02');
    await step('F', 'decide', '2024-04-15');
    await open('G', 'stat_demo', org.townB, '2024-09-02');
    await step('G', 'accept', '2024-09-03'); // due 11-02 (Saturday) → 11-04
    await step('G', 'decide', '2025-01-20'); // late, but concluded in 2025: still open on 2024-12-31
    await open('L', 'stat_demo', org.townB, '2024-10-08');
    await step('L', 'withdraw', '2024-10-09');
    await open('I', 'stat_demo', org.justice, '2025-01-05'); // after the period; review due 2025-01-10

    at('2025-03-01');
    coordinator = await signIn(t, (await createUser(t.db, { orgId: county.id, roleIds: [await builtin(COORDINATOR)] })).id);
    townStaff = await signIn(t, (await createUser(t.db, { orgId: org.townA, roleIds: [await builtin(TOWNSHIP_STAFF)] })).id);
    deptStaff = await signIn(t, (await createUser(t.db, { orgId: org.justice, roleIds: [await builtin(DEPT_STAFF)] })).id);
  });
  afterAll(() => t.close());

  const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const year2024 = 'from=2024-01-01&to=2024-12-31';
  const values = async (who: SignedIn, query = year2024) => {
    const res = await get(`/api/statistics/values?${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { scope: Record<string, unknown>; figures: Figure[] };
  };
  const fig = (body: { figures: Figure[] }, code: string) => body.figures.find((f) => f.code === code)!;
  // The cross-module case figures; each module's own figures are tested in its folder.
  const totals = (body: { figures: Figure[] }) => Object.fromEntries(body.figures.filter((f) => f.code.startsWith('cases.')).map((f) => [f.code, f.value]));
  const records = async (who: SignedIn, code: string, cell?: Record<string, string>, query = year2024) => {
    const res = await get(`/api/statistics/records?code=${code}&${query}&pageSize=100${cell ? `&cell=${encodeURIComponent(JSON.stringify(cell))}` : ''}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string; title: string; date: string; label: string; category: string; orgName: string; link: string }[] };
  };
  const titles = (items: { title: string }[]) => items.map((i) => i.title.replace('案件', '')).sort();

  it('counts received, concluded, pending and overdue cases of a year across the region', async () => {
    const body = await values(coordinator);
    expect(body.scope).toMatchObject({ regionCode: '430621', regionName: '岳阳县', orgId: null, from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31', clamped: false });
    expect(totals(body)).toEqual({ 'cases.received': 10, 'cases.concluded': 6, 'cases.pending': 5, 'cases.overdue': 3, 'cases.onTimeRate': 83.33 });
    expect(fig(body, 'cases.received').cells).toEqual([
      { cell: { caseType: 'stat_demo' }, labels: { caseType: '演示复议' }, value: 9 },
      { cell: { caseType: 'stat_other' }, labels: { caseType: '演示应诉' }, value: 1 },
    ]);
    expect(fig(body, 'cases.concluded').cells.map((c) => [c.cell.timeliness, c.labels.timeliness, c.value])).toEqual([
      ['late', '逾期办结', 1],
      ['onTime', '按期办结', 5],
    ]);
    const rate = fig(body, 'cases.onTimeRate');
    expect([rate.numerator?.value, rate.denominator?.value]).toEqual([5, 6]);
  });

  it('drills down to exactly the cases counted, each linking to its case page', async () => {
    expect(titles((await records(coordinator, 'cases.received')).items)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'J', 'K', 'L']);
    expect(titles((await records(coordinator, 'cases.concluded')).items)).toEqual(['A', 'B', 'E', 'F', 'H', 'L']);
    expect(titles((await records(coordinator, 'cases.concluded', { timeliness: 'late' })).items)).toEqual(['B']);
    expect(titles((await records(coordinator, 'cases.pending')).items)).toEqual(['C', 'D', 'G', 'J', 'K']);
    const overdue = await records(coordinator, 'cases.overdue');
    expect(overdue.items.map((i) => [i.title, i.date, i.label])).toEqual([
      ['案件C', '2024-11-08', '已收件'],
      ['案件G', '2024-11-04', '已决定'],
      ['案件D', '2024-02-07', '已收件'],
    ]);
    expect(overdue.items[0]).toMatchObject({ id: ids.C, link: `/cases/${ids.C}`, category: '演示复议', orgName: '县司法局' });
    const body = await values(coordinator);
    for (const figure of body.figures.filter((f) => f.numerator === null)) {
      expect((await records(coordinator, figure.code)).total, figure.code).toBe(figure.value);
      for (const c of figure.cells) expect((await records(coordinator, figure.code, c.cell)).total, `${figure.code} ${JSON.stringify(c.cell)}`).toBe(c.value);
    }
  });

  it('pages the records', async () => {
    const res = await get(`/api/statistics/records?code=cases.received&${year2024}&page=2&pageSize=4`, coordinator);
    const page = res.json();
    expect([page.total, page.page, page.items.length]).toEqual([10, 2, 4]);
    expect(page.figure).toEqual({ code: 'cases.received', name: '收案数', unit: '件', recordDate: '收案日期' });
  });

  it('keeps other townships and other periods out of an organisation subtree', async () => {
    const dept = await values(deptStaff);
    expect(totals(dept)).toEqual({ 'cases.received': 5, 'cases.concluded': 3, 'cases.pending': 3, 'cases.overdue': 1, 'cases.onTimeRate': 66.67 });
    const village = await values(townStaff, `${year2024}&orgId=${org.villageA}`);
    expect(village.scope).toMatchObject({ orgName: '甲村', clamped: false });
    expect(totals(village)).toEqual({ 'cases.received': 1, 'cases.concluded': 1, 'cases.pending': 0, 'cases.overdue': 0, 'cases.onTimeRate': 100 });
  });

  it('clamps a township reader who asks for the whole region to their township, and says so', async () => {
    const body = await values(townStaff);
    expect(body.scope).toMatchObject({ orgId: org.townA, orgName: '甲镇', clamped: true, notice: expect.stringContaining('甲镇') });
    expect(totals(body)).toEqual({ 'cases.received': 2, 'cases.concluded': 1, 'cases.pending': 1, 'cases.overdue': 1, 'cases.onTimeRate': 100 });
    expect(titles((await records(townStaff, 'cases.received')).items)).toEqual(['D', 'E']);
    const orgs = (await get('/api/statistics/orgs', townStaff)).json();
    expect(orgs).toMatchObject({ regionWide: false, defaultOrgId: org.townA, scope: 'org_subtree' });
    expect(orgs.orgs.map((o: { name: string }) => o.name)).toEqual(['甲镇', '甲村']);
    const all = (await get('/api/statistics/orgs', coordinator)).json();
    expect(all).toMatchObject({ regionWide: true, defaultOrgId: null, scope: 'region' });
    expect(all.orgs.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['岳阳县人民政府', '县司法局', '甲镇', '甲村', '乙镇']));
    expect(all.orgs.map((o: { name: string }) => o.name)).not.toContain('临湘市司法局');
  });

  it('refuses an organisation or region outside the reader’s statistics scope', async () => {
    for (const url of [
      `/api/statistics/values?${year2024}&orgId=${org.townB}`,
      `/api/statistics/records?code=cases.received&${year2024}&orgId=${org.townB}`,
      `/api/statistics/export.xlsx?${year2024}&orgId=${org.townB}`,
      `/api/statistics/values?${year2024}&regionCode=430682`,
    ]) {
      const res = await get(url, townStaff);
      expect([res.statusCode, res.json().code], url).toEqual([403, 'FORBIDDEN']);
    }
    expect((await get(`/api/statistics/values?orgId=${org.townB}`, townStaff)).json().message).toBe('「乙镇」不在您的统计范围内');
    expect((await get(`/api/statistics/values?orgId=${org.elsewhere}`, coordinator)).statusCode).toBe(404);
    const outsider = await actorWith(t, { 'org.read': 'region' });
    expect((await get('/api/statistics/values', outsider)).statusCode).toBe(403);
    expect((await get('/api/statistics/indicators', outsider)).statusCode).toBe(403);
    expect((await get('/api/statistics/values')).statusCode).toBe(401);
  });

  it('gives the ratio as null, not 0, when nothing was concluded', async () => {
    const body = await values(coordinator, 'from=2024-12-01&to=2024-12-31');
    const rate = fig(body, 'cases.onTimeRate');
    expect([rate.value, rate.numerator?.value, rate.denominator?.value, rate.cells]).toEqual([null, 0, 0, []]);
    expect(totals(body)).toMatchObject({ 'cases.received': 0, 'cases.pending': 5 });
  });

  it('defaults to this year, taking stocks as of today', async () => {
    const body = await values(coordinator, '');
    expect(body.scope).toMatchObject({ from: '2025-01-01', to: '2025-12-31', asOf: '2025-03-01' });
    expect(totals(body)).toEqual({ 'cases.received': 1, 'cases.concluded': 1, 'cases.pending': 5, 'cases.overdue': 3, 'cases.onTimeRate': 0 });
    expect(titles((await records(coordinator, 'cases.overdue', undefined, '')).items)).toEqual(['C', 'D', 'I']);
  });

  it('answers bad requests with a Chinese reason', async () => {
    const cases: [string, number][] = [
      [`/api/statistics/values?from=2024-12-31&to=2024-01-01`, 400],
      [`/api/statistics/values?from=2026-01-01&to=2026-12-31`, 400],
      [`/api/statistics/values?from=2024-02-30`, 400],
      [`/api/statistics/records?code=cases.received&cell=not-json`, 400],
      [`/api/statistics/records?code=cases.received&cell=${encodeURIComponent('{"nope":"x"}')}`, 400],
      [`/api/statistics/records?code=cases.onTimeRate`, 400],
      [`/api/statistics/records?code=cases.unknown`, 404],
    ];
    for (const [url, status] of cases) {
      const res = await get(url, coordinator);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().message, url).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('lists the registry with units, bases, definitions and dimension labels', async () => {
    const list = (await get('/api/statistics/indicators', townStaff)).json().filter((f: { code: string }) => f.code.startsWith('cases.'));
    expect(list.map((f: { code: string }) => f.code)).toEqual(['cases.received', 'cases.concluded', 'cases.pending', 'cases.overdue', 'cases.onTimeRate']);
    expect(list[0]).toMatchObject({ name: '收案数', unit: '件', kind: 'indicator', dimensions: [{ key: 'caseType', label: '案件类型', values: { stat_demo: '演示复议', stat_other: '演示应诉' } }] });
    expect(list[4]).toMatchObject({
      kind: 'ratio',
      unit: '%',
      numerator: { code: 'cases.concluded', cell: { timeliness: 'onTime' }, cellLabels: { timeliness: '按期办结' } },
      denominator: { code: 'cases.concluded', cell: {} },
    });
    for (const f of list) expect(f.basis && f.description).toBeTruthy();
  });

  it('exports every figure of the scope, one row per cell, and the records behind one', async () => {
    const res = await get(`/api/statistics/export.xlsx?${year2024}`, coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('统计指标_2024-01-01至2024-12-31.xlsx'));
    const rows = (await readXlsx(res.rawPayload, ['指标代码', '指标名称', '分项', '数值', '单位', '分子', '分母', '依据'])).map((r) => r.cells).filter((r) => r['指标代码']!.startsWith('cases.'));
    const row = (code: string, part: string) => rows.find((r) => r['指标代码'] === code && r['分项'] === part);
    expect(row('cases.received', '合计')).toMatchObject({ 指标名称: '收案数', 数值: '10', 单位: '件', 统计范围: '岳阳县（全行政区）', 统计期间: '2024-01-01 至 2024-12-31' });
    expect(row('cases.received', '案件类型：演示应诉')?.['数值']).toBe('1');
    expect(row('cases.concluded', '案件类型：演示复议；办理时限：逾期办结')?.['数值']).toBe('1');
    expect(row('cases.onTimeRate', '合计')).toMatchObject({ 数值: '83.33', 单位: '%', 分子: '5', 分母: '6' });
    expect(row('cases.overdue', '合计')?.['依据']).toContain('行政复议法');
    expect(rows).toHaveLength(3 + 3 + 3 + 2 + 2); // each figure's total and its cells

    const empty = await get('/api/statistics/export.xlsx?from=2024-12-01&to=2024-12-31', coordinator);
    const emptyRows = (await readXlsx(empty.rawPayload, ['指标代码', '数值'])).map((r) => r.cells);
    expect(emptyRows.find((r) => r['指标代码'] === 'cases.onTimeRate')?.['数值']).toBe('—');

    const detail = await get(`/api/statistics/records/export.xlsx?code=cases.overdue&${year2024}`, townStaff);
    expect(detail.statusCode).toBe(200);
    const detailRows = (await readXlsx(detail.rawPayload, ['标题', '类别', '机构', '期限届满日', '状态'])).map((r) => r.cells);
    expect(detailRows).toEqual([expect.objectContaining({ 标题: '案件D', 机构: '甲镇', 期限届满日: '2024-02-07', 状态: '已收件', 统计范围: '岳阳县 / 甲镇（含下级机构）' })]);
  });
});
