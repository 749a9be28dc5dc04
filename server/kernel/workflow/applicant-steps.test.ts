import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadActor } from '../auth/actor.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { ensureNationalCalendar } from '../calendar/calendar.seed.ts';
import { AppError } from '../errors/app-error.ts';
import { createOrg, createRole, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { actionFields } from './action-fields.ts';
import { calendarDeadlines } from './deadlines.ts';
import { defineWorkflow, no, ok } from './define-workflow.ts';
import { availableActions, openCase, transition, type WorkflowDeps } from './transition.ts';
import { caseClocks, caseEvents } from './workflow.tables.ts';

const HearingInput = z.object({
  hearingOn: z.iso.date().meta({ title: '听证日期' }),
  kind: z.enum(['open', 'closed']).meta({ title: '听证方式', optionLabels: { open: '公开', closed: '不公开' } }),
  why: z.string().max(500).optional().meta({ title: '不公开理由', widget: 'textarea', showWhen: { field: 'kind', values: ['closed'] } }),
});

/** The kernel's applicant steps, start dates and calendar-aware guards, on a small procedure. */
defineWorkflow({
  caseType: 'kernel_applicant_demo',
  label: '申请人步骤演示',
  readPermission: 'applicantDemo.handle',
  states: { received: { label: '已收件' }, correcting: { label: '补正中' }, accepted: { label: '已受理' } },
  initial: 'received',
  initialClocks: { review: { unit: 'workingDays', n: 5, basis: '《行政复议法》第三十条' } },
  actions: {
    requestCorrection: {
      label: '通知补正',
      from: ['received'],
      to: 'correcting',
      permission: 'applicantDemo.handle',
      clocks: { stop: ['review'], start: { correction: { unit: 'workingDays', n: 10, basis: '《行政复议法》第三十一条' } } },
    },
    submitCorrection: {
      label: '提交补正材料',
      from: ['correcting'],
      to: 'received',
      permission: 'applicantDemo.handle',
      byApplicant: true,
      clocks: { stop: ['correction'], start: { review: { unit: 'workingDays', n: 5, basis: '《行政复议法》第三十条' } } },
    },
    accept: {
      label: '受理',
      from: ['received'],
      to: 'accepted',
      permission: 'applicantDemo.handle',
      record: (ctx) => ({ deemed: ctx.clocks.find((c) => c.name === 'review')!.dueOn < ctx.today }),
      // Deemed accepted: the decision period counts from the review period's last day.
      clocks: {
        start: {
          decision: (ctx) => {
            const review = ctx.clocks.find((c) => c.name === 'review')!;
            return { unit: 'days', n: 60, basis: '《行政复议法》第六十二条', from: review.dueOn < ctx.today ? review.dueOn : undefined };
          },
        },
        stop: ['review'],
      },
    },
    noticeHearing: {
      label: '通知听证',
      from: ['accepted'],
      to: 'accepted',
      permission: 'applicantDemo.handle',
      input: HearingInput,
      async guard(ctx) {
        if (!ctx.input) return ok;
        const earliest = await ctx.due(ctx.today, { unit: 'workingDays', n: 5 });
        return (ctx.input as z.infer<typeof HearingInput>).hearingOn < earliest.due ? no(`听证日期不得早于 ${earliest.due}`) : ok;
      },
    },
  },
});

describe('applicant steps, receipt dates and calendar guards', () => {
  let t: TestApp;
  let deps: WorkflowDeps;
  let handler: Actor;
  let orgId: string;
  const meta = { ip: '127.0.0.1' };

  beforeAll(async () => {
    t = await createTestApp();
    await ensureNationalCalendar(t.db);
    deps = { clock: t.clock, deadlines: calendarDeadlines(t.db) };
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
    const role = await createRole(t.db, { permissions: { 'applicantDemo.handle': 'own_org' } });
    handler = (await loadActor(t.db, (await createUser(t.db, { orgId, roleIds: [role.id] })).id))!;
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2024-10-08T10:00:00+08:00'));

  const open = (receivedOn?: string) =>
    t.db.transaction((tx) => openCase(tx, deps, { caseType: 'kernel_applicant_demo', regionCode: '430621', orgId, title: '李某邮寄的复议申请', receivedOn }, { actor: handler, meta }));
  const step = (caseId: string, version: number, action: string, actor: Actor | null, data?: unknown) =>
    t.db.transaction((tx) => transition(tx, deps, { caseId, version }, action, { actor, meta }, { data }));
  const clockOf = async (caseId: string, name: string) => (await t.db.select().from(caseClocks).where(eq(caseClocks.caseId, caseId))).find((c) => c.name === name)!;

  it('counts the initial clock from the day the mail was signed for, not the day it was registered', async () => {
    // Signed for on Fri 2024-09-27, registered after the holiday: 5 working days are 09-29 (调休), 09-30, 10-08, 10-09, 10-10.
    const c = await open('2024-09-27');
    const review = await clockOf(c.id, 'review');
    expect([review.startedOn, review.dueOn]).toEqual(['2024-09-27', '2024-10-10']);
  });

  it('refuses a receipt date after today', async () => {
    await expect(open('2024-10-09')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets the applicant (no signed-in actor) take only the steps marked for the applicant', async () => {
    let c = await open();
    await expect(step(c.id, c.version, 'requestCorrection', null)).rejects.toMatchObject({ code: 'FORBIDDEN', message: '此操作须由办案人员办理' });
    c = await step(c.id, c.version, 'requestCorrection', handler);
    t.clock.set('2024-10-12T09:00:00+08:00'); // Saturday, an adjusted working day
    c = await step(c.id, c.version, 'submitCorrection', null);
    expect(c.state).toBe('received');
    expect(c.updatedBy).toBeNull();
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.seq);
    expect(events.map((e) => [e.action, e.actorName])).toEqual([
      ['open', handler.displayName],
      ['requestCorrection', handler.displayName],
      ['submitCorrection', '申请人（网上）'],
    ]);
    // The review starts again in full on the day of the correction: 10-12 + 5 working days = 10-18.
    expect((await clockOf(c.id, 'review')).dueOn).toBe('2024-10-18');
  });

  it('starts a clock from a given day and records what the step established (deemed acceptance)', async () => {
    let c = await open('2024-09-27'); // review due 2024-10-10
    t.clock.set('2024-10-15T10:00:00+08:00');
    c = await step(c.id, c.version, 'accept', handler);
    const decision = await clockOf(c.id, 'decision');
    // 60 days from 10-10 is Mon 2024-12-09.
    expect([decision.startedOn, decision.dueOn]).toEqual(['2024-10-10', '2024-12-09']);
    // What the step established is on its history row, computed from the clocks before the step.
    const [event] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(desc(caseEvents.seq)).limit(1);
    expect([event!.action, event!.data]).toEqual(['accept', { deemed: true }]);
  });

  it('gives guards the region calendar and the console the action’s fields', async () => {
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    // 5 working days after Tue 2024-10-08: 10-09, 10-10, 10-11, 10-12 (Sat, 调休), 10-14.
    await expect(step(c.id, c.version, 'noticeHearing', handler, { hearingOn: '2024-10-12', kind: 'open' })).rejects.toThrow('听证日期不得早于 2024-10-14');
    c = await step(c.id, c.version, 'noticeHearing', handler, { hearingOn: '2024-10-14', kind: 'open' });
    expect(c.state).toBe('accepted');
    const actions = await t.db.transaction((tx) => availableActions(tx, deps, c.id, handler));
    const hearing = actions.find((a) => a.action === 'noticeHearing')!;
    expect(hearing.fields).toEqual([
      { name: 'hearingOn', label: '听证日期', type: 'date', required: true },
      { name: 'kind', label: '听证方式', type: 'select', required: true, options: [{ value: 'open', label: '公开' }, { value: 'closed', label: '不公开' }] },
      { name: 'why', label: '不公开理由', type: 'textarea', required: false, showWhen: { field: 'kind', values: ['closed'] }, max: 500 },
    ]);
  });

  it('derives no fields for an action without input, and refuses bad input with the field named', async () => {
    expect(actionFields(undefined)).toEqual([]);
    let c = await open();
    c = await step(c.id, c.version, 'accept', handler);
    const refused = await step(c.id, c.version, 'noticeHearing', handler, { hearingOn: '2024-13-01', kind: 'open' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/^通知听证的内容有误：hearingOn：/);
  });
});
