import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { defineModule } from '../../kernel/module.ts';
import { portalRoutes } from './portal.routes.ts';
import { reconsiderationFigures } from './reconsideration.indicators.ts';
import { reconsiderationRoutes } from './reconsideration.routes.ts';
import { APPROVE, HANDLE, READ, RESPOND } from './reconsideration.workflow.ts';

/**
 * The county government's 复议机构 (in the 司法局) handles and decides; coordinators and leaders read
 * the county's cases; departments and townships, as 被申请人, read the cases against them, submit
 * their 答复 and report corrections (意见书).
 * 审批 (extension, decisions) belongs to the 复议机构负责人: narrow it with a role of its own if needed.
 */
export const reconsiderationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  reconsideration_officer: { [READ]: 'region', [HANDLE]: 'region', [APPROVE]: 'region', 'reconsideration.personal': 'region' },
  coordinator: { [READ]: 'region' },
  leader: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [RESPOND]: 'own_org' },
  township_staff: { [READ]: 'own_org', [RESPOND]: 'own_org' },
};

/** Staff routes under /api/reconsideration, the portal's under /api/public/reconsideration. */
const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(reconsiderationRoutes);
  await app.register(portalRoutes);
};

/** 行政复议: intake (window, mail, portal), review, hearing, decision, 意见书 and 附带审查. */
export const reconsiderationModule = defineModule({
  name: 'reconsideration',
  permissions: [
    { code: READ, name: '查看行政复议案件' },
    { code: HANDLE, name: '办理行政复议案件（登记、补正、受理、送达、听证、中止恢复）' },
    { code: APPROVE, name: '审批行政复议案件（延期、决定、调解、终止、不予受理）' },
    { code: RESPOND, name: '被申请人：查看本机关被申请的复议案件，提交答复，报送意见书纠正情况' },
    { code: 'reconsideration.personal', name: '查看复议申请人身份证件号码和联系电话明文' },
  ],
  routes,
  indicators: reconsiderationFigures,
});
