import type { FastifyRequest } from 'fastify';
import { isOpen } from '../../../kernel/consultation/consultation.ts';
import { addDays, beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError, notFound } from '../../../kernel/errors/app-error.ts';
import { fileIndex, getFile, readFileContent, type FileRow } from '../../../kernel/files/files.ts';
import { write } from '../../../kernel/http/context.ts';
import { findApprovedComments, findPublicConsultations, findPublishedConsultation, insertComment, lockConsultation } from '../consultation.repository.ts';
import { maskContact, presentPublicItem } from '../consultation.present.ts';
import type { CommentBody, PublicConsultationDetail, PublicListQuery } from '../consultation.schemas.ts';

/** How long a closed round stays in the portal's list (its page stays reachable by address). */
const CLOSED_LISTED_DAYS = 365;

export const COMMENT_RECEIVED = '您的意见已提交，经审核后公开';

export async function listPublicConsultations(request: FastifyRequest, query: PublicListQuery) {
  const today = beijingToday(request.server.clock);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findPublicConsultations(request.server.db, filter, today, addDays(today, -CLOSED_LISTED_DAYS), { page, pageSize });
  return { items: items.map((row) => presentPublicItem(row, today)), total, page, pageSize };
}

/** A published round: the draft, its explanation and attachments, the period, the approved comments only. */
export async function getPublicConsultation(request: FastifyRequest, id: string): Promise<PublicConsultationDetail> {
  const { db, clock } = request.server;
  const today = beijingToday(clock);
  const row = await findPublishedConsultation(db, id, today);
  if (!row) throw notFound('征求意见');
  const [files, comments] = await Promise.all([fileIndex(db, row.fileIds), findApprovedComments(db, id)]);
  return {
    ...presentPublicItem(row, today),
    explanation: row.explanation,
    draftText: row.draftText,
    files: files.map(({ id: fileId, name, size, mime }) => ({ id: fileId, name, size, mime })),
    comments,
  };
}

/** An attachment of a published round: only the files that round offers, whoever asks. */
export async function publicConsultationFile(request: FastifyRequest, id: string, fileId: string): Promise<{ file: FileRow; content: Buffer }> {
  const { db, clock } = request.server;
  const row = await findPublishedConsultation(db, id, beijingToday(clock));
  if (!row || !row.fileIds.includes(fileId)) throw notFound('附件');
  return { file: await getFile(db, fileId), content: await readFileContent(db, fileId) };
}

/**
 * Takes a comment while the round is open, pending moderation; the contact is sealed with SM4 and
 * only its mask is kept in clear. `clientKey` is a digest of the sender's address (the throttle's key).
 */
export async function submitComment(request: FastifyRequest, id: string, body: CommentBody, clientKey: string): Promise<void> {
  const { clock, sm4 } = request.server;
  const at = clock.now();
  const today = beijingToday(clock);
  await write(request, async (tx, audit) => {
    const row = await lockConsultation(tx, id);
    if (!row || row.opensOn > today) throw notFound('征求意见');
    if (!isOpen(row, today)) {
      const why = row.closedAt ? '本次征求意见已提前结束' : `征求意见已于 ${row.closesOn} 截止`;
      throw new AppError('CONSULTATION_CLOSED', `${why}，不再接收意见`);
    }
    const contact = body.contact || null;
    const comment = await insertComment(tx, {
      regionCode: row.regionCode,
      consultationId: id,
      authorName: body.authorName,
      contactCipher: contact ? sm4.encrypt(contact) : null,
      contactMask: contact ? maskContact(contact) : null,
      content: body.content,
      submittedAt: at,
      clientKey,
    });
    // The audit chain records that a comment came, not what it says or who left a contact.
    await audit({ action: 'consultation.comment.submit', entityType: 'public_comment', entityId: comment.id, regionCode: row.regionCode, orgId: row.orgId, detail: { consultationId: id, length: body.content.length } });
  });
}
