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
 * their Chinese labels by field name; a path's last segment is looked up.
 */
const labels = new Map<string, string>();

export function defineFieldLabels(entries: Record<string, string>): void {
  for (const [field, label] of Object.entries(entries)) labels.set(field, label);
}

export function fieldLabel(path: string): string | undefined {
  const last = path.split('.').filter((s) => !/^\d+$/.test(s)).pop();
  return last ? labels.get(last) : undefined;
}

defineFieldLabels({
  id: '编号',
  page: '页码',
  pageSize: '每页条数',
  version: '版本号',
});
