import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { COORDINATOR, ensureBuiltinRoles, RECONSIDERATION_OFFICER } from '../../kernel/auth/builtin-roles.ts';
import { createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { litigationRoleGrants } from '../litigation/index.ts';
import { reconsiderationRoleGrants } from '../reconsideration/index.ts';
import { at, call, caseBody, clockOf, file, prepareCounty, refused, step, upload, type County, type Who } from './enforcement-cases.test-helpers.ts';

let t: TestApp;
let c: County;
let officer: Who;
let statistician: Who;

beforeAll(async () => {
  t = await createTestApp();
  c = await prepareCounty(t);
  await ensureBuiltinRoles(t.db, reconsiderationRoleGrants);
  const role = async (code: string) => (await t.db.select().from(roles).where(eq(roles.code, code)))[0]!.id;
  officer = { userId: (await createUser(t.db, { orgId: c.orgs.justice, displayName: '陈刚', roleIds: [await role(RECONSIDERATION_OFFICER)] })).id };
  statistician = { userId: (await createUser(t.db, { orgId: c.orgs.justice, roleIds: [await role(COORDINATOR)] })).id };
});
afterAll(() => t.close());

const application = (extra: Record<string, unknown>) => ({
  channel: 'window',
  receivedOn: '2024-09-27',
  applicantType: 'company',
  applicantName: '岳阳县某某超市有限公司',
  identityCode: '91350100M000100Y43',
  phone: '13907301234',
  address: '岳阳县荣家湾镇建设路 1 号',
  respondentOrgId: c.orgs.market,
  actCategory: 'penalty',
  actDescription: '岳县市监罚〔2024〕7号行政处罚决定书',
  requests: '撤销该行政处罚决定',
  ...extra,
});

describe('a 复议 decision revoking a penalty withdraws its publication', () => {
  let penalty: string;
  let publication: string;

  it('publishes the decision of a penalty case', async () => {
    at(t, '2024-09-02');
    penalty = (await file(t, c, caseBody(c, '2024-09-02'))).id;
    await step(t, c.users.staff, penalty, 'investigate');
    await step(t, c.users.staff, penalty, 'notify', { data: { penalties: ['fine'], fine: 10000, benchmarkId: c.benchmarks.general }, fileIds: [await upload(t, c.users.staff, '告知书.txt')] });
    at(t, '2024-09-03');
    await step(t, c.users.staff, penalty, 'concludeStatement', { data: { waived: true } });
    await step(t, c.users.head, penalty, 'decide', { data: { outcome: 'penalty', penalties: ['fine'], fine: 10000, decisionNo: '岳县市监罚〔2024〕7号' }, fileIds: [await upload(t, c.users.head, '决定书.txt')] });
    publication = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications')).json().items.find((p: { sourceCaseId: string }) => p.sourceCaseId === penalty).id;
    at(t, '2024-09-05');
    await step(t, c.users.staff, publication, 'publish', { data: {} });
    expect((await call(t, null, 'GET', `/api/public/enforcement/decisions/${publication}`)).statusCode).toBe(200);
  });

  it('registers the 复议 application against that case only for the respondent’s own penalty case', async () => {
    at(t, '2024-09-27');
    const wrong = await call(t, officer, 'POST', '/api/reconsideration/cases', application({ respondentOrgId: c.orgs.other, challengedCaseId: penalty }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('不是被申请人在本行政区办理的行政处罚案件');
    const res = await call(t, officer, 'POST', '/api/reconsideration/cases', application({ challengedCaseId: penalty }));
    expect(res.statusCode, res.body).toBe(201);
    const reconsideration = res.json().id as string;

    at(t, '2024-09-30');
    await step(t, officer, reconsideration, 'accept', { data: { procedure: 'ordinary' } });
    at(t, '2024-10-08');
    await step(t, officer, reconsideration, 'sendCopy');
    at(t, '2024-10-22');
    const decision = { outcome: 'revoke', decisionNo: '岳县复决〔2024〕9号', reDecisionOrdered: false };
    await step(t, officer, reconsideration, 'decide', { reason: '主要事实不清、证据不足', fileIds: [await upload(t, officer, '复议决定书.txt')], data: decision });

    const corrected = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${penalty}`)).json();
    expect(corrected).toMatchObject({ correctedByCaseId: reconsideration, correctedOn: '2024-10-22' });
    const pub = (await call(t, c.users.staff, 'GET', `/api/cases/${publication}`)).json();
    expect(pub.state).toBe('withdrawalDue');
    // 第四十八条第二款: three working days from the 复议 decision.
    expect(clockOf(pub, 'withdrawal')?.dueOn).toBe('2024-10-25');
    expect(pub.events.at(-1).reason).toContain('岳县复决〔2024〕9号');
  });

  it('withdraws with the reason; the portal no longer shows it; the withdrawal counts as on time', async () => {
    at(t, '2024-10-24');
    expect((await refused(t, c.users.staff, publication, 'withdraw', { data: {} }, 400)).code).toBe('VALIDATION_FAILED');
    await step(t, c.users.staff, publication, 'withdraw', { data: { reason: '该行政处罚决定已被行政复议决定撤销' } });
    expect((await call(t, null, 'GET', `/api/public/enforcement/decisions/${publication}`)).statusCode).toBe(404);
    const list = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications?state=withdrawn')).json();
    expect(list.items.find((p: { id: string }) => p.id === publication)).toMatchObject({ withdrawnOn: '2024-10-24', withdrawalReason: '该行政处罚决定已被行政复议决定撤销' });

    const res = await call(t, statistician, 'GET', '/api/statistics/values?from=2024-01-01&to=2024-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const figures = new Map((res.json().figures as { code: string; value: number; cells: { cell: Record<string, string>; value: number }[] }[]).map((f) => [f.code, f]));
    expect(figures.get('enforcementCases.withdrawals')?.cells).toEqual([expect.objectContaining({ cell: { timeliness: 'onTime' }, value: 1 })]);
    expect(figures.get('enforcementCases.publications')?.cells).toEqual([expect.objectContaining({ cell: { timeliness: 'onTime' }, value: 1 })]);
    expect(figures.get('enforcementCases.filed')?.value).toBe(1);
  });
});

describe('a court judgment revoking a penalty withdraws its publication once it takes effect', () => {
  let penalty: string;
  let publication: string;
  let lawsuit: string;

  it('publishes the decision of a penalty case', async () => {
    await ensureBuiltinRoles(t.db, litigationRoleGrants);
    at(t, '2025-03-03');
    penalty = (await file(t, c, caseBody(c, '2025-03-03'))).id;
    await step(t, c.users.staff, penalty, 'investigate');
    await step(t, c.users.staff, penalty, 'notify', { data: { penalties: ['fine'], fine: 8000, benchmarkId: c.benchmarks.general }, fileIds: [await upload(t, c.users.staff, '告知书.txt')] });
    at(t, '2025-03-04');
    await step(t, c.users.staff, penalty, 'concludeStatement', { data: { waived: true } });
    await step(t, c.users.head, penalty, 'decide', { data: { outcome: 'penalty', penalties: ['fine'], fine: 8000, decisionNo: '岳县市监罚〔2025〕3号' }, fileIds: [await upload(t, c.users.head, '决定书.txt')] });
    publication = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications')).json().items.find((p: { sourceCaseId: string }) => p.sourceCaseId === penalty).id;
    await step(t, c.users.staff, publication, 'publish', { data: {} });
  });

  it('links the lawsuit to the defendant’s own penalty case only', async () => {
    at(t, '2025-04-07');
    const suit = (extra: Record<string, unknown>) => ({
      instance: 'first',
      court: '岳阳县人民法院',
      plaintiffType: 'company',
      plaintiffName: '岳阳县某某超市有限公司',
      defendantOrgId: c.orgs.market,
      actCategory: 'penalty',
      actDescription: '岳县市监罚〔2025〕3号行政处罚决定书',
      complaintReceivedOn: '2025-04-07',
      ...extra,
    });
    const wrong = await call(t, statistician, 'POST', '/api/litigation/cases', suit({ defendantOrgId: c.orgs.other, challengedCaseId: penalty }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('不是被告办理的行政处罚案件');
    const res = await call(t, statistician, 'POST', '/api/litigation/cases', suit({ challengedCaseId: penalty }));
    expect(res.statusCode, res.body).toBe(201);
    lawsuit = res.json().id;
    expect(res.json().challengedCaseId).toBe(penalty);
  });

  it('leaves the publication alone until the judgment takes effect, then starts the 3-working-day withdrawal', async () => {
    at(t, '2025-09-15');
    const judgment = { outcome: 'revoke', judgmentNo: '（2025）湘0621行初5号', judgedOn: '2025-09-15' };
    await step(t, statistician, lawsuit, 'recordJudgment', { fileIds: [await upload(t, statistician, '判决书.txt')], data: judgment });
    expect((await call(t, c.users.staff, 'GET', `/api/cases/${publication}`)).json().state).toBe('published');
    // Served 09-16, the 15-day appeal period ended on 10-01, a holiday: it ran to 10-09, the first day after
    // the National Day holidays (民事诉讼法 第八十五条), so the judgment took effect on 10-10.
    at(t, '2025-10-10');
    expect((await refused(t, statistician, lawsuit, 'recordEffective', { data: { effectiveOn: '2025-09-01' } }, 409)).message).toContain('生效日期应在裁判日期');
    await step(t, statistician, lawsuit, 'recordEffective', { data: { effectiveOn: '2025-10-10' } });
    expect((await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${penalty}`)).json()).toMatchObject({ correctedByCaseId: lawsuit, correctedOn: '2025-10-10' });
    const pub = (await call(t, c.users.staff, 'GET', `/api/cases/${publication}`)).json();
    expect(pub.state).toBe('withdrawalDue');
    // Three working days from 10-10: Saturday 10-11 was a 调休 working day, then 10-13 and 10-14.
    expect(clockOf(pub, 'withdrawal')?.dueOn).toBe('2025-10-14');
    expect(pub.events.at(-1).reason).toContain('（2025）湘0621行初5号');
    expect((await refused(t, statistician, lawsuit, 'recordEffective', { data: { effectiveOn: '2025-10-03' } }, 409)).message).toContain('已登记生效');
  });
});
