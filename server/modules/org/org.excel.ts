import type { Column, SheetRow } from '../../kernel/excel/excel.ts';
import type { OrgRow } from '../../kernel/org/org.repository.ts';
import { orgStatuses, orgTypes, type OrgStatus, type OrgType } from '../../kernel/org/org.tables.ts';
import { checkCreditCode } from '../../kernel/validation/credit-code.ts';
import { checkRegionCode } from '../../kernel/validation/region-code.ts';
import { orgStatusLabels, orgTypeLabels } from './org.schemas.ts';

/** The organisation sheet: the export writes it and the import reads it back (round trip). */
export const H = {
  code: '机构编码',
  name: '机构名称',
  shortName: '简称',
  parentCode: '上级机构编码',
  type: '机构类型',
  creditCode: '统一社会信用代码',
  regionCode: '行政区划代码',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  address: '地址',
  status: '状态',
  sortOrder: '排序',
} as const;

export const ORG_SHEET_HEADERS: string[] = Object.values(H);

export interface ExportRow {
  org: OrgRow;
  parentCode: string | null;
}

export const orgSheetColumns: Column<ExportRow>[] = [
  { header: H.code, width: 16, value: (r) => r.org.code },
  { header: H.name, width: 36, value: (r) => r.org.name },
  { header: H.shortName, width: 16, value: (r) => r.org.shortName },
  { header: H.parentCode, width: 16, value: (r) => r.parentCode },
  { header: H.type, value: (r) => orgTypeLabels[r.org.type] },
  { header: H.creditCode, width: 22, value: (r) => r.org.creditCode },
  { header: H.regionCode, width: 14, value: (r) => r.org.regionCode },
  { header: H.contactPerson, value: (r) => r.org.contactPerson },
  { header: H.contactPhone, width: 16, value: (r) => r.org.contactPhone },
  { header: H.address, width: 36, value: (r) => r.org.address },
  { header: H.status, width: 8, value: (r) => orgStatusLabels[r.org.status] },
  { header: H.sortOrder, width: 8, value: (r) => r.org.sortOrder },
];

/** Parents before children, siblings in the order given (sort order, then name): how people read a tree. */
export function treeOrder(rows: ExportRow[]): ExportRow[] {
  const ids = new Set(rows.map((r) => r.org.id));
  const children = new Map<string, ExportRow[]>();
  const roots: ExportRow[] = [];
  for (const row of rows) {
    const parentId = row.org.parentId;
    if (!parentId || !ids.has(parentId)) roots.push(row);
    else if (children.has(parentId)) children.get(parentId)!.push(row);
    else children.set(parentId, [row]);
  }
  const out: ExportRow[] = [];
  const visit = (row: ExportRow) => {
    out.push(row);
    for (const child of children.get(row.org.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  return out;
}

/** One sheet row read as an organisation; fields that could not be read are reported in `errors`. */
export interface ParsedOrgRow {
  rowNumber: number;
  regionCode: string;
  code: string;
  /** `${regionCode}/${code}` when both are usable: the key the import upserts by. */
  key: string | null;
  parentCode: string | null;
  name: string;
  shortName: string | null;
  type: OrgType;
  creditCode: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  address: string | null;
  /** null: not given (a new organisation is active, an existing one keeps its status). */
  status: OrgStatus | null;
  /** null: not given (0 for a new organisation, unchanged for an existing one). */
  sortOrder: number | null;
  errors: string[];
}

export const orgKey = (regionCode: string, code: string) => `${regionCode}/${code}`;

const typeByLabel = new Map<string, OrgType>([
  ...orgTypes.map((t) => [orgTypeLabels[t], t] as const),
  ...orgTypes.map((t) => [t, t] as const),
]);
const statusByLabel = new Map<string, OrgStatus>([
  ...orgStatuses.map((s) => [orgStatusLabels[s], s] as const),
  ...orgStatuses.map((s) => [s, s] as const),
]);

/** Checks one row on its own (the tree, duplicates and scope are checked by the import plan). */
export function parseOrgRow(sheetRow: SheetRow, knownRegions: ReadonlySet<string>): ParsedOrgRow {
  const errors: string[] = [];
  const cell = (header: string) => sheetRow.cells[header]?.trim() ?? '';
  const text = (header: string, max: number, required = false): string | null => {
    const value = cell(header);
    if (!value) {
      if (required) errors.push(`${header}不能为空`);
      return null;
    }
    if (value.length > max) errors.push(`${header}不能超过${max}个字`);
    return value;
  };

  const code = text(H.code, 64, true) ?? '';
  if (code && !/^[0-9A-Za-z_.-]+$/.test(code)) errors.push(`${H.code}只能包含字母、数字、下划线、点和短横线`);
  const regionCode = text(H.regionCode, 6, true) ?? '';
  let regionOk = false;
  if (regionCode) {
    const region = checkRegionCode(regionCode);
    if (!region.ok) errors.push(region.reason);
    else if (!knownRegions.has(regionCode)) errors.push(`${H.regionCode}“${regionCode}”不在本系统的行政区划中`);
    else regionOk = true;
  }
  const typeLabel = text(H.type, 20, true);
  const type = typeLabel ? typeByLabel.get(typeLabel) : undefined;
  if (typeLabel && !type) errors.push(`${H.type}“${typeLabel}”无效，应为：${Object.values(orgTypeLabels).join('、')}`);
  const creditCode = text(H.creditCode, 18)?.toUpperCase() ?? null;
  if (creditCode) {
    const check = checkCreditCode(creditCode);
    if (!check.ok) errors.push(check.reason);
  }
  const statusLabel = text(H.status, 10);
  const status = statusLabel ? statusByLabel.get(statusLabel) : undefined;
  if (statusLabel && !status) errors.push(`${H.status}“${statusLabel}”无效，应为“启用”或“停用”`);
  const sortText = cell(H.sortOrder);
  const sortOrder = /^-?\d{1,7}$/.test(sortText) ? Number(sortText) : null;
  if (sortText && sortOrder === null) errors.push(`${H.sortOrder}应为整数`);
  const parentCode = text(H.parentCode, 64);

  return {
    rowNumber: sheetRow.rowNumber,
    regionCode,
    code,
    key: code && regionOk ? orgKey(regionCode, code) : null,
    parentCode,
    name: text(H.name, 100, true) ?? '',
    shortName: text(H.shortName, 50),
    type: type ?? 'other',
    creditCode,
    contactPerson: text(H.contactPerson, 50),
    contactPhone: text(H.contactPhone, 30),
    address: text(H.address, 200),
    status: status ?? null,
    sortOrder,
    errors,
  };
}
