/**
 * 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号) and the government-meetings register: closed
 * vocabularies with their Chinese labels, shared by the server and the console.
 */

/** 决策事项 categories (条例 第三条第一款). */
export const decisionCategories = ['publicPolicy', 'plan', 'resources', 'publicProject', 'other'] as const;
export type DecisionCategory = (typeof decisionCategories)[number];
export const decisionCategoryLabels: Record<DecisionCategory, string> = {
  publicPolicy: '重大公共政策和措施',
  plan: '重要规划',
  resources: '资源开发利用、环境保护等重大公共政策和措施',
  publicProject: '重大公共建设项目',
  other: '其他重大事项',
};

/** The five procedures, in the order the regulation places them (第三章 第一节至第四节, 第二十九条). */
export const gates = ['publicParticipation', 'expertReview', 'riskAssessment', 'legalityReview', 'collectiveDecision'] as const;
export type Gate = (typeof gates)[number];
export const gateLabels: Record<Gate, string> = {
  publicParticipation: '公众参与',
  expertReview: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  collectiveDecision: '集体讨论决定',
};
/**
 * Only these may be left out, on a stated legal ground: 合法性审查 (第二十五条) and 集体讨论决定
 * (第三十条) are never optional.
 */
export const exemptableGates = ['publicParticipation', 'expertReview', 'riskAssessment'] as const;
export type ExemptableGate = (typeof exemptableGates)[number];

export const gateStatuses = ['pending', 'done', 'exempted'] as const;
export type GateStatus = (typeof gateStatuses)[number];
export const gateStatusLabels: Record<GateStatus, string> = { pending: '未完成', done: '已完成', exempted: '依法免予' };

/** 决策事项目录: drafted, approved by the government with the Party committee's consent (第三条第三款), published. */
export const catalogueStates = ['drafted', 'approved', 'published'] as const;
export type CatalogueState = (typeof catalogueStates)[number];
export const catalogueStateLabels: Record<CatalogueState, string> = { drafted: '草拟中', approved: '已审定（经党委同意）', published: '已公布' };

export const adjustmentKinds = ['add', 'remove', 'change'] as const;
export type AdjustmentKind = (typeof adjustmentKinds)[number];
export const adjustmentKindLabels: Record<AdjustmentKind, string> = { add: '增加事项', remove: '删除事项', change: '调整事项' };

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const riskLevelLabels: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险' };

export const evaluationConclusions = ['continue', 'adjust', 'stop'] as const;
export type EvaluationConclusion = (typeof evaluationConclusions)[number];
export const evaluationConclusionLabels: Record<EvaluationConclusion, string> = { continue: '继续执行', adjust: '建议调整（按程序变更）', stop: '建议停止执行' };

export const closingKinds = ['completed', 'abolished'] as const;
export type ClosingKind = (typeof closingKinds)[number];
export const closingKindLabels: Record<ClosingKind, string> = { completed: '执行完毕', abolished: '决策废止' };

export const decisionStates = ['drafting', 'publicComment', 'legalityReview', 'awaitingDecision', 'decided', 'published', 'suspended', 'closed', 'notAdopted'] as const;
export type DecisionState = (typeof decisionStates)[number];
export const decisionStateLabels: Record<DecisionState, string> = {
  drafting: '履行决策程序中',
  publicComment: '公开征求意见中',
  legalityReview: '合法性审查中',
  awaitingDecision: '待集体讨论决定',
  decided: '已决定（待公布）',
  published: '已公布（组织实施）',
  suspended: '暂停执行',
  closed: '已终结',
  notAdopted: '会议未通过',
};

/** 常务会议, 全体会议 of a government; 办公会议 (局务会议) of a department (条例 第四十二条). */
export const meetingKinds = ['executive', 'plenary', 'office'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = { executive: '常务会议', plenary: '全体会议', office: '办公会议（局务会议）' };

export const meetingOutcomes = ['adopted', 'adoptedAmended', 'deferred', 'rejected'] as const;
export type MeetingOutcome = (typeof meetingOutcomes)[number];
export const meetingOutcomeLabels: Record<MeetingOutcome, string> = { adopted: '审议通过', adoptedAmended: '原则通过（按意见修改）', deferred: '暂缓决定', rejected: '未通过' };

export const adoptionLabels: Record<'adopted' | 'partly' | 'notAdopted', string> = { adopted: '采纳', partly: '部分采纳', notAdopted: '未采纳' };
