import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types.ts';

/**
 * A server-paged list: loads whenever the query changes, and again on load(). A failed load shows an
 * empty page (the API client has already told the user why). fetchPage must be stable (an api function).
 */
export function usePagedList<T, Q>(fetchPage: (query: Q) => Promise<Page<T>>, query: Q) {
  const [data, setData] = useState<{ items: T[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const page = await fetchPage(query);
      setData({ items: page.items, total: page.total });
    } catch {
      setData({ items: [], total: 0 });
    } finally {
      setLoading(false);
    }
  }, [fetchPage, query]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, loading, load };
}
