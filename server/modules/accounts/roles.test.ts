import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles } from '../../kernel/auth/auth.tables.ts';
import { actorWith, createOrg, createRole, createUser, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows } from '../auth/auth.test-helpers.ts';

describe('roles', () => {
  let t: TestApp;
  let orgId: string;
  let secadmin: SignedIn;
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = secadmin.headers) =>
    t.app.inject({ method, url, headers, payload });
  const grants = (list: [string, string?][]) => list.map(([permission, scope]) => (scope ? { permission, scope } : { permission }));

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
    secadmin = await actorWith(t, { 'role.manage': 'all' }, { orgId, adminKind: 'security' });
  });
  afterAll(() => t.close());

  it('lists the permission registry', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/permissions', headers: secadmin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      expect.arrayContaining([
        { code: 'user.read', name: '查看用户', adminKind: null, scoped: true },
        { code: 'role.manage', name: '管理角色与权限', adminKind: 'security', scoped: false },
        { code: 'user.write', name: '管理用户账号（新建、修改、停用）', adminKind: 'system', scoped: true },
      ]),
    );
  });

  it('creates a role: admin kind derived, unscoped permissions stored as all', async () => {
    const res = await send('POST', '/api/roles', {
      code: 'account_keeper',
      name: '账号管理',
      description: '维护本县账号',
      permissions: grants([['user.read', 'region'], ['user.write', 'org_subtree']]),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'account_keeper',
      adminKind: 'system',
      builtin: false,
      userCount: 0,
      version: 1,
      permissions: [
        { permission: 'user.read', scope: 'region' },
        { permission: 'user.write', scope: 'org_subtree' },
      ],
    });
    const unscoped = await send('POST', '/api/roles', { code: 'token_keeper', name: '令牌管理', permissions: grants([['apitoken.manage', 'own_org']]) });
    expect(unscoped.json()).toMatchObject({ adminKind: 'security', permissions: [{ permission: 'apitoken.manage', scope: 'all' }] });
    expect((await auditRows(t, 'role.create'))[0]).toMatchObject({ after: { code: 'token_keeper' } });
  });

  it('refuses unknown or repeated permissions, a missing scope and a taken code', async () => {
    const unknown = await send('POST', '/api/roles', { code: 'r1', name: 'x', permissions: grants([['user.fly', 'all']]) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('user.fly');
    expect((await send('POST', '/api/roles', { code: 'r2', name: 'x', permissions: grants([['user.read', 'all'], ['user.read', 'own_org']]) })).statusCode).toBe(400);
    expect((await send('POST', '/api/roles', { code: 'r3', name: 'x', permissions: grants([['user.read']]) })).statusCode).toBe(400);
    expect((await send('POST', '/api/roles', { code: 'account_keeper', name: 'x', permissions: [] })).statusCode).toBe(409);
    expect((await send('POST', '/api/roles', { code: 'Bad Code', name: 'x', permissions: [] })).statusCode).toBe(400);
  });

  it('refuses permissions of two administrator kinds in one role (三员分立)', async () => {
    const res = await send('POST', '/api/roles', {
      code: 'super',
      name: '超级管理员',
      permissions: grants([['user.write', 'region'], ['user.grant', 'region'], ['audit.read', 'region']]),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ADMIN_ROLES_SEPARATED', message: expect.stringContaining('系统管理员（管理用户账号（新建、修改、停用））') });
    expect(res.json().message).toContain('审计管理员（查看审计日志）');
  });

  it('updates with optimistic locking; a change may not give a holder two admin kinds', async () => {
    const role = await createRole(t.db, { code: 'plain', name: '普通', permissions: { 'user.read': 'own_org' } });
    const res = await send('PUT', `/api/roles/${role.id}`, { name: '普通经办', permissions: grants([['user.read', 'region'], ['org.read', 'region']]), version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '普通经办', version: 2, adminKind: null });
    expect((await send('PUT', `/api/roles/${role.id}`, { name: 'x', permissions: [], version: 1 })).statusCode).toBe(409);

    const auditorRole = await createRole(t.db, { name: '审计', adminKind: 'audit', permissions: { 'audit.read': 'region' } });
    await createUser(t.db, { orgId, displayName: '钱审计', roleIds: [role.id, auditorRole.id] });
    const clash = await send('PUT', `/api/roles/${role.id}`, { name: '普通经办', permissions: grants([['user.write', 'region']]), version: 2 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'ADMIN_ROLES_SEPARATED', message: expect.stringContaining('钱审计') });
    const [grant] = await t.db.select().from(rolePermissions).where(and(eq(rolePermissions.roleId, role.id), eq(rolePermissions.permission, 'user.write')));
    expect(grant).toBeUndefined();
  });

  it('lets nobody edit a role they hold', async () => {
    const [own] = await t.db.select({ id: rolePermissions.roleId }).from(rolePermissions).where(eq(rolePermissions.permission, 'role.manage'));
    const res = await send('PUT', `/api/roles/${own!.id}`, { name: 'x', permissions: grants([['role.manage'], ['user.write', 'all']]), version: 1 });
    expect(res.statusCode).toBe(403);
  });

  it('deletes only unused custom roles', async () => {
    const used = await createRole(t.db, { permissions: {} });
    await createUser(t.db, { orgId, roleIds: [used.id] });
    const builtin = await createRole(t.db, { permissions: {} });
    await t.db.update(roles).set({ builtin: true }).where(eq(roles.id, builtin.id));
    const unused = await createRole(t.db, { permissions: { 'user.read': 'own_org' } });
    expect((await send('DELETE', `/api/roles/${used.id}`)).statusCode).toBe(409);
    expect((await send('DELETE', `/api/roles/${builtin.id}`)).statusCode).toBe(409);
    expect((await send('DELETE', `/api/roles/${unused.id}`)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/roles/${unused.id}`)).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/roles', headers: secadmin.headers });
    expect(list.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: used.id, userCount: 1 })]));
    expect(list.json().some((r: { id: string }) => r.id === unused.id)).toBe(false);
  });

  it('needs role.manage to change roles', async () => {
    const reader = await actorWith(t, { 'user.read': 'region' }, { orgId });
    expect((await t.app.inject({ method: 'GET', url: '/api/roles', headers: reader.headers })).statusCode).toBe(200);
    expect((await send('POST', '/api/roles', { code: 'nope', name: 'x', permissions: [] }, reader.headers)).statusCode).toBe(403);
    const outsider = await actorWith(t, { 'org.read': 'region' }, { orgId });
    expect((await t.app.inject({ method: 'GET', url: '/api/roles', headers: outsider.headers })).statusCode).toBe(403);
  });
});
