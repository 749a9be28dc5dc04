import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../kernel/auth/actor.repository.ts';
import { users } from '../kernel/auth/auth.tables.ts';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import { Sm4Box } from '../kernel/crypto/sm.ts';
import { findFigure, type IndicatorDef, type IndicatorScope, type RatioDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../kernel/indicators/indicators.repository.ts';
import { findTodo } from '../kernel/workflow/todo.repository.ts';
import { moduleRoleGrants, seedDemo } from '../startup.ts';
import { ensureBuiltinRoles } from '../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../kernel/calendar/calendar.seed.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { seedDemoCases } from './demo-cases.ts';

const TODAY = '2026-11-26';
const year = (y: number): IndicatorScope => ({ regionCode: '430621', period: { from: `${y}-01-01`, to: `${y}-12-31` }, today: TODAY });

describe('the demo county’s cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(`${TODAY}T09:00:00+08:00`);
    await ensureBuiltinRoles(t.db, moduleRoleGrants());
    await ensureNationalCalendar(t.db);
    await seedDemo(t.db, t.clock);
    await seedDemoCases(t.db, new Sm4Box(Buffer.alloc(32, 7)), t.clock);
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
