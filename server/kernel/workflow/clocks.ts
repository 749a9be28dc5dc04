import { eq, inArray } from 'drizzle-orm';
import type { Period } from '../calendar/periods.ts';
import type { Tx } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import type { ClockRow } from './define-workflow.ts';
import { caseClocks } from './workflow.tables.ts';

/** The calendar arithmetic the clocks need (kernel/calendar), per region. */
export interface Deadlines {
  /** `via` is the open transaction: on PGlite a query beside it would wait for it forever. */
  due(via: Tx, regionCode: string, from: string, period: Period): Promise<{ due: string; provisional: boolean }>;
  /** Units of the period left between two dates: working days or calendar days after `from` up to `to`. */
  remaining(via: Tx, regionCode: string, from: string, to: string, unit: Period['unit']): Promise<number>;
}

interface ClockTarget {
  regionCode: string;
  caseId: string;
}

export async function loadClocks(tx: Tx, caseId: string): Promise<ClockRow[]> {
  return tx.select().from(caseClocks).where(eq(caseClocks.caseId, caseId)).orderBy(caseClocks.startedOn, caseClocks.name);
}

/** Starts a clock from `today`, or starts it again in full if it ran before (补正 received: 复议法 第三十一条). */
export async function startClock(tx: Tx, deadlines: Deadlines, target: ClockTarget, name: string, period: Period, today: string): Promise<void> {
  const { due, provisional } = await deadlines.due(tx, target.regionCode, today, period);
  const values = {
    unit: period.unit,
    n: period.n,
    basis: period.basis,
    startedOn: today,
    dueOn: due,
    anchorOn: today,
    anchorN: period.n,
    anchorUnit: period.unit,
    provisional,
    status: 'running' as const,
    pausedOn: null,
    extendedN: null,
    extensionUnit: null,
    extensionBasis: null,
    extensionIncluded: false,
    stoppedOn: null,
  };
  await tx
    .insert(caseClocks)
    .values({ ...target, name, ...values })
    .onConflictDoUpdate({ target: [caseClocks.caseId, caseClocks.name], set: values });
}

function find(clocks: ClockRow[], name: string): ClockRow {
  const clock = clocks.find((c) => c.name === name);
  if (!clock) throw new Error(`clock ${name} has not been started`);
  return clock;
}

/** Clocks change only under their case's row lock (transition()), so no version check of their own. */
async function save(tx: Tx, clock: ClockRow, changes: Partial<ClockRow>): Promise<void> {
  await tx
    .update(caseClocks)
    .set({ ...changes, version: clock.version + 1 })
    .where(eq(caseClocks.id, clock.id));
}

export async function restartClock(tx: Tx, deadlines: Deadlines, target: ClockTarget, clocks: ClockRow[], name: string, today: string): Promise<void> {
  const clock = find(clocks, name);
  await startClock(tx, deadlines, target, name, { unit: clock.unit as Period['unit'], n: clock.n, basis: clock.basis }, today);
}

/** 中止 / third-party consultation: the time from today until resumption does not count. */
export async function pauseClock(tx: Tx, clocks: ClockRow[], name: string, today: string): Promise<void> {
  const clock = find(clocks, name);
  if (clock.status !== 'running') return;
  await save(tx, clock, { status: 'paused', pausedOn: today });
}

/**
 * Resumes with what was left at the pause (months are counted on as the calendar days left), counted
 * from `on`: today, or the earlier day the paused time ended (never before the pause).
 */
export async function resumeClock(tx: Tx, deadlines: Deadlines, clocks: ClockRow[], name: string, on: string): Promise<void> {
  const clock = find(clocks, name);
  if (clock.status !== 'paused' || !clock.pausedOn) return;
  const today = on < clock.pausedOn ? clock.pausedOn : on;
  const unit = clock.unit === 'workingDays' ? 'workingDays' : 'days';
  const left = await deadlines.remaining(tx, clock.regionCode, clock.pausedOn, clock.dueOn, unit);
  const n = Math.max(left, 0);
  const { due, provisional } = await deadlines.due(tx, clock.regionCode, today, { unit, n, basis: clock.basis });
  await save(tx, clock, {
    status: 'running',
    pausedOn: null,
    dueOn: due,
    provisional,
    anchorOn: today,
    anchorN: n,
    anchorUnit: unit,
    extensionIncluded: clock.extendedN !== null,
  });
}

/** Extension counts from the original due date and is granted once (e.g. 复议法 第六十二条: ≤30 days). */
export async function extendClock(tx: Tx, deadlines: Deadlines, clocks: ClockRow[], name: string, period: Period): Promise<void> {
  const clock = find(clocks, name);
  if (clock.extendedN !== null) throw new AppError('CONFLICT', '该期限已延长过一次，不能再次延长');
  if (clock.status === 'stopped') throw new AppError('CONFLICT', '该期限已结束，不能延长');
  const { due, provisional } = await deadlines.due(tx, clock.regionCode, clock.dueOn, period);
  await save(tx, clock, {
    dueOn: due,
    provisional: provisional || clock.provisional,
    extendedN: period.n,
    extensionUnit: period.unit,
    extensionBasis: period.basis,
    extensionIncluded: false,
  });
}

/**
 * The due date computed again from its anchor (and the extension on top), e.g. once the calendar of a
 * year that was provisional has been published.
 */
export async function recomputeClock(tx: Tx, deadlines: Deadlines, clock: ClockRow): Promise<boolean> {
  const base = await deadlines.due(tx, clock.regionCode, clock.anchorOn, { unit: clock.anchorUnit as Period['unit'], n: clock.anchorN, basis: clock.basis });
  const extended =
    clock.extendedN !== null && !clock.extensionIncluded
      ? await deadlines.due(tx, clock.regionCode, base.due, { unit: clock.extensionUnit as Period['unit'], n: clock.extendedN, basis: clock.extensionBasis ?? clock.basis })
      : undefined;
  const dueOn = extended?.due ?? base.due;
  const provisional = base.provisional || (extended?.provisional ?? false);
  if (dueOn === clock.dueOn && provisional === clock.provisional) return false;
  await save(tx, clock, { dueOn, provisional });
  return true;
}

export async function stopClocks(tx: Tx, clocks: ClockRow[], names: string[] | 'all', today: string): Promise<void> {
  const ids = clocks.filter((c) => c.status !== 'stopped' && (names === 'all' || names.includes(c.name))).map((c) => c.id);
  if (ids.length) await tx.update(caseClocks).set({ status: 'stopped', stoppedOn: today }).where(inArray(caseClocks.id, ids));
}

/** The case's next due date: the earliest running clock's. */
export function nextDue(clocks: ClockRow[]): { dueOn: string | null; dueProvisional: boolean } {
  const running = clocks.filter((c) => c.status === 'running').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return { dueOn: running[0]?.dueOn ?? null, dueProvisional: running[0]?.provisional ?? false };
}
