import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { regions } from '../org/org.tables.ts';
import type { CalendarException } from './calendar.ts';
import { calendarDays, calendarYears, NATIONAL, type CalendarDayKind } from './calendar.tables.ts';
import type { LocalDate } from './local-date.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type CalendarDayRow = typeof calendarDays.$inferSelect;

export interface CalendarYearView extends CalendarYearRow {
  dayCount: number;
}

/** A notice covers its year and may fix days at the end of December before it (元旦 breaks). */
export const noticeRange = (year: number) => ({ from: `${year - 1}-12-01`, to: `${year}-12-31` });

/** The exception rows of these regions (national, province, prefecture, county), every year. */
export async function loadExceptionRows(db: Queryable, regionCodes: string[]): Promise<(CalendarException & { day: LocalDate })[]> {
  return db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source, regionCode: calendarDays.regionCode })
    .from(calendarDays)
    .where(inArray(calendarDays.regionCode, regionCodes));
}

/** Years whose national calendar is entered: only the State Council notice publishes a year. */
export async function loadPublishedYears(db: Queryable): Promise<number[]> {
  const rows = await db.select({ year: calendarYears.year }).from(calendarYears).where(eq(calendarYears.regionCode, NATIONAL));
  return rows.map((r) => r.year);
}

/** Entered years of these regions with their sources and how many days each notice fixes. */
export async function listYears(db: Queryable, regionCodes: string[], year?: number): Promise<CalendarYearView[]> {
  const ownDay = or(
    sql`extract(year from ${calendarDays.day}) = ${calendarYears.year}`,
    and(
      sql`${calendarDays.day} between make_date(${calendarYears.year} - 1, 12, 1) and make_date(${calendarYears.year} - 1, 12, 31)`,
      eq(calendarDays.source, calendarYears.source),
    ),
  );
  return db
    .select({
      regionCode: calendarYears.regionCode,
      year: calendarYears.year,
      source: calendarYears.source,
      publishedOn: calendarYears.publishedOn,
      version: calendarYears.version,
      updatedAt: calendarYears.updatedAt,
      updatedBy: calendarYears.updatedBy,
      dayCount: sql<number>`count(${calendarDays.day})::int`,
    })
    .from(calendarYears)
    .leftJoin(calendarDays, and(eq(calendarDays.regionCode, calendarYears.regionCode), ownDay))
    .where(and(inArray(calendarYears.regionCode, regionCodes), year === undefined ? undefined : eq(calendarYears.year, year)))
    .groupBy(calendarYears.regionCode, calendarYears.year)
    .orderBy(sql`${calendarYears.year} desc`, asc(calendarYears.regionCode));
}

export async function findYear(db: Queryable, regionCode: string, year: number, lock = false): Promise<CalendarYearRow | undefined> {
  const query = db
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.regionCode, regionCode), eq(calendarYears.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The days one notice fixed: those of its year, and December days before it that name it as source. */
export async function listNoticeDays(db: Queryable, regionCode: string, year: number, source: string | undefined): Promise<CalendarDayRow[]> {
  const { from, to } = noticeRange(year);
  return db
    .select()
    .from(calendarDays)
    .where(
      and(
        eq(calendarDays.regionCode, regionCode),
        gte(calendarDays.day, from),
        lte(calendarDays.day, to),
        or(gte(calendarDays.day, `${year}-01-01`), source === undefined ? sql`false` : eq(calendarDays.source, source)),
      ),
    )
    .orderBy(asc(calendarDays.day));
}

/** Rows of these regions dated within [from, to]. */
export async function listDaysBetween(db: Queryable, regionCodes: string[], from: LocalDate, to: LocalDate): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDays)
    .where(and(inArray(calendarDays.regionCode, regionCodes), gte(calendarDays.day, from), lte(calendarDays.day, to)))
    .orderBy(asc(calendarDays.day), asc(calendarDays.regionCode));
}

export interface NoticeDay {
  day: LocalDate;
  kind: CalendarDayKind;
  name: string;
  source: string;
}

/** Replaces one notice's days: deletes what the notice fixed before (see listNoticeDays), inserts the new set. */
export async function replaceNoticeDays(
  tx: Queryable,
  regionCode: string,
  year: number,
  previousSource: string | undefined,
  days: NoticeDay[],
  by: { at: Date; userId: string | null },
): Promise<void> {
  const { from, to } = noticeRange(year);
  await tx
    .delete(calendarDays)
    .where(
      and(
        eq(calendarDays.regionCode, regionCode),
        gte(calendarDays.day, from),
        lte(calendarDays.day, to),
        or(gte(calendarDays.day, `${year}-01-01`), previousSource === undefined ? sql`false` : eq(calendarDays.source, previousSource)),
      ),
    );
  if (!days.length) return;
  await tx
    .insert(calendarDays)
    .values(days.map((d) => ({ regionCode, ...d, createdAt: by.at, createdBy: by.userId })))
    // A December day another notice already fixed is taken over by this one.
    .onConflictDoUpdate({
      target: [calendarDays.regionCode, calendarDays.day],
      set: { kind: sql`excluded.kind`, name: sql`excluded.name`, source: sql`excluded.source`, createdAt: sql`excluded.created_at`, createdBy: sql`excluded.created_by` },
    });
}

export async function insertYear(
  tx: Queryable,
  row: { regionCode: string; year: number; source: string; publishedOn: string | null; at: Date; userId: string | null },
): Promise<CalendarYearRow | undefined> {
  const [inserted] = await tx
    .insert(calendarYears)
    .values({ regionCode: row.regionCode, year: row.year, source: row.source, publishedOn: row.publishedOn, updatedAt: row.at, updatedBy: row.userId })
    .onConflictDoNothing()
    .returning();
  return inserted;
}

/** Optimistic lock: undefined when the version moved on. */
export async function updateYear(
  tx: Queryable,
  row: { regionCode: string; year: number; version: number; source: string; publishedOn: string | null; at: Date; userId: string | null },
): Promise<CalendarYearRow | undefined> {
  const [updated] = await tx
    .update(calendarYears)
    .set({ source: row.source, publishedOn: row.publishedOn, version: sql`${calendarYears.version} + 1`, updatedAt: row.at, updatedBy: row.userId })
    .where(and(eq(calendarYears.regionCode, row.regionCode), eq(calendarYears.year, row.year), eq(calendarYears.version, row.version)))
    .returning();
  return updated;
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return rows.length > 0;
}

/**
 * Seeds national notices: inserts the year rows not yet present and the days of exactly those years,
 * so that a year an administrator has entered or corrected is never overwritten. Two statements.
 */
export async function insertNationalNotices(
  tx: Queryable,
  notices: { year: number; source: string; publishedOn: string | null; days: NoticeDay[] }[],
): Promise<number[]> {
  if (!notices.length) return [];
  const inserted = await tx
    .insert(calendarYears)
    .values(notices.map((n) => ({ regionCode: NATIONAL, year: n.year, source: n.source, publishedOn: n.publishedOn })))
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  const years = new Set(inserted.map((r) => r.year));
  const days = notices.filter((n) => years.has(n.year)).flatMap((n) => n.days.map((d) => ({ regionCode: NATIONAL, ...d })));
  if (days.length) await tx.insert(calendarDays).values(days).onConflictDoNothing();
  return [...years].sort();
}
