import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { verifyAudit, type VerifyResult } from '../../../kernel/audit/verify.ts';
import { auditActionLabels, entityTypeLabels } from '../../../../contracts/labels.ts';
import { beijingTime } from '../../../kernel/clock/clock.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { auditRead } from '../../../kernel/http/context.ts';
import { auditScope, countAuditRows, findAuditRows } from '../audit.repository.ts';
import type { AuditFilter, AuditRow } from '../audit.schemas.ts';

/** An export is one workbook in memory: beyond this the auditor narrows the filter. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Beijing has no daylight saving: UTC+8 all year. */
const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

const columns: Column<AuditRow>[] = [
  { header: '审计链', width: 10, value: (r) => r.chain },
  { header: '序号', width: 8, value: (r) => r.seq },
  { header: '时间（北京时间）', width: 20, value: (r) => beijingTime(r.at, true) },
  { header: '操作人', width: 16, value: (r) => r.actorName },
  { header: 'IP 地址', width: 16, value: (r) => r.ip },
  { header: '操作', width: 20, value: (r) => auditActionLabels[r.action] ?? r.action },
  { header: '操作代码', width: 20, value: (r) => r.action },
  { header: '对象类型', width: 14, value: (r) => (r.entityType ? (entityTypeLabels[r.entityType] ?? r.entityType) : null) },
  { header: '对象编号', width: 38, value: (r) => r.entityId },
  { header: '所属机构', width: 24, value: (r) => r.orgName },
  { header: '变更前', width: 40, value: (r) => json(r.before) },
  { header: '变更后', width: 40, value: (r) => json(r.after) },
  { header: '详情', width: 30, value: (r) => json(r.detail) },
  { header: '哈希（SM3）', width: 66, value: (r) => r.hash },
];

/**
 * Reading the audit log is itself audited (等保: the auditor is audited too): one row per request,
 * written before the answer leaves, naming the filter used.
 */
const recordRead = (request: FastifyRequest, kind: 'list' | 'export' | 'verify', detail: object) =>
  auditRead(request, { action: 'audit.read', entityType: 'audit_log', detail: { kind, ...detail } });

export async function listAuditLog(request: FastifyRequest, filter: AuditFilter, page: number, pageSize: number) {
  const scope = auditScope(request.actor!, requirePermission(request.actor, 'audit.read'));
  const { db } = request.server;
  const items = await findAuditRows(db, scope, filter, pageSize, (page - 1) * pageSize);
  const total = await countAuditRows(db, scope, filter);
  await recordRead(request, 'list', { filter, page, pageSize, total });
  return { items, total, page, pageSize };
}

export async function exportAuditLog(request: FastifyRequest, filter: AuditFilter): Promise<Buffer> {
  const scope = auditScope(request.actor!, requirePermission(request.actor, 'audit.read'));
  const { db } = request.server;
  const total = await countAuditRows(db, scope, filter);
  if (total > AUDIT_EXPORT_LIMIT) {
    throw new AppError('BAD_REQUEST', `符合条件的审计记录有 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_LIMIT} 条，请缩小时间范围或增加筛选条件`);
  }
  const rows = await findAuditRows(db, scope, filter, AUDIT_EXPORT_LIMIT);
  await recordRead(request, 'export', { filter, total });
  return toXlsx('审计日志', columns, rows);
}

/** An auditor of all regions verifies every chain; any other auditor the chain of their region. */
export async function verifyAuditLog(request: FastifyRequest): Promise<VerifyResult> {
  const scope = requirePermission(request.actor, 'audit.read');
  const result = await verifyAudit(request.server.db, scope === 'all' ? {} : { chains: [request.actor!.regionCode] });
  await recordRead(request, 'verify', { ok: result.ok, firstBroken: result.firstBroken ?? null });
  return result;
}
