import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { enforcementFigures } from './enforcement.indicators.ts';
import { enforcementReminders } from './enforcement.reminders.ts';
import { MANAGE, READ } from './enforcement.permissions.ts';
import { enforcementRoutes } from './enforcement.routes.ts';
import { enforcementPortalRoutes } from './portal.routes.ts';

export { bodyOfOrg, delegationOn, findBenchmark, findMatter, matchingLeniencyItem } from './enforcement.queries.ts';
export { officerEligibility, type OfficerEligibility } from './eligibility.ts';
export { MANAGE as ENFORCEMENT_MANAGE, READ as ENFORCEMENT_READ } from './enforcement.permissions.ts';

/**
 * The 司法局 keeps the county's registry; a department keeps its own bodies, officers, matters and
 * benchmarks; a township reads what concerns it (its body, its officers, the matters delegated to it).
 */
export const enforcementRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [MANAGE]: 'region' },
  leader: { [READ]: 'region' },
  legal_reviewer: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [MANAGE]: 'own_org' },
  township_staff: { [READ]: 'own_org' },
};

/** Staff routes under /api/enforcement, the portal's under /api/public/enforcement. */
const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(enforcementRoutes);
  await app.register(enforcementPortalRoutes);
};

/** 行政执法 registry: bodies, officers and certificates, matters, benchmarks, leniency lists, township delegations. */
export const enforcementModule = defineModule({
  name: 'enforcement',
  permissions: [
    { code: READ, name: '查看行政执法主体、人员、事项、裁量基准和赋权', scoped: true },
    { code: MANAGE, name: '管理行政执法主体、人员和执法证、事项、裁量基准、清单和乡镇赋权', scoped: true },
  ],
  routes,
  indicators: enforcementFigures,
  reminders: enforcementReminders,
});
