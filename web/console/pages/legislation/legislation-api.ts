import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/legislation answers (server/modules/legislation/legislation.schemas.ts is the source of truth). */

export const LEGISLATION = { read: 'legislation.read', handle: 'legislation.handle', answer: 'legislation.answer' } as const;

export const consultationSorts = ['receivedOn', 'replyDueOn', 'replySentOn', 'dueOn', 'fromBody'] as const;
export type ConsultationSort = (typeof consultationSorts)[number];
export type ConsultationState = 'handling' | 'consolidated' | 'replied';
export const consultationStateLabels: Record<ConsultationState, string> = { handling: '征求意见中', consolidated: '已汇总意见', replied: '已报送反馈意见' };

export type ConsultationFilter = {
  state?: ConsultationState;
  year?: number;
  replied?: boolean;
  mark?: 'overdue' | 'dueSoon';
  q?: string;
  sort?: ConsultationSort;
  order?: 'asc' | 'desc';
};
export type ConsultationQuery = ConsultationFilter & { page: number; pageSize: number };

export interface FileRef {
  id: string;
  name: string;
  size: number;
  mime: string;
}

export interface ConsultationItem {
  id: string;
  title: string;
  state: ConsultationState;
  stateLabel: string;
  terminal: boolean;
  version: number;
  dueOn: string | null;
  mark: DeadlineMark;
  orgName: string;
  fromBody: string;
  documentTitle: string;
  documentNo: string | null;
  draftTitle: string;
  receivedOn: string;
  replyDueOn: string;
  replySentOn: string | null;
  replyDocumentNo: string | null;
  askedCount: number;
  answeredCount: number;
  outstandingCount: number;
  overdueCount: number;
  researchCount: number;
}

export interface RequestItem {
  id: string;
  caseVersion: number;
  state: 'pending' | 'requested' | 'answered' | 'lapsed';
  stateLabel: string;
  terminal: boolean;
  mark: DeadlineMark;
  version: number;
  consultationId: string;
  consultationTitle: string;
  orgId: string;
  orgName: string;
  askedOn: string;
  dueOn: string;
  note: string | null;
  answeredOn: string | null;
  noOpinion: boolean | null;
  opinion: string | null;
  contact: string | null;
  late: boolean | null;
  adopted: boolean | null;
  adoptionNote: string | null;
  reminders: number;
  lapseReason: string | null;
}

export interface Research {
  id: string;
  heldOn: string;
  place: string | null;
  orgCount: number;
  orgNames: string | null;
  companyKinds: number;
  companyNames: string | null;
  summary: string;
  files: FileRef[];
}

export interface ConsultationDetail extends ConsultationItem {
  summary: string | null;
  consolidatedText: string | null;
  consolidatedOn: string | null;
  lateReason: string | null;
  files: FileRef[];
  requests: RequestItem[];
  research: Research[];
  canHandle: boolean;
}

export interface RequestDetail extends RequestItem {
  fromBody: string;
  documentTitle: string;
  documentNo: string | null;
  draftTitle: string;
  summary: string | null;
  files: FileRef[];
}

export interface RegisterInput {
  fromBody: string;
  documentTitle: string;
  documentNo?: string;
  draftTitle: string;
  receivedOn: string;
  replyDueOn: string;
  summary?: string;
  fileIds: string[];
}

export interface ReplyInput {
  version: number;
  sentOn?: string;
  documentNo?: string;
  numberPrefix?: string;
  lateReason?: string;
  fileIds: string[];
}

export interface ResearchInput {
  heldOn: string;
  place?: string;
  orgCount: number;
  orgNames?: string;
  companyKinds: number;
  companyNames?: string;
  summary: string;
  fileIds: string[];
}

const quiet = { notify: false };

export const legislationApi = {
  list: (query: ConsultationQuery) => api.get<Page<ConsultationItem>>('legislation/consultations', query),
  exportXlsx: (filter: ConsultationFilter) => download('legislation/consultations/export.xlsx', filter, '立法建议.xlsx'),
  replyDocx: (id: string) => download(`legislation/consultations/${id}/reply.docx`, undefined, '反馈意见.docx'),
  /** Errors are left to the forms, which show them on their fields. */
  register: (input: RegisterInput) => api.post<ConsultationDetail>('legislation/consultations', input, quiet),
  get: (id: string) => api.get<ConsultationDetail>(`legislation/consultations/${id}`, undefined, quiet),
  distribute: (id: string, input: { version: number; orgIds: string[]; dueOn: string; note?: string }) =>
    api.post<ConsultationDetail>(`legislation/consultations/${id}/requests`, input, quiet),
  draft: (id: string) => api.get<{ text: string }>(`legislation/consultations/${id}/draft`),
  reply: (id: string, input: ReplyInput) => api.post<ConsultationDetail>(`legislation/consultations/${id}/reply`, input, quiet),
  addResearch: (id: string, input: ResearchInput) => api.post<ConsultationDetail>(`legislation/consultations/${id}/research`, input, quiet),
  requests: (query: { open?: boolean; mark?: 'overdue' | 'dueSoon'; page: number; pageSize: number }) => api.get<Page<RequestItem>>('legislation/requests', query),
  request: (id: string) => api.get<RequestDetail>(`legislation/requests/${id}`, undefined, quiet),
  setAdoption: (id: string, input: { version: number; adopted: boolean; adoptionNote?: string }) => api.put(`legislation/requests/${id}/adoption`, input),
  /** A step of the generic case workflow (POST /api/cases/:id/actions/:action). */
  step: (caseId: string, action: string, input: { version: number; data?: unknown; fileIds?: string[]; reason?: string }) =>
    api.post(`cases/${caseId}/actions/${action}`, input, quiet),
};
