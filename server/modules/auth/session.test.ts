import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../kernel/auth/sessions.ts';
import { createOrg, createUser, signIn, TEST_PASSWORD } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows, loginThroughRoute } from './auth.test-helpers.ts';

describe('sessions', () => {
  let t: TestApp;
  let orgId: string;
  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
  });
  afterAll(() => t.close());

  it('expires after 31 idle minutes', async () => {
    const { headers } = await signIn(t, (await createUser(t.db, { orgId })).id);
    t.clock.advanceMinutes(29);
    expect((await me(headers)).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await me(headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    // Coming back does not revive it.
    t.clock.advanceMinutes(-30);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('expires at 12 hours however active the user is', async () => {
    const { headers } = await signIn(t, (await createUser(t.db, { orgId })).id);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await me(headers)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    t.clock.advanceMinutes(20);
    const expired = await me(headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: expect.stringContaining('最长有效期') });
  });

  it('refuses a write whose CSRF header is missing or wrong', async () => {
    const { headers } = await signIn(t, (await createUser(t.db, { orgId })).id);
    const noHeader = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: headers.cookie! } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, [CSRF_HEADER]: 'forged' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('CSRF_FAILED');
    // Still signed in: the forged requests did nothing.
    expect((await me(headers)).statusCode).toBe(200);
  });

  it('logs out the current session only, clearing the cookies', async () => {
    const user = await createUser(t.db, { orgId, username: 'logout1' });
    const first = await loginThroughRoute(t, 'logout1', TEST_PASSWORD);
    const second = await loginThroughRoute(t, 'logout1', TEST_PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: first.headers });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'fazhi_session')?.value).toBe('');
    expect((await me(first.headers)).statusCode).toBe(401);
    expect((await me(second.headers)).statusCode).toBe(200);
    const [audit] = await auditRows(t, 'auth.logout');
    expect(audit).toMatchObject({ actorId: user.id, action: 'auth.logout' });
  });

  it('logs out everywhere', async () => {
    const user = await createUser(t.db, { orgId, username: 'logout2' });
    const first = await loginThroughRoute(t, 'logout2', TEST_PASSWORD);
    const second = await loginThroughRoute(t, 'logout2', TEST_PASSWORD);
    const other = await signIn(t, (await createUser(t.db, { orgId })).id);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: first.headers })).statusCode).toBe(204);
    expect((await me(first.headers)).statusCode).toBe(401);
    expect((await me(second.headers)).statusCode).toBe(401);
    expect((await me(other.headers)).statusCode).toBe(200);
    const [audit] = await auditRows(t, 'auth.logout_all');
    expect(audit).toMatchObject({ actorId: user.id, detail: { sessions: 2 } });
  });

  it('answers logout without a session with 401', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });
});
