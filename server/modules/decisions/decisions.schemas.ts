import { z } from 'zod';
import { catalogueStates, decisionCategories, decisionStates, exemptableGates, gates, gateStatuses, riskLevels } from '../../../contracts/decisions.ts';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { DecisionSettings } from './decisions.settings.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1);

// 决策事项目录

export const CatalogueFilter = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.uuid().optional(),
});
export type CatalogueFilter = z.infer<typeof CatalogueFilter>;

export const NewCatalogueBody = z.object({
  orgId: z.uuid().describe('决策机关：本级人民政府，或参照执行的部门、乡镇（条例 第四十二条）'),
  year: z.number().int().min(2019).max(2100),
  title: text(200).min(1).optional(),
});
export type NewCatalogueBody = z.infer<typeof NewCatalogueBody>;

const Exemptions = z
  .object(Object.fromEntries(exemptableGates.map((g) => [g, text(500).min(1).optional()])) as Record<(typeof exemptableGates)[number], z.ZodOptional<z.ZodString>>)
  .describe('不需履行的程序及其法律依据（如“依法不予公开的决策事项，条例第十四条”）；未列出的程序均须履行');

export const CatalogueItemBody = z.object({
  title: text(200).min(1),
  category: z.enum(decisionCategories),
  hostOrgId: z.uuid().describe('承办单位'),
  plannedTime: text(40).min(1).describe('计划完成时间，如“2021年第三季度”'),
  exemptions: Exemptions.optional(),
});
export type CatalogueItemBody = z.infer<typeof CatalogueItemBody>;

/** Against the catalogue's version (adding) or the item's (changing); a reason once the catalogue is approved. */
export const AdjustBody = z.object({ version, reason: text(2000).optional().describe('目录审定后调整事项的书面理由（向社会公开）') });
export type AdjustBody = z.infer<typeof AdjustBody>;
export const ItemWriteBody = CatalogueItemBody.extend(AdjustBody.shape);
export const RemoveItemBody = AdjustBody;
export type RemoveItemBody = z.infer<typeof RemoveItemBody>;

export const ApproveCatalogueBody = z.object({
  version,
  partyConsentOn: day.describe('同级党委同意之日（条例 第三条第三款）'),
  partyConsentRef: text(200).min(1).describe('党委同意的记录：文号或会议'),
});
export type ApproveCatalogueBody = z.infer<typeof ApproveCatalogueBody>;
export const PublishCatalogueBody = z.object({ version });
export type PublishCatalogueBody = z.infer<typeof PublishCatalogueBody>;

export const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

const CatalogueHead = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: z.enum(catalogueStates),
  stateLabel: z.string(),
  partyConsentOn: z.string().nullable(),
  partyConsentRef: z.string().nullable(),
  approvedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  version: z.number().int(),
});
export const CatalogueItem = CatalogueHead.extend({ itemCount: z.number().int() });

export const CatalogueDetail = CatalogueHead.extend({
  items: z.array(
    z.object({
      id: z.uuid(),
      seq: z.number().int(),
      title: z.string(),
      category: z.enum(decisionCategories),
      categoryLabel: z.string(),
      hostOrgId: z.uuid(),
      hostOrgName: z.string(),
      plannedTime: z.string(),
      exemptions: z.record(z.string(), z.string()),
      removed: z.boolean(),
      caseId: z.uuid().nullable().describe('已启动的决策案件'),
      version: z.number().int(),
    }),
  ),
  adjustments: z.array(
    z.object({ id: z.uuid(), seq: z.number().int(), kind: z.string(), kindLabel: z.string(), itemTitle: z.string(), reason: z.string(), adjustedOn: z.string(), before: z.unknown(), after: z.unknown() }),
  ),
});
export type CatalogueDetail = z.infer<typeof CatalogueDetail>;

// 决策

export const RegisterDecisionBody = z.object({
  catalogueItemId: z.uuid().describe('决策事项目录中的事项；承办单位为其承办单位'),
  summary: text(5000).min(1).describe('决策草案及说明（摘要）'),
});
export type RegisterDecisionBody = z.infer<typeof RegisterDecisionBody>;

export const decisionSorts = ['openedAt', 'decidedOn', 'publishedOn', 'dueOn', 'title', 'orgName'] as const;

export const DecisionFilter = z.object({
  state: z.enum(decisionStates).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('决策事项目录的年度'),
  decidedYear: z.coerce.number().int().min(2000).max(2100).optional().describe('作出决定的年度'),
  orgId: z.uuid().optional().describe('承办单位'),
  deciderOrgId: z.uuid().optional().describe('决策机关'),
  category: z.enum(decisionCategories).optional(),
  openGate: z.enum(gates).optional().describe('该程序尚未完成'),
  exempted: z.stringbool().optional().describe('true：有依法免予履行的程序'),
  q: text(50).optional(),
  sort: z.enum(decisionSorts).default('openedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type DecisionFilter = z.infer<typeof DecisionFilter>;
export const DecisionListQuery = DecisionFilter.extend(Paging.shape);

const GateView = z.object({
  gate: z.enum(gates),
  label: z.string(),
  status: z.enum(gateStatuses),
  statusLabel: z.string(),
  on: z.string().nullable(),
  ground: z.string().nullable().describe('免予履行的法律依据'),
});

export const DecisionItem = z.object({
  id: z.uuid(),
  title: z.string(),
  state: z.enum(decisionStates),
  stateLabel: z.string(),
  terminal: z.boolean(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  dueMark: z.enum(['overdue', 'dueSoon']).nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  deciderOrgId: z.uuid(),
  deciderOrgName: z.string(),
  catalogueId: z.uuid(),
  catalogueYear: z.number().int(),
  catalogueItemId: z.uuid(),
  category: z.enum(decisionCategories),
  categoryLabel: z.string(),
  gates: z.array(GateView),
  openGates: z.array(z.string()).describe('尚未完成的程序（中文）'),
  riskLevel: z.enum(riskLevels).nullable(),
  legalityConclusion: z.string().nullable(),
  meetingKind: z.string().nullable(),
  decidedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  openedAt: z.date(),
});
export type DecisionItem = z.infer<typeof DecisionItem>;

export const DecisionDetail = DecisionItem.extend({
  summary: z.string(),
  commentDays: z.number().int().nullable(),
  shortenedReason: z.string().nullable(),
  riskMeasures: z.string().nullable(),
  partyConsultedOn: z.string().nullable(),
  partyConsultationNote: z.string().nullable(),
  meetingOutcome: z.string().nullable(),
  meeting: z.object({ id: z.uuid(), kind: z.string(), year: z.number().int(), seq: z.number().int(), heldOn: z.string(), name: z.string() }).nullable(),
  decisionText: z.string().nullable(),
  adoptionStatement: z.string().nullable(),
  detailVersion: z.number().int().describe('模块记录的版本号（编辑采纳情况说明时提交）'),
  consultations: z.array(
    z.object({
      id: z.uuid(),
      opensOn: z.string(),
      closesOn: z.string(),
      shortenedReason: z.string().nullable(),
      closed: z.boolean(),
      open: z.boolean(),
      counts: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
    }),
  ),
  comments: z.array(z.object({ id: z.uuid(), authorName: z.string(), content: z.string(), adoption: z.string().nullable(), adoptionNote: z.string().nullable() })),
  experts: z.array(z.object({ id: z.uuid(), seq: z.number().int(), name: z.string(), title: z.string(), affiliation: z.string(), opinion: z.string(), adopted: z.boolean(), adoptionNote: z.string().nullable() })),
  hearings: z.array(z.object({ id: z.uuid(), seq: z.number().int(), heldOn: z.string(), place: z.string(), participants: z.string(), record: z.string() })),
  settings: DecisionSettings,
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

export const StatementBody = z.object({ version, text: text(50000).min(1, '采纳情况说明不能为空') });
export type StatementBody = z.infer<typeof StatementBody>;
export const StatementDraft = z.object({ text: z.string() });

export const SettingsView = DecisionSettings.extend({ regionCode: z.string(), version: z.number().int(), saved: z.boolean() });
export const SettingsBody = DecisionSettings.extend({ version });

// Portal

export const PublicQuery = z.object({ regionCode: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().min(2000).max(2100).optional() });
export const PublicDecisionsQuery = PublicQuery.extend(Paging.shape);

export const PublicDecisionItem = z.object({
  id: z.uuid(),
  title: z.string(),
  orgName: z.string(),
  deciderOrgName: z.string(),
  categoryLabel: z.string(),
  decidedOn: z.string().nullable(),
  publishedOn: z.string(),
  documentNo: z.string().nullable(),
  stateLabel: z.string(),
});
export const PublicDecisionDetail = PublicDecisionItem.extend({
  summary: z.string(),
  decisionText: z.string().nullable(),
  adoptionStatement: z.string().nullable(),
  shortenedReason: z.string().nullable(),
  meetingName: z.string().nullable(),
  gates: z.array(GateView),
});

defineFieldLabels({
  catalogueItemId: '目录事项',
  summary: '决策草案说明',
  hostOrgId: '承办单位',
  plannedTime: '计划完成时间',
  exemptions: '不需履行的程序',
  partyConsentOn: '党委同意日期',
  partyConsentRef: '党委同意记录',
  reason: '理由',
  commentDays: '征求意见期限',
  legalityReviewDays: '合法性审查时间',
  partyConsultationRequired: '须向党委请示报告',
});
