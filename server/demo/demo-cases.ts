import { beijingToday } from '../kernel/calendar/local-date.ts';
import { systemClock, type Clock } from '../kernel/clock/clock.ts';
import type { Sm4Box } from '../kernel/crypto/sm.ts';
import type { Db } from '../kernel/db/db.ts';
import { seedDemoDecisions } from './demo-decisions.ts';
import { seedDemoLitigation } from './demo-litigation.ts';
import { seedDemoNormative } from './demo-normative.ts';
import { seedDemoLegislation } from './demo-legislation.ts';
import { seedDemoReconsideration } from './demo-reconsideration.ts';
import { startReplay } from './replay.ts';
import { seedDemoEnforcementRegistry } from './demo-enforcement-registry.ts';
import { seedDemoEnforcementSupervision } from './demo-enforcement-supervision.ts';
import { seedDemoEnforcementCases } from './demo-enforcement-cases.ts';
import { seedDemoEnforcementEvaluation } from './demo-enforcement-evaluation.ts';
import { seedDemoMessages } from './demo-messages.ts';
import { seedDemoDisclosure } from './demo-disclosure.ts';
import { seedDemoProposals } from './demo-proposals.ts';
import { seedDemoDisclosureReport } from './demo-disclosure-report.ts';

/**
 * The demo county's cases, after its organisations and accounts (seedDemo) and the national calendar:
 * 2021 as the annual report states it, and the current year's open work relative to `clock`'s today.
 */
export async function seedDemoCases(db: Db, sm4: Sm4Box, clock: Clock = systemClock): Promise<void> {
  const replay = await startReplay(db, sm4);
  const today = beijingToday(clock);
  await seedDemoReconsideration(replay, today);
  await seedDemoLitigation(replay, today);
  await seedDemoDecisions(replay, today);
  await seedDemoNormative(replay, today);
  await seedDemoLegislation(replay, today);
  await seedDemoProposals(replay, today);
  await seedDemoEnforcementRegistry(replay, today);
  await seedDemoEnforcementCases(replay, today);
  await seedDemoMessages(replay, today);
  await seedDemoDisclosure(replay, today);
  // Keep last: it groups the 2021 enforcement cases seeded before it under their campaigns.
  await seedDemoEnforcementSupervision(replay);
  // 案卷评查 of the 2021 penalty cases closed above (it only reads them).
  await seedDemoEnforcementEvaluation(replay);
  // After every module whose records its figures read (规范性文件, 执法, 复议, 诉讼, 依申请公开).
  await seedDemoDisclosureReport(replay);
}
