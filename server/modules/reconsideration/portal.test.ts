import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { reconsiderationCases } from './reconsideration.tables.ts';
import { application, IDS, on, register, step, setUpCounty, type County } from './reconsideration.test-helpers.ts';

const NOT_FOUND = '未找到该申请，请核对查询码和证件号码后六位';

describe('行政复议 on the portal: apply, track, correct — without an account', () => {
  let t: TestApp;
  let c: County;

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const apply = (payload: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/public/reconsideration/applications', payload: { regionCode: '430621', ...application(c), ...payload }, remoteAddress });
  const track = (code: string, verify: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url: `/api/public/reconsideration/track?code=${encodeURIComponent(code)}&verify=${encodeURIComponent(verify)}`, remoteAddress });
  const correct = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/reconsideration/correction', payload });
  const caseOf = async (trackingCode: string) => (await t.db.select().from(cases).where(eq(cases.trackingCode, trackingCode)))[0]!;

  it('lists the active governments, departments and townships of the region as respondents: id and name only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/reconsideration/respondents?regionCode=430621' });
    expect(res.statusCode).toBe(200);
    const names = res.json().map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['岳阳县人民政府', '岳阳县市场监督管理局', '岳阳县公安局', '荣家湾镇']));
    expect(names).not.toContain('荣家湾镇某村');
    expect(names).not.toContain('临湘市市场监督管理局');
    expect(Object.keys(res.json()[0]).sort()).toEqual(['id', 'name']);
    await t.db.update(organisations).set({ status: 'inactive' }).where(eq(organisations.id, c.orgs.police));
    const after = await t.app.inject({ method: 'GET', url: '/api/public/reconsideration/respondents?regionCode=430621' });
    expect(after.json().map((r: { name: string }) => r.name)).not.toContain('岳阳县公安局');
    await t.db.update(organisations).set({ status: 'active' }).where(eq(organisations.id, c.orgs.police));
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reconsideration/respondents?regionCode=43' })).statusCode).toBe(400);
  });

  it('takes an application online, received today, answering with the tracking code only', async () => {
    on(t, '2024-09-27');
    const res = await apply({});
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['trackingCode']);
    expect(res.body).not.toContain('4517');
    expect(res.body).not.toContain('13907301234');
    const row = await caseOf(res.json().trackingCode);
    expect(row).toMatchObject({ orgId: c.orgs.justice, state: 'received', createdBy: null, dueOn: '2024-10-10' });
    const [details] = await t.db.select().from(reconsiderationCases).where(eq(reconsiderationCases.caseId, row.id));
    expect(details).toMatchObject({ channel: 'online', receivedOn: '2024-09-27' });
    const [opened] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
    expect(opened).toMatchObject({ action: 'open', actorId: null, actorName: '申请人（网上）' });
  });

  it('refuses what the staff form refuses, a village as respondent, a region without a 复议机构, and an oversized body', async () => {
    on(t, '2024-09-27');
    expect((await apply({ identityCode: '430621198503124510' })).json().code).toBe('INVALID_ID_NUMBER');
    const village = await createOrg(t.db, { name: '某村委会', type: 'village', parentId: c.orgs.township });
    expect((await apply({ respondentOrgId: village.id })).statusCode).toBe(400);
    expect((await apply({ respondentOrgId: c.orgs.elsewhere })).statusCode).toBe(400);
    const elsewhere = await apply({ regionCode: '430682', respondentOrgId: c.orgs.elsewhere });
    expect([elsewhere.statusCode, elsewhere.json().message]).toEqual([404, expect.stringContaining('尚未开通网上行政复议申请')]);
    const huge = await apply({ facts: '事'.repeat(30_000) });
    expect(huge.statusCode).toBe(413);
    expect((await apply({ facts: '事'.repeat(5001) })).statusCode).toBe(400);
  });

  it('follows an application from receipt through 补正 and acceptance to the decision', async () => {
    on(t, '2024-09-27');
    const { trackingCode } = (await apply({})).json();
    const first = await track(trackingCode, '124517');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      title: '张三不服岳阳县市场监督管理局行政处罚决定',
      caseNo: null,
      stateLabel: '受理审查',
      receivedOn: '2024-09-27',
      waitingFor: { step: '受理审查', dueOn: '2024-10-10', provisional: false },
      timeline: [{ date: '2024-09-27', step: '行政复议机构收到申请', detail: null }],
      correction: null,
      outcome: null,
    });
    const id = (await caseOf(trackingCode)).id;

    on(t, '2024-09-30');
    await step(t, c.clerk, id, 'requestCorrection', { reason: '内部备注：材料不全', data: { items: '请提供行政处罚决定书复印件' } });
    const correcting = (await track(trackingCode.toLowerCase(), '124517')).json();
    // 10 working days from 09-30: 10-08 … 10-12 (调休), 10-14 … 10-18.
    expect(correcting).toMatchObject({
      state: 'correcting',
      waitingFor: { step: expect.stringContaining('提交补正材料'), dueOn: '2024-10-18' },
      correction: { items: '请提供行政处罚决定书复印件', requestedOn: '2024-09-30', dueOn: '2024-10-18' },
    });
    expect(correcting.timeline[1]).toEqual({ date: '2024-09-30', step: '通知补正申请材料', detail: '请提供行政处罚决定书复印件' });
    expect(JSON.stringify(correcting)).not.toMatch(/内部备注|刘洋|陈刚/);

    on(t, '2024-10-09');
    const stale = await correct({ code: trackingCode, verify: '124517', content: '已补充处罚决定书', version: correcting.version - 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
    const wrong = await correct({ code: trackingCode, verify: '124518', content: '已补充处罚决定书', version: correcting.version });
    expect([wrong.statusCode, wrong.json().message]).toEqual([404, NOT_FOUND]);
    const corrected = await correct({ code: trackingCode, verify: '124517', content: '已补充处罚决定书', version: correcting.version });
    expect(corrected.statusCode).toBe(200);
    // The review starts again from 10-09: 10-10, 10-11, 10-12 (调休), 10-14, 10-15.
    expect(corrected.json()).toMatchObject({ state: 'received', waitingFor: { step: '受理审查', dueOn: '2024-10-15' }, correction: null });
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.seq);
    expect(events[2]).toMatchObject({ action: 'submitCorrection', actorId: null, actorName: '申请人（网上）', data: { content: '已补充处罚决定书' } });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'case.submitCorrection')));
    expect(audit).toMatchObject({ actorId: null, ip: '127.0.0.1' });
    const again = await correct({ code: trackingCode, verify: '124517', content: '再补充', version: corrected.json().version });
    expect([again.statusCode, again.json().message]).toEqual([409, expect.stringContaining('不能提交补正材料')]);

    on(t, '2024-10-10');
    await step(t, c.clerk, id, 'accept', { data: { procedure: 'ordinary' } });
    await step(t, c.clerk, id, 'sendCopy');
    await step(t, c.clerk, id, 'receiveAnswer');
    const hearing = (await track(trackingCode, '124517')).json();
    // 60 days from 10-10: Sun 12-08 → Mon 12-09.
    expect(hearing).toMatchObject({ stateLabel: '审理中', caseNo: expect.stringMatching(/^行复〔2024〕\d+号$/), waitingFor: { step: '作出行政复议决定', dueOn: '2024-12-09' } });

    on(t, '2024-11-15');
    await step(t, c.officer, id, 'decide', { reason: '适用依据错误（内部）', fileIds: [c.fileId], data: { outcome: 'change', decisionNo: '岳县复决〔2024〕7号' } });
    const decided = (await track(trackingCode, '124517')).json();
    expect(decided).toMatchObject({
      state: 'decided',
      waitingFor: null,
      outcome: { outcome: 'change', label: '变更', decidedOn: '2024-11-15', decisionNo: '岳县复决〔2024〕7号', closedOn: '2024-11-15' },
    });
    expect(decided.timeline.map((e: { step: string }) => e.step)).toEqual([
      '行政复议机构收到申请',
      '通知补正申请材料',
      '提交补正材料',
      '受理',
      '向被申请人发送申请书副本',
      '作出行政复议决定',
    ]);
    expect(JSON.stringify(decided)).not.toMatch(/内部|陈刚|刘洋/);
  });

  it('tracks an application registered at the office, received the day the mail was signed for', async () => {
    on(t, '2024-10-09');
    const { trackingCode } = await register(t, c, { channel: 'mail', receivedOn: '2024-09-27', identityCode: IDS.li });
    expect((await track(trackingCode, '010020')).json()).toMatchObject({
      receivedOn: '2024-09-27',
      waitingFor: { step: '受理审查', dueOn: '2024-10-10' },
      timeline: [{ date: '2024-09-27', step: '行政复议机构收到申请', detail: null }],
    });
  });

  it('answers a wrong verification exactly like an unknown code, and takes an X in either case', async () => {
    on(t, '2024-09-27');
    const { trackingCode } = (await apply({ applicantName: '王五', identityCode: IDS.wang })).json();
    const wrongVerify = await track(trackingCode, '310021');
    const unknownCode = await track('ABCDEFGHJKLM', '31002X');
    expect([wrongVerify.statusCode, unknownCode.statusCode]).toEqual([404, 404]);
    expect(wrongVerify.json()).toEqual(unknownCode.json());
    expect(wrongVerify.json()).toEqual({ code: 'NOT_FOUND', message: NOT_FOUND });
    expect((await track(trackingCode, '31002x')).statusCode).toBe(200);
  });

  it('slows down guessing and flooding from one address', async () => {
    on(t, '2024-09-27');
    const { trackingCode } = (await apply({}, '10.0.0.8')).json();
    for (let i = 0; i < 10; i++) expect((await track(trackingCode, String(100000 + i), '10.0.0.9')).statusCode).toBe(404);
    expect((await track(trackingCode, '124517', '10.0.0.9')).statusCode).toBe(429);
    expect((await track(trackingCode, '124517', '10.0.0.8')).statusCode).toBe(200);
    // 15 minutes later the address may try again.
    t.clock.advanceMinutes(16);
    expect((await track(trackingCode, '124517', '10.0.0.9')).statusCode).toBe(200);

    for (let i = 0; i < 9; i++) expect((await apply({}, '10.0.0.8')).statusCode).toBe(201);
    expect((await apply({}, '10.0.0.8')).statusCode).toBe(429);
  });
});
