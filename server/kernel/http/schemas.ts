import { z } from 'zod';

/** The error body every failing request receives. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

export const IdParams = z.object({ id: z.uuid() });

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Optimistic locking: every update names the version it was based on. */
export const VersionBody = z.object({ version: z.number().int().min(1) });

/**
 * Field labels for validation messages: "机构名称：…" reads better than "name: …". Modules register
 * their Chinese labels by field name; a path's last segment is looked up. A name that means different
 * things in different modules (a user's title is 职务, a document's 标题) is registered under the
 * routes' URL prefix, which wins over the label for every route.
 */
const labels = new Map<string, string>();
const scoped: { under: string; labels: Map<string, string> }[] = [];

export function defineFieldLabels(entries: Record<string, string>, under?: string): void {
  let target = labels;
  if (under) {
    let known = scoped.find((s) => s.under === under);
    if (!known) {
      known = { under, labels: new Map() };
      scoped.push(known);
      // The longest prefix is looked up first.
      scoped.sort((a, b) => b.under.length - a.under.length);
    }
    target = known.labels;
  }
  for (const [field, label] of Object.entries(entries)) target.set(field, label);
}

export function fieldLabel(path: string, url = ''): string | undefined {
  const last = path.split('.').filter((s) => !/^\d+$/.test(s)).pop();
  if (!last) return undefined;
  const route = scoped.find((s) => (url === s.under || url.startsWith(`${s.under}/`) || url.startsWith(`${s.under}?`)) && s.labels.has(last));
  return route?.labels.get(last) ?? labels.get(last);
}

defineFieldLabels({
  id: '编号',
  title: '标题',
  page: '页码',
  pageSize: '每页条数',
  version: '版本号',
});

/** An application's portal tracking code (any case) and its verification: the last six of the ID number or credit code. */
const TrackingCode = z.string().trim().min(1).max(24).transform((v) => v.toUpperCase());
const IdVerification = z
  .string()
  .trim()
  .min(1)
  .max(6)
  .transform((v) => v.toUpperCase())
  .describe('身份证号码或统一社会信用代码的后六位');

export const IdTrackQuery = z.object({ code: TrackingCode, verify: IdVerification });
export type IdTrackQuery = z.infer<typeof IdTrackQuery>;

/** 补正 submitted on the portal by the holder of the tracking code. */
export const PortalCorrectionBody = z.object({
  code: TrackingCode,
  verify: IdVerification,
  content: z.string().trim().min(1).max(5000).describe('补正内容'),
  version: z.number().int().min(1).describe('查询结果中的 version'),
});
export type PortalCorrectionBody = z.infer<typeof PortalCorrectionBody>;
