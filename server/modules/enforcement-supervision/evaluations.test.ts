import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, createCampaign, createDefaultSheet, insertPenaltyCases, prepareCounty, scoresOf, type County, type Who } from './evaluations.test-helpers.ts';
import { defaultSheet } from './evaluations.settings.ts';
import { evaluationFiles } from './supervision.tables.ts';

const API = '/api/enforcement/evaluations';

interface FileView {
  id: string;
  caseId: string;
  orgId: string;
  version: number;
  state: string;
  total: number | null;
  grade: string | null;
  problems: string | null;
  rectificationDueOn: string | null;
  rectifiedOn: string | null;
  overdue: boolean;
  history: { action: string; detail: unknown }[];
  can: { score: boolean; sendBack: boolean; rectify: boolean };
}

describe('案卷评查: sheets, sampling, scoring, rectification, roll-up', () => {
  let t: TestApp;
  let c: County;
  let sheet: Awaited<ReturnType<typeof createDefaultSheet>>;
  const eligible = { scj: [] as string[], zrj: [] as string[] };
  const ineligible: string[] = [];
  let campaignId = '';

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-09-01');
    // 市场监管局: five closed in 2021 (one archived), and four that must never be drawn.
    eligible.scj = await insertPenaltyCases(t.db, '430621', c.refs.scj, [
      { orgId: c.orgs.scj, closedOn: '2021-02-03' },
      { orgId: c.orgs.scj, closedOn: '2021-04-10' },
      { orgId: c.orgs.scj, closedOn: '2021-06-18', state: 'archived' },
      { orgId: c.orgs.scj, closedOn: '2021-08-20' },
      { orgId: c.orgs.scj, closedOn: '2021-08-31' },
    ]);
    ineligible.push(
      ...(await insertPenaltyCases(t.db, '430621', c.refs.scj, [
        { orgId: c.orgs.scj, closedOn: '2020-12-31' },
        { orgId: c.orgs.scj, closedOn: '2022-01-04' },
        { orgId: c.orgs.scj, closedOn: null, state: 'decided' },
        { orgId: c.orgs.scj, closedOn: '2021-05-05', state: 'closed', caseType: 'reconsideration' },
      ])),
    );
    eligible.zrj = await insertPenaltyCases(t.db, '430621', c.refs.zrj, [{ orgId: c.orgs.zrj, closedOn: '2021-03-15' }]);
    ineligible.push(
      ...(await insertPenaltyCases(t.db, '430602', c.refs.other, [
        { orgId: c.orgs.otherDept, closedOn: '2021-03-01' },
        { orgId: c.orgs.otherDept, closedOn: '2021-07-01' },
      ])),
    );
    sheet = await createDefaultSheet(t, c.users.coordinator);
  });
  afterAll(() => t.close());

  const sheetBody = (extra: Record<string, unknown>) => ({ ...defaultSheet, ...extra });
  const file = async (who: Who, id: string) => call(t, who, 'GET', `${API}/files/${id}`);
  const fileOk = async (who: Who, id: string) => {
    const res = await file(who, id);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as FileView;
  };
  const list = async (who: Who, query = '') => {
    const res = await call(t, who, 'GET', `${API}/files?pageSize=100&campaignId=${campaignId}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: FileView[]; total: number };
  };
  const score = (who: Who, f: { id: string; version: number }, deductions: Record<string, number> = {}, problems?: string) =>
    call(t, who, 'POST', `${API}/files/${f.id}/score`, { version: f.version, scores: scoresOf(sheet.items, deductions), ...(problems ? { problems } : {}) });

  describe('scoring sheets', () => {
    it('accepts the default sheet: 100 points over six groups', () => {
      expect(sheet.items.reduce((s, i) => s + i.maxScore, 0)).toBe(100);
      expect(new Set(defaultSheet.items.map((i) => i.group))).toEqual(new Set(['主体合法', '程序合法', '事实证据', '适用法律', '文书规范', '三项制度落实']));
    });

    it('refuses duplicate codes, a sum other than the stated total and thresholds out of order, with the field named', async () => {
      const items = defaultSheet.items.map((i, n) => (n === 1 ? { ...i, code: 'a1' } : i));
      let res = await call(t, c.users.coordinator, 'POST', `${API}/sheets`, sheetBody({ items }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'items.1.code' }] });
      expect(res.json().message).toContain('重复');

      res = await call(t, c.users.coordinator, 'POST', `${API}/sheets`, sheetBody({ items: defaultSheet.items.slice(1) }));
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('各评查项目分值之和为 95 分，应等于满分 100 分');

      res = await call(t, c.users.coordinator, 'POST', `${API}/sheets`, sheetBody({ qualifiedFrom: 90, excellentFrom: 90 }));
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].field).toBe('qualifiedFrom');

      res = await call(t, c.users.coordinator, 'POST', `${API}/sheets`, sheetBody({ items: [...defaultSheet.items, { code: 'G1', group: '其他', title: '加分项', maxScore: 20 }], totalScore: 120, excellentFrom: 108, qualifiedFrom: 84 }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().totalScore).toBe(120);
    });

    it('lets only the county coordinator write sheets', async () => {
      expect((await call(t, c.users.scjStaff, 'POST', `${API}/sheets`, defaultSheet)).statusCode).toBe(403);
      expect((await call(t, c.users.reviewer, 'POST', `${API}/sheets`, defaultSheet)).statusCode).toBe(403);
    });
  });

  describe('drawing the sample', () => {
    it('draws up to N closed penalty cases of the year per department, reproducibly, never twice, never another county’s', async () => {
      const campaign = await createCampaign(t, c.users.coordinator, sheet.id, { startsOn: '2021-09-01' });
      campaignId = campaign.id;
      const res = await call(t, c.users.coordinator, 'POST', `${API}/campaigns/${campaignId}/draw`, { version: campaign.version, seed: 'yyx-2021' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().added).toBe(3);
      expect(res.json().draws).toMatchObject([{ seed: 'yyx-2021', added: 3 }]);

      const rows = await t.db.select().from(evaluationFiles).where(eq(evaluationFiles.campaignId, campaignId));
      const scj = rows.filter((r) => r.orgId === c.orgs.scj).map((r) => r.caseId);
      expect(scj).toHaveLength(2);
      expect(scj.every((id) => eligible.scj.includes(id))).toBe(true);
      expect(rows.filter((r) => r.orgId === c.orgs.zrj).map((r) => r.caseId)).toEqual(eligible.zrj);
      expect(rows.some((r) => ineligible.includes(r.caseId))).toBe(false);

      // A second draw tops up nothing: every department already has its N (or all it has).
      const again = await call(t, c.users.coordinator, 'POST', `${API}/campaigns/${campaignId}/draw`, { version: res.json().version, seed: 'yyx-2021' });
      expect(again.json().added).toBe(0);

      // The same seed over the same cases draws the same files in another campaign.
      const twin = await createCampaign(t, c.users.coordinator, sheet.id, { title: '复核抽样', startsOn: '2021-09-01' });
      await call(t, c.users.coordinator, 'POST', `${API}/campaigns/${twin.id}/draw`, { version: twin.version, seed: 'yyx-2021' });
      const twinRows = await t.db.select().from(evaluationFiles).where(eq(evaluationFiles.campaignId, twin.id));
      expect(twinRows.map((r) => r.caseId).sort()).toEqual(rows.map((r) => r.caseId).sort());

      // Raising N on a fresh campaign takes every eligible case once, and only those.
      const all = await createCampaign(t, c.users.coordinator, sheet.id, { title: '全部', samplePerOrg: 50, startsOn: '2021-09-01' });
      await call(t, c.users.coordinator, 'POST', `${API}/campaigns/${all.id}/draw`, { version: all.version });
      const allRows = await t.db.select().from(evaluationFiles).where(eq(evaluationFiles.campaignId, all.id));
      expect(allRows.map((r) => r.caseId).sort()).toEqual([...eligible.scj, ...eligible.zrj].sort());
      const [draw] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, all.id), eq(auditLog.action, 'enforcement.evaluation.draw')));
      expect((draw!.after as { seed: string }).seed).toMatch(/^[0-9a-f]{16}$/);
    });

    it('refuses a draw by a department or at a stale version', async () => {
      const detail = (await call(t, c.users.coordinator, 'GET', `${API}/campaigns/${campaignId}`)).json();
      expect((await call(t, c.users.scjStaff, 'POST', `${API}/campaigns/${campaignId}/draw`, { version: detail.version })).statusCode).toBe(403);
      const stale = await call(t, c.users.coordinator, 'POST', `${API}/campaigns/${campaignId}/draw`, { version: detail.version - 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('VERSION_CONFLICT');
    });
  });

  describe('scoring', () => {
    it('bounds each item by its maximum, requires every item, and grades by the thresholds', async () => {
      const [f] = (await list(c.users.coordinator, `&orgId=${c.orgs.scj}`)).items;
      let res = await score(c.users.reviewer, f!, { A1: -1 });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('超过该项分值 5 分');
      res = await call(t, c.users.reviewer, 'POST', `${API}/files/${f!.id}/score`, { version: f!.version, scores: { A1: 5 } });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('尚未评分');
      res = await call(t, c.users.reviewer, 'POST', `${API}/files/${f!.id}/score`, { version: f!.version, scores: { ...scoresOf(sheet.items), Z9: 1 } });
      expect(res.statusCode).toBe(400);

      const cases: [Record<string, number>, number, string][] = [
        [{}, 100, 'excellent'],
        [{ B2: 6, C2: 4 }, 90, 'excellent'],
        [{ B2: 6, C2: 4, D2: 0.5 }, 89.5, 'qualified'],
        [{ B2: 6, C2: 8, D2: 6 }, 80, 'qualified'],
        [{ B2: 6, C2: 8, D2: 8, D1: 8 }, 70, 'qualified'],
        [{ B2: 6, C2: 8, D2: 8, D1: 8, E2: 0.5 }, 69.5, 'unqualified'],
      ];
      let version = f!.version;
      for (const [deductions, total, grade] of cases) {
        res = await score(c.users.reviewer, { id: f!.id, version }, deductions);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ total, grade, state: 'scored' });
        version = res.json().version;
      }
      // Every re-score is in the history, with what it replaced.
      const detail = await fileOk(c.users.coordinator, f!.id);
      expect(detail.history.filter((h) => h.action === 'enforcement.evaluation.score')).toHaveLength(cases.length);
    });

    it('lets no department score', async () => {
      const [f] = (await list(c.users.coordinator, `&orgId=${c.orgs.zrj}`)).items;
      expect((await score(c.users.zrjStaff, f!)).statusCode).toBe(403);
    });
  });

  describe('rectification', () => {
    let target: FileView;

    it('sends a file back with a due date in working days over the National Day holiday', async () => {
      const [f] = (await list(c.users.coordinator, `&orgId=${c.orgs.scj}`)).items;
      at(t, '2021-09-28');
      let res = await score(c.users.coordinator, f!, { C2: 4, E1: 2 }, '询问笔录未由当事人逐页签字；文书要素不全');
      expect(res.statusCode, res.body).toBe(200);
      res = await call(t, c.users.coordinator, 'POST', `${API}/files/${f!.id}/send-back`, { version: res.json().version, workingDays: 5 });
      expect(res.statusCode, res.body).toBe(200);
      // 9-29, 9-30, (10-01…07 国庆), 10-08, 10-09 (Saturday, 调休 workday), 10-11.
      expect(res.json()).toMatchObject({ state: 'rectifying', rectificationDueOn: '2021-10-11', problems: '询问笔录未由当事人逐页签字；文书要素不全' });
      target = res.json();
    });

    it('uses the county setting when no period is given', async () => {
      const settings = (await call(t, c.users.coordinator, 'GET', `${API}/settings`)).json();
      expect(settings.rectificationWorkingDays).toBe(15);
      const put = await call(t, c.users.coordinator, 'PUT', `${API}/settings`, { version: settings.version, rectificationWorkingDays: 3 });
      expect(put.statusCode, put.body).toBe(200);
      const other = (await list(c.users.coordinator, `&orgId=${c.orgs.scj}`)).items.find((x) => x.id !== target.id)!;
      let res = await score(c.users.reviewer, other, { F2: 4 }, '未见执法全过程记录');
      res = await call(t, c.users.reviewer, 'POST', `${API}/files/${other.id}/send-back`, { version: res.json().version });
      expect(res.statusCode, res.body).toBe(200);
      // 2021-09-28 + 3 working days: 9-29, 9-30, 10-08.
      expect(res.json().rectificationDueOn).toBe('2021-10-08');
    });

    it('shows the department its own files to rectify and no other department’s', async () => {
      const mine = await list(c.users.scjStaff, '&rectification=open');
      expect(mine.items.map((f) => f.id)).toContain(target.id);
      expect(mine.items.every((f) => f.orgId === c.orgs.scj)).toBe(true);
      // The department's 工作台 reminds it of them; another department has nothing to rectify.
      const reminders = async (user: Parameters<typeof call>[1]) => (await call(t, user, 'GET', '/api/reminders')).json() as { code: string; count: number }[];
      expect((await reminders(c.users.scjStaff)).find((r) => r.code === 'evaluation.rectificationsOpen')?.count).toBe(mine.items.length);
      expect((await reminders(c.users.zrjStaff)).some((r) => r.code.startsWith('evaluation.'))).toBe(false);
      expect((await list(c.users.zrjStaff)).items.every((f) => f.orgId === c.orgs.zrj)).toBe(true);
      expect((await file(c.users.zrjStaff, target.id)).statusCode).toBe(404);
      expect((await file(c.users.townStaff, target.id)).statusCode).toBe(404);
      const seen = await fileOk(c.users.scjStaff, target.id);
      expect(seen.can).toEqual({ score: false, sendBack: false, rectify: true });
      const res = await call(t, c.users.zrjStaff, 'POST', `${API}/files/${target.id}/rectify`, { version: target.version, note: '已整改' });
      expect(res.statusCode).toBe(404);
    });

    it('records the rectification, on time or late, and allows a re-score afterwards', async () => {
      at(t, '2021-10-11');
      const res = await call(t, c.users.scjStaff, 'POST', `${API}/files/${target.id}/rectify`, { version: target.version, note: '已补签询问笔录，补全文书要素' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'rectified', rectifiedOn: '2021-10-11', overdue: false });
      const again = await call(t, c.users.scjStaff, 'POST', `${API}/files/${target.id}/rectify`, { version: res.json().version, note: '再次' });
      expect(again.statusCode).toBe(409);

      // The other one is still open past its due date (10-08): overdue.
      const overdue = await list(c.users.coordinator, '&rectification=overdue');
      expect(overdue.items).toHaveLength(1);
      expect(overdue.items[0]!.rectifiedOn).toBeNull();

      const rescored = await score(c.users.coordinator, res.json(), { E1: 2 });
      expect(rescored.json()).toMatchObject({ state: 'rectified', total: 98, grade: 'excellent' });
    });
  });

  describe('roll-up and export', () => {
    it('sums per department exactly what the files say', async () => {
      at(t, '2021-10-12');
      const res = await call(t, c.users.coordinator, 'GET', `${API}/campaigns/${campaignId}/results`);
      expect(res.statusCode, res.body).toBe(200);
      const results = res.json() as { rows: Record<string, number | string | null>[]; total: Record<string, number | null> };
      const files = (await list(c.users.coordinator)).items;
      for (const row of results.rows) {
        const mine = files.filter((f) => f.orgId === row.orgId);
        const scored = mine.filter((f) => f.total !== null);
        expect(row.files).toBe(mine.length);
        expect(row.scored).toBe(scored.length);
        expect(row.averageScore).toBe(scored.length ? Math.round((scored.reduce((s, f) => s + f.total!, 0) / scored.length) * 10) / 10 : null);
        expect(row.unqualified).toBe(mine.filter((f) => f.grade === 'unqualified').length);
        expect(row.withProblems).toBe(mine.filter((f) => f.problems).length);
        expect(row.sentBack).toBe(mine.filter((f) => f.rectificationDueOn).length);
        expect(row.rectifiedOnTime).toBe(mine.filter((f) => f.rectifiedOn && f.rectifiedOn <= f.rectificationDueOn!).length);
        expect(row.overdueOpen).toBe(mine.filter((f) => !f.rectifiedOn && f.overdue).length);
      }
      const scj = results.rows.find((r) => r.orgId === c.orgs.scj)!;
      expect(scj).toMatchObject({ files: 2, scored: 2, sentBack: 2, rectifiedOnTime: 1, overdueOpen: 1 });
      expect(results.total.files).toBe(3);

      // A department sees its own row only.
      const own = (await call(t, c.users.scjStaff, 'GET', `${API}/campaigns/${campaignId}/results`)).json();
      expect(own.rows.map((r: { orgId: string }) => r.orgId)).toEqual([c.orgs.scj]);
    });

    it('exports the results and the files to Excel', async () => {
      const res = await call(t, c.users.coordinator, 'GET', `${API}/campaigns/${campaignId}/results.xlsx`);
      expect(res.statusCode).toBe(200);
      const rows = await readXlsx(res.rawPayload, ['执法部门', '平均分']);
      expect(rows.map((r) => r.cells['执法部门'])).toContain('岳阳县市场监督管理局');
      expect(rows.at(-1)!.cells['执法部门']).toBe('合计');
      expect(rows.at(-1)!.cells['抽查案卷']).toBe('3');
      const filesXlsx = await call(t, c.users.scjStaff, 'GET', `${API}/files/export.xlsx?campaignId=${campaignId}`);
      const fileRows = await readXlsx(filesXlsx.rawPayload, ['执法部门', '得分']);
      expect(fileRows).toHaveLength(2);
      expect(fileRows.every((r) => r.cells['执法部门'] === '岳阳县市场监督管理局')).toBe(true);
    });

    it('gives the figures for the assessment', async () => {
      const res = await call(t, c.users.coordinator, 'GET', '/api/statistics/values?from=2021-01-01&to=2021-12-31');
      expect(res.statusCode, res.body).toBe(200);
      const figures = res.json().figures as { code: string; value: number | null; cells: { cell: Record<string, string>; value: number | null }[] }[];
      const fig = (code: string) => figures.find((f) => f.code === code)!;
      const files = (await list(c.users.coordinator)).items.filter((f) => f.total !== null);
      // The three campaigns: only the first one's files are scored.
      expect(fig('evaluation.filesEvaluated').value).toBe(files.length);
      const scj = files.filter((f) => f.orgId === c.orgs.scj);
      const avg = fig('evaluation.averageScore').cells.find((x) => x.cell.dept === '岳阳县市场监督管理局')!;
      expect(avg.value).toBe(Math.round((scj.reduce((s, f) => s + f.total!, 0) / scj.length) * 100) / 100);
      expect(fig('evaluation.rectificationsOverdue').value).toBe(1);
      expect(fig('evaluation.filesUnqualified').value).toBe(files.filter((f) => f.grade === 'unqualified').length);
    });
  });
});
