import type { ConsultationStatus } from '../../../contracts/consultation.ts';

/** What /api/public/consultations answers (server: consultation.schemas.ts): no contacts, approved comments only. */
export interface PublicConsultation {
  id: string;
  title: string;
  orgName: string;
  opensOn: string;
  closesOn: string;
  status: ConsultationStatus;
  statusLabel: string;
  shortenedReason: string | null;
  closedAt: string | null;
  closedReason: string | null;
  approvedCount: number;
}

export interface PublicConsultationDetail extends PublicConsultation {
  explanation: string;
  draftText: string | null;
  files: { id: string; name: string; size: number; mime: string }[];
  comments: { id: string; authorName: string; content: string; submittedAt: string }[];
}

export const statusColors: Record<ConsultationStatus, string> = { upcoming: 'default', open: 'green', closed: 'default' };
