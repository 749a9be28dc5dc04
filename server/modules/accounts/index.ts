import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PermissionDef } from '../../kernel/auth/permissions.ts';
import { defineModule } from '../../kernel/module.ts';
import { rolesRoutes } from './roles.routes.ts';
import { userAdminRoutes } from './user-admin.routes.ts';
import { usersRoutes } from './users.routes.ts';

const permissions: PermissionDef[] = [
  { code: 'user.read', name: '查看用户', scoped: true },
  { code: 'user.write', name: '管理用户账号（新建、修改、停用）', adminKind: 'system', scoped: true },
  { code: 'user.personal', name: '查看用户个人信息明文', adminKind: 'system', scoped: true },
  { code: 'user.grant', name: '为用户分配角色', adminKind: 'security', scoped: true },
  { code: 'user.secure', name: '解锁账号、重置密码', adminKind: 'security', scoped: true },
  { code: 'role.manage', name: '管理角色与权限', adminKind: 'security', scoped: false },
];

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(usersRoutes);
  await app.register(userAdminRoutes);
  await app.register(rolesRoutes);
};

/** User accounts (系统管理员), their roles and rights (安全管理员), and the role catalogue. */
export const accountsModule = defineModule({ name: 'accounts', permissions, routes });
