import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { calendarService } from '../../../kernel/calendar/calendar.service.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import { getWorkflow } from '../../../kernel/workflow/define-workflow.ts';
import { markDates, markOf, type MarkDates } from '../../../kernel/workflow/marks.ts';
import { litigationColumns } from '../litigation.export.ts';
import {
  actCategoryLabels,
  appearanceLabels,
  excuseLabels,
  failureLabels,
  instanceLabels,
  outcomeLabels,
  plaintiffTypeLabels,
  principalRoles,
  type Appearance,
} from '../litigation.labels.ts';
import { findHearings, findLitigationCases, findLitigationCasesForExport, findReadableLitigationCase, findRelatedCases, type LitigationRow } from '../litigation.repository.ts';
import type { CaseFilter, LitigationCaseDetail, LitigationCaseItem } from '../litigation.schemas.ts';
import { defenceLateText, hearingWarningText, type CaseWarning } from '../litigation.warnings.ts';
import { READ } from '../litigation.permissions.ts';
import { litigationWorkflow } from '../litigation.workflow.ts';

/** A spreadsheet of a county's lawsuits stays far below this; it bounds a mistaken "everything" export. */
const EXPORT_LIMIT = 50_000;

const label = <K extends string>(labels: Record<K, string>, value: string | null): string | null => (value === null ? null : (labels[value as K] ?? value));

export function presentItem(row: LitigationRow, dates: MarkDates): LitigationCaseItem {
  const { orgPath: _o, regionCode: _r, actDescription: _a, claims: _c, ...item } = row;
  return {
    ...item,
    // Marked while the agency still owes its defence (the clock runs only in 已收到起诉状).
    defenceMark: row.state === 'received' ? markOf(row.defenceDueOn, dates) : null,
    stateLabel: litigationWorkflow.states[row.state as keyof typeof litigationWorkflow.states]?.label ?? row.state,
    instanceLabel: label(instanceLabels, row.instance)!,
    plaintiffTypeLabel: label(plaintiffTypeLabels, row.plaintiffType)!,
    actCategoryLabel: label(actCategoryLabels, row.actCategory)!,
    outcomeLabel: label(outcomeLabels, row.outcome),
  };
}

export async function listLitigationCases(request: FastifyRequest, query: CaseFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const [{ items, total }, dates] = await Promise.all([
    findLitigationCases(request.server.db, request.actor!, filter, { page, pageSize }),
    markDates(request, request.actor!.regionCode),
  ]);
  return { items: items.map((row) => presentItem(row, dates)), total, page, pageSize };
}

export async function exportLitigationCases(request: FastifyRequest, filter: CaseFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const rows = await findLitigationCasesForExport(request.server.db, request.actor!, filter, EXPORT_LIMIT);
  const dates = await markDates(request, request.actor!.regionCode);
  return toXlsx('行政应诉案件', litigationColumns, rows.map((row) => presentItem(row, dates)));
}

const COURT_TERMS = {
  first: {
    months: 6,
    basis: '《行政诉讼法》第八十一条：人民法院应当在立案之日起六个月内作出第一审判决',
    note: '约束人民法院的审理期限，仅作提示；有特殊情况需要延长的，由高级人民法院批准。',
  },
  appeal: {
    months: 3,
    basis: '《行政诉讼法》第八十八条：人民法院审理上诉案件，应当在收到上诉状之日起三个月内作出终审判决',
    note: '约束人民法院的审理期限，仅作提示；自法院立案日估算，有特殊情况需要延长的，由高级人民法院批准。',
  },
} as const;

/** The court's own time limit (not the agency's clock), counted from the court's filing date when known. */
async function courtTermOf(request: FastifyRequest, row: LitigationRow): Promise<LitigationCaseDetail['courtTerm']> {
  const term = row.instance === 'first' || row.instance === 'appeal' ? COURT_TERMS[row.instance] : undefined;
  if (!term || !row.filedOn) return null;
  const until = await calendarService(request.server.db).due(row.regionCode, row.filedOn, { unit: 'months', n: term.months });
  return { ...term, from: row.filedOn, until: until.due };
}

/** The module's view of one case: its fields with labels, hearings, warnings and related cases. */
export async function getLitigationCase(request: FastifyRequest, caseId: string): Promise<LitigationCaseDetail> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const db = request.server.db;
  const row = await findReadableLitigationCase(db, actor, caseId);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  const [hearingRows, related, courtTerm, dates] = await Promise.all([
    findHearings(db, caseId),
    findRelatedCases(db, row),
    courtTermOf(request, row),
    markDates(request, row.regionCode),
  ]);
  const principal = new Set<string>(principalRoles);
  const hearings = hearingRows.map(({ hearing: h, warningKinds, proofName, proofSize, proofMime }) => ({
    id: h.id,
    seq: h.seq,
    heldOn: h.heldOn,
    appearance: h.appearance,
    appearanceLabel: appearanceLabels[h.appearance as Appearance] ?? h.appearance,
    principal: principal.has(h.appearance),
    appearedName: h.appearedName,
    appearedTitle: h.appearedTitle,
    excuse: h.excuse,
    excuseLabel: label(excuseLabels, h.excuse),
    excuseText: h.excuseText,
    proofFile: h.proofFileId && proofName !== null ? { id: h.proofFileId, name: proofName, size: proofSize!, mime: proofMime! } : null,
    failure: h.failure,
    failureLabel: label(failureLabels, h.failure),
    counsel: h.counsel,
    warningKinds,
    recordedAt: h.recordedAt,
    version: h.version,
  }));
  const warnings: CaseWarning[] = hearingRows.flatMap(({ hearing, warningKinds }) =>
    warningKinds.map((kind) => ({ kind: kind as CaseWarning['kind'], hearingId: hearing.id, text: hearingWarningText(kind as Exclude<CaseWarning['kind'], 'defenceLate'>, hearing) })),
  );
  if (row.defenceLate && row.defenceFiledOn && row.defenceDueOn) warnings.unshift({ kind: 'defenceLate', hearingId: null, text: defenceLateText(row.defenceFiledOn, row.defenceDueOn) });
  const parent = related.parent ? { ...related.parent, caseTypeLabel: getWorkflow(related.parent.caseType).label } : null;
  const followUps = related.followUps.map((f) => ({
    ...f,
    instanceLabel: label(instanceLabels, f.instance)!,
    stateLabel: litigationWorkflow.states[f.state as keyof typeof litigationWorkflow.states]?.label ?? f.state,
  }));
  return { ...presentItem(row, dates), actDescription: row.actDescription, claims: row.claims, courtTerm, parent, followUps, hearings, warnings };
}
