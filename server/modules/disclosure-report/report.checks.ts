import { outcomeGroups, tableFourBlockLabels, tableFourBlocks, tableFourResults } from '../../../contracts/disclosure.ts';
import {
  reportCheckLabels,
  tableThreeColumnLabels,
  tableThreeColumns,
  tableThreeRows,
  type ReportCheck,
  type ReportCheckCode,
  type ReportFigures,
} from '../../../contracts/disclosure-report.ts';

/**
 * The checks a report must pass before it is published (domain.md §1.2, as the checkers of provincial
 * offices apply them). They read the figures only, so a report's frozen figures can be checked again and
 * a test can hand them deliberately inconsistent tables. Each failure names the cells.
 */

const rowLabel = new Map(tableThreeRows.map((r) => [r.code, r.label]));
const columnLabel = (i: number) => tableThreeColumnLabels[tableThreeColumns[i]!];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const cell = (figures: ReportFigures, row: string, column: number) => figures.tableThree[row]?.[column] ?? 0;

const result = (code: ReportCheckCode, problems: string[], skipped?: string): ReportCheck => ({
  code,
  name: reportCheckLabels[code],
  ok: problems.length === 0,
  message: problems.length ? problems.slice(0, 6).join('；') + (problems.length > 6 ? `等 ${problems.length} 处` : '') : (skipped ?? '通过'),
});

function balance(f: ReportFigures): ReportCheck {
  const problems: string[] = [];
  tableThreeColumns.forEach((_, i) => {
    const left = cell(f, 'new', i) + cell(f, 'carried', i);
    const right = cell(f, 'total', i) + cell(f, 'carriedNext', i);
    if (left !== right) problems.push(`“${columnLabel(i)}”列：一＋二＝${left}，三（七）＋四＝${right}`);
  });
  return result('balance', problems);
}

function subtotals(f: ReportFigures): ReportCheck {
  const problems: string[] = [];
  tableThreeColumns.forEach((_, i) => {
    for (const group of outcomeGroups) {
      if (group.leaves.length === 1 && group.leaves[0] === group.code) continue;
      const parts = sum(group.leaves.map((leaf) => cell(f, leaf, i)));
      if (parts !== cell(f, group.code, i)) problems.push(`“${columnLabel(i)}”列${rowLabel.get(group.code)!.replace(/（.*?）$/, '')}为${cell(f, group.code, i)}，其各项之和为${parts}`);
    }
    const groups = sum(outcomeGroups.map((g) => cell(f, g.code, i)));
    if (groups !== cell(f, 'total', i)) problems.push(`“${columnLabel(i)}”列（七）总计为${cell(f, 'total', i)}，（一）至（六）之和为${groups}`);
  });
  return result('subtotals', problems);
}

function totalColumn(f: ReportFigures): ReportCheck {
  const problems: string[] = [];
  const last = tableThreeColumns.length - 1;
  for (const row of tableThreeRows) {
    const values = f.tableThree[row.code];
    if (!values) continue;
    const six = sum(values.slice(0, last));
    if (six !== values[last]) problems.push(`“${row.label}”行：总计为${values[last]}，六类申请人之和为${six}`);
  }
  return result('totalColumn', problems);
}

function tableFourTotals(f: ReportFigures): ReportCheck {
  const problems: string[] = [];
  for (const block of tableFourBlocks) {
    const values = f.tableFour[block];
    const parts = sum(tableFourResults.filter((r) => r !== 'total').map((r) => values[r]));
    if (parts !== values.total) problems.push(`${tableFourBlockLabels[block]}：总计为${values.total}，各项之和为${parts}`);
  }
  return result('tableFourTotals', problems);
}

const NO_PREVIOUS = '上年无已发布的年度报告，未核对';

function inForce(f: ReportFigures, previous: ReportFigures | null): ReportCheck {
  if (!previous) return result('inForce', [], NO_PREVIOUS);
  const problems: string[] = [];
  for (const [row, label] of [
    ['regulations', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ] as const) {
    const now = f.tableTwo[row];
    const expected = previous.tableTwo[row].inForce + now.issued - now.repealed;
    if (expected !== now.inForce) problems.push(`${label}：现行有效${now.inForce}件，上年现行有效${previous.tableTwo[row].inForce}＋本年制发${now.issued}－本年废止${now.repealed}＝${expected}件`);
  }
  return result('inForce', problems);
}

function carryOver(f: ReportFigures, previous: ReportFigures | null): ReportCheck {
  if (!previous) return result('carryOver', [], NO_PREVIOUS);
  const problems: string[] = [];
  tableThreeColumns.forEach((_, i) => {
    const expected = cell(previous, 'carriedNext', i);
    if (cell(f, 'carried', i) !== expected) problems.push(`“${columnLabel(i)}”列：上年结转${cell(f, 'carried', i)}件，上年报告结转下年度${expected}件`);
  });
  return result('carryOver', problems);
}

/** Every check, in the order the console lists them. `previous`: last year's published report's figures. */
export function checkReport(figures: ReportFigures, previous: ReportFigures | null): ReportCheck[] {
  return [balance(figures), subtotals(figures), totalColumn(figures), tableFourTotals(figures), inForce(figures, previous), carryOver(figures, previous)];
}
