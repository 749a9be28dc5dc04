import { api, download, type Query } from './client.ts';
import type { DataScope, Page } from './types.ts';

/** Shapes of /api/statistics answers (server/modules/statistics/statistics.schemas.ts is the source of truth). */

export type Cell = Record<string, string>;

export interface StatisticsScopeQuery {
  regionCode?: string;
  orgId?: string;
  from?: string;
  to?: string;
}

export interface ScopeView {
  regionCode: string;
  regionName: string | null;
  orgId: string | null;
  orgName: string | null;
  orgOnly: boolean;
  from: string;
  to: string;
  /** The day stocks (pending, overdue) are taken on. */
  asOf: string;
  clamped: boolean;
  notice: string | null;
}

export interface RatioPart {
  code: string;
  name: string;
  cell: Cell;
  cellLabels: Cell;
  value: number;
}

export interface FigureValue {
  code: string;
  kind: 'indicator' | 'ratio';
  name: string;
  unit: string;
  basis: string;
  description: string;
  dimensions: { key: string; label: string; values: Record<string, string> }[];
  recordDate: string | null;
  /** A ratio in percent; null when its denominator is 0. */
  value: number | null;
  numerator: RatioPart | null;
  denominator: RatioPart | null;
  cells: { cell: Cell; labels: Cell; value: number | null; numerator?: number; denominator?: number }[];
}

export interface FigureRecord {
  id: string;
  title: string;
  category: string | null;
  orgName: string | null;
  date: string | null;
  label: string | null;
  link: string | null;
}

export interface RecordsPage extends Page<FigureRecord> {
  scope: ScopeView;
  figure: { code: string; name: string; unit: string; recordDate: string };
  cell: Cell;
  cellLabels: Cell;
}

export interface StatisticsOrgs {
  regionCode: string;
  scope: DataScope;
  /** The reader may count the whole region (no organisation chosen). */
  regionWide: boolean;
  defaultOrgId: string | null;
  orgs: { id: string; parentId: string | null; name: string; path: string; status: string; sortOrder: number }[];
}

/** What a drill-down asks for: an indicator, optionally one of its cells. */
export interface RecordsTarget {
  code: string;
  cell?: Cell;
}

const recordsQuery = (scope: StatisticsScopeQuery, target: RecordsTarget): Query => ({
  ...scope,
  code: target.code,
  cell: target.cell && Object.keys(target.cell).length ? JSON.stringify(target.cell) : undefined,
});

export const statisticsApi = {
  orgs: () => api.get<StatisticsOrgs>('statistics/orgs'),
  values: (scope: StatisticsScopeQuery) => api.get<{ scope: ScopeView; figures: FigureValue[] }>('statistics/values', { ...scope }),
  records: (scope: StatisticsScopeQuery, target: RecordsTarget, page: number, pageSize: number) =>
    api.get<RecordsPage>('statistics/records', { ...recordsQuery(scope, target), page, pageSize }),
  exportValues: (scope: StatisticsScopeQuery) => download('statistics/export.xlsx', { ...scope }, '统计指标.xlsx'),
  exportRecords: (scope: StatisticsScopeQuery, target: RecordsTarget) => download('statistics/records/export.xlsx', recordsQuery(scope, target), '指标明细.xlsx'),
};
