import { z } from 'zod';
import { meetingKinds, meetingOutcomes } from '../../../contracts/decisions.ts';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';

export const MeetingFilter = z.object({
  orgId: z.uuid().optional(),
  kind: z.enum(meetingKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lawRelated: z.stringbool().optional().describe('true：涉法议题'),
  q: z.string().trim().max(50).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MeetingFilter = z.infer<typeof MeetingFilter>;
export const MeetingListQuery = MeetingFilter.extend(Paging.shape);

export const MeetingItemView = z.object({
  itemId: z.uuid(),
  itemSeq: z.number().int(),
  title: z.string(),
  lawRelated: z.boolean(),
  caseId: z.uuid().nullable(),
  caseType: z.string().nullable(),
  caseTypeLabel: z.string().nullable(),
  outcome: z.enum(meetingOutcomes),
  outcomeLabel: z.string(),
  notes: z.string().nullable(),
  meetingId: z.uuid(),
  meetingName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(meetingKinds),
  kindLabel: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  heldOn: z.string(),
  chair: z.string().nullable(),
});
export type MeetingItemView = z.infer<typeof MeetingItemView>;

export const MeetingDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(meetingKinds),
  kindLabel: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  heldOn: z.string(),
  chair: z.string().nullable(),
  version: z.number().int(),
  items: z.array(MeetingItemView),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const NewMeetingBody = z.object({
  orgId: z.uuid(),
  kind: z.enum(meetingKinds),
  seq: z.number().int().min(1).max(200).describe('当年第N次'),
  heldOn: z.iso.date(),
  chair: z.string().trim().min(1).max(64).optional(),
});
export type NewMeetingBody = z.infer<typeof NewMeetingBody>;

export const NewItemBody = z.object({
  title: z.string().trim().min(1).max(200),
  lawRelated: z.boolean().default(false),
  outcome: z.enum(meetingOutcomes),
  notes: z.string().trim().max(5000).optional(),
});
export type NewItemBody = z.infer<typeof NewItemBody>;

defineFieldLabels({ kind: '会议类型', seq: '会议届次', heldOn: '会议日期', chair: '主持人', lawRelated: '涉法议题', outcome: '会议结论', notes: '备注' });
