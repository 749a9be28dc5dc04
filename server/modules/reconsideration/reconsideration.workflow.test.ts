import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarService } from '../../kernel/calendar/calendar.service.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { reconsiderationCases } from './reconsideration.tables.ts';
import { act, clockOf, on, refused, register, setUpCounty, step, type County } from './reconsideration.test-helpers.ts';

/**
 * Every step of a 复议 case and its guard, on the official calendar. 2024: National Day 10-01..10-07
 * off, Sunday 09-29 and Saturday 10-12 are 调休 working days.
 */
describe('行政复议 workflow: steps, guards and statutory periods', () => {
  let t: TestApp;
  let c: County;

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const details = async (caseId: string) => (await t.db.select().from(reconsiderationCases).where(eq(reconsiderationCases.caseId, caseId)))[0]!;
  const decision = { outcome: 'revoke', decisionNo: '岳县复决〔2024〕1号', reDecisionOrdered: true };

  it('counts the 5-working-day review over National Day, with the 调休 days as working days', async () => {
    const calendar = calendarService(t.db);
    expect(await calendar.isWorkingDay('430621', '2024-09-29')).toBe(true);
    for (const day of ['2024-09-28', '2024-10-01', '2024-10-04', '2024-10-07']) expect(await calendar.isWorkingDay('430621', day)).toBe(false);
    expect(await calendar.isWorkingDay('430621', '2024-10-12')).toBe(true);

    on(t, '2024-09-27');
    const a = await register(t, c);
    // From Fri 09-27: 09-29 (Sun, 调休), 09-30, 10-08, 10-09, 10-10.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${a.id}`, headers: c.officer.headers })).json();
    expect(clockOf(detail, 'review')?.dueOn).toBe('2024-10-10');
    expect(detail.dueOn).toBe('2024-10-10');

    on(t, '2024-10-08');
    const b = await register(t, c);
    // From Tue 10-08: 10-09, 10-10, 10-11, 10-12 (Sat, 调休), 10-14.
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${b.id}`, headers: c.officer.headers })).json().dueOn).toBe('2024-10-14');
  });

  it('counts from the day a mailed application was signed for, not the day it was registered', async () => {
    on(t, '2024-10-09');
    const mailed = await register(t, c, { channel: 'mail', receivedOn: '2024-09-27' });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${mailed.id}`, headers: c.officer.headers })).json();
    expect(clockOf(detail, 'review')).toMatchObject({ startedOn: '2024-09-27', dueOn: '2024-10-10' });
  });

  it('notifies 补正 within 5 working days of receipt only, and only once', async () => {
    on(t, '2024-09-27');
    const late = await register(t, c);
    on(t, '2024-10-11');
    expect((await refused(t, c.clerk, late.id, 'requestCorrection', { data: { items: '请提供行政处罚决定书复印件' } })).message).toContain('2024-10-10 届满');
    on(t, '2024-10-10');
    const notified = await step(t, c.clerk, late.id, 'requestCorrection', { data: { items: '请提供行政处罚决定书复印件' } });
    expect(notified.state).toBe('correcting');
    // 10 working days from 10-10: 10-11, 10-12 (调休), 10-14 … 10-18, 10-21, 10-22, 10-23.
    expect(clockOf(notified, 'correction')).toMatchObject({ status: 'running', dueOn: '2024-10-23' });
    expect(clockOf(notified, 'review')?.status).toBe('stopped');

    on(t, '2024-10-08');
    const once = await register(t, c);
    await step(t, c.clerk, once.id, 'requestCorrection', { data: { items: '请写明具体的复议请求' } });
    on(t, '2024-10-09');
    const corrected = await step(t, c.clerk, once.id, 'submitCorrection', { data: { content: '请求撤销处罚决定' } });
    // The review starts again in full from the day the correction arrived: 10-10, 11, 12 (调休), 14, 15.
    expect([corrected.state, clockOf(corrected, 'review')?.dueOn]).toEqual(['received', '2024-10-15']);
    expect((await refused(t, c.clerk, once.id, 'requestCorrection', { data: { items: '再补充证据' } })).message).toContain('已通知过补正');
    expect((await details(once.id)).extra).toMatchObject({ correctionItems: '请写明具体的复议请求', correction: '请求撤销处罚决定', correctedOn: '2024-10-09' });
  });

  it('treats silence as giving up only after the 10 working days, and then refuses a late correction', async () => {
    on(t, '2024-09-27');
    const silent = await register(t, c);
    on(t, '2024-10-10');
    await step(t, c.clerk, silent.id, 'requestCorrection', { data: { items: '请提供身份证复印件' } });
    on(t, '2024-10-23');
    expect((await refused(t, c.clerk, silent.id, 'correctionLapsed')).message).toContain('2024-10-23 届满');
    on(t, '2024-10-24');
    expect((await refused(t, c.clerk, silent.id, 'submitCorrection', { data: { content: '迟到的补正' } })).message).toContain('视为申请人放弃');
    const lapsed = await step(t, c.clerk, silent.id, 'correctionLapsed');
    expect([lapsed.state, lapsed.dueOn]).toEqual(['withdrawn', null]);
    expect(await details(silent.id)).toMatchObject({ outcome: 'withdrawn', terminationGround: 'correctionLapsed' });
  });

  it('accepts within the review, numbering the case and counting 60 days from acceptance', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    const accepted = await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    expect(accepted.state).toBe('accepted');
    expect(accepted.caseNo).toMatch(/^行复〔2024〕\d+号$/);
    // 60 days from 09-30: Fri 11-29. Copy to the respondent, 7 working days: 10-08 … 10-12 (调休), 10-14, 10-15.
    expect(clockOf(accepted, 'decision')?.dueOn).toBe('2024-11-29');
    expect(clockOf(accepted, 'copy')?.dueOn).toBe('2024-10-15');
    expect(await details(a.id)).toMatchObject({ procedure: 'ordinary', acceptedOn: '2024-09-30', deemedAccepted: false });
  });

  it('deems an application accepted once the review ran out: periods from its last day, refusal no longer possible', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-10-11');
    const reject = await refused(t, c.officer, a.id, 'reject', { reason: '不属于行政复议范围', fileIds: [c.fileId] });
    expect(reject.message).toContain('2024-10-10 届满，依法视为受理');
    const accepted = await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    // 视为受理 on 10-10 (复议法 第三十条第三款): 60 days → Sun 12-08 → Mon 12-09; copy 7 WD → 10-18.
    expect(clockOf(accepted, 'decision')?.dueOn).toBe('2024-12-09');
    expect(clockOf(accepted, 'copy')?.dueOn).toBe('2024-10-18');
    expect(await details(a.id)).toMatchObject({ acceptedOn: '2024-10-10', deemedAccepted: true });
  });

  it('refuses within the review with the approver, a reason and the written decision', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-10-10');
    expect((await refused(t, c.clerk, a.id, 'reject', { reason: '超过申请期限', fileIds: [c.fileId] }, 403)).code).toBe('FORBIDDEN');
    expect((await refused(t, c.officer, a.id, 'reject', { reason: '超过申请期限' }, 400)).message).toContain('附件');
    const rejected = await step(t, c.officer, a.id, 'reject', { reason: '超过申请期限', fileIds: [c.fileId] });
    expect(rejected.state).toBe('notAccepted');
    expect(await details(a.id)).toMatchObject({ outcome: 'notAccepted', decidedOn: '2024-10-10' });
  });

  it('gives the simple procedure 30 days and 3/5 working days, no extension, and converts to ordinary', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c, { actCategory: 'disclosure' });
    on(t, '2024-09-30');
    expect((await refused(t, c.clerk, a.id, 'accept', { data: { procedure: 'simple' } }, 400)).message).toContain('第五十三条');
    const simple = await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'simple', simpleGround: 'disclosure' } });
    // 30 days from 09-30: Wed 10-30. Copy, 3 working days: 10-08, 10-09, 10-10.
    expect(clockOf(simple, 'decision')?.dueOn).toBe('2024-10-30');
    expect(clockOf(simple, 'copy')?.dueOn).toBe('2024-10-10');
    on(t, '2024-10-08');
    const sent = await step(t, c.clerk, a.id, 'sendCopy');
    // Answer, 5 working days from 10-08: 10-09, 10-10, 10-11, 10-12 (调休), 10-14.
    expect(clockOf(sent, 'answer')?.dueOn).toBe('2024-10-14');
    expect((await refused(t, c.officer, a.id, 'extend', { reason: '案情复杂' })).message).toContain('简易程序案件不能延长');
    const ordinary = await step(t, c.officer, a.id, 'convertToOrdinary', { reason: '案情复杂，转为普通程序' });
    // 第五十五条: the ordinary 60 days, counted from the acceptance (09-30).
    expect(clockOf(ordinary, 'decision')?.dueOn).toBe('2024-11-29');
    expect((await refused(t, c.officer, a.id, 'convertToOrdinary', { reason: '再转' })).message).toContain('已适用普通程序');
  });

  it('extends the ordinary period once by 30 days from its end, with approval', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-11-20');
    expect((await refused(t, c.clerk, a.id, 'extend', { reason: '案情复杂' }, 403)).code).toBe('FORBIDDEN');
    const extended = await step(t, c.officer, a.id, 'extend', { reason: '案情复杂，经负责人批准延长' });
    // 30 days after 11-29: Sun 12-29 → Mon 12-30.
    expect(clockOf(extended, 'decision')?.dueOn).toBe('2024-12-30');
    expect((await refused(t, c.officer, a.id, 'extend', { reason: '再次延长' })).message).toContain('已延长过一次');
  });

  it('refuses an extension after the period ran out', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-11-30');
    expect((await refused(t, c.officer, a.id, 'extend', { reason: '案情复杂' })).message).toContain('2024-11-29 届满');
  });

  it('moves the decision period by the days the case was suspended', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-10-08');
    await step(t, c.clerk, a.id, 'sendCopy');
    await step(t, c.clerk, a.id, 'receiveAnswer');
    on(t, '2024-10-15');
    expect((await refused(t, c.clerk, a.id, 'suspend', { reason: '等待法律适用解释', data: { ground: 'otherCaseResult' } }, 403)).code).toBe('FORBIDDEN');
    const suspended = await step(t, c.officer, a.id, 'suspend', { reason: '等待法律适用解释', data: { ground: 'otherCaseResult' } });
    expect([suspended.state, suspended.dueOn, clockOf(suspended, 'decision')?.status]).toEqual(['suspended', null, 'paused']);
    expect((await refused(t, c.officer, a.id, 'decide', { reason: '事实清楚', fileIds: [c.fileId], data: decision })).message).toContain('中止审理');
    on(t, '2024-11-04');
    const resumed = await step(t, c.clerk, a.id, 'resume', { reason: '已作出解释' });
    // 45 days were left on 10-15 (to 11-29); paused 20 days, so 11-29 + 20 = Thu 12-19.
    expect([resumed.state, resumed.dueOn]).toEqual(['accepted', '2024-12-19']);
    expect((await details(a.id)).terminationGround).toBeNull();
  });

  it('terminates a suspension that lasted 60 days only from its 60th day', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-10-15');
    await step(t, c.officer, a.id, 'suspend', { reason: '申请人下落不明', data: { ground: 'detained' } });
    const body = { reason: '中止原因仍未消除', fileIds: [c.fileId], data: { ground: 'suspendedTooLong' } };
    on(t, '2024-12-13');
    expect((await refused(t, c.officer, a.id, 'terminate', body)).message).toContain('2024-12-14');
    on(t, '2024-12-14');
    const terminated = await step(t, c.officer, a.id, 'terminate', body);
    expect(terminated.state).toBe('terminated');
    expect(await details(a.id)).toMatchObject({ outcome: 'terminated', terminationGround: 'suspendedTooLong', decidedOn: '2024-12-14' });
  });

  it('decides only once the respondent was heard: copy sent and the answer in or its period run out', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    const body = { reason: '主要事实不清', fileIds: [c.fileId], data: decision };
    expect((await refused(t, c.officer, a.id, 'decide', body)).message).toContain('尚未向被申请人发送申请书副本');
    on(t, '2024-10-08');
    const sent = await step(t, c.clerk, a.id, 'sendCopy');
    // Answer, 10 working days from 10-08: 10-09 … 10-12 (调休), 10-14 … 10-18, 10-21.
    expect(clockOf(sent, 'answer')?.dueOn).toBe('2024-10-21');
    expect((await refused(t, c.clerk, a.id, 'sendCopy')).message).toContain('已向被申请人发送');
    on(t, '2024-10-21');
    expect((await refused(t, c.officer, a.id, 'decide', body)).message).toContain('2024-10-21 届满，尚未收到答复');
    on(t, '2024-10-22');
    expect((await refused(t, c.clerk, a.id, 'decide', body, 403)).code).toBe('FORBIDDEN');
    const decided = await step(t, c.officer, a.id, 'decide', body);
    expect([decided.state, decided.dueOn]).toEqual(['decided', null]);
    expect(await details(a.id)).toMatchObject({ outcome: 'revoke', decisionNo: '岳县复决〔2024〕1号', reDecisionOrdered: true, decidedOn: '2024-10-22' });
  });

  it('decides right after the answer arrives, and records no re-decision order for outcomes without one', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    expect((await refused(t, c.clerk, a.id, 'receiveAnswer')).message).toContain('尚未发送申请书副本');
    on(t, '2024-10-08');
    await step(t, c.clerk, a.id, 'sendCopy');
    on(t, '2024-10-10');
    await step(t, c.clerk, a.id, 'receiveAnswer');
    expect((await refused(t, c.clerk, a.id, 'receiveAnswer')).message).toContain('已登记被申请人答复');
    await step(t, c.officer, a.id, 'decide', { reason: '认定事实清楚', fileIds: [c.fileId], data: { outcome: 'maintain', decisionNo: '岳县复决〔2024〕2号', reDecisionOrdered: true } });
    expect(await details(a.id)).toMatchObject({ outcome: 'maintain', reDecisionOrdered: null });
  });

  it('notices a hearing at least 5 working days ahead and records it with its record', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-10-08');
    const notice = { place: '县司法局听证室', matters: '处罚决定认定的事实' };
    // 5 working days from 10-08: 10-09, 10-10, 10-11, 10-12 (调休), 10-14.
    expect((await refused(t, c.clerk, a.id, 'noticeHearing', { data: { ...notice, hearingOn: '2024-10-11' } })).message).toContain('不早于 2024-10-14');
    await step(t, c.clerk, a.id, 'noticeHearing', { data: { ...notice, hearingOn: '2024-10-14' } });
    on(t, '2024-10-14');
    const record = { heldOn: '2024-10-14', participants: '申请人张三；被申请人代理人' };
    expect((await refused(t, c.clerk, a.id, 'recordHearing', { data: { ...record, heldOn: '2024-10-15' }, fileIds: [c.fileId] })).message).toContain('不能晚于今天');
    expect((await refused(t, c.clerk, a.id, 'recordHearing', { data: record }, 400)).message).toContain('附件');
    expect((await step(t, c.clerk, a.id, 'recordHearing', { data: record, fileIds: [c.fileId] })).state).toBe('accepted');
  });

  it('mediates from suspension, and lets the applicant withdraw before acceptance', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    await step(t, c.officer, a.id, 'suspend', { reason: '双方同意调解', data: { ground: 'mediation' } });
    expect((await details(a.id)).terminationGround).toBe('mediation');
    const mediated = await step(t, c.officer, a.id, 'mediate', { fileIds: [c.fileId], data: { decisionNo: '岳县复调〔2024〕1号' } });
    expect(mediated.state).toBe('mediated');
    expect(await details(a.id)).toMatchObject({ outcome: 'mediation', decisionNo: '岳县复调〔2024〕1号', terminationGround: null, decidedOn: '2024-09-30' });

    const b = await register(t, c);
    expect((await refused(t, c.clerk, b.id, 'withdraw', {}, 400)).message).toContain('理由');
    expect((await step(t, c.clerk, b.id, 'withdraw', { reason: '申请人书面撤回' })).state).toBe('withdrawn');
    expect(await details(b.id)).toMatchObject({ outcome: 'withdrawn', terminationGround: 'withdrawn' });
  });

  it('lets exactly one of 50 concurrent decisions on one version through', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    on(t, '2024-09-30');
    await step(t, c.clerk, a.id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-10-08');
    await step(t, c.clerk, a.id, 'sendCopy');
    const ready = await step(t, c.clerk, a.id, 'receiveAnswer');
    const payload = { version: ready.version, reason: '主要事实不清', fileIds: [c.fileId], data: decision };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.app.inject({ method: 'POST', url: `/api/cases/${a.id}/actions/decide`, headers: c.officer.headers, payload })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const lost = results.filter((r) => r.statusCode !== 200);
    expect(lost).toHaveLength(49);
    expect(lost.every((r) => r.statusCode === 409 && r.json().code === 'VERSION_CONFLICT')).toBe(true);
    const events = (await t.app.inject({ method: 'GET', url: `/api/cases/${a.id}`, headers: c.officer.headers })).json().events as { action: string }[];
    expect(events.filter((e) => e.action === 'decide')).toHaveLength(1);
  });

  it('refuses an action from the wrong state, and a stale version', async () => {
    on(t, '2024-09-27');
    const a = await register(t, c);
    expect((await refused(t, c.officer, a.id, 'decide', { reason: 'x', fileIds: [c.fileId], data: decision })).message).toContain('受理审查');
    const stale = await act(t, c.clerk, a.id, 'accept', { version: 7, data: { procedure: 'ordinary' } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
  });
});
