import { litigationSorts, type LitigationQuery, type LitigationSort } from '../../api/litigation.ts';

/* The list's filters, sort and page as the address's query string, and back. */

/** The server's earliest year (CaseFilter.year); the list offers the years since lawsuits were kept here. */
export const FIRST_YEAR = 2020;

const textKeys = ['state', 'outcome', 'instance', 'defendantOrgId', 'q', 'order'] as const;
export const flagKeys = ['lost', 'warning', 'afterReconsideration'] as const;
export type FlagKey = (typeof flagKeys)[number];

/** The filters live in the address: back from a case returns to the same list, and a filtered list can be shared. */
export function queryFrom(params: URLSearchParams): LitigationQuery {
  const positive = (value: string | null, fallback: number) => (value && Number(value) > 0 ? Math.floor(Number(value)) : fallback);
  const query: LitigationQuery = { page: positive(params.get('page'), 1), pageSize: Math.min(positive(params.get('pageSize'), 20), 100) };
  for (const key of textKeys) {
    const value = params.get(key);
    if (value) (query as Record<string, unknown>)[key] = value;
  }
  for (const key of flagKeys) {
    const value = params.get(key);
    if (value === 'true' || value === 'false') query[key] = value === 'true';
  }
  const sort = params.get('sort');
  if (sort && (litigationSorts as readonly string[]).includes(sort)) query.sort = sort as LitigationSort;
  const year = Number(params.get('year'));
  if (year >= FIRST_YEAR) query.year = year;
  return query;
}

export function paramsFrom(query: LitigationQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20)) continue;
    out[key] = String(value);
  }
  return out;
}
