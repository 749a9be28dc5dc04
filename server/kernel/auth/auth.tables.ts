import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { adminKinds, dataScopes, type AdminKind, type DataScope } from '../../../contracts/labels.ts';
import { id, regionCode, rowMeta } from '../db/columns.ts';
import { organisations } from '../org/org.tables.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id').notNull().references(() => organisations.id),
    username: varchar('username', { length: 64 }).notNull().unique(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    /** SM4-sealed (kernel/crypto); the mask is what lists show. */
    phoneEnc: text('phone_enc'),
    phoneMask: varchar('phone_mask', { length: 20 }),
    email: varchar('email', { length: 100 }),
    title: varchar('title', { length: 50 }),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    status: varchar('status', { length: 10 }).$type<'active' | 'inactive'>().notNull().default('active'),
    /** Service accounts authenticate only with API tokens. */
    isService: boolean('is_service').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [index('users_org_idx').on(t.orgId), index('users_region_idx').on(t.regionCode)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

export { adminKinds, dataScopes, type AdminKind, type DataScope };

export const roles = pgTable('roles', {
  id: id(),
  code: varchar('code', { length: 64 }).notNull().unique(),
  name: varchar('name', { length: 50 }).notNull(),
  description: varchar('description', { length: 200 }),
  /** 三员分立: a role belongs to at most one administrator kind, and a user holds at most one kind. */
  adminKind: varchar('admin_kind', { length: 10 }).$type<AdminKind>(),
  builtin: boolean('builtin').notNull().default(false),
  ...rowMeta(),
});

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: uuid('role_id').notNull().references(() => roles.id),
    permission: varchar('permission', { length: 64 }).notNull(),
    scope: varchar('scope', { length: 12 }).$type<DataScope>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    roleId: uuid('role_id').notNull().references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    /** SM3 of the cookie token: a leaked table does not leak live sessions. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: id(),
  name: varchar('name', { length: 100 }).notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  /** First characters of the token, shown so that an administrator can tell tokens apart. */
  prefix: varchar('prefix', { length: 16 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by'),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
