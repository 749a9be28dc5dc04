import { z } from 'zod';
import {
  closingKindLabels,
  closingKinds,
  evaluationConclusionLabels,
  evaluationConclusions,
  exemptableGates,
  gateLabels,
  meetingKindLabels,
  meetingKinds,
  meetingOutcomeLabels,
  meetingOutcomes,
  riskLevelLabels,
  riskLevels,
} from '../../../contracts/decisions.ts';

/** The inputs of the decision workflow's steps; their `.meta` draws the console's step forms. */

const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1, '不能为空').max(max);

export const OpenCommentInput = z.object({
  explanation: text(5000).meta({ title: '决策草案说明', widget: 'textarea', description: '向社会公开的决策草案及其说明（条例 第十四条）' }),
  draftText: z.string().trim().max(50000).optional().meta({ title: '决策草案全文', widget: 'textarea' }),
  days: z.number().int().min(1).max(180).meta({ title: '征求意见期限（日）', description: '一般不少于 30 日（条例 第十五条）' }),
  shortenedReason: z.string().trim().max(1000).optional().meta({ title: '缩短期限的理由', widget: 'textarea', description: '少于本县设置的期限时必填，并向社会公开' }),
});

export const HearingInput = z.object({
  heldOn: day.meta({ title: '听证日期' }),
  place: text(100).meta({ title: '听证地点' }),
  participants: text(2000).meta({ title: '听证参加人', widget: 'textarea', description: '参加人的遴选情况及名单（条例 第十七条）' }),
  record: text(10000).meta({ title: '听证笔录摘要', widget: 'textarea' }),
});

export const ExemptInput = z.object({
  gate: z.enum(exemptableGates, { error: '只能免予公众参与、专家论证或风险评估；合法性审查、集体讨论决定不得免予（条例 第二十五条、第三十条）' }).meta({ title: '免予履行的程序', optionLabels: { publicParticipation: gateLabels.publicParticipation, expertReview: gateLabels.expertReview, riskAssessment: gateLabels.riskAssessment } }),
  ground: z.string().trim().min(1, '须载明免予履行的法律依据').max(500).meta({ title: '法律依据', widget: 'textarea', description: '如：依法不予公开的决策事项（条例 第十四条）' }),
});

export const ExpertInput = z.object({
  name: text(64).meta({ title: '专家姓名' }),
  title: text(64).meta({ title: '职称（职务）' }),
  affiliation: text(100).meta({ title: '工作单位' }),
  opinion: text(5000).meta({ title: '论证意见', widget: 'textarea' }),
  adopted: z.boolean().meta({ title: '是否采纳' }),
  adoptionNote: z.string().trim().max(1000).optional().meta({ title: '采纳情况说明（未采纳的理由）', widget: 'textarea' }),
});

export const RiskInput = z.object({
  level: z.enum(riskLevels).meta({ title: '风险等级', optionLabels: riskLevelLabels }),
  summary: text(5000).meta({ title: '评估结论', widget: 'textarea' }),
  measures: text(5000).meta({ title: '风险防范化解措施', widget: 'textarea' }),
});

export const SubmitLegalityInput = z.object({
  days: z.number().int().min(1).max(60).optional().meta({ title: '审查时间（工作日）', description: '不少于 7 个工作日（条例 第二十六条）；不填按本县设置' }),
});

export const PartyInput = z.object({
  consultedOn: day.meta({ title: '请示报告日期' }),
  note: text(1000).meta({ title: '党委意见', widget: 'textarea', description: '向同级党委请示报告的情况（条例 第三十一条）' }),
});

export const CollectiveInput = z.object({
  meetingKind: z.enum(meetingKinds).meta({ title: '会议类型', optionLabels: meetingKindLabels }),
  meetingSeq: z.number().int().min(1).max(200).meta({ title: '会议届次（第N次）' }),
  heldOn: day.meta({ title: '会议日期' }),
  outcome: z.enum(meetingOutcomes).meta({ title: '会议结论', optionLabels: meetingOutcomeLabels }),
  decisionText: z.string().trim().max(20000).optional().meta({ title: '决定内容', widget: 'textarea' }),
});

export const PublishInput = z.object({
  documentNo: z.string().trim().max(60).optional().meta({ title: '决策文号' }),
  publishedOn: day.optional().meta({ title: '公布日期', description: '不填为今天' }),
});

export const ReportInput = z.object({
  reportedOn: day.meta({ title: '报告日期' }),
  summary: text(5000).meta({ title: '执行情况', widget: 'textarea', description: '决策执行单位向决策机关报告执行情况' }),
});

export const EvaluationInput = z.object({
  evaluatedOn: day.meta({ title: '评估日期' }),
  evaluator: text(100).meta({ title: '评估机构', description: '决策机关或委托的专业机构、社会组织' }),
  conclusion: z.enum(evaluationConclusions).meta({ title: '评估结论', optionLabels: evaluationConclusionLabels }),
  summary: text(5000).meta({ title: '评估报告摘要', widget: 'textarea' }),
});

export const DatedInput = (title: string) => z.object({ on: day.meta({ title }) });

export const CloseInput = z.object({
  kind: z.enum(closingKinds).meta({ title: '终结方式', optionLabels: closingKindLabels }),
  on: day.meta({ title: '日期' }),
});
