import { and, desc, eq, getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import type { Paging } from '../db/paging.ts';
import { MAX_TEXT } from './extract.ts';
import { searchEntries, searchTexts } from './search.tables.ts';
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

/**
 * What a search may filter on, as words of the entry's vector: the GIN index then answers the words
 * and the filters together. '~' and ':' never occur in a segmented word, so these cannot collide.
 */
const filterWords = (e: { regionCode: string; entityType: string; public: boolean; year?: number | null; status?: string | null; orgId?: string | null }) => [
  `~region:${e.regionCode}`,
  `~type:${e.entityType}`,
  ...(e.public ? ['~public'] : []),
  ...(e.year ? [`~year:${e.year}`] : []),
  ...(e.status ? [`~status:${e.status}`] : []),
  ...(e.orgId ? [`~org:${e.orgId}`] : []),
];

/** ON CONFLICT … DO UPDATE SET each of these columns to the value the insert proposed. */
const excluded = <T extends Record<string, Column>>(columns: T, keys: (keyof T & string)[]) =>
  Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded.${columns[key]!.name}`)]));

/**
 * Adds or replaces records' entries (one per record per call); call it in the transaction that changes
 * them. Several at once for a re-index: keep batches to a few hundred.
 */
export async function indexEntries(tx: Queryable, entries: SearchEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  const prepared = entries.map((e) => ({ entry: e, body: e.text.slice(0, MAX_TEXT), titleWords: indexWords(e.title) }));
  const stored = await tx
    .insert(searchEntries)
    .values(
      prepared.map(({ entry: e, body, titleWords }) => ({
        regionCode: e.regionCode,
        entityType: e.entityType,
        entityId: e.entityId,
        orgId: e.orgId ?? null,
        public: e.public,
        year: e.year ?? null,
        status: e.status ?? null,
        words: vector([...titleWords, ...indexWords(body), ...filterWords(e)]),
        titleWords: vector(titleWords),
        indexedAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [searchEntries.entityType, searchEntries.entityId],
      set: excluded(getTableColumns(searchEntries), ['regionCode', 'orgId', 'public', 'year', 'status', 'words', 'titleWords', 'indexedAt']),
    })
    .returning({ id: searchEntries.id, entityType: searchEntries.entityType, entityId: searchEntries.entityId });
  const entryIds = new Map(stored.map((r) => [`${r.entityType}|${r.entityId}`, r.id]));
  await tx
    .insert(searchTexts)
    .values(prepared.map(({ entry: e, body }) => ({ entryId: entryIds.get(`${e.entityType}|${e.entityId}`)!, regionCode: e.regionCode, title: e.title.slice(0, 300), body })))
    .onConflictDoUpdate({ target: searchTexts.entryId, set: excluded(getTableColumns(searchTexts), ['regionCode', 'title', 'body']) });
}

export const indexEntry = (tx: Queryable, entry: SearchEntry, at: Date) => indexEntries(tx, [entry], at);

export async function removeEntry(tx: Queryable, entityType: string, entityId: string): Promise<void> {
  await tx.delete(searchEntries).where(and(eq(searchEntries.entityType, entityType), eq(searchEntries.entityId, entityId)));
}

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

/** The filters as required words of the query (see filterWords). */
function filterTerms(filter: SearchFilter): string[] {
  const types = filter.entityTypes?.map((t) => quote(`~type:${t}`));
  return [
    ...(filter.regionCode ? [quote(`~region:${filter.regionCode}`)] : []),
    ...(types ? [types.length ? `(${types.join(' | ')})` : quote('~type:')] : []),
    ...(filter.publicOnly ? [quote('~public')] : []),
    ...(filter.year ? [quote(`~year:${filter.year}`)] : []),
    ...(filter.status ? [quote(`~status:${filter.status}`)] : []),
    ...(filter.orgId ? [quote(`~org:${filter.orgId}`)] : []),
  ];
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
  const tsquery = sql`${[...words.map(quote), ...filterTerms(filter)].join(' & ')}::tsquery`;
  const titleQuery = sql`${words.map(quote).join(' & ')}::tsquery`;
  const where = and(sql`${searchEntries.words} @@ ${tsquery}`, filter.where);
  // One query: the page of narrow rows with the total (a window count over the matches), then the
  // texts of the page's rows only.
  const page = db
    .select({
      id: searchEntries.id,
      entityType: searchEntries.entityType,
      entityId: searchEntries.entityId,
      regionCode: searchEntries.regionCode,
      orgId: searchEntries.orgId,
      public: searchEntries.public,
      year: searchEntries.year,
      status: searchEntries.status,
      indexedAt: searchEntries.indexedAt,
      rank: sql<number>`case when ${searchEntries.titleWords} @@ ${titleQuery} then 1 + ts_rank(${searchEntries.titleWords}, ${titleQuery}) else 0 end`.as('rank'),
      total: sql<number>`count(*) over ()::int`.as('total'),
    })
    .from(searchEntries)
    .where(where)
    .orderBy(sql`rank desc`, desc(searchEntries.year), desc(searchEntries.indexedAt), desc(searchEntries.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .as('page');
  // The planner does not cost decompressing each entry's word vector, so for a common word it picks a
  // sequential scan that does exactly that (96 ms against 7 ms through the GIN index at 20,000
  // documents, bench/search.ts); the index answers @@ exactly, filters included, without the vectors.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = await tx
      .select({
        entityType: page.entityType,
        entityId: page.entityId,
        regionCode: page.regionCode,
        orgId: page.orgId,
        public: page.public,
        year: page.year,
        status: page.status,
        rank: page.rank,
        total: page.total,
        title: searchTexts.title,
        body: searchTexts.body,
      })
      .from(page)
      .innerJoin(searchTexts, eq(searchTexts.entryId, page.id))
      .orderBy(sql`${page.rank} desc`, sql`${page.year} desc nulls last`, sql`${page.indexedAt} desc`, sql`${page.id} desc`);
    // A page past the end has no row to carry the total.
    const total = rows[0]?.total ?? (paging.page > 1 ? ((await tx.select({ n: sql<number>`count(*)::int` }).from(searchEntries).where(where))[0]?.n ?? 0) : 0);
    return {
      words,
      total,
      items: rows.map(({ total: _total, body, ...item }) => ({ ...item, snippet: snippet(body, words) })),
    };
  });
}
