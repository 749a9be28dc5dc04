import { z } from 'zod';
import { adminKinds, dataScopes } from '../../kernel/auth/auth.tables.ts';
import { SecuritySettings } from '../../kernel/config/settings.ts';
import { defineFieldLabels } from '../../kernel/http/schemas.ts';

export const RoleRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** Who is signed in, with everything the console needs to decide what to show. */
export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  mustChangePassword: z.boolean(),
  adminKind: z.enum(adminKinds).nullable(),
  permissions: z.record(z.string(), z.enum(dataScopes)),
  roles: z.array(RoleRef),
});
export type Me = z.infer<typeof Me>;

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const LoginResult = z.object({ user: Me });

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const PasswordPolicyView = z.object({
  passwordMinLength: z.number().int(),
  passwordMinClasses: z.number().int(),
  passwordHistory: z.number().int(),
  /** The rule in one Chinese sentence, for the form's hint. */
  description: z.string(),
});

export const SecuritySettingsView = SecuritySettings.extend({ version: z.number().int() });
export const SecuritySettingsBody = z.object({ ...SecuritySettings.required().shape, version: z.number().int().min(1) });

export const ApiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  createdBy: z.uuid().nullable(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  userId: z.uuid(),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('为空表示长期有效'),
});

export const CreatedApiToken = z.object({
  id: z.uuid(),
  /** Shown once: only its SM3 digest is stored. */
  token: z.string(),
});

defineFieldLabels({
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  userId: '用户',
  expiresAt: '有效期至',
  passwordMinLength: '密码最小长度',
  passwordMinClasses: '密码字符类别数',
  passwordHistory: '不得重复的历史密码个数',
  maxFailedLogins: '连续登录失败锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  idleTimeoutMinutes: '空闲超时（分钟）',
  absoluteTimeoutHours: '会话最长有效期（小时）',
});
