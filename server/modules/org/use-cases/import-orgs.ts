import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { errorReportXlsx, readXlsx } from '../../../kernel/excel/excel.ts';
import { write, type Audit } from '../../../kernel/http/context.ts';
import { findOrg, findOrgByCode, lockOrgTree } from '../../../kernel/org/org.repository.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { ORG_ENTITY, orgSnapshot } from '../org.audit.ts';
import { H, ORG_SHEET_HEADERS } from '../org.excel.ts';
import { insertOrg, moveSubtree, updateOrgFields, type Stamp } from '../org.repository.ts';
import { fieldsChanged, importedFields, planOrgImport, type ImportOp } from './plan-org-import.ts';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/**
 * Upserts organisations by (行政区划代码, 机构编码) from the sheet. All or nothing: a file with any bad
 * row writes nothing and answers every row's problems; otherwise one transaction, one audit row per
 * created or changed organisation. The trees of the regions involved are locked while it runs.
 */
export async function importOrgs(request: FastifyRequest, file: Buffer, dryRun: boolean): Promise<ImportCounts> {
  const scope = requirePermission(request.actor, 'org.write');
  const sheet = await readXlsx(file, ORG_SHEET_HEADERS);
  return write(request, async (tx, audit) => {
    const regions = [...new Set(sheet.map((r) => r.cells[H.regionCode]?.trim() ?? ''))].filter((r) => /^\d{6}$/.test(r)).sort();
    for (const region of regions) await lockOrgTree(tx, region);
    const plan = await planOrgImport(tx, request.actor!, scope, sheet);
    if (plan.errors.size) {
      const rows = [...plan.errors].sort(([a], [b]) => a - b).map(([row, errors]) => ({ row, errors }));
      throw new AppError('IMPORT_INVALID', `导入文件有 ${rows.length} 行存在错误，未导入任何数据`, { rows });
    }
    const counts = {
      created: plan.ops.filter((op) => op.kind === 'create').length,
      updated: plan.ops.filter((op) => op.kind === 'update').length,
      unchanged: plan.unchanged,
      dryRun,
    };
    if (dryRun) return counts;
    const stamp = { at: request.server.clock.now(), by: request.actor!.userId };
    for (const op of plan.ops) await applyOp(tx, audit, op, stamp);
    return counts;
  });
}

/** The uploaded rows that have problems, each with what is wrong (empty when the file is clean). */
export async function importReport(request: FastifyRequest, file: Buffer): Promise<Buffer> {
  const scope = requirePermission(request.actor, 'org.write');
  const sheet = await readXlsx(file, ORG_SHEET_HEADERS);
  const plan = await planOrgImport(request.server.db, request.actor!, scope, sheet);
  return errorReportXlsx(sheet, ORG_SHEET_HEADERS, plan.errors);
}

/** Parents are read fresh: an earlier operation of the same import may have moved them. */
async function applyOp(tx: Tx, audit: Audit, op: ImportOp, stamp: Stamp): Promise<void> {
  const { row } = op;
  const parent = op.parentKey ? ((await findOrgByCode(tx, row.regionCode, op.parentKey.split('/')[1]!)) ?? null) : null;
  const detail = { via: 'import', row: row.rowNumber, moved: op.moved };
  if (op.kind === 'create') {
    const created = await insertOrg(tx, { ...importedFields(row), id: crypto.randomUUID(), regionCode: row.regionCode, parent }, stamp);
    await audit({ action: 'org.create', entityType: ORG_ENTITY, entityId: created.id, orgId: created.id, regionCode: created.regionCode, after: orgSnapshot(created), detail });
    return;
  }
  const before = (await findOrg(tx, op.existing!.id))!;
  const changed = fieldsChanged(before, row);
  let current = changed ? await updateOrgFields(tx, before.id, before.version, importedFields(row, before), stamp) : before;
  let subtreeSize: number | undefined;
  if (op.moved) {
    subtreeSize = await moveSubtree(tx, current, parent, stamp, { bumpVersion: !changed });
    current = (await findOrg(tx, before.id))!;
  }
  await audit({
    action: 'org.update',
    entityType: ORG_ENTITY,
    entityId: before.id,
    orgId: before.id,
    regionCode: before.regionCode,
    before: orgSnapshot(before),
    after: orgSnapshot(current),
    detail: { ...detail, subtreeSize },
  });
}
