import { z } from 'zod';
import { isLocalDate } from '../../kernel/calendar/local-date.ts';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { actCategories, applicantTypes, channels, followUpKinds, outcomes, procedures } from './reconsideration.labels.ts';
import { reconsiderationWorkflow } from './reconsideration.workflow.ts';

const LocalDateField = z
  .string()
  .trim()
  .refine((v) => isLocalDate(v), '应为有效日期，格式 YYYY-MM-DD');

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号或带区号的固定电话');

const text = (max: number) => z.string().trim().min(1).max(max);

/** What every application states (复议法 第二十二条), whichever way it arrives. */
const ApplicationFields = z.object({
  applicantType: z.enum(applicantTypes).describe('person 自然人 / company 法人 / organisation 其他组织'),
  applicantName: text(100),
  identityCode: z
    .string()
    .trim()
    .min(1)
    .max(18)
    .transform((v) => v.toUpperCase())
    .describe('自然人填居民身份证号码，法人和其他组织填统一社会信用代码（均校验校验码）；后六位用于网上查询'),
  phone,
  address: text(200),
  respondentOrgId: z.uuid().describe('被申请人：本行政区内启用的机构'),
  actCategory: z.enum(actCategories),
  actDescription: text(2000).describe('被申请复议的行政行为（名称、文号、作出日期等）'),
  requests: text(2000).describe('行政复议请求'),
  facts: z.string().trim().max(5000).optional().describe('事实和理由'),
});
export type ApplicationFields = z.infer<typeof ApplicationFields>;

/** 登记: an application received at the window, by mail or otherwise. */
export const RegisterBody = ApplicationFields.extend({
  channel: z.enum(channels),
  receivedOn: LocalDateField.describe('收到申请之日（邮寄的为签收之日），不晚于今天'),
  assigneeId: z.uuid().optional().describe('承办人：本行政区持有复议办理权限的用户'),
  challengedCaseId: z.uuid().optional().describe('被申请复议的行政处罚决定在本系统中的案件（被申请人办理的行政处罚案件）'),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const Registered = z.object({ id: z.uuid(), trackingCode: z.string() });

export const stateCodes = Object.keys(reconsiderationWorkflow.states) as [string, ...string[]];
export const caseSorts = ['receivedOn', 'dueOn', 'decidedOn'] as const;

export const CaseFilter = z.object({
  state: z.enum(stateCodes).optional(),
  outcome: z.enum(outcomes).optional(),
  respondentOrgId: z.uuid().optional(),
  channel: z.enum(channels).optional(),
  actCategory: z.enum(actCategories).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('收到申请的年度'),
  q: z.string().trim().max(50).optional().describe('按案件名称、申请人或案号查找'),
  mark: z.enum(['overdue', 'dueSoon']).optional().describe('overdue 已逾期 / dueSoon 3 个工作日内到期（仅未办结案件）'),
  sort: z.enum(caseSorts).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseFilter = z.infer<typeof CaseFilter>;
export const CaseListQuery = CaseFilter.extend(Paging.shape);

const nullableLabel = z.string().nullable();

export const CaseListItem = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  orgId: z.uuid(),
  orgName: z.string(),
  channel: z.enum(channels),
  channelLabel: z.string(),
  receivedOn: z.string(),
  applicantType: z.enum(applicantTypes),
  applicantTypeLabel: z.string(),
  applicantName: z.string(),
  respondentOrgId: z.uuid(),
  respondentName: z.string(),
  actCategory: z.enum(actCategories),
  actCategoryLabel: z.string(),
  procedure: z.enum(procedures).nullable(),
  procedureLabel: nullableLabel,
  acceptedOn: z.string().nullable(),
  deemedAccepted: z.boolean(),
  outcome: z.enum(outcomes).nullable(),
  outcomeLabel: nullableLabel,
  decidedOn: z.string().nullable(),
  decisionNo: z.string().nullable(),
  dueOn: z.string().nullable().describe('最早届满的进行中期限'),
  dueProvisional: z.boolean(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  version: z.number().int(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const FollowUpView = z.object({
  id: z.uuid(),
  kind: z.enum(followUpKinds),
  kindLabel: z.string(),
  parentId: z.uuid(),
  parentTitle: z.string(),
  parentCaseNo: z.string().nullable(),
  caseNo: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  orgId: z.uuid().describe('意见书为被申请人，附带审查为行政复议机构'),
  orgName: z.string(),
  targetOrgId: z.uuid().nullable(),
  targetOrgName: nullableLabel,
  documentTitle: z.string().nullable(),
  documentNo: z.string().nullable(),
  normativeDocumentId: z.uuid().nullable().describe('规范性文件库中的该文件'),
  content: z.string(),
  result: z.string().nullable(),
  resultLabel: nullableLabel,
  resultText: z.string().nullable(),
  dueOn: z.string().nullable(),
  openedAt: z.date(),
  version: z.number().int(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const CaseView = CaseListItem.extend({
  trackingCode: z.string().nullable(),
  applicantIdMask: z.string().nullable(),
  applicantPhoneMask: z.string().nullable(),
  applicantAddress: z.string().nullable(),
  actDescription: z.string(),
  requests: z.string(),
  facts: z.string().nullable(),
  simpleGround: z.string().nullable(),
  simpleGroundLabel: nullableLabel,
  ground: z.string().nullable().describe('中止中为中止情形，结案后为终止或视为放弃的情形'),
  groundLabel: nullableLabel,
  reDecisionOrdered: z.boolean().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: nullableLabel,
  correction: z
    .object({
      items: z.string().describe('补正通知列明的事项'),
      requestedOn: z.string().nullable(),
      content: z.string().nullable().describe('申请人提交的补正内容'),
      correctedOn: z.string().nullable(),
    })
    .nullable(),
  followUps: z.array(FollowUpView),
});
export type CaseView = z.infer<typeof CaseView>;

export const ApplicantView = z.object({ identityCode: z.string().nullable(), phone: z.string().nullable() });

export const OpinionBody = z.object({
  content: text(5000).describe('意见书：发现的问题和纠正要求'),
  targetOrgId: z.uuid().optional().describe('送达机关，默认为被申请人'),
});
export type OpinionBody = z.infer<typeof OpinionBody>;

export const ReviewBody = z.object({
  documentTitle: text(200),
  documentNo: z.string().trim().max(60).optional(),
  targetOrgId: z.uuid().optional().describe('制定机关（本行政区内的机构；区外机关不填）'),
  normativeDocumentId: z.uuid().optional().describe('规范性文件库中的该文件（已公布的，本行政区）'),
  content: text(5000).describe('申请人提出附带审查的理由，或复议机构认为依据不合法的理由'),
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const Opened = z.object({ id: z.uuid() });

// Portal

export const RespondentQuery = z.object({ regionCode: z.string().trim().regex(/^\d{6}$/, '应为6位行政区划代码') });
export const Respondent = z.object({ id: z.uuid(), name: z.string() });

export const ApplicationBody = ApplicationFields.extend({ regionCode: z.string().trim().regex(/^\d{6}$/, '应为6位行政区划代码') });
export type ApplicationBody = z.infer<typeof ApplicationBody>;
export const ApplicationAnswer = z.object({ trackingCode: z.string().describe('查询码：与证件号码后六位一起查询办理进度、提交补正材料') });

export const TrackView = z.object({
  title: z.string(),
  caseNo: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: z.string(),
  waitingFor: z
    .object({ step: z.string(), dueOn: z.string(), provisional: z.boolean().describe('届满日所在年度的节假日安排尚未公布') })
    .nullable()
    .describe('申请人正在等待的环节及其期限届满日；中止审理和结案后为 null'),
  timeline: z.array(z.object({ date: z.string(), step: z.string(), detail: z.string().nullable() })),
  correction: z.object({ items: z.string(), requestedOn: z.string().nullable(), dueOn: z.string().nullable() }).nullable().describe('待补正时的补正事项和期限'),
  outcome: z
    .object({ outcome: z.enum(outcomes), label: z.string(), decidedOn: z.string().nullable(), decisionNo: z.string().nullable(), closedOn: z.string().nullable() })
    .nullable(),
  version: z.number().int().describe('提交补正材料时回传'),
});
export type TrackView = z.infer<typeof TrackView>;

defineFieldLabels({
  applicantType: '申请人类型',
  applicantName: '申请人姓名或名称',
  identityCode: '证件号码',
  respondentOrgId: '被申请人',
  actCategory: '行政行为类别',
  actDescription: '被申请复议的行政行为',
  requests: '行政复议请求',
  facts: '事实和理由',
  channel: '申请方式',
  receivedOn: '收到日期',
  assigneeId: '承办人',
  outcome: '结案方式',
  year: '年度',
  verify: '证件号码后六位',
  content: '内容',
  documentTitle: '规范性文件名称',
  documentNo: '文号',
  targetOrgId: '机关',
});
