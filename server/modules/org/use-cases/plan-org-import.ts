import type { Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import type { SheetRow } from '../../../kernel/excel/excel.ts';
import { orgInScope, type OrgRow } from '../../../kernel/org/org.repository.ts';
import type { OrgStatus } from '../../../kernel/org/org.tables.ts';
import { orgKey, parseOrgRow, type ParsedOrgRow } from '../org.excel.ts';
import { activeUserCounts, findOrgsByCreditCodes, listRegions, regionOrgs } from '../org.repository.ts';
import { mayManageRegion } from './org-guards.ts';

export interface ImportOp {
  kind: 'create' | 'update';
  row: ParsedOrgRow;
  existing?: OrgRow;
  /** Key of the final parent, or null for a root. */
  parentKey: string | null;
  moved: boolean;
}

export interface ImportPlan {
  rows: ParsedOrgRow[];
  /** Row number → what is wrong with it; empty when the file can be applied. */
  errors: Map<number, string[]>;
  /** Creates and updates, parents before children. */
  ops: ImportOp[];
  unchanged: number;
}

/**
 * Checks a whole organisation sheet against the database as it would be after the import: every row on
 * its own, duplicate codes, parents referenced by code (in the file or the database, any order), cycles,
 * the actor's scope, credit code uniqueness, and that no active organisation ends up under an inactive
 * one or an organisation with active accounts is deactivated.
 */
export async function planOrgImport(db: Queryable, actor: Actor, scope: DataScope, sheet: SheetRow[]): Promise<ImportPlan> {
  const regions = new Set((await listRegions(db)).map((r) => r.code));
  const rows = sheet.map((r) => parseOrgRow(r, regions));
  const fail = (row: ParsedOrgRow, message: string) => row.errors.push(message);

  const file = new Map<string, ParsedOrgRow>();
  const byCredit = new Map<string, ParsedOrgRow>();
  for (const row of rows) {
    if (row.key) {
      const first = file.get(row.key);
      if (first) fail(row, `机构编码“${row.code}”与第${first.rowNumber}行重复`);
      else file.set(row.key, row);
    }
    if (row.creditCode) {
      const first = byCredit.get(row.creditCode);
      if (first) fail(row, `统一社会信用代码与第${first.rowNumber}行重复`);
      else byCredit.set(row.creditCode, row);
    }
  }

  const stored = new Map<string, OrgRow>();
  const dbById = new Map<string, OrgRow>();
  const users = new Map<string, number>();
  for (const region of new Set([...file.values()].map((r) => r.regionCode))) {
    for (const org of await regionOrgs(db, region)) {
      stored.set(orgKey(org.regionCode, org.code), org);
      dbById.set(org.id, org);
    }
    for (const [orgId, n] of await activeUserCounts(db, region)) users.set(orgId, n);
  }
  const keyOfId = (id: string | null) => (id && dbById.has(id) ? orgKey(dbById.get(id)!.regionCode, dbById.get(id)!.code) : null);

  // Where each file row hangs after the import (undefined: its parent could not be resolved).
  const parentOf = new Map<ParsedOrgRow, string | null>();
  for (const row of file.values()) {
    const existing = stored.get(row.key!);
    let parentKey: string | null = null;
    if (row.parentCode) {
      parentKey = orgKey(row.regionCode, row.parentCode);
      if (row.parentCode === row.code) {
        fail(row, '上级机构编码不能是本机构自己');
        continue;
      }
      if (!file.has(parentKey) && !stored.has(parentKey)) {
        fail(row, `上级机构编码“${row.parentCode}”在文件和系统中都不存在`);
        continue;
      }
    }
    parentOf.set(row, parentKey);
    const sameParent = !!existing && keyOfId(existing.parentId) === parentKey;
    // An unchanged row of an organisation outside the scope is no change at all: files are often
    // exported by someone who sees more than they manage.
    if (existing && !orgInScope(actor, scope, existing) && !(sameParent && !fieldsChanged(existing, row))) {
      fail(row, `机构“${row.code}”不在您的管理范围内，不能修改`);
    }
    if (sameParent) continue;
    if (!parentKey) {
      if (!mayManageRegion(actor, scope, row.regionCode)) fail(row, '没有新建或移为顶级机构的权限（需要本行政区范围的机构管理权限）');
    } else if (!file.has(parentKey) && !orgInScope(actor, scope, stored.get(parentKey)!)) {
      fail(row, `上级机构“${row.parentCode}”不在您的管理范围内`);
    }
  }

  for (const taken of await findOrgsByCreditCodes(db, [...byCredit.keys()])) {
    const row = byCredit.get(taken.creditCode!)!;
    const takenKey = orgKey(taken.regionCode, taken.code);
    if (takenKey !== row.key && !file.has(takenKey)) fail(row, `统一社会信用代码已被机构“${taken.name}”使用`);
  }

  // The tree after the import: file rows override the database.
  const finalParent = (key: string): string | null | undefined => {
    const row = file.get(key);
    return row ? parentOf.get(row) : keyOfId(stored.get(key)?.parentId ?? null);
  };
  const finalStatus = (key: string): OrgStatus => {
    const row = file.get(key);
    return row?.status ?? stored.get(key)?.status ?? 'active';
  };
  const children = new Map<string, string[]>();
  for (const key of new Set([...stored.keys(), ...file.keys()])) {
    const parent = finalParent(key);
    if (!parent) continue;
    if (children.has(parent)) children.get(parent)!.push(key);
    else children.set(parent, [key]);
  }

  for (const row of file.values()) {
    if (!parentOf.has(row)) continue;
    const cycle = cycleThrough(row.key!, finalParent, file.size + stored.size);
    if (cycle) {
      fail(row, `上级关系形成循环：${cycle.map((k) => k.split('/')[1]).join(' → ')}`);
      continue;
    }
    const existing = stored.get(row.key!);
    const parentKey = parentOf.get(row)!;
    if (finalStatus(row.key!) === 'active') {
      if (parentKey && finalStatus(parentKey) === 'inactive') fail(row, `上级机构“${row.parentCode}”为停用状态，本机构不能为启用`);
    } else if (existing?.status !== 'inactive') {
      const active = (children.get(row.key!) ?? []).filter((k) => finalStatus(k) === 'active');
      if (active.length) fail(row, `还有启用的下级机构（${active.map((k) => k.split('/')[1]).join('、')}），不能停用`);
      const accounts = existing ? (users.get(existing.id) ?? 0) : 0;
      if (accounts) fail(row, `还有 ${accounts} 个启用的用户账号，不能停用`);
    }
  }

  const errors = new Map(rows.filter((r) => r.errors.length).map((r) => [r.rowNumber, r.errors]));
  if (errors.size) return { rows, errors, ops: [], unchanged: 0 };

  const ops: ImportOp[] = [];
  let unchanged = 0;
  // A row is applied after every file row above it in the final tree, even through database rows in
  // between, so that a move never hangs a subtree under a node that is still inside it.
  const fileAncestor = (row: ParsedOrgRow) => {
    let key = parentOf.get(row);
    while (key && !file.has(key)) key = finalParent(key);
    return key ? file.get(key) : undefined;
  };
  const ordered = parentsFirst([...file.values()], fileAncestor);
  for (const row of ordered) {
    const existing = stored.get(row.key!);
    const parentKey = parentOf.get(row)!;
    if (!existing) {
      ops.push({ kind: 'create', row, parentKey, moved: false });
      continue;
    }
    const moved = keyOfId(existing.parentId) !== parentKey;
    if (moved || fieldsChanged(existing, row)) ops.push({ kind: 'update', row, existing, parentKey, moved });
    else unchanged++;
  }
  return { rows, errors, ops, unchanged };
}

/** The keys of the cycle `start` lies on in the final tree, or null. */
function cycleThrough(start: string, parentOf: (key: string) => string | null | undefined, limit: number): string[] | null {
  const chain = [start];
  let key = parentOf(start);
  for (let steps = 0; key && steps <= limit; steps++) {
    chain.push(key);
    if (key === start) return chain;
    key = parentOf(key);
  }
  return null;
}

function parentsFirst<T>(items: T[], parentOf: (item: T) => T | undefined): T[] {
  const out: T[] = [];
  const seen = new Set<T>();
  const visit = (item: T) => {
    if (seen.has(item)) return;
    seen.add(item);
    const parent = parentOf(item);
    if (parent) visit(parent);
    out.push(item);
  };
  items.forEach(visit);
  return out;
}

/** The values an import row gives an existing organisation (blank status and sort order keep theirs). */
export function importedFields(row: ParsedOrgRow, existing?: OrgRow) {
  return {
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    type: row.type,
    creditCode: row.creditCode,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    address: row.address,
    status: row.status ?? existing?.status ?? 'active',
    sortOrder: row.sortOrder ?? existing?.sortOrder ?? 0,
  };
}

export function fieldsChanged(existing: OrgRow, row: ParsedOrgRow): boolean {
  const next = importedFields(row, existing);
  return (Object.keys(next) as (keyof typeof next)[]).some((field) => next[field] !== existing[field]);
}
