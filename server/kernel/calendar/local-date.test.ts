import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/clock.ts';
import { addCalendarMonths, addDays, beijingToday, daysInMonth, isLocalDate, isoWeekday } from './local-date.ts';

describe('LocalDate', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31']) expect(isLocalDate(good)).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-2-1', '2024-02-01T00:00', '', '0099-01-01', '20240201']) {
      expect(isLocalDate(bad)).toBe(false);
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('1969-12-31', 1)).toBe('1970-01-01');
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('adds months to the same-numbered day, or the month\'s last day, forwards and back', () => {
    expect(addCalendarMonths('2021-03-01', 60)).toBe('2026-03-01');
    expect(addCalendarMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2021-11-30', 3)).toBe('2022-02-28');
    expect(addCalendarMonths('2021-10-08', -33)).toBe('2019-01-08');
    expect(addCalendarMonths('2021-03-31', -1)).toBe('2021-02-28');
  });

  it('knows the weekday, 1 Monday … 7 Sunday', () => {
    expect(isoWeekday('2024-02-04')).toBe(7);
    expect(isoWeekday('2024-10-12')).toBe(6);
    expect(isoWeekday('2025-01-28')).toBe(2);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('takes today in Beijing whatever the server’s zone', () => {
    expect(beijingToday(new FakeClock('2026-01-04T16:30:00Z'))).toBe('2026-01-05');
    expect(beijingToday(new FakeClock('2026-01-04T15:59:59Z'))).toBe('2026-01-04');
  });
});
