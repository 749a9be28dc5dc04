import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RoleGrants } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { disclosureFigures } from './disclosure.indicators.ts';
import { APPROVE_EXTENSION, HANDLE, PERSONAL, READ, SETTINGS } from './disclosure.permissions.ts';
import { disclosureRoutes } from './disclosure.routes.ts';
import { disclosurePortalRoutes } from './portal.routes.ts';

/**
 * Each agency answers its own applications (own_org); its head approves an extension (第三十三条第二款:
 * 政府信息公开工作机构负责人). The county 政务公开办 (县政府办) answers the county government's and
 * coordinates the region: it reads and handles every application, approves extensions, sets the rules.
 */
export const disclosureRoleGrants: RoleGrants = {
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [PERSONAL]: 'own_org' },
  township_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [PERSONAL]: 'own_org' },
  dept_head: { [READ]: 'own_org', [HANDLE]: 'own_org', [APPROVE_EXTENSION]: 'own_org', [PERSONAL]: 'own_org' },
  ogi_officer: { [READ]: 'region', [HANDLE]: 'region', [APPROVE_EXTENSION]: 'region', [PERSONAL]: 'region', [SETTINGS]: 'region' },
  leader: { [READ]: 'region' },
};

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(disclosureRoutes);
  await app.register(disclosurePortalRoutes);
};

/** 依申请公开: applications (portal, window, mail), 补正, 征求意见, 延期, 收费, 答复 with its letter. */
export const disclosureModule = defineModule({
  name: 'disclosure',
  permissions: [
    { code: READ, name: '查看政府信息公开申请' },
    { code: HANDLE, name: '办理政府信息公开申请（登记、补正、征求意见、收费、答复）' },
    { code: APPROVE_EXTENSION, name: '批准延长政府信息公开答复期限（政府信息公开工作机构负责人）' },
    { code: PERSONAL, name: '查看政府信息公开申请人证件号码、联系电话和地址明文' },
    { code: SETTINGS, name: '维护依申请公开设置（收费标准、补正期限、答复书文号）' },
  ],
  routes,
  indicators: disclosureFigures,
});
