import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import type { CalendarChange } from '../calendar/calendar.events.ts';
import { NATIONAL } from '../calendar/calendar.tables.ts';
import type { Db } from '../db/db.ts';
import { loadClocks, nextDue, recomputeClock, type Deadlines } from './clocks.ts';
import { calendarDeadlines } from './deadlines.ts';
import { caseClocks, cases } from './workflow.tables.ts';

/** The regions a calendar row applies to: national → all; 430000 → 43xxxx; 430600 → 4306xx. */
function regionPrefix(regionCode: string): string {
  return regionCode === NATIONAL ? '' : regionCode.replace(/(00)+$/, '');
}

/**
 * After a year's calendar is entered, the provisional deadlines of the regions it applies to are
 * computed again on the published calendar — one case at a time, under the case's row lock, so a
 * concurrent transition sees either the old or the new dates, never a mixture.
 */
export async function recomputeProvisionalDeadlines(db: Db, regionCode: string, at: Date, deadlines: Deadlines = calendarDeadlines(db)): Promise<number> {
  const candidates = await db
    .selectDistinct({ caseId: caseClocks.caseId })
    .from(caseClocks)
    .where(and(eq(caseClocks.status, 'running'), eq(caseClocks.provisional, true), sql`${caseClocks.regionCode} like ${regionPrefix(regionCode) + '%'}`));
  let changed = 0;
  for (const { caseId } of candidates) {
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
      if (!locked || locked.terminal) return;
      const clocks = await loadClocks(tx, caseId);
      const before = clocks.filter((c) => c.status === 'running' && c.provisional).map((c) => ({ name: c.name, dueOn: c.dueOn }));
      let any = false;
      for (const clock of clocks) if (clock.status === 'running' && clock.provisional) any = (await recomputeClock(tx, deadlines, clock)) || any;
      if (!any) return;
      const after = await loadClocks(tx, caseId);
      await tx.update(cases).set(nextDue(after)).where(eq(cases.id, caseId));
      await writeAudit(tx, at, { actor: null, meta: {}, actorName: 'system' }, {
        action: 'case.deadline_recomputed',
        entityType: locked.caseType,
        entityId: caseId,
        regionCode: locked.regionCode,
        orgId: locked.orgId,
        before,
        after: after.filter((c) => before.some((b) => b.name === c.name)).map((c) => ({ name: c.name, dueOn: c.dueOn, provisional: c.provisional })),
      });
      changed++;
    });
  }
  return changed;
}

/** The calendar's change hook (kernel/calendar) → recomputation; registered once by the app. */
export const recomputeOnCalendarChange = async (change: CalendarChange): Promise<void> => {
  await recomputeProvisionalDeadlines(change.db, change.regionCode, change.at);
};
