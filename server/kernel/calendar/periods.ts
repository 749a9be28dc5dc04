import { addCalendarDays, addMonths, addWorkingDays, type CalendarData, type Deadline } from './calendar.ts';
import type { LocalDate } from './local-date.ts';

export const periodUnits = ['workingDays', 'days', 'months'] as const;
export type PeriodUnit = (typeof periodUnits)[number];

export const periodUnitLabels: Record<PeriodUnit, string> = { workingDays: '工作日', days: '日（自然日）', months: '个月' };

/** A statutory period and the provision that sets it; the unit follows the statute's own counting rule. */
export interface Period {
  unit: PeriodUnit;
  n: number;
  basis: string;
}

export function due(data: CalendarData, from: LocalDate, period: Pick<Period, 'unit' | 'n'>): Deadline {
  switch (period.unit) {
    case 'workingDays':
      return addWorkingDays(data, from, period.n);
    case 'days':
      return addCalendarDays(data, from, period.n);
    case 'months':
      return addMonths(data, from, period.n);
  }
}

export interface StatutoryPeriod extends Period {
  code: string;
  name: string;
}

const workingDays = (n: number, basis: string) => ({ unit: 'workingDays' as const, n, basis });
const days = (n: number, basis: string) => ({ unit: 'days' as const, n, basis });

// 行政复议法 (2023) art. 88: its 三日、五日、七日、十日 are working days excluding 法定休假日; its other
// periods are counted as the 民事诉讼法 counts them (calendar days, last day rolled off a holiday).
const RECONSIDERATION_WD = '《行政复议法》第八十八条（工作日）';
const CIVIL_PROCEDURE = '《民事诉讼法》第八十五条（期间计算）';
// 行政处罚法 art. 85: its 二日、三日、五日、七日 are working days, excluding 法定节假日.
const PENALTY_WD = '《行政处罚法》第八十五条（工作日）';

/**
 * Every statutory period Fazhi counts, by code. Workflows name these; the API and the console's
 * 期限计算器 list them.
 */
export const P = {
  reconsiderationCorrectionNotice: workingDays(5, `《行政复议法》第三十一条第一款：自收到申请之日起五日内书面通知补正；${RECONSIDERATION_WD}`),
  reconsiderationCorrection: workingDays(10, `《行政复议法》第三十一条第一款：申请人自收到补正通知之日起十日内补正；${RECONSIDERATION_WD}`),
  reconsiderationAcceptanceReview: workingDays(5, `《行政复议法》第三十条第一款：自收到申请之日起五日内审查；${RECONSIDERATION_WD}`),
  reconsiderationCopyToRespondent: workingDays(7, `《行政复议法》第四十八条：自受理之日起七日内发送被申请人；${RECONSIDERATION_WD}`),
  reconsiderationAnswer: workingDays(10, `《行政复议法》第四十八条：被申请人自收到之日起十日内答复；${RECONSIDERATION_WD}`),
  reconsiderationSimpleCopy: workingDays(3, `《行政复议法》第五十四条：简易程序自受理之日起三日内发送被申请人；${RECONSIDERATION_WD}`),
  reconsiderationSimpleAnswer: workingDays(5, `《行政复议法》第五十四条：简易程序被申请人自收到之日起五日内答复；${RECONSIDERATION_WD}`),
  reconsiderationDecision: days(60, `《行政复议法》第六十二条第一款：自受理之日起六十日内作出决定；${CIVIL_PROCEDURE}`),
  // Counted on from the end of the ordinary 60 days, once, with the 复议机构 head's approval.
  reconsiderationExtension: days(30, `《行政复议法》第六十二条第一款：经批准可以延长，延长期限最多不超过三十日；${CIVIL_PROCEDURE}`),
  reconsiderationSimpleDecision: days(30, `《行政复议法》第六十二条第二款：简易程序自受理之日起三十日内作出决定；${CIVIL_PROCEDURE}`),
  reconsiderationHearingNotice: workingDays(5, `《行政复议法》第五十一条：举行听证的，应当于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人；${RECONSIDERATION_WD}`),
  reconsiderationDocumentReview: days(30, `《行政复议法》第五十六条：有权处理的，应当在三十日内依法处理；${CIVIL_PROCEDURE}`),
  reconsiderationDocumentTransfer: workingDays(7, `《行政复议法》第五十六条：无权处理的，应当在七日内转送有权处理的行政机关依法处理；${RECONSIDERATION_WD}`),
  reconsiderationMakerAnswer: workingDays(10, `《行政复议法》第五十八条：制定机关应当自收到书面通知之日起十日内提交书面答复及相关材料；${RECONSIDERATION_WD}`),
  reconsiderationTransfereeReply: days(60, `《行政复议法》第六十条：接受转送的行政机关应当自收到转送之日起六十日内将处理意见回复转送的行政复议机关；${CIVIL_PROCEDURE}`),
  reconsiderationOpinionRectification: days(60, `《行政复议法》第七十六条：自收到行政复议意见书之日起六十日内报送纠正情况；${CIVIL_PROCEDURE}`),
  // 行政诉讼法 art. 101 applies the 民事诉讼法's rules on periods.
  litigationDefence: days(15, '《行政诉讼法》第六十七条第一款：被告自收到起诉状副本之日起十五日内提交证据并答辩；第一百零一条适用《民事诉讼法》期间规定'),
  penaltyHearingRequest: workingDays(5, `《行政处罚法》第六十四条第一项：当事人在告知后五日内提出听证要求；${PENALTY_WD}`),
  penaltyDelivery: workingDays(7, `《行政处罚法》第六十一条第一款：当事人不在场的，七日内送达决定书；${PENALTY_WD}`),
  penaltyDecision: days(90, `《行政处罚法》第六十条：自立案之日起九十日内作出决定；${CIVIL_PROCEDURE}`),
  // 政府信息公开条例 states its periods in 工作日 itself.
  disclosureReply: workingDays(20, '《政府信息公开条例》第三十三条第二款：自收到申请之日起二十个工作日内答复'),
  disclosureExtension: workingDays(20, '《政府信息公开条例》第三十三条第二款：经负责人同意可以延长，延长期限最长不得超过二十个工作日'),
  disclosureCorrectionNotice: workingDays(7, '《政府信息公开条例》第三十条：自收到申请之日起七个工作日内一次性告知补正'),
  disclosureThirdParty: workingDays(15, '《政府信息公开条例》第三十二条：第三方自收到征求意见书之日起十五个工作日内提出意见'),
  disclosureAgency: workingDays(15, '《政府信息公开条例》第三十四条：其他机关自收到征求意见书之日起十五个工作日内提出意见，逾期未提出视为同意'),
  // 代表法 (2025) 第五十一条 states these in months; the calendar kernel counts months per 民法典 第二百零二条.
  proposalNpcReply: { unit: 'months' as const, n: 3, basis: '《全国人民代表大会和地方各级人民代表大会代表法》第五十一条：自交办之日起三个月内答复' },
  proposalNpcExtension: { unit: 'months' as const, n: 3, basis: '《全国人民代表大会和地方各级人民代表大会代表法》第五十一条：涉及面广、处理难度大的建议，应当在六个月内答复' },
} as const satisfies Record<string, Period>;

export type PeriodCode = keyof typeof P;

const names: Record<PeriodCode, string> = {
  reconsiderationCorrectionNotice: '行政复议：通知补正',
  reconsiderationCorrection: '行政复议：申请人补正',
  reconsiderationAcceptanceReview: '行政复议：受理审查',
  reconsiderationCopyToRespondent: '行政复议：发送申请书副本',
  reconsiderationAnswer: '行政复议：被申请人答复',
  reconsiderationSimpleCopy: '行政复议（简易程序）：发送申请书副本',
  reconsiderationSimpleAnswer: '行政复议（简易程序）：被申请人答复',
  reconsiderationDecision: '行政复议：普通程序审理期限',
  reconsiderationExtension: '行政复议：延长审理期限',
  reconsiderationSimpleDecision: '行政复议：简易程序审理期限',
  reconsiderationHearingNotice: '行政复议：听证通知',
  reconsiderationDocumentReview: '行政复议附带审查：处理规范性文件',
  reconsiderationDocumentTransfer: '行政复议附带审查：转送有权机关',
  reconsiderationMakerAnswer: '行政复议附带审查：制定机关答复',
  reconsiderationTransfereeReply: '行政复议附带审查：接受转送机关回复',
  reconsiderationOpinionRectification: '行政复议意见书：报送纠正情况',
  litigationDefence: '行政应诉：提交证据和答辩状',
  penaltyHearingRequest: '行政处罚：当事人申请听证',
  penaltyDelivery: '行政处罚：送达决定书',
  penaltyDecision: '行政处罚：作出处罚决定',
  disclosureReply: '依申请公开：答复',
  disclosureExtension: '依申请公开：延长答复',
  disclosureCorrectionNotice: '依申请公开：告知补正',
  disclosureThirdParty: '依申请公开：第三方征求意见',
  proposalNpcReply: '人大代表建议：答复',
  proposalNpcExtension: '人大代表建议：延长答复（至六个月）',
  disclosureAgency: '依申请公开：其他机关征求意见',
};

export const statutoryPeriods: readonly StatutoryPeriod[] = (Object.keys(P) as PeriodCode[]).map((code) => ({
  code,
  name: names[code],
  ...P[code],
}));

export function isPeriodCode(code: string): code is PeriodCode {
  return Object.hasOwn(P, code);
}
