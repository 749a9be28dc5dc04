import type { DecisionCategory, DecisionState, ExemptableGate, Gate, GateStatus, MeetingKind, MeetingOutcome, RiskLevel } from '../../../../contracts/decisions.ts';
import { api, download } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Shapes of /api/decisions and /api/meetings (server/modules/decisions/decisions.schemas.ts is the source of truth). */

export const DECISIONS = {
  read: 'decisions.read',
  handle: 'decisions.handle',
  catalogue: 'decisions.catalogue',
  decide: 'decisions.decide',
  settings: 'decisions.settings',
  meetingsRead: 'meetings.read',
  meetingsManage: 'meetings.manage',
} as const;

export interface CatalogueItemView {
  id: string;
  seq: number;
  title: string;
  category: DecisionCategory;
  categoryLabel: string;
  hostOrgId: string;
  hostOrgName: string;
  plannedTime: string;
  exemptions: Partial<Record<ExemptableGate, string>>;
  removed: boolean;
  caseId: string | null;
  version: number;
}

export interface CatalogueHead {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  state: 'drafted' | 'approved' | 'published';
  stateLabel: string;
  partyConsentOn: string | null;
  partyConsentRef: string | null;
  approvedOn: string | null;
  publishedOn: string | null;
  version: number;
}

export interface Adjustment {
  id: string;
  seq: number;
  kind: string;
  kindLabel: string;
  itemTitle: string;
  reason: string;
  adjustedOn: string;
}

export interface Catalogue extends CatalogueHead {
  items: CatalogueItemView[];
  adjustments: Adjustment[];
}

export interface ItemInput {
  title: string;
  category: DecisionCategory;
  hostOrgId: string;
  plannedTime: string;
  exemptions?: Partial<Record<ExemptableGate, string>>;
  version: number;
  reason?: string;
}

export interface GateView {
  gate: Gate;
  label: string;
  status: GateStatus;
  statusLabel: string;
  on: string | null;
  ground: string | null;
}

export interface DecisionItem {
  id: string;
  title: string;
  state: DecisionState;
  stateLabel: string;
  terminal: boolean;
  version: number;
  dueOn: string | null;
  dueMark: 'overdue' | 'dueSoon' | null;
  orgId: string;
  orgName: string;
  deciderOrgName: string;
  catalogueId: string;
  catalogueYear: number;
  category: DecisionCategory;
  categoryLabel: string;
  gates: GateView[];
  openGates: string[];
  riskLevel: RiskLevel | null;
  decidedOn: string | null;
  publishedOn: string | null;
  documentNo: string | null;
}

export interface DecisionDetail extends DecisionItem {
  summary: string;
  commentDays: number | null;
  shortenedReason: string | null;
  riskMeasures: string | null;
  partyConsultedOn: string | null;
  partyConsultationNote: string | null;
  meeting: { id: string; name: string; heldOn: string } | null;
  meetingOutcome: MeetingOutcome | null;
  decisionText: string | null;
  adoptionStatement: string | null;
  detailVersion: number;
  consultations: { id: string; opensOn: string; closesOn: string; shortenedReason: string | null; open: boolean; closed: boolean; counts: { pending: number; approved: number; rejected: number } }[];
  comments: { id: string; authorName: string; content: string; adoption: string | null; adoptionNote: string | null }[];
  experts: { id: string; seq: number; name: string; title: string; affiliation: string; opinion: string; adopted: boolean; adoptionNote: string | null }[];
  hearings: { id: string; seq: number; heldOn: string; place: string; participants: string; record: string }[];
}

export const decisionSorts = ['openedAt', 'decidedOn', 'publishedOn', 'dueOn', 'title', 'orgName'] as const;
export type DecisionSort = (typeof decisionSorts)[number];

export type DecisionFilter = {
  state?: DecisionState;
  year?: number;
  decidedYear?: number;
  orgId?: string;
  category?: DecisionCategory;
  openGate?: Gate;
  exempted?: boolean;
  q?: string;
  sort?: DecisionSort;
  order?: 'asc' | 'desc';
};
export type DecisionQuery = DecisionFilter & { page: number; pageSize: number };

export interface DecisionSettings {
  commentDays: number;
  legalityReviewDays: number;
  partyConsultationRequired: boolean;
  version: number;
  saved: boolean;
}

export interface MeetingItemView {
  itemId: string;
  itemSeq: number;
  title: string;
  lawRelated: boolean;
  caseId: string | null;
  caseType: string | null;
  caseTypeLabel: string | null;
  outcome: MeetingOutcome;
  outcomeLabel: string;
  meetingId: string;
  meetingName: string;
  orgName: string;
  kind: MeetingKind;
  kindLabel: string;
  heldOn: string;
}

export interface MeetingDetail {
  id: string;
  name: string;
  orgName: string;
  kindLabel: string;
  heldOn: string;
  chair: string | null;
  items: MeetingItemView[];
}

export type MeetingFilter = { orgId?: string; kind?: MeetingKind; year?: number; lawRelated?: boolean; q?: string; sort?: 'heldOn'; order?: 'asc' | 'desc' };
export type MeetingQuery = MeetingFilter & { page: number; pageSize: number };

const quiet = { notify: false } as const;

export const decisionsApi = {
  catalogues: (year?: number) => api.get<(CatalogueHead & { itemCount: number })[]>('decisions/catalogues', { year }),
  catalogue: (id: string) => api.get<Catalogue>(`decisions/catalogues/${id}`),
  createCatalogue: (input: { orgId: string; year: number }) => api.post<Catalogue>('decisions/catalogues', input, quiet),
  addItem: (id: string, input: ItemInput) => api.post<Catalogue>(`decisions/catalogues/${id}/items`, input, quiet),
  updateItem: (id: string, itemId: string, input: ItemInput) => api.put<Catalogue>(`decisions/catalogues/${id}/items/${itemId}`, input, quiet),
  removeItem: (id: string, itemId: string, input: { version: number; reason?: string }) => api.post<Catalogue>(`decisions/catalogues/${id}/items/${itemId}/remove`, input, quiet),
  approve: (id: string, input: { version: number; partyConsentOn: string; partyConsentRef: string }) => api.post<Catalogue>(`decisions/catalogues/${id}/approve`, input, quiet),
  publish: (id: string, version: number) => api.post<Catalogue>(`decisions/catalogues/${id}/publish`, { version }),
  list: (query: DecisionQuery) => api.get<Page<DecisionItem>>('decisions', query),
  exportXlsx: (filter: DecisionFilter) => download('decisions/export.xlsx', filter, '重大行政决策.xlsx'),
  register: (input: { catalogueItemId: string; summary: string }) => api.post<DecisionDetail>('decisions', input, quiet),
  get: (id: string) => api.get<DecisionDetail>(`decisions/${id}`, undefined, quiet),
  draftStatement: (id: string) => api.get<{ text: string }>(`decisions/${id}/statement/draft`),
  saveStatement: (id: string, input: { version: number; text: string }) => api.put<DecisionDetail>(`decisions/${id}/statement`, input, quiet),
  archive: (id: string) => download(`decisions/${id}/archive.zip`, undefined, '决策档案.zip'),
  settings: () => api.get<DecisionSettings>('decisions/settings'),
  saveSettings: (input: Omit<DecisionSettings, 'saved'>) => api.put<DecisionSettings>('decisions/settings', input, quiet),
  meetingItems: (query: MeetingQuery) => api.get<Page<MeetingItemView>>('meetings/items', query),
  exportMeetingItems: (filter: MeetingFilter) => download('meetings/items/export.xlsx', filter, '政府会议议题.xlsx'),
  meeting: (id: string) => api.get<MeetingDetail>(`meetings/${id}`),
  createMeeting: (input: { orgId: string; kind: MeetingKind; seq: number; heldOn: string; chair?: string }) => api.post<MeetingDetail>('meetings', input, quiet),
  addMeetingItem: (id: string, input: { title: string; lawRelated: boolean; outcome: MeetingOutcome; notes?: string }) => api.post<MeetingDetail>(`meetings/${id}/items`, input, quiet),
};
