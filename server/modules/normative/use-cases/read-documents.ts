import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { addCalendarMonths, addDays, beijingToday } from '../../../kernel/calendar/local-date.ts';
import { commentCounts, consultationsOf, isOpen } from '../../../kernel/consultation/consultation.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { getWorkflow } from '../../../kernel/workflow/define-workflow.ts';
import { markDates, markOf, type MarkDates } from '../../../kernel/workflow/marks.ts';
import { inForceStatuses, legalStatusLabels, type LegalStatus } from '../../../../contracts/normative.ts';
import { HANDLE, NORMATIVE, READ } from '../normative.permissions.ts';
import {
  findChangedBy,
  findDocuments,
  findDocumentsForExport,
  findExpiring,
  findReadableDocument,
  findReviewsOf,
  editableStates,
  findStatusChanges,
  getDocument,
  stateLabel,
  type DocumentListRow,
} from '../normative.repository.ts';
import type { DocumentDetail, DocumentFilter, DocumentItem } from '../normative.schemas.ts';
import { readNormativeSettings } from '../normative.settings.ts';

const EXPORT_LIMIT = 50_000;

/** Today and the last day of the expiry reminder (today + the county's reminder months). */
export async function reminderWindow(request: FastifyRequest, regionCode: string): Promise<{ today: string; limit: string }> {
  const today = beijingToday(request.server.clock);
  const { expiryReminderMonths } = (await readNormativeSettings(request.server.db, regionCode)).value;
  return { today, limit: addCalendarMonths(today, expiryReminderMonths) };
}

const statusLabel = (status: string | null) => (status ? (legalStatusLabels[status as LegalStatus] ?? status) : null);

export function presentItem(row: DocumentListRow, dates: MarkDates, reminderLimit: string): DocumentItem {
  const { regionCode: _r, orgPath: _p, docYear: _y, numberedOn: _n, openedAt: _o, ...item } = row;
  const lastFiled = [row.filedWithGovernmentOn, row.filedWithCongressOn].filter((d): d is string => d !== null).sort().pop() ?? null;
  return {
    ...item,
    status: row.status,
    stateLabel: stateLabel(row.state),
    statusLabel: statusLabel(row.status),
    filingMark: row.state === 'published' ? markOf(row.filingDueOn, dates) : null,
    filingLate: !!(row.filingDueOn && lastFiled && lastFiled > row.filingDueOn),
    expiringSoon: !!(row.status && inForceStatuses.includes(row.status) && row.validUntil && row.validUntil <= reminderLimit),
  };
}

export async function listDocuments(request: FastifyRequest, query: DocumentFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const { page, pageSize, ...filter } = query;
  const [{ today, limit }, dates] = await Promise.all([reminderWindow(request, actor.regionCode), markDates(request, actor.regionCode)]);
  const { items, total } = await findDocuments(request.server.db, actor, filter, today, { page, pageSize });
  return { items: items.map((row) => presentItem(row, dates, limit)), total, page, pageSize };
}

export const documentColumns: Column<DocumentItem>[] = [
  { header: '文号', width: 22, value: (d) => d.docNo },
  { header: '标题', width: 48, value: (d) => d.title },
  { header: '制定机关', width: 22, value: (d) => d.issuerName },
  { header: '起草单位', width: 22, value: (d) => d.orgName },
  { header: '办理环节', width: 20, value: (d) => d.stateLabel },
  { header: '效力状态', width: 12, value: (d) => d.statusLabel },
  { header: '公布日期', width: 12, value: (d) => d.publishedOn },
  { header: '施行日期', width: 12, value: (d) => d.effectiveOn },
  { header: '有效期至', width: 12, value: (d) => d.validUntil },
  { header: '备案期限', width: 12, value: (d) => d.filingDueOn },
  { header: '报市政府备案', width: 14, value: (d) => d.filedWithGovernmentOn },
  { header: '报县人大常委会备案', width: 18, value: (d) => d.filedWithCongressOn },
  { header: '主题', width: 24, value: (d) => d.topics.join('、') },
];

export async function exportDocuments(request: FastifyRequest, filter: DocumentFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const [{ today, limit }, dates] = await Promise.all([reminderWindow(request, actor.regionCode), markDates(request, actor.regionCode)]);
  const rows = await findDocumentsForExport(request.server.db, actor, filter, today, EXPORT_LIMIT);
  return toXlsx('规范性文件', documentColumns, rows.map((row) => presentItem(row, dates, limit)));
}

/** In force and ending within the reminder window: to evaluate (评估) and decide whether to renew. */
export async function listExpiring(request: FastifyRequest) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const [{ today, limit }, dates] = await Promise.all([reminderWindow(request, actor.regionCode), markDates(request, actor.regionCode)]);
  const rows = await findExpiring(request.server.db, actor, today, limit);
  return { until: limit, items: rows.map((row) => presentItem(row, dates, limit)) };
}

/** The status history as recorded, plus the lapse at the end of the validity, which nobody records. */
export async function statusHistoryOf(db: FastifyRequest['server']['db'], row: { id: string; status: LegalStatus | null; validUntil: string | null }) {
  const recorded = (await findStatusChanges(db, row.id)).map((c) => ({ ...c, status: c.status as LegalStatus, statusLabel: statusLabel(c.status)!, computed: false }));
  if (row.status === 'expired' && row.validUntil && !recorded.some((c) => c.status === 'expired')) {
    recorded.push({
      id: crypto.randomUUID(),
      status: 'expired',
      statusLabel: legalStatusLabels.expired,
      changedOn: addDays(row.validUntil, 1),
      byDocumentId: null,
      byDocumentTitle: null,
      byDocumentNo: null,
      byText: '有效期届满',
      campaignId: null,
      reason: `有效期至 ${row.validUntil}`,
      computed: true,
    });
  }
  return recorded.map(({ campaignId: _c, ...c }) => c);
}

export const changedOf = async (db: FastifyRequest['server']['db'], id: string) =>
  (await findChangedBy(db, id)).map((c) => ({ ...c, statusLabel: statusLabel(c.status)! }));

/** The module's view of one document: fields, procedure marks, status history, links both ways. */
export async function getDocumentDetail(request: FastifyRequest, id: string): Promise<DocumentDetail> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const db = request.server.db;
  const [{ today, limit }, dates] = await Promise.all([reminderWindow(request, actor.regionCode), markDates(request, actor.regionCode)]);
  const row = await findReadableDocument(db, actor, id, today);
  if (!row) throw new AppError('NOT_FOUND', '文件不存在或无权访问');
  const [doc, statusHistory, changed, reviews, consultations, counts] = await Promise.all([
    getDocument(db, id),
    statusHistoryOf(db, row),
    changedOf(db, id),
    findReviewsOf(db, actor, id),
    consultationsOf(db, NORMATIVE, id),
    commentCounts(db, NORMATIVE, id),
  ]);
  const affectedRows = await Promise.all(doc.affects.map(async (a) => ({ ...a, doc: await getDocument(db, a.documentId) })));
  const latest = consultations[0];
  return {
    ...presentItem(row, dates, limit),
    draftingExplanation: doc.draftingExplanation,
    basis: doc.basis,
    body: doc.body,
    affects: affectedRows.map((a) => ({ documentId: a.documentId, effect: a.effect, title: a.doc.title, docNo: a.doc.docNo })),
    statusHistory,
    changed,
    reviews: reviews.map((r) => ({ id: r.id, title: r.title, result: r.result, stateLabel: getWorkflow(r.caseType).states[r.state]?.label ?? r.state })),
    consultation: latest ? { id: latest.id, opensOn: latest.opensOn, closesOn: latest.closesOn, open: isOpen(latest, today), ...counts } : null,
    editable: editableStates.includes(row.state) && actor.permissions.has(HANDLE),
  };
}
