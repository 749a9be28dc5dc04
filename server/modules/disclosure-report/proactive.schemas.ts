import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { interpretationForms, proactiveCategories, proactiveKinds } from '../../../contracts/disclosure.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** One 主动公开 item or 政策解读 as a user enters it; the import reads the same fields from a sheet row. */
const proactiveFields = z.object({
    orgId: z.uuid().describe('公开机关（本人办理范围内）'),
    publishedOn: day,
    title: text(300).min(1),
    category: z.enum(proactiveCategories),
    kind: z.enum(proactiveKinds),
    form: z.enum(interpretationForms).nullable().optional().describe('政策解读的形式（文字、图表、视频）'),
    channel: optionalText(40).describe('公开渠道，如政府门户网站'),
    url: optionalText(500),
});
const formGiven = { path: ['form'], message: '政策解读须选择解读形式' };
export const ProactiveBody = proactiveFields.refine((b) => b.kind !== 'interpretation' || !!b.form, formGiven);
export type ProactiveBody = z.infer<typeof ProactiveBody>;

export const UpdateProactiveBody = proactiveFields.extend({ version: z.number().int().min(1) }).refine((b) => b.kind !== 'interpretation' || !!b.form, formGiven);
export type UpdateProactiveBody = z.infer<typeof UpdateProactiveBody>;

export const proactiveSorts = ['publishedOn', 'title', 'orgName', 'category'] as const;
export const ProactiveFilter = z.object({
  orgId: z.uuid().optional(),
  category: z.enum(proactiveCategories).optional(),
  kind: z.enum(proactiveKinds).optional(),
  form: z.enum(interpretationForms).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: day.optional().describe('公开日期起'),
  to: day.optional().describe('公开日期止'),
  importId: z.uuid().optional(),
  q: text(50).min(1).optional().describe('按标题查找'),
  sort: z.enum(proactiveSorts).default('publishedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ProactiveFilter = z.infer<typeof ProactiveFilter>;
export const ProactiveListQuery = ProactiveFilter.extend(Paging.shape);

export const ProactiveItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  publishedOn: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  form: z.string().nullable(),
  formLabel: z.string().nullable(),
  channel: z.string().nullable(),
  url: z.string().nullable(),
  importId: z.uuid().nullable(),
});
export type ProactiveItem = z.infer<typeof ProactiveItem>;

export const ProactiveDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ProactiveImportQuery = z.object({ dryRun: z.stringbool().default(false) });
export const ProactiveImportResult = z.object({ importId: z.uuid().nullable(), imported: z.number().int(), dryRun: z.boolean() });
export const ProactiveImportBatch = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  firstDay: z.string(),
  lastDay: z.string(),
});
export const ImportParams = z.object({ importId: z.uuid() });
export const UndoResult = z.object({ importId: z.uuid(), deleted: z.number().int() });
export const XlsxBody = z.instanceof(Buffer).describe('Excel (.xlsx) 文件内容');

/** 主动公开 figures of a year: by topic and, for 政策解读, by form. */
export const ProactiveFiguresQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), orgId: z.uuid().optional() });

defineFieldLabels(
  {
    orgId: '公开机关',
    publishedOn: '公开日期',
    title: '标题',
    category: '类别',
    kind: '信息类型',
    form: '解读形式',
    channel: '公开渠道',
    url: '网址',
    from: '公开日期起',
    to: '公开日期止',
  },
  '/api/proactive-disclosures',
);
