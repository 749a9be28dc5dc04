import { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { disclosureOutcomeLabels, disclosureOutcomes, outcomeGroups, type DisclosureOutcome } from '../../../contracts/disclosure.ts';
import { consultationKindLabels, consultationKinds, deliveryFormLabels, deliveryForms, deliveryMethodLabels, deliveryMethods, feeModeLabels, feeModes } from './disclosure.labels.ts';

/** The steps' inputs: validated by transition(), drawn as forms by the console from their .meta(). */

const text = (max: number) => z.string().trim().min(1).max(max);

export const CorrectionNotice = z.object({
  items: text(2000).meta({ title: '需要补正的事项', widget: 'textarea', description: '一次性列明全部需要补正的事项（第三十条）' }),
  workingDays: z.number().int().min(1).max(60).optional().meta({ title: '补正期限（工作日）', description: '不填按本县设置（默认15个工作日）' }),
});

export const CorrectionInput = z.object({ content: text(5000).meta({ title: '补正内容', widget: 'textarea' }) });

export const ConsultInput = z.object({
  kind: z.enum(consultationKinds).meta({ title: '征求意见对象', optionLabels: consultationKindLabels }),
  partyName: text(100).meta({ title: '第三方或机关名称' }),
});

export const OpinionInput = z.object({
  opinion: z.enum(['consent', 'object']).meta({ title: '意见', optionLabels: { consent: '同意公开', object: '不同意公开' } }),
  note: z.string().trim().max(1000).optional().meta({ title: '意见摘要', widget: 'textarea' }),
});

export const ExtendInput = z.object({
  days: z.number().int().min(1).max(P.disclosureExtension.n).meta({ title: '延长工作日数', description: '最长二十个工作日（第三十三条第二款）' }),
  reason: text(500).meta({ title: '延期理由', widget: 'textarea', description: '写入延期答复告知书' }),
});

export const FeeInput = z
  .object({
    mode: z.enum(feeModes).meta({ title: '计收方式', optionLabels: feeModeLabels }),
    pages: z.number().int().min(1).max(1_000_000).optional().meta({ title: '页数', showWhen: { field: 'mode', values: ['volume'] } }),
    ordinal: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .meta({ title: '本自然月第几件申请', showWhen: { field: 'mode', values: ['piece'] }, description: '不填按同一申请人本月登记的申请计算' }),
  })
  .refine((v) => v.mode !== 'volume' || v.pages, { message: '按量计收须填写页数', path: ['pages'] });

/** The leaves a reply may record; the two 不再处理 endings come from their lapse steps. */
const lapseOutcomes: readonly DisclosureOutcome[] = ['otherNoCorrection', 'otherFeeUnpaid'];
/** 「（三）不予公开：属于国家秘密」; a row without leaves is its own label: 「（一）予以公开」. */
const replyOutcomeLabels = Object.fromEntries(
  outcomeGroups.flatMap((g) => {
    const row = g.label.replace(/（区分处理.*）$/, '');
    return g.leaves.map((leaf) => [leaf, g.leaves.length === 1 ? row : `${row}：${disclosureOutcomeLabels[leaf]}`]);
  }),
) as Record<DisclosureOutcome, string>;

export const ReplyInput = z
  .object({
    outcome: z.enum(disclosureOutcomes as unknown as [DisclosureOutcome, ...DisclosureOutcome[]]).meta({ title: '办理结果', optionLabels: replyOutcomeLabels, description: '年度报告表三的一项，只选一项' }),
    reason: text(5000).meta({ title: '答复理由和依据', widget: 'textarea', description: '写入答复书' }),
    referredTo: z.string().trim().max(100).optional().meta({ title: '负责公开该信息的机关', description: '能够确定的，告知名称（第三十六条第五项）' }),
    deliveryForm: z.enum(deliveryForms).optional().meta({ title: '提供形式', optionLabels: deliveryFormLabels, showWhen: { field: 'outcome', values: ['disclose', 'partial'] } }),
    deliveryMethod: z.enum(deliveryMethods).optional().meta({ title: '获取方式', optionLabels: deliveryMethodLabels, showWhen: { field: 'outcome', values: ['disclose', 'partial'] } }),
    numberPrefix: z.string().trim().min(1).max(20).optional().meta({ title: '答复书文号前缀', description: '不填按本县设置，如 岳县政公' }),
  })
  .refine((v) => !lapseOutcomes.includes(v.outcome), { message: '逾期不补正、逾期不缴费由相应的步骤办结', path: ['outcome'] })
  .refine((v) => !['disclose', 'partial'].includes(v.outcome) || (v.deliveryForm && v.deliveryMethod), { message: '予以公开、部分公开须写明提供形式和获取方式', path: ['deliveryForm'] });
export type ReplyInput = z.infer<typeof ReplyInput>;
