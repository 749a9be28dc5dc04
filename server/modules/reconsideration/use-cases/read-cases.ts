import type { FastifyRequest } from 'fastify';
import { inScope, requireAnyPermission, requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { auditRead } from '../../../kernel/http/context.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import { getWorkflow } from '../../../kernel/workflow/define-workflow.ts';
import {
  actCategoryLabels,
  applicantTypeLabels,
  channelLabels,
  closingGroundLabels,
  followUpKindLabels,
  followUpResultLabels,
  outcomeLabels,
  procedureLabels,
  simpleGroundLabels,
  suspendGroundLabels,
  type FollowUpKind,
  type Outcome,
} from '../reconsideration.labels.ts';
import { findCase, findCases, findCasesForExport, findFollowUps, findReadableFollowUp, findSealedApplicant, type CaseRowView, type FollowUpRow } from '../reconsideration.repository.ts';
import type { CaseFilter, CaseListItem, CaseView, FollowUpView } from '../reconsideration.schemas.ts';
import { READ, reconsiderationWorkflow, RESPOND } from '../reconsideration.workflow.ts';

/** A county's cases stay far below this; it bounds a mistaken "everything" export. */
const EXPORT_LIMIT = 50_000;

const label = <K extends string>(labels: Record<K, string>, value: string | null): string | null => (value === null ? null : (labels[value as K] ?? value));

function present(row: CaseRowView): CaseListItem {
  return {
    ...row,
    stateLabel: reconsiderationWorkflow.states[row.state as keyof typeof reconsiderationWorkflow.states]?.label ?? row.state,
    channel: row.channel as CaseListItem['channel'],
    channelLabel: label(channelLabels, row.channel)!,
    applicantType: row.applicantType as CaseListItem['applicantType'],
    applicantTypeLabel: label(applicantTypeLabels, row.applicantType)!,
    actCategory: row.actCategory as CaseListItem['actCategory'],
    actCategoryLabel: label(actCategoryLabels, row.actCategory)!,
    procedure: row.procedure as CaseListItem['procedure'],
    procedureLabel: label(procedureLabels, row.procedure),
    outcome: row.outcome as Outcome | null,
    outcomeLabel: label(outcomeLabels, row.outcome),
  };
}

export async function listCases(request: FastifyRequest, query: CaseFilter & { page: number; pageSize: number }) {
  requireAnyPermission(request.actor, READ, RESPOND);
  const actor = request.actor!;
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findCases(request.server.db, actor, filter, { page, pageSize }, await markDates(request, actor.regionCode));
  return { items: items.map(present), total, page, pageSize };
}

const yesNo = (v: boolean | null) => (v ? '是' : '');
const columns: Column<CaseListItem>[] = [
  { header: '案号', width: 18, value: (c) => c.caseNo },
  { header: '案件名称', width: 40, value: (c) => c.title },
  { header: '收到申请日期', width: 14, value: (c) => c.receivedOn },
  { header: '申请方式', width: 12, value: (c) => c.channelLabel },
  { header: '申请人类型', width: 10, value: (c) => c.applicantTypeLabel },
  { header: '申请人', width: 20, value: (c) => c.applicantName },
  { header: '被申请人', width: 26, value: (c) => c.respondentName },
  { header: '行政行为类别', width: 16, value: (c) => c.actCategoryLabel },
  { header: '状态', width: 14, value: (c) => c.stateLabel },
  { header: '审理程序', width: 10, value: (c) => c.procedureLabel },
  { header: '受理日期', width: 12, value: (c) => c.acceptedOn },
  { header: '视为受理', width: 8, value: (c) => yesNo(c.deemedAccepted) },
  { header: '当前期限届满日', width: 14, value: (c) => c.dueOn },
  { header: '期限状态', width: 10, value: (c) => (c.mark === 'overdue' ? '已逾期' : c.mark === 'dueSoon' ? '即将到期' : '') },
  { header: '结案方式', width: 20, value: (c) => c.outcomeLabel },
  { header: '决定日期', width: 12, value: (c) => c.decidedOn },
  { header: '决定书（调解书）文号', width: 22, value: (c) => c.decisionNo },
];

export async function exportCases(request: FastifyRequest, filter: CaseFilter): Promise<Buffer> {
  requireAnyPermission(request.actor, READ, RESPOND);
  const actor = request.actor!;
  const rows = await findCasesForExport(request.server.db, actor, filter, await markDates(request, actor.regionCode), EXPORT_LIMIT);
  return toXlsx('行政复议案件', columns, rows.map(present));
}

function presentFollowUp(row: FollowUpRow): FollowUpView {
  const { caseType, ...rest } = row;
  return {
    ...rest,
    kind: row.kind as FollowUpKind,
    kindLabel: followUpKindLabels[row.kind as FollowUpKind] ?? row.kind,
    stateLabel: getWorkflow(caseType).states[row.state]?.label ?? row.state,
    resultLabel: label(followUpResultLabels, row.result),
  };
}

async function readableCase(request: FastifyRequest, caseId: string) {
  requireAnyPermission(request.actor, READ, RESPOND);
  const actor = request.actor!;
  const row = await findCase(request.server.db, actor, caseId, await markDates(request, actor.regionCode));
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  return row;
}

/** The module's own fields of a case; the timeline, clocks and actions are the kernel's (GET /api/cases/:id). */
export async function getCase(request: FastifyRequest, caseId: string): Promise<CaseView> {
  const row = await readableCase(request, caseId);
  const followUps = await findFollowUps(request.server.db, caseId);
  const { extra } = row;
  const items = typeof extra.correctionItems === 'string' ? extra.correctionItems : null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    ...row,
    ...present(row),
    simpleGroundLabel: label(simpleGroundLabels, row.simpleGround),
    // While suspended the column holds the 中止 ground (第三十九条); once closed, why it ended.
    groundLabel: label(row.state === 'suspended' ? suspendGroundLabels : closingGroundLabels, row.ground),
    correction: items ? { items, requestedOn: str(extra.correctionRequestedOn), content: str(extra.correction), correctedOn: str(extra.correctedOn) } : null,
    followUps: followUps.map(presentFollowUp),
  };
}

/** The ID number (or credit code) and phone in clear: 个人信息, so it needs its own permission and is audited. */
export async function getApplicant(request: FastifyRequest, caseId: string) {
  const row = await readableCase(request, caseId);
  const actor = request.actor!;
  const scope = requirePermission(actor, 'reconsideration.personal');
  if (!inScope(actor, scope, row)) throw new AppError('FORBIDDEN', '本案不在您查看个人信息的数据范围内');
  const sealed = await findSealedApplicant(request.server.db, caseId);
  await auditRead(request, {
    action: 'reconsideration.applicant_read',
    entityType: reconsiderationWorkflow.caseType,
    entityId: caseId,
    orgId: row.orgId,
    regionCode: row.regionCode,
    detail: { fields: ['identityCode', 'phone'] },
  });
  const { sm4 } = request.server;
  return { identityCode: sealed?.idEnc ? sm4.decrypt(sealed.idEnc) : null, phone: sealed?.phoneEnc ? sm4.decrypt(sealed.phoneEnc) : null };
}

export async function getFollowUp(request: FastifyRequest, id: string): Promise<FollowUpView> {
  requireAnyPermission(request.actor, READ, RESPOND);
  const row = await findReadableFollowUp(request.server.db, request.actor!, id);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  return presentFollowUp(row);
}
