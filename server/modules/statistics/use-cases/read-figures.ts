import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import {
  allFigures,
  cellLabels,
  dimensionValues,
  ratioParts,
  type FigureDef,
  type IndicatorDef,
  type IndicatorScope,
  type RatioPart,
} from '../../../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../../../kernel/indicators/indicators.repository.ts';
import type { Db } from '../../../kernel/db/db.ts';
import type { FigureInfo, FigureValue, ScopeQuery, ScopeView } from '../statistics.schemas.ts';
import { resolveScope, STATISTICS_READ } from './resolve-scope.ts';

const partView = (part: RatioPart, indicator: IndicatorDef) => ({
  code: indicator.code,
  name: indicator.name,
  cell: part.cell ?? {},
  cellLabels: cellLabels(indicator.dimensions, part.cell ?? {}),
});

/** What a figure is: the registry entry as the console and other systems read it. */
export function figureInfo(def: FigureDef): FigureInfo {
  const meta = { code: def.code, kind: def.kind, name: def.name, unit: def.unit, basis: def.basis, description: def.description };
  const dims = (list: IndicatorDef['dimensions']) => list.map((d) => ({ key: d.key, label: d.label, values: dimensionValues(d) }));
  if (def.kind === 'indicator') return { ...meta, dimensions: dims(def.dimensions), recordDate: def.recordDate, numerator: null, denominator: null };
  const { numerator, denominator } = ratioParts(def);
  return {
    ...meta,
    dimensions: dims(numerator.dimensions.filter((d) => def.dimensions.includes(d.key))),
    recordDate: null,
    numerator: partView(def.numerator, numerator),
    denominator: partView(def.denominator, denominator),
  };
}

export function listFigures(request: FastifyRequest): FigureInfo[] {
  requirePermission(request.actor, STATISTICS_READ);
  return allFigures().map(figureInfo);
}

async function figureValue(db: Db, def: FigureDef, scope: IndicatorScope): Promise<FigureValue> {
  const info = figureInfo(def);
  if (def.kind === 'indicator') {
    const { total, cells } = await computeIndicator(db, def, scope);
    return { ...info, numerator: null, denominator: null, value: total, cells: cells.map((c) => ({ ...c, labels: cellLabels(def.dimensions, c.cell) })) };
  }
  const ratio = await computeRatio(db, def, scope);
  const { numerator } = ratioParts(def);
  return {
    ...info,
    value: ratio.value,
    numerator: { ...info.numerator!, value: ratio.numerator },
    denominator: { ...info.denominator!, value: ratio.denominator },
    cells: ratio.cells.map((c) => ({ ...c, labels: cellLabels(numerator.dimensions, c.cell) })),
  };
}

/** Every registered figure for one scope: one aggregate query each. */
export async function computeFigures(request: FastifyRequest, query: ScopeQuery): Promise<{ scope: ScopeView; figures: FigureValue[] }> {
  const { scope, view } = await resolveScope(request, query);
  const figures = await Promise.all(allFigures().map((def) => figureValue(request.server.db, def, scope)));
  return { scope: view, figures };
}

/** "岳阳县 / 某镇（含下级）" */
export function scopeText(view: ScopeView): string {
  const region = view.regionName ?? view.regionCode;
  return view.orgName ? `${region} / ${view.orgName}${view.orgOnly ? '（本机构）' : '（含下级机构）'}` : `${region}（全行政区）`;
}

interface SheetRow {
  figure: FigureValue;
  part: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

const joinLabels = (figure: FigureValue, labels: Record<string, string>) =>
  figure.dimensions.filter((d) => d.key in labels).map((d) => `${d.label}：${labels[d.key]}`).join('；');

/** One row per figure (its total), then one per cell: what the statistics page shows, as a workbook. */
export async function exportFigures(request: FastifyRequest, query: ScopeQuery): Promise<{ file: Buffer; view: ScopeView }> {
  const { scope: view, figures } = await computeFigures(request, query);
  const rows: SheetRow[] = figures.flatMap((figure) => [
    { figure, part: '合计', value: figure.value, numerator: figure.numerator?.value, denominator: figure.denominator?.value },
    ...figure.cells.map((c) => ({ figure, part: joinLabels(figure, c.labels), value: c.value, numerator: c.numerator, denominator: c.denominator })),
  ]);
  const columns: Column<SheetRow>[] = [
    { header: '指标代码', width: 22, value: (r) => r.figure.code },
    { header: '指标名称', width: 16, value: (r) => r.figure.name },
    { header: '分项', width: 30, value: (r) => r.part },
    { header: '数值', width: 10, value: (r) => r.value ?? '—' },
    { header: '单位', width: 6, value: (r) => r.figure.unit },
    { header: '分子', width: 8, value: (r) => r.numerator },
    { header: '分母', width: 8, value: (r) => r.denominator },
    { header: '统计范围', width: 30, value: () => scopeText(view) },
    { header: '统计期间', width: 24, value: () => `${view.from} 至 ${view.to}` },
    { header: '统计截止日', width: 12, value: () => view.asOf },
    { header: '统计口径', width: 60, value: (r) => r.figure.description },
    { header: '依据', width: 50, value: (r) => r.figure.basis },
  ];
  return { file: await toXlsx('统计指标', columns, rows), view };
}
