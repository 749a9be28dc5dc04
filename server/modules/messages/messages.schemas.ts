import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { messageCategories, messageChannels, messageStates, questionKinds, satisfactions, surveyPhases, surveyStatuses } from '../../../contracts/messages.ts';

const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写11位手机号码或带区号的固定电话');

/** What a citizen leaves on the portal: no account, name optional, phone sealed, consent to publish asked. */
export const PortalMessageBody = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  category: z.enum(messageCategories),
  subject: z.string().trim().min(4, '标题至少4个字').max(60),
  content: z.string().trim().min(10, '内容至少10个字').max(3000),
  name: z.string().trim().max(30).optional(),
  phone,
  publicConsent: z.boolean(),
});
export type PortalMessageBody = z.infer<typeof PortalMessageBody>;

/** A message staff enter from the 12345 hotline, the 书记县长信箱 or another channel. */
export const EnterMessageBody = PortalMessageBody.omit({ regionCode: true }).extend({
  channel: z.enum(messageChannels),
  receivedOn: z.iso.date(),
});
export type EnterMessageBody = z.infer<typeof EnterMessageBody>;

/** Code and the last four digits of the phone left with the message. */
export const TrackQuery = z.object({ code: z.string().trim().min(6).max(24), verify: z.string().trim().regex(/^\d{4}$/, '请填写留言时所留电话的后四位') });
export type TrackQuery = z.infer<typeof TrackQuery>;

export const RateBody = TrackQuery.extend({ version: z.number().int().min(1), satisfaction: z.enum(satisfactions), comment: z.string().trim().max(500).optional() });
export type RateBody = z.infer<typeof RateBody>;

export const QuestionInput = z
  .object({
    kind: z.enum(questionKinds),
    prompt: z.string().trim().min(2).max(300),
    options: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
    required: z.boolean().default(true),
  })
  .refine((q) => (q.kind === 'text' ? q.options.length === 0 : q.options.length >= 2), { message: '选择题至少两个选项，填空题不设选项', path: ['options'] })
  .refine((q) => new Set(q.options).size === q.options.length, { message: '选项不能重复', path: ['options'] });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const SurveyBody = z.object({
  title: z.string().trim().min(4).max(200),
  description: z.string().trim().max(2000).optional(),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  resultsPublic: z.boolean().default(false),
  questions: z.array(QuestionInput).min(1, '至少设置一个问题').max(50),
});
export type SurveyBody = z.infer<typeof SurveyBody>;

/** One answer: option indexes for a choice question, text for a free-text one. */
export const AnswerInput = z.object({ questionId: z.uuid(), options: z.array(z.number().int().min(0)).max(20).optional(), text: z.string().trim().max(1000).optional() });
export const SubmitSurveyBody = z.object({ answers: z.array(AnswerInput).max(50) });
export type SubmitSurveyBody = z.infer<typeof SubmitSurveyBody>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const day = z.iso.date();

export const messageSorts = ['receivedOn', 'dueOn', 'repliedOn', 'title'] as const;
export const MessageFilter = z.object({
  state: z.enum(messageStates).optional(),
  channel: z.enum(messageChannels).optional(),
  category: z.enum(messageCategories).optional(),
  orgId: z.uuid().optional(),
  mark: z.enum(['overdue', 'dueSoon']).optional(),
  from: day.optional(),
  to: day.optional(),
  toPublish: flag.optional(),
  satisfaction: z.enum(satisfactions).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(messageSorts).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MessageFilter = z.infer<typeof MessageFilter>;
export const MessageListQuery = MessageFilter.extend(Paging.shape);

export const MessageItem = z.object({
  id: z.uuid(),
  title: z.string(),
  state: z.enum(messageStates),
  stateLabel: z.string(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  trackingCode: z.string().nullable(),
  channel: z.enum(messageChannels),
  channelLabel: z.string(),
  category: z.enum(messageCategories),
  categoryLabel: z.string(),
  receivedOn: z.string(),
  citizenName: z.string().nullable(),
  citizenPhoneMask: z.string().nullable(),
  content: z.string(),
  publicConsent: z.boolean(),
  published: z.boolean(),
  publicContent: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedOn: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  satisfactionLabel: z.string().nullable(),
});
export type MessageItem = z.infer<typeof MessageItem>;

export const PortalMessageAnswer = z.object({ trackingCode: z.string() });

export const TrackView = z.object({
  title: z.string(),
  state: z.enum(messageStates),
  stateLabel: z.string(),
  receivedOn: z.string(),
  channelLabel: z.string(),
  categoryLabel: z.string(),
  content: z.string(),
  orgName: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  reply: z.object({ text: z.string(), repliedOn: z.string().nullable() }).nullable(),
  satisfaction: z.enum(satisfactions).nullable(),
  satisfactionLabel: z.string().nullable(),
  canRate: z.boolean(),
  publicConsent: z.boolean(),
  published: z.boolean(),
  version: z.number().int(),
});
export type TrackView = z.infer<typeof TrackView>;

export const PublicMessage = z.object({
  id: z.uuid(),
  title: z.string(),
  categoryLabel: z.string(),
  channelLabel: z.string(),
  receivedOn: z.string(),
  content: z.string(),
  replyText: z.string(),
  repliedOn: z.string(),
  orgName: z.string(),
});
export const PublicMessageQuery = Paging.extend({ region: z.string().regex(/^\d{6}$/), category: z.enum(messageCategories).optional(), q: z.string().trim().max(50).optional() });

export const SettingsView = z.object({
  value: z.object({
    portalDays: z.number().int(),
    hotlineDays: z.number().int(),
    mailboxDays: z.number().int(),
    otherDays: z.number().int(),
    reviewReplies: z.boolean(),
    revisionDays: z.number().int(),
    deductMonths: z.number().int(),
    vetoMonths: z.number().int(),
  }),
  version: z.number().int(),
});

export const QuestionView = z.object({ id: z.uuid(), seq: z.number().int(), kind: z.enum(questionKinds), prompt: z.string(), options: z.array(z.string()), required: z.boolean() });
export const SurveyItem = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  orgName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(surveyStatuses),
  statusLabel: z.string(),
  phase: z.enum(surveyPhases).nullable(),
  phaseLabel: z.string().nullable(),
  resultsPublic: z.boolean(),
  responses: z.number().int(),
  version: z.number().int(),
});
export type SurveyItem = z.infer<typeof SurveyItem>;
export const SurveyDetail = SurveyItem.extend({ questions: z.array(QuestionView) });
export type SurveyDetail = z.infer<typeof SurveyDetail>;
export const SurveyFilter = Paging.extend({ status: z.enum(surveyStatuses).optional(), q: z.string().trim().max(100).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
export type SurveyFilter = z.infer<typeof SurveyFilter>;
export const SurveyUpdateBody = SurveyBody.extend({ version: z.number().int().min(1) });
export const SurveyStepBody = z.object({ version: z.number().int().min(1) });

export const QuestionResult = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(questionKinds),
  prompt: z.string(),
  answered: z.number().int(),
  options: z.array(z.object({ label: z.string(), count: z.number().int() })),
  texts: z.array(z.string()),
  textCount: z.number().int(),
});
export const SurveyResults = z.object({ survey: SurveyItem, responses: z.number().int(), questions: z.array(QuestionResult) });
export type SurveyResults = z.infer<typeof SurveyResults>;

const messageLabels = {
  category: '类别',
  subject: '标题',
  content: '内容',
  name: '姓名',
  phone: '联系电话',
  publicConsent: '同意公开',
  channel: '渠道',
  receivedOn: '收到日期',
  code: '查询码',
  verify: '电话后四位',
  satisfaction: '满意度',
  comment: '评价意见',
};
const surveyLabels = { title: '调查标题', description: '说明', opensOn: '开始日期', closesOn: '截止日期', questions: '问题', kind: '题型', prompt: '题目', options: '选项', required: '必答', answers: '回答', text: '回答内容' };
for (const under of ['/api/messages', '/api/public/messages']) defineFieldLabels(messageLabels, under);
for (const under of ['/api/surveys', '/api/public/surveys']) defineFieldLabels(surveyLabels, under);
