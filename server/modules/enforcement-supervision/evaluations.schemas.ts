import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { evaluationFileStates, evaluationGrades } from '../../../contracts/enforcement.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
/** Scores are kept to one decimal (numeric(6,1)). */
const points = z.number().min(0).max(1000).multipleOf(0.5, '分值以 0.5 分为单位');

export const SheetItem = z.object({
  code: text(20).min(1).regex(/^[A-Za-z0-9.\-_]+$/, '评查项目编码只能由字母、数字和 . - _ 组成'),
  title: text(200).min(1),
  group: text(40).min(1).describe('分组，如 主体合法、程序合法、事实证据、适用法律、文书规范、三项制度落实'),
  maxScore: points.positive('分值须大于 0'),
});
export type SheetItem = z.infer<typeof SheetItem>;

export const SheetBody = z.object({
  name: text(100).min(1),
  items: z.array(SheetItem).min(1, '评查表至少应有一个评查项目').max(200),
  totalScore: points.positive().default(100).describe('满分：各项目分值之和须等于它（默认 100 分）'),
  excellentFrom: points.describe('总分达到此分为优秀'),
  qualifiedFrom: points.describe('总分达到此分为合格，低于为不合格'),
});
export type SheetBody = z.infer<typeof SheetBody>;
export const UpdateSheetBody = SheetBody.extend({ version: z.number().int().min(1) });
export type UpdateSheetBody = z.infer<typeof UpdateSheetBody>;

export const SheetView = z.object({
  id: z.uuid(),
  name: z.string(),
  items: z.array(SheetItem),
  totalScore: z.number(),
  excellentFrom: z.number(),
  qualifiedFrom: z.number(),
  version: z.number().int(),
  usedBy: z.number().int().describe('使用本评查表的评查活动数'),
});

export const CampaignBody = z.object({
  title: text(200).min(1),
  year: z.number().int().min(2000).max(2100).describe('抽取该年度结案的行政处罚案卷'),
  sheetId: z.uuid(),
  samplePerOrg: z.number().int().min(1).max(200).describe('每个执法部门最多抽取的案卷数'),
  startsOn: day,
  endsOn: day,
});
export type CampaignBody = z.infer<typeof CampaignBody>;
export const UpdateCampaignBody = CampaignBody.extend({ version: z.number().int().min(1) });
export type UpdateCampaignBody = z.infer<typeof UpdateCampaignBody>;

export const DrawBody = z.object({
  version: z.number().int().min(1),
  seed: text(64).min(1).optional().describe('随机种子：同一种子、同样的案卷得到同样的抽样；不填则随机生成并记录'),
});

export const DrawRecord = z.object({ seed: z.string(), drawnAt: z.string(), drawnBy: z.string().nullable(), added: z.number().int() });

export const CampaignView = z.object({
  id: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  sheetId: z.uuid(),
  sheetName: z.string(),
  samplePerOrg: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number().int(),
  fileCount: z.number().int(),
  scoredCount: z.number().int(),
  rectifyingCount: z.number().int(),
});
export const CampaignDetail = CampaignView.extend({ draws: z.array(DrawRecord) });

export const FileFilter = z.object({
  campaignId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  state: z.enum(evaluationFileStates).optional(),
  grade: z.enum(evaluationGrades).optional(),
  hasProblems: z.coerce.boolean().optional(),
  rectification: z.enum(['sent', 'onTime', 'late', 'overdue', 'open']).optional().describe('sent 已退回整改；onTime 按期整改；late 逾期整改；overdue 逾期（逾期整改及逾期未整改）；open 整改中'),
  q: text(100).optional(),
  sort: z.enum(['orgName', 'closedOn', 'total', 'rectificationDueOn', 'caseNo']).default('orgName'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type FileFilter = z.infer<typeof FileFilter>;
export const FileListQuery = FileFilter.extend(Paging.shape);

export const FileItem = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  caseId: z.uuid(),
  caseNo: z.string().nullable(),
  caseTitle: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  closedOn: z.string().nullable(),
  decisionNo: z.string().nullable(),
  state: z.enum(evaluationFileStates),
  stateLabel: z.string(),
  total: z.number().nullable(),
  grade: z.enum(evaluationGrades).nullable(),
  gradeLabel: z.string().nullable(),
  problems: z.string().nullable(),
  rectificationDueOn: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  overdue: z.boolean().describe('整改逾期：晚于期限整改或期限已过仍未整改'),
  version: z.number().int(),
});
export type FileItem = z.infer<typeof FileItem>;

export const HistoryEntry = z.object({ at: z.string(), actorName: z.string().nullable(), action: z.string(), actionLabel: z.string(), detail: z.unknown() });

export const FileDetail = FileItem.extend({
  scores: z.record(z.string(), z.number()).nullable(),
  rectificationNote: z.string().nullable(),
  sheet: SheetView,
  archiveIndex: z.object({ files: z.array(z.object({ fileId: z.string(), name: z.string(), step: z.string(), sm3: z.string() })), sm3: z.string() }).nullable(),
  history: z.array(HistoryEntry),
  can: z.object({ score: z.boolean(), sendBack: z.boolean(), rectify: z.boolean() }),
});

export const ScoreBody = z.object({
  version: z.number().int().min(1),
  scores: z.record(z.string(), points).describe('评查项目编码 → 得分（不超过该项分值）'),
  problems: text(4000).optional().describe('发现的问题'),
});
export type ScoreBody = z.infer<typeof ScoreBody>;

export const SendBackBody = z.object({
  version: z.number().int().min(1),
  problems: text(4000).min(1, '退回整改须写明存在的问题').optional().describe('不填则沿用评查时填写的问题'),
  workingDays: z.number().int().min(1).max(60).optional().describe('整改期限（工作日），不填按本县设置'),
});
export type SendBackBody = z.infer<typeof SendBackBody>;

export const RectifyBody = z.object({
  version: z.number().int().min(1),
  note: text(4000).min(1, '请写明整改情况'),
  rectifiedOn: day.optional().describe('整改完成日期，不填为今天'),
});
export type RectifyBody = z.infer<typeof RectifyBody>;

export const ResultRow = z.object({
  orgId: z.uuid().nullable(),
  orgName: z.string(),
  files: z.number().int(),
  scored: z.number().int(),
  averageScore: z.number().nullable(),
  excellent: z.number().int(),
  qualified: z.number().int(),
  unqualified: z.number().int(),
  withProblems: z.number().int(),
  sentBack: z.number().int(),
  rectifiedOnTime: z.number().int(),
  rectifiedLate: z.number().int(),
  overdueOpen: z.number().int(),
});
export type ResultRow = z.infer<typeof ResultRow>;
export const Results = z.object({ campaign: CampaignView, asOf: z.string(), rows: z.array(ResultRow), total: ResultRow });

export const EvaluationSettings = z.object({
  rectificationWorkingDays: z.number().int().min(1).max(60).default(15).describe('退回整改的期限（工作日），本县可调整'),
});
export const EvaluationSettingsBody = EvaluationSettings.extend({ version: z.number().int().min(1) });
export const EvaluationSettingsView = EvaluationSettingsBody;

defineFieldLabels(
  {
    name: '评查表名称',
    items: '评查项目',
    code: '项目编码',
    group: '分组',
    maxScore: '分值',
    totalScore: '满分',
    excellentFrom: '优秀分数线',
    qualifiedFrom: '合格分数线',
    year: '年度',
    sheetId: '评查表',
    samplePerOrg: '每部门抽取件数',
    startsOn: '开始日期',
    endsOn: '结束日期',
    seed: '随机种子',
    scores: '评分',
    problems: '存在问题',
    workingDays: '整改期限（工作日）',
    note: '整改情况',
    rectifiedOn: '整改完成日期',
    rectificationWorkingDays: '整改期限（工作日）',
  },
  '/api/enforcement/evaluations',
);
