import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import {
  defineIndicator,
  ratioParts,
  type Cell,
  type FigureRecord,
  type IndicatorDef,
  type IndicatorInput,
  type IndicatorScope,
  type RatioDef,
} from './define-indicator.ts';

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/**
 * Rows within the scope's region and organisation subtree, given the columns that place a row in the
 * organisation tree. Every indicator's query uses it, so scoping is decided in one place.
 */
export function withinScope(scope: IndicatorScope, columns: { regionCode: SQL | unknown; orgId: SQL | unknown; orgPath: SQL | unknown }): SQL {
  const region = sql`${columns.regionCode} = ${scope.regionCode}`;
  if (scope.orgOnly && scope.orgId) return sql`${region} and ${columns.orgId} = ${scope.orgId}`;
  if (scope.orgPath) return sql`${region} and ${columns.orgPath} like ${scope.orgPath + '%'}`;
  return region;
}

/**
 * The common case: a count of rows. `source` selects the rows counted, each with the record columns
 * (id, title, category, "orgName", date, label, link) and a text column per dimension key. The value
 * and the records are both derived from it, so the records are exactly the rows counted.
 */
export function defineCountIndicator(input: Omit<IndicatorInput, 'value' | 'records'> & { source: (scope: IndicatorScope) => SQL }): IndicatorDef {
  const { source, ...meta } = input;
  const keys = (input.dimensions ?? []).map((d) => sql.identifier(d.key));
  return defineIndicator({
    ...meta,
    value: (scope) =>
      keys.length
        ? sql`select ${sql.join(keys, sql`, `)}, count(*)::int as value from (${source(scope)}) s group by ${sql.join(keys, sql`, `)}`
        : sql`select count(*)::int as value from (${source(scope)}) s`,
    records: (scope, cell) => sql`select s.id::text as id, s.title, s.category, s."orgName", s.date, s.label, s.link from (${source(scope)}) s where ${cellCondition(cell)}`,
  });
}

/** `cell` as a condition on a query's dimension columns (null columns read as ''). */
export function cellCondition(cell: Cell, alias = 's'): SQL {
  const parts = Object.entries(cell).map(([key, value]) => sql`coalesce(${sql.identifier(alias)}.${sql.identifier(key)}::text, '') = ${value}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** A timestamp's day in Beijing, as 'YYYY-MM-DD' text. */
export const beijingDay = (column: SQL | unknown): SQL => sql`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** `sql.identifier` per key, and each key's value read as text ('' for null). */
const keyColumns = (keys: string[], alias: string) =>
  keys.map((key) => sql`coalesce(${sql.identifier(alias)}.${sql.identifier(key)}::text, '') as ${sql.identifier(key)}`);

const list = (parts: Parameters<typeof sql.join>[0]) => sql.join(parts, sql`, `);

const cellOf = (row: Record<string, unknown>, keys: string[]): Cell => Object.fromEntries(keys.map((k) => [k, String(row[k] ?? '')]));

export interface IndicatorValue {
  total: number;
  cells: { cell: Cell; value: number }[];
}

/** The figure's cells and their total, in one query (grouping sets: the cells, and the empty set). */
export async function computeIndicator(db: Queryable, def: IndicatorDef, scope: IndicatorScope): Promise<IndicatorValue> {
  const keys = def.dimensions.map((d) => d.key);
  if (!keys.length) {
    const [row] = await rows<{ value: number }>(db, sql`select coalesce(sum(v.value), 0)::float8 as value from (${def.value(scope)}) v`);
    return { total: row?.value ?? 0, cells: [] };
  }
  const ids = keys.map((k) => sql.identifier(k));
  const result = await rows<Record<string, unknown> & { value: number; isTotal: number }>(
    db,
    sql`select ${list(ids)}, coalesce(sum(c.value), 0)::float8 as value, grouping(${ids[0]}) as "isTotal"
        from (select ${list(keyColumns(keys, 'v'))}, v.value from (${def.value(scope)}) v) c
        group by grouping sets ((${list(ids)}), ())
        order by "isTotal" desc, ${list(ids)}`,
  );
  const total = result.find((r) => r.isTotal === 1)?.value ?? 0;
  return { total, cells: result.filter((r) => r.isTotal === 0).map((r) => ({ cell: cellOf(r, keys), value: r.value })) };
}

export interface RatioCell {
  numerator: number;
  denominator: number;
  /** Percent, two decimals; null when the denominator is 0. */
  value: number | null;
}

export interface RatioValue extends RatioCell {
  cells: (RatioCell & { cell: Cell })[];
}

/**
 * numerator / denominator from the two indicators' counts, overall and per the ratio's dimensions, in
 * one query; the division is done once on the sums, so no percentage is ever averaged.
 */
export async function computeRatio(db: Queryable, def: RatioDef, scope: IndicatorScope): Promise<RatioValue> {
  const { numerator, denominator } = ratioParts(def);
  const keys = def.dimensions;
  const ids = keys.map((k) => sql.identifier(k));
  const side = (ind: IndicatorDef, cell: Cell | undefined, isNumerator: boolean) =>
    sql`select ${list([...keyColumns(keys, 'v'), isNumerator ? sql`v.value::float8 as n, 0::float8 as d` : sql`0::float8 as n, v.value::float8 as d`])}
        from (${ind.value(scope)}) v where ${cellCondition(cell ?? {}, 'v')}`;
  const union = sql`${side(numerator, def.numerator.cell, true)} union all ${side(denominator, def.denominator.cell, false)}`;
  const sums = keys.length
    ? sql`select ${list(ids)}, coalesce(sum(u.n), 0)::float8 as numerator, coalesce(sum(u.d), 0)::float8 as denominator, grouping(${ids[0]}) as "isTotal"
          from (${union}) u group by grouping sets ((${list(ids)}), ())`
    : sql`select coalesce(sum(u.n), 0)::float8 as numerator, coalesce(sum(u.d), 0)::float8 as denominator, 1 as "isTotal" from (${union}) u`;
  const result = await rows<Record<string, unknown> & RatioCell & { isTotal: number }>(
    db,
    sql`select r.*, case when r.denominator = 0 then null else round((100 * r.numerator / r.denominator)::numeric, 2)::float8 end as value
        from (${sums}) r order by r."isTotal" desc${keys.length ? sql`, ${list(ids)}` : sql``}`,
  );
  const pick = (r: RatioCell) => ({ numerator: r.numerator, denominator: r.denominator, value: r.value });
  const total = result.find((r) => r.isTotal === 1) ?? { numerator: 0, denominator: 0, value: null };
  return { ...pick(total), cells: result.filter((r) => r.isTotal === 0).map((r) => ({ cell: cellOf(r, keys), ...pick(r) })) };
}

/** The rows behind a figure or one of its cells, newest first. */
export async function findFigureRecords(db: Queryable, def: IndicatorDef, scope: IndicatorScope, cell: Cell, limit: number, offset = 0): Promise<FigureRecord[]> {
  return rows<FigureRecord>(
    db,
    sql`select r.id::text as id, r.title, r.category, r."orgName", r.date::text as date, r.label, r.link
        from (${def.records(scope, cell)}) r order by r.date desc nulls last, r.id limit ${limit} offset ${offset}`,
  );
}

export async function countFigureRecords(db: Queryable, def: IndicatorDef, scope: IndicatorScope, cell: Cell): Promise<number> {
  const [row] = await rows<{ total: number }>(db, sql`select count(*)::int as total from (${def.records(scope, cell)}) r`);
  return row?.total ?? 0;
}
