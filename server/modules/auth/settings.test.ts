import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecuritySettings } from '../../kernel/config/settings.ts';
import { actorWith, createOrg, createUser, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows, loginThroughRoute } from './auth.test-helpers.ts';

describe('security settings', () => {
  let t: TestApp;
  let admin: SignedIn;
  const defaults = SecuritySettings.parse({});
  const put = (body: object, headers = admin.headers) => t.app.inject({ method: 'PUT', url: '/api/settings/security', headers, payload: body });
  beforeAll(async () => {
    t = await createTestApp();
    admin = await actorWith(t, { 'security.settings': 'all' }, { adminKind: 'security' });
  });
  afterAll(() => t.close());

  it('shows the defaults at version 1 before anyone saved them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/settings/security', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...defaults, version: 1 });
  });

  it('saves with optimistic locking, audits before and after, and takes effect at once', async () => {
    const saved = await put({ ...defaults, maxFailedLogins: 3, passwordMinLength: 10, version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ maxFailedLogins: 3, passwordMinLength: 10, version: 2 });
    const stale = await put({ ...defaults, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const [audit] = await auditRows(t, 'settings.security');
    expect(audit).toMatchObject({ chain: '000000', before: { maxFailedLogins: 5 }, after: { maxFailedLogins: 3 } });

    const policy = await t.app.inject({ method: 'GET', url: '/api/auth/password-policy' });
    expect(policy.json().passwordMinLength).toBe(10);
    await createUser(t.db, { orgId: (await createOrg(t.db, { name: '某局' })).id, username: 'three' });
    for (let i = 0; i < 2; i++) expect((await loginThroughRoute(t, 'three', 'Wrong#Pass1')).res.statusCode).toBe(401);
    expect((await loginThroughRoute(t, 'three', 'Wrong#Pass1')).res.statusCode).toBe(423);
  });

  it('refuses values outside the allowed ranges and partial bodies', async () => {
    const res = await put({ ...defaults, passwordMinLength: 4, version: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('密码最小长度');
    expect((await put({ maxFailedLogins: 5, version: 2 })).statusCode).toBe(400);
  });

  it('needs security.settings', async () => {
    const other = await actorWith(t, { 'user.write': 'region' }, { adminKind: 'system' });
    expect((await t.app.inject({ method: 'GET', url: '/api/settings/security', headers: other.headers })).statusCode).toBe(403);
    expect((await put({ ...defaults, version: 2 }, other.headers)).statusCode).toBe(403);
  });
});
