import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { litigationFigures } from './litigation.indicators.ts';
import { litigationRoutes } from './litigation.routes.ts';
import { HANDLE, READ, SETTINGS } from './litigation.permissions.ts';
// Registers the workflow (defineWorkflow), so that transition() and the 待办 list know the case type.
import './litigation.workflow.ts';

/** The sued agency handles its own lawsuits; the 司法局 coordinates and follows every one in the county. */
export const litigationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [HANDLE]: 'region', [SETTINGS]: 'region' },
  leader: { [READ]: 'region' },
  reconsideration_officer: { [READ]: 'region', [HANDLE]: 'region' },
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org' },
  township_staff: { [READ]: 'own_org', [HANDLE]: 'own_org' },
};

/** 行政应诉: lawsuits against the county's agencies, their hearings and who appeared, judgments. */
export const litigationModule = defineModule({
  name: 'litigation',
  permissions: [
    { code: READ, name: '查看行政应诉案件' },
    { code: HANDLE, name: '办理行政应诉案件（登记、答辩、庭审出庭、裁判结果）' },
    { code: SETTINGS, name: '设置负责人出庭应诉率统计口径' },
  ],
  routes: litigationRoutes,
  indicators: litigationFigures,
});
