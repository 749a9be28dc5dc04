import type { SQL } from 'drizzle-orm';
import { addDays, type LocalDate } from '../calendar/local-date.ts';

/**
 * Where and when a figure is counted: one region, optionally one organisation's subtree (or the
 * organisation alone), over a period of Beijing dates, both days included.
 */
export interface IndicatorScope {
  regionCode: string;
  /** Root of the organisation subtree; absent: the whole region. */
  orgId?: string;
  /** Materialised path of that root: rows whose organisation's path starts with it. */
  orgPath?: string;
  /** The organisation itself without its subtree (a reader whose scope is own_org). */
  orgOnly?: boolean;
  period: { from: LocalDate; to: LocalDate };
  /** Today in Beijing by the injected clock: a stock ("open at the end") is never taken after today. */
  today: LocalDate;
}

/** A figure's breakdown: rows are counted per value of each dimension. */
export interface Dimension {
  key: string;
  label: string;
  /** Chinese label per value; a function when the values are registered later (e.g. case types). */
  values?: Record<string, string> | (() => Record<string, string>);
}

/** Dimension values that pick one part of a figure, e.g. { caseType: 'reconsideration' }. */
export type Cell = Record<string, string>;

interface FigureMeta {
  code: string;
  /** Chinese name, e.g. 行政复议收案数. */
  name: string;
  /** 件, 人, %, 万元 … */
  unit: string;
  /** Legal or policy basis, e.g. 《行政复议法》第八十七条. */
  basis: string;
  /** How it is counted, in Chinese: what is counted, which date places a row in the period. */
  description: string;
}

/**
 * A named figure computed by one SQL query. `value` returns one row per cell: a text column per
 * dimension key and a numeric `value`; every row counted lies in exactly one cell, so the total is
 * their sum (taken in SQL). `records` returns the rows behind the figure (or behind one cell) in the
 * stable shape { id, title, category, orgName, date, label, link }: the console lists and links them.
 */
export interface IndicatorDef extends FigureMeta {
  kind: 'indicator';
  dimensions: Dimension[];
  /** Header of the records' date column, e.g. 收案日期. */
  recordDate: string;
  value: (scope: IndicatorScope) => SQL;
  records: (scope: IndicatorScope, cell: Cell) => SQL;
}

/** One side of a ratio: an indicator, restricted to the cells matching `cell`. */
export interface RatioPart {
  code: string;
  cell?: Cell;
}

/**
 * numerator / denominator, both taken from the counts (never an average of percentages), in percent
 * rounded to two decimals; null when the denominator is 0.
 */
export interface RatioDef extends FigureMeta {
  kind: 'ratio';
  numerator: RatioPart;
  denominator: RatioPart;
  /** Dimension keys of both indicators the ratio is also given by, e.g. ['caseType']. */
  dimensions: string[];
}

export type FigureDef = IndicatorDef | RatioDef;

/** The rows behind a figure: the columns every `records` query returns. */
export interface FigureRecord {
  id: string;
  title: string;
  /** What kind of row, e.g. the case type. */
  category: string | null;
  orgName: string | null;
  /** The date that placed the row in the figure (YYYY-MM-DD). */
  date: string | null;
  /** Its state, in Chinese. */
  label: string | null;
  /** Console path of the row's page, e.g. /cases/<id>. */
  link: string | null;
}

const CODE = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const KEY = /^[a-z][a-zA-Z0-9]*$/;

function checkMeta(meta: FigureMeta): void {
  if (!CODE.test(meta.code)) throw new Error(`indicator code ${meta.code}: use "<module>.<name>"`);
  for (const field of ['name', 'unit', 'basis', 'description'] as const) if (!meta[field].trim()) throw new Error(`${meta.code}: ${field} is required`);
}

export type IndicatorInput = Omit<IndicatorDef, 'kind' | 'dimensions' | 'recordDate'> & { dimensions?: Dimension[]; recordDate?: string };

export function defineIndicator(input: IndicatorInput): IndicatorDef {
  checkMeta(input);
  const dimensions = input.dimensions ?? [];
  for (const d of dimensions) if (!KEY.test(d.key) || d.key === 'value') throw new Error(`${input.code}: bad dimension key ${d.key}`);
  if (new Set(dimensions.map((d) => d.key)).size !== dimensions.length) throw new Error(`${input.code}: duplicate dimension`);
  return { ...input, kind: 'indicator', dimensions, recordDate: input.recordDate ?? '日期' };
}

type RatioInput = Omit<RatioDef, 'kind' | 'numerator' | 'denominator' | 'dimensions' | 'unit' | 'description'> & {
  numerator: string | RatioPart;
  denominator: string | RatioPart;
  dimensions?: string[];
  unit?: string;
  description?: string;
};

const part = (p: string | RatioPart): RatioPart => (typeof p === 'string' ? { code: p } : p);

export function defineRatio(input: RatioInput): RatioDef {
  const numerator = part(input.numerator);
  const denominator = part(input.denominator);
  const description = input.description ?? `分子为「${numerator.code}」，分母为「${denominator.code}」，以件数相除`;
  const def: RatioDef = { ...input, kind: 'ratio', unit: input.unit ?? '%', description, numerator, denominator, dimensions: input.dimensions ?? [] };
  checkMeta(def);
  return def;
}

const registry = new Map<string, FigureDef>();

/** Modules register their figures once (app start-up); the statistics page lists them in this order. */
export function registerFigures(defs: FigureDef[]): void {
  for (const def of defs) {
    const existing = registry.get(def.code);
    if (existing && existing !== def) throw new Error(`indicator ${def.code} defined twice`);
    registry.set(def.code, def);
  }
}

export function allFigures(): FigureDef[] {
  return [...registry.values()];
}

export function findFigure(code: string): FigureDef | undefined {
  return registry.get(code);
}

/** A ratio's indicators, checked: both registered, the ratio's dimensions on both, no cell key broken down. */
export function ratioParts(def: RatioDef): { numerator: IndicatorDef; denominator: IndicatorDef } {
  const resolve = (p: RatioPart): IndicatorDef => {
    const found = registry.get(p.code);
    if (found?.kind !== 'indicator') throw new Error(`${def.code}: ${p.code} is not a registered indicator`);
    const keys = new Set(found.dimensions.map((d) => d.key));
    for (const key of [...def.dimensions, ...Object.keys(p.cell ?? {})]) if (!keys.has(key)) throw new Error(`${def.code}: ${p.code} has no dimension ${key}`);
    for (const key of def.dimensions) if (p.cell && key in p.cell) throw new Error(`${def.code}: ${key} is both filtered and broken down`);
    return found;
  };
  return { numerator: resolve(def.numerator), denominator: resolve(def.denominator) };
}

export const dimensionValues = (d: Dimension): Record<string, string> => (typeof d.values === 'function' ? d.values() : (d.values ?? {}));

/** "案件类型：行政复议；办理时限：逾期办结" for a cell, by the dimensions' labels. */
export function cellLabels(dimensions: Dimension[], cell: Cell): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of dimensions) {
    const value = cell[d.key];
    if (value !== undefined) out[d.key] = value === '' ? '（未填写）' : (dimensionValues(d)[value] ?? value);
  }
  return out;
}

/** Beijing midnight at the start of a day, as an instant (timestamps compare against it, index-friendly). */
const startOfDay = (day: LocalDate): string => `${day}T00:00:00+08:00`;

/**
 * The instants and days a scope's queries compare with: the period as [start, end) instants; `asOf`,
 * the day a stock is taken (the period's last day, or today while the period is still running).
 */
export function periodBounds(scope: IndicatorScope): { start: string; end: string; asOf: LocalDate; asOfEnd: string } {
  const asOf = scope.period.to < scope.today ? scope.period.to : scope.today;
  return { start: startOfDay(scope.period.from), end: startOfDay(addDays(scope.period.to, 1)), asOf, asOfEnd: startOfDay(addDays(asOf, 1)) };
}
