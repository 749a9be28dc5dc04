import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { decisionCategoryLabels, decisionStateLabels, gateLabels, gateStatusLabels, gates, meetingKindLabels, type DecisionState } from '../../../../contracts/decisions.ts';
import { inScope, requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import { approvedComments, commentCounts, consultationsOf, isOpen } from '../../../kernel/consultation/consultation.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Queryable, Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { markDates, markOf, workflowDeps, type MarkDates } from '../../../kernel/workflow/marks.ts';
import { openCase, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { findItem } from '../catalogue.repository.ts';
import { initialGates, missingBefore } from '../decisions.gates.ts';
import { DECIDE, DECISION, HANDLE, READ } from '../decisions.permissions.ts';
import { findDecisions, findDecisionsForExport, findExperts, findHearings, findMeetingOf, findReadableDecision, type DecisionRow } from '../decisions.repository.ts';
import type { DecisionDetail, DecisionFilter, DecisionItem, RegisterDecisionBody, StatementBody } from '../decisions.schemas.ts';
import { indexDecision } from '../decisions.search.ts';
import { readDecisionSettings } from '../decisions.settings.ts';
import { draftAdoptionStatement } from '../decisions.statement.ts';
import { decisions, type Gates } from '../decisions.tables.ts';
import '../decisions.workflow.ts';

const EXPORT_LIMIT = 50_000;

export const gateViews = (g: Gates) => gates.map((gate) => ({ gate, label: gateLabels[gate], status: g[gate].status, statusLabel: gateStatusLabels[g[gate].status], on: g[gate].on, ground: g[gate].ground }));

export function presentItem(row: NonNullable<DecisionRow>, dates: MarkDates): DecisionItem {
  const d = row.d;
  return {
    id: row.id,
    title: row.title,
    state: row.state as DecisionState,
    stateLabel: decisionStateLabels[row.state as DecisionState] ?? row.state,
    terminal: row.terminal,
    version: row.version,
    dueOn: row.dueOn,
    dueMark: row.terminal ? null : markOf(row.dueOn, dates),
    orgId: row.orgId,
    orgName: row.orgName,
    deciderOrgId: row.deciderOrgId,
    deciderOrgName: row.deciderOrgName,
    catalogueId: row.catalogueId,
    catalogueYear: row.catalogueYear,
    catalogueItemId: row.catalogueItemId,
    category: d.category,
    categoryLabel: decisionCategoryLabels[d.category],
    gates: gateViews(d.gates),
    openGates: missingBefore(d.gates, 'decision').map((g) => gateLabels[g]),
    riskLevel: d.riskLevel,
    legalityConclusion: d.legalityConclusion,
    meetingKind: d.meetingKind,
    decidedOn: d.decidedOn,
    publishedOn: d.publishedOn,
    documentNo: d.documentNo,
    openedAt: row.openedAt,
  };
}

/** Opens the case of a catalogue item and its details row (the demo replays it too). */
export async function openDecision(tx: Tx, deps: WorkflowDeps, found: NonNullable<Awaited<ReturnType<typeof findItem>>>, summary: string, who: { actor: Actor; meta: RequestMeta }, at: Date): Promise<string> {
  const opened = await openCase(tx, deps, { caseType: DECISION, regionCode: found.item.regionCode, orgId: found.item.hostOrgId, title: found.item.title, data: { catalogueItemId: found.item.id, summary } }, who);
  await tx.insert(decisions).values({
    caseId: opened.id,
    regionCode: found.item.regionCode,
    catalogueItemId: found.item.id,
    deciderOrgId: found.catalogue.orgId,
    category: found.item.category,
    summary,
    gates: initialGates(found.item.exemptions),
    createdBy: who.actor.userId,
    updatedBy: who.actor.userId,
  });
  await indexDecision(tx, opened.id, at);
  return opened.id;
}

/** 启动决策程序: a decision case for a catalogue item, handled by the item's 承办单位. */
export async function registerDecision(request: FastifyRequest, body: RegisterDecisionBody): Promise<DecisionDetail> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const deps = workflowDeps(request);
  const id = await write(request, async (tx) => {
    const found = await findItem(tx, body.catalogueItemId);
    if (!found || found.item.regionCode !== actor.regionCode) throw fieldRefused('catalogueItemId', '目录事项不存在或不属于本行政区', 'NOT_FOUND');
    if (!inScope(actor, scope, { orgId: found.item.hostOrgId, orgPath: found.hostOrgPath, regionCode: found.item.regionCode })) {
      throw fieldRefused('catalogueItemId', `承办单位「${found.hostOrgName}」的决策事项不在您的办理范围内`, 'FORBIDDEN');
    }
    if (found.catalogue.state === 'drafted') throw fieldRefused('catalogueItemId', '决策事项目录尚未审定，不能启动决策程序');
    if (found.item.removed) throw fieldRefused('catalogueItemId', '该事项已从目录中删除');
    if (found.caseId) throw fieldRefused('catalogueItemId', '该事项已启动决策程序', 'DUPLICATE');
    return openDecision(tx, deps, found, body.summary, { actor, meta: request.meta }, request.server.clock.now());
  });
  return getDecision(request, id);
}

export async function listDecisions(request: FastifyRequest, query: DecisionFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const [{ items, total }, dates] = await Promise.all([findDecisions(request.server.db, request.actor!, filter, { page, pageSize }), markDates(request, request.actor!.regionCode)]);
  return { items: items.map((r) => presentItem(r, dates)), total, page, pageSize };
}

const exportColumns: Column<DecisionItem>[] = [
  { header: '决策事项', width: 40, value: (r) => r.title },
  { header: '目录年度', value: (r) => r.catalogueYear },
  { header: '类别', width: 24, value: (r) => r.categoryLabel },
  { header: '承办单位', width: 24, value: (r) => r.orgName },
  { header: '决策机关', width: 20, value: (r) => r.deciderOrgName },
  { header: '状态', width: 18, value: (r) => r.stateLabel },
  ...gates.map((g): Column<DecisionItem> => ({ header: gateLabels[g], width: 14, value: (r) => { const v = r.gates.find((x) => x.gate === g)!; return v.status === 'done' ? `已完成 ${v.on ?? ''}`.trim() : v.statusLabel; } })),
  { header: '未完成程序', width: 30, value: (r) => r.openGates.join('、') },
  { header: '决定日期', value: (r) => r.decidedOn },
  { header: '公布日期', value: (r) => r.publishedOn },
  { header: '决策文号', width: 20, value: (r) => r.documentNo },
  { header: '期限', value: (r) => r.dueOn },
];

export async function exportDecisions(request: FastifyRequest, filter: DecisionFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const rows = await findDecisionsForExport(request.server.db, request.actor!, filter, EXPORT_LIMIT);
  const dates = await markDates(request, request.actor!.regionCode);
  return toXlsx('重大行政决策', exportColumns, rows.map((r) => presentItem(r, dates)));
}

export async function readableDecision(db: Queryable, actor: Actor | null, caseId: string) {
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const row = await findReadableDecision(db, actor, caseId);
  if (!row) throw notFound('重大行政决策');
  return row;
}

export async function getDecision(request: FastifyRequest, caseId: string): Promise<DecisionDetail> {
  const db = request.server.db;
  const row = await readableDecision(db, request.actor, caseId);
  const today = beijingToday(request.server.clock);
  const [dates, rounds, counts, comments, experts, hearings, meeting, settings] = await Promise.all([
    markDates(request, row.regionCode),
    consultationsOf(db, DECISION, caseId),
    commentCounts(db, DECISION, caseId),
    approvedComments(db, DECISION, caseId),
    findExperts(db, caseId),
    findHearings(db, caseId),
    findMeetingOf(db, row.d.meetingItemId),
    readDecisionSettings(db, row.regionCode),
  ]);
  const d = row.d;
  return {
    ...presentItem(row, dates),
    summary: d.summary,
    commentDays: d.commentDays,
    shortenedReason: d.shortenedReason,
    riskMeasures: d.riskMeasures,
    partyConsultedOn: d.partyConsultedOn,
    partyConsultationNote: d.partyConsultationNote,
    meetingOutcome: d.meetingOutcome,
    meeting: meeting
      ? { id: meeting.meeting.id, kind: meeting.meeting.kind, year: meeting.meeting.year, seq: meeting.meeting.seq, heldOn: meeting.meeting.heldOn, name: `${meeting.orgName}${meeting.meeting.year}年第${meeting.meeting.seq}次${meetingKindLabels[meeting.meeting.kind]}` }
      : null,
    decisionText: d.decisionText,
    adoptionStatement: d.adoptionStatement,
    detailVersion: d.version,
    // Counts are per decision (all its rounds); a decision has one round unless a change reopened it.
    consultations: rounds.map((c, i) => ({ id: c.id, opensOn: c.opensOn, closesOn: c.closesOn, shortenedReason: c.shortenedReason, closed: c.closedAt !== null, open: isOpen(c, today), counts: i === 0 ? counts : { pending: 0, approved: 0, rejected: 0 } })),
    comments: comments.map((c) => ({ id: c.id, authorName: c.authorName, content: c.content, adoption: c.adoption, adoptionNote: c.adoptionNote })),
    experts: experts.map((e) => ({ id: e.id, seq: e.seq, name: e.name, title: e.title, affiliation: e.affiliation, opinion: e.opinion, adopted: e.adopted, adoptionNote: e.adoptionNote })),
    hearings: hearings.map((h) => ({ id: h.id, seq: h.seq, heldOn: h.heldOn, place: h.place, participants: h.participants, record: h.record })),
    settings: settings.value,
  };
}

/** The statement drafted afresh from the approved comments and the experts' opinions. */
export async function statementDraft(db: Queryable, row: NonNullable<DecisionRow>): Promise<string> {
  const [consultations, comments, experts, hearings] = await Promise.all([
    consultationsOf(db, DECISION, row.id),
    approvedComments(db, DECISION, row.id),
    findExperts(db, row.id),
    findHearings(db, row.id),
  ]);
  return draftAdoptionStatement({ title: row.title, orgName: row.orgName, gates: row.d.gates, consultations: [...consultations].reverse(), comments, experts, hearings });
}

export async function draftStatement(request: FastifyRequest, caseId: string) {
  const row = await readableDecision(request.server.db, request.actor, caseId);
  return { text: await statementDraft(request.server.db, row) };
}

/** Whether the actor may write on the decision: the 承办单位 (handle) or the 决策机关's office (decide). */
export function mayWrite(actor: Actor, row: NonNullable<DecisionRow>): boolean {
  const handle = actor.permissions.get(HANDLE);
  const decide = actor.permissions.get(DECIDE);
  return (
    (handle !== undefined && inScope(actor, handle, { orgId: row.orgId, orgPath: row.orgPath, regionCode: row.regionCode })) ||
    (decide !== undefined && inScope(actor, decide, { orgId: row.deciderOrgId, orgPath: row.deciderOrgPath, regionCode: row.regionCode }))
  );
}

/** Staff edit the statement while the decision awaits publication; it is published with the decision. */
export async function saveStatement(request: FastifyRequest, caseId: string, body: StatementBody): Promise<DecisionDetail> {
  const actor = request.actor;
  const row = await readableDecision(request.server.db, actor, caseId);
  if (!mayWrite(actor!, row)) throw new AppError('FORBIDDEN', '没有编辑本决策采纳情况说明的权限');
  if (!['awaitingDecision', 'decided'].includes(row.state)) throw new AppError('CONFLICT', `决策当前为「${decisionStateLabels[row.state as DecisionState]}」，不能编辑采纳情况说明`);
  const now = request.server.clock.now();
  await write(request, async (tx, audit) => {
    const [updated] = await tx
      .update(decisions)
      .set({ adoptionStatement: body.text, version: body.version + 1, updatedAt: now, updatedBy: actor!.userId })
      .where(and(eq(decisions.caseId, caseId), eq(decisions.version, body.version)))
      .returning({ caseId: decisions.caseId });
    if (!updated) throw versionConflict('采纳情况说明');
    await audit({ action: 'decisions.statement', entityType: DECISION, entityId: caseId, regionCode: row.regionCode, orgId: row.orgId, before: { text: row.d.adoptionStatement }, after: { text: body.text } });
  });
  return getDecision(request, caseId);
}
