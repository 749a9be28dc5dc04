import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { toXlsx, type Column } from '../../kernel/excel/excel.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markDates } from '../../kernel/workflow/marks.ts';
import { LEGALITY_REVIEW, LEGALITY_STATE, type QueueFilter } from './legality.ts';
import { findQueue, findQueueForExport, type QueueRow } from './legality.repository.ts';

const EXPORT_LIMIT = 50_000;

const present = (row: QueueRow) => {
  const workflow = getWorkflow(row.caseType);
  return { ...row, caseTypeLabel: workflow.label, stateLabel: workflow.states[LEGALITY_STATE]?.label ?? '合法性审查中' };
};
export type QueueItem = ReturnType<typeof present>;

export async function listQueue(request: FastifyRequest, query: QueueFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, LEGALITY_REVIEW);
  const actor = request.actor!;
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, actor.regionCode);
  const { items, total } = await findQueue(request.server.db, actor, filter, dates, { page, pageSize });
  return { items: items.map(present), total, page, pageSize };
}

const markLabels = { overdue: '已逾期', dueSoon: '即将到期' } as const;

const columns: Column<QueueItem>[] = [
  { header: '事项类型', width: 14, value: (r) => r.caseTypeLabel },
  { header: '标题', width: 48, value: (r) => r.title },
  { header: '文号', width: 20, value: (r) => r.caseNo },
  { header: '送审单位', width: 24, value: (r) => r.orgName },
  { header: '送审日期', width: 12, value: (r) => r.submittedOn },
  { header: '审查期限', width: 12, value: (r) => r.dueOn },
  { header: '期限状态', width: 10, value: (r) => (r.mark ? markLabels[r.mark] : '') },
];

export async function exportQueue(request: FastifyRequest, filter: QueueFilter): Promise<Buffer> {
  requirePermission(request.actor, LEGALITY_REVIEW);
  const actor = request.actor!;
  const dates = await markDates(request, actor.regionCode);
  const rows = await findQueueForExport(request.server.db, actor, filter, dates, EXPORT_LIMIT);
  return toXlsx('合法性审查', columns, rows.map(present));
}
