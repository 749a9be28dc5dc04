import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../kernel/auth/auth.tables.ts';
import { caseEvents, cases } from '../kernel/workflow/workflow.tables.ts';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { findFigure, type IndicatorDef, type RatioDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../kernel/indicators/indicators.repository.ts';
import { signIn } from '../test/factories.ts';
import type { TestApp } from '../test/harness.ts';
import { DEMO_MESSAGES_2021, seedDemoMessages } from './demo-messages.ts';
import { createDemoApp, DEMO_TODAY, demoSm4, demoYear } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

describe('the demo county’s 网民诉求 and 网上调查', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    const replay = await startReplay(t.db, demoSm4());
    await seedDemoMessages(replay, DEMO_TODAY);
  }, 300_000);
  afterAll(() => t.close());

  const y2021 = demoYear(2021);
  const total = async (code: string, cell: Record<string, string> = {}) =>
    (await computeIndicator(t.db, findFigure(code) as IndicatorDef, y2021)).cells.filter((c) => Object.entries(cell).every(([k, v]) => c.cell[k] === v)).reduce((n, c) => n + c.value, 0);

  it('reproduces 2021: 693 messages answered, most on time, rated with a spread, over every channel', async () => {
    expect(await total('messages.replied')).toBe(DEMO_MESSAGES_2021);
    expect(await total('messages.received')).toBe(DEMO_MESSAGES_2021);
    const late = await total('messages.replied', { timeliness: 'late' });
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(DEMO_MESSAGES_2021 * 0.1);
    for (const channel of ['portal', 'hotline', 'mailbox', 'other']) expect(await total('messages.replied', { channel })).toBeGreaterThan(30);
    for (const satisfaction of ['satisfied', 'basic', 'unsatisfied']) expect(await total('messages.rated', { satisfaction })).toBeGreaterThan(0);
    const rate = await computeRatio(t.db, findFigure('messages.satisfactionRate') as RatioDef, y2021);
    expect(rate.value).toBeGreaterThan(90);
    expect(rate.value).toBeLessThan(100);
    expect(await total('messages.overdue')).toBe(0);
    const events = await t.db.select({ action: caseEvents.action, actorName: caseEvents.actorName }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(eq(cases.caseType, 'citizen_message'));
    expect(events.filter((e) => e.action === 'reply')).toHaveLength(DEMO_MESSAGES_2021 + 1);
    expect(events.filter((e) => e.action === 'rate').every((e) => e.actorName === '申请人（网上）')).toBe(true);
  });

  it('ran 6 online surveys in 2021, with their answers counted', async () => {
    expect(await total('messages.surveys')).toBe(6);
    expect(await total('messages.surveyResponses')).toBe(120 + 86 + 64 + 95 + 48 + 72);
  });

  it('leaves today’s open messages in the 待办 with red and yellow marks, and the audit chain intact', async () => {
    // Demo accounts must change their password first; these requests stand for a user who did.
    await t.db.update(users).set({ mustChangePassword: false });
    const [scj] = await t.db.select().from(users).where(eq(users.username, 'scj'));
    const todo = await t.app.inject({ method: 'GET', url: '/api/todo?caseType=citizen_message', headers: (await signIn(t, scj!.id)).headers });
    expect(todo.statusCode, todo.body).toBe(200);
    expect(todo.json().items.map((i: { mark: string | null }) => i.mark).sort()).toEqual(['dueSoon', 'overdue']);
    const [sfj] = await t.db.select().from(users).where(eq(users.username, 'sfj'));
    const published = await t.app.inject({ method: 'GET', url: '/api/messages?toPublish=true', headers: (await signIn(t, sfj!.id)).headers });
    expect(published.json().total).toBe(1);
    const portal = await t.app.inject({ method: 'GET', url: '/api/public/messages?region=430621&pageSize=1' });
    expect(portal.json().total).toBeGreaterThan(100);
    expect(portal.body).not.toMatch(/网民\d|139\d{8}/);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
