import type { AdoptionState, ConsultationStatus, ModerationState } from '../../../../contracts/consultation.ts';
import { api, download } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Shapes of /api/consultations answers (server/modules/consultation/consultation.schemas.ts is the source of truth). */

export const CONSULTATION = { moderate: 'consultation.moderate', personal: 'consultation.personal' } as const;

export interface ConsultationItem {
  id: string;
  entityType: string;
  entityId: string;
  orgId: string;
  orgName: string;
  title: string;
  opensOn: string;
  closesOn: string;
  status: ConsultationStatus;
  statusLabel: string;
  shortenedReason: string | null;
  closedAt: string | null;
  closedReason: string | null;
  version: number;
  counts: Record<ModerationState, number>;
}

export interface StaffComment {
  id: string;
  consultationId: string;
  consultationTitle: string;
  authorName: string;
  contactMask: string | null;
  hasContact: boolean;
  content: string;
  submittedAt: string;
  moderation: ModerationState;
  moderationLabel: string;
  moderatedByName: string | null;
  moderatedAt: string | null;
  rejectReason: string | null;
  adoption: AdoptionState | null;
  adoptionLabel: string | null;
  adoptionNote: string | null;
  version: number;
}

export interface ConsultationDetail extends ConsultationItem {
  explanation: string;
  draftText: string | null;
  files: { id: string; name: string; size: number; mime: string }[];
  comments: StaffComment[];
  canSeeContact: boolean;
}

/** Types, not interfaces: sent as query strings. */
export type ConsultationQuery = { page: number; pageSize: number; status?: ConsultationStatus; orgId?: string; q?: string; pendingOnly?: boolean };
export type QueueQuery = { page: number; pageSize: number; moderation: ModerationState; consultationId?: string };

export const consultationApi = {
  list: (query: ConsultationQuery) => api.get<Page<ConsultationItem>>('consultations', query),
  get: (id: string) => api.get<ConsultationDetail>(`consultations/${id}`, undefined, { notify: false }),
  queue: (query: QueueQuery) => api.get<Page<StaffComment>>('consultations/comments', query),
  moderate: (id: string, input: { decision: 'approve' | 'reject'; rejectReason?: string; version: number }) =>
    api.post(`consultations/comments/${id}/moderate`, input, { notify: false }),
  approveAll: (items: { id: string; version: number }[]) => api.post<{ approved: number }>('consultations/comments/approve', { items }),
  adoption: (id: string, input: { adoption: AdoptionState; adoptionNote?: string; version: number }) => api.put(`consultations/comments/${id}/adoption`, input, { notify: false }),
  contact: (id: string) => api.get<{ contact: string | null }>(`consultations/comments/${id}/contact`),
  close: (id: string, input: { reason: string; version: number }) => api.post(`consultations/${id}/close`, input, { notify: false }),
  exportComments: (id: string) => download(`consultations/${id}/comments/export.xlsx`, undefined, '意见汇总.xlsx'),
};
