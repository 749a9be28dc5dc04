import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../kernel/auth/actor.repository.ts';
import { users } from '../kernel/auth/auth.tables.ts';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import { findFigure, type IndicatorDef, type IndicatorScope, type RatioDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../kernel/indicators/indicators.repository.ts';
import { findTodo } from '../kernel/workflow/todo.repository.ts';
import { seedDemoCases } from './demo-cases.ts';
import { createDemoApp, demoSm4, demoYear as year, DEMO_TODAY as TODAY } from './demo.test-helpers.ts';
import type { TestApp } from '../test/harness.ts';


describe('the demo county’s cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoCases(t.db, demoSm4(), t.clock);
  }, 240_000);
  afterAll(() => t.close());

  const indicator = (code: string, scope: IndicatorScope) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
  const cells = async (code: string, scope: IndicatorScope, key: string) =>
    Object.fromEntries((await indicator(code, scope)).cells.map((c) => [c.cell[key], c.value]).filter(([, v]) => v));

  it('reproduces the 2021 report’s reconsideration figures, and the four outcomes it leaves out', async () => {
    expect((await indicator('reconsideration.received', year(2021))).total).toBe(37);
    expect((await indicator('reconsideration.concluded', year(2021))).total).toBe(27);
    expect(await cells('reconsideration.concluded', year(2021), 'outcome')).toEqual({
      revoke: 13,
      maintain: 5,
      terminated: 4,
      withdrawn: 1,
      confirmIllegal: 2,
      orderPerform: 1,
      rejectClaims: 1,
    });
    // Carried into 2022 and concluded there.
    expect((await indicator('reconsideration.concluded', year(2022))).total).toBe(10);
  });

  it('reproduces the 2021 report’s litigation figures, with the head at every hearing', async () => {
    expect((await indicator('litigation.cases', year(2021))).total).toBe(8);
    expect(await cells('litigation.concluded', year(2021), 'outcome')).toEqual({ dismissSuit: 2, rejectClaims: 2, withdrawn: 1 });
    const rate = await computeRatio(t.db, findFigure('litigation.headAppearanceRate') as RatioDef, year(2021));
    expect(rate).toMatchObject({ numerator: 4, denominator: 4, value: 100 });
  });

  it('leaves today’s 待办 with yellow and red deadlines for the reconsideration officer and the defendants', async () => {
    const soon = await calendarService(t.db).due('430621', TODAY, { unit: 'workingDays', n: 3 });
    const dates = { today: TODAY, soonLimit: soon.due };
    const marksOf = async (username: string) => {
      const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      const actor = (await loadActor(t.db, user!.id))!;
      const { items } = await findTodo(t.db, actor, { page: 1, pageSize: 100 }, dates);
      return items.map((i) => i.mark);
    };
    const officer = await marksOf('fuyi');
    expect(officer).toContain('overdue');
    expect(officer).toContain('dueSoon');
    expect(await marksOf('scj')).toContain('dueSoon');
  });

  it('keeps the audit chain intact through the replayed history', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
