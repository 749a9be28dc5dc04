import { z } from 'zod';
import { replyCategories, replyCategoryLabels, satisfactionLabels, satisfactions } from '../../../contracts/proposals.ts';

/** The steps' inputs: validated by transition(), drawn as the case page's forms from their .meta(). */

const day = z.iso.date();

/** What the 交办 step records (the units themselves are written by POST /api/proposals/:id/assign): the 会办单位 by name. */
export const AssignInput = z.object({
  leadOrgId: z.uuid().meta({ title: '主办单位', widget: 'org' }),
  coOrgNames: z.string().max(2000).optional().meta({ title: '会办单位' }),
  assignedOn: day.optional().meta({ title: '交办日期', description: '不填为今天；答复期限自交办之日起计算' }),
});
export type AssignInput = z.infer<typeof AssignInput>;

export const ExtendInput = z.object({
  reason: z.string().trim().min(1).max(2000).meta({ title: '延期理由', widget: 'textarea', description: '涉及面广、处理难度大等，承办单位申请、县政府办批准' }),
});

export const ReplyInput = z.object({
  category: z.enum(replyCategories).meta({ title: '答复类别', optionLabels: replyCategoryLabels }),
  text: z.string().trim().min(1).max(20000).meta({ title: '答复内容', widget: 'textarea' }),
  repliedOn: day.optional().meta({ title: '答复日期', description: '答复函签发日期，不填为今天' }),
});

export const SecondReplyInput = z.object({
  text: z.string().trim().min(1).max(20000).meta({ title: '再次答复内容', widget: 'textarea' }),
  repliedOn: day.optional().meta({ title: '答复日期', description: '不填为今天' }),
});

export const FeedbackInput = z.object({
  satisfaction: z.enum(satisfactions).meta({ title: '代表（委员）意见', optionLabels: satisfactionLabels }),
  feedbackOn: day.optional().meta({ title: '反馈日期', description: '不填为今天' }),
});

export const ReopenInput = z.object({
  reasons: z.string().trim().min(1).max(2000).meta({ title: '不满意的理由', widget: 'textarea' }),
  feedbackOn: day.optional().meta({ title: '反馈日期', description: '不填为今天；再次答复期限自此计算' }),
});

export const ReturnInput = z.object({
  reason: z.string().trim().min(1).max(2000).meta({ title: '退回理由', widget: 'textarea', description: '说明不属于本单位职责的依据，建议的承办单位' }),
});

export const OpinionInput = z.object({
  opinion: z.string().trim().min(1).max(10000).meta({ title: '会办意见', widget: 'textarea' }),
});
