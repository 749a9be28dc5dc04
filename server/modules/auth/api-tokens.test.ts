import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '../../kernel/auth/auth.tables.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { actorWith, createOrg, createRole, createUser, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows } from './auth.test-helpers.ts';

describe('API tokens', () => {
  let t: TestApp;
  let admin: SignedIn;
  let serviceUserId: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const issue = (body: object) => t.app.inject({ method: 'POST', url: '/api/api-tokens', headers: admin.headers, payload: body });
  beforeAll(async () => {
    t = await createTestApp();
    const orgId = (await createOrg(t.db, { name: '县数据资源局' })).id;
    admin = await actorWith(t, { 'apitoken.manage': 'all' }, { orgId, adminKind: 'security' });
    const role = await createRole(t.db, { permissions: { 'apitoken.manage': 'all' } });
    const service = await createUser(t.db, { orgId, username: 'svc_exchange', displayName: '数据交换', roleIds: [role.id] });
    await t.db.update(users).set({ isService: true }).where(eq(users.id, service.id));
    serviceUserId = service.id;
  });
  afterAll(() => t.close());

  it('issues a token shown once, stores only its SM3 digest, and authenticates with it', async () => {
    const res = await issue({ name: '数据交换平台', userId: serviceUserId });
    expect(res.statusCode).toBe(201);
    const { id, token } = res.json();
    expect(token).toMatch(/^fzt_/);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.tokenHash).toBe(sm3(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ id, name: '数据交换平台', username: 'svc_exchange', prefix: token.slice(0, 12), revokedAt: null })]);
    expect(list.body).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: serviceUserId, permissions: { 'apitoken.manage': 'all' } });
    // A token is not a browser session: writes need no CSRF header.
    expect((await t.app.inject({ method: 'POST', url: '/api/api-tokens', headers: bearer(token), payload: { name: 'x', userId: serviceUserId } })).statusCode).toBe(201);
    const [audit] = await auditRows(t, 'apitoken.create');
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('stops authenticating once revoked', async () => {
    const { id, token } = (await issue({ name: '临时对接', userId: serviceUserId })).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await t.app.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke`, headers: admin.headers });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_REQUIRED');
    expect((await t.app.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke`, headers: admin.headers })).statusCode).toBe(409);
    expect((await auditRows(t, 'apitoken.revoke'))[0]).toMatchObject({ entityId: id });
  });

  it('is issued only to active service accounts, with an expiry in the future', async () => {
    const person = await createUser(t.db, { orgId: (await createOrg(t.db, { name: '某局' })).id });
    expect((await issue({ name: 'x', userId: person.id })).statusCode).toBe(400);
    expect((await issue({ name: 'x', userId: crypto.randomUUID() })).statusCode).toBe(404);
    expect((await issue({ name: 'x', userId: serviceUserId, expiresAt: '2020-01-01T00:00:00+08:00' })).statusCode).toBe(400);
    expect((await issue({ name: 'x', userId: serviceUserId, expiresAt: 'tomorrow' })).json().code).toBe('VALIDATION_FAILED');
  });

  it('needs apitoken.manage', async () => {
    const other = await actorWith(t, { 'user.read': 'region' });
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: other.headers })).statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/api-tokens', headers: other.headers, payload: { name: 'x', userId: serviceUserId } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens' })).statusCode).toBe(401);
  });

  it('stops authenticating after its expiry', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const { token } = (await issue({ name: '一小时', userId: serviceUserId, expiresAt })).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    t.clock.advanceMinutes(61);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });
});
