/**
 * 政府信息公开's closed vocabularies (server, console, portal): how an application arrives, who applies
 * (the columns of the annual report's table 三), how it ends (exactly one leaf row of table 三), and the
 * rows of tables 二 and 四 (国办公开办函〔2021〕30号 format, domain.md §1.2).
 */

/** 申请渠道: the receipt date follows the channel (条例 第三十一条). */
export const disclosureChannels = ['window', 'registeredMail', 'ordinaryMail', 'online', 'fax', 'email'] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];
export const disclosureChannelLabels: Record<DisclosureChannel, string> = {
  window: '当面提交',
  registeredMail: '邮寄（挂号/快递，需签收）',
  ordinaryMail: '邮寄（平常信函）',
  online: '互联网渠道',
  fax: '传真',
  email: '电子邮件',
};
/** 第三十一条: the day it was handed in, signed for, or confirmed with the applicant. */
export const receiptRuleLabels: Record<DisclosureChannel, string> = {
  window: '以提交之日为收到申请之日',
  registeredMail: '以行政机关签收之日为收到申请之日',
  ordinaryMail: '以双方确认之日为收到申请之日',
  online: '以双方确认之日为收到申请之日',
  fax: '以双方确认之日为收到申请之日',
  email: '以双方确认之日为收到申请之日',
};

/** 申请人类别: the seven numeric columns of table 三 are these six and 总计. */
export const applicantKinds = ['person', 'company', 'research', 'publicInterest', 'legalService', 'other'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const applicantKindLabels: Record<ApplicantKind, string> = {
  person: '自然人',
  company: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
};

/**
 * 办理结果: every reply records exactly one of these leaves; groups are table 三's 三（一）…（六）.
 * The mapping from 条例 第三十六条 to a row is local practice (domain.md §1.2 ⚠): staff choose the row.
 */
export const outcomeGroups = [
  { code: 'disclose', label: '（一）予以公开', leaves: ['disclose'] },
  { code: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', leaves: ['partial'] },
  {
    code: 'withhold',
    label: '（三）不予公开',
    leaves: ['withholdSecret', 'withholdLegalBar', 'withholdSafety', 'withholdThirdParty', 'withholdInternal', 'withholdProcess', 'withholdEnforcementFile', 'withholdQuery'],
  },
  { code: 'unable', label: '（四）无法提供', leaves: ['unableNotHeld', 'unableNeedsCompiling', 'unableUnclear'] },
  { code: 'notHandled', label: '（五）不予处理', leaves: ['notHandledPetition', 'notHandledRepeat', 'notHandledPublication', 'notHandledExcessive', 'notHandledConfirm'] },
  { code: 'otherHandling', label: '（六）其他处理', leaves: ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'] },
] as const;
export type OutcomeGroup = (typeof outcomeGroups)[number]['code'];
export const disclosureOutcomes = outcomeGroups.flatMap((g) => g.leaves);
export type DisclosureOutcome = (typeof outcomeGroups)[number]['leaves'][number];
export const disclosureOutcomeLabels: Record<DisclosureOutcome, string> = {
  disclose: '予以公开',
  partial: '部分公开',
  withholdSecret: '属于国家秘密',
  withholdLegalBar: '其他法律行政法规禁止公开',
  withholdSafety: '危及“三安全一稳定”',
  withholdThirdParty: '保护第三方合法权益',
  withholdInternal: '属于三类内部事务信息',
  withholdProcess: '属于四类过程性信息',
  withholdEnforcementFile: '属于行政执法案卷',
  withholdQuery: '属于行政查询事项',
  unableNotHeld: '本机关不掌握相关政府信息',
  unableNeedsCompiling: '没有现成信息需要另行制作',
  unableUnclear: '补正后申请内容仍不明确',
  notHandledPetition: '信访举报投诉类申请',
  notHandledRepeat: '重复申请',
  notHandledPublication: '要求提供公开出版物',
  notHandledExcessive: '无正当理由大量反复申请',
  notHandledConfirm: '要求行政机关确认或重新出具已获取信息',
  otherNoCorrection: '申请人无正当理由逾期不补正、行政机关不再处理',
  otherFeeUnpaid: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理',
  otherOther: '其他',
};
export function outcomeGroupOf(outcome: DisclosureOutcome): OutcomeGroup {
  return outcomeGroups.find((g) => (g.leaves as readonly string[]).includes(outcome))!.code;
}

/** 主动公开 table 二: the rows and where each figure comes from. */
export const tableTwoRows = [
  { code: 'regulations', label: '规章', block: '第二十条第（一）项', columns: ['issued', 'repealed', 'inForce'] },
  { code: 'normativeDocuments', label: '行政规范性文件', block: '第二十条第（一）项', columns: ['issued', 'repealed', 'inForce'] },
  { code: 'licences', label: '行政许可', block: '第二十条第（五）项', columns: ['decisions'] },
  { code: 'penalties', label: '行政处罚', block: '第二十条第（六）项', columns: ['decisions'] },
  { code: 'coercion', label: '行政强制', block: '第二十条第（六）项', columns: ['decisions'] },
  { code: 'fees', label: '行政事业性收费', block: '第二十条第（八）项', columns: ['amountTenThousand'] },
] as const;
export const tableTwoColumnLabels = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  decisions: '本年处理决定数量',
  amountTenThousand: '本年收费金额（单位：万元）',
} as const;

/** Table 四: for 行政复议, 未经复议直接起诉 and 复议后起诉, five columns each. */
export const tableFourResults = ['maintained', 'corrected', 'other', 'pending', 'total'] as const;
export type TableFourResult = (typeof tableFourResults)[number];
export const tableFourResultLabels: Record<TableFourResult, string> = {
  maintained: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
export const tableFourBlocks = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const tableFourBlockLabels: Record<(typeof tableFourBlocks)[number], string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};

/** 主动公开 records: the kind of item and, for 政策解读, its form (the report counts 文字、图表、视频). */
export const proactiveKinds = ['item', 'interpretation'] as const;
export const proactiveKindLabels: Record<(typeof proactiveKinds)[number], string> = { item: '公开信息', interpretation: '政策解读' };
export const interpretationForms = ['text', 'chart', 'video', 'other'] as const;
export const interpretationFormLabels: Record<(typeof interpretationForms)[number], string> = {
  text: '文字解读',
  chart: '图表解读',
  video: '视频解读',
  other: '其他形式',
};

/**
 * 主动公开 topics the annual report's section 二 counts (国办发〔2021〕12号 政务公开工作要点 and its
 * local follow-up): plans, key projects, policy documents and their interpretation, then the policy areas.
 */
export const proactiveCategories = [
  'plans',
  'keyProjects',
  'policyDocuments',
  'responses',
  'businessEnvironment',
  'oneThing',
  'ruralRevitalization',
  'sixStabilities',
  'livelihood',
  'other',
] as const;
export type ProactiveCategory = (typeof proactiveCategories)[number];
export const proactiveCategoryLabels: Record<ProactiveCategory, string> = {
  plans: '规划计划',
  keyProjects: '重点项目',
  policyDocuments: '政策文件',
  responses: '解读回应',
  businessEnvironment: '优化营商环境',
  oneThing: '一件事一次办',
  ruralRevitalization: '乡村振兴',
  sixStabilities: '六稳六保',
  livelihood: '民生领域',
  other: '其他',
};

/** How the information is provided (条例 第二十九条: 申请人要求的提供形式和获取方式). */
export const deliveryForms = ['paper', 'electronic'] as const;
export type DeliveryForm = (typeof deliveryForms)[number];
export const deliveryFormLabels: Record<DeliveryForm, string> = { paper: '纸质', electronic: '电子' };
export const deliveryMethods = ['pickup', 'mail', 'email', 'online'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const deliveryMethodLabels: Record<DeliveryMethod, string> = { pickup: '自行领取', mail: '邮寄', email: '电子邮件', online: '网上获取' };
