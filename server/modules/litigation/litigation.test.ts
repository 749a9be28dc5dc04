import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { loadActor } from '../../kernel/auth/actor.repository.ts';
import { COORDINATOR, DEPT_STAFF, LEADER } from '../../kernel/auth/builtin-roles.ts';
import { calendarService } from '../../kernel/calendar/calendar.service.ts';
import { P } from '../../kernel/calendar/periods.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { calendarDeadlines } from '../../kernel/workflow/deadlines.ts';
import { openCase } from '../../kernel/workflow/transition.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, baseCase, call, headAppears, hearing, prepareRoles, register, staffAppears, step, upload, userWithRole, type Who } from './litigation.test-helpers.ts';

interface Detail {
  id: string;
  version: number;
  state: string;
  stateLabel: string;
  terminal: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  lost: boolean | null;
  defenceDueOn: string | null;
  defenceFiledOn: string | null;
  defenceLate: boolean;
  warning: boolean;
  warnings: { kind: string; hearingId: string | null; text: string }[];
  hearings: { id: string; version: number; excuse: string | null; excuseLabel: string | null; proofFile: { id: string; name: string } | null; warningKinds: string[] }[];
  followUps: { id: string; instanceLabel: string }[];
  parent: { id: string; caseType: string; caseTypeLabel: string } | null;
  [key: string]: unknown;
}

describe('行政应诉: registration, defence period, hearings, judgments, warnings', () => {
  let t: TestApp;
  const org = { justice: '', scj: '', zrj: '', closed: '' };
  let coordinator: Who;
  let scjStaff: Who;
  let zrjStaff: Who;
  let leader: Who;
  let file: string;

  const detail = async (id: string, who: Who = coordinator): Promise<Detail> => {
    const res = await call(t, who, 'GET', `/api/litigation/cases/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const list = async (who: Who, query = '') => {
    const res = await call(t, who, 'GET', `/api/litigation/cases?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: string; warning: boolean; lost: boolean | null }[] };
  };
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
  const audits = (action: string, entityId: string) => t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

  beforeAll(async () => {
    t = await createTestApp();
    await prepareRoles(t);
    const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
    org.justice = (await createOrg(t.db, { name: '县司法局', parentId: county.id })).id;
    org.scj = (await createOrg(t.db, { name: '县市场监督管理局', parentId: county.id })).id;
    org.zrj = (await createOrg(t.db, { name: '县自然资源局', parentId: county.id })).id;
    org.closed = (await createOrg(t.db, { name: '县原粮食局', parentId: county.id })).id;
    await t.db.update(organisations).set({ status: 'inactive' }).where(eq(organisations.id, org.closed));
    coordinator = await userWithRole(t, org.justice, COORDINATOR);
    scjStaff = await userWithRole(t, org.scj, DEPT_STAFF);
    zrjStaff = await userWithRole(t, org.zrj, DEPT_STAFF);
    leader = await userWithRole(t, county.id, LEADER);
    at(t, '2024-09-25');
    file = await upload(t, scjStaff);
  });
  afterAll(() => t.close());

  const cases = { late: '', spring: '', raced: '', onTime: '', failure: '', withdrawn: '', appeal: '' };

  it('registers a lawsuit against the staff member’s own agency, with the 15-day defence period on the official calendar', async () => {
    at(t, '2024-09-25');
    const kernel = calendarService(t.db);
    // 09-20 + 15 days = 10-05, inside the National Day holiday (10-01 to 10-07): the last day rolls to 10-08.
    const nationalDay = await kernel.due('430621', '2024-09-20', P.litigationDefence);
    expect(nationalDay).toEqual({ due: '2024-10-08', provisional: false });
    const body = baseCase(org.scj, '2024-09-20', { filedOn: '2024-09-13', courtCaseNo: '（2024）湘0621行初31号' });
    const created = await register(t, scjStaff, body);
    cases.late = created.id;
    expect(created).toMatchObject({
      state: 'received',
      stateLabel: '已收到起诉状',
      caseNo: '（2024）湘0621行初31号',
      title: '张某诉县市场监督管理局行政处罚案（一审）',
      instanceLabel: '一审',
      plaintiffTypeLabel: '自然人',
      actCategoryLabel: '行政处罚',
      defendantOrgId: org.scj,
      defendantOrgName: '县市场监督管理局',
      complaintReceivedOn: '2024-09-20',
      defenceDueOn: nationalDay.due,
      dueOn: nationalDay.due,
      defenceLate: false,
      warnings: [],
      hearings: [],
    });
    // The court's six months (第八十一条) are shown, not run as the agency's clock: 2025-03-13 is a Thursday.
    expect(created.courtTerm).toMatchObject({ months: 6, from: '2024-09-13', until: (await kernel.due('430621', '2024-09-13', { unit: 'months', n: 6 })).due });
    const generic = (await call(t, scjStaff, 'GET', `/api/cases/${cases.late}`)).json();
    expect(generic.clocks).toEqual([expect.objectContaining({ name: 'defence', label: '答辩期限（提交证据、规范性文件和答辩状）', dueOn: '2024-10-08', status: 'running' })]);
    expect(generic.clocks[0].basis).toContain('第六十七条');
    expect(generic.actions.map((a: { action: string }) => a.action).sort()).toEqual(['amendRegistration', 'fileDefence', 'recordJudgment', 'withdrawnByPlaintiff']);

    // 01-27 + 15 days = 02-11, inside the Spring Festival holiday (02-10 to 02-17); 02-18 is a Sunday made a working day (调休).
    const springFestival = await kernel.due('430621', '2024-01-27', P.litigationDefence);
    expect(springFestival.due).toBe('2024-02-18');
    const spring = await register(t, coordinator, baseCase(org.zrj, '2024-01-27', { plaintiffName: '某建材公司', plaintiffType: 'company', actCategory: 'licence' }));
    expect(spring).toMatchObject({ defenceDueOn: springFestival.due, defendantOrgName: '县自然资源局', plaintiffTypeLabel: '法人' });
    cases.spring = spring.id;
  });

  it('refuses registrations that do not hold, with Chinese messages', async () => {
    at(t, '2024-09-25');
    const refused = async (who: Who, body: Record<string, unknown>, status: number, code: string, text?: string) => {
      const res = await call(t, who, 'POST', '/api/litigation/cases', body);
      expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
      if (text) expect(res.json().message).toContain(text);
    };
    await refused(scjStaff, baseCase(org.scj, '2024-09-26'), 400, 'VALIDATION_FAILED', '不能晚于今天');
    await refused(scjStaff, baseCase(org.scj, '2024-09-20', { filedOn: '2024-09-21' }), 400, 'VALIDATION_FAILED', '立案日期');
    await refused(scjStaff, baseCase(org.scj, '2024-09-20', { instance: 'third' }), 400, 'VALIDATION_FAILED', '审级');
    await refused(scjStaff, baseCase(org.zrj, '2024-09-20'), 403, 'FORBIDDEN', '县自然资源局');
    await refused(leader, baseCase(org.scj, '2024-09-20'), 403, 'FORBIDDEN');
    await refused(coordinator, baseCase(org.closed, '2024-09-20'), 400, 'VALIDATION_FAILED', '已停用');
    await refused(coordinator, baseCase(crypto.randomUUID(), '2024-09-20'), 404, 'NOT_FOUND');
    await refused(coordinator, baseCase(org.scj, '2024-09-20', { courtCaseNo: '（2024）湘0621行初31号' }), 409, 'DUPLICATE');
    await refused(coordinator, baseCase(org.scj, '2024-09-20', { reconsiderationCaseId: cases.spring, afterReconsideration: true }), 400, 'VALIDATION_FAILED', '行政复议案件不存在');
    await refused(coordinator, baseCase(org.scj, '2024-09-20', { instance: 'appeal', parentCaseId: cases.late }), 400, 'VALIDATION_FAILED', '原审案件尚未审结');
    await refused(coordinator, baseCase(org.scj, '2024-09-20', { instance: 'retrial', parentCaseId: cases.spring }), 400, 'VALIDATION_FAILED', '被告机构应与原审案件一致');

    // A suit after 复议: the 复议 case of the county becomes the lawsuit's parent.
    const actor = (await loadActor(t.db, coordinator.userId))!;
    const deps = { clock: t.clock, deadlines: calendarDeadlines(t.db) };
    const reconsideration = await t.db.transaction((tx) =>
      openCase(tx, deps, { caseType: 'reconsideration', regionCode: '430621', orgId: org.justice, title: '张某不服行政处罚申请复议' }, { actor, meta: {} }),
    );
    await refused(coordinator, baseCase(org.scj, '2024-09-20', { reconsiderationCaseId: reconsideration.id }), 400, 'VALIDATION_FAILED', '复议后起诉');
    const after = await register(t, coordinator, baseCase(org.scj, '2024-09-20', { reconsiderationCaseId: reconsideration.id, afterReconsideration: true, plaintiffName: '刘某' }));
    expect(after).toMatchObject({ afterReconsideration: true, parent: { id: reconsideration.id, caseType: 'reconsideration', caseTypeLabel: '行政复议' } });
  });

  it('registers one 案号 once, also when two registrations of it race', async () => {
    at(t, '2024-09-25');
    const body = baseCase(org.zrj, '2024-09-24', { plaintiffName: '郑某', courtCaseNo: '（2024）湘0621行初77号' });
    const attempts = await Promise.all([0, 1, 2].map(() => call(t, coordinator, 'POST', '/api/litigation/cases', body)));
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    cases.raced = attempts.find((r) => r.statusCode === 201)!.json().id;
    expect((await list(coordinator, `&q=${encodeURIComponent('行初77号')}`)).total).toBe(1);
  });

  it('files the defence: on time it simply stops the clock, after the 15 days it is still filed and marked late', async () => {
    at(t, '2024-09-25');
    cases.onTime = (await register(t, scjStaff, baseCase(org.scj, '2024-09-20', { plaintiffName: '陈某', headSummoned: true }))).id;
    at(t, '2024-10-09');
    const noFile = await step(t, scjStaff, cases.late, 'fileDefence', {});
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const future = await step(t, scjStaff, cases.onTime, 'fileDefence', { filedOn: '2024-10-10' }, [file]);
    expect([future.statusCode, future.json().message]).toEqual([409, '提交日期不能晚于今天']);

    const late = await step(t, scjStaff, cases.late, 'fileDefence', { normativeDocuments: '《市场监督管理行政处罚程序规定》' }, [file]);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ state: 'defended', stateLabel: '已答辩（审理中）', dueOn: null });
    expect(late.json().clocks[0]).toMatchObject({ name: 'defence', status: 'stopped' });
    expect(late.json().events.at(-1).data).toEqual({ normativeDocuments: '《市场监督管理行政处罚程序规定》', filedOn: '2024-10-09', defenceDueOn: '2024-10-08', late: true });
    const lateDetail = await detail(cases.late);
    expect(lateDetail).toMatchObject({ defenceFiledOn: '2024-10-09', defenceLate: true, warning: true });
    expect(lateDetail.warnings).toEqual([{ kind: 'defenceLate', hearingId: null, text: expect.stringContaining('已超过答辩期限（2024-10-08 届满）') }]);

    // Filed on the last day, recorded the day after: not late.
    const onTime = await step(t, scjStaff, cases.onTime, 'fileDefence', { filedOn: '2024-10-08' }, [file]);
    expect(onTime.json().events.at(-1).data).toMatchObject({ filedOn: '2024-10-08', late: false });
    expect(await detail(cases.onTime)).toMatchObject({ defenceLate: false, warning: false, warnings: [] });
    expect(ids(await list(coordinator, '&warning=true'))).toContain(cases.late);
    expect(ids(await list(coordinator, '&warning=true'))).not.toContain(cases.onTime);
  });

  it('records hearings: who appeared, and why the 负责人 did not, with sealed proof', async () => {
    at(t, '2024-10-20');
    const refused = async (body: Record<string, unknown>, status: number, text: string, who: Who = scjStaff, caseId = cases.onTime) => {
      const res = await call(t, who, 'POST', `/api/litigation/cases/${caseId}/hearings`, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().message).toContain(text);
    };
    await refused({ heldOn: '2024-10-18', appearance: 'staff', appearedName: '王科员' }, 400, '负责人未出庭的，须选择不能出庭的理由');
    await refused({ heldOn: '2024-10-18', appearance: 'staff', appearedName: '王科员' }, 400, '加盖印章的证明材料');
    await refused({ heldOn: '2024-10-18', appearance: 'head', appearedName: '李局长' }, 400, '负责人出庭的，请填写其职务');
    await refused({ ...headAppears('2024-10-18'), failure: 'nobodyAppeared' }, 400, '不属于“均不出庭应诉”的情形');
    await refused({ ...staffAppears('2024-10-18', file), failure: 'refusedToExplain' }, 400, '不属于中途退庭或拒绝解释说明的情形');
    await refused(headAppears('2024-10-21'), 400, '开庭日期不能晚于今天');
    await refused(headAppears('2024-09-19'), 400, '不能早于收到起诉状副本之日（2024-09-20）');
    await refused(staffAppears('2024-10-18', crypto.randomUUID()), 400, '证明材料不存在');
    await refused(headAppears('2024-10-18'), 404, '案件不存在', zrjStaff);
    await refused(headAppears('2024-10-18'), 403, '没有办理本案的权限', leader);

    const proof = await upload(t, scjStaff, '局长不能出庭情况说明（盖章）.txt');
    // The head was summoned (第四条) but a staff member appeared: a warning, audited.
    const withStaff = await hearing(t, scjStaff, cases.onTime, staffAppears('2024-10-18', proof, { counsel: '某律师事务所 赵律师' }));
    expect(withStaff.hearings).toEqual([
      expect.objectContaining({ seq: 1, appearanceLabel: '工作人员（负责人未出庭）', principal: false, excuseLabel: '需要履行他人不能代替的公务', proofFile: expect.objectContaining({ id: proof, name: '局长不能出庭情况说明（盖章）.txt' }), warningKinds: ['summonedStaff'] }),
    ]);
    expect(withStaff.warnings).toEqual([{ kind: 'summonedStaff', hearingId: withStaff.hearings[0].id, text: expect.stringContaining('人民法院已通知负责人出庭，但仅由工作人员出庭（所报理由：需要履行他人不能代替的公务）') }]);
    expect(await audits('litigation.art12Warning', cases.onTime)).toHaveLength(1);
    expect(await audits('litigation.hearing.create', withStaff.hearings[0].id)).toHaveLength(1);
    // Those who may read the case may read the proof; another agency may not.
    expect((await call(t, coordinator, 'GET', `/api/files/${proof}/content`)).statusCode).toBe(200);
    expect((await call(t, zrjStaff, 'GET', `/api/files/${proof}/content`)).statusCode).toBe(404);

    // The deputy appeared at the second hearing: an excuse sent along is dropped, nothing is warned.
    const withDeputy = await hearing(t, scjStaff, cases.onTime, { ...headAppears('2024-10-20', 'deputy'), excuse: 'accident', excuseText: '—', proofFileId: proof });
    expect(withDeputy.hearings[1]).toMatchObject({ seq: 2, appearanceLabel: '副职负责人', principal: true, excuse: null, excuseText: null, proofFile: null, warningKinds: [] });
    expect(withDeputy).toMatchObject({ hearingCount: 2, principalAppeared: true });
    expect(await audits('litigation.art12Warning', cases.onTime)).toHaveLength(1);
  });

  it('raises an art. 12 warning on the case and in the list, and audits it once', async () => {
    at(t, '2024-10-25');
    cases.failure = (await register(t, coordinator, baseCase(org.scj, '2024-10-08', { plaintiffName: '周某' }))).id;
    const first = await hearing(t, coordinator, cases.failure, headAppears('2024-10-24'));
    expect(first.warnings).toEqual([]);
    const hid = first.hearings[0].id as string;
    const put = (body: Record<string, unknown>) => call(t, coordinator, 'PUT', `/api/litigation/cases/${cases.failure}/hearings/${hid}`, body);
    // The court found that the head left the hearing without permission (第十二条第一款第四项).
    const edited = await put({ ...headAppears('2024-10-24'), failure: 'leftEarly', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    const body = edited.json() as Detail;
    expect(body.hearings[0]).toMatchObject({ version: 2, warningKinds: ['art12'] });
    expect(body.warnings).toEqual([{ kind: 'art12', hearingId: hid, text: expect.stringContaining('负责人未经法庭许可中途退庭') }]);
    expect(body.warnings[0]!.text).toContain('司法建议');
    const [warningAudit] = await audits('litigation.art12Warning', cases.failure);
    expect(warningAudit).toMatchObject({ entityType: 'litigation', detail: { hearingId: hid, kinds: ['art12'] } });
    expect(await audits('litigation.hearing.update', hid)).toEqual([expect.objectContaining({ before: expect.objectContaining({ failure: null, version: 1 }), after: expect.objectContaining({ failure: 'leftEarly', version: 2 }) })]);
    // Changing the counsel does not raise the warning again.
    expect((await put({ ...headAppears('2024-10-24'), failure: 'leftEarly', counsel: '县司法局 公职律师', version: 2 })).statusCode).toBe(200);
    expect(await audits('litigation.art12Warning', cases.failure)).toHaveLength(1);
    const flagged = (await list(coordinator)).items.find((i) => i.id === cases.failure);
    expect(flagged).toMatchObject({ warning: true });
    // Nobody at all appeared at a later hearing: 第十二条第一款第三项 even before the court's finding is recorded.
    const nobody = await hearing(t, coordinator, cases.failure, { heldOn: '2024-10-25', appearance: 'nobody', excuse: 'forceMajeure', excuseText: '暴雨封路', proofFileId: file });
    expect(nobody.warnings.map((w: { kind: string }) => w.kind)).toEqual(['art12', 'nobody']);
    expect(await audits('litigation.art12Warning', cases.failure)).toHaveLength(2);
  });

  it('lets exactly one of concurrent edits of a hearing through; the others get VERSION_CONFLICT', async () => {
    const current = await detail(cases.failure);
    const h = current.hearings[0]!;
    const attempts = await Promise.all(
      ['甲', '乙', '丙', '丁', '戊'].map((name) =>
        call(t, coordinator, 'PUT', `/api/litigation/cases/${cases.failure}/hearings/${h.id}`, { ...headAppears('2024-10-24'), failure: 'leftEarly', counsel: `${name}律师`, version: h.version }),
      ),
    );
    expect(attempts.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(attempts.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'VERSION_CONFLICT')).toBe(true);
    expect((await detail(cases.failure)).hearings[0]!.version).toBe(h.version + 1);
  });

  it('records judgments: 撤销 is 败诉, 驳回诉讼请求 is not, 撤诉 ends the instance; dates are checked', async () => {
    at(t, '2024-11-01');
    await hearing(t, scjStaff, cases.late, headAppears('2024-10-20'));
    const judge = (caseId: string, data: Record<string, unknown>) => step(t, scjStaff, caseId, 'recordJudgment', data, [file]);
    const judgment = { outcome: 'revoke', judgmentNo: '（2024）湘0621行初31号', judgedOn: '2024-10-30', reDecisionOrdered: true };
    expect((await judge(cases.late, { ...judgment, judgedOn: '2024-10-15' })).json().message).toBe('裁判日期不能早于已登记的庭审日期（2024-10-20）');
    expect((await judge(cases.late, { ...judgment, judgedOn: '2024-11-02' })).json().message).toBe('裁判日期不能晚于今天');
    expect((await judge(cases.late, { ...judgment, outcome: 'remanded' })).json().message).toBe('一审案件不能登记为发回重审');
    const noDocument = await step(t, scjStaff, cases.late, 'recordJudgment', judgment);
    expect([noDocument.statusCode, noDocument.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const revoked = await judge(cases.late, judgment);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'judged', stateLabel: '已审结', terminal: true });
    expect(await detail(cases.late)).toMatchObject({ outcome: 'revoke', outcomeLabel: '判决撤销（第七十条）', lost: true, judgedOn: '2024-10-30', judgmentNo: '（2024）湘0621行初31号' });
    const afterJudgment = await call(t, scjStaff, 'POST', `/api/litigation/cases/${cases.late}/hearings`, headAppears('2024-10-31'));
    expect([afterJudgment.statusCode, afterJudgment.json().message]).toEqual([400, '开庭日期不能晚于裁判日期（2024-10-30）']);

    expect((await judge(cases.onTime, { outcome: 'rejectClaims', judgmentNo: '（2024）湘0621行初40号', judgedOn: '2024-10-31' })).statusCode).toBe(200);
    expect(await detail(cases.onTime)).toMatchObject({ outcome: 'rejectClaims', lost: false });

    at(t, '2024-11-01');
    cases.withdrawn = (await register(t, scjStaff, baseCase(org.scj, '2024-10-10', { plaintiffName: '吴某' }))).id;
    const withdrawn = await step(t, scjStaff, cases.withdrawn, 'withdrawnByPlaintiff', { judgedOn: '2024-10-28', rulingNo: '（2024）湘0621行初45号' }, [file]);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await detail(cases.withdrawn)).toMatchObject({ state: 'judged', outcome: 'withdrawn', outcomeLabel: '裁定准予撤诉', lost: false, judgmentNo: '（2024）湘0621行初45号' });

    expect(ids(await list(coordinator, '&lost=true'))).toEqual([cases.late]);
    expect(ids(await list(coordinator, '&outcome=withdrawn'))).toEqual([cases.withdrawn]);
    expect(ids(await list(coordinator, '&state=judged'))).toEqual([cases.late, cases.onTime, cases.withdrawn].sort());
  });

  it('registers the appeal as a follow-on of the judged first instance', async () => {
    at(t, '2024-11-20');
    const refused = async (parentCaseId: string, text: string) => {
      const res = await call(t, scjStaff, 'POST', '/api/litigation/cases', baseCase(org.scj, '2024-11-18', { instance: 'appeal', parentCaseId }));
      expect([res.statusCode, res.json().message]).toEqual([400, text]);
    };
    await refused(cases.withdrawn, '原审以撤诉或调解结案，不能上诉或再审');
    const appeal = await register(t, scjStaff, baseCase(org.scj, '2024-11-18', { instance: 'appeal', parentCaseId: cases.late, court: '岳阳市中级人民法院' }));
    expect(appeal).toMatchObject({ instanceLabel: '二审', parent: { id: cases.late, caseType: 'litigation', caseTypeLabel: '行政应诉' }, title: '张某诉县市场监督管理局行政处罚案（二审）' });
    expect(appeal.courtTerm).toBeNull();
    expect((await detail(cases.late)).followUps).toEqual([expect.objectContaining({ id: appeal.id, instanceLabel: '二审' })]);
    const remand = await call(t, scjStaff, 'POST', '/api/litigation/cases', baseCase(org.scj, '2024-11-18', { parentCaseId: appeal.id }));
    expect(remand.json().message).toBe('原审案件尚未审结');
    cases.appeal = appeal.id;
  });

  it('lets each agency see only its own lawsuits; the coordinator and the leader see the county', async () => {
    const scj = ids(await list(scjStaff));
    const all = ids(await list(coordinator));
    expect(scj.length).toBeGreaterThan(3);
    expect(scj).not.toContain(cases.spring);
    expect(ids(await list(zrjStaff))).toEqual([cases.spring, cases.raced].sort());
    expect(all).toEqual(expect.arrayContaining([...scj, cases.spring]));
    expect(ids(await list(leader))).toEqual(all);
    expect((await call(t, zrjStaff, 'GET', `/api/litigation/cases/${cases.late}`)).statusCode).toBe(404);
    expect((await call(t, zrjStaff, 'GET', `/api/litigation/cases?defendantOrgId=${org.scj}`)).json().total).toBe(0);
    expect(ids(await list(coordinator, `&defendantOrgId=${org.zrj}`))).toEqual([cases.spring, cases.raced].sort());
    expect(ids(await list(coordinator, '&q=建材'))).toEqual([cases.spring]);
    expect(ids(await list(coordinator, '&instance=appeal'))).toEqual([cases.appeal]);
    expect(ids(await list(coordinator, '&year=2023'))).toEqual([]);
  });

  it('exports the filtered list to Excel', async () => {
    const res = await call(t, coordinator, 'GET', '/api/litigation/cases/export.xlsx?state=judged&sort=judgedOn&order=asc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload, ['法院案号', '案件名称', '裁判结果', '败诉', '预警']);
    expect(rows.map((r) => [r.cells['案件名称'], r.cells['裁判结果'], r.cells['败诉'], r.cells['逾期答辩']])).toEqual([
      ['吴某诉县市场监督管理局行政处罚案（一审）', '裁定准予撤诉', '否', ''],
      ['张某诉县市场监督管理局行政处罚案（一审）', '判决撤销（第七十条）', '是', '是'],
      ['陈某诉县市场监督管理局行政处罚案（一审）', '判决驳回诉讼请求（第六十九条）', '否', ''],
    ]);
  });

  it('corrects the registration through a step, e.g. when the court summons the head later', async () => {
    at(t, '2024-11-21');
    const refused = await step(t, scjStaff, cases.appeal, 'amendRegistration', { courtCaseNo: '（2024）湘0621行初31号' }, [], '法院送达出庭通知书');
    expect([refused.statusCode, refused.json().message]).toEqual([409, '法院案号 （2024）湘0621行初31号 已登记在另一案件中']);
    const amended = await step(t, scjStaff, cases.appeal, 'amendRegistration', { headSummoned: true, courtCaseNo: '（2024）湘06行终88号' }, [], '法院送达出庭通知书');
    expect(amended.statusCode, amended.body).toBe(200);
    expect(await detail(cases.appeal)).toMatchObject({ state: 'received', headSummoned: true, courtCaseNo: '（2024）湘06行终88号', caseNo: '（2024）湘06行终88号' });
  });
});
