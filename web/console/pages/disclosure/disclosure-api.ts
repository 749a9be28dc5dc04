import type { ApplicantKind, DisclosureChannel, DisclosureOutcome } from '../../../../contracts/disclosure.ts';
import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/disclosure answers (server/modules/disclosure/disclosure.schemas.ts is the source of truth). */

export const DISCLOSURE = {
  read: 'disclosure.read',
  handle: 'disclosure.handle',
  approveExtension: 'disclosure.approveExtension',
  personal: 'disclosure.personal',
  settings: 'disclosure.settings',
} as const;

export type DisclosureSort = 'receivedOn' | 'dueOn' | 'repliedOn';

export interface DisclosureFilter {
  state?: string;
  orgId?: string;
  channel?: DisclosureChannel;
  applicantKind?: ApplicantKind;
  outcome?: DisclosureOutcome;
  outcomeGroup?: string;
  receivedFrom?: string;
  receivedTo?: string;
  q?: string;
  mark?: 'overdue' | 'dueSoon';
  sort?: DisclosureSort;
  order?: 'asc' | 'desc';
}

export type DisclosureQuery = DisclosureFilter & { page: number; pageSize: number };

export interface DisclosureListItem {
  id: string;
  caseNo: string | null;
  title: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  orgId: string;
  orgName: string;
  channel: DisclosureChannel;
  channelLabel: string;
  receivedOn: string;
  applicantKind: ApplicantKind;
  applicantKindLabel: string;
  applicantName: string;
  dueOn: string | null;
  dueProvisional: boolean;
  mark: DeadlineMark;
  outcome: DisclosureOutcome | null;
  outcomeLabel: string | null;
  outcomeGroupLabel: string | null;
  repliedOn: string | null;
  replyNo: string | null;
  extended: boolean;
  version: number;
}

export interface DisclosureRequest extends DisclosureListItem {
  trackingCode: string | null;
  applicantIdMask: string | null;
  applicantPhoneMask: string | null;
  applicantEmail: string | null;
  description: string;
  purpose: string | null;
  deliveryForm: string | null;
  deliveryMethod: string | null;
  deliveryLabel: string | null;
  outcomeReason: string | null;
  referredTo: string | null;
  hasReplyLetter: boolean;
  hasExtensionNotice: boolean;
  feeYuan: number | null;
  feeNoticedOn: string | null;
  feePaidOn: string | null;
  pages: number | null;
  correction: { items: string; requestedOn: string | null; content: string | null; correctedOn: string | null } | null;
  consultations: { id: string; kindLabel: string; partyName: string; sentOn: string; answeredOn: string | null; opinionLabel: string | null; note: string | null }[];
  replyNumberPrefix: string;
}

export interface RegisterInput {
  channel: Exclude<DisclosureChannel, 'online'>;
  receivedOn: string;
  orgId: string;
  applicantKind: ApplicantKind;
  applicantName: string;
  identityCode: string;
  phone: string;
  address: string;
  email?: string;
  description: string;
  purpose?: string;
  deliveryForm?: string;
  deliveryMethod?: string;
}

export interface ReplyInput {
  outcome: DisclosureOutcome;
  reason: string;
  referredTo?: string;
  deliveryForm?: string;
  deliveryMethod?: string;
  numberPrefix?: string;
}

export const disclosureApi = {
  list: (query: DisclosureQuery) => api.get<Page<DisclosureListItem>>('disclosure/requests', { ...query }),
  exportXlsx: (filter: DisclosureFilter) => download('disclosure/requests/export.xlsx', { ...filter }, '依申请公开.xlsx'),
  register: (input: RegisterInput) => api.post<{ id: string; trackingCode: string }>('disclosure/requests', input, { notify: false }),
  get: (id: string) => api.get<DisclosureRequest>(`disclosure/requests/${id}`, undefined, { notify: false }),
  applicant: (id: string) => api.get<{ identityCode: string | null; phone: string | null; address: string | null }>(`disclosure/requests/${id}/applicant`),
  agencies: () => api.get<{ id: string; name: string }[]>('disclosure/agencies'),
  document: (id: string, document: 'reply' | 'extension') =>
    download(`disclosure/requests/${id}/documents/${document}`, undefined, document === 'reply' ? '政府信息公开申请答复书.docx' : '延期答复告知书.docx'),
  reply: (id: string, version: number, data: ReplyInput) => api.post(`cases/${id}/actions/reply`, { version, data }, { notify: false }),
};

/** The county's rules (server/modules/disclosure/disclosure.settings.ts). */
export interface DisclosureSettings {
  correctionWorkingDays: number;
  feeWorkingDays: number;
  pieceFree: number;
  pieceFirstBandEnd: number;
  pieceYuan: number;
  pieceBandSize: number;
  volumeFreePages: number;
  volumeBands: { upTo: number | null; yuanPerPage: number }[];
  replyNumberPrefix: string;
  agencyNumberPrefixes: { orgId: string; prefix: string }[];
}

export const disclosureSettingsApi = {
  get: () => api.get<{ value: DisclosureSettings; version: number }>('disclosure/settings'),
  save: (value: DisclosureSettings, version: number) => api.put<{ value: DisclosureSettings; version: number }>('disclosure/settings', { ...value, version }, { notify: false }),
};
