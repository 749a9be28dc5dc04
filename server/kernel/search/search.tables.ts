import { boolean, customType, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode } from '../db/columns.ts';

/** PostgreSQL's tsvector; written only from words the segmenter chose (a literal), never parsed. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One searchable record of any module (a 规范性文件, a decision …): the words to find it by and what a
 * search filters on. Narrow on purpose — a common word matches tens of thousands of rows, each of
 * which the search visits — so the text lives in search_texts, read for a page's rows only. The module
 * keeps both current in the transaction that changes the record.
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
    /** Published on the portal: the public searches only these. */
    public: boolean('public').notNull().default(false),
    year: smallint('year'),
    /** The record's status in its module (e.g. inForce), a filter. */
    status: varchar('status', { length: 20 }),
    /**
     * Every word of the title and the text, and the filters as words of their own (~region:430621,
     * ~public …), so that the GIN index answers a search with its filters: no row is read to filter.
     */
    words: tsvector('words').notNull(),
    /** The title's words alone: a small vector the ranking reads for every match. */
    titleWords: tsvector('title_words').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('search_entries_entity_uq').on(t.entityType, t.entityId),
    index('search_entries_words_idx').using('gin', t.words),
    index('search_entries_title_idx').using('gin', t.titleWords),
    // Result order, within a county and across counties: a search for a common word reads entries in
    // this order and tests each (searchIndex).
    index('search_entries_order_idx').on(t.regionCode, t.year.desc().nullsLast(), t.indexedAt.desc(), t.entityId.desc()),
    index('search_entries_recent_idx').on(t.year.desc().nullsLast(), t.indexedAt.desc(), t.entityId.desc()),
  ],
);

/** The title and plain text of an entry: shown and quoted in snippets (capped at MAX_TEXT characters). */
export const searchTexts = pgTable('search_texts', {
  entryId: uuid('entry_id')
    .primaryKey()
    .references(() => searchEntries.id, { onDelete: 'cascade' }),
  regionCode: regionCode(),
  title: varchar('title', { length: 300 }).notNull(),
  body: text('body').notNull(),
});
