import { z } from 'zod';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

defineFieldLabels({ q: '检索词', type: '类别', orgId: '发布机关', year: '年度', status: '状态' });

/** Longer than any title one would type; a pasted paragraph is refused rather than cut. */
export const QUERY_MAX = 100;

export const SearchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(QUERY_MAX, `不能超过 ${QUERY_MAX} 个字`),
  type: z.string().max(40).optional().describe('记录类别，如 normative_document'),
  orgId: z.uuid().optional().describe('发布（制定）机关'),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  status: z.string().max(20).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const PublicSearchQuery = SearchQuery.extend({ regionCode: z.string().regex(/^\d{6}$/) });
export type PublicSearchQuery = z.infer<typeof PublicSearchQuery>;

const Part = z.object({ text: z.string(), hit: z.boolean() });

export const SearchHit = z.object({
  entityType: z.string(),
  typeLabel: z.string(),
  entityId: z.uuid(),
  title: z.string(),
  /** The title with the query's words marked. */
  titleParts: z.array(Part),
  /** Text around the first match, with the query's words marked. */
  snippet: z.array(Part),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  year: z.number().int().nullable(),
  status: z.string().nullable(),
  statusLabel: z.string().nullable(),
  public: z.boolean(),
  /** The console's page of the record, or the portal's (null where the portal has none). */
  link: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({
  items: z.array(SearchHit),
  total: z.number().int(),
  /** False when many entries match: total is then the planner's estimate (kernel/search). */
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The query's words as searched (after segmentation). */
  words: z.array(z.string()),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

export const SearchType = z.object({
  entityType: z.string(),
  label: z.string(),
  statuses: z.array(z.object({ value: z.string(), label: z.string() })),
});

export const TypesQuery = z.object({ regionCode: z.string().regex(/^\d{6}$/).optional() });
