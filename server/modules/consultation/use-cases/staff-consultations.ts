import type { FastifyRequest } from 'fastify';
import { hasPermission, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { closeConsultation } from '../../../kernel/consultation/consultation.ts';
import { AppError, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import { fileIndex } from '../../../kernel/files/files.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { auditRead, write, type Audit } from '../../../kernel/http/context.ts';
import { commentColumns } from '../consultation.export.ts';
import { MODERATE, PERSONAL } from '../consultation.permissions.ts';
import { presentComment, presentItem } from '../consultation.present.ts';
import {
  findCommentContact,
  findComments,
  findModeratableConsultation,
  findModeratableConsultations,
  findQueue,
  lockModeratableComments,
  lockModeratableConsultation,
  statusOf,
  updateComment,
} from '../consultation.repository.ts';
import type { AdoptionBody, BulkApproveBody, CloseBody, ConsultationDetail, ConsultationListQuery, ModerateBody, QueueQuery } from '../consultation.schemas.ts';

const COMMENT = 'public_comment';
const CONSULTATION = 'public_consultation';

function moderator(request: FastifyRequest): Actor {
  requirePermission(request.actor, MODERATE);
  return request.actor!;
}

export async function listConsultations(request: FastifyRequest, query: ConsultationListQuery) {
  const actor = moderator(request);
  const today = beijingToday(request.server.clock);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findModeratableConsultations(request.server.db, actor, filter, today, { page, pageSize });
  return { items: items.map((row) => presentItem(row, today)), total, page, pageSize };
}

export async function getConsultation(request: FastifyRequest, id: string): Promise<ConsultationDetail> {
  const actor = moderator(request);
  const { db, clock } = request.server;
  const row = await findModeratableConsultation(db, actor, id);
  if (!row) throw notFound('征求意见');
  const [files, comments] = await Promise.all([fileIndex(db, row.fileIds), findComments(db, id)]);
  const { explanation, draftText, fileIds: _f, ...item } = row;
  return {
    ...presentItem(item, beijingToday(clock)),
    explanation,
    draftText,
    files: files.map(({ id: fileId, name, size, mime }) => ({ id: fileId, name, size, mime })),
    comments: comments.map(presentComment),
    canSeeContact: hasPermission(actor, PERSONAL),
  };
}

export async function exportComments(request: FastifyRequest, id: string): Promise<{ title: string; content: Buffer }> {
  const detail = await getConsultation(request, id);
  return { title: detail.title, content: await toXlsx('意见汇总', commentColumns, detail.comments) };
}

export async function listQueue(request: FastifyRequest, query: QueueQuery) {
  const actor = moderator(request);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findQueue(request.server.db, actor, filter, { page, pageSize });
  return { items: items.map(presentComment), total, page, pageSize };
}

type LockedComment = Awaited<ReturnType<typeof lockModeratableComments>>[number];

/** Approves or rejects a pending comment; a moderated one stays as decided (the adoption statement relies on it). */
export async function moderateComment(request: FastifyRequest, commentId: string, body: ModerateBody): Promise<void> {
  const actor = moderator(request);
  const at = request.server.clock.now();
  await write(request, async (tx, audit) => {
    const [comment] = await lockModeratableComments(tx, actor, [commentId]);
    if (!comment) throw notFound('意见');
    await moderateOne(tx, audit, actor, at, comment, body.version, body.decision === 'approve' ? 'approved' : 'rejected', body.decision === 'reject' ? body.rejectReason! : null);
  });
}

async function moderateOne(
  tx: Tx,
  audit: Audit,
  actor: Actor,
  at: Date,
  comment: LockedComment,
  version: number,
  moderation: 'approved' | 'rejected',
  rejectReason: string | null,
): Promise<void> {
  if (comment.version !== version) throw versionConflict('意见');
  if (comment.moderation !== 'pending') throw new AppError('CONFLICT', '该意见已审核，不能重复审核');
  if (!(await updateComment(tx, comment.id, version, { moderation, moderatedBy: actor.userId, moderatedAt: at, rejectReason }))) throw versionConflict('意见');
  await audit({
    action: moderation === 'approved' ? 'consultation.comment.approve' : 'consultation.comment.reject',
    entityType: COMMENT,
    entityId: comment.id,
    regionCode: comment.regionCode,
    orgId: comment.orgId,
    before: { moderation: 'pending' },
    after: { moderation, rejectReason },
    detail: { consultationId: comment.consultationId },
  });
}

/** Approves several pending comments at once: all of them or, if one changed meanwhile, none. */
export async function bulkApprove(request: FastifyRequest, body: BulkApproveBody): Promise<{ approved: number }> {
  const actor = moderator(request);
  const at = request.server.clock.now();
  const ids = [...new Set(body.items.map((i) => i.id))];
  return write(request, async (tx, audit) => {
    const locked = new Map((await lockModeratableComments(tx, actor, ids)).map((row) => [row.id, row]));
    for (const item of body.items) {
      const comment = locked.get(item.id);
      if (!comment) throw notFound('意见');
      await moderateOne(tx, audit, actor, at, comment, item.version, 'approved', null);
      locked.delete(item.id);
    }
    return { approved: ids.length };
  });
}

/** 采纳情况 of an approved comment, the input of the owning record's adoption statement. */
export async function markAdoption(request: FastifyRequest, commentId: string, body: AdoptionBody): Promise<void> {
  const actor = moderator(request);
  await write(request, async (tx, audit) => {
    const [comment] = await lockModeratableComments(tx, actor, [commentId]);
    if (!comment) throw notFound('意见');
    if (comment.version !== body.version) throw versionConflict('意见');
    if (comment.moderation !== 'approved') throw new AppError('CONFLICT', '只有审核公开的意见才标注采纳情况');
    const after = { adoption: body.adoption, adoptionNote: body.adoptionNote ?? null };
    if (!(await updateComment(tx, commentId, body.version, after))) throw versionConflict('意见');
    await audit({
      action: 'consultation.comment.adoption',
      entityType: COMMENT,
      entityId: commentId,
      regionCode: comment.regionCode,
      orgId: comment.orgId,
      before: { adoption: comment.adoption, adoptionNote: comment.adoptionNote },
      after,
      detail: { consultationId: comment.consultationId },
    });
  });
}

/** Ends a round before closesOn (the draft was withdrawn or replaced); the reason is published with it. */
export async function closeEarly(request: FastifyRequest, id: string, body: CloseBody): Promise<void> {
  const actor = moderator(request);
  const { clock } = request.server;
  const at = clock.now();
  await write(request, async (tx, audit) => {
    const row = await lockModeratableConsultation(tx, actor, id);
    if (!row) throw notFound('征求意见');
    if (row.version !== body.version) throw versionConflict('征求意见');
    if (statusOf(row, beijingToday(clock)) === 'closed') throw new AppError('CONSULTATION_CLOSED', '本次征求意见已经结束');
    await closeConsultation(tx, id, at, actor.userId, body.reason);
    await audit({ action: 'consultation.close', entityType: CONSULTATION, entityId: id, regionCode: row.regionCode, orgId: row.orgId, after: { closedAt: at, closedReason: body.reason } });
  });
}

/** The contact a commenter left, in clear: consultation.personal over the round's organisation; each reading audited. */
export async function readContact(request: FastifyRequest, commentId: string): Promise<{ contact: string | null }> {
  const actor = moderator(request);
  requirePermission(actor, PERSONAL);
  const comment = await findCommentContact(request.server.db, actor, commentId);
  if (!comment) throw notFound('意见');
  await auditRead(request, { action: 'consultation.contact_read', entityType: COMMENT, entityId: commentId, regionCode: comment.regionCode, orgId: comment.orgId });
  return { contact: comment.contactCipher ? request.server.sm4.decrypt(comment.contactCipher) : null };
}
