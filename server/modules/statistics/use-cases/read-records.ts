import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { cellLabels, findFigure, type Cell, type FigureRecord, type IndicatorDef } from '../../../kernel/indicators/define-indicator.ts';
import { countFigureRecords, findFigureRecords } from '../../../kernel/indicators/indicators.repository.ts';
import type { RecordsFilter } from '../statistics.schemas.ts';
import { resolveScope } from './resolve-scope.ts';
import { scopeText } from './read-figures.ts';

/** A workbook is built in memory: beyond this the reader narrows the period or the organisation. */
export const RECORDS_EXPORT_LIMIT = 50_000;

const CellJson = z.record(z.string().max(40), z.string().max(200));

/** The indicator and the cell asked for; a ratio has no records of its own (its parts have). */
function target(code: string, cellText: string | undefined): { def: IndicatorDef; cell: Cell } {
  const def = findFigure(code);
  if (!def) throw new AppError('NOT_FOUND', `指标不存在：${code}`);
  if (def.kind === 'ratio') {
    throw new AppError('BAD_REQUEST', `「${def.name}」是比率，请分别查看其分子（${def.numerator.code}）或分母（${def.denominator.code}）的明细`);
  }
  let parsed: unknown = {};
  try {
    parsed = cellText ? JSON.parse(cellText) : {};
  } catch {
    throw new AppError('VALIDATION_FAILED', '分项：应为 JSON 对象，例如 {"caseType":"reconsideration"}');
  }
  const cell = CellJson.safeParse(parsed);
  if (!cell.success) throw new AppError('VALIDATION_FAILED', '分项：应为 JSON 对象，每个维度取一个文字值');
  const keys = new Set(def.dimensions.map((d) => d.key));
  const unknown = Object.keys(cell.data).filter((k) => !keys.has(k));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', `分项：指标「${def.name}」没有维度 ${unknown.join('、')}`);
  return { def, cell: cell.data };
}

const figureOf = (def: IndicatorDef) => ({ code: def.code, name: def.name, unit: def.unit, recordDate: def.recordDate });

/** The rows behind a figure (or one of its cells), paged: the same rows the figure counts. */
export async function listRecords(request: FastifyRequest, query: RecordsFilter & { page: number; pageSize: number }) {
  const { scope, view } = await resolveScope(request, query);
  const { def, cell } = target(query.code, query.cell);
  const db = request.server.db;
  const [items, total] = await Promise.all([
    findFigureRecords(db, def, scope, cell, query.pageSize, (query.page - 1) * query.pageSize),
    countFigureRecords(db, def, scope, cell),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, scope: view, figure: figureOf(def), cell, cellLabels: cellLabels(def.dimensions, cell) };
}

export async function exportRecords(request: FastifyRequest, query: RecordsFilter): Promise<{ file: Buffer; name: string }> {
  const { scope, view } = await resolveScope(request, query);
  const { def, cell } = target(query.code, query.cell);
  const db = request.server.db;
  const total = await countFigureRecords(db, def, scope, cell);
  if (total > RECORDS_EXPORT_LIMIT) {
    throw new AppError('BAD_REQUEST', `明细有 ${total} 条，超过单次导出上限 ${RECORDS_EXPORT_LIMIT} 条，请缩小统计期间或机构范围`);
  }
  const rows = await findFigureRecords(db, def, scope, cell, RECORDS_EXPORT_LIMIT);
  const labels = Object.values(cellLabels(def.dimensions, cell)).join('、');
  const columns: Column<FigureRecord>[] = [
    { header: '标题', width: 40, value: (r) => r.title },
    { header: '类别', width: 14, value: (r) => r.category },
    { header: '机构', width: 24, value: (r) => r.orgName },
    { header: def.recordDate, width: 12, value: (r) => r.date },
    { header: '状态', width: 12, value: (r) => r.label },
    { header: '编号', width: 38, value: (r) => r.id },
    { header: '统计范围', width: 30, value: () => scopeText(view) },
  ];
  const name = `${def.name}${labels ? `（${labels}）` : ''}明细_${view.from}至${view.to}.xlsx`;
  return { file: await toXlsx(`${def.name}明细`.slice(0, 31), columns, rows), name };
}
