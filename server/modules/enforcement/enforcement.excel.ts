import type { Column } from '../../kernel/excel/excel.ts';
import type { BenchmarkItem, BodyItem, CertificateItem, DelegationItem, LeniencyItem, MatterItem, OfficerItem } from './enforcement.schemas.ts';

/**
 * The registry's sheets. Officers, matters, benchmarks and delegations are exported with the very
 * headers their import reads (H.*), so an export can be edited and imported back.
 */
export const H = {
  officer: { name: '姓名', body: '执法主体', position: '职务', certificateNo: '执法证号', field: '执法领域', issuer: '发证机关', issuedOn: '发证日期', validUntil: '有效期至', replaces: '换发原证号' },
  matter: { code: '事项编码', name: '事项名称', category: '事项类别', field: '执法领域', org: '所属部门', legalBasis: '设定依据', penaltyBasis: '处罚依据', status: '状态' },
  benchmark: { matterCode: '事项编码', violation: '违法行为', circumstances: '违法情节', level: '裁量阶次', fineMin: '罚款下限（元）', fineMax: '罚款上限（元）', otherPenalties: '其他处罚', sortOrder: '排序' },
  delegation: { township: '乡镇', matterCode: '事项编码', fromOrg: '赋权部门', since: '起始日期', documentNo: '赋权文件' },
} as const;

/** Columns an import needs; the others may be left out or blank. */
export const REQUIRED = {
  officer: [H.officer.name, H.officer.body],
  matter: [H.matter.code, H.matter.name, H.matter.category, H.matter.field, H.matter.org, H.matter.legalBasis],
  benchmark: [H.benchmark.matterCode, H.benchmark.violation, H.benchmark.circumstances, H.benchmark.level],
  delegation: [H.delegation.township, H.delegation.matterCode, H.delegation.since],
};

export const bodyColumns: Column<BodyItem>[] = [
  { header: '执法主体名称', width: 36, value: (b) => b.name },
  { header: '主体类型', width: 16, value: (b) => b.kindLabel },
  { header: '执法领域', width: 30, value: (b) => b.fieldLabels.join('、') },
  { header: '所属机构', width: 30, value: (b) => b.orgName },
  { header: '委托机关', width: 24, value: (b) => b.entrustedByName },
  { header: '法律依据', width: 60, value: (b) => b.legalBasis },
  { header: '执法人员数', width: 10, value: (b) => b.officerCount },
  { header: '状态', width: 8, value: (b) => (b.status === 'active' ? '启用' : '停用') },
];

export const officerColumns: Column<OfficerItem>[] = [
  { header: H.officer.name, width: 10, value: (o) => o.name },
  { header: H.officer.body, width: 32, value: (o) => o.bodyName },
  { header: H.officer.position, width: 14, value: (o) => o.position },
  { header: H.officer.certificateNo, width: 20, value: (o) => o.certificateNo },
  { header: H.officer.field, width: 18, value: (o) => o.fieldLabel },
  { header: H.officer.issuer, width: 20, value: (o) => o.issuer },
  { header: H.officer.issuedOn, width: 12, value: (o) => o.issuedOn },
  { header: H.officer.validUntil, width: 12, value: (o) => o.validUntil },
  { header: '证件状态', width: 10, value: (o) => o.certificateStatusLabel },
  { header: '本年培训学时', width: 12, value: (o) => o.trainingHours },
];

export const certificateColumns: Column<CertificateItem>[] = [
  { header: H.officer.certificateNo, width: 20, value: (c) => c.certificateNo },
  { header: H.officer.name, width: 10, value: (c) => c.officerName },
  { header: H.officer.body, width: 32, value: (c) => c.bodyName },
  { header: H.officer.field, width: 18, value: (c) => c.fieldLabel },
  { header: H.officer.issuer, width: 20, value: (c) => c.issuer },
  { header: H.officer.issuedOn, width: 12, value: (c) => c.issuedOn },
  { header: H.officer.validUntil, width: 12, value: (c) => c.validUntil },
  { header: '状态', width: 10, value: (c) => c.statusLabel },
  { header: '原因', width: 20, value: (c) => c.statusReason },
  { header: H.officer.replaces, width: 20, value: (c) => c.replacesNo },
];

export const matterColumns: Column<MatterItem>[] = [
  { header: H.matter.code, width: 18, value: (m) => m.code },
  { header: H.matter.name, width: 40, value: (m) => m.name },
  { header: H.matter.category, width: 12, value: (m) => m.categoryLabel },
  { header: H.matter.field, width: 18, value: (m) => m.fieldLabel },
  { header: H.matter.org, width: 28, value: (m) => m.orgName },
  { header: H.matter.legalBasis, width: 60, value: (m) => m.legalBasis },
  { header: H.matter.penaltyBasis, width: 60, value: (m) => m.penaltyBasis },
  { header: H.matter.status, width: 8, value: (m) => (m.status === 'active' ? '启用' : '停用') },
  { header: '裁量基准条数', width: 10, value: (m) => m.benchmarkCount },
  { header: '赋权乡镇数', width: 10, value: (m) => m.townshipCount },
];

export const benchmarkColumns: Column<BenchmarkItem>[] = [
  { header: H.benchmark.matterCode, width: 18, value: (b) => b.matterCode },
  { header: '事项名称', width: 36, value: (b) => b.matterName },
  { header: H.benchmark.violation, width: 40, value: (b) => b.violation },
  { header: H.benchmark.circumstances, width: 40, value: (b) => b.circumstances },
  { header: H.benchmark.level, width: 10, value: (b) => b.levelLabel },
  { header: H.benchmark.fineMin, width: 12, value: (b) => b.fineMin },
  { header: H.benchmark.fineMax, width: 12, value: (b) => b.fineMax },
  { header: H.benchmark.otherPenalties, width: 24, value: (b) => b.otherPenalties },
  { header: H.benchmark.sortOrder, width: 8, value: (b) => b.sortOrder },
];

export const leniencyColumns: Column<LeniencyItem>[] = [
  { header: '清单', width: 20, value: (l) => l.listLabel },
  { header: '事项编码', width: 18, value: (l) => l.matterCode },
  { header: '事项名称', width: 36, value: (l) => l.matterName },
  { header: '执法领域', width: 18, value: (l) => l.fieldLabel },
  { header: '所属部门', width: 28, value: (l) => l.orgName },
  { header: '适用条件', width: 60, value: (l) => l.conditions },
  { header: '公布日期', width: 12, value: (l) => l.publishedOn },
  { header: '状态', width: 8, value: (l) => (l.status === 'active' ? '启用' : '停用') },
];

export const delegationColumns: Column<DelegationItem>[] = [
  { header: H.delegation.township, width: 24, value: (d) => d.townshipName },
  { header: H.delegation.matterCode, width: 18, value: (d) => d.matterCode },
  { header: '事项名称', width: 36, value: (d) => d.matterName },
  { header: H.delegation.fromOrg, width: 28, value: (d) => d.fromOrgName },
  { header: H.delegation.since, width: 12, value: (d) => d.since },
  { header: '终止日期', width: 12, value: (d) => d.until },
  { header: H.delegation.documentNo, width: 36, value: (d) => d.documentNo },
];
