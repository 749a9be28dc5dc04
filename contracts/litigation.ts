/**
 * 行政应诉's closed vocabularies with their Chinese labels and the provisions that define them (server
 * and console). "规定" below is 《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》(2020).
 */
import { actCategories, actCategoryLabels, applicantTypeLabels, applicantTypes } from './reconsideration.ts';

/** The act challenged: the same categories as in 行政复议, so a lawsuit after 复议 keeps its category. */
export { actCategories, actCategoryLabels };

/** 原告: the same kinds of party as a 复议 applicant. */
export const plaintiffTypes = applicantTypes;
export type PlaintiffType = (typeof plaintiffTypes)[number];
export const plaintiffTypeLabels: Record<PlaintiffType, string> = applicantTypeLabels;

/** 审级: the 规定 applies to all three (第一条). */
export const instances = ['first', 'appeal', 'retrial'] as const;
export type Instance = (typeof instances)[number];
export const instanceLabels: Record<Instance, string> = { first: '一审', appeal: '二审', retrial: '再审' };

/**
 * What a judgment, ruling or 调解书 decided. An appeal or retrial records the effect of its final
 * judgment on the agency's act: where it upheld the judgment below, the type of that judgment.
 */
export const judgmentOutcomes = [
  'dismissSuit',
  'rejectClaims',
  'revoke',
  'partialRevoke',
  'perform',
  'payment',
  'confirmIllegal',
  'confirmInvalid',
  'change',
  'remanded',
  'mediation',
  'other',
] as const;
/** Every way an instance ends, as recorded in litigation_cases.outcome; 准予撤诉 is a step of its own. */
export const outcomes = [...judgmentOutcomes, 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  dismissSuit: '裁定驳回起诉',
  rejectClaims: '判决驳回诉讼请求（第六十九条）',
  revoke: '判决撤销（第七十条）',
  partialRevoke: '判决部分撤销（第七十条）',
  perform: '判决履行法定职责（第七十二条）',
  payment: '判决给付（第七十三条）',
  confirmIllegal: '判决确认违法（第七十四条）',
  confirmInvalid: '判决确认无效（第七十五条）',
  change: '判决变更（第七十七条）',
  remanded: '裁定发回重审（第八十九条）',
  mediation: '调解结案（第六十条）',
  other: '其他',
  withdrawn: '裁定准予撤诉',
};

/** 败诉: the court found against the agency's act or inaction (行政诉讼法 第七十条至第七十七条). */
export const lostOutcomes: readonly Outcome[] = ['revoke', 'partialRevoke', 'perform', 'payment', 'confirmIllegal', 'confirmInvalid', 'change'];

/** Endings that decide nothing for or against the agency: left out of the 败诉率's denominator. */
export const lossRateExcludedOutcomes: readonly Outcome[] = ['withdrawn', 'mediation', 'remanded'];

/** Judgments that, once in effect, change or annul the act: its publicity is withdrawn (行政处罚法 第四十八条第二款). */
export const annullingOutcomes: readonly Outcome[] = ['revoke', 'partialRevoke', 'change', 'confirmIllegal', 'confirmInvalid'];

/** Outcomes after which the court may order the agency to act again (第七十条). */
export const reDecisionOutcomes: readonly Outcome[] = ['revoke', 'partialRevoke'];

/** Who appeared for the agency at a hearing; the first three are 负责人 (规定 第二条). */
export const appearances = ['head', 'deputy', 'inCharge', 'staff', 'nobody'] as const;
export type Appearance = (typeof appearances)[number];
export const appearanceLabels: Record<Appearance, string> = {
  head: '正职负责人',
  deputy: '副职负责人',
  inCharge: '分管负责人',
  staff: '工作人员（负责人未出庭）',
  nobody: '无人出庭',
};
export const principalRoles = ['head', 'deputy', 'inCharge'] as const satisfies readonly Appearance[];
export type PrincipalRole = (typeof principalRoles)[number];

/** Why the 负责人 could not appear (规定 第八条); the proof bears the agency's seal (第九条). */
export const excuses = ['forceMajeure', 'accident', 'officialDuty', 'other'] as const;
export type Excuse = (typeof excuses)[number];
export const excuseLabels: Record<Excuse, string> = {
  forceMajeure: '不可抗力',
  accident: '意外事件',
  officialDuty: '需要履行他人不能代替的公务',
  other: '无法出庭的其他正当事由',
};

/** 规定 第十二条: the court answers each with a 司法建议 and records it in the judgment. */
export const failures = ['absentWithoutReason', 'absentAgain', 'nobodyAppeared', 'leftEarly', 'refusedToExplain'] as const;
export type Failure = (typeof failures)[number];
export const failureLabels: Record<Failure, string> = {
  absentWithoutReason: '负责人未出庭应诉，且未说明理由或者理由不成立',
  absentAgain: '准许延期开庭后再次开庭时负责人仍未出庭，且无正当理由',
  nobodyAppeared: '负责人和相应的工作人员均不出庭应诉',
  leftEarly: '负责人未经法庭许可中途退庭',
  refusedToExplain: '负责人拒绝就有关问题进行解释或者说明，导致庭审无法进行',
};

/** What a case's warnings are about (shown in the detail with the hearing they come from). */
export const warningKinds = ['art12', 'nobody', 'summonedStaff', 'defenceLate'] as const;
export type WarningKind = (typeof warningKinds)[number];

/** 负责人出庭应诉率's denominator: cases (one per instance, 规定 第七条) or every hearing. */
export const appearanceDenominators = ['cases', 'hearings'] as const;
export type AppearanceDenominator = (typeof appearanceDenominators)[number];
export const appearanceDenominatorLabels: Record<AppearanceDenominator, string> = {
  cases: '按案件：期间内开庭的案件，同一审级开庭多次的计一件（规定第七条）',
  hearings: '按庭次：期间内的每一次开庭',
};
