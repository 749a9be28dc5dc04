import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { parseDay, type SheetRow } from '../../kernel/excel/excel.ts';
import { checkCreditCode } from '../../kernel/validation/credit-code.ts';
import { enforcementFieldLabels, enforcementFields, inspectionResultLabels, inspectionResults, type EnforcementField, type InspectionResult } from '../../../contracts/enforcement.ts';
import type { importLookups, InspectionInsert } from './inspections.repository.ts';

/**
 * Reading an inspections sheet: streamed row by row (a county's year is 100,000 rows and more, which
 * exceljs's whole-workbook reader would hold several times over in memory), each row checked on its own
 * against the lookups of the region; the file is written only when every row is clean.
 */

export const H = {
  org: '执法部门',
  field: '执法领域',
  inspectedOn: '检查日期',
  targetName: '检查对象',
  targetType: '对象类型',
  creditCode: '统一社会信用代码',
  place: '检查地点',
  result: '检查结果',
  rectification: '责令整改',
  hazards: '发现隐患数',
  closed: '关停取缔',
  demolished: '拆除',
  documents: '出具执法文书数',
  transferred: '移送司法机关',
  officers: '执法人员',
  campaign: '专项整治行动',
  body: '执法主体',
  notes: '备注',
} as const;
export const REQUIRED_HEADERS: string[] = [H.field, H.inspectedOn, H.targetName, H.result];
export const ALL_HEADERS: string[] = Object.values(H);

/** A sheet larger than this is refused before any row is checked (split it into several files). */
export const MAX_ROWS = 200_000;
/** Rows with errors whose cells are kept for the answer and the error report. */
const KEPT_ERROR_ROWS = 1000;

export type Lookups = Awaited<ReturnType<typeof importLookups>>;
export type ImportRow = Omit<InspectionInsert, 'regionCode' | 'importId' | 'createdBy' | 'updatedBy'>;

export interface ParsedSheet {
  rows: ImportRow[];
  totalRows: number;
  errorRows: number;
  /** The first rows with errors, each with its cells (for the report) and its problems. */
  errors: { row: SheetRow; errors: string[] }[];
}

const loadExcelJs = async () => (await import('exceljs')).default;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return value.result instanceof Date ? value.result.toISOString().slice(0, 10) : String(value.result ?? '').trim();
    return '';
  }
  return String(value).trim();
}

/** Rows of the first sheet as header → text, streamed. `onRow` returns false to stop early. */
export async function* streamSheet(data: Buffer): AsyncGenerator<SheetRow | { headers: string[] }> {
  const ExcelJs = await loadExcelJs();
  const reader = new ExcelJs.stream.xlsx.WorkbookReader(Readable.from(data), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let headers: string[] | undefined;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        if (!headers) {
          headers = values.map((v) => cellText(v));
          yield { headers };
          continue;
        }
        const cells: Record<string, string> = {};
        let any = false;
        headers.forEach((header, col) => {
          if (!header) return;
          const text = cellText(values[col]);
          cells[header] = text;
          if (text) any = true;
        });
        if (any) yield { rowNumber: row.number, cells };
      }
      // Only the first sheet is read.
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_INVALID', '文件不是有效的 Excel（.xlsx）文件');
  }
  if (!headers) throw new AppError('IMPORT_INVALID', 'Excel 文件中没有数据');
}

const YES = new Set(['是', 'Y', 'y', '1', 'TRUE', 'true', '√']);
const NO = new Set(['否', 'N', 'n', '0', 'FALSE', 'false', '']);

const fieldByText = new Map<string, EnforcementField>([
  ...enforcementFields.map((f) => [f, f] as const),
  ...enforcementFields.map((f) => [enforcementFieldLabels[f], f] as const),
  ...enforcementFields.map((f) => [enforcementFieldLabels[f].replace(/（.*）$/, ''), f] as const),
]);
const resultByText = new Map<string, InspectionResult>([...inspectionResults.map((r) => [r, r] as const), ...inspectionResults.map((r) => [inspectionResultLabels[r], r] as const)]);

/** Checks a whole sheet: the rows to write, or every problem found (the first KEPT_ERROR_ROWS with their cells). */
export async function parseInspectionSheet(
  data: Buffer,
  ctx: { actor: Actor; scope: DataScope; lookups: Lookups; today: string; onProgress: (rowsRead: number) => void },
): Promise<ParsedSheet> {
  const { actor, scope, lookups, today } = ctx;
  const orgsByName = new Map<string, (typeof lookups.orgs)[number]>();
  for (const org of lookups.orgs) for (const key of [org.code, org.shortName, org.name]) if (key) orgsByName.set(key, org);
  const campaignsByTitle = new Map(lookups.campaigns.map((c) => [c.title, c.id]));
  const bodiesByName = new Map(lookups.bodies.map((b) => [b.name, b]));
  const mattersByKey = new Map<string, string>();
  for (const m of lookups.matters) mattersByKey.set(m.code, m.id).set(m.name, m.id);
  const ownOrg = lookups.orgs.find((o) => o.id === actor.orgId);
  const orgAllowed = (org: { id: string; path: string }) => (scope === 'own_org' ? org.id === actor.orgId : scope === 'org_subtree' ? org.path.startsWith(actor.orgPath) : true);

  const parsed: ParsedSheet = { rows: [], totalRows: 0, errorRows: 0, errors: [] };
  let headersSeen = false;
  for await (const item of streamSheet(data)) {
    if ('headers' in item) {
      const missing = REQUIRED_HEADERS.filter((h) => !item.headers.includes(h));
      if (missing.length) throw new AppError('IMPORT_INVALID', `缺少列：${missing.join('、')}`, { missingHeaders: missing });
      headersSeen = true;
      continue;
    }
    parsed.totalRows++;
    if (parsed.totalRows > MAX_ROWS) throw new AppError('IMPORT_INVALID', `一次最多导入 ${MAX_ROWS} 行，请拆分文件后分别导入`);
    if (parsed.totalRows % 5000 === 0) ctx.onProgress(parsed.totalRows);
    const errors: string[] = [];
    const cell = (h: string) => item.cells[h] ?? '';
    const text = (h: string, max: number, required = false): string | null => {
      const value = cell(h);
      if (!value) {
        if (required) errors.push(`${h}不能为空`);
        return null;
      }
      if (value.length > max) errors.push(`${h}不能超过${max}个字`);
      return value;
    };
    const flag = (h: string): boolean | null => {
      const value = cell(h);
      if (YES.has(value)) return true;
      if (NO.has(value)) return value === '' ? null : false;
      errors.push(`${h}应填“是”或“否”`);
      return false;
    };
    const count = (h: string): number => {
      const value = cell(h);
      if (!value) return 0;
      if (!/^\d{1,5}$/.test(value)) {
        errors.push(`${h}应为不小于0的整数`);
        return 0;
      }
      return Number(value);
    };

    const orgText = cell(H.org);
    let org = ownOrg;
    if (orgText) {
      org = orgsByName.get(orgText);
      if (!org) errors.push(`${H.org}“${orgText}”不存在或已停用`);
      else if (!orgAllowed(org)) errors.push(`只能导入本单位的检查记录，“${orgText}”不在本人办理范围内`);
    } else if (!org) errors.push(`${H.org}不能为空`);

    const fieldText = text(H.field, 30, true);
    const field = fieldText ? fieldByText.get(fieldText) : undefined;
    if (fieldText && !field) errors.push(`${H.field}“${fieldText}”无效`);
    const dayText = text(H.inspectedOn, 20, true);
    const inspectedOn = dayText ? parseDay(dayText) : null;
    if (dayText && !inspectedOn) errors.push(`${H.inspectedOn}“${dayText}”不是有效日期（如 2021-03-05）`);
    else if (inspectedOn && inspectedOn > today) errors.push(`${H.inspectedOn}不能晚于今天`);
    const resultText = text(H.result, 20, true);
    const result = resultText ? resultByText.get(resultText) : undefined;
    if (resultText && !result) errors.push(`${H.result}“${resultText}”无效，应为：${Object.values(inspectionResultLabels).join('、')}`);
    const creditCode = text(H.creditCode, 18)?.toUpperCase() ?? null;
    if (creditCode) {
      const check = checkCreditCode(creditCode);
      if (!check.ok) errors.push(check.reason);
    }
    const rectificationGiven = flag(H.rectification);
    if (result === 'rectification' && rectificationGiven === false) errors.push(`${H.result}为“责令整改”时${H.rectification}应为“是”`);
    const campaignText = text(H.campaign, 200);
    const campaignId = campaignText ? campaignsByTitle.get(campaignText) : undefined;
    if (campaignText && !campaignId) errors.push(`${H.campaign}“${campaignText}”不存在`);
    const bodyText = text(H.body, 100);
    const body = bodyText ? bodiesByName.get(bodyText) : undefined;
    if (bodyText && !body) errors.push(`${H.body}“${bodyText}”不存在`);
    else if (body && org && body.orgId !== org.id) errors.push(`${H.body}“${bodyText}”不属于${org.name}`);

    const row: ImportRow = {
      orgId: org?.id ?? '',
      bodyId: body?.id ?? null,
      matterId: null,
      field: field ?? 'other',
      campaignId: campaignId ?? null,
      inspectedOn: inspectedOn ?? '',
      targetName: text(H.targetName, 100, true) ?? '',
      targetType: text(H.targetType, 40),
      targetCreditCode: creditCode,
      place: text(H.place, 200),
      result: result ?? 'other',
      rectificationOrdered: rectificationGiven ?? result === 'rectification',
      hazardsFound: count(H.hazards),
      placeClosed: flag(H.closed) ?? false,
      demolished: flag(H.demolished) ?? false,
      documentsIssued: count(H.documents),
      transferredToJudiciary: flag(H.transferred) ?? false,
      officerNames: text(H.officers, 100),
      notes: text(H.notes, 2000),
    };
    if (errors.length) {
      parsed.errorRows++;
      if (parsed.errors.length < KEPT_ERROR_ROWS) parsed.errors.push({ row: item, errors });
    } else if (!parsed.errorRows) parsed.rows.push(row);
  }
  if (!headersSeen) throw new AppError('IMPORT_INVALID', 'Excel 文件中没有数据');
  if (!parsed.totalRows) throw new AppError('IMPORT_INVALID', 'Excel 文件中没有检查记录');
  ctx.onProgress(parsed.totalRows);
  return parsed;
}
