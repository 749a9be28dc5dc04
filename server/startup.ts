import type { DataScope } from './kernel/auth/auth.tables.ts';
import { ensureBuiltinRoles, type BuiltinRoleCode } from './kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from './kernel/calendar/calendar.seed.ts';
import type { AppConfig } from './kernel/config/config.ts';
import type { Database, Db } from './kernel/db/db.ts';
import { Sm4Box } from './kernel/crypto/sm.ts';
import { seedDemoCases } from './demo/demo-cases.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { migrate } from './kernel/db/migrate.ts';
import { calendarRoleGrants } from './modules/calendar/index.ts';
import { statisticsRoleGrants } from './modules/statistics/index.ts';
import { reconsiderationRoleGrants } from './modules/reconsideration/index.ts';
import { litigationRoleGrants } from './modules/litigation/index.ts';
import { normativeRoleGrants } from './modules/normative/index.ts';
import { decisionsRoleGrants } from './modules/decisions/index.ts';
import { legalityRoleGrants } from './modules/legality/index.ts';
import { meetingsRoleGrants } from './modules/meetings/index.ts';
import { consultationRoleGrants } from './modules/consultation/index.ts';
import { legislationRoleGrants } from './modules/legislation/index.ts';

export { DEMO_PASSWORD, demoAccounts, hasAnyOrganisation, seedDemo } from './demo/seed-demo.ts';

/** The demo county: organisations and accounts, then its cases (2021 as reported, today's open work). */
export async function loadDemo(db: Db, sm4Key: Buffer): Promise<void> {
  await seedDemo(db);
  await seedDemoCases(db, new Sm4Box(sm4Key));
}

/** Modules' grants to the built-in roles, merged per role. */
function mergeGrants(...sets: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>>[]): Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> {
  const merged: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {};
  for (const set of sets) for (const [role, grants] of Object.entries(set) as [BuiltinRoleCode, Record<string, DataScope>][]) merged[role] = { ...merged[role], ...grants };
  return merged;
}

/** Every module's grants to the built-in roles. */
export const moduleRoleGrants = () => mergeGrants(calendarRoleGrants, statisticsRoleGrants, reconsiderationRoleGrants, litigationRoleGrants, normativeRoleGrants, decisionsRoleGrants, legalityRoleGrants, meetingsRoleGrants, consultationRoleGrants, legislationRoleGrants);

/** What every start does to the database before serving: migrations, built-in roles, the national calendar. */
export async function prepare(config: AppConfig, database: Database): Promise<void> {
  await migrate(database, config.databaseUrl);
  await ensureBuiltinRoles(database.db, moduleRoleGrants());
  await ensureNationalCalendar(database.db);
}
