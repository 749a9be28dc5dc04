import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { MODERATE, PERSONAL } from './consultation.permissions.ts';
import { consultationRoutes } from './consultation.routes.ts';
import { portalConsultationRoutes } from './portal.routes.ts';

/**
 * The drafting unit moderates the comments on its own drafts and marks their adoption; the 司法局's
 * coordinators may do so for the whole county and read the commenters' contacts.
 */
export const consultationRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [MODERATE]: 'region', [PERSONAL]: 'region' },
  dept_staff: { [MODERATE]: 'own_org' },
  township_staff: { [MODERATE]: 'own_org' },
};

/** Staff routes under /api/consultations, the portal's under /api/public/consultations. */
const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(consultationRoutes);
  await app.register(portalConsultationRoutes);
};

/** 公众参与（征求意见）: the portal's comment rounds on drafts, moderation and 采纳情况. */
export const consultationModule = defineModule({
  name: 'consultation',
  permissions: [
    { code: MODERATE, name: '审核征求意见收到的公众意见，标注采纳情况，提前结束征求意见' },
    { code: PERSONAL, name: '查看提出意见的公众的联系方式明文' },
  ],
  routes,
});
