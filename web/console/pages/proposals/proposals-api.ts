import { api, download, postFileForDownload, uploadFile, XLSX_MIME } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';
import type { ProposalKind, ProposalState, ReplyCategory, Satisfaction } from '../../../../contracts/proposals.ts';

/** Shapes of /api/proposals answers (server/modules/proposals/proposals.schemas.ts is the source of truth). */

export const PROPOSALS = { read: 'proposals.read', handle: 'proposals.handle', answer: 'proposals.answer' } as const;

export const proposalSorts = ['number', 'assignedOn', 'dueOn', 'repliedOn'] as const;
export type ProposalSort = (typeof proposalSorts)[number];

export type ProposalFilter = {
  kind?: ProposalKind;
  year?: number;
  sessionLabel?: string;
  orgId?: string;
  state?: ProposalState;
  category?: ReplyCategory;
  satisfaction?: Satisfaction;
  overdue?: boolean;
  q?: string;
  sort?: ProposalSort;
  order?: 'asc' | 'desc';
};
export type ProposalQuery = ProposalFilter & { page: number; pageSize: number };

export interface ProposalItem {
  id: string;
  path: string;
  version: number;
  kind: ProposalKind;
  kindLabel: string;
  sessionLabel: string;
  year: number;
  number: string;
  title: string;
  proposers: string;
  topic: string | null;
  state: ProposalState;
  stateLabel: string;
  orgId: string;
  orgName: string;
  coNames: string | null;
  assignedOn: string | null;
  dueOn: string | null;
  mark: DeadlineMark;
  extended: boolean;
  replyCategory: ReplyCategory | null;
  repliedOn: string | null;
  onTime: boolean | null;
  satisfaction: Satisfaction | null;
  secondReply: boolean;
}

export interface Handler {
  id: string;
  orgId: string;
  orgName: string;
  role: 'lead' | 'co';
  assignedOn: string;
  returnDueOn: string;
  returnedOn: string | null;
  returnReason: string | null;
  opinion: string | null;
  opinionOn: string | null;
  active: boolean;
  caseId: string | null;
  caseState: string | null;
  dueOn: string | null;
  mark: DeadlineMark;
}

export interface ProposalDetail extends ProposalItem {
  content: string;
  extensionReason: string | null;
  replyText: string | null;
  replyDueOn: string | null;
  firstSatisfaction: Satisfaction | null;
  feedbackOn: string | null;
  secondReplyText: string | null;
  secondRepliedOn: string | null;
  secondReplyDueOn: string | null;
  secondSatisfaction: Satisfaction | null;
  handlers: Handler[];
  canHandle: boolean;
}

export interface RegisterInput {
  kind: ProposalKind;
  sessionLabel: string;
  year: number;
  number: string;
  title: string;
  proposers: string;
  content: string;
  topic?: string;
}

export interface SummaryRow {
  orgId: string | null;
  orgName: string;
  total: number;
  replied: number;
  onTime: number;
  solved: number;
  planned: number;
  explained: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  secondReplies: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}
export interface Summary {
  kind: ProposalKind;
  year: number;
  total: SummaryRow;
  byOrg: SummaryRow[];
}

export interface Settings {
  returnDays: number;
  secondReplyMonths: number;
  coOpinionMonths: number;
  cppccReplyMonths: number;
  cppccMaxMonths: number;
  version: number;
  saved: boolean;
  defaults: Record<string, number>;
}

const quiet = { notify: false };

export const proposalsApi = {
  list: (query: ProposalQuery) => api.get<Page<ProposalItem>>('proposals', query),
  exportXlsx: (filter: ProposalFilter) => download('proposals/export.xlsx', filter, '建议提案.xlsx'),
  /** Errors are left to the forms, which show them on their fields. */
  register: (input: RegisterInput) => api.post<ProposalDetail>('proposals', input, quiet),
  get: (id: string) => api.get<ProposalDetail>(`proposals/${id}`, undefined, quiet),
  assign: (id: string, input: { version: number; leadOrgId: string; coOrgIds: string[]; assignedOn?: string }) => api.post<ProposalDetail>(`proposals/${id}/assign`, input, quiet),
  summary: (kind: ProposalKind, year: number) => api.get<Summary>('proposals/summary', { kind, year }),
  summaryXlsx: (kind: ProposalKind, year: number) => download('proposals/summary.xlsx', { kind, year }, '建议提案办理情况.xlsx'),
  settings: () => api.get<Settings>('proposals/settings'),
  saveSettings: (input: Omit<Settings, 'saved' | 'defaults'>) => api.put<Settings>('proposals/settings', input, quiet),
  importXlsx: (file: Blob, dryRun: boolean, onProgress: (percent: number) => void) => uploadFile<{ created: number; dryRun: boolean }>('proposals/import', { dryRun }, file, XLSX_MIME, onProgress, quiet),
  importReport: (file: Blob) => postFileForDownload('proposals/import/report', file, XLSX_MIME, '建议提案导入错误报告.xlsx'),
};
