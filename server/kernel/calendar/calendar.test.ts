import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  buildCalendarData,
  dayInfo,
  isWorkingDay,
  regionChain,
  type CalendarData,
  type CalendarException,
} from './calendar.ts';
import { loadVendoredCalendar, type VendoredCalendar } from './calendar.seed.ts';
import { NATIONAL } from './calendar.tables.ts';
import { due, P, statutoryPeriods } from './periods.ts';

/** The vendored national calendar, exactly as the server seeds it, plus any regional rows. */
function calendarOf(vendored: VendoredCalendar, regionCode = '430621', extra: (CalendarException & { day: string })[] = []): CalendarData {
  const rows = vendored.notices.flatMap((n) => n.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, source: d.source ?? n.source, regionCode: NATIONAL })));
  return buildCalendarData(regionCode, [...rows, ...extra], vendored.notices.map((n) => n.year));
}

let vendored: VendoredCalendar;
let cal: CalendarData;
beforeAll(async () => {
  vendored = await loadVendoredCalendar();
  cal = calendarOf(vendored);
});

describe('vendored national calendar', () => {
  it('covers every year from 2004 to 2026 with its notice', () => {
    expect(vendored.notices.map((n) => n.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(vendored.notices.find((n) => n.year === 2025)!.source).toBe('国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
  });

  it('keeps make-up days as working days and swapped rest days as holidays (chinese-days "in lieu" pitfall)', () => {
    // 2024: 2月4日（星期日）、10月12日（星期六）上班; 10月1日至7日放假, of which 10-04 and 10-07 are swapped rest days.
    expect(isWorkingDay(cal, '2024-02-04')).toBe(true);
    expect(isWorkingDay(cal, '2024-10-12')).toBe(true);
    for (const day of ['2024-10-01', '2024-10-04', '2024-10-07']) expect(isWorkingDay(cal, day)).toBe(false);
    // 2025 春节: 1月28日至2月4日放假调休，1月26日（周日）、2月8日（周六）上班.
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    for (let d = 28; d <= 31; d++) expect(isWorkingDay(cal, `2025-01-${d}`)).toBe(false);
    for (let d = 1; d <= 4; d++) expect(isWorkingDay(cal, `2025-02-0${d}`)).toBe(false);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    // 2026 国庆: 9月20日（周日）、10月10日（周六）上班.
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-07')).toBe(false);
  });

  it('files the 元旦 days of late December under the next year’s notice', () => {
    const notice2023 = vendored.notices.find((n) => n.year === 2023)!;
    expect(notice2023.days[0]).toEqual({ day: '2022-12-31', kind: 'holiday', name: '元旦' });
    expect(isWorkingDay(cal, '2011-12-31')).toBe(true); // 2012年元旦: 2011年12月31日（星期六）上班
  });

  it('describes a day', () => {
    expect(dayInfo(cal, '2024-10-12')).toMatchObject({ weekday: 6, workingDay: true, exception: { kind: 'workday', name: '国庆节' }, provisional: false });
    expect(dayInfo(cal, '2027-03-01')).toMatchObject({ weekday: 1, workingDay: true, exception: null, provisional: true });
  });
});

describe('working days (复议法 art. 88, 处罚法 art. 85, 政府信息公开条例)', () => {
  it('20 working days from 2024-09-27 skip the National Day week and count the 调休 days', () => {
    // Start day (Fri 09-27) not counted. 09-28 Sat no; 09-29 Sun 调休 = 1; 09-30 Mon = 2;
    // 10-01…10-07 holidays; 10-08…10-11 = 3–6; 10-12 Sat 调休 = 7; 10-14…10-18 = 8–12;
    // 10-21…10-25 = 13–17; 10-28, 10-29, 10-30 = 18, 19, 20.
    expect(addWorkingDays(cal, '2024-09-27', 20)).toEqual({ due: '2024-10-30', provisional: false });
  });

  it('5 working days over 2025 New Year', () => {
    // 12-30 Mon 1, 12-31 Tue 2, 01-01 元旦, 01-02 Thu 3, 01-03 Fri 4, 01-06 Mon 5.
    expect(addWorkingDays(cal, '2024-12-27', 5)).toEqual({ due: '2025-01-06', provisional: false });
  });

  it('5 working days over a 调休 Saturday', () => {
    // 02-06 Thu 1, 02-07 Fri 2, 02-08 Sat 调休 3, 02-10 Mon 4, 02-11 Tue 5 (Monday–Friday alone would give 02-12).
    expect(addWorkingDays(cal, '2025-02-05', 5)).toEqual({ due: '2025-02-11', provisional: false });
    // 01-26 Sun 调休 1, 01-27 Mon 2, 01-28…02-04 春节, 02-05 3, 02-06 4, 02-07 5.
    expect(addWorkingDays(cal, '2025-01-24', 5).due).toBe('2025-02-07');
  });

  it('counts from a holiday as from any day: the next working days', () => {
    expect(addWorkingDays(cal, '2024-10-03', 1).due).toBe('2024-10-08');
  });

  it('past the last published year: Monday–Friday, provisional', () => {
    // 2026-12-20 is a Sunday: 12-21…12-25 = 1–5, 12-28…12-31 = 6–9, 2027-01-01 Fri = 10 (no notice yet),
    // 01-04…01-08 = 11–15, 01-11…01-15 = 16–20.
    expect(addWorkingDays(cal, '2026-12-20', 20)).toEqual({ due: '2027-01-15', provisional: true });
    expect(addWorkingDays(cal, '2026-12-20', 5)).toEqual({ due: '2026-12-25', provisional: false });
  });
});

describe('calendar days (民事诉讼法 art. 85)', () => {
  it('60 days ending in the 2025 Spring Festival roll to the first working day after it', () => {
    // 2024-11-30 + 60 days = 2025-01-29 (初一); the holiday runs to 02-04; 02-05 is a Wednesday.
    expect(addCalendarDays(cal, '2024-11-30', 60)).toEqual({ due: '2025-02-05', provisional: false });
  });

  it('a last day on an ordinary weekend moves to Monday; on a 调休 Saturday it stays', () => {
    expect(addCalendarDays(cal, '2024-06-01', 15).due).toBe('2024-06-17'); // 06-16 is a Sunday
    expect(addCalendarDays(cal, '2024-08-30', 15).due).toBe('2024-09-14'); // 09-14 Sat is a 中秋 调休 working day
    expect(addCalendarDays(cal, '2024-03-01', 10).due).toBe('2024-03-11'); // Mon, no roll
  });

  it('is provisional only when the unpublished year is reached', () => {
    expect(addCalendarDays(cal, '2026-12-01', 20)).toEqual({ due: '2026-12-21', provisional: false });
    // 2027-01-02 is a Saturday: rolled on Monday–Friday to 01-04.
    expect(addCalendarDays(cal, '2026-12-03', 30)).toEqual({ due: '2027-01-04', provisional: true });
  });
});

describe('months (民法典 art. 202)', () => {
  it('takes the same-numbered day, or the month’s last day', () => {
    expect(addMonths(cal, '2024-01-31', 1)).toEqual({ due: '2024-02-29', provisional: false });
    expect(addMonths(cal, '2023-01-31', 1).due).toBe('2023-02-28');
    expect(addMonths(cal, '2024-11-15', 3).due).toBe('2025-02-17'); // 02-15 is a Saturday
    expect(addMonths(cal, '2023-08-31', 6).due).toBe('2024-02-29');
  });

  it('rolls forward off a holiday', () => {
    expect(addMonths(cal, '2024-09-01', 1).due).toBe('2024-10-08');
  });
});

describe('regional calendars (放假办法 art. 4)', () => {
  const local = (regionCode: string, day: string, kind: 'holiday' | 'workday' = 'holiday') => ({ day, kind, name: '民族节日', source: '县政府通知', regionCode });

  it('a county’s own holiday applies to it and not to its neighbours', () => {
    const county = calendarOf(vendored, '430621', [local('430621', '2024-11-20'), local('430622', '2024-11-21')]);
    expect(isWorkingDay(county, '2024-11-20')).toBe(false);
    expect(isWorkingDay(county, '2024-11-21')).toBe(true);
    expect(isWorkingDay(cal, '2024-11-20')).toBe(true);
    // 11-19 Tue + 2 working days skips the local holiday.
    expect(addWorkingDays(county, '2024-11-19', 2).due).toBe('2024-11-22');
    expect(addWorkingDays(cal, '2024-11-19', 2).due).toBe('2024-11-21');
  });

  it('a prefecture’s or province’s rows apply to its counties; the nearer region wins', () => {
    expect(regionChain('430621')).toEqual(['000000', '430000', '430600', '430621']);
    const county = calendarOf(vendored, '430621', [local('430600', '2024-11-25'), local('430000', '2024-11-26'), local('430621', '2024-11-30', 'workday'), local('430600', '2024-11-30')]);
    expect(isWorkingDay(county, '2024-11-25')).toBe(false);
    expect(isWorkingDay(county, '2024-11-26')).toBe(false);
    expect(isWorkingDay(county, '2024-11-30')).toBe(true);
  });
});

describe('statutory periods', () => {
  it('each names its legal basis and a unit that follows the statute', () => {
    expect(statutoryPeriods.length).toBeGreaterThanOrEqual(19);
    for (const p of statutoryPeriods) expect(p.basis).toMatch(/《.+》第.+条/);
    expect(P.reconsiderationAcceptanceReview).toMatchObject({ unit: 'workingDays', n: 5 });
    expect(P.reconsiderationDecision).toMatchObject({ unit: 'days', n: 60 });
    expect(P.litigationDefence).toMatchObject({ unit: 'days', n: 15 });
    expect(P.penaltyHearingRequest).toMatchObject({ unit: 'workingDays', n: 5 });
    expect(P.disclosureReply).toMatchObject({ unit: 'workingDays', n: 20 });
  });

  it('due() picks the arithmetic of the unit', () => {
    expect(due(cal, '2024-09-27', P.disclosureReply).due).toBe('2024-10-30');
    expect(due(cal, '2024-11-30', P.reconsiderationDecision).due).toBe('2025-02-05');
    expect(due(cal, '2024-01-31', { unit: 'months', n: 1 }).due).toBe('2024-02-29');
  });

  it('rejects a negative or fractional length', () => {
    expect(() => addWorkingDays(cal, '2024-01-01', -1)).toThrow(RangeError);
    expect(() => addCalendarDays(cal, '2024-01-01', 1.5)).toThrow(RangeError);
  });
});
