import { date, index, integer, pgTable, primaryKey, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** The region code of the national calendar (State Council notices); counties add their own rows. */
export const NATIONAL = '000000';

export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/**
 * Exceptions to the Monday–Friday week: a 法定节假日 (holiday, also on a weekday) or a 调休 working day
 * (workday, on a weekend). National rows carry region '000000'; a county's own holidays (放假办法 art. 4,
 * ethnic-area holidays) carry its region code and apply on top of the national ones.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: varchar('kind', { length: 10 }).$type<CalendarDayKind>().notNull(),
    /** The festival, e.g. 春节, 国庆节. */
    name: varchar('name', { length: 50 }).notNull(),
    /** The notice that fixed it, e.g. 国办发明电〔2024〕12号. */
    source: varchar('source', { length: 100 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.day] }), index('calendar_days_day_idx').on(t.day)],
);

/**
 * Which years' calendars are published. A deadline that reaches into a year without a row here is
 * computed on Monday–Friday and flagged provisional.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    source: varchar('source', { length: 100 }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);
