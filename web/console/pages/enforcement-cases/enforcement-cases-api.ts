import type { CoercionKind, EnforcementField, PartyType, PenaltyKind, PenaltyOutcome, PenaltyState, PublicationKind, PublicationState, ReviewTrigger } from '../../../../contracts/enforcement.ts';
import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/enforcement/{cases,publications,coercive-measures} (server/modules/enforcement-cases/enforcement-cases.schemas.ts is the source of truth). */

export const ENFORCEMENT_CASES = {
  read: 'enforcement.case.read',
  handle: 'enforcement.case.handle',
  approve: 'enforcement.case.approve',
  publicity: 'enforcement.publicity.handle',
} as const;

export const PENALTY = 'enforcement_penalty';
export const PUBLICITY = 'enforcement_publicity';

export const caseSorts = ['filedOn', 'dueOn', 'decidedOn', 'fine', 'title'] as const;
export type CaseSort = (typeof caseSorts)[number];

export type CaseFilter = {
  state?: PenaltyState;
  field?: EnforcementField;
  bodyId?: string;
  orgId?: string;
  outcome?: PenaltyOutcome;
  firstViolation?: boolean;
  overdue?: boolean;
  year?: number;
  q?: string;
  sort?: CaseSort;
  order?: 'asc' | 'desc';
};
export type CaseQuery = CaseFilter & { page: number; pageSize: number };

export interface CaseItem {
  id: string;
  caseNo: string | null;
  title: string;
  state: PenaltyState;
  stateLabel: string;
  version: number;
  dueOn: string | null;
  mark: DeadlineMark;
  orgId: string;
  orgName: string;
  bodyName: string;
  field: EnforcementField;
  fieldLabel: string;
  procedure: 'general' | 'simple';
  partyType: PartyType;
  partyName: string;
  filedOn: string;
  firstViolation: boolean;
  leniencyFlag: boolean;
  reviewRequired: boolean;
  outcome: PenaltyOutcome | null;
  outcomeLabel: string | null;
  fine: number | null;
  decidedOn: string | null;
  decisionNo: string | null;
  transferredToJudiciary: boolean;
  correctedOn: string | null;
}

export interface CaseDetail extends CaseItem {
  bodyId: string;
  matterId: string;
  matterName: string;
  source: string;
  partyIdMask: string | null;
  facts: string;
  leniencyConditions: string | null;
  proposedPenalties: PenaltyKind[];
  proposedFine: number | null;
  benchmarkId: string | null;
  departureReason: string | null;
  reviewTriggers: ReviewTrigger[];
  hearingRequested: boolean;
  hearingOn: string | null;
  penalties: PenaltyKind[];
  deliveredOn: string | null;
  executedOn: string | null;
  closedOn: string | null;
  archivedOn: string | null;
  archiveIndex: { files: { fileId: string; name: string; step: string; sm3: string }[]; sm3: string } | null;
  correctedByCaseId: string | null;
  officers: { officerId: string; name: string; certificateId: string; lead: boolean }[];
  benchmarks: { id: string; level: string; violation: string; circumstances: string; fineMin: number | null; fineMax: number | null }[];
  publications: { id: string; state: PublicationState; publishedOn: string | null; withdrawnOn: string | null }[];
}

export interface ArchiveVerification {
  intact: boolean;
  archivedOn: string | null;
  indexSm3: string;
  actualIndexSm3: string;
  files: { fileId: string; name: string; sm3: string; actualSm3: string | null; intact: boolean }[];
  problems: string[];
}

export interface CaseOptions {
  id: string;
  name: string;
  matters: { id: string; code: string; name: string; field: string }[];
  officers: { id: string; name: string }[];
}

export interface NewCase {
  bodyId: string;
  matterId: string;
  procedure: 'general' | 'simple';
  source: string;
  title: string;
  caseNo?: string;
  partyType: PartyType;
  partyName: string;
  partyId?: string;
  facts: string;
  filedOn: string;
  firstViolation: boolean;
  officerIds: string[];
}

export type PublicationFilter = { id?: string; state?: PublicationState; kind?: PublicationKind; orgId?: string; overdue?: boolean; year?: number };
export interface PublicationItem {
  id: string;
  sourceCaseId: string | null;
  state: PublicationState;
  stateLabel: string;
  version: number;
  kind: PublicationKind;
  title: string;
  decisionNo: string | null;
  decidedOn: string;
  partyMasked: string;
  orgName: string;
  dueOn: string | null;
  mark: DeadlineMark;
  publishedOn: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  content: string;
}
export interface NewPublication {
  kind: PublicationKind;
  title: string;
  decisionNo?: string;
  decidedOn: string;
  partyType: PartyType;
  partyName: string;
  content: string;
}

export type CoerciveFilter = { kind?: CoercionKind; open?: boolean; caseId?: string };
export interface CoerciveItem {
  id: string;
  version: number;
  kind: CoercionKind;
  kindLabel: string;
  orgName: string;
  bodyName: string;
  caseId: string | null;
  partyName: string;
  subject: string;
  basis: string;
  startedOn: string;
  dueOn: string | null;
  extended: boolean;
  releasedOn: string | null;
  mark: DeadlineMark;
}
export interface NewCoercive {
  bodyId: string;
  caseId?: string;
  kind: CoercionKind;
  partyName: string;
  subject: string;
  basis: string;
  startedOn: string;
  officerIds: string[];
}

export const enforcementCasesApi = {
  list: (query: CaseQuery) => api.get<Page<CaseItem>>('enforcement/cases', query),
  exportXlsx: (filter: CaseFilter) => download('enforcement/cases/export.xlsx', filter, '行政处罚案件.xlsx'),
  get: (id: string) => api.get<CaseDetail>(`enforcement/cases/${id}`),
  create: (body: NewCase) => api.post<CaseDetail>('enforcement/cases', body),
  options: () => api.get<CaseOptions[]>('enforcement/case-options'),
  changeOfficers: (id: string, version: number, officerIds: string[]) => api.put<CaseDetail>(`enforcement/cases/${id}/officers`, { version, officerIds }),
  verifyArchive: (id: string) => api.get<ArchiveVerification>(`enforcement/cases/${id}/archive/verify`),
  archiveZip: (id: string) => download(`enforcement/cases/${id}/archive.zip`, undefined, '案卷.zip'),
  publications: (query: PublicationFilter & { page: number; pageSize: number }) => api.get<Page<PublicationItem>>('enforcement/publications', query),
  enterPublication: (body: NewPublication) => api.post<{ id: string }>('enforcement/publications', body),
  coercive: (query: CoerciveFilter & { page: number; pageSize: number }) => api.get<Page<CoerciveItem>>('enforcement/coercive-measures', query),
  exportCoercive: (filter: CoerciveFilter) => download('enforcement/coercive-measures/export.xlsx', filter, '行政强制措施.xlsx'),
  createCoercive: (body: NewCoercive) => api.post<{ id: string }>('enforcement/coercive-measures', body),
  extendCoercive: (id: string, version: number, reason: string) => api.post<{ id: string }>(`enforcement/coercive-measures/${id}/extend`, { version, reason }),
  releaseCoercive: (id: string, version: number, reason: string) => api.post<{ id: string }>(`enforcement/coercive-measures/${id}/release`, { version, reason }),
};
