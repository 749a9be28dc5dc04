import type { Clock } from '../clock/clock.ts';

/**
 * A calendar date in Beijing, 'YYYY-MM-DD'. Arithmetic runs on day numbers (days since 1970-01-01)
 * computed in UTC, so the host's time zone and daylight saving can never shift a date.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid date, or undefined for anything else ('2024-02-30', '2024-2-1', …). */
export function tryDayNumber(value: string): number | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC maps years 0–99 to 1900–1999; no deadline lives before year 1000 anyway.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isLocalDate(value: string): boolean {
  return tryDayNumber(value) !== undefined;
}

export function dayNumber(date: LocalDate): number {
  const n = tryDayNumber(date);
  if (n === undefined) throw new RangeError(`not a date: ${date}`);
  return n;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: LocalDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));
export const monthOf = (date: LocalDate): number => Number(date.slice(5, 7));
export const dayOfMonth = (date: LocalDate): number => Number(date.slice(8, 10));

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The same-numbered day `months` later (earlier when negative), or that month's last day if it has
 * none (民法典 art. 202): 2021-01-31 + 1 → 2021-02-28. No rolling off holidays: see calendar addMonths.
 */
export function addCalendarMonths(from: LocalDate, months: number): LocalDate {
  const total = yearOf(from) * 12 + (monthOf(from) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return makeDate(year, month, Math.min(dayOfMonth(from), daysInMonth(year, month)));
}

/** Today in Beijing (UTC+8, no daylight saving) by the injected clock. */
export function beijingToday(clock: Clock): LocalDate {
  return new Date(clock.now().getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
