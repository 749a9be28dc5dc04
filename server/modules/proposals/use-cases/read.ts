import type { FastifyRequest } from 'fastify';
import { requireAnyPermission, requirePermission } from '../../../kernel/auth/actor.ts';
import { calendarService } from '../../../kernel/calendar/calendar.service.ts';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import {
  proposalKindLabels,
  proposalStateLabels,
  replyCategoryLabels,
  satisfactionLabels,
  type ProposalKind,
  type ProposalState,
  type ReplyCategory,
  type Satisfaction,
} from '../../../../contracts/proposals.ts';
import { HANDLE, READ } from '../proposals.permissions.ts';
import { findHandlers, findProposals, findProposalsForExport, findReadableProposal, summarise } from '../proposals.repository.ts';
import type { ProposalDetail, ProposalFilter, ProposalItem, Summary, SummaryRow } from '../proposals.schemas.ts';
import { ProposalSettings, readProposalSettings, saveProposalSettings } from '../proposals.settings.ts';

const EXPORT_LIMIT = 20_000;

type Row = NonNullable<Awaited<ReturnType<typeof findReadableProposal>>>;

function present(row: Omit<Row, 'content'> & { content?: string }): ProposalItem {
  return {
    id: row.id,
    path: row.path,
    version: row.version,
    kind: row.kind as ProposalKind,
    kindLabel: proposalKindLabels[row.kind as ProposalKind] ?? row.kind,
    sessionLabel: row.sessionLabel,
    year: row.year,
    number: row.number,
    title: row.title,
    proposers: row.proposers,
    topic: row.topic,
    state: row.state,
    stateLabel: proposalStateLabels[row.state as ProposalState] ?? row.state,
    orgId: row.orgId,
    orgName: row.assignedOn ? row.orgName : '（未交办）',
    coNames: row.coNames,
    assignedOn: row.assignedOn,
    dueOn: row.terminal ? null : row.dueOn,
    mark: row.mark,
    extended: row.extensionReason !== null,
    replyCategory: row.replyCategory,
    repliedOn: row.repliedOn,
    onTime: row.onTime,
    satisfaction: row.satisfaction,
    secondReply: row.secondRepliedOn !== null,
  };
}

export async function listProposals(request: FastifyRequest, query: ProposalFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const page = await findProposals(request.server.db, actor, query, await markDates(request, actor.regionCode), query);
  return { items: page.items.map(present), total: page.total, page: query.page, pageSize: query.pageSize };
}

const columns: Column<ProposalItem>[] = [
  { header: '类别', value: (r) => r.kindLabel },
  { header: '届次会议', value: (r) => r.sessionLabel, width: 36 },
  { header: '编号', value: (r) => r.number },
  { header: '标题', value: (r) => r.title, width: 48 },
  { header: '提出人', value: (r) => r.proposers, width: 24 },
  { header: '主办单位', value: (r) => r.orgName, width: 28 },
  { header: '会办单位', value: (r) => r.coNames, width: 28 },
  { header: '交办日期', value: (r) => r.assignedOn },
  { header: '答复期限', value: (r) => r.dueOn },
  { header: '状态', value: (r) => r.stateLabel },
  { header: '答复日期', value: (r) => r.repliedOn },
  { header: '是否按期', value: (r) => (r.onTime === null ? null : r.onTime ? '按期' : '逾期') },
  { header: '答复类别', value: (r) => (r.replyCategory ? replyCategoryLabels[r.replyCategory as ReplyCategory] : null) },
  { header: '代表（委员）意见', value: (r) => (r.satisfaction ? satisfactionLabels[r.satisfaction as Satisfaction] : null) },
  { header: '再次答复', value: (r) => (r.secondReply ? '是' : '') },
];

export async function exportProposals(request: FastifyRequest, filter: ProposalFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const rows = await findProposalsForExport(request.server.db, actor, filter, await markDates(request, actor.regionCode), EXPORT_LIMIT);
  return toXlsx('建议提案', columns, rows.map(present));
}

export async function getProposal(request: FastifyRequest, id: string): Promise<ProposalDetail> {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const db = request.server.db;
  const dates = await markDates(request, actor.regionCode);
  const row = await findReadableProposal(db, actor, id, dates);
  if (!row) throw new AppError('NOT_FOUND', '建议提案不存在或无权访问');
  const { value: settings } = await readProposalSettings(db, row.regionCode);
  const calendar = calendarService(db);
  const handlers = await Promise.all(
    (await findHandlers(db, id, dates)).map(async (h) => ({
      ...h,
      role: h.role as 'lead' | 'co',
      returnDueOn: (await calendar.due(row.regionCode, h.assignedOn, { unit: 'days', n: settings.returnDays })).due,
    })),
  );
  return {
    ...present(row),
    content: row.content,
    extensionReason: row.extensionReason,
    replyText: row.replyText,
    replyDueOn: row.replyDueOn,
    firstSatisfaction: row.firstSatisfaction,
    feedbackOn: row.feedbackOn,
    secondReplyText: row.secondReplyText,
    secondRepliedOn: row.secondRepliedOn,
    secondReplyDueOn: row.secondReplyDueOn,
    secondSatisfaction: row.secondSatisfaction,
    handlers,
    canHandle: actor.permissions.has(HANDLE),
  };
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((10000 * part) / whole) / 100);

function presentSummary(row: Awaited<ReturnType<typeof summarise>>[number]): SummaryRow {
  return {
    orgId: row.isTotal ? null : row.orgId,
    orgName: row.isTotal ? '合计' : (row.orgName ?? '（未交办）'),
    total: row.total,
    replied: row.replied,
    onTime: row.onTime,
    solved: row.solved,
    planned: row.planned,
    explained: row.explained,
    satisfied: row.satisfied,
    basic: row.basic,
    unsatisfied: row.unsatisfied,
    secondReplies: row.secondReplies,
    onTimeRate: rate(row.onTime, row.replied),
    satisfactionRate: rate(row.satisfied + row.basic, row.satisfied + row.basic + row.unsatisfied),
  };
}

const emptyTotal: SummaryRow = { orgId: null, orgName: '合计', total: 0, replied: 0, onTime: 0, solved: 0, planned: 0, explained: 0, satisfied: 0, basic: 0, unsatisfied: 0, secondReplies: 0, onTimeRate: null, satisfactionRate: null };

/** 年度办理情况: counts in SQL (one GROUP BY with the total as a grouping set), rates from the counts. */
export async function proposalSummary(request: FastifyRequest, kind: ProposalKind, year: number): Promise<Summary> {
  requirePermission(request.actor, READ);
  const rows = (await summarise(request.server.db, request.actor!, kind, year)).map(presentSummary);
  const total = rows.find((r) => r.orgName === '合计' && r.orgId === null) ?? emptyTotal;
  return { kind, year, total, byOrg: rows.filter((r) => r !== total) };
}

const summaryColumns: Column<SummaryRow>[] = [
  { header: '主办单位', value: (r) => r.orgName, width: 30 },
  { header: '件数', value: (r) => r.total },
  { header: '已答复', value: (r) => r.replied },
  { header: '按期答复', value: (r) => r.onTime },
  { header: '按期答复率（%）', value: (r) => r.onTimeRate },
  { header: '已解决（A类）', value: (r) => r.solved },
  { header: '列入计划（B类）', value: (r) => r.planned },
  { header: '解释说明（C类）', value: (r) => r.explained },
  { header: '满意', value: (r) => r.satisfied },
  { header: '基本满意', value: (r) => r.basic },
  { header: '不满意', value: (r) => r.unsatisfied },
  { header: '满意率（%）', value: (r) => r.satisfactionRate },
  { header: '再次答复', value: (r) => r.secondReplies },
];

export async function exportSummary(request: FastifyRequest, kind: ProposalKind, year: number): Promise<Buffer> {
  const summary = await proposalSummary(request, kind, year);
  return toXlsx(`${year}年${proposalKindLabels[kind]}`, summaryColumns, [...summary.byOrg, summary.total]);
}

export async function getSettings(request: FastifyRequest) {
  requireAnyPermission(request.actor, READ, HANDLE);
  const { value, version, saved } = await readProposalSettings(request.server.db, request.actor!.regionCode);
  return { ...value, version, saved, defaults: ProposalSettings.parse({}) };
}

export async function putSettings(request: FastifyRequest, body: ProposalSettings & { version: number }) {
  requirePermission(request.actor, HANDLE);
  const { version, ...value } = body;
  if (value.cppccMaxMonths < value.cppccReplyMonths) throw new AppError('VALIDATION_FAILED', '政协提案最长答复期限不能短于答复期限');
  await write(request, async (tx, audit) => {
    if (!(await saveProposalSettings(tx, request.actor!.regionCode, value, version, request.actor!.userId, request.server.clock.now()))) throw versionConflict('建议提案办理设置');
    await audit({ action: 'proposals.settings', entityType: 'settings', entityId: `proposals.settings:${request.actor!.regionCode}`, regionCode: request.actor!.regionCode, after: value });
  });
  return getSettings(request);
}
