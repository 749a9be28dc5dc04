import type { BodyKind, DiscretionLevel, EnforcementField, LeniencyList, MatterCategory } from '../../../../contracts/enforcement.ts';
import { api, download, postFileForDownload, uploadFile, XLSX_MIME, type Query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

/** Shapes of /api/enforcement answers (server/modules/enforcement/enforcement.schemas.ts is the source of truth). */

export const ENFORCEMENT = { read: 'enforcement.read', manage: 'enforcement.manage' } as const;

export interface BodyItem {
  id: string;
  name: string;
  kind: BodyKind;
  kindLabel: string;
  fields: EnforcementField[];
  fieldLabels: string[];
  legalBasis: string;
  orgId: string;
  orgName: string;
  entrustedById: string | null;
  entrustedByName: string | null;
  status: 'active' | 'inactive';
  officerCount: number;
  version: number;
}
export interface OfficerItem {
  id: string;
  name: string;
  bodyId: string;
  bodyName: string;
  orgId: string;
  orgName: string;
  position: string | null;
  legalQualificationNo: string | null;
  userId: string | null;
  status: 'active' | 'inactive';
  certificateId: string | null;
  certificateNo: string | null;
  field: EnforcementField | null;
  fieldLabel: string | null;
  issuer: string | null;
  issuedOn: string | null;
  validUntil: string | null;
  certificateStatus: string | null;
  certificateStatusLabel: string | null;
  trainingHours: number;
  version: number;
}
export interface CertificateItem {
  id: string;
  officerId: string;
  officerName: string;
  bodyName: string;
  certificateNo: string;
  field: EnforcementField;
  fieldLabel: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  statusLabel: string;
  statusReason: string | null;
  replacesId: string | null;
  replacesNo: string | null;
  version: number;
}
export interface OfficerDetail extends OfficerItem {
  certificates: CertificateItem[];
  trainings: { id: string; attendedOn: string; course: string; hours: number }[];
}
export interface Reminders {
  expiring: CertificateItem[];
  training: { officerId: string; name: string; bodyName: string; hours: number }[];
  trainingTotal: number;
  year: number;
  withinDays: number;
  requiredHours: number;
}
export interface MatterItem {
  id: string;
  code: string;
  name: string;
  category: MatterCategory;
  categoryLabel: string;
  field: EnforcementField;
  fieldLabel: string;
  orgId: string;
  orgName: string;
  legalBasis: string;
  penaltyBasis: string | null;
  status: 'active' | 'inactive';
  benchmarkCount: number;
  townshipCount: number;
  version: number;
}
export interface BenchmarkItem {
  id: string;
  matterId: string;
  matterCode: string;
  matterName: string;
  field: EnforcementField;
  fieldLabel: string;
  orgName: string;
  violation: string;
  circumstances: string;
  level: DiscretionLevel;
  levelLabel: string;
  fineMin: number | null;
  fineMax: number | null;
  otherPenalties: string | null;
  sortOrder: number;
  version: number;
}
export interface LeniencyItem {
  id: string;
  list: LeniencyList;
  listLabel: string;
  matterId: string;
  matterCode: string;
  matterName: string;
  field: EnforcementField;
  fieldLabel: string;
  orgName: string;
  legalBasis: string;
  conditions: string;
  publishedOn: string | null;
  status: 'active' | 'inactive';
  version: number;
}
export interface DelegationItem {
  id: string;
  townshipOrgId: string;
  townshipName: string;
  matterId: string;
  matterCode: string;
  matterName: string;
  field: EnforcementField;
  fieldLabel: string;
  fromOrgId: string;
  fromOrgName: string;
  since: string;
  until: string | null;
  documentNo: string | null;
  version: number;
}
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

export type ImportKind = 'officers' | 'matters' | 'benchmarks' | 'delegations';
export type Filter = Query & { sort?: string; order?: 'asc' | 'desc'; q?: string };
export type ListQuery = Filter & { page: number; pageSize: number };

const list = <T,>(path: string) => (query: ListQuery) => api.get<Page<T>>(`enforcement/${path}`, query);
const exporter = (path: string, name: string) => (filter: Filter) => download(`enforcement/${path}/export.xlsx`, { ...filter, page: undefined, pageSize: undefined }, name);

export const registryApi = {
  bodies: list<BodyItem>('bodies'),
  exportBodies: exporter('bodies', '执法主体.xlsx'),
  createBody: (input: unknown) => api.post<BodyItem>('enforcement/bodies', input, { notify: false }),
  updateBody: (id: string, input: unknown) => api.put<BodyItem>(`enforcement/bodies/${id}`, input, { notify: false }),

  officers: list<OfficerItem>('officers'),
  exportOfficers: exporter('officers', '执法人员.xlsx'),
  officer: (id: string) => api.get<OfficerDetail>(`enforcement/officers/${id}`),
  reminders: () => api.get<Reminders>('enforcement/officers/reminders'),
  createOfficer: (input: unknown) => api.post<OfficerItem>('enforcement/officers', input, { notify: false }),
  updateOfficer: (id: string, input: unknown) => api.put<OfficerItem>(`enforcement/officers/${id}`, input, { notify: false }),
  addTraining: (id: string, input: unknown) => api.post(`enforcement/officers/${id}/trainings`, input, { notify: false }),
  issueCertificate: (input: unknown) => api.post<CertificateItem>('enforcement/certificates', input, { notify: false }),
  replaceCertificate: (id: string, input: unknown) => api.post<CertificateItem>(`enforcement/certificates/${id}/replace`, input, { notify: false }),
  certificateStatus: (id: string, input: unknown) => api.post<CertificateItem>(`enforcement/certificates/${id}/status`, input, { notify: false }),

  matters: list<MatterItem>('matters'),
  exportMatters: exporter('matters', '执法事项.xlsx'),
  createMatter: (input: unknown) => api.post<MatterItem>('enforcement/matters', input, { notify: false }),
  updateMatter: (id: string, input: unknown) => api.put<MatterItem>(`enforcement/matters/${id}`, input, { notify: false }),

  benchmarks: list<BenchmarkItem>('benchmarks'),
  exportBenchmarks: exporter('benchmarks', '裁量基准.xlsx'),
  createBenchmark: (input: unknown) => api.post<BenchmarkItem>('enforcement/benchmarks', input, { notify: false }),
  updateBenchmark: (id: string, input: unknown) => api.put<BenchmarkItem>(`enforcement/benchmarks/${id}`, input, { notify: false }),

  leniency: list<LeniencyItem>('leniency'),
  exportLeniency: exporter('leniency', '从轻减轻及不予处罚清单.xlsx'),
  createLeniency: (input: unknown) => api.post<LeniencyItem>('enforcement/leniency', input, { notify: false }),
  updateLeniency: (id: string, input: unknown) => api.put<LeniencyItem>(`enforcement/leniency/${id}`, input, { notify: false }),

  delegations: list<DelegationItem>('delegations'),
  exportDelegations: exporter('delegations', '乡镇赋权事项.xlsx'),
  createDelegation: (input: unknown) => api.post<DelegationItem>('enforcement/delegations', input, { notify: false }),
  revokeDelegation: (id: string, input: unknown) => api.post<DelegationItem>(`enforcement/delegations/${id}/revoke`, input, { notify: false }),

  importXlsx: (kind: ImportKind, file: Blob, dryRun: boolean, onProgress: (percent: number) => void) =>
    uploadFile<ImportSummary>(`enforcement/${kind}/import`, { dryRun }, file, XLSX_MIME, onProgress, { notify: false }),
  importReport: (kind: ImportKind, file: Blob) => postFileForDownload(`enforcement/${kind}/import/report`, file, XLSX_MIME, '导入错误报告.xlsx'),
};
