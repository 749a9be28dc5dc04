import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { registerSearchable } from '../../kernel/search/searchables.ts';
import { normativeFigures } from './normative.indicators.ts';
import { HANDLE, MANAGE, NORMATIVE, READ } from './normative.permissions.ts';
import { searchStatusLabels } from './normative.repository.ts';
import { normativeRoutes } from './normative.routes.ts';
import { normativePortalRoutes } from './portal.routes.ts';
// Registers the workflow (defineWorkflow), so that transition() and the 待办 list know the case type.
import './normative.workflow.ts';

/**
 * Departments draft their own documents; the 司法局 coordinates the county's (the government's and its
 * office's drafts, 统一登记编号, 备案, clean-ups, settings); the legal reviewers read what they review.
 */
export const normativeRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [HANDLE]: 'region', [MANAGE]: 'region' },
  legal_reviewer: { [READ]: 'region' },
  leader: { [READ]: 'region' },
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org' },
};

registerSearchable({
  entityType: NORMATIVE,
  label: '规范性文件',
  readPermission: READ,
  consolePath: (id) => `/normative/${id}`,
  portalPath: (id) => `/documents/${id}`,
  statusLabels: searchStatusLabels,
});

/** Staff routes under /api/normative, the portal's under /api/public/normative. */
const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(normativeRoutes);
  await app.register(normativePortalRoutes);
};

/** 规范性文件: drafting to 备案, the registry with its status history, 专项清理, expiry reminders. */
export const normativeModule = defineModule({
  name: 'normative',
  permissions: [
    { code: READ, name: '查看规范性文件（含草案）' },
    { code: HANDLE, name: '办理规范性文件（起草、征求意见、提交审查、集体讨论、统一登记编号、公布、备案）' },
    { code: MANAGE, name: '管理规范性文件（效力状态登记、专项清理、本县设置）' },
  ],
  routes,
  indicators: normativeFigures,
});
