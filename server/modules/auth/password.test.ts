import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHistory, users } from '../../kernel/auth/auth.tables.ts';
import { createOrg, createUser, signIn, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows, loginThroughRoute } from './auth.test-helpers.ts';

describe('password change', () => {
  let t: TestApp;
  let orgId: string;
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: { currentPassword, newPassword } });
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
  });
  afterAll(() => t.close());

  it('publishes the policy without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/password-policy' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ passwordMinLength: 8, passwordMinClasses: 3, passwordHistory: 5, description: expect.stringContaining('至少 8 位') });
  });

  it('forces a change at first login: everything else answers 403 until the password is changed', async () => {
    const user = await createUser(t.db, { orgId, username: 'first1', mustChangePassword: true });
    const { res, headers } = await loginThroughRoute(t, 'first1', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);

    const blocked = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/password-policy', headers })).statusCode).toBe(200);

    const weak = await change(headers, TEST_PASSWORD, 'abcdefgh');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_POLICY', message: expect.stringContaining('缺少：大写字母、数字、符号') });
    const withName = await change(headers, TEST_PASSWORD, 'First1#Pass');
    expect(withName.json().message).toContain('不能包含用户名');
    const same = await change(headers, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toContain('最近 5 次');
    const wrongCurrent = await change(headers, 'Not#Current1', 'Brand#New2026');
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().message).toBe('当前密码不正确');

    expect((await change(headers, TEST_PASSWORD, 'Brand#New2026')).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers });
    expect(after.json().code).toBe('FORBIDDEN');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(false);
    expect((await loginThroughRoute(t, 'first1', 'Brand#New2026')).res.statusCode).toBe(200);
    expect((await loginThroughRoute(t, 'first1', TEST_PASSWORD)).res.statusCode).toBe(401);
    const [audit] = await auditRows(t, 'auth.password_change');
    expect(audit).toMatchObject({ actorId: user.id, entityId: user.id });
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
  });

  it('ends the other sessions and keeps the current one', async () => {
    const user = await createUser(t.db, { orgId });
    const current = await signIn(t, user.id);
    const other = await signIn(t, user.id);
    expect((await change(current.headers, TEST_PASSWORD, 'Another#Pass9')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: current.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: other.headers })).statusCode).toBe(401);
  });

  it('refuses any of the last 5 passwords and accepts the sixth-oldest', async () => {
    const user = await createUser(t.db, { orgId });
    const { headers } = await signIn(t, user.id);
    const passwords = [TEST_PASSWORD, 'Hist#Pass01', 'Hist#Pass02', 'Hist#Pass03', 'Hist#Pass04'];
    for (let i = 1; i < passwords.length; i++) expect((await change(headers, passwords[i - 1]!, passwords[i]!)).statusCode).toBe(204);
    expect(await t.db.select().from(passwordHistory).where(eq(passwordHistory.userId, user.id))).toHaveLength(4);
    // Current is Hist#Pass04; the last five are it and the four before: try the newest and the oldest.
    for (const reused of [TEST_PASSWORD, 'Hist#Pass03', 'Hist#Pass04']) {
      const res = await change(headers, 'Hist#Pass04', reused);
      expect(res.statusCode, reused).toBe(400);
      expect(res.json().code).toBe('PASSWORD_POLICY');
    }
    expect((await change(headers, 'Hist#Pass04', 'Hist#Pass05')).statusCode).toBe(204);
    expect((await change(headers, 'Hist#Pass05', TEST_PASSWORD)).statusCode).toBe(204);
  });
});
