import type { EnforcementField, InspectionResult } from '../../../../contracts/enforcement.ts';
import { api, download, postFileForDownload, uploadFile, XLSX_MIME } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Shapes of /api/inspections and /api/campaigns (server/modules/enforcement-supervision/*.schemas.ts are the source of truth). */

export const INSPECTION = { read: 'enforcement.inspection.read', write: 'enforcement.inspection.write' } as const;
export const CAMPAIGN = { read: 'enforcement.campaign.read', manage: 'enforcement.campaign.manage' } as const;

export const inspectionSorts = ['inspectedOn', 'targetName', 'orgName', 'hazardsFound', 'documentsIssued'] as const;
export type InspectionSort = (typeof inspectionSorts)[number];

export const inspectionFlags = ['rectificationOrdered', 'withHazards', 'placeClosed', 'demolished', 'transferredToJudiciary', 'withDocuments', 'withCase'] as const;
export type InspectionFlag = (typeof inspectionFlags)[number];

/** A type, not an interface: it is sent as a query string. */
export type InspectionFilter = {
  orgId?: string;
  field?: EnforcementField;
  campaignId?: string;
  from?: string;
  to?: string;
  year?: number;
  result?: InspectionResult;
  targetType?: string;
  importId?: string;
  q?: string;
  sort?: InspectionSort;
  order?: 'asc' | 'desc';
} & { [K in InspectionFlag]?: boolean };
export type InspectionQuery = InspectionFilter & { page: number; pageSize: number };

export interface InspectionInput {
  orgId: string;
  field: EnforcementField;
  campaignId?: string | null;
  inspectedOn: string;
  targetName: string;
  targetType?: string | null;
  targetCreditCode?: string | null;
  place?: string | null;
  result: InspectionResult;
  rectificationOrdered: boolean;
  hazardsFound: number;
  placeClosed: boolean;
  demolished: boolean;
  documentsIssued: number;
  transferredToJudiciary: boolean;
  officerNames?: string | null;
  notes?: string | null;
}

export interface InspectionItem extends InspectionInput {
  id: string;
  version: number;
  orgName: string;
  bodyName: string | null;
  matterName: string | null;
  fieldLabel: string;
  campaignTitle: string | null;
  resultLabel: string;
  caseId: string | null;
  importId: string | null;
}

export interface ImportResult {
  importId: string;
  imported: number;
  seconds: number;
}

export interface ImportProgress {
  importId: string;
  stage: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  rowsRead: number;
  rowsWritten: number;
  total: number | null;
}

export interface CampaignFigures {
  inspections: number;
  targets: number;
  targetsByType: { targetType: string; targets: number; inspections: number }[];
  rectificationOrders: number;
  hazardsFound: number;
  placesClosed: number;
  demolished: number;
  transfersToJudiciary: number;
  documentsIssued: number;
  casesFiled: number;
}

export interface CampaignInput {
  title: string;
  field: EnforcementField;
  leadOrgId: string;
  startsOn: string;
  endsOn: string;
  description: string;
}

export interface CampaignItem extends CampaignInput {
  id: string;
  version: number;
  fieldLabel: string;
  leadOrgName: string;
  figures: CampaignFigures;
  /** 全县, or 本单位 when the reader's figures count only the inspections the reader may open. */
  figuresScope: string;
}

export interface CampaignCase {
  id: string;
  title: string;
  partyName: string;
  orgName: string;
  filedOn: string;
  state: string;
  transferredToJudiciary: boolean;
}

export type CampaignQuery = { year?: number; field?: EnforcementField; leadOrgId?: string; q?: string; page: number; pageSize: number };

export const inspectionsApi = {
  list: (query: InspectionQuery) => api.get<Page<InspectionItem>>('inspections', query),
  exportXlsx: (filter: InspectionFilter) => download('inspections/export.xlsx', filter, '行政检查记录.xlsx'),
  get: (id: string) => api.get<InspectionItem>(`inspections/${id}`),
  create: (input: InspectionInput) => api.post<InspectionItem>('inspections', input, { notify: false }),
  update: (id: string, input: InspectionInput & { version: number }) => api.put<InspectionItem>(`inspections/${id}`, input, { notify: false }),
  importXlsx: (file: Blob, importId: string, onProgress: (percent: number) => void) =>
    uploadFile<ImportResult>('inspections/import', { importId }, file, XLSX_MIME, onProgress, { notify: false }),
  progress: (importId: string) => api.get<ImportProgress>(`inspections/imports/${importId}/progress`, undefined, { notify: false }),
  undo: (importId: string) => api.post<{ importId: string; deleted: number }>(`inspections/imports/${importId}/undo`),
  importReport: (file: Blob) => postFileForDownload('inspections/import/report', file, XLSX_MIME, '行政检查导入错误报告.xlsx'),
};

export const campaignsApi = {
  list: (query: CampaignQuery) => api.get<Page<CampaignItem>>('campaigns', query),
  get: (id: string) => api.get<CampaignItem>(`campaigns/${id}`),
  cases: (id: string) => api.get<CampaignCase[]>(`campaigns/${id}/cases`),
  create: (input: CampaignInput) => api.post<CampaignItem>('campaigns', input, { notify: false }),
  update: (id: string, input: CampaignInput & { version: number }) => api.put<CampaignItem>(`campaigns/${id}`, input, { notify: false }),
};
