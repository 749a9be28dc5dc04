import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';

/**
 * The county's rules for 行政处罚 cases (⚠ values set locally): when a fine is 较大数额 and so needs
 * 法制审核 (行政处罚法 第五十八条第一款第四项 through local rules), matters whose penalties always need
 * it, how long the review takes, and the 简易程序 limits (第五十一条, fixed by the law; kept here so a
 * region can see them beside the others).
 */
export const PenaltySettings = z.object({
  /** A fine of at least this many yuan for a person needs 法制审核 ⚠ (provincial rules: commonly 1万元). */
  reviewFinePerson: z.number().int().min(0).max(10_000_000).default(10_000),
  /** The same for a company or other organisation ⚠ (commonly 10万元). */
  reviewFineCompany: z.number().int().min(0).max(100_000_000).default(100_000),
  /** Matters whose penalty decisions always need 法制审核 (laws or local rules name them). */
  reviewMatterIds: z.array(z.uuid()).max(2000).default([]),
  /** Working days the legal office has for a review ⚠. */
  reviewWorkingDays: z.number().int().min(1).max(30).default(7),
  /** Days a 延长办案期限 adds at most ⚠ (第六十条: 法律、法规、规章另有规定的从其规定). */
  extensionMaxDays: z.number().int().min(1).max(90).default(30),
});
export type PenaltySettings = z.infer<typeof PenaltySettings>;

const store = regionSettings('enforcement.penalty.settings', PenaltySettings);
export const readPenaltySettings = store.read;
export const savePenaltySettings = store.save;

/** 简易程序 (第五十一条): 当场 only for a warning or a fine up to 200 yuan (person) / 3000 yuan (organisation). */
export const SIMPLE_FINE_LIMIT = { person: 200, company: 3000, organisation: 3000 } as const;
