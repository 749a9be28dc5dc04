import {
  bodyKindLabels,
  certificateStatusLabels,
  discretionLevelLabels,
  enforcementFieldLabels,
  leniencyListLabels,
  matterCategoryLabels,
  type BodyKind,
  type CertificateStatus,
  type DiscretionLevel,
  type EnforcementField,
  type LeniencyList,
  type MatterCategory,
} from '../../../contracts/enforcement.ts';
import type { BodyRow, CertificateRow, OfficerRow } from './enforcement.repository.ts';
import type { BenchmarkRow, DelegationRow, LeniencyRow, MatterRow } from './matters.repository.ts';
import type { BenchmarkItem, BodyItem, CertificateItem, DelegationItem, LeniencyItem, MatterItem, OfficerItem } from './enforcement.schemas.ts';

/** Rows as the API answers them: codes with their Chinese labels, nothing the client does not need. */

export const fieldLabel = (field: string) => enforcementFieldLabels[field as EnforcementField] ?? field;
export const certificateLabel = (status: string) => certificateStatusLabels[status as CertificateStatus | 'expired'] ?? status;

export const presentBody = ({ regionCode: _r, ...row }: BodyRow): BodyItem => ({
  ...row,
  kindLabel: bodyKindLabels[row.kind as BodyKind] ?? row.kind,
  fieldLabels: row.fields.map(fieldLabel),
});

export const presentOfficer = ({ regionCode: _r, ...row }: OfficerRow): OfficerItem => ({
  ...row,
  fieldLabel: row.field ? fieldLabel(row.field) : null,
  certificateStatusLabel: row.certificateStatus ? certificateLabel(row.certificateStatus) : null,
});

export const presentCertificate = ({ regionCode: _r, orgId: _o, ...row }: CertificateRow): CertificateItem => ({
  ...row,
  fieldLabel: fieldLabel(row.field),
  statusLabel: certificateLabel(row.status),
});

export const presentMatter = ({ regionCode: _r, ...row }: MatterRow): MatterItem => ({
  ...row,
  categoryLabel: matterCategoryLabels[row.category as MatterCategory] ?? row.category,
  fieldLabel: fieldLabel(row.field),
});

export const presentBenchmark = ({ regionCode: _r, orgId: _o, ...row }: BenchmarkRow): BenchmarkItem => ({
  ...row,
  fieldLabel: fieldLabel(row.field),
  levelLabel: discretionLevelLabels[row.level as DiscretionLevel] ?? row.level,
});

export const presentLeniency = ({ regionCode: _r, orgId: _o, ...row }: LeniencyRow): LeniencyItem => ({
  ...row,
  listLabel: leniencyListLabels[row.list as LeniencyList] ?? row.list,
  fieldLabel: fieldLabel(row.field),
});

export const presentDelegation = ({ regionCode: _r, ...row }: DelegationRow): DelegationItem => ({ ...row, fieldLabel: fieldLabel(row.field) });
