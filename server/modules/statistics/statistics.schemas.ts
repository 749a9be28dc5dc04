import { z } from 'zod';
import { dataScopes } from '../../../contracts/labels.ts';
import { isLocalDate } from '../../kernel/calendar/local-date.ts';
import { defineFieldLabels, pageOf, Paging } from '../../kernel/http/schemas.ts';

const LocalDateField = z
  .string()
  .trim()
  .refine((v) => isLocalDate(v), '应为有效日期，格式 YYYY-MM-DD，例如 2024-12-31');

/** Where and when: region (the caller's own by default), organisation subtree, period (this year by default). */
export const ScopeQuery = z.object({
  regionCode: z.string().trim().regex(/^\d{6}$/, '应为6位行政区划代码').optional().describe('默认为本人所在行政区'),
  orgId: z.uuid().optional().describe('统计该机构及其下级机构；不填为全行政区（或本人统计范围的根机构）'),
  from: LocalDateField.optional().describe('期间首日（含），北京时间；默认本年 1 月 1 日'),
  to: LocalDateField.optional().describe('期间末日（含）；默认本年 12 月 31 日'),
});
export type ScopeQuery = z.infer<typeof ScopeQuery>;

export const RecordsFilter = ScopeQuery.extend({
  code: z.string().trim().min(1).max(80).describe('指标代码，如 cases.received'),
  cell: z.string().max(2000).optional().describe('分项：维度取值的 JSON，如 {"caseType":"reconsideration"}；不填为全部'),
});
export type RecordsFilter = z.infer<typeof RecordsFilter>;

export const RecordsQuery = RecordsFilter.extend(Paging.shape);

const Labels = z.record(z.string(), z.string());

export const ScopeView = z.object({
  regionCode: z.string(),
  regionName: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  orgOnly: z.boolean().describe('仅该机构本身，不含下级'),
  from: z.string(),
  to: z.string(),
  asOf: z.string().describe('统计截止日：存量指标（未办结、逾期）按此日终了时统计'),
  clamped: z.boolean().describe('未指定机构而本人统计范围小于全行政区时，已按本人范围统计'),
  notice: z.string().nullable(),
});
export type ScopeView = z.infer<typeof ScopeView>;

const RatioPartView = z.object({ code: z.string(), name: z.string(), cell: Labels, cellLabels: Labels });

export const FigureInfo = z.object({
  code: z.string(),
  kind: z.enum(['indicator', 'ratio']),
  name: z.string(),
  unit: z.string(),
  basis: z.string(),
  description: z.string(),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), values: Labels })),
  recordDate: z.string().nullable().describe('明细中日期列的含义'),
  numerator: RatioPartView.nullable(),
  denominator: RatioPartView.nullable(),
});
export type FigureInfo = z.infer<typeof FigureInfo>;

const CellValue = z.object({
  cell: Labels,
  labels: Labels,
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});

export const FigureValue = FigureInfo.extend({
  value: z.number().nullable().describe('比率为百分数（两位小数），分母为 0 时为 null'),
  numerator: RatioPartView.extend({ value: z.number() }).nullable(),
  denominator: RatioPartView.extend({ value: z.number() }).nullable(),
  cells: z.array(CellValue),
});
export type FigureValue = z.infer<typeof FigureValue>;

export const ValuesAnswer = z.object({ scope: ScopeView, figures: z.array(FigureValue) });

export const RecordView = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  orgName: z.string().nullable(),
  date: z.string().nullable(),
  label: z.string().nullable(),
  link: z.string().nullable(),
});

export const RecordsAnswer = pageOf(RecordView).extend({
  scope: ScopeView,
  figure: z.object({ code: z.string(), name: z.string(), unit: z.string(), recordDate: z.string() }),
  cell: Labels,
  cellLabels: Labels,
});

export const OrgsQuery = ScopeQuery.pick({ regionCode: true });

export const OrgsAnswer = z.object({
  regionCode: z.string(),
  scope: z.enum(dataScopes),
  regionWide: z.boolean().describe('可以统计全行政区（不选机构）'),
  defaultOrgId: z.uuid().nullable(),
  orgs: z.array(z.object({ id: z.uuid(), parentId: z.uuid().nullable(), name: z.string(), path: z.string(), status: z.string(), sortOrder: z.number().int() })),
});

defineFieldLabels({ cell: '分项' });
