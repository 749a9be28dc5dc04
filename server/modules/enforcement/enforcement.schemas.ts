import { z } from 'zod';
import { bodyKinds, certificateStatuses, discretionLevels, enforcementFields, leniencyLists, matterCategories } from '../../../contracts/enforcement.ts';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);
const order = z.enum(['asc', 'desc']).default('asc');
const flag = z.stringbool().optional();
const money = z.number().min(0).max(1e12).nullable();
const version = z.number().int().min(1);
const field = z.enum(enforcementFields);
const activeStatus = z.enum(['active', 'inactive']);

defineFieldLabels(
  {
    name: '名称',
    kind: '主体类型',
    fields: '执法领域',
    field: '执法领域',
    legalBasis: '法律依据',
    penaltyBasis: '处罚依据',
    orgId: '所属机构',
    entrustedById: '委托机关',
    bodyId: '执法主体',
    position: '职务',
    legalQualificationNo: '法律职业资格证书编号',
    certificateNo: '执法证号',
    issuer: '发证机关',
    issuedOn: '发证日期',
    validUntil: '有效期至',
    statusReason: '原因',
    attendedOn: '培训日期',
    course: '培训内容',
    hours: '学时',
    code: '事项编码',
    category: '事项类别',
    matterId: '执法事项',
    violation: '违法行为',
    circumstances: '违法情节',
    level: '裁量阶次',
    fineMin: '罚款下限',
    fineMax: '罚款上限',
    otherPenalties: '其他处罚',
    list: '清单',
    conditions: '适用条件',
    publishedOn: '公布日期',
    townshipOrgId: '乡镇',
    fromOrgId: '赋权部门',
    since: '起始日期',
    until: '终止日期',
    documentNo: '赋权文件',
  },
  '/api/enforcement',
);

// ——— 执法主体 ———
export const BodyInput = z.object({
  orgId: z.uuid(),
  name: required(100),
  kind: z.enum(bodyKinds),
  fields: z.array(field).min(1, '至少选择一个执法领域').max(16).transform((list) => [...new Set(list)]),
  legalBasis: required(5000),
  entrustedById: z.uuid().nullable().default(null),
  status: activeStatus.default('active'),
});
export type BodyInput = z.infer<typeof BodyInput>;
export const UpdateBodyBody = BodyInput.extend({ version });
export const BodyFilter = z.object({
  q: text(50).optional(),
  field: field.optional(),
  kind: z.enum(bodyKinds).optional(),
  orgId: z.uuid().optional(),
  status: activeStatus.optional(),
  sort: z.enum(['name', 'orgName', 'kind', 'officerCount']).default('name'),
  order,
});
export type BodyFilter = z.infer<typeof BodyFilter>;
export const BodyItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  fields: z.array(z.string()),
  fieldLabels: z.array(z.string()),
  legalBasis: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  entrustedById: z.uuid().nullable(),
  entrustedByName: z.string().nullable(),
  status: z.string(),
  officerCount: z.number().int(),
  version: z.number().int(),
});
export type BodyItem = z.infer<typeof BodyItem>;

// ——— 执法人员与执法证 ———
export const CertificateInput = z.object({
  certificateNo: required(40).regex(/^[0-9A-Za-z\u4e00-\u9fa5-]+$/, '执法证号只能包含汉字、字母、数字和短横线'),
  field,
  issuer: required(100),
  issuedOn: day,
  validUntil: day,
});
export type CertificateInput = z.infer<typeof CertificateInput>;
export const OfficerInput = z.object({
  bodyId: z.uuid(),
  name: required(50),
  position: text(50).nullable().default(null),
  legalQualificationNo: text(40).nullable().default(null),
  userId: z.uuid().nullable().default(null),
  status: activeStatus.default('active'),
});
export const CreateOfficerBody = OfficerInput.extend({ certificate: CertificateInput.optional().describe('同时登记的行政执法证') });
export type CreateOfficerBody = z.infer<typeof CreateOfficerBody>;
export const UpdateOfficerBody = OfficerInput.extend({ version });
export type UpdateOfficerBody = z.infer<typeof UpdateOfficerBody>;
export const IssueCertificateBody = CertificateInput.extend({ officerId: z.uuid() });
export type IssueCertificateBody = z.infer<typeof IssueCertificateBody>;
export const ReplaceCertificateBody = CertificateInput.extend({ version, reason: text(200).nullable().default(null) });
export type ReplaceCertificateBody = z.infer<typeof ReplaceCertificateBody>;
export const CertificateStatusBody = z.object({
  version,
  status: z.enum(['valid', 'suspended', 'revoked']),
  reason: text(200).nullable().default(null),
});
export type CertificateStatusBody = z.infer<typeof CertificateStatusBody>;
export const TrainingBody = z.object({ attendedOn: day, course: required(200), hours: z.number().positive().max(1000) });
export type TrainingBody = z.infer<typeof TrainingBody>;

export const effectiveStatuses = [...certificateStatuses, 'expired'] as const;
export const OfficerFilter = z.object({
  q: text(50).optional().describe('按姓名或执法证号查找'),
  bodyId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  field: field.optional(),
  certificateStatus: z.enum([...effectiveStatuses, 'none']).optional().describe('当前执法证状态；none：无执法证'),
  expiringWithin: z.coerce.number().int().min(1).max(3650).optional().describe('有效期在今后若干天内届满'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('培训学时的年度，默认今年'),
  belowTraining: flag.describe('true：该年度培训不足60学时'),
  sort: z.enum(['name', 'bodyName', 'validUntil', 'trainingHours', 'certificateNo']).default('name'),
  order,
});
export type OfficerFilter = z.infer<typeof OfficerFilter>;
export const OfficerItem = z.object({
  id: z.uuid(),
  name: z.string(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  position: z.string().nullable(),
  legalQualificationNo: z.string().nullable(),
  userId: z.uuid().nullable(),
  status: z.string(),
  certificateId: z.uuid().nullable(),
  certificateNo: z.string().nullable(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  certificateStatus: z.string().nullable(),
  certificateStatusLabel: z.string().nullable(),
  trainingHours: z.number(),
  version: z.number().int(),
});
export type OfficerItem = z.infer<typeof OfficerItem>;
export const CertificateFilter = z.object({
  q: text(50).optional(),
  officerId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  field: field.optional(),
  status: z.enum(effectiveStatuses).optional(),
  replacedIn: z.coerce.number().int().min(2000).max(2100).optional().describe('该年度换发的执法证'),
  sort: z.enum(['certificateNo', 'issuedOn', 'validUntil', 'officerName']).default('issuedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CertificateFilter = z.infer<typeof CertificateFilter>;
export const CertificateItem = z.object({
  id: z.uuid(),
  officerId: z.uuid(),
  officerName: z.string(),
  bodyName: z.string(),
  certificateNo: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  statusReason: z.string().nullable(),
  replacesId: z.uuid().nullable(),
  replacesNo: z.string().nullable(),
  version: z.number().int(),
});
export type CertificateItem = z.infer<typeof CertificateItem>;
export const TrainingItem = z.object({ id: z.uuid(), attendedOn: z.string(), course: z.string(), hours: z.number() });
export const OfficerDetail = OfficerItem.extend({ certificates: z.array(CertificateItem), trainings: z.array(TrainingItem) });
export type OfficerDetail = z.infer<typeof OfficerDetail>;
export const Reminders = z.object({
  expiring: z.array(CertificateItem),
  training: z.array(z.object({ officerId: z.uuid(), name: z.string(), bodyName: z.string(), hours: z.number() })),
  year: z.number().int(),
  withinDays: z.number().int(),
  requiredHours: z.number(),
  trainingTotal: z.number().int(),
});

// ——— 执法事项、裁量基准、清单 ———
export const MatterInput = z.object({
  code: required(40).regex(/^[0-9A-Za-z_.-]+$/, '事项编码只能包含字母、数字、下划线、点和短横线'),
  name: required(200),
  category: z.enum(matterCategories),
  field,
  orgId: z.uuid(),
  legalBasis: required(10000),
  penaltyBasis: text(10000).nullable().default(null),
  status: activeStatus.default('active'),
});
export type MatterInput = z.infer<typeof MatterInput>;
export const UpdateMatterBody = MatterInput.extend({ version });
export const MatterFilter = z.object({
  q: text(50).optional().describe('按事项编码、名称或依据查找'),
  field: field.optional(),
  category: z.enum(matterCategories).optional(),
  orgId: z.uuid().optional(),
  status: activeStatus.optional(),
  delegated: flag.describe('true：已赋权乡镇（现行）'),
  sort: z.enum(['code', 'name', 'field', 'orgName']).default('code'),
  order,
});
export type MatterFilter = z.infer<typeof MatterFilter>;
export const MatterItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  legalBasis: z.string(),
  penaltyBasis: z.string().nullable(),
  status: z.string(),
  benchmarkCount: z.number().int(),
  townshipCount: z.number().int(),
  version: z.number().int(),
});
export type MatterItem = z.infer<typeof MatterItem>;

const BenchmarkFields = z.object({
  matterId: z.uuid(),
  violation: required(2000),
  circumstances: required(2000),
  level: z.enum(discretionLevels),
  fineMin: money.default(null),
  fineMax: money.default(null),
  otherPenalties: text(500).nullable().default(null),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});
const fineRange = { message: '罚款下限不能高于上限', path: ['fineMax'] };
const ordered = (b: { fineMin: number | null; fineMax: number | null }) => b.fineMin === null || b.fineMax === null || b.fineMin <= b.fineMax;
export const BenchmarkInput = BenchmarkFields.refine(ordered, fineRange);
export type BenchmarkInput = z.infer<typeof BenchmarkInput>;
export const UpdateBenchmarkBody = BenchmarkFields.extend({ version }).refine(ordered, fineRange);
export type UpdateBenchmarkBody = z.infer<typeof UpdateBenchmarkBody>;
export const BenchmarkFilter = z.object({
  q: text(50).optional(),
  matterId: z.uuid().optional(),
  field: field.optional(),
  level: z.enum(discretionLevels).optional(),
  sort: z.enum(['matterCode', 'level', 'fineMax']).default('matterCode'),
  order,
});
export type BenchmarkFilter = z.infer<typeof BenchmarkFilter>;
export const BenchmarkItem = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  matterCode: z.string(),
  matterName: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  orgName: z.string(),
  violation: z.string(),
  circumstances: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  fineMin: z.number().nullable(),
  fineMax: z.number().nullable(),
  otherPenalties: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type BenchmarkItem = z.infer<typeof BenchmarkItem>;

export const LeniencyInput = z.object({
  list: z.enum(leniencyLists),
  matterId: z.uuid(),
  conditions: required(5000),
  publishedOn: day.nullable().default(null),
  status: activeStatus.default('active'),
});
export type LeniencyInput = z.infer<typeof LeniencyInput>;
export const UpdateLeniencyBody = LeniencyInput.extend({ version });
export const LeniencyFilter = z.object({
  q: text(50).optional(),
  list: z.enum(leniencyLists).optional(),
  field: field.optional(),
  status: activeStatus.optional(),
  sort: z.enum(['matterCode', 'list', 'publishedOn']).default('matterCode'),
  order,
});
export type LeniencyFilter = z.infer<typeof LeniencyFilter>;
export const LeniencyItem = z.object({
  id: z.uuid(),
  list: z.string(),
  listLabel: z.string(),
  matterId: z.uuid(),
  matterCode: z.string(),
  matterName: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  orgName: z.string(),
  legalBasis: z.string(),
  conditions: z.string(),
  publishedOn: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
});
export type LeniencyItem = z.infer<typeof LeniencyItem>;

// ——— 乡镇赋权 ———
export const DelegationInput = z.object({
  townshipOrgId: z.uuid(),
  matterId: z.uuid(),
  fromOrgId: z.uuid().optional().describe('赋权部门，不填为事项所属部门'),
  since: day,
  documentNo: text(60).nullable().default(null),
});
export type DelegationInput = z.infer<typeof DelegationInput>;
export const RevokeDelegationBody = z.object({ version, until: day });
export const DelegationFilter = z.object({
  q: text(50).optional(),
  townshipOrgId: z.uuid().optional(),
  fromOrgId: z.uuid().optional(),
  matterId: z.uuid().optional(),
  inForceOn: day.optional().describe('该日现行的赋权'),
  sort: z.enum(['since', 'townshipName', 'matterCode', 'fromOrgName']).default('townshipName'),
  order,
});
export type DelegationFilter = z.infer<typeof DelegationFilter>;
export const DelegationItem = z.object({
  id: z.uuid(),
  townshipOrgId: z.uuid(),
  townshipName: z.string(),
  matterId: z.uuid(),
  matterCode: z.string(),
  matterName: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  fromOrgId: z.uuid(),
  fromOrgName: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  documentNo: z.string().nullable(),
  version: z.number().int(),
});
export type DelegationItem = z.infer<typeof DelegationItem>;

export const ImportQuery = z.object({ dryRun: z.stringbool().default(false) });
export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), dryRun: z.boolean() });
export type ImportResult = z.infer<typeof ImportResult>;
export const XlsxBody = z.any().describe('.xlsx 文件内容');

// ——— 门户（事前公示） ———
export const PublicOfficerQuery = z.object({
  q: text(50).optional().describe('姓名或执法证号'),
  bodyId: z.uuid().optional(),
  field: field.optional(),
  regionCode: z.string().regex(/^\d{6}$/, '应为6位行政区划代码').optional(),
});
export const PublicOfficer = z.object({ name: z.string(), certificateNo: z.string(), bodyName: z.string(), field: z.string(), fieldLabel: z.string(), validUntil: z.string() });
export type PublicOfficer = z.infer<typeof PublicOfficer>;
export const PublicBody = BodyItem.pick({ id: true, name: true, kindLabel: true, fieldLabels: true, legalBasis: true, orgName: true, officerCount: true });
