import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { LEGALITY_REVIEW } from '../legality/legality.ts';
import { decisionFigures } from './decisions.indicators.ts';
import { CATALOGUE, DECIDE, HANDLE, READ, SETTINGS, SUSPEND } from './decisions.permissions.ts';
import { decisionsRoutes } from './decisions.routes.ts';
// Registers the workflow and the searchable, so that transition(), the 待办 list and search know them.
import './decisions.workflow.ts';
import './decisions.search.ts';

/**
 * Departments run the procedures of the decisions they host; the 司法局 keeps the catalogue for the
 * government and its 法制审核 staff review legality; the county's leaders decide, suspend and publish.
 */
export const decisionsRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [HANDLE]: 'region', [CATALOGUE]: 'region', [DECIDE]: 'region', [SETTINGS]: 'region' },
  legal_reviewer: { [READ]: 'region', [LEGALITY_REVIEW]: 'region' },
  leader: { [READ]: 'region', [SUSPEND]: 'region', [DECIDE]: 'region' },
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [CATALOGUE]: 'own_org', [DECIDE]: 'own_org' },
  township_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [CATALOGUE]: 'own_org', [DECIDE]: 'own_org' },
};

/** 重大行政决策: the yearly catalogue, the five procedures, publication, implementation and the archive. */
export const decisionsModule = defineModule({
  name: 'decisions',
  permissions: [
    { code: READ, name: '查看重大行政决策' },
    { code: HANDLE, name: '办理重大行政决策（公众参与、专家论证、风险评估、送审、执行报告）' },
    { code: CATALOGUE, name: '编制、审定、公布和调整决策事项目录' },
    { code: DECIDE, name: '登记集体讨论决定、公布、变更和终结决策' },
    { code: SUSPEND, name: '中止和恢复执行重大行政决策（行政首长）' },
    { code: SETTINGS, name: '设置重大行政决策程序规则' },
  ],
  routes: decisionsRoutes,
  indicators: decisionFigures,
});
