import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { findPage, type Paging } from '../db/paging.ts';
import { MAX_TEXT } from './extract.ts';
import { searchEntries } from './search.tables.ts';
import { indexWords, queryWords } from './segment.ts';

export interface SearchEntry {
  regionCode: string;
  entityType: string;
  entityId: string;
  orgId?: string | null;
  title: string;
  /** The record's text and its attachments' (extractText), in reading order. */
  text: string;
  public: boolean;
  year?: number | null;
  status?: string | null;
}

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
/**
 * Words as a tsvector literal (each quoted, no positions), cast by PostgreSQL's tsvector input, which
 * applies no text-search parser: the same words on PGlite and PostgreSQL whatever their locale.
 */
const vector = (words: Iterable<string>) => sql`${[...new Set(words)].map(quote).join(' ')}::tsvector`;

const rowOf = (entry: SearchEntry, at: Date) => {
  const body = entry.text.slice(0, MAX_TEXT);
  const titleWords = indexWords(entry.title);
  return {
    regionCode: entry.regionCode,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgId: entry.orgId ?? null,
    title: entry.title.slice(0, 300),
    body,
    public: entry.public,
    year: entry.year ?? null,
    status: entry.status ?? null,
    words: vector([...titleWords, ...indexWords(body)]),
    titleWords: vector(titleWords),
    indexedAt: at,
  };
};

const replaced = Object.fromEntries(
  (['regionCode', 'orgId', 'title', 'body', 'public', 'year', 'status', 'words', 'titleWords', 'indexedAt'] as const).map((key) => [key, sql.raw(`excluded.${searchEntries[key].name}`)]),
);

/**
 * Adds or replaces records' entries; call it in the transaction that changes them. Several at once for a
 * re-index (one statement per call: keep batches to a few hundred).
 */
export async function indexEntries(tx: Queryable, entries: SearchEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(searchEntries)
    .values(entries.map((e) => rowOf(e, at)))
    .onConflictDoUpdate({ target: [searchEntries.entityType, searchEntries.entityId], set: replaced });
}

export const indexEntry = (tx: Queryable, entry: SearchEntry, at: Date) => indexEntries(tx, [entry], at);

export async function removeEntry(tx: Queryable, entityType: string, entityId: string): Promise<void> {
  await tx.delete(searchEntries).where(and(eq(searchEntries.entityType, entityType), eq(searchEntries.entityId, entityId)));
}

/** A tsquery of the words, all required; each quoted, so no word is read as an operator. */
const allOf = (words: string[]) => words.map(quote).join(' & ');

export interface SearchFilter {
  regionCode?: string;
  entityTypes?: string[];
  publicOnly?: boolean;
  year?: number;
  status?: string;
  orgId?: string;
  /** The caller's own condition on search_entries, e.g. what the user may read. */
  where?: SQL;
}

/** A stretch of a snippet, highlighted when it is one of the query's words. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Around the first place the text holds a query word, about `width` characters, with every
 * occurrence of a query word marked; the text's opening when no word occurs in it (a title match).
 */
export function snippet(text: string, words: string[], width = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const firsts = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const start = firsts.length ? Math.max(0, Math.min(...firsts) - Math.floor(width / 4)) : 0;
  const window = flat.slice(start, start + width);
  const windowLower = window.toLowerCase();
  const parts: SnippetPart[] = start > 0 ? [{ text: '…', hit: false }] : [];
  const longestFirst = [...words].sort((a, b) => b.length - a.length);
  let at = 0;
  let plain = '';
  while (at < window.length) {
    const word = longestFirst.find((w) => windowLower.startsWith(w, at));
    if (word) {
      if (plain) parts.push({ text: plain, hit: false });
      parts.push({ text: window.slice(at, at + word.length), hit: true });
      plain = '';
      at += word.length;
    } else {
      plain += window[at];
      at += 1;
    }
  }
  if (plain) parts.push({ text: plain, hit: false });
  if (start + width < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}

/**
 * Entries holding every word of the query, best first: those whose title holds them all, then by how
 * much of the title the query covers, then the newest; with a snippet each. Ranking reads only the
 * small title vector, so a word found in thousands of long documents stays cheap. A query without a
 * searchable word finds nothing.
 */
export async function searchIndex(db: Queryable, query: string, filter: SearchFilter, paging: Paging) {
  const words = queryWords(query);
  if (words.length === 0) return { words, items: [], total: 0 };
  const tsquery = sql`${allOf(words)}::tsquery`;
  const rank = sql<number>`case when ${searchEntries.titleWords} @@ ${tsquery} then 1 + ts_rank(${searchEntries.titleWords}, ${tsquery}) else 0 end`;
  const matched = (on: Queryable) =>
    on
      .select({
        entityType: searchEntries.entityType,
        entityId: searchEntries.entityId,
        regionCode: searchEntries.regionCode,
        orgId: searchEntries.orgId,
        title: searchEntries.title,
        body: searchEntries.body,
        public: searchEntries.public,
        year: searchEntries.year,
        status: searchEntries.status,
        rank: rank.as('rank'),
      })
      .from(searchEntries)
      .where(
        and(
          sql`${searchEntries.words} @@ ${tsquery}`,
          filter.regionCode ? eq(searchEntries.regionCode, filter.regionCode) : undefined,
          filter.entityTypes ? inArray(searchEntries.entityType, filter.entityTypes) : undefined,
          filter.publicOnly ? eq(searchEntries.public, true) : undefined,
          filter.year ? eq(searchEntries.year, filter.year) : undefined,
          filter.status ? eq(searchEntries.status, filter.status) : undefined,
          filter.orgId ? eq(searchEntries.orgId, filter.orgId) : undefined,
          filter.where,
        ),
      )
      .$dynamic();
  // The planner does not cost decompressing each document's word vector, so for a common word it picks
  // a sequential scan that does exactly that (90 ms against 11 ms through the GIN index at 20,000
  // documents, bench/search.ts); the index answers @@ exactly, without reading the vectors.
  const page = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return findPage(tx, () => matched(tx), [sql`rank desc`, desc(searchEntries.year), desc(searchEntries.indexedAt)], paging);
  });
  return {
    words,
    total: page.total,
    items: page.items.map(({ body, ...item }) => ({ ...item, snippet: snippet(body, words) })),
  };
}
