/** 行政复议's closed vocabularies with their Chinese labels and the articles that define them (server, console and portal). */

export const channels = ['window', 'mail', 'online', 'other'] as const;
export const channelLabels: Record<(typeof channels)[number], string> = { window: '窗口递交', mail: '邮寄', online: '网上申请', other: '其他（传真、转送等）' };

export const applicantTypes = ['person', 'company', 'organisation'] as const;
export const applicantTypeLabels: Record<(typeof applicantTypes)[number], string> = { person: '自然人', company: '法人', organisation: '其他组织' };

/** The kind of act challenged; `disclosure` qualifies for the simple procedure (art. 53 ¶1 (4)). */
export const actCategories = ['penalty', 'enforcement', 'licence', 'disclosure', 'inaction', 'confirmation', 'expropriation', 'agreement', 'compensation', 'other'] as const;
export const actCategoryLabels: Record<(typeof actCategories)[number], string> = {
  penalty: '行政处罚',
  enforcement: '行政强制',
  licence: '行政许可',
  disclosure: '政府信息公开',
  inaction: '不履行法定职责',
  confirmation: '行政确认',
  expropriation: '征收征用及补偿',
  agreement: '行政协议',
  compensation: '行政赔偿',
  other: '其他',
};

/** 复议法 第五十三条第一款. */
export const simpleGrounds = ['onTheSpot', 'warning', 'smallAmount', 'disclosure', 'agreed'] as const;
export const simpleGroundLabels: Record<(typeof simpleGrounds)[number], string> = {
  onTheSpot: '被申请行政复议的行政行为是当场作出',
  warning: '被申请行政复议的行政行为是警告或者通报批评',
  smallAmount: '案件涉及款额三千元以下',
  disclosure: '属于政府信息公开案件',
  agreed: '当事人各方同意适用简易程序',
};

/** 复议法 第六十三条至第六十九条 and 第三十三条 (驳回申请 after acceptance). */
export const decisionOutcomes = ['maintain', 'revoke', 'partialRevoke', 'change', 'confirmIllegal', 'confirmInvalid', 'orderPerform', 'rejectClaims', 'rejectApplication'] as const;
export const decisionOutcomeLabels: Record<(typeof decisionOutcomes)[number], string> = {
  maintain: '维持',
  revoke: '撤销',
  partialRevoke: '部分撤销',
  change: '变更',
  confirmIllegal: '确认违法',
  confirmInvalid: '确认无效',
  orderPerform: '责令履行',
  rejectClaims: '驳回复议请求',
  rejectApplication: '驳回复议申请',
};

/** Every way a case ends, as recorded in reconsideration_cases.outcome. */
export const outcomes = [...decisionOutcomes, 'mediation', 'terminated', 'notAccepted', 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  ...decisionOutcomeLabels,
  mediation: '调解结案',
  terminated: '终止',
  notAccepted: '不予受理',
  withdrawn: '撤回申请（含视为撤回）',
};

/**
 * 纠错: the decision corrects the respondent's act — 撤销, 部分撤销, 变更, 确认违法, 确认无效, 责令履行
 * (the 直接纠错 outcomes of arts. 63–67). Mediation and withdrawal after the respondent corrected itself
 * are not counted: the records do not show whether it did.
 */
export const correctingOutcomes: readonly Outcome[] = ['revoke', 'partialRevoke', 'change', 'confirmIllegal', 'confirmInvalid', 'orderPerform'];

/**
 * Decisions after which the challenged act no longer stands as published: 变更、撤销、确认违法、确认无效
 * (行政处罚法 第四十八条第二款 — its 执法公示 is withdrawn within 3 working days).
 */
export const annullingOutcomes: readonly Outcome[] = ['revoke', 'partialRevoke', 'change', 'confirmIllegal', 'confirmInvalid'];

/** 复议法 第三十九条. */
export const suspendGrounds = [
  'applicantDied',
  'applicantIncapacitated',
  'entityDissolved',
  'detained',
  'forceMajeure',
  'otherCaseResult',
  'referral',
  'mediation',
  'documentReview',
  'other',
] as const;
export const suspendGroundLabels: Record<(typeof suspendGrounds)[number], string> = {
  applicantDied: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  applicantIncapacitated: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人',
  entityDissolved: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  detained: '作为申请人的公民下落不明或者被采取限制人身自由的措施',
  forceMajeure: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  otherCaseResult: '案件涉及法律适用问题，需要有权机关作出解释或者确认',
  referral: '案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  mediation: '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  documentReview: '依照本法规定对有关规范性文件或者依据进行处理',
  other: '其他需要中止行政复议的情形',
};

/** 复议法 第四十一条. */
export const terminationGrounds = ['withdrawn', 'settled', 'noSuccessor', 'noSuccessorEntity', 'criminal', 'suspendedTooLong'] as const;
export const terminationGroundLabels: Record<(typeof terminationGrounds)[number], string> = {
  withdrawn: '申请人撤回行政复议申请',
  settled: '当事人达成和解，申请人撤回申请（第七十四条）',
  noSuccessor: '申请人死亡，没有近亲属或者其近亲属放弃行政复议权利',
  noSuccessorEntity: '法人或者其他组织终止，没有权利义务承受人或者承受人放弃行政复议权利',
  criminal: '申请人对行政拘留或者限制人身自由的行政强制措施不服申请复议后，因同一违法行为被采取刑事强制措施',
  suspendedTooLong: '中止满六十日，中止的原因仍未消除',
};

/** How a registered case's title names the act: 「张三不服县市场监督管理局行政处罚决定」. */
export const actTitlePhrases: Record<(typeof actCategories)[number], string> = {
  penalty: '行政处罚决定',
  enforcement: '行政强制行为',
  licence: '行政许可行为',
  disclosure: '政府信息公开答复',
  inaction: '不履行法定职责',
  confirmation: '行政确认行为',
  expropriation: '征收征用及补偿行为',
  agreement: '行政协议行为',
  compensation: '行政赔偿决定',
  other: '行政行为',
};

export const procedures = ['ordinary', 'simple'] as const;
export const procedureLabels: Record<(typeof procedures)[number], string> = { ordinary: '普通程序', simple: '简易程序' };

/** Why a case ended without a decision (reconsideration_cases.termination_ground once terminal). */
export const closingGroundLabels: Record<string, string> = {
  ...terminationGroundLabels,
  correctionLapsed: '无正当理由逾期不补正，视为放弃行政复议申请（第三十一条）',
};

/** The organisations an applicant may name as 被申请人 on the portal (复议法 第二十四条: the county's own organs). */
export const respondentOrgTypes = ['government', 'department', 'township', 'street'] as const;

/** 意见书 (第七十六条) and 附带审查 (第十三条、第五十六条至第六十条). */
export const followUpKinds = ['opinion', 'review'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];
export const followUpKindLabels: Record<FollowUpKind, string> = { opinion: '行政复议意见书', review: '规范性文件附带审查' };

/** 第五十九条: the provisions are lawful, or exceed authority / contradict higher law (停止执行、责令纠正). */
export const reviewResults = ['legal', 'illegal', 'partlyIllegal'] as const;
export const reviewResultLabels: Record<(typeof reviewResults)[number], string> = {
  legal: '相关条款合法',
  illegal: '相关条款不合法（停止执行并责令制定机关纠正）',
  partlyIllegal: '部分条款不合法（停止执行该部分并责令制定机关纠正）',
};
export const followUpResultLabels: Record<string, string> = {
  ...reviewResultLabels,
  reported: '已报送纠正情况',
  transferred: '已转送有权机关处理',
};
