import { ensureBuiltinRoles } from '../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../kernel/calendar/calendar.seed.ts';
import { Sm4Box } from '../kernel/crypto/sm.ts';
import type { IndicatorScope } from '../kernel/indicators/define-indicator.ts';
import { moduleRoleGrants, seedDemo } from '../startup.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

/** The day the demo tests stand on: the demo's current-year work is laid out relative to it. */
export const DEMO_TODAY = '2026-11-26';

/** One year of the demo county, for its indicators. */
export const demoYear = (y: number): IndicatorScope => ({ regionCode: '430621', period: { from: `${y}-01-01`, to: `${y}-12-31` }, today: DEMO_TODAY });

export const demoSm4 = () => new Sm4Box(Buffer.alloc(32, 7));

/** The app on DEMO_TODAY with the demo county's organisations, accounts and calendar, before any module's records. */
export async function createDemoApp(): Promise<TestApp> {
  const t = await createTestApp();
  t.clock.set(`${DEMO_TODAY}T09:00:00+08:00`);
  await ensureBuiltinRoles(t.db, moduleRoleGrants());
  await ensureNationalCalendar(t.db);
  await seedDemo(t.db, t.clock);
  return t;
}
