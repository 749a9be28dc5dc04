import type { Db, Queryable } from '../db/db.ts';
import { buildCalendarData, dayInfo, isWorkingDay, regionChain, type CalendarData, type DayInfo, type Deadline } from './calendar.ts';
import { loadExceptionRows, loadPublishedYears } from './calendar.repository.ts';
import type { LocalDate } from './local-date.ts';
import { due, type Period } from './periods.ts';

/**
 * A change entered through another server process reaches this one's cache at the latest after this
 * long; changes made in this process invalidate it at once (calendar.events.ts).
 */
const CACHE_TTL_MS = 60_000;

/**
 * The calendar of each region, loaded once and cached (a few hundred rows per region).
 *
 * Inside a transaction pass it as `via`: PGlite has one connection, so a query outside the open
 * transaction would wait for that transaction to end, which is waiting for the query.
 */
export class CalendarService {
  private readonly cache = new Map<string, { loadedAt: number; data: Promise<CalendarData> }>();

  constructor(private readonly db: Db) {}

  snapshot(regionCode: string, via: Queryable = this.db): Promise<CalendarData> {
    const cached = this.cache.get(regionCode);
    if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.data;
    const data = this.load(regionCode, via);
    this.cache.set(regionCode, { loadedAt: Date.now(), data });
    // A failed load must not stay cached.
    data.catch(() => {
      if (this.cache.get(regionCode)?.data === data) this.cache.delete(regionCode);
    });
    return data;
  }

  async due(regionCode: string, from: LocalDate, period: Pick<Period, 'unit' | 'n'>, via?: Queryable): Promise<Deadline> {
    return due(await this.snapshot(regionCode, via), from, period);
  }

  async isWorkingDay(regionCode: string, day: LocalDate, via?: Queryable): Promise<boolean> {
    return isWorkingDay(await this.snapshot(regionCode, via), day);
  }

  async dayInfo(regionCode: string, day: LocalDate, via?: Queryable): Promise<DayInfo> {
    return dayInfo(await this.snapshot(regionCode, via), day);
  }

  invalidate(): void {
    this.cache.clear();
  }

  private async load(regionCode: string, via: Queryable): Promise<CalendarData> {
    // One after the other: a transaction runs one statement at a time.
    const rows = await loadExceptionRows(via, regionChain(regionCode));
    const years = await loadPublishedYears(via);
    return buildCalendarData(regionCode, rows, years);
  }
}

const services = new WeakMap<Db, CalendarService>();

/** The calendar of a database (one per process and database). */
export function calendarService(db: Db): CalendarService {
  let service = services.get(db);
  if (!service) {
    service = new CalendarService(db);
    services.set(db, service);
  }
  return service;
}

/** Drops every cached region of this database (a national change affects them all). */
export function invalidateCalendar(db: Db): void {
  services.get(db)?.invalidate();
}
