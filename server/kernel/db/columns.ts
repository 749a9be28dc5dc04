import { integer, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Every business row carries its county's GB/T 2260 code so that Citus can distribute by it. */
export const regionCode = () => varchar('region_code', { length: 6 }).notNull();

export const id = () => uuid('id').primaryKey().defaultRandom();

/** Optimistic locking and authorship, on every mutable row. */
export const rowMeta = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
