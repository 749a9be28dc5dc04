import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { reportChecks, reportScopes, reportSections, reportStatuses } from '../../../contracts/disclosure-report.ts';

const year = z.coerce.number().int().min(2008).max(2100);

export const CreateReportBody = z.object({
  orgId: z.uuid().describe('报告机关'),
  year: year.describe('报告年度'),
  scope: z.enum(reportScopes).describe('organisation：部门（单位）报告；government：本级政府汇总报告'),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const OpenYearBody = z.object({ year: year.describe('报告年度') });
export const OpenYearResult = z.object({ opened: z.number().int(), existing: z.number().int() });

export const reportSorts = ['year', 'orgName', 'dueOn', 'status'] as const;
export const ReportFilter = z.object({
  year: year.optional(),
  orgId: z.uuid().optional(),
  scope: z.enum(reportScopes).optional(),
  status: z.enum(reportStatuses).optional(),
  caseId: z.uuid().optional().describe('公布期限待办（案件）对应的报告'),
  mark: z.enum(['overdue', 'dueSoon']).optional().describe('overdue：已逾期未发布；dueSoon：3个工作日内到期'),
  sort: z.enum(reportSorts).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ReportFilter = z.infer<typeof ReportFilter>;
export const ReportListQuery = ReportFilter.extend(Paging.shape);

export const ReportItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  scope: z.string(),
  scopeLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  dueOn: z.string(),
  mark: z.enum(['overdue', 'dueSoon']).nullable(),
  publishedOn: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export type ReportItem = z.infer<typeof ReportItem>;

export const SectionView = z.object({
  section: z.string(),
  label: z.string(),
  version: z.number().int(),
  body: z.string(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export const CheckView = z.object({ code: z.enum(reportChecks), name: z.string(), ok: z.boolean(), message: z.string() });

export const ReportView = ReportItem.extend({
  title: z.string(),
  /** Live while drafting, frozen once published. */
  figures: z.record(z.string(), z.unknown()),
  checks: z.array(CheckView),
  previousPublished: z.boolean(),
  sections: z.array(SectionView),
});
export type ReportView = z.infer<typeof ReportView>;

export const SectionParams = z.object({ id: z.uuid(), section: z.enum(reportSections) });
export const SaveSectionBody = z.object({
  body: z.string().max(20_000),
  /** The version the editor started from (0: none yet): a save over someone else's is refused. */
  baseVersion: z.number().int().min(0),
});
export const RestoreSectionBody = z.object({ version: z.number().int().min(1), baseVersion: z.number().int().min(0) });
export const SectionVersion = z.object({ version: z.number().int(), body: z.string(), savedAt: z.string(), savedBy: z.string().nullable() });

export const PublishBody = z.object({ version: z.number().int().min(1), publishedUrl: z.string().trim().max(500).nullable().optional() });

/** Table 二 figures Fazhi does not record (规章, 行政许可, 收费), entered per organisation and year. */
export const figureItems = ['regulations.issued', 'regulations.repealed', 'regulations.inForce', 'licences.decisions', 'fees.amountTenThousand'] as const;
export const figureItemLabels: Record<(typeof figureItems)[number], string> = {
  'regulations.issued': '规章：本年制发件数',
  'regulations.repealed': '规章：本年废止件数',
  'regulations.inForce': '规章：现行有效件数',
  'licences.decisions': '行政许可：本年处理决定数量',
  'fees.amountTenThousand': '行政事业性收费：本年收费金额（万元）',
};
export const FigureEntryQuery = z.object({ year, orgId: z.uuid().optional() });
export const FigureEntryBody = z
  .object({
    orgId: z.uuid(),
    year,
    item: z.enum(figureItems),
    value: z.number().min(0).max(1e9),
    note: z.string().trim().max(500).nullable().optional().describe('数据来源及说明'),
    /** The entry's version when changing one; absent when entering it first. */
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => b.item === 'fees.amountTenThousand' || Number.isInteger(b.value), { path: ['value'], message: '件数应为整数' });
export type FigureEntryBody = z.infer<typeof FigureEntryBody>;
export const FigureEntry = z.object({
  id: z.uuid(),
  version: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  item: z.string(),
  itemLabel: z.string(),
  value: z.number(),
  note: z.string().nullable(),
});

/** The portal: published reports by year and organisation. */
export const PublicReportQuery = z.object({ regionCode: z.string().regex(/^\d{6}$/).default('430621'), year: year.optional(), orgId: z.uuid().optional() }).extend(Paging.shape);
export const PublicReportItem = z.object({ id: z.uuid(), orgId: z.uuid(), orgName: z.string(), year: z.number().int(), scope: z.string(), scopeLabel: z.string(), publishedOn: z.string() });

defineFieldLabels(
  {
    orgId: '报告机关',
    year: '报告年度',
    scope: '报告范围',
    status: '状态',
    body: '正文',
    baseVersion: '基础版本',
    item: '填报项目',
    value: '数值',
    note: '说明',
    publishedUrl: '发布网址',
  },
  '/api/disclosure-reports',
);
