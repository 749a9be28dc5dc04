import { z } from 'zod';
import { defineFieldLabels, Paging } from '../../kernel/http/schemas.ts';
import { RoleRef } from '../auth/index.ts';

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号或带区号的固定电话');
/** For edits: absent keeps the value, null or an empty string clears it. */
const clearable = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable()).optional();

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  phoneMask: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  locked: z.boolean(),
  lockedUntil: z.date().nullable(),
  mustChangePassword: z.boolean(),
  isService: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  roles: z.array(RoleRef),
  version: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;

export const userSorts = ['username', 'displayName', 'orgName', 'lastLoginAt', 'createdAt'] as const;

export const UserFilter = z.object({
  orgId: z.uuid().optional(),
  subtree: z.stringbool().default(false).describe('与 orgId 一起使用：包含下级机构的用户'),
  q: z.string().trim().max(50).optional().describe('按用户名或姓名查找'),
  status: z.enum(['active', 'inactive']).optional(),
  roleId: z.uuid().optional(),
  sort: z.enum(userSorts).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type UserFilter = z.infer<typeof UserFilter>;
export const UserListQuery = UserFilter.extend(Paging.shape);

export const CreateUserBody = z.object({
  orgId: z.uuid(),
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,63}$/, '以字母开头，3～64 位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1).max(50),
  phone: phone.optional(),
  email: z.email().max(100).optional(),
  title: z.string().trim().max(50).optional(),
  initialPassword: z.string().min(1).max(128),
  isService: z.boolean().default(false),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Fields left out stay as they are; null clears (the form never holds the clear phone number). */
export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1).max(50),
  phone: clearable(phone),
  email: clearable(z.email().max(100)),
  title: clearable(z.string().trim().max(50)),
  orgId: z.uuid(),
  version: z.number().int().min(1),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ newPassword: z.string().min(1).max(128) });
export const UserRolesBody = z.object({ roleIds: z.array(z.uuid()).max(50), version: z.number().int().min(1) });
export const PersonalView = z.object({ phone: z.string().nullable() });

defineFieldLabels({
  orgId: '所属机构',
  subtree: '包含下级机构',
  q: '关键词',
  status: '状态',
  roleId: '角色',
  sort: '排序字段',
  order: '排序方向',
  displayName: '姓名',
  phone: '手机号',
  email: '电子邮箱',
  initialPassword: '初始密码',
  isService: '服务账号',
  roleIds: '角色',
});
// A user's title is a position; elsewhere title is a document's 标题.
defineFieldLabels({ title: '职务' }, '/api/users');
