import { z } from 'zod';
import { adoptionStates, moderationStates } from '../../kernel/consultation/consultation.tables.ts';
import { consultationStatuses, COMMENT_MAX } from '../../../contracts/consultation.ts';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';

const text = (max: number) => z.string().trim().max(max);
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

defineFieldLabels({
  authorName: '姓名',
  contact: '联系方式',
  content: '意见内容',
  decision: '审核结果',
  rejectReason: '不予公开的理由',
  adoption: '采纳情况',
  adoptionNote: '采纳情况说明',
  reason: '理由',
  regionCode: '行政区划',
  consultationId: '征求意见',
});

/* ------------------------------------------------------------------ portal */

export const PublicListQuery = Paging.extend({
  regionCode: z.string().regex(/^\d{6}$/),
  status: z.enum(['open', 'closed']).optional().describe('open：正在征求意见；closed：近一年内结束的'),
});
export type PublicListQuery = z.infer<typeof PublicListQuery>;

export const PublicConsultationItem = z.object({
  id: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(consultationStatuses),
  statusLabel: z.string(),
  shortenedReason: z.string().nullable(),
  closedAt: z.date().nullable(),
  closedReason: z.string().nullable(),
  approvedCount: z.number().int(),
});
export type PublicConsultationItem = z.infer<typeof PublicConsultationItem>;

export const FileItem = z.object({ id: z.uuid(), name: z.string(), size: z.number().int(), mime: z.string() });

export const PublicComment = z.object({ id: z.uuid(), authorName: z.string(), content: z.string(), submittedAt: z.date() });

export const PublicConsultationDetail = PublicConsultationItem.extend({
  explanation: z.string(),
  draftText: z.string().nullable(),
  files: z.array(FileItem),
  comments: z.array(PublicComment),
});
export type PublicConsultationDetail = z.infer<typeof PublicConsultationDetail>;

export const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

const email = z.email();
export const CommentBody = z.object({
  authorName: text(64).min(1),
  contact: text(80)
    .optional()
    .refine((v) => !v || PHONE.test(v) || email.safeParse(v).success, '请填写手机号码、固定电话或电子邮箱')
    .describe('手机、固定电话或电子邮箱，选填；加密保存，不公开'),
  content: text(COMMENT_MAX).min(1),
});
export type CommentBody = z.infer<typeof CommentBody>;

export const CommentAnswer = z.object({ message: z.string() });

/* ------------------------------------------------------------------ console */

export const ConsultationListQuery = Paging.extend({
  status: z.enum(consultationStatuses).optional(),
  orgId: z.uuid().optional(),
  q: text(100).optional(),
  pendingOnly: z.stringbool().optional().describe('只列有待审核意见的'),
});
export type ConsultationListQuery = z.infer<typeof ConsultationListQuery>;

const Counts = z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() });

export const ConsultationItem = z.object({
  id: z.uuid(),
  entityType: z.string(),
  entityId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(consultationStatuses),
  statusLabel: z.string(),
  shortenedReason: z.string().nullable(),
  closedAt: z.date().nullable(),
  closedReason: z.string().nullable(),
  version: z.number().int(),
  counts: Counts,
});
export type ConsultationItem = z.infer<typeof ConsultationItem>;

export const StaffComment = z.object({
  id: z.uuid(),
  consultationId: z.uuid(),
  consultationTitle: z.string(),
  authorName: z.string(),
  contactMask: z.string().nullable(),
  hasContact: z.boolean(),
  content: z.string(),
  submittedAt: z.date(),
  moderation: z.enum(moderationStates),
  moderationLabel: z.string(),
  moderatedByName: z.string().nullable(),
  moderatedAt: z.date().nullable(),
  rejectReason: z.string().nullable(),
  adoption: z.enum(adoptionStates).nullable(),
  adoptionLabel: z.string().nullable(),
  adoptionNote: z.string().nullable(),
  version: z.number().int(),
});
export type StaffComment = z.infer<typeof StaffComment>;

export const ConsultationDetail = ConsultationItem.extend({
  explanation: z.string(),
  draftText: z.string().nullable(),
  files: z.array(FileItem),
  comments: z.array(StaffComment),
  /** Whether the user may see contacts in clear. */
  canSeeContact: z.boolean(),
});
export type ConsultationDetail = z.infer<typeof ConsultationDetail>;

export const QueueQuery = Paging.extend({
  moderation: z.enum(moderationStates).default('pending'),
  consultationId: z.uuid().optional(),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const ModerateBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    rejectReason: text(200).optional().describe('不予公开的理由，不通过时必填'),
    version: z.number().int().min(1),
  })
  .refine((b) => b.decision === 'approve' || !!b.rejectReason, { message: '不通过的，须填写不予公开的理由', path: ['rejectReason'] });
export type ModerateBody = z.infer<typeof ModerateBody>;

export const BulkApproveBody = z.object({
  items: z
    .array(z.object({ id: z.uuid(), version: z.number().int().min(1) }))
    .min(1)
    .max(200),
});
export type BulkApproveBody = z.infer<typeof BulkApproveBody>;

export const BulkAnswer = z.object({ approved: z.number().int() });

export const AdoptionBody = z
  .object({
    adoption: z.enum(adoptionStates),
    adoptionNote: text(1000).optional(),
    version: z.number().int().min(1),
  })
  .refine((b) => b.adoption === 'adopted' || !!b.adoptionNote, { message: '部分采纳或未采纳的，须说明理由', path: ['adoptionNote'] });
export type AdoptionBody = z.infer<typeof AdoptionBody>;

export const CloseBody = z.object({ reason: text(500).min(1), version: z.number().int().min(1) });
export type CloseBody = z.infer<typeof CloseBody>;

export const CommentParams = z.object({ cid: z.uuid() });
export const ContactView = z.object({ contact: z.string().nullable() });
