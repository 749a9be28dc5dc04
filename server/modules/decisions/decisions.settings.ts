import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';

/**
 * A county's rules for its major decisions, one settings row per region. The statutory floors cannot
 * be lowered: the comment period is at least 30 days (条例 第十五条) and legality review is given at
 * least 7 working days (第二十六条); a county may set longer ones.
 */
export const DecisionSettings = z.object({
  commentDays: z.number().int().min(30, '征求意见期限不得少于 30 日（条例 第十五条）').max(180).default(30),
  legalityReviewDays: z.number().int().min(7, '合法性审查时间不得少于 7 个工作日（条例 第二十六条）').max(60).default(7),
  /** 向同级党委请示报告 recorded before the collective decision (第三十一条). */
  partyConsultationRequired: z.boolean().default(true),
});
export type DecisionSettings = z.infer<typeof DecisionSettings>;

const store = regionSettings('decisions.rules', DecisionSettings);
export const decisionSettingsKey = store.key;
export const readDecisionSettings = store.read;
export const saveDecisionSettings = store.save;
