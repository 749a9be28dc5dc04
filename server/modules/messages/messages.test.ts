import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type RatioDef } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../../kernel/indicators/indicators.repository.ts';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { citizenMessages } from './messages.tables.ts';
import { act, call, message, on, setUpCounty, step, type County } from './messages.test-helpers.ts';

const DEFAULTS = { portalDays: 5, hotlineDays: 5, mailboxDays: 10, otherDays: 10, reviewReplies: false, revisionDays: 3, deductMonths: 2, vetoMonths: 3 };

describe('网民诉求: portal and hotline messages, routing, reply, publication, rating', () => {
  let t: TestApp;
  let c: County;
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const leave = (extra: Record<string, unknown> = {}, remoteAddress = '127.0.0.1') => call(t, null, 'POST', '/api/public/messages', message(extra), remoteAddress);
  const caseOf = async (code: string) => (await t.db.select().from(cases).where(eq(cases.trackingCode, code)))[0]!;
  const track = (code: string, verify = '1234', remoteAddress = '127.0.0.1') => call(t, null, 'GET', `/api/public/messages/track?code=${code}&verify=${verify}`, undefined, remoteAddress);
  const rate = async (code: string, satisfaction: string, verify = '1234') => {
    const { version } = (await track(code, verify)).json();
    return call(t, null, 'POST', '/api/public/messages/rate', { code, verify, version, satisfaction });
  };
  const settings = async (value: Partial<typeof DEFAULTS>) => {
    const current = (await call(t, c.users.coordinator, 'GET', '/api/messages/settings')).json();
    const res = await call(t, c.users.coordinator, 'PUT', '/api/messages/settings', { value: { ...current.value, ...value }, version: current.version });
    expect(res.statusCode, res.body).toBe(200);
  };
  const enter = (body: Record<string, unknown>) => {
    const { regionCode: _, ...rest } = message();
    return call(t, c.users.coordinator, 'POST', '/api/messages', { ...rest, ...body });
  };

  it('takes a message on the portal without an account: received today by the county, phone sealed, 5 working days over National Day', async () => {
    on(t, '2021-09-29');
    const res = await leave();
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(['trackingCode']);
    const row = await caseOf(res.json().trackingCode);
    // 09-30, then 10-08, the 调休 Saturday 10-09, 10-11, 10-12.
    expect(row).toMatchObject({ orgId: c.orgs.county, state: 'received', dueOn: '2021-10-12', createdBy: null });
    const [m] = await t.db.select().from(citizenMessages).where(eq(citizenMessages.caseId, row.id));
    expect(m).toMatchObject({ channel: 'portal', citizenPhoneMask: '139****1234', publicConsent: true });
    expect(m!.citizenPhoneEnc).not.toContain('13907301234');
    const list = await call(t, c.users.coordinator, 'GET', '/api/messages?channel=portal');
    expect(list.json().items[0]).toMatchObject({ title: '小区门口夜市噪音扰民', replyDueOn: '2021-10-12', citizenPhoneMask: '139****1234' });
    expect(list.body).not.toContain('13907301234');
    const short = await leave({ content: '太短了' }, '10.0.0.9');
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('内容');
    expect((await leave({ phone: '12345' }, '10.0.0.9')).statusCode).toBe(400);
  });

  it('counts each channel’s period from the county’s settings on the official calendar', async () => {
    await settings({ hotlineDays: 3 });
    on(t, '2021-10-15');
    const hotline = await enter({ channel: 'hotline', receivedOn: '2021-09-30' });
    expect(hotline.statusCode, hotline.body).toBe(201);
    // 10-08, 10-09 (调休 Saturday), 10-11.
    expect(hotline.json()).toMatchObject({ channel: 'hotline', receivedOn: '2021-09-30', replyDueOn: '2021-10-11', mark: 'overdue' });
    const mailbox = await enter({ channel: 'mailbox', receivedOn: '2021-09-24', publicConsent: false });
    // Sunday 09-26 was a working day: 09-26 … 09-30 (5), 10-08, 10-09, 10-11, 10-12, 10-13.
    expect(mailbox.json()).toMatchObject({ replyDueOn: '2021-10-13' });
    expect((await enter({ channel: 'hotline', receivedOn: '2021-10-16' })).statusCode).toBe(400);
    expect((await call(t, c.users.market, 'POST', '/api/messages', { ...message(), channel: 'hotline', receivedOn: '2021-10-15' })).statusCode).toBe(403);
    const bad = await call(t, c.users.coordinator, 'PUT', '/api/messages/settings', { value: { ...DEFAULTS, deductMonths: 4, vetoMonths: 3 }, version: 99 });
    expect(bad.statusCode).toBe(400);
  });

  it('routes to the responsible organisation, which may return a mis-routed message with a reason', async () => {
    on(t, '2021-10-08');
    const code = (await leave({ subject: '学校门口交通拥堵' }, '10.0.0.2')).json().trackingCode;
    const id = (await caseOf(code)).id;
    expect((await call(t, c.users.market, 'GET', `/api/messages/${id}`)).statusCode).toBe(404);
    expect((await act(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.county } })).statusCode).toBe(409);
    const { version } = (await call(t, c.users.coordinator, 'GET', `/api/cases/${id}`)).json();
    expect((await call(t, c.users.market, 'POST', `/api/cases/${id}/actions/route`, { version, data: { orgId: c.orgs.market } })).statusCode).toBe(404);
    const routed = await step(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.market, note: '请核实处理' } });
    expect(routed).toMatchObject({ state: 'routed', orgId: c.orgs.market });
    expect((await call(t, c.users.education, 'GET', `/api/messages/${id}`)).statusCode).toBe(404);
    const todo = await call(t, c.users.market, 'GET', '/api/todo');
    expect(todo.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await act(t, c.users.market, id, 'returnMisrouted')).statusCode).toBe(400);
    const returned = await step(t, c.users.market, id, 'returnMisrouted', { reason: '属教育部门职责' });
    expect(returned).toMatchObject({ state: 'received', orgId: c.orgs.county });
    // The returning department still reads what became of it; the coordinator has it back in the 待办.
    expect((await call(t, c.users.market, 'GET', `/api/messages/${id}`)).statusCode).toBe(200);
    expect((await call(t, c.users.coordinator, 'GET', '/api/todo')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    await step(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.education } });
    expect((await call(t, c.users.market, 'GET', `/api/messages/${id}`)).statusCode).toBe(404);
    expect((await call(t, c.users.education, 'GET', `/api/messages/${id}`)).json()).toMatchObject({ state: 'routed', orgName: '岳阳县教育局' });
    // The responsible organisation calls back with the phone in clear, each reading audited; the returning one may not.
    expect((await call(t, c.users.education, 'GET', `/api/messages/${id}/phone`)).json()).toEqual({ phone: '13907301234' });
    expect((await call(t, c.users.market, 'GET', `/api/messages/${id}/phone`)).statusCode).toBe(404);
    expect((await call(t, c.users.leader, 'GET', `/api/messages/${id}/phone`)).statusCode).toBe(403);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'messages.phone_read'), eq(auditLog.entityId, id)))).toHaveLength(1);
  });

  it('shows the reply to the citizen, who rates it once and only after it came', async () => {
    on(t, '2021-10-08');
    const code = (await leave({ subject: '农贸市场缺斤少两' }, '10.0.0.3')).json().trackingCode;
    const id = (await caseOf(code)).id;
    expect((await rate(code, 'satisfied')).statusCode).toBe(409);
    await step(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.market } });
    expect((await act(t, c.users.market, id, 'reply', { data: { replyText: '太短' } })).statusCode).toBe(400);
    on(t, '2021-10-11');
    await step(t, c.users.market, id, 'reply', { data: { replyText: '经核查，已责令该商户整改并处以警告，欢迎继续监督。' } });
    const seen = (await track(code)).json();
    expect(seen).toMatchObject({ state: 'replied', reply: { repliedOn: '2021-10-11' }, canRate: true, orgName: '岳阳县市场监督管理局' });
    expect(JSON.stringify(seen)).not.toContain('13907301234');
    const rated = await rate(code, 'basic');
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'closed', satisfaction: 'basic', satisfactionLabel: '基本满意', canRate: false });
    expect((await rate(code, 'unsatisfied')).statusCode).toBe(409);
    expect((await track(code, '0000')).statusCode).toBe(404);
    const item = (await call(t, c.users.market, 'GET', `/api/messages/${id}`)).json();
    expect(item).toMatchObject({ onTime: true, satisfaction: 'basic', repliedOn: '2021-10-11' });
  });

  it('publishes a reply on the portal only when the citizen agreed, without personal data', async () => {
    on(t, '2021-10-08');
    const agreed = (await leave({ subject: '公园路灯不亮' }, '10.0.0.4')).json().trackingCode;
    const refused = (await leave({ subject: '邻居装修扰民', publicConsent: false }, '10.0.0.4')).json().trackingCode;
    for (const code of [agreed, refused]) {
      const id = (await caseOf(code)).id;
      await step(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.market } });
      await step(t, c.users.market, id, 'reply', { data: { replyText: '已转交相关单位处理完毕，感谢您的反映。' } });
    }
    const agreedId = (await caseOf(agreed)).id;
    const refusedId = (await caseOf(refused)).id;
    expect((await call(t, null, 'GET', `/api/public/messages/${agreedId}`)).statusCode).toBe(404);
    const no = await act(t, c.users.coordinator, refusedId, 'publish', { data: {} });
    expect(no.statusCode).toBe(409);
    expect(no.json().message).toContain('未同意公开');
    expect((await act(t, c.users.market, agreedId, 'publish', { data: {} })).statusCode).toBe(403);
    await step(t, c.users.coordinator, agreedId, 'publish', { data: { publicContent: '某公园路灯不亮，夜间行走不便。' } });
    const list = await call(t, null, 'GET', '/api/public/messages?region=430621');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([agreedId]);
    const detail = await call(t, null, 'GET', `/api/public/messages/${agreedId}`);
    expect(detail.json()).toMatchObject({ title: '公园路灯不亮', content: '某公园路灯不亮，夜间行走不便。', replyText: '已转交相关单位处理完毕，感谢您的反映。' });
    expect(detail.body).not.toMatch(/张三|13907301234|1234/);
    expect((await call(t, null, 'GET', `/api/public/messages/${refusedId}`)).statusCode).toBe(404);
    // 全文检索: the portal finds the public text and the reply, not the original wording; staff find both.
    const portalSearch = async (q: string) => (await call(t, null, 'GET', `/api/public/search?regionCode=430621&q=${encodeURIComponent(q)}`)).json().items.map((i: { entityId: string }) => i.entityId);
    expect(await portalSearch('路灯')).toContain(agreedId);
    expect(await portalSearch('噪音')).not.toContain(refusedId);
    const staffSearch = (await call(t, c.users.coordinator, 'GET', `/api/search?q=${encodeURIComponent('噪音')}`)).json().items.map((i: { entityId: string }) => i.entityId);
    expect(staffSearch).toContain(refusedId);
    await step(t, c.users.coordinator, agreedId, 'unpublish', { reason: '涉及个人信息' });
    expect(await portalSearch('路灯')).not.toContain(agreedId);
    expect((await call(t, null, 'GET', `/api/public/messages/${agreedId}`)).statusCode).toBe(404);
  });

  it('holds the reply for the coordinator’s review when the county asks for one', async () => {
    await settings({ reviewReplies: true, revisionDays: 3 });
    on(t, '2021-09-28');
    const code = (await leave({ subject: '路面破损' }, '10.0.0.5')).json().trackingCode;
    const id = (await caseOf(code)).id;
    await step(t, c.users.coordinator, id, 'route', { data: { orgId: c.orgs.market } });
    const direct = await act(t, c.users.market, id, 'reply', { data: { replyText: '已安排维修，预计一周内完成。' } });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().message).toContain('提交答复审核');
    await step(t, c.users.market, id, 'submitReply', { data: { replyText: '已安排维修，预计一周内完成。' } });
    expect((await track(code)).json()).toMatchObject({ state: 'reviewing', reply: null });
    on(t, '2021-09-30');
    const back = await step(t, c.users.coordinator, id, 'returnReply', { reason: '请写明维修单位和完成时间' });
    // The revision period runs from 09-30: 10-08, 10-09 (调休 Saturday), 10-11.
    expect(back).toMatchObject({ state: 'routed', dueOn: '2021-10-11' });
    on(t, '2021-10-08');
    await step(t, c.users.market, id, 'submitReply', { data: { replyText: '县公路局已安排维修，10月15日前完成。' } });
    await step(t, c.users.coordinator, id, 'approveReply');
    expect((await track(code)).json()).toMatchObject({ state: 'replied', reply: { text: '县公路局已安排维修，10月15日前完成。', repliedOn: '2021-10-08' } });
    await settings({ reviewReplies: false });
  });

  it('slows a flood of messages and of wrong tracking codes from one address', async () => {
    on(t, '2021-11-01');
    for (let i = 0; i < 5; i++) expect((await leave({}, '10.9.9.9')).statusCode).toBe(201);
    expect((await leave({}, '10.9.9.9')).statusCode).toBe(429);
    for (let i = 0; i < 10; i++) await track('ABCDEFGHJKLM', '1234', '10.9.9.8');
    expect((await track('ABCDEFGHJKLM', '1234', '10.9.9.8')).statusCode).toBe(429);
  });

  it('counts received, replied on time and late, overdue and satisfaction in SQL', async () => {
    on(t, '2021-12-31');
    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-12-31' };
    const value = (code: string) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
    const sum = async (code: string, cell: Record<string, string> = {}) =>
      (await value(code)).cells.filter((x) => Object.entries(cell).every(([k, v]) => x.cell[k] === v)).reduce((n, x) => n + x.value, 0);
    const received = await t.db.select().from(citizenMessages);
    expect(await sum('messages.received')).toBe(received.length);
    expect(await sum('messages.received', { channel: 'hotline' })).toBe(1);
    const replied = received.filter((m) => m.repliedOn).length;
    expect(await sum('messages.replied')).toBe(replied);
    expect(await sum('messages.replied', { timeliness: 'onTime' })).toBe(replied);
    // On 12-31: September's portal, hotline and mailbox messages are past 3 months, October's routed one past 2,
    // November's five past their 5 working days.
    const overdue = await value('messages.overdue');
    expect(Object.fromEntries(overdue.cells.map((x) => [x.cell.severity, x.value]))).toEqual({ veto: 3, deduct: 1, overdue: 5 });
    await settings({ vetoMonths: 4 });
    expect(await sum('messages.overdue', { severity: 'veto' })).toBe(0);
    await settings({ vetoMonths: 3 });
    expect(await sum('messages.rated', { satisfaction: 'basic' })).toBe(1);
    const rate = await computeRatio(t.db, findFigure('messages.satisfactionRate') as RatioDef, scope);
    expect(rate.value).toBe(100);
  });
});
