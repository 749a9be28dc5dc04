import type { Part } from '../../../shared/highlighted.tsx';
import { api } from '../../api/client.ts';

/** Shapes of /api/search answers (server/modules/search/search.schemas.ts is the source of truth). */

export interface SearchHit {
  entityType: string;
  typeLabel: string;
  entityId: string;
  title: string;
  titleParts: Part[];
  snippet: Part[];
  orgId: string | null;
  orgName: string | null;
  year: number | null;
  status: string | null;
  statusLabel: string | null;
  public: boolean;
  link: string | null;
}

export interface SearchAnswer {
  items: SearchHit[];
  total: number;
  /** False when many entries match: total is then an estimate. */
  totalExact: boolean;
  page: number;
  pageSize: number;
  words: string[];
}

export interface SearchKind {
  entityType: string;
  label: string;
  statuses: { value: string; label: string }[];
}

export type SearchQuery = { q: string; type?: string; orgId?: string; year?: number; status?: string; page: number; pageSize: number };

export const searchApi = {
  search: (query: SearchQuery) => api.get<SearchAnswer>('search', query),
  kinds: () => api.get<SearchKind[]>('search/types'),
};
