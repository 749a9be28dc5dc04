import type { CampaignState, CleanupDecision, LegalStatus, ProcedureState } from '../../../../contracts/normative.ts';
import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/normative answers (server/modules/normative/normative.schemas.ts is the source of truth). */

export const NORMATIVE = { read: 'normative.read', handle: 'normative.handle', manage: 'normative.manage' } as const;

export const documentSorts = ['publishedOn', 'docNo', 'title', 'validUntil', 'openedAt', 'dueOn'] as const;
export type DocumentSort = (typeof documentSorts)[number];

export type DocumentFilter = {
  issuerOrgId?: string;
  status?: LegalStatus;
  state?: ProcedureState;
  year?: number;
  topic?: string;
  published?: boolean;
  q?: string;
  sort?: DocumentSort;
  order?: 'asc' | 'desc';
};
export type DocumentQuery = DocumentFilter & { page: number; pageSize: number };

export interface DocumentItem {
  id: string;
  title: string;
  state: ProcedureState;
  stateLabel: string;
  terminal: boolean;
  caseVersion: number;
  version: number;
  dueOn: string | null;
  orgId: string;
  orgName: string;
  issuerOrgId: string;
  issuerName: string;
  topics: string[];
  docNo: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  filingDueOn: string | null;
  filedWithGovernmentOn: string | null;
  filedWithCongressOn: string | null;
  filingMark: DeadlineMark;
  filingLate: boolean;
  status: LegalStatus | null;
  statusLabel: string | null;
  expiringSoon: boolean;
}

export interface StatusChange {
  id: string;
  status: LegalStatus;
  statusLabel: string;
  changedOn: string;
  byDocumentId: string | null;
  byDocumentTitle: string | null;
  byDocumentNo: string | null;
  byText: string | null;
  reason: string | null;
  computed: boolean;
}

export interface Affect {
  documentId: string;
  effect: 'amended' | 'repealed';
}

export interface DocumentDetail extends DocumentItem {
  draftingExplanation: string;
  basis: string;
  body: string;
  affects: (Affect & { title: string; docNo: string | null })[];
  statusHistory: StatusChange[];
  changed: { documentId: string; title: string; docNo: string | null; statusLabel: string; changedOn: string }[];
  reviews: { id: string; title: string; stateLabel: string; result: string | null }[];
  consultation: { id: string; opensOn: string; closesOn: string; open: boolean; pending: number; approved: number; rejected: number } | null;
  editable: boolean;
}

export interface DraftInput {
  title: string;
  issuerOrgId: string;
  draftingOrgId?: string;
  draftingExplanation: string;
  basis: string;
  body: string;
  topics: string[];
  affects: Affect[];
}

export interface Settings {
  regionCode: string;
  commentDays: number;
  reviewWorkingDays: number;
  validityYears: number;
  filingDays: number;
  expiryReminderMonths: number;
  numberPrefixes: { orgId: string; prefix: string; orgName: string }[];
  version: number;
  saved: boolean;
}

export interface CampaignItem {
  id: string;
  documentId: string;
  title: string;
  docNo: string | null;
  issuerName: string;
  publishedOn: string | null;
  status: string | null;
  statusLabel: string | null;
  decision: CleanupDecision | null;
  decisionLabel: string | null;
  reason: string | null;
  version: number;
}

export interface Campaign {
  id: string;
  title: string;
  topics: string[];
  description: string;
  state: CampaignState;
  stateLabel: string;
  startedOn: string;
  completedOn: string | null;
  publishedOn: string | null;
  version: number;
  itemCount: number;
  decidedCount: number;
}
export type CampaignDetail = Campaign & { items: CampaignItem[] };

const quiet = { notify: false } as const;

export const normativeApi = {
  list: (query: DocumentQuery) => api.get<Page<DocumentItem>>('normative/documents', query),
  exportXlsx: (filter: DocumentFilter) => download('normative/documents/export.xlsx', filter, '规范性文件.xlsx'),
  get: (id: string) => api.get<DocumentDetail>(`normative/documents/${id}`, undefined, quiet),
  create: (input: DraftInput) => api.post<DocumentDetail>('normative/documents', input, quiet),
  update: (id: string, input: Partial<DraftInput> & { version: number }) => api.put<DocumentDetail>(`normative/documents/${id}`, input, quiet),
  changeStatus: (id: string, input: { status: LegalStatus; changedOn: string; byDocumentId?: string; byText?: string; reason: string; version: number }) =>
    api.post<DocumentDetail>(`normative/documents/${id}/status-changes`, input, quiet),
  filingReport: (id: string) => download(`normative/documents/${id}/filing-report.docx`, undefined, '备案报告.docx'),
  filingPackage: (id: string) => download(`normative/documents/${id}/filing-package.zip`, undefined, '备案材料.zip'),
  expiring: () => api.get<{ until: string; items: DocumentItem[] }>('normative/expiring'),
  settings: () => api.get<Settings>('normative/settings'),
  saveSettings: (input: Omit<Settings, 'regionCode' | 'saved' | 'numberPrefixes'> & { numberPrefixes: { orgId: string; prefix: string }[] }) =>
    api.put<Settings>('normative/settings', input, quiet),
  campaigns: () => api.get<Campaign[]>('normative/campaigns'),
  campaign: (id: string) => api.get<CampaignDetail>(`normative/campaigns/${id}`, undefined, quiet),
  createCampaign: (input: { title: string; topics: string[]; description: string; startedOn: string }) => api.post<CampaignDetail>('normative/campaigns', input, quiet),
  addItems: (id: string, documentIds: string[], version: number) => api.post<CampaignDetail>(`normative/campaigns/${id}/items`, { documentIds, version }),
  decide: (id: string, itemId: string, input: { decision: CleanupDecision; reason: string; version: number }) =>
    api.put<CampaignDetail>(`normative/campaigns/${id}/items/${itemId}`, input, quiet),
  complete: (id: string, version: number) => api.post<CampaignDetail>(`normative/campaigns/${id}/complete`, { version }),
  publish: (id: string, version: number) => api.post<CampaignDetail>(`normative/campaigns/${id}/publish`, { version }),
  exportCampaign: (id: string, format: 'xlsx' | 'docx') => download(`normative/campaigns/${id}/export.${format}`, undefined, `清理结果.${format}`),
  /** Published documents to pick from (清理, 修改或废止的文件, 附带审查). */
  pick: (q: string | undefined, extra: DocumentFilter = {}) => api.get<Page<DocumentItem>>('normative/documents', { q, published: true, sort: 'publishedOn', order: 'desc', pageSize: 30, ...extra }, quiet),
};
