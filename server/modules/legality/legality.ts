import { z } from 'zod';

/**
 * 合法性审查 shared by 规范性文件 and 重大行政决策: both workflows have a state named LEGALITY_STATE
 * with a clock named LEGALITY_CLOCK, and its opinion is given with LEGALITY_REVIEW. The legal office's
 * queue lists the cases of both in that state, by the clock's due date.
 */
export const LEGALITY_REVIEW = 'legality.review';
export const LEGALITY_STATE = 'legalityReview';
export const LEGALITY_CLOCK = 'legalityReview';

export const legalityConclusions = ['lawful', 'lawfulWithChanges', 'unlawful'] as const;
export type LegalityConclusion = (typeof legalityConclusions)[number];
export const legalityConclusionLabels: Record<LegalityConclusion, string> = {
  lawful: '合法，同意提交集体讨论',
  lawfulWithChanges: '修改后合法（提出修改意见）',
  unlawful: '不合法，不予提交（退回起草单位）',
};

/** The reviewer's opinion (审查意见书): a conclusion and the written opinion; the signed opinion is a file of the step. */
export const LegalityOpinionInput = z.object({
  conclusion: z.enum(legalityConclusions).meta({ title: '审查结论', optionLabels: legalityConclusionLabels }),
  opinion: z.string().trim().min(1).max(5000).meta({ title: '审查意见', widget: 'textarea' }),
  reviewer: z.string().trim().min(1).max(100).meta({ title: '审查人员', description: '司法局（法制机构）审查人员或法律顾问、公职律师' }),
});
export type LegalityOpinionInput = z.infer<typeof LegalityOpinionInput>;

export const queueSorts = ['dueOn', 'submittedOn', 'title'] as const;

/** The legal office's queue: filters of GET /api/legality/queue and its export. */
export const QueueFilter = z.object({
  caseType: z.string().trim().max(40).optional().describe('事项类型，如 normative_document'),
  orgId: z.uuid().optional().describe('起草（承办）单位'),
  mark: z.enum(['overdue', 'dueSoon']).optional().describe('overdue 已逾期；dueSoon 3 个工作日内到期'),
  q: z.string().trim().max(50).optional().describe('按标题或文号查找'),
  sort: z.enum(queueSorts).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type QueueFilter = z.infer<typeof QueueFilter>;
