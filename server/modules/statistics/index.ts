import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { defineModule } from '../../kernel/module.ts';
import { caseFigures } from './statistics.indicators.ts';
import { statisticsRoutes } from './statistics.routes.ts';

/** The rows behind the cross-module case figures, for modules that break their own cases down further. */
export { concludedCases, overdueCases, pendingCases } from './case-figures.repository.ts';

/** The county's coordinators and leaders see the whole county; staff their own organisation and below. */
export const statisticsRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { 'statistics.read': 'region' },
  leader: { 'statistics.read': 'region' },
  dept_staff: { 'statistics.read': 'org_subtree' },
  township_staff: { 'statistics.read': 'org_subtree' },
};

/** 统计分析: every registered figure for a scope and period, with its records and Excel exports. */
export const statisticsModule = defineModule({
  name: 'statistics',
  permissions: [{ code: 'statistics.read', name: '查看统计分析（指标及其明细记录）' }],
  indicators: caseFigures,
  routes: statisticsRoutes,
});
