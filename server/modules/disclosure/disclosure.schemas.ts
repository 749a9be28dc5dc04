import { z } from 'zod';
import { isLocalDate } from '../../kernel/calendar/local-date.ts';
import { defineFieldLabels, IdTrackQuery, Paging } from '../../kernel/http/schemas.ts';
import { applicantKinds, disclosureChannels, disclosureOutcomes, outcomeGroups, type DisclosureOutcome } from '../../../contracts/disclosure.ts';
import { deliveryForms, deliveryMethods } from './disclosure.labels.ts';
import { disclosureWorkflow } from './disclosure.workflow.ts';

const LocalDateField = z
  .string()
  .trim()
  .refine((v) => isLocalDate(v), '应为有效日期，格式 YYYY-MM-DD');

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号或带区号的固定电话');

const text = (max: number) => z.string().trim().min(1).max(max);
const outcomeEnum = z.enum(disclosureOutcomes as unknown as [DisclosureOutcome, ...DisclosureOutcome[]]);

/** What an application states (条例 第二十九条), whichever way it arrives. */
export const ApplicationFields = z.object({
  orgId: z.uuid().describe('受理申请的行政机关（本行政区的人民政府、部门、乡镇）'),
  applicantKind: z.enum(applicantKinds).describe('自然人 person；法人或其他组织：company / research / publicInterest / legalService / other'),
  applicantName: text(100),
  identityCode: z
    .string()
    .trim()
    .min(1)
    .max(18)
    .transform((v) => v.toUpperCase())
    .describe('自然人填居民身份证号码，法人或其他组织填统一社会信用代码（均校验校验码）；后六位用于网上查询'),
  phone,
  address: text(200),
  email: z.email().max(100).optional(),
  description: text(2000).describe('所需政府信息的名称、文号或者便于查询的其他特征性描述'),
  purpose: z.string().trim().max(1000).optional(),
  deliveryForm: z.enum(deliveryForms).optional(),
  deliveryMethod: z.enum(deliveryMethods).optional(),
});
export type ApplicationFields = z.infer<typeof ApplicationFields>;

/** Channels staff enter (the portal's own is `online`). */
export const staffChannels = disclosureChannels.filter((c) => c !== 'online') as unknown as ['window', 'registeredMail', 'ordinaryMail', 'fax', 'email'];

export const RegisterBody = ApplicationFields.extend({
  channel: z.enum(staffChannels),
  receivedOn: LocalDateField.describe('收到申请之日（第三十一条：当面提交的为提交之日，挂号邮寄的为签收之日，其他为双方确认之日），不晚于今天'),
});
export type RegisterBody = z.infer<typeof RegisterBody>;
export const Registered = z.object({ id: z.uuid(), trackingCode: z.string() });

export const stateCodes = Object.keys(disclosureWorkflow.states) as [string, ...string[]];
export const requestSorts = ['receivedOn', 'dueOn', 'repliedOn'] as const;

export const RequestFilter = z.object({
  state: z.enum(stateCodes).optional(),
  orgId: z.uuid().optional().describe('受理机关'),
  channel: z.enum(disclosureChannels).optional(),
  applicantKind: z.enum(applicantKinds).optional(),
  outcome: outcomeEnum.optional(),
  outcomeGroup: z.enum(outcomeGroups.map((g) => g.code) as [string, ...string[]]).optional(),
  receivedFrom: LocalDateField.optional(),
  receivedTo: LocalDateField.optional(),
  q: z.string().trim().max(50).optional().describe('按申请人、申请内容或答复书文号查找'),
  mark: z.enum(['overdue', 'dueSoon']).optional().describe('overdue 已逾期 / dueSoon 3 个工作日内到期（仅办理中的申请）'),
  sort: z.enum(requestSorts).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type RequestFilter = z.infer<typeof RequestFilter>;
export const RequestListQuery = RequestFilter.extend(Paging.shape);

const nullable = z.string().nullable();

export const RequestListItem = z.object({
  id: z.uuid(),
  caseNo: nullable,
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  orgId: z.uuid(),
  orgName: z.string(),
  channel: z.string(),
  channelLabel: z.string(),
  receivedOn: z.string(),
  applicantKind: z.string(),
  applicantKindLabel: z.string(),
  applicantName: z.string(),
  dueOn: nullable,
  dueProvisional: z.boolean(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  outcome: nullable,
  outcomeLabel: nullable,
  outcomeGroupLabel: nullable,
  repliedOn: nullable,
  replyNo: nullable,
  extended: z.boolean(),
  version: z.number().int(),
});
export type RequestListItem = z.infer<typeof RequestListItem>;

export const Consultation = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  partyName: z.string(),
  sentOn: z.string(),
  answeredOn: nullable,
  opinion: nullable,
  opinionLabel: nullable,
  note: nullable,
});

export const RequestView = RequestListItem.extend({
  trackingCode: nullable,
  applicantIdMask: nullable,
  applicantPhoneMask: nullable,
  applicantEmail: nullable,
  description: z.string(),
  purpose: nullable,
  deliveryForm: nullable,
  deliveryMethod: nullable,
  deliveryLabel: nullable,
  outcomeReason: nullable,
  referredTo: nullable,
  hasReplyLetter: z.boolean(),
  hasExtensionNotice: z.boolean(),
  feeYuan: z.number().nullable(),
  feeNoticedOn: nullable,
  feePaidOn: nullable,
  pages: z.number().int().nullable(),
  correction: z.object({ items: z.string(), requestedOn: nullable, content: nullable, correctedOn: nullable }).nullable(),
  consultations: z.array(Consultation),
  replyNumberPrefix: z.string().describe('本县设置的答复书文号前缀（答复表单的默认值）'),
});
export type RequestView = z.infer<typeof RequestView>;

export const ApplicantView = z.object({ identityCode: nullable, phone: nullable, address: nullable });

export const DocumentParams = z.object({ id: z.uuid(), document: z.enum(['reply', 'extension']) });

export const Agency = z.object({ id: z.uuid(), name: z.string() });
export const AgencyQuery = z.object({ regionCode: z.string().trim().regex(/^\d{6}$/, '应为6位行政区划代码') });

// Portal

export const ApplicationBody = ApplicationFields.extend({ regionCode: z.string().trim().regex(/^\d{6}$/, '应为6位行政区划代码') });
export type ApplicationBody = z.infer<typeof ApplicationBody>;
export const ApplicationAnswer = z.object({
  trackingCode: z.string().describe('查询码：与证件号码后六位一起查询办理进度、提交补正、下载答复书'),
  receivedOn: z.string().describe('收到申请之日（第三十一条：以双方确认之日为准，即今日）'),
  replyDueOn: z.string().describe('答复期限届满日'),
});

export const TrackView = z.object({
  agencyName: z.string(),
  description: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: z.string(),
  waitingFor: z.object({ step: z.string(), dueOn: z.string(), provisional: z.boolean() }).nullable().describe('申请人正在等待的环节及其期限届满日'),
  timeline: z.array(z.object({ date: z.string(), step: z.string(), detail: z.string().nullable() })),
  correction: z.object({ items: z.string(), requestedOn: z.string().nullable(), dueOn: z.string().nullable() }).nullable().describe('待补正时的补正事项和期限'),
  fee: z.object({ yuan: z.number(), noticedOn: z.string().nullable(), dueOn: z.string().nullable(), paidOn: z.string().nullable() }).nullable(),
  reply: z.object({ outcomeLabel: z.string(), repliedOn: z.string().nullable(), replyNo: z.string().nullable(), letter: z.boolean() }).nullable(),
  extensionNotice: z.boolean(),
  version: z.number().int().describe('提交补正时回传'),
});
export type TrackView = z.infer<typeof TrackView>;
export const LetterQuery = IdTrackQuery.extend({ document: z.enum(['reply', 'extension']).default('reply') });

export const SettingsView = z.object({ value: z.record(z.string(), z.unknown()), version: z.number().int() });

const fieldLabels = {
  orgId: '受理机关',
  applicantKind: '申请人类别',
  applicantName: '申请人姓名或名称',
  identityCode: '证件号码',
  description: '所需政府信息的描述',
  purpose: '用途',
  deliveryForm: '提供形式',
  deliveryMethod: '获取方式',
  channel: '申请方式',
  receivedOn: '收到日期',
  verify: '证件号码后六位',
  content: '补正内容',
};
defineFieldLabels(fieldLabels, '/api/disclosure');
defineFieldLabels(fieldLabels, '/api/public/disclosure');
