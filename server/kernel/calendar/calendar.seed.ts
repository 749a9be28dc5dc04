import { systemClock, type Clock } from '../clock/clock.ts';
import { readFile } from 'node:fs/promises';
import type { Db } from '../db/db.ts';
import { emitCalendarChanged } from './calendar.events.ts';
import { insertNationalNotices, loadPublishedYears } from './calendar.repository.ts';
import { NATIONAL, type CalendarDayKind } from './calendar.tables.ts';

/** The shape of cn-holidays.json (written by scripts/vendor-holidays.ts). */
export interface VendoredDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
  /** When a separate notice fixed this day (the 2020 extension of the Spring Festival, …). */
  source?: string;
}

export interface VendoredNotice {
  year: number;
  source: string;
  publishedOn: string | null;
  days: VendoredDay[];
}

export interface VendoredCalendar {
  description: string;
  generatedFrom: string;
  notices: VendoredNotice[];
}

const dataFile = new URL('./cn-holidays.json', import.meta.url);

export async function loadVendoredCalendar(): Promise<VendoredCalendar> {
  return JSON.parse(await readFile(dataFile, 'utf8')) as VendoredCalendar;
}

/**
 * Loads the vendored State Council notices (2004 onwards) into the national calendar, for the years
 * not yet entered. Idempotent and safe when several servers start together; years an administrator
 * has entered are left as they are. Returns the years it added.
 */
export async function ensureNationalCalendar(db: Db, clock: Clock = systemClock): Promise<number[]> {
  const data = await loadVendoredCalendar();
  const present = new Set(await loadPublishedYears(db));
  const missing = data.notices.filter((n) => !present.has(n.year));
  if (!missing.length) return [];
  const added = await db.transaction((tx) =>
    insertNationalNotices(
      tx,
      missing.map((n) => ({ ...n, days: n.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, source: d.source ?? n.source })) })),
    ),
  );
  // A new year ends the provisional status of deadlines that reach into it.
  const failures: unknown[] = [];
  for (const year of added) failures.push(...(await emitCalendarChanged({ db, regionCode: NATIONAL, year, at: clock.now() })));
  if (failures.length) throw new AggregateError(failures, 'recomputing deadlines after the calendar was seeded failed');
  return added;
}
