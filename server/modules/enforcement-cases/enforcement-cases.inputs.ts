import { z } from 'zod';
import { penaltyKindLabels, penaltyKinds, penaltyOutcomeLabels, reviewTriggerLabels } from '../../../contracts/enforcement.ts';

/** The inputs of the 行政处罚 steps (enforcement-cases.workflow.ts): the step forms are drawn from them. */

const day = z.iso.date();
const money = z.number().min(0).max(1_000_000_000).multipleOf(0.01);
const penaltiesField = z.array(z.enum(penaltyKinds)).min(1).max(penaltyKinds.length).meta({ title: '处罚种类', optionLabels: penaltyKindLabels });


export const EvidenceInput = z.object({
  kind: z.enum(['record', 'photo', 'audio', 'video', 'document']).meta({ title: '记录类别', optionLabels: { record: '笔录', photo: '照片', audio: '录音', video: '执法记录仪视频', document: '书证、其他材料' } }),
  description: z.string().trim().min(1).max(500).meta({ title: '说明', widget: 'textarea' }),
});

export const NotifyInput = z.object({
  penalties: penaltiesField,
  fine: money.optional().meta({ title: '拟罚款金额（元）' }),
  benchmarkId: z.uuid().meta({ title: '适用的裁量基准', description: '本执法事项的行政处罚裁量基准条目', optionsFrom: 'enforcement/cases/:caseId/benchmark-options' }),
  departureReason: z.string().trim().max(2000).optional().meta({ title: '偏离裁量基准的理由', widget: 'textarea', description: '拟处罚超出基准的罚款幅度或处罚种类时必填' }),
});
export type NotifyInput = z.infer<typeof NotifyInput>;

export const HearingRequestInput = z.object({ requestedOn: day.meta({ title: '当事人提出听证要求之日' }) });
export const HearingInput = z.object({ hearingOn: day.meta({ title: '听证日期' }), place: z.string().trim().min(1).max(200).meta({ title: '听证地点' }) });
export const SubmitInput = z.object({
  waived: z.boolean().optional().meta({ title: '当事人已明确放弃陈述、申辩和听证' }),
  triggers: z.array(z.enum(['publicInterest', 'complex'])).max(2).optional().meta({ title: '另需法制审核的情形', optionLabels: reviewTriggerLabels }),
});
export const RequireReviewInput = z.object({ triggers: z.array(z.enum(['publicInterest', 'complex', 'required'])).min(1).max(3).meta({ title: '法制审核情形', optionLabels: reviewTriggerLabels }) });

export const DecideInput = z.object({
  outcome: z.enum(['penalty', 'noPenalty', 'exempt']).meta({ title: '处理结果', optionLabels: penaltyOutcomeLabels }),
  penalties: z.array(z.enum(penaltyKinds)).max(penaltyKinds.length).default([]).meta({ title: '处罚种类', optionLabels: penaltyKindLabels }),
  fine: money.optional().meta({ title: '罚款金额（元）' }),
  decisionNo: z.string().trim().min(1).max(60).meta({ title: '决定书文号' }),
});
export type DecideInput = z.infer<typeof DecideInput>;

export const ExtendInput = z.object({ days: z.number().int().min(1).max(90).meta({ title: '延长日数', description: '不超过本县设置的上限（默认 30 日）' }) });
export const DeliverInput = z.object({ deliveredOn: day.meta({ title: '送达日期' }), method: z.enum(['direct', 'mail', 'electronic', 'notice', 'other']).meta({ title: '送达方式', optionLabels: { direct: '直接送达', mail: '邮寄送达', electronic: '电子送达', notice: '公告送达', other: '其他方式' } }) });
export const ExecuteInput = z.object({ executedOn: day.meta({ title: '执行完毕日期' }), note: z.string().trim().max(500).optional().meta({ title: '执行情况', widget: 'textarea' }) });
export const OnSpotInput = z.object({
  penalties: z.array(z.enum(['warning', 'fine'])).min(1).max(2).meta({ title: '处罚种类', optionLabels: { warning: penaltyKindLabels.warning, fine: penaltyKindLabels.fine } }),
  fine: money.optional().meta({ title: '罚款金额（元）' }),
  decisionNo: z.string().trim().min(1).max(60).meta({ title: '当场处罚决定书编号' }),
});
export type OnSpotInput = z.infer<typeof OnSpotInput>;
