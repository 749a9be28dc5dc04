import type { interpretationForms, proactiveCategories, proactiveKinds } from '../../../../contracts/disclosure.ts';
import type { ReportCheck, ReportFigures, ReportScope, ReportSection } from '../../../../contracts/disclosure-report.ts';
import { api, download, postFileForDownload, uploadFile, XLSX_MIME } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';

/** Shapes of /api/proactive-disclosures and /api/disclosure-reports (server/modules/disclosure-report/*.schemas.ts are the source of truth). */

export const PROACTIVE = { read: 'disclosure.proactive.read', write: 'disclosure.proactive.write' } as const;
export const REPORT = { read: 'disclosure.report.read', write: 'disclosure.report.write', publish: 'disclosure.report.publish' } as const;

export type ProactiveCategory = (typeof proactiveCategories)[number];
export type ProactiveKind = (typeof proactiveKinds)[number];
export type InterpretationForm = (typeof interpretationForms)[number];

export const proactiveSorts = ['publishedOn', 'title', 'orgName', 'category'] as const;
export type ProactiveSort = (typeof proactiveSorts)[number];
export type ProactiveFilter = {
  orgId?: string;
  category?: ProactiveCategory;
  kind?: ProactiveKind;
  form?: InterpretationForm;
  year?: number;
  from?: string;
  to?: string;
  importId?: string;
  q?: string;
  sort?: ProactiveSort;
  order?: 'asc' | 'desc';
};
export type ProactiveQuery = ProactiveFilter & { page: number; pageSize: number };

export interface ProactiveInput {
  orgId: string;
  publishedOn: string;
  title: string;
  category: ProactiveCategory;
  kind: ProactiveKind;
  form?: InterpretationForm | null;
  channel?: string | null;
  url?: string | null;
}
export interface ProactiveItem extends ProactiveInput {
  id: string;
  version: number;
  orgName: string;
  categoryLabel: string;
  kindLabel: string;
  formLabel: string | null;
  importId: string | null;
}
export interface ImportBatch {
  importId: string;
  rows: number;
  importedAt: string;
  importedBy: string | null;
  firstDay: string;
  lastDay: string;
}

export const reportSorts = ['year', 'orgName', 'dueOn', 'status'] as const;
export type ReportSort = (typeof reportSorts)[number];
export type ReportFilter = { year?: number; orgId?: string; scope?: ReportScope; status?: 'draft' | 'published'; caseId?: string; mark?: 'overdue' | 'dueSoon'; sort?: ReportSort; order?: 'asc' | 'desc' };
export type ReportQuery = ReportFilter & { page: number; pageSize: number };

export interface ReportItem {
  id: string;
  version: number;
  orgId: string;
  orgName: string;
  year: number;
  scope: ReportScope;
  scopeLabel: string;
  status: 'draft' | 'published';
  statusLabel: string;
  dueOn: string;
  mark: DeadlineMark;
  publishedOn: string | null;
  caseId: string | null;
}
export interface SectionView {
  section: ReportSection;
  label: string;
  version: number;
  body: string;
  savedAt: string | null;
  savedBy: string | null;
}
export interface ReportView extends ReportItem {
  title: string;
  figures: ReportFigures;
  checks: ReportCheck[];
  previousPublished: boolean;
  sections: SectionView[];
}
export interface SectionVersion {
  version: number;
  body: string;
  savedAt: string;
  savedBy: string | null;
}
export const figureItemLabels = {
  'regulations.issued': '规章：本年制发件数',
  'regulations.repealed': '规章：本年废止件数',
  'regulations.inForce': '规章：现行有效件数',
  'licences.decisions': '行政许可：本年处理决定数量',
  'fees.amountTenThousand': '行政事业性收费：本年收费金额（万元）',
} as const;
export type FigureItem = keyof typeof figureItemLabels;
export interface FigureEntry {
  id: string;
  version: number;
  orgId: string;
  orgName: string;
  year: number;
  item: FigureItem;
  itemLabel: string;
  value: number;
  note: string | null;
}

export const proactiveApi = {
  list: (query: ProactiveQuery) => api.get<Page<ProactiveItem>>('proactive-disclosures', query),
  exportXlsx: (filter: ProactiveFilter) => download('proactive-disclosures/export.xlsx', filter, '主动公开信息.xlsx'),
  create: (input: ProactiveInput) => api.post<ProactiveItem>('proactive-disclosures', input, { notify: false }),
  update: (id: string, input: ProactiveInput & { version: number }) => api.put<ProactiveItem>(`proactive-disclosures/${id}`, input, { notify: false }),
  remove: (id: string, version: number) => api.delete(`proactive-disclosures/${id}?version=${version}`),
  figures: (year: number, orgId?: string) => api.get<ReportFigures['proactive']>('proactive-disclosures/figures', { year, orgId }),
  importXlsx: (file: Blob, dryRun: boolean, onProgress: (percent: number) => void) =>
    uploadFile<{ importId: string | null; imported: number; dryRun: boolean }>('proactive-disclosures/import', { dryRun }, file, XLSX_MIME, onProgress, { notify: false }),
  importReport: (file: Blob) => postFileForDownload('proactive-disclosures/import/report', file, XLSX_MIME, '主动公开导入错误报告.xlsx'),
  batches: () => api.get<ImportBatch[]>('proactive-disclosures/imports'),
  undo: (importId: string) => api.post<{ importId: string; deleted: number }>(`proactive-disclosures/imports/${importId}/undo`),
};

export const reportsApi = {
  list: (query: ReportQuery) => api.get<Page<ReportItem>>('disclosure-reports', query),
  exportXlsx: (filter: ReportFilter) => download('disclosure-reports/export.xlsx', filter, '政府信息公开年度报告.xlsx'),
  create: (input: { orgId: string; year: number; scope: ReportScope }) => api.post<ReportView>('disclosure-reports', input, { notify: false }),
  openYear: (year: number) => api.post<{ opened: number; existing: number }>('disclosure-reports/open-year', { year }),
  get: (id: string) => api.get<ReportView>(`disclosure-reports/${id}`),
  saveSection: (id: string, section: ReportSection, body: string, baseVersion: number) =>
    api.put<ReportView>(`disclosure-reports/${id}/sections/${section}`, { body, baseVersion }, { notify: false }),
  versions: (id: string, section: ReportSection) => api.get<SectionVersion[]>(`disclosure-reports/${id}/sections/${section}/versions`),
  restore: (id: string, section: ReportSection, version: number, baseVersion: number) =>
    api.post<ReportView>(`disclosure-reports/${id}/sections/${section}/restore`, { version, baseVersion }),
  publish: (id: string, version: number) => api.post<ReportView>(`disclosure-reports/${id}/publish`, { version }),
  previewHtml: (id: string) => fetch(`/api/disclosure-reports/${id}/preview.html`, { credentials: 'same-origin' }).then((r) => r.text()),
  docx: (id: string) => download(`disclosure-reports/${id}/report.docx`, undefined, '政府信息公开工作年度报告.docx'),
  entries: (year: number, orgId?: string) => api.get<FigureEntry[]>('disclosure-reports/figure-entries', { year, orgId }),
  enter: (input: { orgId: string; year: number; item: FigureItem; value: number; note?: string | null; version?: number }) =>
    api.put<FigureEntry[]>('disclosure-reports/figure-entries', input, { notify: false }),
};
