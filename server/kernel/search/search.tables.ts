import { boolean, customType, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode } from '../db/columns.ts';

/** PostgreSQL's tsvector; written only from words the segmenter chose (array_to_tsvector), never parsed. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One searchable record of any module (a 规范性文件, a decision …): its title and text (with its
 * attachments' text) and the words to find it by. The module keeps it current in the transaction that
 * changes the record; visibility filters (public, region, organisation, status) are columns here so a
 * search is one indexed query.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    id: id(),
    regionCode: regionCode(),
    /** The module's record kind, e.g. normative_document. */
    entityType: varchar('entity_type', { length: 40 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The organisation that issued or owns it (the console's data scope). */
    orgId: uuid('org_id'),
    title: varchar('title', { length: 300 }).notNull(),
    /** The plain text searched and quoted in snippets (capped at MAX_TEXT characters). */
    body: text('body').notNull(),
    /** Published on the portal: the public searches only these. */
    public: boolean('public').notNull().default(false),
    year: smallint('year'),
    /** The record's status in its module (e.g. 现行有效), a filter. */
    status: varchar('status', { length: 20 }),
    /** Every word of the title and the text, without positions: what a search matches (GIN, no recheck). */
    words: tsvector('words').notNull(),
    /** The title's words alone: a small vector the ranking reads for every match. */
    titleWords: tsvector('title_words').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('search_entries_entity_uq').on(t.entityType, t.entityId),
    index('search_entries_words_idx').using('gin', t.words),
    // A word most of a county's documents hold is cheaper to find through the county's rows.
    index('search_entries_scope_idx').on(t.regionCode, t.entityType, t.year),
  ],
);
