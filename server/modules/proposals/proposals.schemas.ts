import { z } from 'zod';
import { Paging } from '../../kernel/http/schemas.ts';
import { proposalKinds, proposalStates, replyCategories, satisfactions } from '../../../contracts/proposals.ts';

const day = z.iso.date();

export const RegisterBody = z.object({
  kind: z.enum(proposalKinds),
  sessionLabel: z.string().trim().min(1).max(80),
  year: z.number().int().min(2000).max(2100),
  number: z.string().trim().min(1).max(30),
  title: z.string().trim().min(1).max(200),
  proposers: z.string().trim().min(1).max(300),
  content: z.string().trim().min(1).max(20000),
  topic: z.string().trim().max(24).optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const AssignBody = z.object({
  version: z.number().int().min(1),
  leadOrgId: z.uuid(),
  coOrgIds: z.array(z.uuid()).max(10).default([]),
  assignedOn: day.optional(),
});
export type AssignBody = z.infer<typeof AssignBody>;

export const ProposalFilter = z.object({
  kind: z.enum(proposalKinds).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sessionLabel: z.string().trim().max(80).optional(),
  orgId: z.uuid().optional(),
  state: z.enum(proposalStates).optional(),
  category: z.enum(replyCategories).optional(),
  satisfaction: z.enum(satisfactions).optional(),
  overdue: z.stringbool().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['number', 'assignedOn', 'dueOn', 'repliedOn']).default('number'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ProposalFilter = z.infer<typeof ProposalFilter>;
export const ProposalListQuery = ProposalFilter.extend(Paging.shape);

export const ProposalItem = z.object({
  id: z.uuid(),
  /** The console page to open: the case page, or a 会办单位's own 会办 case. */
  path: z.string(),
  version: z.number().int(),
  kind: z.enum(proposalKinds),
  kindLabel: z.string(),
  sessionLabel: z.string(),
  year: z.number().int(),
  number: z.string(),
  title: z.string(),
  proposers: z.string(),
  topic: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  coNames: z.string().nullable(),
  assignedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  extended: z.boolean(),
  replyCategory: z.string().nullable(),
  repliedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  satisfaction: z.string().nullable(),
  secondReply: z.boolean(),
});
export type ProposalItem = z.infer<typeof ProposalItem>;

export const HandlerView = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  role: z.enum(['lead', 'co']),
  assignedOn: z.string(),
  returnDueOn: z.string(),
  returnedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionOn: z.string().nullable(),
  active: z.boolean(),
  caseId: z.uuid().nullable(),
  caseState: z.string().nullable(),
  dueOn: z.string().nullable(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
});

export const ProposalDetail = ProposalItem.extend({
  content: z.string(),
  extensionReason: z.string().nullable(),
  replyText: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  firstSatisfaction: z.string().nullable(),
  feedbackOn: z.string().nullable(),
  secondReplyText: z.string().nullable(),
  secondRepliedOn: z.string().nullable(),
  secondReplyDueOn: z.string().nullable(),
  secondSatisfaction: z.string().nullable(),
  handlers: z.array(HandlerView),
  canHandle: z.boolean(),
});
export type ProposalDetail = z.infer<typeof ProposalDetail>;

export const SummaryQuery = z.object({ kind: z.enum(proposalKinds), year: z.coerce.number().int().min(2000).max(2100) });
export const SummaryRow = z.object({
  orgId: z.uuid().nullable(),
  orgName: z.string(),
  total: z.number().int(),
  replied: z.number().int(),
  onTime: z.number().int(),
  solved: z.number().int(),
  planned: z.number().int(),
  explained: z.number().int(),
  satisfied: z.number().int(),
  basic: z.number().int(),
  unsatisfied: z.number().int(),
  secondReplies: z.number().int(),
  onTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;
export const Summary = z.object({ kind: z.enum(proposalKinds), year: z.number().int(), total: SummaryRow, byOrg: z.array(SummaryRow) });
export type Summary = z.infer<typeof Summary>;

export const ImportQuery = z.object({ dryRun: z.stringbool().default(false) });
export const ImportResult = z.object({ created: z.number().int(), dryRun: z.boolean() });
export type ImportResult = z.infer<typeof ImportResult>;
export const XlsxBody = z.any().describe('.xlsx 文件内容');

export const SettingsView = z.object({
  returnDays: z.number().int(),
  secondReplyMonths: z.number().int(),
  coOpinionMonths: z.number().int(),
  cppccReplyMonths: z.number().int(),
  cppccMaxMonths: z.number().int(),
  version: z.number().int(),
  saved: z.boolean(),
  defaults: z.record(z.string(), z.number()),
});
