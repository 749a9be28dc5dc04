import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, createOrg, createRole, createUser, signIn, TEST_PASSWORD, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows, loginThroughRoute } from '../auth/auth.test-helpers.ts';

/** The security administrator's work on accounts: unlock, reset password, assign roles. */
describe('account security', () => {
  let t: TestApp;
  let orgId: string;
  let secadmin: SignedIn;
  const post = (url: string, payload: object = {}, headers = secadmin.headers) => t.app.inject({ method: 'POST', url, headers, payload });
  const putRoles = (id: string, roleIds: string[], version: number, headers = secadmin.headers) =>
    t.app.inject({ method: 'PUT', url: `/api/users/${id}/roles`, headers, payload: { roleIds, version } });

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
    secadmin = await actorWith(t, { 'user.read': 'region', 'user.secure': 'region', 'user.grant': 'region' }, { orgId, adminKind: 'security' });
  });
  afterAll(() => t.close());

  it('unlocks a locked account before the lock runs out', async () => {
    const user = await createUser(t.db, { orgId, username: 'locked1' });
    for (let i = 0; i < 5; i++) await loginThroughRoute(t, 'locked1', 'Wrong#Pass1');
    const listed = await t.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: secadmin.headers });
    expect(listed.json()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
    expect((await loginThroughRoute(t, 'locked1', TEST_PASSWORD)).res.statusCode).toBe(423);

    const res = await post(`/api/users/${user.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect((await loginThroughRoute(t, 'locked1', TEST_PASSWORD)).res.statusCode).toBe(200);
    expect((await auditRows(t, 'user.unlock'))[0]).toMatchObject({ entityId: user.id, actorId: secadmin.userId });
  });

  it('resets a password: sessions end, and the user must change it at the next sign-in', async () => {
    const user = await createUser(t.db, { orgId, username: 'reset1' });
    const old = await signIn(t, user.id);
    expect((await post(`/api/users/${user.id}/reset-password`, { newPassword: 'short' })).statusCode).toBe(400);
    expect((await post(`/api/users/${user.id}/reset-password`, { newPassword: 'Temp#Pass2026' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: old.headers })).statusCode).toBe(401);

    const { res, headers } = await loginThroughRoute(t, 'reset1', 'Temp#Pass2026');
    expect(res.json().user.mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const change = (newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword: 'Temp#Pass2026', newPassword } });
    // The password before the reset is one of the last five.
    expect((await change(TEST_PASSWORD)).json().code).toBe('PASSWORD_POLICY');
    expect((await change('Mine#Own2026')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().mustChangePassword).toBe(false);
    const [audit] = await auditRows(t, 'user.reset_password');
    expect(JSON.stringify(audit)).not.toMatch(/Temp#Pass2026|scrypt\$/);
  });

  it('needs user.secure to unlock or reset', async () => {
    const user = await createUser(t.db, { orgId });
    const writer = await actorWith(t, { 'user.read': 'region', 'user.write': 'region' }, { orgId, adminKind: 'system' });
    expect((await post(`/api/users/${user.id}/unlock`, {}, writer.headers)).statusCode).toBe(403);
    expect((await post(`/api/users/${user.id}/reset-password`, { newPassword: 'Temp#Pass2026' }, writer.headers)).statusCode).toBe(403);
  });

  it('assigns roles with optimistic locking and audits the change', async () => {
    const user = await createUser(t.db, { orgId });
    const a = await createRole(t.db, { code: 'clerk_a', name: '经办甲', permissions: { 'org.read': 'region' } });
    const b = await createRole(t.db, { code: 'clerk_b', name: '经办乙', permissions: {} });
    const res = await putRoles(user.id, [a.id, b.id, a.id], 1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, roles: [{ code: 'clerk_a' }, { code: 'clerk_b' }] });
    expect((await putRoles(user.id, [], 1)).statusCode).toBe(409);
    expect((await putRoles(user.id, [crypto.randomUUID()], 2)).statusCode).toBe(400);
    expect((await putRoles(user.id, [b.id], 2)).json().roles).toEqual([{ id: b.id, code: 'clerk_b', name: '经办乙' }]);
    expect((await auditRows(t, 'user.roles'))[0]).toMatchObject({ before: { roles: ['clerk_a', 'clerk_b'] }, after: { roles: ['clerk_b'] } });
  });

  it('lets nobody change their own roles', async () => {
    const res = await putRoles(secadmin.userId, [], 1);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('不能修改自己的角色');
  });

  it('refuses to give one user two administrator kinds (三员分立)', async () => {
    const user = await createUser(t.db, { orgId });
    const system = await createRole(t.db, { name: '系统管理', adminKind: 'system', permissions: { 'user.write': 'region' } });
    const security = await createRole(t.db, { name: '安全管理', adminKind: 'security', permissions: { 'user.grant': 'region' } });
    const audit = await createRole(t.db, { name: '审计管理', adminKind: 'audit', permissions: { 'audit.read': 'region' } });
    // A role whose admin_kind column was never set still counts by its permissions.
    const hidden = await createRole(t.db, { name: '隐含安全', permissions: { 'user.secure': 'region' } });
    for (const pair of [[system, security], [system, audit], [security, audit], [system, hidden]]) {
      const res = await putRoles(user.id, pair.map((r) => r.id), 1);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ADMIN_ROLES_SEPARATED');
    }
    const res = await putRoles(user.id, [system.id, audit.id], 1);
    expect(res.json().message).toBe('三员分立：同一用户不能兼有系统管理员（系统管理）与审计管理员（审计管理）的职责');
    expect((await putRoles(user.id, [security.id, hidden.id], 1)).statusCode).toBe(200);
  });
});
