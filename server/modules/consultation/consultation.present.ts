import { adoptionLabels, consultationStatusLabels, moderationLabels } from '../../../contracts/consultation.ts';
import { maskPhone } from '../../kernel/crypto/sm.ts';
import { statusOf, type CommentRow, type ConsultationItemRow } from './consultation.repository.ts';
import type { ConsultationItem, PublicConsultationItem, StaffComment } from './consultation.schemas.ts';

/** A phone keeps its first three and last four digits, an e-mail its first letter and its domain. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@');
  return at > 0 ? `${contact[0]}***${contact.slice(at)}` : maskPhone(contact.replace(/-/g, ''));
}

export function presentPublicItem(row: ConsultationItemRow, today: string): PublicConsultationItem {
  const status = statusOf(row, today);
  return {
    id: row.id,
    title: row.title,
    orgName: row.orgName,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status,
    statusLabel: consultationStatusLabels[status],
    shortenedReason: row.shortenedReason,
    closedAt: row.closedAt,
    closedReason: row.closedReason,
    approvedCount: row.approved,
  };
}

export function presentItem(row: ConsultationItemRow, today: string): ConsultationItem {
  const status = statusOf(row, today);
  const { pending, approved, rejected, regionCode: _r, ...rest } = row;
  return { ...rest, status, statusLabel: consultationStatusLabels[status], counts: { pending, approved, rejected } };
}

export function presentComment(row: CommentRow): StaffComment {
  return {
    ...row,
    moderationLabel: moderationLabels[row.moderation],
    adoptionLabel: row.adoption ? adoptionLabels[row.adoption] : null,
  };
}
