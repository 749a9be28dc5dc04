import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';
import type { Period } from '../../kernel/calendar/periods.ts';

/**
 * A county's rules for 依申请公开 (⚠ local values, domain.md §1.1): the 补正 period set in the notice
 * (第三十条 says only 合理的补正期限), the period to pay a fee, and the 信息处理费 tiers of
 * 国办函〔2020〕109号 (these defaults; a province may set its own).
 */
export const DisclosureSettings = z.object({
  /** Working days the applicant has to correct, unless the notice sets another ⚠. */
  correctionWorkingDays: z.number().int().min(1).max(60).default(15),
  /** Working days to pay after the 收费通知 (109号文: 20 个工作日). */
  feeWorkingDays: z.number().int().min(1).max(60).default(20),
  /** 按件计收: free applications per applicant per natural month. */
  pieceFree: z.number().int().min(0).max(1000).default(10),
  /** 按件计收: the first paying band ends with this application of the month (11–30: ¥100 each). */
  pieceFirstBandEnd: z.number().int().min(1).max(1000).default(30),
  /** Yuan per application in the first paying band; each later band of `pieceBandSize` adds the same again. */
  pieceYuan: z.number().int().min(0).max(100_000).default(100),
  pieceBandSize: z.number().int().min(1).max(1000).default(10),
  /** 按量计收: free pages, then yuan per page in each band (31–100, 101–200, 201 and more). */
  volumeFreePages: z.number().int().min(0).max(100_000).default(30),
  volumeBands: z
    .array(z.object({ upTo: z.number().int().min(1).nullable(), yuanPerPage: z.number().min(0).max(10_000) }))
    .min(1)
    .max(10)
    .default([
      { upTo: 100, yuanPerPage: 10 },
      { upTo: 200, yuanPerPage: 20 },
      { upTo: null, yuanPerPage: 40 },
    ])
    .refine((bands) => bands.every((b, i) => (i === bands.length - 1 ? b.upTo === null : b.upTo !== null && b.upTo > (bands[i - 1]?.upTo ?? 0))), '各档页数应递增，最后一档不填页数'),
  /** 答复书 文号 prefix, e.g. 岳县政公 → 岳县政公〔2021〕3号, for agencies without one of their own. */
  replyNumberPrefix: z.string().trim().min(1).max(20).default('政公'),
  /** Each agency numbers its own replies: 岳县政公 for the government, 岳县市监公 for the 市场监管局 … */
  agencyNumberPrefixes: z
    .array(z.object({ orgId: z.uuid(), prefix: z.string().trim().min(1).max(20) }))
    .max(500)
    .default([]),
});
export type DisclosureSettings = z.infer<typeof DisclosureSettings>;

export const disclosureSettings = regionSettings('disclosure.settings', DisclosureSettings);

export const correctionPeriod = (n: number): Period => ({
  unit: 'workingDays',
  n,
  basis: `《政府信息公开条例》第三十条：补正通知载明的合理补正期限（${n}个工作日，本县设置）；无正当理由逾期不补正的视为放弃申请`,
});

export const feePeriod = (n: number): Period => ({
  unit: 'workingDays',
  n,
  basis: `《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）：自收到收费通知之次日起${n}个工作日内缴纳，逾期未缴纳的视为放弃申请`,
});

/** The 文号 prefix of an agency's replies: its own, or the county's default. */
export const numberPrefixOf = (settings: DisclosureSettings, orgId: string): string => settings.agencyNumberPrefixes.find((p) => p.orgId === orgId)?.prefix ?? settings.replyNumberPrefix;
