import type {
  actCategories,
  AppearanceDenominator,
  Appearance,
  Excuse,
  Failure,
  Instance,
  Outcome,
  PlaintiffType,
  PrincipalRole,
  WarningKind,
} from '../../../contracts/litigation.ts';
import { api, download } from './client.ts';
import type { DeadlineMark, Page } from './types.ts';

/** Shapes of /api/litigation answers (server/modules/litigation/litigation.schemas.ts is the source of truth). */

export type ActCategory = (typeof actCategories)[number];

/** The module's permissions (server/modules/litigation/litigation.permissions.ts). */
export const LITIGATION = {
  read: 'litigation.read',
  handle: 'litigation.handle',
  settings: 'litigation.settings',
} as const;

export type LitigationState = 'received' | 'defended' | 'judged';

export const litigationSorts = ['complaintReceivedOn', 'dueOn', 'judgedOn', 'filedOn', 'courtCaseNo', 'defendantOrgName', 'plaintiffName'] as const;
export type LitigationSort = (typeof litigationSorts)[number];

/** A type, not an interface: it is sent as a query string (client.ts Query). */
export type LitigationFilter = {
  state?: LitigationState;
  outcome?: Outcome;
  instance?: Instance;
  defendantOrgId?: string;
  /** The year the complaint's copy was received. */
  year?: number;
  /** true: 败诉; false: decided and not lost. */
  lost?: boolean;
  warning?: boolean;
  afterReconsideration?: boolean;
  q?: string;
  sort?: LitigationSort;
  order?: 'asc' | 'desc';
};

export type LitigationQuery = LitigationFilter & { page: number; pageSize: number };

export interface LitigationCaseItem {
  id: string;
  caseNo: string | null;
  title: string;
  state: LitigationState;
  stateLabel: string;
  terminal: boolean;
  version: number;
  /** The earliest running clock's due date: the defence's while the case waits for it. */
  dueOn: string | null;
  parentId: string | null;
  instance: Instance;
  instanceLabel: string;
  court: string;
  courtCaseNo: string | null;
  plaintiffType: PlaintiffType;
  plaintiffTypeLabel: string;
  plaintiffName: string;
  defendantOrgId: string;
  defendantOrgName: string;
  actCategory: ActCategory;
  actCategoryLabel: string;
  afterReconsideration: boolean;
  filedOn: string | null;
  complaintReceivedOn: string;
  defenceDueOn: string | null;
  defenceFiledOn: string | null;
  defenceLate: boolean;
  /** Marked while the defence is still owed, by the server's calendar. */
  defenceMark: DeadlineMark;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  lost: boolean | null;
  judgedOn: string | null;
  judgmentNo: string | null;
  effectiveOn: string | null;
  challengedCaseId: string | null;
  headSummoned: boolean;
  hearingCount: number;
  principalAppeared: boolean;
  warning: boolean;
}

export interface Hearing {
  id: string;
  seq: number;
  heldOn: string;
  appearance: Appearance;
  appearanceLabel: string;
  /** A 负责人 (正职, 副职 or 分管负责人) appeared. */
  principal: boolean;
  appearedName: string | null;
  appearedTitle: string | null;
  excuse: Excuse | null;
  excuseLabel: string | null;
  excuseText: string | null;
  proofFile: { id: string; name: string; size: number; mime: string } | null;
  failure: Failure | null;
  failureLabel: string | null;
  counsel: string | null;
  warningKinds: WarningKind[];
  recordedAt: string;
  version: number;
}

export interface CourtTerm {
  months: number;
  basis: string;
  from: string;
  until: string;
  note: string;
}

export interface LitigationCase extends LitigationCaseItem {
  actDescription: string;
  claims: string | null;
  /** The court's own time limit: information, not the agency's clock. */
  courtTerm: CourtTerm | null;
  parent: { id: string; caseType: string; caseTypeLabel: string; title: string; caseNo: string | null } | null;
  followUps: { id: string; title: string; instance: Instance; instanceLabel: string; state: LitigationState; stateLabel: string }[];
  hearings: Hearing[];
  warnings: { kind: WarningKind; hearingId: string | null; text: string }[];
}

export interface RegisterInput {
  instance: Instance;
  court: string;
  courtCaseNo?: string;
  plaintiffType: PlaintiffType;
  plaintiffName: string;
  defendantOrgId: string;
  actCategory: ActCategory;
  actDescription: string;
  claims?: string;
  afterReconsideration: boolean;
  reconsiderationCaseId?: string;
  parentCaseId?: string;
  /** The challenged 行政处罚 decision's case in Fazhi. */
  challengedCaseId?: string;
  filedOn?: string;
  complaintReceivedOn: string;
  headSummoned: boolean;
}

export interface HearingInput {
  heldOn: string;
  appearance: Appearance;
  appearedName?: string;
  appearedTitle?: string;
  excuse?: Excuse;
  excuseText?: string;
  proofFileId?: string;
  failure?: Failure;
  counsel?: string;
}

export interface AppearanceSettings {
  regionCode: string;
  numeratorRoles: PrincipalRole[];
  denominator: AppearanceDenominator;
  countCasesWithoutHearing: boolean;
  version: number;
  /** false: nobody saved one yet, the defaults apply. */
  saved: boolean;
  /** The definition in words. */
  description: string;
}

export type AppearanceSettingsInput = Pick<AppearanceSettings, 'numeratorRoles' | 'denominator' | 'countCasesWithoutHearing' | 'version'>;

/** A 复议 case to link a lawsuit to (GET /api/reconsideration/cases; only the fields the picker shows). */
export interface ReconsiderationPick {
  id: string;
  caseNo: string | null;
  title: string;
  stateLabel: string;
}

export const litigationApi = {
  list: (query: LitigationQuery) => api.get<Page<LitigationCaseItem>>('litigation/cases', query),
  exportXlsx: (filter: LitigationFilter) => download('litigation/cases/export.xlsx', filter, '行政应诉案件.xlsx'),
  /** Errors are left to the forms, which show them on their fields. */
  register: (input: RegisterInput) => api.post<LitigationCase>('litigation/cases', input, { notify: false }),
  get: (id: string) => api.get<LitigationCase>(`litigation/cases/${id}`, undefined, { notify: false }),
  addHearing: (id: string, input: HearingInput) => api.post<LitigationCase>(`litigation/cases/${id}/hearings`, input, { notify: false }),
  editHearing: (id: string, hearingId: string, input: HearingInput & { version: number }) =>
    api.put<LitigationCase>(`litigation/cases/${id}/hearings/${hearingId}`, input, { notify: false }),
  settings: () => api.get<AppearanceSettings>('litigation/settings'),
  saveSettings: (input: AppearanceSettingsInput) => api.put<AppearanceSettings>('litigation/settings', input, { notify: false }),
  /** Cases to pick from; a user without 复议 access gets an error the picker shows instead of a message. */
  findReconsideration: (q: string | undefined) =>
    api.get<Page<ReconsiderationPick>>('reconsideration/cases', { q, pageSize: 20 }, { notify: false }),
};
