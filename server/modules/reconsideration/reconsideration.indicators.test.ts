import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { on, register, setUpCounty, step, type County } from './reconsideration.test-helpers.ts';

interface Figure {
  code: string;
  value: number | null;
  numerator: { value: number } | null;
  denominator: { value: number } | null;
  cells: { cell: Record<string, string>; value: number | null }[];
}

/**
 * A county's 2024 in 行政复议, case by case (dates are the Beijing days the steps were taken):
 * A window 03-04, accepted 03-05, decided 撤销 04-10 · B mail 05-06, simple 05-07, 维持 05-20 ·
 * C online 06-03, 不予受理 06-04 · D window 07-01, 补正 07-02, lapsed 07-17 (due 07-16) ·
 * E window 09-27, 视为受理 (10-10) on 10-11, heard, mediated 11-20 · F other 11-01, accepted 11-04, copy sent,
 * answer due 11-18 never received · G window 12-27, review due 2025-01-06 · J window 02-01, accepted
 * 02-02, suspended 02-05, terminated 03-01 · K window 10-08, accepted 10-09, heard, decision due
 * 12-09, decided 确认违法 2025-01-15.
 */
describe('行政复议 figures: received, accepted, concluded, pending, overdue and 纠错率', () => {
  let t: TestApp;
  let c: County;
  let statistician: SignedIn;
  const ids: Record<string, string> = {};

  const accept = async (key: string, day: string, procedure: Record<string, string> = { procedure: 'ordinary' }) => {
    on(t, day);
    await step(t, c.clerk, ids[key]!, 'accept', { data: procedure });
  };
  const hear = async (key: string) => {
    await step(t, c.clerk, ids[key]!, 'sendCopy');
    await step(t, c.clerk, ids[key]!, 'receiveAnswer');
  };
  const decide = async (key: string, day: string, outcome: string) => {
    on(t, day);
    await step(t, c.officer, ids[key]!, 'decide', { reason: '理由', fileIds: [c.fileId], data: { outcome, decisionNo: `岳县复决〔${key}〕号` } });
  };
  const receive = async (key: string, day: string, channel = 'window') => {
    on(t, day);
    ids[key] = (await register(t, c, { channel, applicantName: `申请人${key}` })).id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
    statistician = await actorWith(t, { 'statistics.read': 'region' }, { orgId: c.orgs.government });
    await receive('J', '2024-02-01');
    await accept('J', '2024-02-02');
    on(t, '2024-02-05');
    await step(t, c.officer, ids.J!, 'suspend', { reason: '双方和解', data: { ground: 'mediation' } });
    on(t, '2024-03-01');
    await step(t, c.officer, ids.J!, 'terminate', { reason: '申请人撤回', fileIds: [c.fileId], data: { ground: 'withdrawn' } });
    await receive('A', '2024-03-04');
    await accept('A', '2024-03-05');
    await hear('A');
    await decide('A', '2024-04-10', 'revoke');
    await receive('B', '2024-05-06', 'mail');
    await accept('B', '2024-05-07', { procedure: 'simple', simpleGround: 'disclosure' });
    await hear('B');
    await decide('B', '2024-05-20', 'maintain');
    await receive('C', '2024-06-03', 'online');
    on(t, '2024-06-04');
    await step(t, c.officer, ids.C!, 'reject', { reason: '不属于行政复议范围', fileIds: [c.fileId] });
    await receive('D', '2024-07-01');
    on(t, '2024-07-02');
    await step(t, c.clerk, ids.D!, 'requestCorrection', { data: { items: '请写明复议请求' } });
    on(t, '2024-07-17');
    await step(t, c.clerk, ids.D!, 'correctionLapsed');
    await receive('E', '2024-09-27');
    await accept('E', '2024-10-11');
    await hear('E');
    on(t, '2024-11-20');
    await step(t, c.officer, ids.E!, 'mediate', { fileIds: [c.fileId], data: { decisionNo: '岳县复调〔2024〕1号' } });
    await receive('K', '2024-10-08');
    await accept('K', '2024-10-09');
    await hear('K');
    await receive('F', '2024-11-01', 'other');
    await accept('F', '2024-11-04');
    await step(t, c.clerk, ids.F!, 'sendCopy');
    await receive('G', '2024-12-27');
    await decide('K', '2025-01-15', 'confirmIllegal');
    on(t, '2025-03-01');
  });
  afterAll(() => t.close());

  const figures = async (from: string, to: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/statistics/values?from=${from}&to=${to}`, headers: statistician.headers });
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json().figures as Figure[]).map((f) => [f.code, f]));
  };
  const cell = (figure: Figure | undefined, where: Record<string, string>) =>
    figure!.cells.filter((x) => Object.entries(where).every(([k, v]) => x.cell[k] === v)).reduce((sum, x) => sum + (x.value ?? 0), 0);

  it('counts receipts by channel on the day received', async () => {
    const received = (await figures('2024-01-01', '2024-12-31')).get('reconsideration.received');
    expect(received?.value).toBe(9);
    expect(received?.cells).toEqual([
      { cell: { channel: 'mail' }, labels: { channel: '邮寄' }, value: 1 },
      { cell: { channel: 'online' }, labels: { channel: '网上申请' }, value: 1 },
      { cell: { channel: 'other' }, labels: { channel: '其他（传真、转送等）' }, value: 1 },
      { cell: { channel: 'window' }, labels: { channel: '窗口递交' }, value: 6 },
    ]);
    expect((await figures('2024-07-01', '2024-09-30')).get('reconsideration.received')?.value).toBe(2);
  });

  it('counts acceptances by procedure, 视为受理 apart', async () => {
    const accepted = (await figures('2024-01-01', '2024-12-31')).get('reconsideration.accepted');
    expect(accepted?.value).toBe(6);
    expect(cell(accepted, { procedure: 'ordinary', deemed: 'no' })).toBe(4);
    expect(cell(accepted, { procedure: 'ordinary', deemed: 'yes' })).toBe(1);
    expect(cell(accepted, { procedure: 'simple' })).toBe(1);
    // E is deemed accepted on 10-10, the review's last day, though the step was taken on 10-11.
    expect((await figures('2024-10-10', '2024-10-10')).get('reconsideration.accepted')?.value).toBe(1);
  });

  it('counts conclusions by outcome, correction and kind, and the 纠错率 over 审结 only', async () => {
    const year = await figures('2024-01-01', '2024-12-31');
    const concluded = year.get('reconsideration.concluded');
    expect(concluded?.value).toBe(6);
    for (const [outcome, n] of Object.entries({ revoke: 1, maintain: 1, notAccepted: 1, withdrawn: 1, mediation: 1, terminated: 1 })) expect(cell(concluded, { outcome }), outcome).toBe(n);
    expect(cell(concluded, { corrected: 'yes' })).toBe(1);
    expect(cell(concluded, { closure: 'adjudicated' })).toBe(4);
    expect(cell(concluded, { closure: 'other' })).toBe(2);
    const rate = year.get('reconsideration.correctionRate');
    expect([rate?.value, rate?.numerator?.value, rate?.denominator?.value]).toEqual([25, 1, 4]);
    const next = await figures('2025-01-01', '2025-12-31');
    expect(next.get('reconsideration.concluded')?.value).toBe(1);
    expect(next.get('reconsideration.correctionRate')?.value).toBe(100);
    // June: only C, refused — concluded, but no 审结 to take a rate over.
    const june = await figures('2024-06-01', '2024-06-30');
    expect(june.get('reconsideration.concluded')?.value).toBe(1);
    expect([june.get('reconsideration.correctionRate')?.value, june.get('reconsideration.correctionRate')?.denominator?.value]).toEqual([null, 0]);
  });

  it('takes pending and overdue cases on the stock day, by stage', async () => {
    const year = await figures('2024-01-01', '2024-12-31');
    const pending = year.get('reconsideration.pending');
    expect(pending?.value).toBe(3);
    expect(cell(pending, { stage: 'hearing' })).toBe(2);
    expect(cell(pending, { stage: 'review' })).toBe(1);
    // F: the answer was due 11-18; K: the decision was due 12-09. G's review runs to 2025-01-06.
    const overdue = year.get('reconsideration.overdue');
    expect(overdue?.value).toBe(2);
    expect(cell(overdue, { stage: 'hearing' })).toBe(2);
    // On 2024-11-18 F's answer was not yet late, K's decision not yet due: nothing overdue.
    expect((await figures('2024-11-01', '2024-11-18')).get('reconsideration.overdue')?.value).toBe(0);
    expect((await figures('2024-11-01', '2024-11-19')).get('reconsideration.overdue')?.value).toBe(1);
  });

  it("lists the records behind a cell, linked to the module's case page", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/statistics/records?code=reconsideration.concluded&from=2024-01-01&to=2024-12-31&cell=${encodeURIComponent('{"corrected":"yes"}')}`,
      headers: statistician.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: ids.A, category: '行政处罚', date: '2024-04-10', label: '已作出复议决定', link: `/reconsideration/${ids.A}` }),
    ]);
    const info = (await t.app.inject({ method: 'GET', url: '/api/statistics/indicators', headers: statistician.headers })).json() as { code: string; description: string }[];
    expect(info.find((f) => f.code === 'reconsideration.correctionRate')?.description).toContain('撤销、部分撤销、变更、确认违法、确认无效或责令履行');
  });
});
