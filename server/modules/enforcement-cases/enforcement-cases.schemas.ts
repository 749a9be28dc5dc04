import { z } from 'zod';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';
import { caseSources, coercionKinds, enforcementFields, partyTypes, penaltyKinds, penaltyOutcomes, penaltyStates, publicationKinds, publicationStates, reviewTriggers } from '../../../contracts/enforcement.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const yes = z.enum(['true', 'false']).transform((v) => v === 'true');

/** 立案: the case, its party and at least two officers (第四十二条), checked on the filing day. */
export const CreateCaseBody = z.object({
  bodyId: z.uuid().describe('执法主体'),
  matterId: z.uuid().describe('执法事项（权责清单）'),
  procedure: z.enum(['general', 'simple']).default('general').describe('general 普通程序 / simple 简易程序（当场处罚）'),
  source: z.enum(caseSources),
  title: text(200).describe('案由，如「某某公司销售过期食品案」'),
  caseNo: z.string().trim().max(60).optional().describe('立案编号'),
  partyType: z.enum(partyTypes),
  partyName: text(100),
  partyId: z.string().trim().max(18).optional().describe('身份证号码或统一社会信用代码（加密保存）'),
  facts: text(5000).describe('违法事实（立案时掌握的）'),
  filedOn: day.describe('立案日期，不晚于今天'),
  firstViolation: z.boolean().default(false).describe('当事人首次违法'),
  officerIds: z.array(z.uuid()).min(2).max(10).describe('办案执法人员（至少两名），第一名为主办人'),
  orgId: z.uuid().optional().describe('办案机构：默认本人所在机构'),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const OfficersBody = z.object({ version: z.number().int().min(1), officerIds: z.array(z.uuid()).min(2).max(10) });

export const caseSorts = ['filedOn', 'dueOn', 'decidedOn', 'fine', 'title'] as const;
export const CaseFilter = z.object({
  state: z.enum(penaltyStates).optional(),
  field: z.enum(enforcementFields).optional(),
  bodyId: z.uuid().optional(),
  orgId: z.uuid().optional().describe('办案部门（含下级）'),
  outcome: z.enum(penaltyOutcomes).optional(),
  firstViolation: yes.optional().describe('true：首违不罚清单内的首次违法案件'),
  overdue: yes.optional().describe('true：期限已届满仍未办结'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('立案年度'),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(caseSorts).default('filedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseFilter = z.infer<typeof CaseFilter>;
export const CaseListQuery = CaseFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });

export const CaseItem = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  bodyName: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  procedure: z.string(),
  partyType: z.string(),
  partyName: z.string(),
  filedOn: z.string(),
  firstViolation: z.boolean(),
  leniencyFlag: z.boolean().describe('首违不罚：首次违法且本事项列入首违不罚清单'),
  reviewRequired: z.boolean(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  fine: z.number().nullable(),
  decidedOn: z.string().nullable(),
  decisionNo: z.string().nullable(),
  transferredToJudiciary: z.boolean(),
  correctedOn: z.string().nullable(),
});
export type CaseItem = z.infer<typeof CaseItem>;

export const CaseDetail = CaseItem.extend({
  bodyId: z.uuid(),
  matterId: z.uuid(),
  matterName: z.string(),
  source: z.string(),
  partyIdMask: z.string().nullable(),
  facts: z.string(),
  leniencyConditions: z.string().nullable(),
  proposedPenalties: z.array(z.enum(penaltyKinds)),
  proposedFine: z.number().nullable(),
  benchmarkId: z.uuid().nullable(),
  departureReason: z.string().nullable(),
  reviewTriggers: z.array(z.enum(reviewTriggers)),
  hearingRequested: z.boolean(),
  hearingOn: z.string().nullable(),
  penalties: z.array(z.enum(penaltyKinds)),
  deliveredOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  archivedOn: z.string().nullable(),
  archiveIndex: z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string(), step: z.string(), sm3: z.string() })), sm3: z.string() }).nullable(),
  correctedByCaseId: z.uuid().nullable(),
  officers: z.array(z.object({ officerId: z.uuid(), name: z.string(), certificateId: z.uuid(), lead: z.boolean() })),
  benchmarks: z.array(z.object({ id: z.uuid(), level: z.string(), violation: z.string(), circumstances: z.string(), fineMin: z.number().nullable(), fineMax: z.number().nullable() })),
  publications: z.array(z.object({ id: z.uuid(), state: z.string(), publishedOn: z.string().nullable(), withdrawnOn: z.string().nullable() })),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const ArchiveVerification = z.object({
  intact: z.boolean(),
  archivedOn: z.string().nullable(),
  indexSm3: z.string(),
  actualIndexSm3: z.string(),
  files: z.array(z.object({ fileId: z.string(), name: z.string(), sm3: z.string(), actualSm3: z.string().nullable(), intact: z.boolean() })),
  problems: z.array(z.string()),
});

export const PublicationFilter = z.object({
  id: z.uuid().optional(),
  state: z.enum(publicationStates).optional(),
  kind: z.enum(publicationKinds).optional(),
  orgId: z.uuid().optional(),
  overdue: yes.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('决定年度'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const PublicationItem = z.object({
  id: z.uuid(),
  sourceCaseId: z.uuid().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: z.string(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string(),
  partyMasked: z.string(),
  orgName: z.string(),
  dueOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  publishedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  content: z.string(),
});

/** A licence or other decision made outside Fazhi, entered for publication. */
export const EnterPublicationBody = z.object({
  kind: z.enum(publicationKinds),
  title: text(200),
  decisionNo: z.string().trim().max(60).optional(),
  decidedOn: day,
  partyType: z.enum(partyTypes),
  partyName: text(100),
  content: text(5000),
  orgId: z.uuid().optional(),
});

export const PortalFilter = z.object({
  orgId: z.uuid().optional().describe('作出决定的部门'),
  field: z.enum(enforcementFields).optional(),
  kind: z.enum(publicationKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(50).optional(),
  region: z.string().regex(/^\d{6}$/).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PortalDecision = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string(),
  publishedOn: z.string().nullable(),
  partyMasked: z.string(),
  orgName: z.string(),
  field: z.string().nullable(),
  fieldLabel: z.string().nullable(),
  content: z.string(),
});

export const CoerciveBody = z.object({
  bodyId: z.uuid(),
  caseId: z.uuid().optional().describe('关联的行政处罚案件'),
  kind: z.enum(coercionKinds),
  partyName: text(100),
  subject: text(2000).describe('查封、扣押的场所、设施或者财物清单等'),
  basis: text(2000),
  startedOn: day,
  officerIds: z.array(z.uuid()).min(2).max(10),
  orgId: z.uuid().optional(),
});
export const CoerciveStepBody = z.object({ version: z.number().int().min(1), reason: text(2000), on: day.optional() });
export const CoerciveFilter = z.object({
  kind: z.enum(coercionKinds).optional(),
  open: yes.optional().describe('true：尚未解除'),
  caseId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const CoerciveItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  orgName: z.string(),
  bodyName: z.string(),
  caseId: z.uuid().nullable(),
  partyName: z.string(),
  subject: z.string(),
  basis: z.string(),
  startedOn: z.string(),
  dueOn: z.string().nullable(),
  extended: z.boolean(),
  releasedOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
});

defineFieldLabels(
  { bodyId: '执法主体', matterId: '执法事项', partyName: '当事人', partyId: '证件号码', facts: '违法事实', filedOn: '立案日期', officerIds: '执法人员', subject: '强制对象', basis: '法律依据', startedOn: '实施日期' },
  '/api/enforcement',
);
