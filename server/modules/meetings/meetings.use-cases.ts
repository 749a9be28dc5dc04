import type { FastifyRequest } from 'fastify';
import { meetingKindLabels, meetingOutcomeLabels } from '../../../contracts/decisions.ts';
import { inScope, requirePermission } from '../../kernel/auth/actor.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { AppError, fieldRefused, notFound } from '../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../kernel/excel/excel.ts';
import { write } from '../../kernel/http/context.ts';
import { findOrg } from '../../kernel/org/org.repository.ts';
import { findWorkflowLabel } from './meetings.labels.ts';
import { recordMeetingItem } from './meetings.ts';
import { MANAGE, READ } from './meetings.permissions.ts';
import { findItemsOf, findMeeting, findMeetingItems, findMeetingItemsForExport, type MeetingItemRow } from './meetings.repository.ts';
import type { MeetingDetail, MeetingFilter, MeetingItemView, NewItemBody, NewMeetingBody } from './meetings.schemas.ts';
import { governmentMeetings } from './meetings.tables.ts';

const EXPORT_LIMIT = 50_000;

export const meetingName = (m: { orgName: string; year: number; seq: number; kind: keyof typeof meetingKindLabels }) => `${m.orgName}${m.year}年第${m.seq}次${meetingKindLabels[m.kind]}`;

function present(row: MeetingItemRow): MeetingItemView {
  return {
    ...row,
    caseTypeLabel: row.caseType ? findWorkflowLabel(row.caseType) : null,
    outcomeLabel: meetingOutcomeLabels[row.outcome],
    meetingName: meetingName(row),
    kindLabel: meetingKindLabels[row.kind],
  };
}

export async function listMeetingItems(request: FastifyRequest, query: MeetingFilter & { page: number; pageSize: number }) {
  const scope = requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findMeetingItems(request.server.db, request.actor!, scope, filter, { page, pageSize });
  return { items: items.map(present), total, page, pageSize };
}

const columns: Column<MeetingItemView>[] = [
  { header: '会议', width: 36, value: (r) => r.meetingName },
  { header: '召开日期', value: (r) => r.heldOn },
  { header: '会议类型', width: 18, value: (r) => r.kindLabel },
  { header: '议题序号', value: (r) => r.itemSeq },
  { header: '议题', width: 44, value: (r) => r.title },
  { header: '涉法议题', value: (r) => (r.lawRelated ? '是' : '否') },
  { header: '关联事项', width: 16, value: (r) => r.caseTypeLabel },
  { header: '会议结论', width: 18, value: (r) => r.outcomeLabel },
  { header: '主持人', value: (r) => r.chair },
  { header: '备注', width: 30, value: (r) => r.notes },
];

export async function exportMeetingItems(request: FastifyRequest, filter: MeetingFilter): Promise<Buffer> {
  const scope = requirePermission(request.actor, READ);
  const rows = await findMeetingItemsForExport(request.server.db, request.actor!, scope, filter, EXPORT_LIMIT);
  return toXlsx('政府会议议题', columns, rows.map(present));
}

export async function getMeeting(request: FastifyRequest, id: string): Promise<MeetingDetail> {
  const scope = requirePermission(request.actor, READ);
  const found = await findMeeting(request.server.db, id);
  if (!found || !inScope(request.actor!, scope, { orgId: found.meeting.orgId, orgPath: found.orgPath, regionCode: found.meeting.regionCode })) throw notFound('会议');
  const m = found.meeting;
  const items = await findItemsOf(request.server.db, id);
  return { id: m.id, name: meetingName({ ...m, orgName: found.orgName }), orgId: m.orgId, orgName: found.orgName, kind: m.kind, kindLabel: meetingKindLabels[m.kind], year: m.year, seq: m.seq, heldOn: m.heldOn, chair: m.chair, version: m.version, items: items.map(present) };
}

/** Registers a meeting by hand (its items follow), e.g. one whose items are not procedures in Fazhi. */
export async function createMeeting(request: FastifyRequest, body: NewMeetingBody): Promise<MeetingDetail> {
  const scope = requirePermission(request.actor, MANAGE);
  const actor = request.actor!;
  if (body.heldOn > beijingToday(request.server.clock)) throw fieldRefused('heldOn', '会议日期不能晚于今天');
  const now = request.server.clock.now();
  const id = await write(request, async (tx, audit) => {
    const org = await findOrg(tx, body.orgId);
    if (!org || org.regionCode !== actor.regionCode) throw fieldRefused('orgId', '机构不存在或不属于本行政区', 'NOT_FOUND');
    if (!inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('orgId', `「${org.name}」的会议不在您的管理范围内`, 'FORBIDDEN');
    const government = org.type === 'government' || org.type === 'township' || org.type === 'street';
    if (government === (body.kind === 'office')) throw fieldRefused('kind', government ? '人民政府的会议为常务会议或全体会议' : '部门的会议为办公会议（局务会议）');
    const [row] = await tx
      .insert(governmentMeetings)
      .values({ regionCode: org.regionCode, orgId: org.id, kind: body.kind, year: Number(body.heldOn.slice(0, 4)), seq: body.seq, heldOn: body.heldOn, chair: body.chair ?? null, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw fieldRefused('seq', `${org.name}${body.heldOn.slice(0, 4)}年第${body.seq}次${meetingKindLabels[body.kind]}已登记`, 'DUPLICATE');
    await audit({ action: 'meetings.create', entityType: 'government_meeting', entityId: row.id, regionCode: org.regionCode, orgId: org.id, after: body });
    return row.id;
  });
  return getMeeting(request, id);
}

/** An item added by hand: not linked to a case (a procedure's own step records linked ones). */
export async function addMeetingItem(request: FastifyRequest, meetingId: string, body: NewItemBody): Promise<MeetingDetail> {
  const scope = requirePermission(request.actor, MANAGE);
  const actor = request.actor!;
  const now = request.server.clock.now();
  await write(request, async (tx, audit) => {
    const found = await findMeeting(tx, meetingId);
    if (!found || !inScope(actor, scope, { orgId: found.meeting.orgId, orgPath: found.orgPath, regionCode: found.meeting.regionCode })) throw notFound('会议');
    const m = found.meeting;
    const recorded = await recordMeetingItem(tx, m, { title: body.title, lawRelated: body.lawRelated, caseId: null, outcome: body.outcome, notes: body.notes ?? null }, now, actor.userId);
    if ('conflict' in recorded) throw new AppError('CONFLICT', recorded.conflict);
    await audit({ action: 'meetings.item.create', entityType: 'government_meeting', entityId: m.id, regionCode: m.regionCode, orgId: m.orgId, after: body, detail: { itemId: recorded.itemId } });
  });
  return getMeeting(request, meetingId);
}
