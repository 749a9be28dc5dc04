import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

defineFieldLabels({
  fromBody: '来文机关',
  documentTitle: '来文标题',
  documentNo: '来文文号',
  draftTitle: '征求意见稿名称',
  receivedOn: '收文日期',
  replyDueOn: '反馈截止日期',
  summary: '主要内容和要求',
  orgIds: '征求意见单位',
  lateReason: '未等待反馈的理由',
  heldOn: '调研日期',
  orgCount: '参加的部门和乡镇数',
  companyKinds: '参加的企业类别数',
});

export const RegisterBody = z.object({
  fromBody: text(100).min(1, '请填写来文机关'),
  documentTitle: text(200).min(1, '请填写来文标题'),
  documentNo: text(60).min(1).optional(),
  draftTitle: text(200).min(1, '请填写征求意见稿名称'),
  receivedOn: day,
  replyDueOn: day,
  summary: text(5000).optional(),
  fileIds: z.array(z.uuid()).max(20).default([]).describe('来文及征求意见稿，先经 POST /api/files 上传'),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const DistributeBody = z.object({
  version: z.number().int().min(1).describe('征求意见案件的版本号'),
  orgIds: z.array(z.uuid()).min(1, '请至少选择一个单位').max(200),
  dueOn: day.describe('反馈截止日期（工作日）'),
  note: text(2000).optional().describe('征求意见函的要求，部门在待办中看到'),
});
export type DistributeBody = z.infer<typeof DistributeBody>;

export const ReplyBody = z.object({
  version: z.number().int().min(1),
  sentOn: day.optional(),
  documentNo: text(60).min(1).optional(),
  numberPrefix: text(20).min(1).optional(),
  lateReason: text(2000).optional(),
  fileIds: z.array(z.uuid()).min(1, '请上传报送的反馈意见文件').max(20),
});
export type ReplyBody = z.infer<typeof ReplyBody>;

export const AdoptionBody = z.object({
  version: z.number().int().min(1),
  adopted: z.boolean(),
  adoptionNote: text(1000).optional(),
});
export type AdoptionBody = z.infer<typeof AdoptionBody>;

export const ResearchBody = z.object({
  heldOn: day,
  place: text(100).optional(),
  orgCount: z.number().int().min(0).max(1000).default(0),
  orgNames: text(2000).optional(),
  companyKinds: z.number().int().min(0).max(100).default(0),
  companyNames: text(1000).optional().describe('企业类别或代表，如建筑类、科技型、外贸商务流通类、制造类'),
  summary: text(5000).min(1, '请填写调研情况'),
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type ResearchBody = z.infer<typeof ResearchBody>;

const consultationStates = ['handling', 'consolidated', 'replied'] as const;
export const consultationSorts = ['receivedOn', 'replyDueOn', 'replySentOn', 'dueOn', 'fromBody'] as const;

export const ConsultationFilter = z.object({
  state: z.enum(consultationStates).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('收文年度'),
  replied: z.stringbool().optional(),
  mark: z.enum(['overdue', 'dueSoon']).optional(),
  q: text(50).optional().describe('按征求意见稿、来文标题、文号或来文机关查找'),
  sort: z.enum(consultationSorts).default('receivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ConsultationFilter = z.infer<typeof ConsultationFilter>;
export const ConsultationListQuery = ConsultationFilter.extend(Paging.shape);

export const RequestFilter = z.object({
  open: z.stringbool().optional().describe('true：待反馈；false：已办结'),
  mark: z.enum(['overdue', 'dueSoon']).optional(),
});
export type RequestFilter = z.infer<typeof RequestFilter>;
export const RequestListQuery = RequestFilter.extend(Paging.shape);

const mark = z.enum(['overdue', 'dueSoon']).nullable();

export const ConsultationItem = z.object({
  id: z.uuid(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  mark,
  orgName: z.string(),
  fromBody: z.string(),
  documentTitle: z.string(),
  documentNo: z.string().nullable(),
  draftTitle: z.string(),
  receivedOn: z.string(),
  replyDueOn: z.string(),
  replySentOn: z.string().nullable(),
  replyDocumentNo: z.string().nullable(),
  askedCount: z.number().int(),
  answeredCount: z.number().int(),
  outstandingCount: z.number().int(),
  overdueCount: z.number().int(),
  researchCount: z.number().int(),
});
export type ConsultationItem = z.infer<typeof ConsultationItem>;

const FileRef = z.object({ id: z.uuid(), name: z.string(), size: z.number().int(), mime: z.string() });

export const RequestItem = z.object({
  id: z.uuid(),
  caseVersion: z.number().int(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  mark,
  version: z.number().int(),
  consultationId: z.uuid(),
  consultationTitle: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  note: z.string().nullable(),
  answeredOn: z.string().nullable(),
  noOpinion: z.boolean().nullable(),
  opinion: z.string().nullable(),
  contact: z.string().nullable(),
  late: z.boolean().nullable(),
  adopted: z.boolean().nullable(),
  adoptionNote: z.string().nullable(),
  reminders: z.number().int(),
  lapseReason: z.string().nullable(),
});
export type RequestItem = z.infer<typeof RequestItem>;

export const ResearchItem = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  place: z.string().nullable(),
  orgCount: z.number().int(),
  orgNames: z.string().nullable(),
  companyKinds: z.number().int(),
  companyNames: z.string().nullable(),
  summary: z.string(),
  files: z.array(FileRef),
});

export const ConsultationDetail = ConsultationItem.extend({
  summary: z.string().nullable(),
  consolidatedText: z.string().nullable(),
  consolidatedOn: z.string().nullable(),
  lateReason: z.string().nullable(),
  files: z.array(FileRef),
  requests: z.array(RequestItem),
  research: z.array(ResearchItem),
  /** The 司法局 may act on it (distribute, adopt, reply, research). */
  canHandle: z.boolean(),
});
export type ConsultationDetail = z.infer<typeof ConsultationDetail>;

/** A department's view of its request: the consultation's letter and draft, and its own answer. */
export const RequestDetail = RequestItem.extend({
  fromBody: z.string(),
  documentTitle: z.string(),
  documentNo: z.string().nullable(),
  draftTitle: z.string(),
  summary: z.string().nullable(),
  files: z.array(FileRef),
});

export const DraftView = z.object({ text: z.string() });
