import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { legislationFigures } from './legislation.indicators.ts';
import { ANSWER, HANDLE, READ } from './legislation.permissions.ts';
import { legislationRoutes } from './legislation.routes.ts';
// Registers the workflows (defineWorkflow) and the searchable, so that transition(), the 待办 list and search know them.
import './legislation.workflow.ts';
import './legislation.search.ts';

/** The 司法局 handles the county's consultations; each department or township answers what it is asked. */
export const legislationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [HANDLE]: 'region' },
  leader: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [ANSWER]: 'own_org' },
  township_staff: { [READ]: 'own_org', [ANSWER]: 'own_org' },
};

/** 立法建议: consultations from higher legislatures, the departments' opinions and the county's reply. */
export const legislationModule = defineModule({
  name: 'legislation',
  permissions: [
    { code: READ, name: '查看立法建议（征求意见）' },
    { code: HANDLE, name: '办理立法建议（收文、征求部门意见、汇总、报送反馈意见）' },
    { code: ANSWER, name: '反馈立法征求意见（本单位）' },
  ],
  routes: legislationRoutes,
  indicators: legislationFigures,
});
