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
}
