import { integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { regionCode } from '../db/columns.ts';

/**
 * The last number given in a series per region and year (复议案号, 规范性文件文号 …). Taken with one
 * UPSERT inside the caller's transaction: concurrent requests queue on the row, a rolled-back one
 * gives its number back, so numbers are never duplicated and never skipped.
 */
export const numberSeries = pgTable(
  'number_series',
  {
    regionCode: regionCode(),
    series: varchar('series', { length: 60 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.series, t.year] })],
);
