import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditLog } from '../audit/audit.tables.ts';
import { loadActor } from '../auth/actor.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { ensureNationalCalendar } from '../calendar/calendar.seed.ts';
import { AppError } from '../errors/app-error.ts';
import { actorWith, createOrg, createRole, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { startClock } from './clocks.ts';
import { calendarDeadlines } from './deadlines.ts';
import { defineWorkflow, no, ok } from './define-workflow.ts';
import { findTodo } from './todo.repository.ts';
import { availableActions, openCase, transition, type WorkflowDeps } from './transition.ts';
import { caseAssignments, caseClocks, caseEvents, cases } from './workflow.tables.ts';

/** A small procedure shaped like 行政复议's first steps, to exercise every kernel mechanism. */
defineWorkflow({
  caseType: 'kernel_demo',
  label: '演示案件',
  readPermission: 'demo.handle',
  states: {
    received: { label: '已收件' },
    correcting: { label: '补正中' },
    accepted: { label: '已受理' },
    suspended: { label: '已中止' },
    decided: { label: '已决定', terminal: true },
  },
  initial: 'received',
  initialClocks: { review: { unit: 'workingDays', n: 5, basis: '《行政复议法》第三十条' } },
  actions: {
    requestCorrection: {
      label: '通知补正',
      from: ['received'],
      to: 'correcting',
      permission: 'demo.handle',
      reasonRequired: true,
      clocks: { pause: ['review'], start: { correction: { unit: 'workingDays', n: 10, basis: '《行政复议法》第三十一条' } } },
    },
    corrected: {
      label: '补正收到',
      from: ['correcting'],
      to: 'received',
      permission: 'demo.handle',
      clocks: { stop: ['correction'], restart: ['review'] },
    },
    accept: {
      label: '受理',
      from: ['received'],
      to: 'accepted',
      permission: 'demo.handle',
      guard: ({ case: c }) => (c.title.includes('无被申请人') ? no('未指定被申请人') : ok),
      clocks: { stop: ['review'], start: { decision: { unit: 'days', n: 60, basis: '《行政复议法》第六十二条' } } },
    },
    suspend: { label: '中止', from: ['accepted'], to: 'suspended', permission: 'demo.handle', reasonRequired: true, clocks: { pause: ['decision'] } },
    resume: { label: '恢复审理', from: ['suspended'], to: 'accepted', permission: 'demo.handle', clocks: { resume: ['decision'] } },
    extend: { label: '延期', from: ['accepted'], to: 'accepted', permission: 'demo.approve', reasonRequired: true, clocks: { extend: { decision: { unit: 'days', n: 30, basis: '《行政复议法》第六十二条' } } } },
    decide: {
      label: '作出决定',
      from: ['accepted'],
      to: 'decided',
      permission: 'demo.handle',
      input: z.object({ outcome: z.enum(['维持', '撤销']) }),
      clocks: { stop: 'all' },
    },
  },
});

/** A gated procedure: publishing is tried from the draft too, so that the refusal names the missing review. */
defineWorkflow({
  caseType: 'kernel_gated',
  label: '演示文件',
  readPermission: 'gated.publish',
  states: { draft: { label: '起草中' }, reviewed: { label: '已审查' }, published: { label: '已公布', terminal: true } },
  initial: 'draft',
  actions: {
    review: { label: '审查', from: ['draft'], to: 'reviewed', permission: 'gated.review' },
    publish: {
      label: '公布',
      from: ['draft', 'reviewed'],
      offeredIn: ['reviewed'],
      to: 'published',
      permission: 'gated.publish',
      guard: ({ case: c }) => (c.state === 'reviewed' ? ok : no('尚未完成审查，不能公布')),
    },
    correct: { label: '更正', from: ['published'], to: 'published', permission: 'gated.publish', reasonRequired: true },
    annotate: { label: '批注', from: ['reviewed'], to: 'reviewed', permission: 'gated.publish', inPanel: true },
  },
});

describe('case workflow kernel', () => {
  let t: TestApp;
  let deps: WorkflowDeps;
  let handler: Actor;
  let approver: Actor;
  let outsider: Actor;
  let orgId: string;
  const meta = { ip: '127.0.0.1' };

  beforeAll(async () => {
    t = await createTestApp();
    await ensureNationalCalendar(t.db);
    deps = { clock: t.clock, deadlines: calendarDeadlines(t.db) };
    const office = await createOrg(t.db, { name: '县司法局' });
    const township = await createOrg(t.db, { name: '某镇', type: 'township' });
    orgId = office.id;
    const handle = await createRole(t.db, { permissions: { 'demo.handle': 'own_org' } });
    const approve = await createRole(t.db, { permissions: { 'demo.handle': 'own_org', 'demo.approve': 'own_org' } });
    handler = (await loadActor(t.db, (await createUser(t.db, { orgId, roleIds: [handle.id] })).id))!;
    approver = (await loadActor(t.db, (await createUser(t.db, { orgId, roleIds: [approve.id] })).id))!;
    outsider = (await loadActor(t.db, (await createUser(t.db, { orgId: township.id, roleIds: [handle.id] })).id))!;
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2024-09-27T10:00:00+08:00'));

  const open = (title = '张某不服某局处罚决定') =>
    t.db.transaction((tx) => openCase(tx, deps, { caseType: 'kernel_demo', regionCode: '430621', orgId, title }, { actor: handler, meta }));
  const step = (caseId: string, version: number, action: string, actor: Actor, input: Parameters<typeof transition>[5] = {}) =>
    t.db.transaction((tx) => transition(tx, deps, { caseId, version }, action, { actor, meta }, input));
  const clock = async (caseId: string, name: string) =>
    (await t.db.select().from(caseClocks).where(eq(caseClocks.caseId, caseId))).find((c) => c.name === name)!;

  it('opens a case with its initial clock counted in working days over the National Day holiday', async () => {
    const c = await open();
    // From Fri 2024-09-27: 09-29 (Sun, 调休) is a working day, 10-01..07 are not, 10-12 (Sat, 调休) is.
    // 5 working days: 09-29, 09-30, 10-08, 10-09, 10-10.
    expect(c.dueOn).toBe('2024-10-10');
    expect(c.state).toBe('received');
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.map((e) => [e.seq, e.action, e.toState])).toEqual([[1, 'open', 'received']]);
  });

  it('pauses the review while the applicant corrects, then restarts it in full', async () => {
    let c = await open();
    t.clock.set('2024-09-30T09:00:00+08:00');
    c = await step(c.id, c.version, 'requestCorrection', handler, { reason: '申请书未写明具体的复议请求' });
    expect((await clock(c.id, 'review')).status).toBe('paused');
    // 10 working days from 09-30: 10-08, 09, 10, 11, 12 (Sat, 调休), 14, 15, 16, 17, 18.
    expect((await clock(c.id, 'correction')).dueOn).toBe('2024-10-18');
    expect(c.dueOn).toBe('2024-10-18');
    t.clock.set('2024-10-14T15:00:00+08:00');
    c = await step(c.id, c.version, 'corrected', handler);
    const review = await clock(c.id, 'review');
    expect([review.status, review.startedOn, review.dueOn]).toEqual(['running', '2024-10-14', '2024-10-21']);
    expect((await clock(c.id, 'correction')).status).toBe('stopped');
  });

  it('resumes a suspended decision period with the days that were left', async () => {
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    // 60 days from 09-27 is Tue 2024-11-26, a working day.
    expect((await clock(c.id, 'decision')).dueOn).toBe('2024-11-26');
    t.clock.set('2024-10-16T10:00:00+08:00');
    c = await step(c.id, c.version, 'suspend', handler, { reason: '案件涉及的法律适用问题需要有权机关作出解释' });
    expect(c.dueOn).toBeNull();
    t.clock.set('2024-11-15T10:00:00+08:00');
    c = await step(c.id, c.version, 'resume', handler);
    // 41 days were left on 10-16; 41 days from 11-15 is 2024-12-26 (Thu).
    expect((await clock(c.id, 'decision')).dueOn).toBe('2024-12-26');
    expect(c.dueOn).toBe('2024-12-26');
  });

  it('extends once with the approver, and refuses a second extension', async () => {
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    await expect(step(c.id, c.version, 'extend', handler, { reason: '案情复杂' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    c = await step(c.id, c.version, 'extend', approver, { reason: '案情复杂' });
    // 30 days after 2024-11-26 is 2024-12-26.
    expect((await clock(c.id, 'decision')).dueOn).toBe('2024-12-26');
    await expect(step(c.id, c.version, 'extend', approver, { reason: '再次延期' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已延长过一次') });
  });

  it('refuses a wrong state, a stale version, a failed guard, a missing reason and bad input — and writes nothing', async () => {
    let c = await open('无被申请人的申请');
    await expect(step(c.id, c.version, 'decide', handler, { data: { outcome: '维持' } })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已收件') });
    await expect(step(c.id, c.version + 1, 'accept', handler)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    await expect(step(c.id, c.version, 'accept', handler)).rejects.toMatchObject({ code: 'CONFLICT', message: '未指定被申请人' });
    await expect(step(c.id, c.version, 'requestCorrection', handler, { reason: ' ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(step(c.id, c.version, 'accept', outsider)).rejects.toMatchObject({ code: 'FORBIDDEN', message: '本案不在您的数据范围内' });
    c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    await expect(step(c.id, c.version, 'decide', handler, { data: { outcome: '随便' } })).rejects.toBeInstanceOf(AppError);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events).toHaveLength(2);
  });

  it('records every step with actor, reason, clocks and an audit row', async () => {
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    c = await step(c.id, c.version, 'decide', handler, { data: { outcome: '撤销' }, reason: '主要事实不清' });
    expect([c.state, c.terminal, c.dueOn, c.closedAt !== null]).toEqual(['decided', true, null, true]);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['open', 'accept', 'decide']);
    expect(events[2]).toMatchObject({ actorId: handler.userId, fromState: 'accepted', toState: 'decided', reason: '主要事实不清', data: { outcome: '撤销' } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['case.accept', 'case.decide', 'case.open']);
  });

  it('lets exactly one of 50 concurrent attempts decide a case', async () => {
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => step(c.id, c.version, 'decide', handler, { data: { outcome: '维持' } })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof AppError && r.reason.code === 'VERSION_CONFLICT')).toBe(true);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.filter((e) => e.action === 'decide')).toHaveLength(1);
  });

  it('offers the actions of the current state, disabled ones with the reason', async () => {
    const c = await open('无被申请人的申请');
    const actions = await t.db.transaction((tx) => availableActions(tx, deps, c.id, handler));
    expect(actions).toEqual([
      { action: 'requestCorrection', label: '通知补正', enabled: true, reasonRequired: true, minFiles: 0, fields: [] },
      { action: 'accept', label: '受理', enabled: false, reason: '未指定被申请人', reasonRequired: false, minFiles: 0, fields: [] },
    ]);
    const forOutsider = await t.db.transaction((tx) => availableActions(tx, deps, c.id, outsider));
    expect(forOutsider.every((a) => !a.enabled && a.reason === '本案不在您的数据范围内')).toBe(true);
  });

  it('lists a step in 待办 only where it is offered, refuses it earlier naming the gate, keeps the day a case was concluded', async () => {
    const actor = async (permission: string) =>
      (await loadActor(t.db, (await createUser(t.db, { orgId, roleIds: [(await createRole(t.db, { permissions: { [permission]: 'region' } })).id] })).id))!;
    const publisher = await actor('gated.publish');
    const reviewer = await actor('gated.review');
    const dates = { today: '2024-09-27', soonLimit: '2024-09-30' };
    const todo = async () => (await findTodo(t.db, publisher, { caseType: 'kernel_gated', page: 1, pageSize: 10 }, dates)).items.map((i) => i.id);
    let c = await t.db.transaction((tx) => openCase(tx, deps, { caseType: 'kernel_gated', regionCode: '430621', orgId, title: '某管理办法' }, { actor: handler, meta }));
    expect(await todo()).not.toContain(c.id);
    const buttons = async () => (await t.db.transaction((tx) => availableActions(tx, deps, c.id, publisher))).map((b) => [b.action, b.enabled]);
    expect(await buttons()).toEqual([['publish', false]]);
    await expect(step(c.id, c.version, 'publish', publisher)).rejects.toThrow('尚未完成审查，不能公布');
    c = await step(c.id, c.version, 'review', reviewer);
    expect(await todo()).toContain(c.id);
    // The panel's own step has no generic button.
    expect(await buttons()).toEqual([['publish', true]]);
    // Concluded on publication; a later correction keeps that day.
    c = await step(c.id, c.version, 'publish', publisher);
    const concluded = c.closedAt;
    t.clock.set('2024-10-15T10:00:00+08:00');
    c = await step(c.id, c.version, 'correct', publisher, { reason: '更正笔误' });
    expect([c.terminal, c.closedAt]).toEqual([true, concluded]);
  });

  it('lets an assigned user act on a case outside their data scope', async () => {
    let c = await open();
    await t.db.insert(caseAssignments).values({ caseId: c.id, userId: outsider.userId, role: 'handler', regionCode: '430621', assignedAt: t.clock.now() });
    c = await step(c.id, c.version, 'accept', outsider);
    expect(c.state).toBe('accepted');
  });

  it('computes a deadline past the published calendar on weekdays, and again once the year is entered', async () => {
    t.clock.set('2026-12-21T10:00:00+08:00');
    const c = await open('跨年案件');
    await t.db.transaction(async (tx) => {
      await startClock(tx, deps.deadlines, { regionCode: '430621', caseId: c.id }, 'reply', { unit: 'workingDays', n: 20, basis: '《政府信息公开条例》第三十三条' }, '2026-12-21');
    });
    // Monday–Friday while 2027 is unpublished: Dec 22–25, 28–31, Jan 1 (Fri), Jan 4–8, 11–15, 18.
    expect(await clock(c.id, 'reply')).toMatchObject({ dueOn: '2027-01-18', provisional: true });

    const admin = await actorWith(t, { 'calendar.manage': 'all' }, { orgId, adminKind: 'system' });
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/years/2027',
      headers: admin.headers,
      payload: { region: '000000', source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(saved.statusCode).toBe(200);
    // With 2027-01-01 a holiday the 20th working day is Jan 19; the case's next due date follows.
    expect(await clock(c.id, 'reply')).toMatchObject({ dueOn: '2027-01-19', provisional: false });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect([row!.dueOn, row!.dueProvisional]).toEqual(['2026-12-28', false]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action)).toContain('case.deadline_recomputed');
  });
});
