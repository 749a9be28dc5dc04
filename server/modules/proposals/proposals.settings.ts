import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';

/**
 * The county's local rules for 建议提案办理 (⚠ values set by provincial or county rules, kept per
 * region with these defaults). The NPC reply periods themselves are statutory (代表法 第五十一条, `P`).
 */
export const ProposalSettings = z.object({
  /** Days (calendar, rolled off holidays) within which a unit may return a mis-assigned item ⚠ (most provinces 10, Zhejiang 14). */
  returnDays: z.number().int().min(1).max(30).default(10),
  /** Months for the second reply after 不满意 ⚠ (Zhejiang, Shandong: one month). */
  secondReplyMonths: z.number().int().min(1).max(3).default(1),
  /** Months a 会办单位 has to send its opinion to the lead unit ⚠ (commonly one month). */
  coOpinionMonths: z.number().int().min(1).max(3).default(1),
  /** 政协提案 reply period in months ⚠ (local rules: three). */
  cppccReplyMonths: z.number().int().min(1).max(6).default(3),
  /** 政协提案 reply period at most, once extended ⚠ (local rules: six). */
  cppccMaxMonths: z.number().int().min(1).max(12).default(6),
});
export type ProposalSettings = z.infer<typeof ProposalSettings>;

const store = regionSettings('proposals.settings', ProposalSettings);
export const readProposalSettings = store.read;
export const saveProposalSettings = store.save;

/** How each local period reads in the console and on the clocks. */
export const settingBasis = {
  returnDays: '省人大常委会关于代表建议办理的规定：交办不当的，承办单位应当在收到之日起规定日数内退回（本县设置，默认10日）',
  secondReplyMonths: '省级代表建议、政协提案办理规定：代表（委员）对答复不满意的，承办单位应当在一个月内再次研究答复（本县设置）',
  coOpinionMonths: '建议提案办理规定：会办单位应当在规定期限内将会办意见送主办单位（本县设置，默认一个月）',
  cppccReply: '政协提案办理办法：自交办之日起三个月内答复（本县设置）',
  cppccExtension: '政协提案办理办法：情况复杂的，经同意可延长，最长不超过六个月（本县设置）',
} as const;
