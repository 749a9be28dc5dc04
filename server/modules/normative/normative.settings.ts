import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';

/**
 * The county's rules for 规范性文件 (domain.md §1.7: none of 国办发〔2018〕37号 / 115号 was checked
 * against its text, and the 备案 period is set locally, so every one is a per-region setting with the
 * commonest value as its default). One settings row per region, read inside the steps' transactions.
 */
export const NormativeSettings = z.object({
  /** 37号: drafts affecting the public's rights are published for comment, as a rule for at least 30 days ⚠. */
  commentDays: z.number().int().min(7).max(90).default(30),
  /** 115号: legality review as a rule not less than 5 working days and not more than 15 ⚠. */
  reviewWorkingDays: z.number().int().min(5).max(15).default(15),
  /** Validity: usually not more than 5 years ⚠ (local rules). */
  validityYears: z.number().int().min(1).max(10).default(5),
  /** 备案 with the 市政府 and the 县人大常委会 within this many calendar days of publication ⚠ (15 locally, 30 elsewhere). */
  filingDays: z.number().int().min(5).max(60).default(15),
  /** Evaluate before expiry: the reminder starts this many months before the validity ends ⚠. */
  expiryReminderMonths: z.number().int().min(1).max(12).default(6),
  /** 文号 prefix per issuing body (制定机关), e.g. 县政府 → 岳县政规, 县政府办 → 岳县政办规. */
  numberPrefixes: z
    .array(z.object({ orgId: z.uuid(), prefix: z.string().trim().min(1).max(20) }))
    .max(200)
    .refine((list) => new Set(list.map((p) => p.orgId)).size === list.length, '同一制定机关只能设置一个文号前缀')
    .refine((list) => new Set(list.map((p) => p.prefix)).size === list.length, '不同制定机关的文号前缀不能相同')
    .default([]),
});
export type NormativeSettings = z.infer<typeof NormativeSettings>;

const store = regionSettings('normative.settings', NormativeSettings);
export const normativeSettingsKey = store.key;
export const readNormativeSettings = store.read;
export const saveNormativeSettings = store.save;
