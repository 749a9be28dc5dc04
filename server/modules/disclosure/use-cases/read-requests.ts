import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { readFileContent } from '../../../kernel/files/files.ts';
import { auditRead } from '../../../kernel/http/context.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import { applicantKindLabels, disclosureChannelLabels, disclosureOutcomeLabels, outcomeGroupOf, outcomeGroups, type ApplicantKind, type DisclosureChannel, type DisclosureOutcome } from '../../../../contracts/disclosure.ts';
import { consultationKindLabels, consultationOpinionLabels, deliveryFormLabels, deliveryMethodLabels, type ConsultationKind, type ConsultationOpinion, type DeliveryForm, type DeliveryMethod } from '../disclosure.labels.ts';
import { PERSONAL, READ } from '../disclosure.permissions.ts';
import { findConsultations, findRequest, findRequests, findRequestsForExport, findSealed, type RequestRow } from '../disclosure.repository.ts';
import type { RequestFilter, RequestListItem, RequestView } from '../disclosure.schemas.ts';
import { disclosureSettings, numberPrefixOf } from '../disclosure.settings.ts';
import { disclosureWorkflow } from '../disclosure.workflow.ts';

const EXPORT_LIMIT = 50_000;
const label = <K extends string>(labels: Record<K, string>, value: string | null): string | null => (value === null ? null : (labels[value as K] ?? value));
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function present(row: RequestRow): RequestListItem {
  const outcome = row.outcome as DisclosureOutcome | null;
  return {
    ...row,
    stateLabel: disclosureWorkflow.states[row.state as keyof typeof disclosureWorkflow.states]?.label ?? row.state,
    channelLabel: label(disclosureChannelLabels, row.channel as DisclosureChannel)!,
    applicantKindLabel: label(applicantKindLabels, row.applicantKind as ApplicantKind)!,
    outcomeLabel: label(disclosureOutcomeLabels, outcome),
    outcomeGroupLabel: outcome ? (outcomeGroups.find((g) => g.code === outcomeGroupOf(outcome))?.label ?? null) : null,
  };
}

export async function listRequests(request: FastifyRequest, query: RequestFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findRequests(request.server.db, actor, filter, { page, pageSize }, await markDates(request, actor.regionCode));
  return { items: items.map(present), total, page, pageSize };
}

const columns: Column<RequestListItem>[] = [
  { header: '收到申请日期', width: 14, value: (r) => r.receivedOn },
  { header: '受理机关', width: 26, value: (r) => r.orgName },
  { header: '申请方式', width: 16, value: (r) => r.channelLabel },
  { header: '申请人类别', width: 12, value: (r) => r.applicantKindLabel },
  { header: '申请人', width: 20, value: (r) => r.applicantName },
  { header: '申请内容', width: 50, value: (r) => r.title },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '当前期限届满日', width: 14, value: (r) => r.dueOn },
  { header: '期限状态', width: 10, value: (r) => (r.mark === 'overdue' ? '已逾期' : r.mark === 'dueSoon' ? '即将到期' : '') },
  { header: '延期', width: 6, value: (r) => (r.extended ? '是' : '') },
  { header: '办理结果类别', width: 22, value: (r) => r.outcomeGroupLabel },
  { header: '办理结果', width: 30, value: (r) => r.outcomeLabel },
  { header: '答复日期', width: 12, value: (r) => r.repliedOn },
  { header: '答复书文号', width: 22, value: (r) => r.replyNo },
];

export async function exportRequests(request: FastifyRequest, filter: RequestFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const rows = await findRequestsForExport(request.server.db, actor, filter, await markDates(request, actor.regionCode), EXPORT_LIMIT);
  return toXlsx('依申请公开', columns, rows.map(present));
}

async function readable(request: FastifyRequest, caseId: string) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const row = await findRequest(request.server.db, actor, caseId, await markDates(request, actor.regionCode));
  if (!row) throw new AppError('NOT_FOUND', '申请不存在或无权访问');
  return row;
}

export async function getRequest(request: FastifyRequest, caseId: string): Promise<RequestView> {
  const row = await readable(request, caseId);
  const { db } = request.server;
  const [consultations, settings] = await Promise.all([findConsultations(db, caseId), disclosureSettings.read(db, row.regionCode)]);
  const { extra } = row;
  const items = str(extra.correctionItems);
  const form = label(deliveryFormLabels, row.deliveryForm as DeliveryForm | null);
  const method = label(deliveryMethodLabels, row.deliveryMethod as DeliveryMethod | null);
  return {
    ...present(row),
    trackingCode: row.trackingCode,
    applicantIdMask: row.applicantIdMask,
    applicantPhoneMask: row.applicantPhoneMask,
    applicantEmail: row.applicantEmail,
    description: row.description,
    purpose: row.purpose,
    deliveryForm: row.deliveryForm,
    deliveryMethod: row.deliveryMethod,
    deliveryLabel: form || method ? [form, method].filter(Boolean).join('，') : null,
    outcomeReason: row.outcomeReason,
    referredTo: row.referredTo,
    hasReplyLetter: !!row.replyFileId,
    hasExtensionNotice: !!str(extra.extensionFileId),
    feeYuan: row.feeFen === null ? null : row.feeFen / 100,
    feeNoticedOn: row.feeNoticedOn,
    feePaidOn: row.feePaidOn,
    pages: row.pages,
    correction: items ? { items, requestedOn: str(extra.correctionRequestedOn), content: str(extra.correction), correctedOn: str(extra.correctedOn) } : null,
    consultations: consultations.map((c) => ({
      id: c.id,
      kind: c.kind,
      kindLabel: label(consultationKindLabels, c.kind as ConsultationKind)!,
      partyName: c.partyName,
      sentOn: c.sentOn,
      answeredOn: c.answeredOn,
      opinion: c.opinion,
      opinionLabel: label(consultationOpinionLabels, c.opinion as ConsultationOpinion | null),
      note: c.note,
    })),
    replyNumberPrefix: numberPrefixOf(settings.value, row.orgId),
  };
}

/** The applicant's ID number, phone and address in clear: 个人信息, its own permission, audited. */
export async function getApplicant(request: FastifyRequest, caseId: string) {
  const row = await readable(request, caseId);
  const actor = request.actor!;
  const scope = requirePermission(actor, PERSONAL);
  if (!inScope(actor, scope, row)) throw new AppError('FORBIDDEN', '本申请不在您查看个人信息的数据范围内');
  const sealed = await findSealed(request.server.db, caseId);
  await auditRead(request, { action: 'disclosure.applicant_read', entityType: disclosureWorkflow.caseType, entityId: caseId, orgId: row.orgId, regionCode: row.regionCode, detail: { fields: ['identityCode', 'phone', 'address'] } });
  const { sm4 } = request.server;
  const open = (v: string | null | undefined) => (v ? sm4.decrypt(v) : null);
  return { identityCode: open(sealed?.idEnc), phone: open(sealed?.phoneEnc), address: open(sealed?.addressEnc) };
}

/** A generated letter of a readable application: the reply or the extension notice. */
export async function getDocument(request: FastifyRequest, caseId: string, document: 'reply' | 'extension') {
  const row = await readable(request, caseId);
  const fileId = document === 'reply' ? row.replyFileId : str(row.extra.extensionFileId);
  if (!fileId) throw new AppError('NOT_FOUND', document === 'reply' ? '尚未作出答复' : '没有延期答复告知书');
  const name = document === 'reply' ? `政府信息公开申请答复书（${row.replyNo}）.docx` : '延期答复告知书.docx';
  return { name, content: await readFileContent(request.server.db, fileId) };
}
