import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { defineModule } from '../../kernel/module.ts';
import type { PermissionDef } from '../../kernel/auth/permissions.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { settingsRoutes } from './settings.routes.ts';

export { RoleRef } from './auth.schemas.ts';
export { storeNewPassword } from './auth.repository.ts';
export { requireSignedIn } from './auth.guards.ts';

const permissions: PermissionDef[] = [
  { code: 'security.settings', name: '修改安全策略', adminKind: 'security', scoped: false },
  { code: 'apitoken.manage', name: '管理系统接口令牌', adminKind: 'security', scoped: false },
];

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(authRoutes);
  await app.register(apiTokenRoutes);
  await app.register(settingsRoutes);
};

/** Sign-in and sessions, the password rules, API tokens for integrations, and the security policy. */
export const authModule = defineModule({ name: 'auth', permissions, routes });
