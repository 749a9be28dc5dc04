import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles } from '../../kernel/auth/auth.tables.ts';
import { builtinRoles, DEPT_STAFF, ensureBuiltinRoles, SYSADMIN } from '../../kernel/auth/builtin-roles.ts';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';

describe('ensureBuiltinRoles', () => {
  let t: TestDatabase;
  const grantsOf = async (code: string) => {
    const rows = await t.db
      .select({ permission: rolePermissions.permission, scope: rolePermissions.scope })
      .from(rolePermissions)
      .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
      .where(eq(roles.code, code));
    return Object.fromEntries(rows.map((r) => [r.permission, r.scope]));
  };
  const roleId = async (code: string) => (await t.db.select().from(roles).where(eq(roles.code, code)))[0]!.id;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('creates the ten built-in roles with their grants, and is idempotent even when run concurrently', async () => {
    await Promise.all([ensureBuiltinRoles(t.db), ensureBuiltinRoles(t.db)]);
    await ensureBuiltinRoles(t.db);
    const rows = await t.db.select().from(roles).where(eq(roles.builtin, true));
    expect(rows.map((r) => r.code).sort()).toEqual(builtinRoles.map((r) => r.code).sort());
    expect(rows.find((r) => r.code === SYSADMIN)).toMatchObject({ name: '系统管理员', adminKind: 'system' });
    expect(await grantsOf(SYSADMIN)).toEqual({ 'org.read': 'region', 'org.write': 'region', 'user.read': 'region', 'user.write': 'region', 'user.personal': 'region' });
    expect(await grantsOf('secadmin')).toMatchObject({ 'user.grant': 'region', 'role.manage': 'all', 'security.settings': 'all' });
    expect(await grantsOf('auditor')).toEqual({ 'audit.read': 'region', 'org.read': 'region', 'user.read': 'region' });
    expect(await grantsOf('township_staff')).toEqual({ 'org.read': 'org_subtree', 'user.read': 'own_org' });
  });

  it('never undoes what an administrator changed, but adds grants it never seeded', async () => {
    const dept = await roleId(DEPT_STAFF);
    await t.db.delete(rolePermissions).where(and(eq(rolePermissions.roleId, dept), eq(rolePermissions.permission, 'user.read')));
    await t.db.update(rolePermissions).set({ scope: 'own_org' }).where(and(eq(rolePermissions.roleId, dept), eq(rolePermissions.permission, 'org.read')));
    await t.db.update(roles).set({ name: '部门经办' }).where(eq(roles.id, dept));

    await ensureBuiltinRoles(t.db, { [DEPT_STAFF]: { 'case.handle': 'own_org' } });
    expect(await grantsOf(DEPT_STAFF)).toEqual({ 'org.read': 'own_org', 'case.handle': 'own_org' });
    expect((await t.db.select().from(roles).where(eq(roles.id, dept)))[0]!.name).toBe('部门经办');

    await t.db.delete(rolePermissions).where(and(eq(rolePermissions.roleId, dept), eq(rolePermissions.permission, 'case.handle')));
    await ensureBuiltinRoles(t.db, { [DEPT_STAFF]: { 'case.handle': 'own_org' } });
    expect(await grantsOf(DEPT_STAFF)).toEqual({ 'org.read': 'own_org' });
  });
});
