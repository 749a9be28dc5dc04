import type { actCategories, applicantTypes, channels, followUpKinds, Outcome, procedures } from '../../../contracts/reconsideration.ts';
import { api, download } from './client.ts';
import type { DeadlineMark, Page } from './types.ts';

/** Shapes of /api/reconsideration answers (server/modules/reconsideration/reconsideration.schemas.ts is the source of truth). */

export type Channel = (typeof channels)[number];
export type ApplicantType = (typeof applicantTypes)[number];
export type ActCategory = (typeof actCategories)[number];
export type Procedure = (typeof procedures)[number];
export type FollowUpKind = (typeof followUpKinds)[number];

/** The module's permissions (server/modules/reconsideration/index.ts): read, handle, approve the steps that end a case, see personal data. */
export const RECONSIDERATION = {
  read: 'reconsideration.read',
  handle: 'reconsideration.handle',
  approve: 'reconsideration.approve',
  personal: 'reconsideration.personal',
} as const;

export type ReconsiderationSort = 'receivedOn' | 'dueOn' | 'decidedOn';

export interface ReconsiderationFilter {
  state?: string;
  outcome?: Outcome;
  respondentOrgId?: string;
  channel?: Channel;
  actCategory?: ActCategory;
  /** The year the application was received. */
  year?: number;
  q?: string;
  mark?: 'overdue' | 'dueSoon';
  sort?: ReconsiderationSort;
  order?: 'asc' | 'desc';
}

export type ReconsiderationQuery = ReconsiderationFilter & { page: number; pageSize: number };

export interface ReconsiderationListItem {
  id: string;
  caseNo: string | null;
  title: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  orgId: string;
  orgName: string;
  channel: Channel;
  channelLabel: string;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantTypeLabel: string;
  applicantName: string;
  respondentOrgId: string;
  respondentName: string;
  actCategory: ActCategory;
  actCategoryLabel: string;
  procedure: Procedure | null;
  procedureLabel: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  decidedOn: string | null;
  decisionNo: string | null;
  /** The earliest running clock's due date. */
  dueOn: string | null;
  dueProvisional: boolean;
  mark: DeadlineMark;
  version: number;
}

/** 意见书 (第七十六条) or 附带审查 (第十三条): a case of its own, following from a 复议 case. */
export interface FollowUp {
  id: string;
  kind: FollowUpKind;
  kindLabel: string;
  parentId: string;
  parentTitle: string;
  parentCaseNo: string | null;
  caseNo: string | null;
  title: string;
  state: string;
  stateLabel: string;
  terminal: boolean;
  /** 意见书: the organ it is sent to; 附带审查: the 复议机构 itself. */
  orgId: string;
  orgName: string;
  targetOrgId: string | null;
  targetOrgName: string | null;
  documentTitle: string | null;
  documentNo: string | null;
  normativeDocumentId: string | null;
  content: string;
  result: string | null;
  resultLabel: string | null;
  resultText: string | null;
  dueOn: string | null;
  openedAt: string;
  version: number;
}

export interface ReconsiderationCase extends ReconsiderationListItem {
  trackingCode: string | null;
  applicantIdMask: string | null;
  applicantPhoneMask: string | null;
  applicantAddress: string | null;
  actDescription: string;
  requests: string;
  facts: string | null;
  simpleGround: string | null;
  simpleGroundLabel: string | null;
  /** While suspended the 中止 ground; once closed, why it ended without a decision. */
  ground: string | null;
  groundLabel: string | null;
  reDecisionOrdered: boolean | null;
  assigneeId: string | null;
  assigneeName: string | null;
  correction: { items: string; requestedOn: string | null; content: string | null; correctedOn: string | null } | null;
  followUps: FollowUp[];
}

export interface RegisterInput {
  channel: Channel;
  receivedOn: string;
  applicantType: ApplicantType;
  applicantName: string;
  identityCode: string;
  phone: string;
  address: string;
  respondentOrgId: string;
  actCategory: ActCategory;
  actDescription: string;
  requests: string;
  facts?: string;
  assigneeId?: string;
  /** The challenged 行政处罚 decision's case in Fazhi, if it was made there. */
  challengedCaseId?: string;
}

export interface OpinionInput {
  content: string;
  /** Defaults to the respondent. */
  targetOrgId?: string;
}

export interface ReviewInput {
  documentTitle: string;
  documentNo?: string;
  /** The document's record in the 规范性文件 registry, when it is there. */
  normativeDocumentId?: string;
  /** The maker, when it is an organ of the county. */
  targetOrgId?: string;
  content: string;
}

export const reconsiderationApi = {
  list: (query: ReconsiderationQuery) => api.get<Page<ReconsiderationListItem>>('reconsideration/cases', { ...query }),
  exportXlsx: (filter: ReconsiderationFilter) => download('reconsideration/cases/export.xlsx', { ...filter }, '行政复议案件.xlsx'),
  /** Errors are left to the form, which shows them on its fields. */
  register: (input: RegisterInput) => api.post<{ id: string; trackingCode: string }>('reconsideration/cases', input, { notify: false }),
  get: (id: string) => api.get<ReconsiderationCase>(`reconsideration/cases/${id}`, undefined, { notify: false }),
  /** The ID number and phone in clear; the server records the look in the audit log. */
  applicant: (id: string) => api.get<{ identityCode: string | null; phone: string | null }>(`reconsideration/cases/${id}/applicant`),
  issueOpinion: (id: string, input: OpinionInput) => api.post<{ id: string }>(`reconsideration/cases/${id}/opinions`, input, { notify: false }),
  openReview: (id: string, input: ReviewInput) => api.post<{ id: string }>(`reconsideration/cases/${id}/reviews`, input, { notify: false }),
  followUp: (id: string) => api.get<FollowUp>(`reconsideration/follow-ups/${id}`, undefined, { notify: false }),
};
