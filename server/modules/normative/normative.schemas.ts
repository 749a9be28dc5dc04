import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { campaignStates, cleanupDecisions, legalStatuses, procedureStates } from '../../../contracts/normative.ts';
import { NormativeSettings } from './normative.settings.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const topics = z
  .array(text(20).min(1))
  .max(20)
  .transform((list) => [...new Set(list)]);

const Affects = z
  .array(z.object({ documentId: z.uuid(), effect: z.enum(['amended', 'repealed']) }))
  .max(50)
  .refine((list) => new Set(list.map((a) => a.documentId)).size === list.length, '同一文件只能列一次');

/** A new draft: the drafting unit is the actor's organisation unless another in scope is named. */
export const CreateDocumentBody = z.object({
  title: text(200).min(1),
  issuerOrgId: z.uuid().describe('制定机关：县人民政府、县政府办公室或县直部门'),
  draftingOrgId: z.uuid().optional().describe('起草单位，不填为本人所在机构'),
  draftingExplanation: text(20000).default(''),
  basis: text(10000).default(''),
  body: text(200000).default(''),
  topics: topics.default([]),
  affects: Affects.default([]).describe('本文件公布施行后修改或废止的已登记文件'),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

export const UpdateDocumentBody = z.object({
  version: z.number().int().min(1),
  title: text(200).min(1).optional(),
  issuerOrgId: z.uuid().optional(),
  draftingExplanation: text(20000).optional(),
  basis: text(10000).optional(),
  body: text(200000).optional(),
  topics: topics.optional(),
  affects: Affects.optional(),
});
export type UpdateDocumentBody = z.infer<typeof UpdateDocumentBody>;

export const documentSorts = ['publishedOn', 'docNo', 'title', 'validUntil', 'openedAt', 'dueOn'] as const;

export const DocumentFilter = z.object({
  issuerOrgId: z.uuid().optional(),
  status: z.enum(legalStatuses).optional().describe('效力状态（已失效含有效期届满的）'),
  state: z.enum(procedureStates).optional().describe('制定程序所处环节'),
  year: z.coerce.number().int().min(1980).max(2100).optional().describe('公布年度'),
  topic: text(20).min(1).optional(),
  published: z.stringbool().optional(),
  q: text(50).optional().describe('按标题或文号查找'),
  sort: z.enum(documentSorts).default('openedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type DocumentFilter = z.infer<typeof DocumentFilter>;
export const DocumentListQuery = DocumentFilter.extend(Paging.shape);
export const PublicDocumentQuery = DocumentFilter.omit({ state: true, published: true })
  .extend({ sort: z.enum(['publishedOn', 'docNo', 'title', 'validUntil']).default('publishedOn'), regionCode: z.string().regex(/^\d{6}$/).optional() })
  .extend(Paging.shape);

export const DocumentItem = z.object({
  id: z.uuid(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  terminal: z.boolean(),
  caseVersion: z.number().int(),
  version: z.number().int(),
  dueOn: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  issuerOrgId: z.uuid(),
  issuerName: z.string(),
  topics: z.array(z.string()),
  docNo: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  filingDueOn: z.string().nullable(),
  filedWithGovernmentOn: z.string().nullable(),
  filedWithCongressOn: z.string().nullable(),
  filingMark: z.enum(['overdue', 'dueSoon']).nullable().describe('备案期限标记（已公布未备案时）'),
  filingLate: z.boolean().describe('备案晚于期限'),
  status: z.enum(legalStatuses).nullable(),
  statusLabel: z.string().nullable(),
  expiringSoon: z.boolean().describe('现行有效且有效期将在提醒期内届满'),
});
export type DocumentItem = z.infer<typeof DocumentItem>;

export const StatusChangeView = z.object({
  id: z.uuid(),
  status: z.enum(legalStatuses),
  statusLabel: z.string(),
  changedOn: z.string(),
  byDocumentId: z.uuid().nullable(),
  byDocumentTitle: z.string().nullable(),
  byDocumentNo: z.string().nullable(),
  byText: z.string().nullable(),
  reason: z.string().nullable(),
  /** A lapse by the end of the validity is not recorded but computed: shown as a row without id. */
  computed: z.boolean(),
});

const ChangedView = z.object({ documentId: z.uuid(), title: z.string(), docNo: z.string().nullable(), status: z.string(), statusLabel: z.string(), changedOn: z.string() });

export const DocumentDetail = DocumentItem.extend({
  draftingExplanation: z.string(),
  basis: z.string(),
  body: z.string(),
  affects: z.array(z.object({ documentId: z.uuid(), effect: z.enum(['amended', 'repealed']), title: z.string(), docNo: z.string().nullable() })),
  statusHistory: z.array(StatusChangeView),
  changed: z.array(ChangedView).describe('本文件修改或废止的文件'),
  reviews: z.array(z.object({ id: z.uuid(), title: z.string(), stateLabel: z.string(), result: z.string().nullable() })).describe('涉及本文件的行政复议附带审查'),
  consultation: z
    .object({ id: z.uuid(), opensOn: z.string(), closesOn: z.string(), open: z.boolean(), pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() })
    .nullable(),
  editable: z.boolean(),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const PublicDocumentItem = DocumentItem.pick({ id: true, title: true, issuerName: true, topics: true, docNo: true, publishedOn: true, effectiveOn: true, validUntil: true, status: true, statusLabel: true });
export const PublicDocumentDetail = PublicDocumentItem.extend({
  body: z.string(),
  statusHistory: z.array(StatusChangeView),
  changed: z.array(ChangedView),
});

export const SettingsView = NormativeSettings.extend({
  regionCode: z.string(),
  version: z.number().int(),
  saved: z.boolean(),
  numberPrefixes: z.array(z.object({ orgId: z.uuid(), prefix: z.string(), orgName: z.string() })),
});
export const SettingsBody = NormativeSettings.extend({ version: z.number().int().min(1) });

export const StatusChangeBody = z.object({
  status: z.enum(['amended', 'repealed', 'expired']),
  changedOn: day,
  byDocumentId: z.uuid().optional().describe('作出修改、废止决定的已登记文件'),
  byText: text(200).min(1).optional().describe('未登记的依据，如上位法修改、清理决定'),
  reason: text(2000).min(1),
  version: z.number().int().min(1),
});
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;

export const CampaignBody = z.object({
  title: text(200).min(1),
  topics: topics.default([]),
  description: text(5000).default(''),
  startedOn: day,
});
export type CampaignBody = z.infer<typeof CampaignBody>;

export const CampaignItemsBody = z.object({ documentIds: z.array(z.uuid()).min(1).max(500), version: z.number().int().min(1) });
export const CampaignDecisionBody = z.object({ decision: z.enum(cleanupDecisions), reason: text(2000).min(1), version: z.number().int().min(1) });
export const CampaignStepBody = z.object({ version: z.number().int().min(1), on: day.optional().describe('完成或公布日期，不填为今天') });
export const CampaignItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const CampaignItemView = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  title: z.string(),
  docNo: z.string().nullable(),
  issuerName: z.string(),
  publishedOn: z.string().nullable(),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  decision: z.enum(cleanupDecisions).nullable(),
  decisionLabel: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number().int(),
});

export const CampaignView = z.object({
  id: z.uuid(),
  title: z.string(),
  topics: z.array(z.string()),
  description: z.string(),
  state: z.enum(campaignStates),
  stateLabel: z.string(),
  startedOn: z.string(),
  completedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  version: z.number().int(),
  itemCount: z.number().int(),
  decidedCount: z.number().int(),
});
export const CampaignDetail = CampaignView.extend({ items: z.array(CampaignItemView) });

defineFieldLabels({
  issuerOrgId: '制定机关',
  draftingOrgId: '起草单位',
  draftingExplanation: '起草说明',
  basis: '制定依据',
  body: '正文',
  topics: '主题',
  affects: '修改或废止的文件',
  commentDays: '征求意见期限',
  reviewWorkingDays: '合法性审查期限',
  validityYears: '有效期',
  filingDays: '备案期限',
  expiryReminderMonths: '到期提醒',
  numberPrefixes: '文号前缀',
  prefix: '文号前缀',
  changedOn: '变更日期',
  byDocumentId: '作出变更的文件',
  byText: '变更依据',
  documentIds: '文件',
  decision: '清理意见',
  startedOn: '开始日期',
});
