import type { RoleGrants } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { proposalFigures } from './proposals.indicators.ts';
import { ANSWER, HANDLE, READ } from './proposals.permissions.ts';
import { proposalsRoutes } from './proposals.routes.ts';
// Registers both workflows, so that transition() and the 待办 list know them.
import './proposals.workflow.ts';

/**
 * The office that registers, assigns and checks (政府办 督查室) works region-wide: the demo county gives
 * it to the coordinator role until the county has a role of its own for the office. Departments and
 * townships read and answer what they lead or co-handle (own_org); leaders read everything.
 */
export const proposalsRoleGrants: RoleGrants = {
  coordinator: { [READ]: 'region', [HANDLE]: 'region' },
  leader: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [ANSWER]: 'own_org' },
  dept_head: { [READ]: 'own_org', [ANSWER]: 'own_org' },
  township_staff: { [READ]: 'own_org', [ANSWER]: 'own_org' },
};

/** 人大代表建议 and 政协委员提案: registration, 交办, replies, feedback and the annual summary. */
export const proposalsModule = defineModule({
  name: 'proposals',
  permissions: [
    { code: READ, name: '查看人大代表建议和政协委员提案' },
    { code: HANDLE, name: '办理建议提案（登记、导入、交办、批准延期、审核答复、登记代表委员意见）' },
    { code: ANSWER, name: '承办建议提案（退回、会办意见、答复；本单位）' },
  ],
  routes: proposalsRoutes,
  indicators: proposalFigures,
});
