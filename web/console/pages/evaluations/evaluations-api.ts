import type { EvaluationFileState, EvaluationGrade } from '../../../../contracts/enforcement.ts';
import { api, download } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Shapes of /api/enforcement/evaluations (server/modules/enforcement-supervision/evaluations.schemas.ts is the source of truth). */

export const EVALUATION = { manage: 'enforcement.evaluation.manage', score: 'enforcement.evaluation.score', rectify: 'enforcement.evaluation.rectify' } as const;

const BASE = 'enforcement/evaluations';

export interface SheetItem {
  code: string;
  title: string;
  group: string;
  maxScore: number;
}

export interface Sheet {
  id: string;
  name: string;
  items: SheetItem[];
  totalScore: number;
  excellentFrom: number;
  qualifiedFrom: number;
  version: number;
  usedBy: number;
}

export type SheetInput = Omit<Sheet, 'id' | 'version' | 'usedBy'>;

export interface Campaign {
  id: string;
  title: string;
  year: number;
  sheetId: string;
  sheetName: string;
  samplePerOrg: number;
  startsOn: string;
  endsOn: string;
  version: number;
  fileCount: number;
  scoredCount: number;
  rectifyingCount: number;
}

export interface CampaignDetail extends Campaign {
  draws: { seed: string; drawnAt: string; drawnBy: string | null; added: number }[];
}

export interface CampaignInput {
  title: string;
  year: number;
  sheetId: string;
  samplePerOrg: number;
  startsOn: string;
  endsOn: string;
}

export type Rectification = 'sent' | 'onTime' | 'late' | 'overdue' | 'open';

export interface FileFilter {
  campaignId?: string;
  orgId?: string;
  state?: EvaluationFileState;
  grade?: EvaluationGrade;
  hasProblems?: boolean;
  rectification?: Rectification;
  q?: string;
  sort?: 'orgName' | 'closedOn' | 'total' | 'rectificationDueOn' | 'caseNo';
  order?: 'asc' | 'desc';
}

export interface FileItem {
  id: string;
  campaignId: string;
  campaignTitle: string;
  caseId: string;
  caseNo: string | null;
  caseTitle: string;
  orgId: string;
  orgName: string;
  closedOn: string | null;
  decisionNo: string | null;
  state: EvaluationFileState;
  stateLabel: string;
  total: number | null;
  grade: EvaluationGrade | null;
  gradeLabel: string | null;
  problems: string | null;
  rectificationDueOn: string | null;
  rectifiedOn: string | null;
  overdue: boolean;
  version: number;
}

export interface FileDetail extends FileItem {
  scores: Record<string, number> | null;
  rectificationNote: string | null;
  sheet: Sheet;
  archiveIndex: { files: { fileId: string; name: string; step: string; sm3: string }[]; sm3: string } | null;
  history: { at: string; actorName: string | null; action: string; actionLabel: string; detail: Record<string, unknown> | null }[];
  can: { score: boolean; sendBack: boolean; rectify: boolean };
}

export interface ResultRow {
  orgId: string | null;
  orgName: string;
  files: number;
  scored: number;
  averageScore: number | null;
  excellent: number;
  qualified: number;
  unqualified: number;
  withProblems: number;
  sentBack: number;
  rectifiedOnTime: number;
  rectifiedLate: number;
  overdueOpen: number;
}

export interface Results {
  campaign: Campaign;
  asOf: string;
  rows: ResultRow[];
  total: ResultRow;
}

type Q = Record<string, string | number | boolean | undefined>;

export const evaluationsApi = {
  sheets: () => api.get<Sheet[]>(`${BASE}/sheets`),
  createSheet: (body: SheetInput) => api.post<Sheet>(`${BASE}/sheets`, body),
  createDefaultSheet: () => api.post<Sheet>(`${BASE}/sheets/default`),
  updateSheet: (id: string, body: SheetInput & { version: number }) => api.put<Sheet>(`${BASE}/sheets/${id}`, body),
  settings: () => api.get<{ rectificationWorkingDays: number; version: number }>(`${BASE}/settings`),
  saveSettings: (body: { rectificationWorkingDays: number; version: number }) => api.put<{ rectificationWorkingDays: number; version: number }>(`${BASE}/settings`, body),
  campaigns: () => api.get<Campaign[]>(`${BASE}/campaigns`),
  campaign: (id: string) => api.get<CampaignDetail>(`${BASE}/campaigns/${id}`),
  createCampaign: (body: CampaignInput) => api.post<CampaignDetail>(`${BASE}/campaigns`, body),
  draw: (id: string, body: { version: number; seed?: string }) => api.post<CampaignDetail & { added: number }>(`${BASE}/campaigns/${id}/draw`, body),
  results: (id: string) => api.get<Results>(`${BASE}/campaigns/${id}/results`),
  exportResults: (id: string) => download(`${BASE}/campaigns/${id}/results.xlsx`, undefined, '案卷评查结果.xlsx'),
  files: (query: FileFilter & { page: number; pageSize: number }) => api.get<Page<FileItem>>(`${BASE}/files`, query as unknown as Q),
  exportFiles: (filter: FileFilter) => download(`${BASE}/files/export.xlsx`, filter as unknown as Q, '评查案卷.xlsx'),
  file: (id: string) => api.get<FileDetail>(`${BASE}/files/${id}`),
  score: (id: string, body: { version: number; scores: Record<string, number>; problems?: string }) => api.post<FileDetail>(`${BASE}/files/${id}/score`, body),
  sendBack: (id: string, body: { version: number; problems?: string; workingDays?: number }) => api.post<FileDetail>(`${BASE}/files/${id}/send-back`, body),
  rectify: (id: string, body: { version: number; note: string; rectifiedOn?: string }) => api.post<FileDetail>(`${BASE}/files/${id}/rectify`, body),
};
