import type { TableColumnType, TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Page } from '../api/types.ts';
import { beijingToday } from '../pages/cases/deadline.tsx';
import { usePagedList } from './use-paged-list.ts';

/** What every server-paged list's query has beside its own filters. */
export interface ListQuery<S extends string = string> {
  page: number;
  pageSize: number;
  sort?: S;
  order?: 'asc' | 'desc';
  q?: string;
  year?: number;
}

/** How a list's filters are written in the address: which keys hold text, which yes/no, which sorts exist. */
export interface AddressSpec<S extends string> {
  text: readonly string[];
  flags?: readonly string[];
  sorts: readonly S[];
  /** The earliest year the year filter offers (and accepts from a hand-edited address). */
  firstYear: number;
}

const DEFAULT_PAGE_SIZE = 20;

/** The filters live in the address: back from a record returns to the same list, and a filtered list can be shared. */
export function queryFromAddress<Q extends ListQuery<S>, S extends string>(params: URLSearchParams, spec: AddressSpec<S>): Q {
  const positive = (value: string | null, fallback: number) => (value && Number(value) > 0 ? Math.floor(Number(value)) : fallback);
  const query: Record<string, unknown> = { page: positive(params.get('page'), 1), pageSize: Math.min(positive(params.get('pageSize'), DEFAULT_PAGE_SIZE), 100) };
  // An unknown value in a hand-edited address is the server's to refuse, with its message.
  for (const key of [...spec.text, 'q']) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  for (const key of spec.flags ?? []) {
    const value = params.get(key);
    if (value === 'true' || value === 'false') query[key] = value === 'true';
  }
  const sort = params.get('sort');
  if (sort && (spec.sorts as readonly string[]).includes(sort)) query.sort = sort;
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const year = Number(params.get('year'));
  if (year >= spec.firstYear) query.year = year;
  return query as Q;
}

export function addressFromQuery(query: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === DEFAULT_PAGE_SIZE)) continue;
    out[key] = String(value);
  }
  return out;
}

/**
 * A list filtered, sorted and paged by the server, with its state in the address: the page gets its
 * query, data, a filter setter that returns to page 1, sortable column props, the table's paging and
 * sorting handler, the search box's text, the year options and the Excel export with the same filters.
 * Without a sort in the address the server's default applies (`defaultSort`, newest first).
 */
export function useServerList<T, S extends string, Q extends ListQuery<S>>(options: {
  spec: AddressSpec<S>;
  defaultSort: S;
  fetchPage: (query: Q) => Promise<Page<T>>;
  exportXlsx: (filter: Omit<Q, 'page' | 'pageSize'>) => Promise<void>;
}) {
  const { spec, defaultSort, fetchPage } = options;
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromAddress<Q, S>(params, spec), [params, spec]);
  const { data, loading, load } = usePagedList(fetchPage, query);
  const [searchText, setSearchText] = useState(query.q ?? '');
  useEffect(() => setSearchText(query.q ?? ''), [query.q]);
  const [exporting, setExporting] = useState(false);

  const { page: _page, pageSize: _pageSize, sort, order, ...filters } = query;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const setFilter = (changes: Partial<Omit<Q, 'page' | 'pageSize' | 'sort' | 'order'>>) => setParams(addressFromQuery({ ...query, ...changes, page: 1 }));

  const yearOptions = useMemo(() => {
    const thisYear = Number(beijingToday().slice(0, 4));
    return Array.from({ length: Math.max(1, thisYear - spec.firstYear + 1) }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }));
  }, [spec.firstYear]);

  const sortable = <R,>(field: S, first: 'ascend' | 'descend' = 'descend'): TableColumnType<R> => {
    const current = sort ?? defaultSort;
    const direction = (sort ? order : undefined) ?? 'desc';
    return {
      key: field,
      sorter: true,
      sortDirections: first === 'ascend' ? ['ascend', 'descend'] : ['descend', 'ascend'],
      sortOrder: current === field ? (direction === 'asc' ? 'ascend' : 'descend') : null,
    };
  };

  const onTableChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const sorted = one?.order ? { sort: String(one.columnKey), order: one.order === 'descend' ? 'desc' : 'asc' } : { sort: undefined, order: undefined };
      setParams(addressFromQuery({ ...query, ...sorted, page: 1 }));
      return;
    }
    const pageSize = pagination.pageSize ?? DEFAULT_PAGE_SIZE;
    setParams(addressFromQuery({ ...query, page: pageSize === query.pageSize ? (pagination.current ?? 1) : 1, pageSize }));
  };

  const pagination = { current: query.page, pageSize: query.pageSize, total: data.total, showSizeChanger: true, showTotal: (total: number) => `共 ${total} 件` };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await options.exportXlsx({ ...filters, sort, order } as Omit<Q, 'page' | 'pageSize'>);
    } catch {
      // The client has shown the server's message.
    } finally {
      setExporting(false);
    }
  };

  return { query, data, loading, reload: load, filtered, setFilter, searchText, setSearchText, yearOptions, sortable, onTableChange, pagination, exporting, exportXlsx };
}
