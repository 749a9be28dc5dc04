import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { enforcementCaseFigures } from './enforcement-cases.indicators.ts';
import { APPROVE, HANDLE, PUBLICITY_HANDLE, READ } from './enforcement-cases.permissions.ts';
import { enforcementCasesRoutes } from './enforcement-cases.routes.ts';
// Registers both workflows and the act-correction handler of 行政处罚 decisions.
import './enforcement-cases.workflow.ts';
import './publicity.workflow.ts';

/**
 * Departments and townships handle their own cases (own_org); the department head (部门负责人) decides,
 * extends the 90-day period and drops a case. 法制审核 is given with the shared legality.review
 * permission (legal_reviewer, region-wide: the 司法局's reviewers, or a department's own 法制机构 staff
 * holding that role); the first review needs 法律职业资格 on the reviewer's officer record. The 司法局
 * and the county leaders read every case.
 */
export const enforcementCasesRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [PUBLICITY_HANDLE]: 'own_org' },
  township_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [PUBLICITY_HANDLE]: 'own_org' },
  dept_head: { [READ]: 'own_org', [HANDLE]: 'own_org', [APPROVE]: 'own_org', [PUBLICITY_HANDLE]: 'own_org' },
  legal_reviewer: { [READ]: 'region' },
  // The 复议机构 reads the case file of a challenged decision.
  reconsideration_officer: { [READ]: 'region' },
  coordinator: { [READ]: 'region', [PUBLICITY_HANDLE]: 'region' },
  leader: { [READ]: 'region' },
};

/** 行政处罚 cases (立案 to 归档), 执法决定公示 and 行政强制措施. */
export const enforcementCasesModule = defineModule({
  name: 'enforcement-cases',
  permissions: [
    { code: READ, name: '查看行政处罚案件、执法公示和行政强制措施' },
    { code: HANDLE, name: '办理行政处罚案件（立案、调查取证、告知、听证、送达、执行、结案、归档）和行政强制措施' },
    { code: APPROVE, name: '批准行政处罚决定、延长办案期限、撤销立案、延长查封扣押（部门负责人）' },
    { code: PUBLICITY_HANDLE, name: '执法决定公示（公示、撤回、登记其他执法决定）' },
  ],
  routes: enforcementCasesRoutes,
  indicators: enforcementCaseFigures,
});
