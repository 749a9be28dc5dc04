import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { AppearanceRateDefinition } from './litigation.settings.ts';
import {
  actCategories,
  appearanceDenominators,
  appearances,
  excuses,
  failures,
  instances,
  outcomes,
  plaintiffTypes,
  principalRoles,
  warningKinds,
  type Appearance,
  type Failure,
} from './litigation.labels.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const RegisterCaseBody = z.object({
  instance: z.enum(instances),
  court: text(100).min(1),
  courtCaseNo: text(60).min(1).optional().describe('法院案号，如（2024）湘0621行初12号；本行政区内不能重复'),
  plaintiffType: z.enum(plaintiffTypes),
  plaintiffName: text(100).min(1),
  defendantOrgId: z.uuid().describe('被告：本人办理范围内的启用机构，即案件的办理机构'),
  actCategory: z.enum(actCategories),
  actDescription: text(2000).min(1),
  claims: text(2000).optional(),
  afterReconsideration: z.boolean().default(false).describe('复议后起诉；关联原审案件的，取原审案件的值'),
  reconsiderationCaseId: z.uuid().optional().describe('一审：经复议的，关联本行政区的行政复议案件'),
  parentCaseId: z.uuid().optional().describe('二审、再审：原审的行政应诉案件；发回重审后的一审：作出发回裁定的案件'),
  challengedCaseId: z
    .uuid()
    .optional()
    .describe('被诉的行政处罚决定在本系统中的案件（被告办理的行政处罚案件）；不填的，取关联的行政复议案件或原审案件所关联的案件。判决撤销、变更、确认违法或无效并生效后，撤回该决定的公示'),
  filedOn: day.optional().describe('法院立案日期'),
  complaintReceivedOn: day.describe('收到起诉状副本之日：答辩期限自此起算（第六十七条）'),
  headSummoned: z.boolean().default(false).describe('法院通知负责人出庭（规定第四条）'),
});
export type RegisterCaseBody = z.infer<typeof RegisterCaseBody>;

const principal = new Set<Appearance>(principalRoles);
/** The failures of 第十二条 that presuppose the 负责人's absence, and the one that presupposes nobody at all. */
const absentFailures = new Set<Failure>(['absentWithoutReason', 'absentAgain']);
const presentFailures = new Set<Failure>(['leftEarly', 'refusedToExplain']);

const HearingFields = z.object({
  heldOn: day,
  appearance: z.enum(appearances),
  appearedName: text(64).optional(),
  appearedTitle: text(64).optional(),
  excuse: z.enum(excuses).optional().describe('负责人未出庭时必填（规定第八条）'),
  excuseText: text(2000).optional(),
  proofFileId: z.uuid().optional().describe('加盖印章的证明材料（规定第九条），先经 POST /api/files 上传'),
  failure: z.enum(failures).optional().describe('法院认定的第十二条情形'),
  counsel: text(200).optional().describe('委托代理人'),
});
type HearingFields = z.infer<typeof HearingFields>;

/** Who appeared, and why the 负责人 did not, must fit together (规定 第八条、第九条、第十二条). */
function checkHearing(h: HearingFields, ctx: z.RefinementCtx): void {
  const issue = (path: keyof HearingFields, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const isPrincipal = principal.has(h.appearance);
  if (h.appearance === 'nobody') {
    if (h.appearedName) issue('appearedName', '无人出庭时不应填写出庭人员');
  } else if (!h.appearedName) issue('appearedName', '请填写出庭人员姓名');
  if (isPrincipal && !h.appearedTitle) issue('appearedTitle', '负责人出庭的，请填写其职务');
  if (!isPrincipal) {
    if (!h.excuse) issue('excuse', '负责人未出庭的，须选择不能出庭的理由（规定第八条）');
    if (!h.excuseText) issue('excuseText', '负责人未出庭的，须说明具体理由');
    if (!h.proofFileId) issue('proofFileId', '负责人未出庭的，须上传加盖印章的证明材料（规定第九条）');
  }
  if (!h.failure) return;
  if (h.failure === 'nobodyAppeared' && h.appearance !== 'nobody') issue('failure', '有人出庭的，不属于“均不出庭应诉”的情形');
  if (absentFailures.has(h.failure) && isPrincipal) issue('failure', '负责人已出庭的，不属于负责人未出庭的情形');
  if (presentFailures.has(h.failure) && !isPrincipal) issue('failure', '负责人未出庭的，不属于中途退庭或拒绝解释说明的情形');
}

export const HearingBody = HearingFields.superRefine(checkHearing);
export type HearingBody = z.infer<typeof HearingBody>;
export const UpdateHearingBody = HearingFields.extend({ version: z.number().int().min(1) }).superRefine(checkHearing);
export type UpdateHearingBody = z.infer<typeof UpdateHearingBody>;

export const HearingParams = z.object({ id: z.uuid(), hid: z.uuid() });

export const caseSorts = ['complaintReceivedOn', 'dueOn', 'judgedOn', 'filedOn', 'courtCaseNo', 'defendantOrgName', 'plaintiffName'] as const;

export const CaseFilter = z.object({
  state: z.enum(['received', 'defended', 'judged']).optional(),
  outcome: z.enum(outcomes).optional(),
  instance: z.enum(instances).optional(),
  defendantOrgId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('收到起诉状副本的年度'),
  lost: z.stringbool().optional().describe('true：败诉；false：已审结且未败诉'),
  warning: z.stringbool().optional().describe('true：有出庭应诉或答辩预警'),
  afterReconsideration: z.stringbool().optional(),
  q: text(50).optional().describe('按原告、法院案号、裁判文书号或案件名称查找'),
  sort: z.enum(caseSorts).default('complaintReceivedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseFilter = z.infer<typeof CaseFilter>;
export const CaseListQuery = CaseFilter.extend(Paging.shape);

export const LitigationCaseItem = z.object({
  id: z.uuid(),
  caseNo: z.string().nullable(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  parentId: z.uuid().nullable(),
  instance: z.string(),
  instanceLabel: z.string(),
  court: z.string(),
  courtCaseNo: z.string().nullable(),
  plaintiffType: z.string(),
  plaintiffTypeLabel: z.string(),
  plaintiffName: z.string(),
  defendantOrgId: z.uuid(),
  defendantOrgName: z.string(),
  actCategory: z.string(),
  actCategoryLabel: z.string(),
  afterReconsideration: z.boolean(),
  filedOn: z.string().nullable(),
  complaintReceivedOn: z.string(),
  defenceDueOn: z.string().nullable(),
  defenceFiledOn: z.string().nullable(),
  defenceLate: z.boolean(),
  defenceMark: z.enum(['overdue', 'dueSoon']).nullable().describe('答辩期限标记（尚未答辩时）：overdue 已逾期，dueSoon 3 个工作日内到期'),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  lost: z.boolean().nullable(),
  judgedOn: z.string().nullable(),
  judgmentNo: z.string().nullable(),
  effectiveOn: z.string().nullable().describe('裁判生效日期'),
  challengedCaseId: z.uuid().nullable().describe('被诉的行政处罚决定在本系统中的案件'),
  headSummoned: z.boolean(),
  hearingCount: z.number().int(),
  principalAppeared: z.boolean().describe('至少一次庭审有负责人（正职、副职或分管负责人）出庭'),
  warning: z.boolean().describe('有预警：见详情 warnings'),
});
export type LitigationCaseItem = z.infer<typeof LitigationCaseItem>;

export const HearingView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  heldOn: z.string(),
  appearance: z.string(),
  appearanceLabel: z.string(),
  principal: z.boolean(),
  appearedName: z.string().nullable(),
  appearedTitle: z.string().nullable(),
  excuse: z.string().nullable(),
  excuseLabel: z.string().nullable(),
  excuseText: z.string().nullable(),
  proofFile: z.object({ id: z.uuid(), name: z.string(), size: z.number(), mime: z.string() }).nullable(),
  failure: z.string().nullable(),
  failureLabel: z.string().nullable(),
  counsel: z.string().nullable(),
  warningKinds: z.array(z.string()),
  recordedAt: z.date(),
  version: z.number().int(),
});

export const LitigationCaseDetail = LitigationCaseItem.extend({
  actDescription: z.string(),
  claims: z.string().nullable(),
  courtTerm: z
    .object({ months: z.number().int(), basis: z.string(), from: z.string(), until: z.string(), note: z.string() })
    .nullable()
    .describe('人民法院的审理期限：约束法院，仅作提示，不是被告的期限'),
  parent: z.object({ id: z.uuid(), caseType: z.string(), caseTypeLabel: z.string(), title: z.string(), caseNo: z.string().nullable() }).nullable(),
  followUps: z.array(z.object({ id: z.uuid(), title: z.string(), instance: z.string(), instanceLabel: z.string(), state: z.string(), stateLabel: z.string() })),
  hearings: z.array(HearingView),
  warnings: z.array(z.object({ kind: z.enum(warningKinds), hearingId: z.uuid().nullable(), text: z.string() })),
});
export type LitigationCaseDetail = z.infer<typeof LitigationCaseDetail>;

export const AppearanceSettingsView = z.object({
  regionCode: z.string(),
  numeratorRoles: z.array(z.enum(principalRoles)),
  denominator: z.enum(appearanceDenominators),
  countCasesWithoutHearing: z.boolean(),
  version: z.number().int(),
  saved: z.boolean().describe('false：尚未保存，为默认口径'),
  description: z.string(),
});

/** The whole definition (PUT): a field left out takes its default. */
export const AppearanceSettingsBody = AppearanceRateDefinition.extend({ version: z.number().int().min(1) });

defineFieldLabels({
  instance: '审级',
  court: '审理法院',
  courtCaseNo: '法院案号',
  plaintiffType: '原告类型',
  plaintiffName: '原告',
  defendantOrgId: '被告机构',
  actCategory: '被诉行为类别',
  actDescription: '被诉行政行为',
  claims: '诉讼请求',
  afterReconsideration: '复议后起诉',
  reconsiderationCaseId: '行政复议案件',
  parentCaseId: '原审案件',
  filedOn: '立案日期',
  complaintReceivedOn: '收到起诉状副本日期',
  headSummoned: '法院通知负责人出庭',
  heldOn: '开庭日期',
  appearance: '出庭人员身份',
  appearedName: '出庭人员姓名',
  appearedTitle: '出庭人员职务',
  excuse: '负责人不能出庭的理由',
  excuseText: '具体理由',
  proofFileId: '证明材料',
  failure: '第十二条情形',
  counsel: '委托代理人',
  numeratorRoles: '分子：出庭人员身份',
  denominator: '分母口径',
  countCasesWithoutHearing: '未开庭审结的案件计入分母',
});
