import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { maskPhone, sm3 } from '../../../kernel/crypto/sm.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import type { Throttle } from '../../../kernel/http/throttle.ts';
import { auditRead, write } from '../../../kernel/http/context.ts';
import { loadClocks, nextDue, startClock } from '../../../kernel/workflow/clocks.ts';
import { markDates, workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase, transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { messageCategoryLabels, messageChannelLabels, messageStateLabels, satisfactionLabels, type MessageChannel, type MessageState, type Satisfaction } from '../../../../contracts/messages.ts';
import { newTrackingCode } from '../../reconsideration/use-cases/register-application.ts';
import { COORDINATE, MESSAGE, PERSONAL, READ } from '../messages.permissions.ts';
import { findIntakeOrg, findMessages, findPhoneEnc, findMessagesForExport, findReadableMessage, findTracked, type MessageListRow, type TrackedRow } from '../messages.repository.ts';
import type { EnterMessageBody, MessageFilter, MessageItem, PortalMessageBody, RateBody, TrackQuery, TrackView } from '../messages.schemas.ts';
import { indexMessage } from '../messages.search.ts';
import { readMessageSettings, replyPeriod, saveMessageSettings, type MessageSettings } from '../messages.settings.ts';
import { citizenMessages } from '../messages.tables.ts';

const EXPORT_LIMIT = 50_000;

/** SM3 of the tracking code with the last four digits of the phone: the code salts it. */
export const trackingSecret = (trackingCode: string, phone: string): string => sm3(`${trackingCode}:${phone.replace(/\D/g, '').slice(-4)}`);

export interface NewMessage {
  regionCode: string;
  intakeOrgId: string;
  channel: MessageChannel;
  category: string;
  subject: string;
  content: string;
  name?: string;
  phone: string;
  publicConsent: boolean;
  receivedOn: string;
}

/**
 * Opens the message's case at the intake organisation, seals the phone (SM4, masked copy for lists),
 * and starts the reply clock from the day it was received with the channel's period (region settings).
 */
export async function openMessage(tx: Tx, deps: WorkflowDeps, sm4: { encrypt(plain: string): string }, m: NewMessage, who: { actor: Actor | null; meta: { ip?: string; userAgent?: string } }) {
  const settings = (await readMessageSettings(tx, m.regionCode)).value;
  const trackingCode = newTrackingCode();
  const opened = await openCase(
    tx,
    deps,
    { caseType: MESSAGE, regionCode: m.regionCode, orgId: m.intakeOrgId, title: m.subject, trackingCode, receivedOn: m.receivedOn, data: { channel: m.channel, receivedOn: m.receivedOn } },
    who,
  );
  await tx.insert(citizenMessages).values({
    caseId: opened.id,
    regionCode: m.regionCode,
    channel: m.channel,
    category: m.category,
    // Entered later from the hotline or mailbox: the day it came in, not the day it was typed.
    receivedAt: m.receivedOn === beijingToday(deps.clock) ? deps.clock.now() : new Date(`${m.receivedOn}T09:00:00+08:00`),
    intakeOrgId: m.intakeOrgId,
    citizenName: m.name?.trim() || null,
    citizenPhoneEnc: sm4.encrypt(m.phone),
    citizenPhoneMask: maskPhone(m.phone),
    content: m.content,
    publicConsent: m.publicConsent,
    trackingSecret: trackingSecret(trackingCode, m.phone),
  });
  await startClock(tx, deps.deadlines, { regionCode: m.regionCode, caseId: opened.id }, 'reply', replyPeriod(settings, m.channel), m.receivedOn);
  const [row] = await tx.update(cases).set(nextDue(await loadClocks(tx, opened.id))).where(eq(cases.id, opened.id)).returning();
  await indexMessage(tx, opened.id, deps.clock.now());
  return { id: row!.id, trackingCode };
}

/** 网上留言: no account; received today by the region's government; only the tracking code is answered. */
export async function leaveMessage(request: FastifyRequest, body: PortalMessageBody): Promise<{ trackingCode: string }> {
  const intakeOrgId = await findIntakeOrg(request.server.db, body.regionCode);
  if (!intakeOrgId) throw new AppError('NOT_FOUND', '该行政区尚未开通网上留言');
  const { regionCode, ...m } = body;
  const opened = await write(request, (tx) =>
    openMessage(tx, workflowDeps(request), request.server.sm4, { ...m, regionCode, intakeOrgId, channel: 'portal', receivedOn: beijingToday(request.server.clock) }, { actor: null, meta: request.meta }),
  );
  return { trackingCode: opened.trackingCode };
}

/** 登记 by the coordinator from the 12345 hotline, the 书记县长信箱 or another channel. */
export async function enterMessage(request: FastifyRequest, body: EnterMessageBody): Promise<MessageItem> {
  requirePermission(request.actor, COORDINATE);
  const actor = request.actor!;
  if (body.receivedOn > beijingToday(request.server.clock)) throw fieldRefused('receivedOn', '收到日期不能晚于今天');
  const intakeOrgId = await findIntakeOrg(request.server.db, actor.regionCode);
  if (!intakeOrgId) throw new AppError('NOT_FOUND', '本行政区没有启用的机构');
  const opened = await write(request, (tx) => openMessage(tx, workflowDeps(request), request.server.sm4, { ...body, regionCode: actor.regionCode, intakeOrgId }, { actor, meta: request.meta }));
  return getMessageItem(request, opened.id);
}

export function presentMessage(row: MessageListRow): MessageItem {
  return {
    ...row,
    state: row.state as MessageState,
    stateLabel: messageStateLabels[row.state as MessageState] ?? row.state,
    channel: row.channel as MessageChannel,
    channelLabel: messageChannelLabels[row.channel as MessageChannel] ?? row.channel,
    category: row.category as MessageItem['category'],
    categoryLabel: messageCategoryLabels[row.category as MessageItem['category']] ?? row.category,
    satisfaction: row.satisfaction as Satisfaction | null,
    satisfactionLabel: row.satisfaction ? satisfactionLabels[row.satisfaction as Satisfaction] : null,
  };
}

export async function listMessages(request: FastifyRequest, query: MessageFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, request.actor!.regionCode);
  const { items, total } = await findMessages(request.server.db, request.actor!, filter, dates, { page, pageSize });
  return { items: items.map(presentMessage), total, page, pageSize };
}

export async function getMessageItem(request: FastifyRequest, id: string): Promise<MessageItem> {
  requirePermission(request.actor, READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const row = await findReadableMessage(request.server.db, request.actor!, id, dates);
  if (!row) throw new AppError('NOT_FOUND', '留言不存在或无权访问');
  return presentMessage(row);
}

/** The phone in clear for a call back: the message must be in the reader's scope for this permission too; every reading is audited. */
export async function revealPhone(request: FastifyRequest, id: string): Promise<{ phone: string }> {
  requirePermission(request.actor, PERSONAL);
  const item = await getMessageItem(request, id);
  const scope = request.actor!.permissions.get(PERSONAL)!;
  const sealed = await findPhoneEnc(request.server.db, request.actor!, scope, id);
  if (!sealed) throw new AppError('FORBIDDEN', '没有查看该留言人电话的权限');
  await auditRead(request, { action: 'messages.phone_read', entityType: MESSAGE, entityId: id, orgId: item.orgId });
  return { phone: request.server.sm4.decrypt(sealed) };
}

const columns: Column<MessageItem>[] = [
  { header: '查询码', width: 16, value: (r) => r.trackingCode },
  { header: '标题', width: 36, value: (r) => r.title },
  { header: '渠道', width: 14, value: (r) => r.channelLabel },
  { header: '类别', width: 8, value: (r) => r.categoryLabel },
  { header: '收到日期', width: 12, value: (r) => r.receivedOn },
  { header: '承办单位', width: 24, value: (r) => r.orgName },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '答复期限', width: 12, value: (r) => r.replyDueOn },
  { header: '答复日期', width: 12, value: (r) => r.repliedOn },
  { header: '按期答复', width: 10, value: (r) => (r.onTime === null ? '' : r.onTime ? '是' : '否') },
  { header: '满意度', width: 10, value: (r) => r.satisfactionLabel },
  { header: '同意公开', width: 10, value: (r) => (r.publicConsent ? '是' : '否') },
  { header: '已公开', width: 8, value: (r) => (r.published ? '是' : '否') },
];

export async function exportMessages(request: FastifyRequest, filter: MessageFilter): Promise<Buffer> {
  requirePermission(request.actor, READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const rows = await findMessagesForExport(request.server.db, request.actor!, filter, dates, EXPORT_LIMIT);
  return toXlsx('网民诉求', columns, rows.map(presentMessage));
}

/** One message whether the code or the verification is wrong: neither reveals that a message exists. */
const NOT_FOUND_MESSAGE = '未找到该留言，请核对查询码和电话后四位';
const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function locate(request: FastifyRequest, lookups: Throttle, code: string, verify: string): Promise<TrackedRow> {
  const now = request.server.clock.now().getTime();
  if (lookups.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '查询失败次数过多，请十五分钟后再试');
  const row = await findTracked(request.server.db, code.toUpperCase());
  if (!row?.trackingSecret || !sameDigest(row.trackingSecret, trackingSecret(code.toUpperCase(), verify))) {
    lookups.record(request.ip, now);
    throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  return row;
}

/** What the citizen sees: the reply once it is given (after review where the county reviews), never staff names. */
function view(row: TrackedRow): TrackView {
  const state = row.state as MessageState;
  const answered = state === 'replied' || state === 'closed';
  return {
    title: row.title,
    state,
    stateLabel: messageStateLabels[state],
    receivedOn: row.receivedOn,
    channelLabel: messageChannelLabels[row.channel as MessageChannel] ?? row.channel,
    categoryLabel: messageCategoryLabels[row.category as MessageItem['category']] ?? row.category,
    content: row.content,
    orgName: state === 'received' ? null : row.orgName,
    replyDueOn: answered ? null : row.replyDueOn,
    reply: answered && row.replyText ? { text: row.replyText, repliedOn: row.repliedOn } : null,
    satisfaction: row.satisfaction as Satisfaction | null,
    satisfactionLabel: row.satisfaction ? satisfactionLabels[row.satisfaction as Satisfaction] : null,
    canRate: answered && !row.satisfaction,
    publicConsent: row.publicConsent,
    published: row.published,
    version: row.version,
  };
}

export async function trackMessage(request: FastifyRequest, lookups: Throttle, query: TrackQuery): Promise<TrackView> {
  return view(await locate(request, lookups, query.code, query.verify));
}

/** 满意度 by the citizen: the kernel's transition with no actor (the step is `byApplicant`). */
export async function rateMessage(request: FastifyRequest, lookups: Throttle, body: RateBody): Promise<TrackView> {
  const row = await locate(request, lookups, body.code, body.verify);
  await request.server.db.transaction((tx) =>
    transition(tx, workflowDeps(request), { caseId: row.id, version: body.version }, 'rate', { actor: null, meta: request.meta }, { data: { satisfaction: body.satisfaction, comment: body.comment } }),
  );
  return view((await findTracked(request.server.db, body.code.toUpperCase()))!);
}

export async function readSettings(request: FastifyRequest) {
  requirePermission(request.actor, READ);
  const { value, version } = await readMessageSettings(request.server.db, request.actor!.regionCode);
  return { value, version };
}

export async function updateSettings(request: FastifyRequest, body: { value: MessageSettings; version: number }) {
  requirePermission(request.actor, COORDINATE);
  const actor = request.actor!;
  await write(request, async (tx, audit) => {
    const before = await readMessageSettings(tx, actor.regionCode);
    if (!(await saveMessageSettings(tx, actor.regionCode, body.value, body.version, actor.userId, request.server.clock.now()))) throw versionConflict('网民诉求设置');
    await audit({ action: 'messages.settings', entityType: 'settings', entityId: `messages.settings:${actor.regionCode}`, regionCode: actor.regionCode, before: before.value, after: body.value });
  });
  return readSettings(request);
}
