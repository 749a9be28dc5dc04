import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { COORDINATOR, DEPT_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, baseCase, call, headAppears, hearing, prepareRoles, register, staffAppears, step, upload, userWithRole, type Who } from './litigation.test-helpers.ts';

interface Figure {
  code: string;
  value: number | null;
  numerator: { value: number } | null;
  denominator: { value: number } | null;
  cells: { cell: Record<string, string>; value: number | null; numerator?: number; denominator?: number }[];
}

describe('行政应诉 figures: cases, outcomes and 败诉率, 负责人出庭应诉率 under the saved definition', () => {
  let t: TestApp;
  let coordinator: Who;
  let scjStaff: Who;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await prepareRoles(t);
    const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
    const justice = (await createOrg(t.db, { name: '县司法局', parentId: county.id })).id;
    const scj = (await createOrg(t.db, { name: '县市场监督管理局', parentId: county.id })).id;
    const zrj = (await createOrg(t.db, { name: '县自然资源局', parentId: county.id })).id;
    coordinator = await userWithRole(t, justice, COORDINATOR);
    scjStaff = await userWithRole(t, scj, DEPT_STAFF);
    at(t, '2025-03-01');
    const file = await upload(t, coordinator, '裁判文书.txt');
    const proof = await upload(t, coordinator, '情况说明.txt');
    const ok = async (res: Promise<{ statusCode: number; body: string }>) => expect((await res).statusCode, (await res).body).toBe(200);
    const judge = (key: string, outcome: string, judgedOn: string) => ok(step(t, coordinator, id[key]!, 'recordJudgment', { outcome, judgmentNo: `（${judgedOn.slice(0, 4)}）湘0621行初${key}号`, judgedOn }, [file]));
    const open = async (key: string, defendant: string, received: string, extra: Record<string, unknown> = {}) => {
      id[key] = (await register(t, coordinator, baseCase(defendant, received, { plaintiffName: `原告${key}`, ...extra }))).id;
    };

    // A: the head appeared; 撤销 (败诉).
    await open('A', scj, '2024-02-01');
    await hearing(t, coordinator, id.A!, headAppears('2024-03-10'));
    await judge('A', 'revoke', '2024-08-01');
    // B (after 复议): staff first, the deputy at the second hearing — one case, appeared (规定 第七条); 确认违法 (败诉).
    await open('B', zrj, '2024-03-01', { afterReconsideration: true });
    await hearing(t, coordinator, id.B!, staffAppears('2024-04-10', proof));
    await hearing(t, coordinator, id.B!, headAppears('2024-05-10', 'deputy'));
    await judge('B', 'confirmIllegal', '2024-09-01');
    // C: A's appeal; only staff, absent without valid reason (第十二条); withdrawn.
    await open('C', scj, '2024-08-20', { instance: 'appeal', parentCaseId: id.A, court: '岳阳市中级人民法院' });
    await hearing(t, coordinator, id.C!, staffAppears('2024-09-10', proof, { failure: 'absentWithoutReason' }));
    await ok(step(t, coordinator, id.C!, 'withdrawnByPlaintiff', { judgedOn: '2024-10-01' }, [file]));
    // D, E: concluded without a hearing: 驳回起诉, 调解.
    await open('D', zrj, '2024-06-01');
    await judge('D', 'dismissSuit', '2024-07-01');
    await open('E', scj, '2024-07-01', { actCategory: 'compensation' });
    await judge('E', 'mediation', '2024-11-01');
    // F: heard only in 2025; H: judged in 2025. Both still pending at the end of 2024.
    await open('F', scj, '2024-10-01');
    await hearing(t, coordinator, id.F!, headAppears('2025-01-10'));
    await open('H', zrj, '2024-12-20');
    await judge('H', 'rejectClaims', '2025-01-15');
    // Z: received in 2023, not in 2024's intake, still pending.
    await open('Z', zrj, '2023-11-01');
  });
  afterAll(() => t.close());

  const values = async (who: Who = coordinator, query = 'from=2024-01-01&to=2024-12-31') => {
    const res = await call(t, who, 'GET', `/api/statistics/values?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().figures as Figure[];
  };
  const figure = (figures: Figure[], code: string) => figures.find((f) => f.code === code)!;
  const cell = (f: Figure, c: Record<string, string>) => f.cells.find((x) => JSON.stringify(x.cell) === JSON.stringify(c));
  const records = async (code: string, c: Record<string, string> = {}) => {
    const res = await call(t, coordinator, 'GET', `/api/statistics/records?code=${code}&from=2024-01-01&to=2024-12-31&pageSize=100&cell=${encodeURIComponent(JSON.stringify(c))}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { title: string; link: string; date: string; label: string }[]).map((r) => ({ ...r, title: r.title.replace(/^原告(\w).*$/, '$1') }));
  };
  const settings = async (body: Record<string, unknown>, who: Who = coordinator) => call(t, who, 'PUT', '/api/litigation/settings', body);

  it('counts the year’s complaints by instance and route, those concluded by outcome, and those pending at its end', async () => {
    const figures = await values();
    const received = figure(figures, 'litigation.cases');
    expect(received.value).toBe(7);
    expect(cell(received, { instance: 'first', route: 'direct' })?.value).toBe(5);
    expect(cell(received, { instance: 'first', route: 'afterReconsideration' })?.value).toBe(1);
    expect(cell(received, { instance: 'appeal', route: 'direct' })?.value).toBe(1);
    const concluded = figure(figures, 'litigation.concluded');
    expect(concluded.value).toBe(5);
    expect(concluded.cells.filter((c) => c.cell.lost === 'yes').map((c) => c.cell.outcome).sort()).toEqual(['confirmIllegal', 'revoke']);
    // Carried over from 2023 (Z), heard (F) or judged (H) only in 2025.
    expect(figure(figures, 'litigation.pending').value).toBe(3);
    expect((await records('litigation.pending')).map((r) => r.title).sort()).toEqual(['F', 'H', 'Z']);
    expect(figure(figures, 'litigation.art12Failures')).toMatchObject({ value: 1, cells: [expect.objectContaining({ cell: { failure: 'absentWithoutReason', instance: 'appeal' }, value: 1 })] });
  });

  it('computes the 败诉率 from the counts, leaving out 撤诉 and 调解', async () => {
    const figures = await values();
    // 败诉: A (撤销), B (确认违法); judged: A, B, D (驳回起诉); C (撤诉) and E (调解) are left out.
    expect(figure(figures, 'litigation.lossRate')).toMatchObject({ value: 66.67, numerator: { value: 2 }, denominator: { value: 3 } });
    expect((await records('litigation.judged')).map((r) => r.title).sort()).toEqual(['A', 'B', 'D']);
    const appealOnly = figure(await values(coordinator, 'from=2024-10-01&to=2024-12-31'), 'litigation.lossRate');
    expect(appealOnly).toMatchObject({ value: null, denominator: { value: 0 } });
  });

  it('computes the 负责人出庭应诉率 by the default definition: cases heard in the period, one per instance', async () => {
    const view = (await call(t, scjStaff, 'GET', '/api/litigation/settings')).json();
    expect(view).toMatchObject({ regionCode: '430621', numeratorRoles: ['head', 'deputy', 'inCharge'], denominator: 'cases', countCasesWithoutHearing: false, version: 1, saved: false });
    expect(view.description).toContain('正职负责人、副职负责人、分管负责人出庭应诉');
    const figures = await values();
    // Heard in 2024: A (head), B (staff, then the deputy), C (staff only) → 2 of 3.
    expect(figure(figures, 'litigation.headAppearanceRate')).toMatchObject({ value: 66.67, numerator: { value: 2 }, denominator: { value: 3 } });
    const rate = figure(figures, 'litigation.headAppearanceRate');
    expect(cell(rate, { instance: 'first' })).toMatchObject({ numerator: 2, denominator: 2, value: 100 });
    expect(cell(rate, { instance: 'appeal' })).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    const appeared = await records('litigation.headAppearance', { appeared: 'yes' });
    expect(appeared.map((r) => [r.title, r.date, r.label]).sort()).toEqual([
      ['A', '2024-03-10', '负责人出庭'],
      ['B', '2024-04-10', '负责人出庭'],
    ]);
    expect(appeared[0]!.link).toMatch(/^\/litigation\/[0-9a-f-]{36}$/);
    // The market regulator's own staff see its cases only: A appeared, C did not.
    expect(figure(await values(scjStaff), 'litigation.headAppearanceRate')).toMatchObject({ value: 50, numerator: { value: 1 }, denominator: { value: 2 } });
  });

  it('follows a changed definition, which only a county-wide litigation.settings grant may save', async () => {
    expect((await settings({ numeratorRoles: ['head'], denominator: 'cases', countCasesWithoutHearing: false, version: 1 }, scjStaff)).statusCode).toBe(403);
    const badRole = await settings({ numeratorRoles: ['staff'], denominator: 'cases', countCasesWithoutHearing: false, version: 1 });
    expect([badRole.statusCode, badRole.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const twice = await settings({ numeratorRoles: ['head', 'head'], denominator: 'cases', version: 1 });
    expect(twice.json().message).toContain('出庭人员身份不能重复');

    const rate = async () => figure(await values(), 'litigation.headAppearanceRate');
    // By hearing: A head, B staff, B deputy, C staff → 2 of 4.
    const byHearing = await settings({ numeratorRoles: ['head', 'deputy', 'inCharge'], denominator: 'hearings', countCasesWithoutHearing: false, version: 1 });
    expect(byHearing.statusCode, byHearing.body).toBe(200);
    expect(byHearing.json()).toMatchObject({ denominator: 'hearings', version: 2, saved: true });
    expect(await rate()).toMatchObject({ value: 50, numerator: { value: 2 }, denominator: { value: 4 } });
    // Only the 正职 counts: by hearing 1 of 4, by case 1 of 3.
    expect((await settings({ numeratorRoles: ['head'], denominator: 'hearings', countCasesWithoutHearing: false, version: 2 })).statusCode).toBe(200);
    expect(await rate()).toMatchObject({ value: 25, numerator: { value: 1 }, denominator: { value: 4 } });
    expect((await settings({ numeratorRoles: ['head'], denominator: 'cases', countCasesWithoutHearing: false, version: 3 })).statusCode).toBe(200);
    expect(await rate()).toMatchObject({ value: 33.33, numerator: { value: 1 }, denominator: { value: 3 } });
    // Cases concluded without a hearing (D, E) count as not appeared: 2 of 5.
    const stale = await settings({ numeratorRoles: ['head', 'deputy', 'inCharge'], denominator: 'cases', countCasesWithoutHearing: true, version: 3 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await settings({ numeratorRoles: ['head', 'deputy', 'inCharge'], denominator: 'cases', countCasesWithoutHearing: true, version: 4 })).statusCode).toBe(200);
    expect(await rate()).toMatchObject({ value: 40, numerator: { value: 2 }, denominator: { value: 5 } });
    expect((await records('litigation.headAppearance', { appeared: 'no' })).map((r) => [r.title, r.label]).sort()).toEqual([
      ['C', '负责人未出庭'],
      ['D', '未开庭审结'],
      ['E', '未开庭审结'],
    ]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'litigation.settings'), eq(auditLog.entityId, 'litigation.appearanceRate:430621'))).orderBy(asc(auditLog.seq));
    expect(audit).toHaveLength(4);
    expect(audit.at(-1)).toMatchObject({ before: { countCasesWithoutHearing: false }, after: { countCasesWithoutHearing: true } });
  });
});
