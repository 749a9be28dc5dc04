import type { FastifyRequest } from 'fastify';
import { hasPermission, inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import { officialDocxFromText } from '../../../kernel/documents/official-docx.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { findFiles } from '../../../kernel/files/files.repository.ts';
import { markDates, type MarkDates } from '../../../kernel/workflow/marks.ts';
import { draftReply } from '../legislation.draft.ts';
import {
  consultationFileIds,
  draftSource,
  findConsultations,
  findConsultationsForExport,
  findReadableConsultation,
  findRequestsOf,
  findResearch,
  type ConsultationRow,
  type RequestRow,
} from '../legislation.repository.ts';
import { HANDLE, READ } from '../legislation.permissions.ts';
import type { ConsultationDetail, ConsultationFilter, ConsultationItem, RequestItem } from '../legislation.schemas.ts';
import { consultationWorkflow, requestWorkflow } from '../legislation.workflow.ts';

const EXPORT_LIMIT = 50_000;

const stateLabel = (states: Record<string, { label: string }>, state: string) => states[state]?.label ?? state;

export function presentConsultation(row: ConsultationRow): ConsultationItem {
  const { orgPath: _p, regionCode: _r, orgId: _o, summary: _s, consolidatedText: _c, consolidatedOn: _d, lateReason: _l, ...item } = row;
  return { ...item, stateLabel: stateLabel(consultationWorkflow.states, row.state) };
}

export const presentRequest = (row: RequestRow): RequestItem => ({ ...row, stateLabel: stateLabel(requestWorkflow.states, row.state) });

export async function listConsultations(request: FastifyRequest, query: ConsultationFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, request.actor!.regionCode);
  const { items, total } = await findConsultations(request.server.db, request.actor!, filter, dates, { page, pageSize });
  return { items: items.map(presentConsultation), total, page, pageSize };
}

const columns: Column<ConsultationItem>[] = [
  { header: '征求意见稿', width: 40, value: (c) => c.draftTitle },
  { header: '来文机关', width: 18, value: (c) => c.fromBody },
  { header: '来文标题', width: 36, value: (c) => c.documentTitle },
  { header: '来文文号', width: 20, value: (c) => c.documentNo },
  { header: '收文日期', width: 12, value: (c) => c.receivedOn },
  { header: '反馈截止日期', width: 12, value: (c) => c.replyDueOn },
  { header: '状态', width: 14, value: (c) => c.stateLabel },
  { header: '征求单位数', width: 10, value: (c) => c.askedCount },
  { header: '已反馈', width: 8, value: (c) => c.answeredCount },
  { header: '未反馈', width: 8, value: (c) => c.outstandingCount },
  { header: '逾期未反馈', width: 10, value: (c) => c.overdueCount },
  { header: '立法调研次数', width: 10, value: (c) => c.researchCount },
  { header: '报送日期', width: 12, value: (c) => c.replySentOn },
  { header: '反馈文号', width: 20, value: (c) => c.replyDocumentNo },
];

export async function exportConsultations(request: FastifyRequest, filter: ConsultationFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const rows = await findConsultationsForExport(request.server.db, request.actor!, filter, dates, EXPORT_LIMIT);
  return toXlsx('立法建议', columns, rows.map(presentConsultation));
}

const fileRefs = async (request: FastifyRequest, ids: string[]) =>
  ids.length ? (await findFiles(request.server.db, ids)).map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime })) : [];

/** The consultation readable by the actor, or 404 (also for a case outside its reach). */
export async function readableConsultation(request: FastifyRequest, caseId: string, dates?: MarkDates): Promise<ConsultationRow> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const row = await findReadableConsultation(request.server.db, actor, caseId, dates ?? (await markDates(request, actor.regionCode)));
  if (!row) throw new AppError('NOT_FOUND', '征求意见事项不存在或无权访问');
  return row;
}

/** The consultation's page: its letter, the requests with the opinions, the research, the consolidated text. */
export async function getConsultation(request: FastifyRequest, caseId: string): Promise<ConsultationDetail> {
  const dates = await markDates(request, request.actor?.regionCode ?? '');
  const row = await readableConsultation(request, caseId, dates);
  const db = request.server.db;
  const [requests, research, fileIds] = await Promise.all([findRequestsOf(db, caseId, dates), findResearch(db, caseId), consultationFileIds(db, caseId)]);
  const researchFiles = await fileRefs(request, research.flatMap((r) => r.fileIds));
  const byId = new Map(researchFiles.map((f) => [f.id, f]));
  const scope = request.actor!.permissions.get(HANDLE);
  return {
    ...presentConsultation(row),
    summary: row.summary,
    consolidatedText: row.consolidatedText,
    consolidatedOn: row.consolidatedOn,
    lateReason: row.lateReason,
    files: await fileRefs(request, fileIds),
    requests: requests.map(presentRequest),
    research: research.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      place: r.place,
      orgCount: r.orgCount,
      orgNames: r.orgNames,
      companyKinds: r.companyKinds,
      companyNames: r.companyNames,
      summary: r.summary,
      files: r.fileIds.map((id) => byId.get(id)).filter((f) => f !== undefined),
    })),
    canHandle: scope !== undefined && inScope(request.actor!, scope, row),
  };
}

/** The draft generated from the opinions as they stand (for the 司法局 to edit before consolidating). */
export async function getDraft(request: FastifyRequest, caseId: string): Promise<{ text: string }> {
  await readableConsultation(request, caseId);
  if (!hasPermission(request.actor, HANDLE)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return { text: draftReply(await draftSource(request.server.db, caseId)) };
}

/** The consolidated reply as .docx; before consolidation, the generated draft. */
export async function getReplyDocx(request: FastifyRequest, caseId: string): Promise<{ name: string; content: Buffer }> {
  const row = await readableConsultation(request, caseId);
  const text = row.consolidatedText ?? draftReply(await draftSource(request.server.db, caseId));
  return { name: `${row.title}反馈意见.docx`, content: await officialDocxFromText(text) };
}
