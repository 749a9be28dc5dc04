import { eq, inArray, sql } from 'drizzle-orm';
import { settings } from '../config/settings.tables.ts';
import type { Db } from '../db/db.ts';
import { type AdminKind, type DataScope, rolePermissions, roles } from './auth.tables.ts';

export const SYSADMIN = 'sysadmin';
export const SECADMIN = 'secadmin';
export const AUDITOR = 'auditor';
export const COORDINATOR = 'coordinator';
export const DEPT_STAFF = 'dept_staff';
export const TOWNSHIP_STAFF = 'township_staff';
export const LEGAL_REVIEWER = 'legal_reviewer';
export const RECONSIDERATION_OFFICER = 'reconsideration_officer';
export const MEDIATOR = 'mediator';
export const LEADER = 'leader';
export const DEPT_HEAD = 'dept_head';
export const OGI_OFFICER = 'ogi_officer';

export type BuiltinRoleCode =
  | typeof SYSADMIN
  | typeof SECADMIN
  | typeof AUDITOR
  | typeof COORDINATOR
  | typeof DEPT_STAFF
  | typeof TOWNSHIP_STAFF
  | typeof LEGAL_REVIEWER
  | typeof RECONSIDERATION_OFFICER
  | typeof MEDIATOR
  | typeof LEADER
  | typeof DEPT_HEAD
  | typeof OGI_OFFICER;

/** What a module grants to the built-in roles: per role, permission codes with their data scope. */
export type RoleGrants = Partial<Record<BuiltinRoleCode, Record<string, DataScope>>>;

/** Several modules' (or a module's parts') grants, merged per role. */
export function mergeRoleGrants(...sets: RoleGrants[]): RoleGrants {
  const merged: RoleGrants = {};
  for (const set of sets) for (const [role, grants] of Object.entries(set) as [BuiltinRoleCode, Record<string, DataScope>][]) merged[role] = { ...merged[role], ...grants };
  return merged;
}

export interface BuiltinRole {
  code: BuiltinRoleCode;
  name: string;
  description: string;
  adminKind: AdminKind | null;
  grants: Record<string, DataScope>;
}

/** A business role: sees the county's organisations and the users of its own organisation. */
const staff = (code: BuiltinRoleCode, name: string, description: string): BuiltinRole => ({
  code,
  name,
  description,
  adminKind: null,
  grants: { 'org.read': 'region', 'user.read': 'own_org' },
});

/** 三员分立: the system, security and audit administrators, then the business roles. */
export const builtinRoles: readonly BuiltinRole[] = [
  {
    code: SYSADMIN,
    name: '系统管理员',
    description: '维护机构和用户账号，不能分配角色、修改安全策略或查看审计日志',
    adminKind: 'system',
    grants: { 'org.read': 'region', 'org.write': 'region', 'user.read': 'region', 'user.write': 'region', 'user.personal': 'region' },
  },
  {
    code: SECADMIN,
    name: '安全管理员',
    description: '分配角色、解锁账号、重置密码、维护安全策略和接口令牌，不能新建用户或机构',
    adminKind: 'security',
    grants: {
      'org.read': 'region',
      'user.read': 'region',
      'user.grant': 'region',
      'user.secure': 'region',
      'role.manage': 'all',
      'security.settings': 'all',
      'apitoken.manage': 'all',
    },
  },
  {
    code: AUDITOR,
    name: '审计管理员',
    description: '查看审计日志，不能修改任何数据',
    adminKind: 'audit',
    grants: { 'audit.read': 'region', 'org.read': 'region', 'user.read': 'region' },
  },
  {
    code: COORDINATOR,
    name: '司法局统筹人员',
    description: '县司法局统筹全县法治政府建设工作',
    adminKind: null,
    grants: { 'org.read': 'region', 'user.read': 'region' },
  },
  staff(DEPT_STAFF, '部门经办人员', '县直部门经办业务'),
  { ...staff(TOWNSHIP_STAFF, '乡镇经办人员', '乡镇（街道）经办业务'), grants: { 'org.read': 'org_subtree', 'user.read': 'own_org' } },
  staff(LEGAL_REVIEWER, '法制审核人员', '合法性审核'),
  staff(RECONSIDERATION_OFFICER, '复议工作人员', '行政复议案件办理'),
  staff(MEDIATOR, '人民调解员', '人民调解'),
  staff(DEPT_HEAD, '部门负责人', '县直部门、乡镇负责人：批准行政执法决定、延长办案期限等'),
  staff(OGI_OFFICER, '政务公开工作人员', '县政府办（政务公开办）：统筹全县政府信息公开，办理本级政府的依申请公开'),
  {
    code: LEADER,
    name: '领导',
    description: '查看全县工作情况',
    adminKind: null,
    grants: { 'org.read': 'region', 'user.read': 'region' },
  },
];

/**
 * Grants seeded once are remembered here (a settings row), so that a grant an administrator removed
 * from a built-in role is not put back at the next start-up.
 */
const LEDGER_KEY = 'builtin_role_grants';
type Ledger = Record<string, string[]>;

/**
 * Creates missing built-in roles and adds grants never seeded before (later modules extend the roles
 * through `extraGrants`). Never removes or narrows anything: administrators own the roles once created.
 * Idempotent, and safe when several servers start together (the ledger row is locked).
 */
export async function ensureBuiltinRoles(
  db: Db,
  extraGrants: Partial<Record<BuiltinRoleCode, Record<string, DataScope>>> = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: LEDGER_KEY, value: {} }).onConflictDoNothing();
    const [ledgerRow] = await tx.select().from(settings).where(eq(settings.key, LEDGER_KEY)).for('update');
    const ledger: Ledger = { ...((ledgerRow?.value ?? {}) as Ledger) };

    await tx
      .insert(roles)
      .values(builtinRoles.map((r) => ({ code: r.code, name: r.name, description: r.description, adminKind: r.adminKind, builtin: true })))
      .onConflictDoNothing({ target: roles.code });
    const existing = await tx
      .select({ id: roles.id, code: roles.code })
      .from(roles)
      .where(inArray(roles.code, builtinRoles.map((r) => r.code)));
    const ids = new Map(existing.map((r) => [r.code, r.id]));

    const missing: { roleId: string; permission: string; scope: DataScope }[] = [];
    for (const role of builtinRoles) {
      const seeded = new Set(ledger[role.code] ?? []);
      for (const [permission, scope] of Object.entries({ ...role.grants, ...extraGrants[role.code] })) {
        if (seeded.has(permission)) continue;
        missing.push({ roleId: ids.get(role.code)!, permission, scope });
        seeded.add(permission);
      }
      ledger[role.code] = [...seeded].sort();
    }
    if (missing.length) await tx.insert(rolePermissions).values(missing).onConflictDoNothing();
    await tx
      .update(settings)
      .set({ value: ledger, updatedAt: sql`now()` })
      .where(eq(settings.key, LEDGER_KEY));
  });
}
