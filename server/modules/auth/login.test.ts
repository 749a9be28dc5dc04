import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../kernel/auth/auth.tables.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows, loginThroughRoute } from './auth.test-helpers.ts';

describe('login', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
  });
  afterAll(() => t.close());

  it('signs in: httpOnly session cookie, readable CSRF cookie, the Me body, last login time', async () => {
    const user = await createUser(t.db, { orgId, username: 'zhangsan', displayName: '张三' });
    const { res, cookies, headers } = await loginThroughRoute(t, 'zhangsan', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, username: 'zhangsan', displayName: '张三', orgName: '县司法局', mustChangePassword: false, adminKind: null, roles: [] });
    expect(cookies.get('fazhi_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies.get('fazhi_csrf')?.httpOnly).toBeFalsy();
    expect(cookies.get('fazhi_csrf')).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(cookies.get('fazhi_session')?.secure).toBeFalsy();

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, orgId, regionCode: '430621', permissions: {} });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt?.getTime()).toBe(t.clock.now().getTime());
    const [audit] = await auditRows(t, 'auth.login');
    expect(audit).toMatchObject({ actorId: user.id, actorName: 'zhangsan', entityId: user.id });
  });

  it('marks the cookies Secure when the deployment serves HTTPS', async () => {
    await createUser(t.db, { orgId, username: 'secure1' });
    t.app.config.cookieSecure = true;
    try {
      const { cookies } = await loginThroughRoute(t, 'secure1', TEST_PASSWORD);
      expect(cookies.get('fazhi_session')?.secure).toBe(true);
      expect(cookies.get('fazhi_csrf')?.secure).toBe(true);
    } finally {
      t.app.config.cookieSecure = false;
    }
  });

  it('answers a wrong password and an unknown user alike, and audits both under the tried name', async () => {
    await createUser(t.db, { orgId, username: 'lisi' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lisi', password: 'Wrong#Pass1' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'Wrong#Pass1' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    expect(wrong.cookies).toHaveLength(0);
    const failures = await auditRows(t, 'auth.login_failed');
    expect(failures.map((f) => [f.actorName, f.actorId])).toEqual(expect.arrayContaining([['lisi', null], ['nobody', null]]));
  });

  it('answers 401 AUTH_REQUIRED to /me without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('refuses inactive users and service accounts even with the right password', async () => {
    const inactive = await createUser(t.db, { orgId, username: 'inactive1' });
    await t.db.update(users).set({ status: 'inactive' }).where(eq(users.id, inactive.id));
    const service = await createUser(t.db, { orgId, username: 'svc1' });
    await t.db.update(users).set({ isService: true }).where(eq(users.id, service.id));
    for (const username of ['inactive1', 'svc1']) {
      const { res, cookies } = await loginThroughRoute(t, username, TEST_PASSWORD);
      expect(res.statusCode).toBe(403);
      expect(cookies.size).toBe(0);
    }
  });

  it('locks after 5 consecutive failures for 15 minutes, telling the unlock time in Beijing time', async () => {
    const user = await createUser(t.db, { orgId, username: 'wangwu' });
    for (let i = 1; i <= 4; i++) {
      expect((await loginThroughRoute(t, 'wangwu', 'Wrong#Pass1')).res.statusCode).toBe(401);
    }
    const fifth = await loginThroughRoute(t, 'wangwu', 'Wrong#Pass1');
    expect(fifth.res.statusCode).toBe(423);
    // The fake clock starts at 2026-01-05 09:00 Beijing time.
    expect(fifth.res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringContaining('2026-01-05 09:15（北京时间）') });
    expect((await loginThroughRoute(t, 'wangwu', TEST_PASSWORD)).res.statusCode).toBe(423);
    const [lockout] = await auditRows(t, 'auth.lockout');
    expect(lockout).toMatchObject({ actorName: 'wangwu', entityId: user.id });

    t.clock.advanceMinutes(14);
    expect((await loginThroughRoute(t, 'wangwu', TEST_PASSWORD)).res.statusCode).toBe(423);
    t.clock.advanceMinutes(1);
    expect((await loginThroughRoute(t, 'wangwu', TEST_PASSWORD)).res.statusCode).toBe(200);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedAttempts: 0, lockedUntil: null });
  });

  it('resets the count on success', async () => {
    await createUser(t.db, { orgId, username: 'zhaoliu' });
    for (let i = 0; i < 4; i++) await loginThroughRoute(t, 'zhaoliu', 'Wrong#Pass1');
    expect((await loginThroughRoute(t, 'zhaoliu', TEST_PASSWORD)).res.statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginThroughRoute(t, 'zhaoliu', 'Wrong#Pass1')).res.statusCode).toBe(401);
  });

  it('counts concurrent failures without losing any', async () => {
    const user = await createUser(t.db, { orgId, username: 'sunqi' });
    const results = await Promise.all(Array.from({ length: 5 }, () => loginThroughRoute(t, 'sunqi', 'Wrong#Pass1')));
    expect(results.map((r) => r.res.statusCode).sort()).toEqual([401, 401, 401, 401, 423]);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(t.clock.now().getTime());
  });
});
