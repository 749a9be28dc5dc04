import type ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error.ts';

/** exceljs takes ~0.3 s to load: only when a workbook is first made or read, not at start-up. */
const loadExcelJs = async () => (await import('exceljs')).default;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column<T> {
  /** Chinese header, also the key an import reads the column by. */
  header: string;
  width?: number;
  value: (row: T) => string | number | Date | null | undefined;
}

/** One sheet with a bold, frozen header row: what every list's "导出 Excel" produces. */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Fazhi';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface SheetRow {
  /** 1-based row number in the sheet, as a user sees it in Excel. */
  rowNumber: number;
  /** Cell text by header. */
  cells: Record<string, string>;
}

/** Reads the first sheet; the first row holds the headers. Every cell comes back as trimmed text. */
export async function readXlsx(data: Buffer, requiredHeaders: string[]): Promise<SheetRow[]> {
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_INVALID', '文件不是有效的 Excel（.xlsx）文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_INVALID', 'Excel 文件中没有工作表');
  const headers = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => headers.set(col, cellText(cell.value)));
  const missing = requiredHeaders.filter((h) => ![...headers.values()].includes(h));
  if (missing.length) throw new AppError('IMPORT_INVALID', `缺少列：${missing.join('、')}`, { missingHeaders: missing });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((header, col) => (cells[header] = cellText(row.getCell(col).value)));
    if (Object.values(cells).some((v) => v !== '')) rows.push({ rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return String(value.result ?? '').trim();
    return '';
  }
  return String(value).trim();
}

/** An import's error report: the uploaded rows with an added column saying what is wrong with each. */
export async function errorReportXlsx(rows: SheetRow[], headers: string[], errors: Map<number, string[]>): Promise<Buffer> {
  const columns: Column<SheetRow>[] = [
    { header: '行号', width: 8, value: (r) => r.rowNumber },
    ...headers.map((h) => ({ header: h, value: (r: SheetRow) => r.cells[h] ?? '' })),
    { header: '错误说明', width: 60, value: (r) => (errors.get(r.rowNumber) ?? []).join('；') },
  ];
  return toXlsx('导入错误报告', columns, rows.filter((r) => errors.has(r.rowNumber)));
}

const excelEpoch = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** 2021-03-05, 2021/3/5, 2021年3月5日, 2021.3.5 or an Excel day number. */
export function parseDay(text: string): string | null {
  if (/^\d{5}(\.\d+)?$/.test(text)) return new Date(excelEpoch + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
