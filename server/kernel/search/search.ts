import { and, eq, getTableColumns, inArray, sql, type Column, type SQL } from 'drizzle-orm';
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

/** One result row before its snippet. */
interface FoundRow {
  id: string;
  entityType: string;
  entityId: string;
  regionCode: string;
  orgId: string | null;
  public: boolean;
  year: number | null;
  status: string | null;
  titleHit: boolean;
}

export interface SearchResult {
  words: string[];
  /** Exact below ESTIMATE_ABOVE matches; beyond, the planner's estimate (shown as 约…). */
  total: number;
  totalExact: boolean;
  items: (Omit<FoundRow, 'id'> & { title: string; snippet: SnippetPart[] })[];
}

/** The filters as conditions on the row's own columns, for a scan in result order. */
function columnFilter(filter: SearchFilter): SQL | undefined {
  return and(
    filter.regionCode ? eq(searchEntries.regionCode, filter.regionCode) : undefined,
    filter.entityTypes ? (filter.entityTypes.length ? inArray(searchEntries.entityType, filter.entityTypes) : sql`false`) : undefined,
    filter.publicOnly ? eq(searchEntries.public, true) : undefined,
    filter.year ? eq(searchEntries.year, filter.year) : undefined,
    filter.status ? eq(searchEntries.status, filter.status) : undefined,
    filter.orgId ? eq(searchEntries.orgId, filter.orgId) : undefined,
    filter.where,
  );
}

/** What a result row carries before its text. */
const resultColumns = {
  id: searchEntries.id,
  entityType: searchEntries.entityType,
  entityId: searchEntries.entityId,
  regionCode: searchEntries.regionCode,
  orgId: searchEntries.orgId,
  public: searchEntries.public,
  year: searchEntries.year,
  status: searchEntries.status,
};

/** Result order after the title: newest first, the key of search_entries_order_idx and _recent_idx. */
const newestFirst = [sql`${searchEntries.year} desc nulls last`, sql`${searchEntries.indexedAt} desc nulls last`, sql`${searchEntries.entityId} desc nulls last`];

/** The planner's row estimate for a condition (EXPLAIN without running it). */
async function estimateRows(tx: Queryable, where: SQL | undefined): Promise<number> {
  const result = (await tx.execute(sql`explain (format json) select 1 from ${searchEntries} where ${where ?? sql`true`}`)) as unknown as { rows: Record<string, unknown>[] };
  const plan = result.rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return parsed[0]?.Plan['Plan Rows'] ?? 0;
}

/** Rows a scan in result order may read before it gives up for the bitmap (see searchIndex). */
const ORDERED_SCAN_LIMIT = 1_000;
/**
 * Testing an entry's words in a scan in order (decompressing them) costs about this many times a match
 * of the bitmap (read, counted, sorted): 7–12 µs against 3–8 µs per row, EXPLAIN ANALYZE on
 * bench/search.ts's 200,000 documents.
 */
const ORDERED_COST_RATIO = 2;
/** Beyond this many matches the total is the planner's estimate, not a count. */
const ESTIMATE_ABOVE = 2_000;

/**
 * Entries holding every word of the query, best first: those whose title holds them all, then the
 * newest; with a snippet each.
 *
 * Two ways to the page, chosen by the planner's estimate of the matches M among the P entries the
 * filters leave. Few matches: the GIN index finds them all (the filters are words of the vector), they
 * are counted and the page sorted out of them — cost grows with M. Many: entries are read in result
 * order (search_entries_order_idx) and each is tested until the page is full — cost grows with the
 * page's end times P/M, and every test decompresses a document's words, ORDERED_COST_RATIO times a
 * bitmap match. PostgreSQL's planner does not cost that decompression, so it cannot be left to choose
 * (it picked a sequential scan decompressing every vector: 96 ms against 7 ms through the GIN index at
 * 20,000 documents); the queries run with enable_seqscan off and the choice is made here. A scan in
 * order that reads ORDERED_SCAN_LIMIT rows without filling the page (the estimate was wrong) gives way
 * to the bitmap. A query without a searchable word finds nothing.
 */
export async function searchIndex(db: Queryable, query: string, filter: SearchFilter, paging: Paging): Promise<SearchResult> {
  const words = queryWords(query);
  if (words.length === 0) return { words, items: [], total: 0, totalExact: true };
  const tsquery = sql`${[...words.map(quote), ...filterTerms(filter)].join(' & ')}::tsquery`;
  const titleQuery = sql`${words.map(quote).join(' & ')}::tsquery`;
  const offset = (paging.page - 1) * paging.pageSize;
  const pageEnd = offset + paging.pageSize;
  const matching = and(sql`${searchEntries.words} @@ ${tsquery}`, filter.where);
  const titleHit = sql<boolean>`${searchEntries.titleWords} @@ ${titleQuery}`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const matches = await estimateRows(tx, matching);
    let found: { rows: FoundRow[]; total: number; totalExact: boolean } | null = null;
    if (matches > ESTIMATE_ABOVE && matches * matches >= ORDERED_COST_RATIO * pageEnd * (await estimateRows(tx, columnFilter(filter)))) {
      found = await inResultOrder(tx, { titleHit, tsquery: sql`${words.map(quote).join(' & ')}::tsquery`, where: columnFilter(filter), offset, pageEnd, estimate: matches });
    }
    if (!found) {
      const rows = await tx
        .select({ ...resultColumns, titleHit: sql<boolean>`${titleHit}`.as('title_hit'), total: sql<number>`count(*) over ()::int`.as('total') })
        .from(searchEntries)
        .where(matching)
        .orderBy(sql`title_hit desc`, ...newestFirst)
        .limit(paging.pageSize)
        .offset(offset);
      // A page past the end has no row to carry the total.
      const total = rows[0]?.total ?? (offset > 0 ? ((await tx.select({ n: sql<number>`count(*)::int` }).from(searchEntries).where(matching))[0]?.n ?? 0) : 0);
      found = { rows: rows.map(({ total: _total, ...row }) => row), total, totalExact: true };
    }
    const texts = found.rows.length ? await tx.select().from(searchTexts).where(inArray(searchTexts.entryId, found.rows.map((r) => r.id))) : [];
    const textOf = new Map(texts.map((t) => [t.entryId, t]));
    return {
      words,
      total: found.total,
      totalExact: found.totalExact,
      items: found.rows.map(({ id, ...row }) => ({ ...row, title: textOf.get(id)?.title ?? '', snippet: snippet(textOf.get(id)?.body ?? '', words) })),
    };
  });
}

/**
 * The page read in result order: the title matches (small vectors, the planner costs them right),
 * then entries whose words match, in index order, each tested until the page is full. Null when the
 * scan read ORDERED_SCAN_LIMIT entries without filling the page.
 */
async function inResultOrder(
  tx: Queryable,
  q: { titleHit: SQL<boolean>; tsquery: SQL; where: SQL | undefined; offset: number; pageEnd: number; estimate: number },
): Promise<{ rows: FoundRow[]; total: number; totalExact: boolean } | null> {
  const titled = await tx
    .select(resultColumns)
    .from(searchEntries)
    .where(and(q.where, q.titleHit))
    .orderBy(...newestFirst)
    .limit(q.pageEnd);
  let rows: FoundRow[] = titled.map((r) => ({ ...r, titleHit: true }));
  if (rows.length < q.pageEnd) {
    const scanned = tx
      .select({ ...resultColumns, words: searchEntries.words, titleWords: searchEntries.titleWords })
      .from(searchEntries)
      .where(q.where)
      .orderBy(...newestFirst)
      .limit(ORDERED_SCAN_LIMIT)
      .as('scanned');
    const rest = await tx
      .select({
        id: scanned.id,
        entityType: scanned.entityType,
        entityId: scanned.entityId,
        regionCode: scanned.regionCode,
        orgId: scanned.orgId,
        public: scanned.public,
        year: scanned.year,
        status: scanned.status,
      })
      .from(scanned)
      .where(sql`${scanned.words} @@ ${q.tsquery} and not ${scanned.titleWords} @@ ${q.tsquery}`)
      .limit(q.pageEnd - rows.length);
    if (rest.length < q.pageEnd - rows.length) return null;
    rows = [...rows, ...rest.map((r) => ({ ...r, titleHit: false }))];
  }
  return { rows: rows.slice(q.offset, q.pageEnd), total: Math.round(q.estimate), totalExact: false };
}
