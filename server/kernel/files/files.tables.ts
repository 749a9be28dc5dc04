import { bigint, customType, index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionCode } from '../db/columns.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * File content, stored once per SM3 digest (content-addressed): the same evidence uploaded twice is
 * one blob, and a file index that lists digests proves the content has not changed.
 */
export const fileBlobs = pgTable('file_blobs', {
  sm3: varchar('sm3', { length: 64 }).primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  /** Detected from the content, not taken from the upload's claim. */
  mime: varchar('mime', { length: 100 }).notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One upload: a name and an uploader for a blob, in a region. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: regionCode(),
    sm3: varchar('sm3', { length: 64 })
      .notNull()
      .references(() => fileBlobs.sm3),
    name: varchar('name', { length: 255 }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [index('files_sm3_idx').on(t.sm3)],
);
