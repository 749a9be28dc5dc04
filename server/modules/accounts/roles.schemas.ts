import { z } from 'zod';
import { adminKinds, dataScopes } from '../../kernel/auth/auth.tables.ts';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

export const PermissionView = z.object({
  code: z.string(),
  name: z.string(),
  adminKind: z.enum(adminKinds).nullable(),
  scoped: z.boolean(),
});

export const Grant = z.object({ permission: z.string(), scope: z.enum(dataScopes) });

export const RoleView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  adminKind: z.enum(adminKinds).nullable(),
  builtin: z.boolean(),
  userCount: z.number().int(),
  permissions: z.array(Grant),
  version: z.number().int(),
});
export type RoleView = z.infer<typeof RoleView>;

/** A permission without a data scope (scoped: false) may leave scope out; it is stored as 'all'. */
export const GrantInput = z.object({ permission: z.string().trim().min(1).max(64), scope: z.enum(dataScopes).optional() });
export type GrantInput = z.infer<typeof GrantInput>;

const roleFields = {
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(200).nullable().optional(),
  permissions: z.array(GrantInput).max(200),
};

export const CreateRoleBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, '以小写字母开头，2～64 位小写字母、数字或下划线'),
  ...roleFields,
});
export type CreateRoleBody = z.infer<typeof CreateRoleBody>;

export const UpdateRoleBody = z.object({ ...roleFields, version: z.number().int().min(1) });
export type UpdateRoleBody = z.infer<typeof UpdateRoleBody>;

defineFieldLabels({
  permissions: '权限',
  permission: '权限',
  scope: '数据范围',
  description: '说明',
});
