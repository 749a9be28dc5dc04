/**
 * 行政执法's closed vocabularies with their Chinese labels (server, console and portal): the registry
 * (bodies, officers, matters, benchmarks, lists, delegations), cases, publicity and supervision.
 */

/** 执法领域: the field a body works in, a certificate is valid for and a case belongs to. */
export const enforcementFields = [
  'market',
  'environment',
  'health',
  'agriculture',
  'naturalResources',
  'housing',
  'transport',
  'water',
  'culture',
  'emergency',
  'urban',
  'education',
  'commerce',
  'forestry',
  'comprehensive',
  'other',
] as const;
export type EnforcementField = (typeof enforcementFields)[number];
export const enforcementFieldLabels: Record<EnforcementField, string> = {
  market: '市场监管（食品药品）',
  environment: '生态环境',
  health: '卫生健康',
  agriculture: '农业农村',
  naturalResources: '自然资源',
  housing: '住房城乡建设',
  transport: '交通运输',
  water: '水利',
  culture: '文化旅游',
  emergency: '应急管理',
  urban: '城市管理',
  education: '教育',
  commerce: '商务',
  forestry: '林业',
  comprehensive: '乡镇综合行政执法',
  other: '其他',
};

/** 执法主体: by law (法定), by authorisation of a law (法律法规授权), or entrusted (受委托). */
export const bodyKinds = ['statutory', 'authorised', 'entrusted'] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyKindLabels: Record<BodyKind, string> = { statutory: '法定行政机关', authorised: '法律法规授权组织', entrusted: '受委托组织' };

/** A certificate's recorded status; 已过期 is computed from valid_until, 已换发 when a replacement exists. */
export const certificateStatuses = ['valid', 'suspended', 'revoked', 'replaced'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
export const certificateStatusLabels: Record<CertificateStatus | 'expired', string> = { valid: '有效', suspended: '暂扣', revoked: '吊销', replaced: '已换发', expired: '已过期' };

/** What an 执法事项 is: the kinds of 行政执法 the 权责清单 lists. */
export const matterCategories = ['penalty', 'coercion', 'inspection', 'licence', 'other'] as const;
export type MatterCategory = (typeof matterCategories)[number];
export const matterCategoryLabels: Record<MatterCategory, string> = { penalty: '行政处罚', coercion: '行政强制', inspection: '行政检查', licence: '行政许可', other: '其他行政执法' };

/** 裁量阶次 of a discretion benchmark row. */
export const discretionLevels = ['none', 'lighter', 'mitigated', 'general', 'heavier'] as const;
export type DiscretionLevel = (typeof discretionLevels)[number];
export const discretionLevelLabels: Record<DiscretionLevel, string> = { none: '不予处罚', lighter: '从轻处罚', mitigated: '减轻处罚', general: '一般处罚', heavier: '从重处罚' };

/** 首违不罚 / 轻微违法不予处罚 / 从轻减轻 lists (行政处罚法 第三十二、三十三条). */
export const leniencyLists = ['firstViolation', 'minor', 'lenient'] as const;
export type LeniencyList = (typeof leniencyLists)[number];
export const leniencyListLabels: Record<LeniencyList, string> = { firstViolation: '首违不罚清单', minor: '轻微违法不予处罚清单', lenient: '从轻减轻处罚清单' };

/** Kinds of penalty (行政处罚法 第九条), several per decision. */
export const penaltyKinds = ['warning', 'fine', 'confiscation', 'suspension', 'licenceRevocation', 'restriction', 'closure', 'detention', 'other'] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];
export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspension: '暂扣许可证件、降低资质等级',
  licenceRevocation: '吊销许可证件',
  restriction: '限制开展生产经营活动、限制从业',
  closure: '责令停产停业、责令关闭',
  detention: '行政拘留',
  other: '法律、行政法规规定的其他行政处罚',
};

export const partyTypes = ['person', 'company', 'organisation'] as const;
export type PartyType = (typeof partyTypes)[number];
export const partyTypeLabels: Record<PartyType, string> = { person: '自然人', company: '法人', organisation: '其他组织' };

/** 案件来源. */
export const caseSources = ['inspection', 'complaint', 'referral', 'transfer', 'other'] as const;
export type CaseSource = (typeof caseSources)[number];
export const caseSourceLabels: Record<CaseSource, string> = { inspection: '监督检查发现', complaint: '投诉举报', referral: '上级交办', transfer: '其他机关移送', other: '其他' };

/** 行政处罚 case states, 立案 to 归档 (行政处罚法 第五章). */
export const penaltyStates = ['filed', 'investigating', 'notified', 'hearing', 'legalityReview', 'readyToDecide', 'decided', 'delivered', 'executed', 'closed', 'archived', 'dropped'] as const;
export type PenaltyState = (typeof penaltyStates)[number];
export const penaltyStateLabels: Record<PenaltyState, string> = {
  filed: '已立案',
  investigating: '调查取证',
  notified: '已告知，陈述申辩期',
  hearing: '听证',
  legalityReview: '法制审核中',
  readyToDecide: '待决定',
  decided: '已决定，待送达',
  delivered: '已送达，待执行',
  executed: '已执行，待结案',
  closed: '已结案，待归档',
  archived: '已归档',
  dropped: '已撤销立案',
};

/** How a 行政处罚 case was decided. */
export const penaltyOutcomes = ['penalty', 'noPenalty', 'exempt', 'transfer'] as const;
export type PenaltyOutcome = (typeof penaltyOutcomes)[number];
export const penaltyOutcomeLabels: Record<PenaltyOutcome, string> = {
  penalty: '给予行政处罚',
  noPenalty: '违法事实不能成立，不予处罚',
  exempt: '依法不予处罚（首违不罚、轻微违法）',
  transfer: '移送司法机关',
};

/** 法制审核 triggers (行政处罚法 第五十八条第一款 (一)–(四)). */
export const reviewTriggers = ['publicInterest', 'hearingHeld', 'complex', 'required'] as const;
export type ReviewTrigger = (typeof reviewTriggers)[number];
export const reviewTriggerLabels: Record<ReviewTrigger, string> = {
  publicInterest: '涉及重大公共利益',
  hearingHeld: '直接关系当事人或者第三人重大权益，经过听证程序',
  complex: '案件情况疑难复杂、涉及多个法律关系',
  required: '法律、法规规定应当进行法制审核',
};

/** 执法公示 (事后): what is published and how fast (国办发〔2018〕118号: 7 or 20 working days). */
export const publicationKinds = ['penalty', 'licence', 'other'] as const;
export type PublicationKind = (typeof publicationKinds)[number];
export const publicationKindLabels: Record<PublicationKind, string> = { penalty: '行政处罚决定', licence: '行政许可决定', other: '其他行政执法决定' };
export const publicationStates = ['pending', 'published', 'withdrawalDue', 'withdrawn'] as const;
export type PublicationState = (typeof publicationStates)[number];
export const publicationStateLabels: Record<PublicationState, string> = { pending: '待公示', published: '已公示', withdrawalDue: '决定已变更或撤销，待撤回', withdrawn: '已撤回' };

/** 行政强制措施 and 强制执行 (行政强制法 第九、十二条). */
export const coercionKinds = ['seal', 'seize', 'freeze', 'restrictPerson', 'enforceFine', 'enforceOther'] as const;
export type CoercionKind = (typeof coercionKinds)[number];
export const coercionKindLabels: Record<CoercionKind, string> = {
  seal: '查封场所、设施或者财物',
  seize: '扣押财物',
  freeze: '冻结存款、汇款',
  restrictPerson: '限制公民人身自由',
  enforceFine: '加处罚款或者滞纳金',
  enforceOther: '其他强制执行',
};

/** The result of one 行政检查. */
export const inspectionResults = ['compliant', 'rectification', 'caseFiled', 'other'] as const;
export type InspectionResult = (typeof inspectionResults)[number];
export const inspectionResultLabels: Record<InspectionResult, string> = { compliant: '未发现问题', rectification: '责令整改', caseFiled: '立案查处', other: '其他处理' };

/** 案卷评查 grades by total score (the sheet's thresholds decide). */
export const evaluationGrades = ['excellent', 'qualified', 'unqualified'] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];
export const evaluationGradeLabels: Record<EvaluationGrade, string> = { excellent: '优秀', qualified: '合格', unqualified: '不合格' };
export const evaluationFileStates = ['sampled', 'scored', 'rectifying', 'rectified'] as const;
export type EvaluationFileState = (typeof evaluationFileStates)[number];
export const evaluationFileStateLabels: Record<EvaluationFileState, string> = { sampled: '已抽取，待评查', scored: '已评查', rectifying: '退回整改中', rectified: '已整改' };
