import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { BuiltinRoleCode } from '../../kernel/auth/builtin-roles.ts';
import { defineModule } from '../../kernel/module.ts';
import { messageFigures } from './messages.indicators.ts';
import { COORDINATE, HANDLE, PERSONAL, READ, SURVEYS } from './messages.permissions.ts';
import { messagesRoutes } from './messages.routes.ts';
import { messagesPortalRoutes } from './portal.routes.ts';
// Registers the citizen_message workflow.
import './messages.workflow.ts';

/**
 * The county coordinator (司法局统筹人员 in the demo; in a county it is often the 政府办) takes messages
 * in, routes, reviews and publishes them, and runs surveys region-wide; departments and townships read
 * and reply to what is routed to them, and run their own surveys; county leaders read everything.
 */
export const messagesRoleGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {
  coordinator: { [READ]: 'region', [COORDINATE]: 'region', [SURVEYS]: 'region', [PERSONAL]: 'region' },
  dept_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [SURVEYS]: 'own_org', [PERSONAL]: 'own_org' },
  township_staff: { [READ]: 'own_org', [HANDLE]: 'own_org', [SURVEYS]: 'own_org', [PERSONAL]: 'own_org' },
  dept_head: { [READ]: 'own_org', [HANDLE]: 'own_org', [SURVEYS]: 'own_org', [PERSONAL]: 'own_org' },
  leader: { [READ]: 'region' },
};

/** 网民诉求 (留言、12345热线、书记县长信箱) and 网上调查. */
export const messagesModule = defineModule({
  name: 'messages',
  permissions: [
    { code: READ, name: '查看网民诉求' },
    { code: HANDLE, name: '办理交办的网民诉求（答复、退回）' },
    { code: COORDINATE, name: '网民诉求统筹（登记、交办、审核答复、公开、办结、设置）' },
    { code: SURVEYS, name: '网上调查（新建、发布、撤回、查看结果）' },
    { code: PERSONAL, name: '查看留言人联系电话明文（每次查看记入审计）' },
  ],
  routes: async (app) => {
    await app.register(messagesRoutes);
    await app.register(messagesPortalRoutes);
  },
  indicators: messageFigures,
});
