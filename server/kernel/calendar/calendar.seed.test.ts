import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { onCalendarChanged } from './calendar.events.ts';
import { ensureNationalCalendar, loadVendoredCalendar } from './calendar.seed.ts';
import { calendarService } from './calendar.service.ts';
import { calendarDays, calendarYears, NATIONAL } from './calendar.tables.ts';
import { P } from './periods.ts';

describe('ensureNationalCalendar', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('loads every vendored notice once, even when two servers start together', async () => {
    const vendored = await loadVendoredCalendar();
    const seen: number[] = [];
    const stop = onCalendarChanged(({ year }) => void seen.push(year));
    const [a, b] = await Promise.all([ensureNationalCalendar(t.db), ensureNationalCalendar(t.db)]);
    stop();
    expect([...a, ...b].sort()).toEqual(vendored.notices.map((n) => n.year));
    expect(seen.sort()).toEqual(vendored.notices.map((n) => n.year));
    expect(await ensureNationalCalendar(t.db)).toEqual([]);

    const [days] = await t.db.select({ n: count() }).from(calendarDays).where(eq(calendarDays.regionCode, NATIONAL));
    expect(days!.n).toBe(vendored.notices.reduce((sum, n) => sum + n.days.length, 0));
    const [special] = await t.db.select().from(calendarDays).where(and(eq(calendarDays.regionCode, NATIONAL), eq(calendarDays.day, '2020-02-01')));
    expect(special).toMatchObject({ kind: 'holiday', source: '国务院办公厅关于延长2020年春节假期的通知' });
  });

  it('leaves a year an administrator has changed as it is', async () => {
    await t.db.update(calendarYears).set({ source: '人工更正', version: 2 }).where(and(eq(calendarYears.regionCode, NATIONAL), eq(calendarYears.year, 2026)));
    await t.db.delete(calendarDays).where(and(eq(calendarDays.regionCode, NATIONAL), eq(calendarDays.day, '2026-10-10')));
    expect(await ensureNationalCalendar(t.db)).toEqual([]);
    const [row] = await t.db.select().from(calendarYears).where(and(eq(calendarYears.regionCode, NATIONAL), eq(calendarYears.year, 2026)));
    expect(row!.source).toBe('人工更正');
    expect(await calendarService(t.db).isWorkingDay(NATIONAL, '2026-10-10')).toBe(false);
  });

  it('serves deadlines from the database through the cached calendar', async () => {
    const service = calendarService(t.db);
    expect(await service.due('430621', '2024-09-27', P.disclosureReply)).toEqual({ due: '2024-10-30', provisional: false });
    expect(await service.isWorkingDay('430621', '2024-10-12')).toBe(true);
    expect(await service.snapshot('430621')).toBe(await service.snapshot('430621'));
  });

  it('loads inside a transaction through that transaction (PGlite has one connection)', async () => {
    const service = calendarService(t.db);
    service.invalidate();
    const answer = await t.db.transaction(async (tx) => {
      await tx.select().from(calendarYears).limit(1);
      return service.due('430622', '2024-11-30', P.reconsiderationDecision, tx);
    });
    expect(answer).toEqual({ due: '2025-02-05', provisional: false });
  });
});
