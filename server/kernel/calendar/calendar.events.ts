import type { Db } from '../db/db.ts';
import { invalidateCalendar } from './calendar.service.ts';

/** A region's calendar for a year was entered or changed (committed). */
export interface CalendarChange {
  db: Db;
  regionCode: string;
  year: number;
  /** When it was entered (the app's clock). */
  at: Date;
}

export type CalendarListener = (change: CalendarChange) => void | Promise<void>;

const listeners = new Set<CalendarListener>();

/**
 * Subscribes to calendar changes, e.g. the workflow kernel recomputing open deadlines (provisional ones
 * in particular) of the region and year. Returns the unsubscribe function.
 */
export function onCalendarChanged(listener: CalendarListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Called after the change has committed: drops the cached calendars first, so that listeners compute
 * on the new one, then runs every listener. A failing listener does not stop the others (the change
 * itself stands); the failures are returned for the caller to log.
 */
export async function emitCalendarChanged(change: CalendarChange): Promise<unknown[]> {
  invalidateCalendar(change.db);
  const failures: unknown[] = [];
  for (const listener of listeners) {
    try {
      await listener(change);
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}
