import { ensureBuiltinRoles, mergeRoleGrants } from './kernel/auth/builtin-roles.ts';
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
import { enforcementSupervisionRoleGrants } from './modules/enforcement-supervision/index.ts';
import { enforcementRoleGrants } from './modules/enforcement/index.ts';
import { enforcementCasesRoleGrants } from './modules/enforcement-cases/index.ts';
import { disclosureRoleGrants } from './modules/disclosure/index.ts';
import { messagesRoleGrants } from './modules/messages/index.ts';
import { proposalsRoleGrants } from './modules/proposals/index.ts';
import { disclosureReportRoleGrants } from './modules/disclosure-report/index.ts';

export { DEMO_PASSWORD, demoAccounts, hasAnyOrganisation, seedDemo } from './demo/seed-demo.ts';

/** The demo county: organisations and accounts, then its cases (2021 as reported, today's open work). */
export async function loadDemo(db: Db, sm4Key: Buffer): Promise<void> {
  await seedDemo(db);
  await seedDemoCases(db, new Sm4Box(sm4Key));
}

/** Every module's grants to the built-in roles. */
export const moduleRoleGrants = () => mergeRoleGrants(calendarRoleGrants, statisticsRoleGrants, reconsiderationRoleGrants, litigationRoleGrants, normativeRoleGrants, decisionsRoleGrants, legalityRoleGrants, meetingsRoleGrants, consultationRoleGrants, legislationRoleGrants, enforcementRoleGrants, enforcementSupervisionRoleGrants, enforcementCasesRoleGrants, disclosureRoleGrants, proposalsRoleGrants, messagesRoleGrants, disclosureReportRoleGrants);

/** What every start does to the database before serving: migrations, built-in roles, the national calendar. */
export async function prepare(config: AppConfig, database: Database): Promise<void> {
  await migrate(database, config.databaseUrl);
  await ensureBuiltinRoles(database.db, moduleRoleGrants());
  await ensureNationalCalendar(database.db);
}
