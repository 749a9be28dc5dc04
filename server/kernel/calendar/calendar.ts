import { NATIONAL, type CalendarDayKind } from './calendar.tables.ts';
import { addCalendarMonths, dayNumber, fromDayNumber, isoWeekday, yearOf, type LocalDate } from './local-date.ts';

/** One exception to the Monday–Friday week, and where it came from. */
export interface CalendarException {
  kind: CalendarDayKind;
  name: string;
  source: string;
  regionCode: string;
}

/**
 * What the arithmetic needs, loaded once per region: the national exceptions with the region's own
 * (and its prefecture's and province's) applied on top, and the years whose national calendar is
 * published.
 */
export interface CalendarData {
  regionCode: string;
  exceptions: ReadonlyMap<LocalDate, CalendarException>;
  publishedYears: ReadonlySet<number>;
}

/** A deadline; provisional when it was computed over a year without a published calendar. */
export interface Deadline {
  due: LocalDate;
  provisional: boolean;
}

export interface DayInfo {
  day: LocalDate;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  workingDay: boolean;
  exception: CalendarException | null;
  /** The day's year has no published calendar: the answer assumes Monday–Friday. */
  provisional: boolean;
}

/** National first, then province (xx0000), prefecture (xxxx00), county: a nearer region's row wins. */
export function regionChain(regionCode: string): string[] {
  const chain = [NATIONAL, `${regionCode.slice(0, 2)}0000`, `${regionCode.slice(0, 4)}00`, regionCode];
  return [...new Set(chain)];
}

/** For each day, the row of the nearest region: county over prefecture over province over national. */
export function nearestRows<T extends { day: LocalDate; regionCode: string }>(regionCode: string, rows: readonly T[]): T[] {
  const rank = new Map(regionChain(regionCode).map((code, index) => [code, index]));
  const byDay = new Map<LocalDate, T>();
  for (const row of rows) {
    const nearness = rank.get(row.regionCode);
    if (nearness === undefined) continue;
    const current = byDay.get(row.day);
    if (!current || rank.get(current.regionCode)! < nearness) byDay.set(row.day, row);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export function buildCalendarData(
  regionCode: string,
  rows: readonly (CalendarException & { day: LocalDate })[],
  publishedYears: Iterable<number>,
): CalendarData {
  const exceptions = new Map<LocalDate, CalendarException>();
  for (const { day, ...exception } of nearestRows(regionCode, rows)) exceptions.set(day, exception);
  return { regionCode, exceptions, publishedYears: new Set(publishedYears) };
}

/** Walks day numbers and remembers whether it consulted an unpublished year. */
class Walk {
  provisional = false;

  constructor(private readonly data: CalendarData) {}

  isWorking(n: number): boolean {
    const day = fromDayNumber(n);
    if (!this.data.publishedYears.has(yearOf(day))) this.provisional = true;
    return workingOn(this.data, day, n);
  }

  /** 民事诉讼法 (2023) art. 85 ¶3: a last day on a 法定休假日 moves to the first day after it. */
  rollForward(n: number): Deadline {
    let due = n;
    while (!this.isWorking(due)) due += 1;
    return { due: fromDayNumber(due), provisional: this.provisional };
  }
}

function workingOn(data: CalendarData, day: LocalDate, n: number): boolean {
  const exception = data.exceptions.get(day);
  if (exception) return exception.kind === 'workday';
  const weekday = ((((n + 3) % 7) + 7) % 7) + 1;
  return weekday <= 5;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`period length must be a non-negative integer: ${n}`);
}

/** A 调休 Saturday is a working day; a weekday inside a holiday break is not. */
export function isWorkingDay(data: CalendarData, day: LocalDate): boolean {
  return workingOn(data, day, dayNumber(day));
}

export function dayInfo(data: CalendarData, day: LocalDate): DayInfo {
  return {
    day,
    weekday: isoWeekday(day),
    workingDay: isWorkingDay(data, day),
    exception: data.exceptions.get(day) ?? null,
    provisional: !data.publishedYears.has(yearOf(day)),
  };
}

/**
 * The n-th working day after `from`; the start day is not counted (复议法 art. 88, 处罚法 art. 85,
 * 政府信息公开条例: "N个工作日内" counted from the day after receipt).
 */
export function addWorkingDays(data: CalendarData, from: LocalDate, n: number): Deadline {
  assertCount(n);
  const walk = new Walk(data);
  let day = dayNumber(from);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (walk.isWorking(day)) counted += 1;
  }
  return { due: fromDayNumber(day), provisional: walk.provisional };
}

/**
 * N calendar days after `from` (民事诉讼法 (2023) art. 85: the start day is excluded); a last day on
 * a 法定休假日 — a holiday, or a weekend that is not a 调休 working day — moves to the next working day.
 */
export function addCalendarDays(data: CalendarData, from: LocalDate, n: number): Deadline {
  assertCount(n);
  return new Walk(data).rollForward(dayNumber(from) + n);
}

/**
 * N months after `from`: the same-numbered day of the month n months on, or that month's last day if
 * it has none (民法典 art. 202), then rolled forward off a 法定休假日 as calendar days are.
 */
export function addMonths(data: CalendarData, from: LocalDate, n: number): Deadline {
  assertCount(n);
  return new Walk(data).rollForward(dayNumber(addCalendarMonths(from, n)));
}
