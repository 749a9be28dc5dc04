import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../kernel/auth/auth.tables.ts';
import { readXlsx, XLSX_MIME } from '../../kernel/excel/excel.ts';
import { actorWith, createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditRows } from '../auth/auth.test-helpers.ts';

describe('users', () => {
  let t: TestApp;
  let admin: SignedIn;
  let county: string;
  let bureau: string;
  let township: string;
  const post = (url: string, payload: object, headers = admin.headers) => t.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers = admin.headers) => t.app.inject({ method: 'GET', url, headers });
  const newUser = { username: 'chenyi', displayName: '陈一', phone: '13800001234', email: 'chen@example.cn', title: '科员', initialPassword: 'Init#Pass2026' };
  let created: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    county = (await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' })).id;
    bureau = (await createOrg(t.db, { name: '县司法局', parentId: county })).id;
    township = (await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: county })).id;
    admin = await actorWith(t, { 'user.read': 'region', 'user.write': 'region', 'user.personal': 'region' }, { orgId: county, adminKind: 'system' });
  });
  afterAll(() => t.close());

  it('creates a user who must change the initial password; the phone is sealed and masked', async () => {
    const res = await post('/api/users', { ...newUser, orgId: bureau });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(res.json()).toMatchObject({ username: 'chenyi', orgName: '县司法局', phoneMask: '138****1234', mustChangePassword: true, status: 'active', locked: false, isService: false, roles: [], version: 1 });
    const [row] = await t.db.select().from(users).where(eq(users.id, created.id));
    expect(row!.phoneEnc).toMatch(/^v1:/);
    expect(row!.phoneEnc).not.toContain('13800001234');
    const [audit] = await auditRows(t, 'user.create');
    expect(audit).toMatchObject({ entityId: created.id, after: { username: 'chenyi', phoneMask: '138****1234' } });
    expect(JSON.stringify(audit)).not.toMatch(/13800001234|scrypt\$/);
  });

  it('creates a service account, which has no password to change and cannot sign in', async () => {
    const res = await post('/api/users', { orgId: bureau, username: 'svc_gateway', displayName: '政务网关', initialPassword: 'Svc#Pass20260', isService: true });
    expect(res.json()).toMatchObject({ isService: true, mustChangePassword: false });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'svc_gateway', password: 'Svc#Pass20260' } });
    expect(login.statusCode).toBe(403);
  });

  it('refuses a taken username, a weak initial password and malformed fields', async () => {
    const dup = await post('/api/users', { ...newUser, username: 'ChenYi', orgId: bureau });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    const weak = await post('/api/users', { ...newUser, username: 'weak1', initialPassword: 'weak', orgId: bureau });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const bad = await post('/api/users', { ...newUser, username: 'bad1', phone: '12345', orgId: bureau });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('手机号');
    expect((await post('/api/users', { ...newUser, username: 'ghost1', orgId: crypto.randomUUID() })).statusCode).toBe(404);
  });

  it('shows the phone in clear only with user.personal, and audits the reading', async () => {
    const res = await get(`/api/users/${created.id}/personal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: '13800001234' });
    const [audit] = await auditRows(t, 'user.personal_read');
    expect(audit).toMatchObject({ entityId: created.id, actorId: admin.userId, detail: { fields: ['phone'] } });
    const reader = await actorWith(t, { 'user.read': 'region' }, { orgId: county });
    expect((await get(`/api/users/${created.id}/personal`, reader.headers)).statusCode).toBe(403);
  });

  it('updates with optimistic locking, keeping the phone unless sent, and moves between organisations', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${created.id}`,
      headers: admin.headers,
      payload: { displayName: '陈一一', title: '副科长', orgId: township, version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '陈一一', title: '副科长', orgName: '荣家湾镇', phoneMask: '138****1234', email: 'chen@example.cn', version: 2 });
    const stale = await t.app.inject({ method: 'PUT', url: `/api/users/${created.id}`, headers: admin.headers, payload: { displayName: 'x', orgId: township, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const cleared = await t.app.inject({ method: 'PUT', url: `/api/users/${created.id}`, headers: admin.headers, payload: { displayName: '陈一一', phone: '', orgId: township, version: 2 } });
    expect(cleared.json()).toMatchObject({ phoneMask: null, version: 3 });
    const [audit] = await auditRows(t, 'user.update');
    expect(audit).toMatchObject({ before: { phoneMask: '138****1234' }, after: { phoneMask: null } });
    created.version = 3;
  });

  it('lists with filters, sorting and paging', async () => {
    const role = await createRole(t.db, { name: '复议工作人员', permissions: {} });
    await createUser(t.db, { orgId: bureau, username: 'zhou1', displayName: '周一', roleIds: [role.id] });
    await createUser(t.db, { orgId: bureau, username: 'zhou2', displayName: '周二' });
    const page = await get('/api/users?q=zhou&sort=username&order=desc&pageSize=1');
    expect(page.json()).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ username: 'zhou2' }] });
    const byRole = await get(`/api/users?roleId=${role.id}`);
    expect(byRole.json().items).toEqual([expect.objectContaining({ username: 'zhou1', roles: [{ id: role.id, code: role.code, name: '复议工作人员' }] })]);
    const subtree = await get(`/api/users?orgId=${county}&subtree=true&pageSize=100`);
    const direct = await get(`/api/users?orgId=${county}&subtree=false&pageSize=100`);
    expect(subtree.json().total).toBeGreaterThan(direct.json().total);
    expect(direct.json().items.every((u: { orgId: string }) => u.orgId === county)).toBe(true);
    const inactive = await get('/api/users?status=inactive');
    expect(inactive.json().total).toBe(0);
    expect((await get('/api/users?sort=password')).statusCode).toBe(400);
  });

  it('exports the filtered list to Excel', async () => {
    const res = await get('/api/users/export.xlsx?q=zhou&sort=displayName');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const rows = await readXlsx(res.rawPayload, ['用户名', '姓名', '所属机构']);
    expect(rows.map((r) => r.cells['用户名']).sort()).toEqual(['zhou1', 'zhou2']);
  });

  it('deactivates (ending the sessions) and activates, but nobody deactivates themselves', async () => {
    const target = await createUser(t.db, { orgId: bureau });
    const session = await signIn(t, target.id);
    const res = await post(`/api/users/${target.id}/deactivate`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'inactive', version: 2 });
    expect((await get('/api/auth/me', session.headers)).statusCode).toBe(401);
    expect((await post(`/api/users/${target.id}/activate`, { version: 1 })).statusCode).toBe(409);
    expect((await post(`/api/users/${target.id}/activate`, { version: 2 })).json()).toMatchObject({ status: 'active', version: 3 });
    const self = await post(`/api/users/${admin.userId}/deactivate`, { version: 1 });
    expect(self.statusCode).toBe(409);
    expect(self.json().message).toBe('不能停用自己的账号');
    expect((await auditRows(t, 'user.deactivate'))[0]).toMatchObject({ entityId: target.id, before: { status: 'active' }, after: { status: 'inactive' } });
  });

  it('needs user.read to list and user.write to create', async () => {
    const nobody = await actorWith(t, { 'org.read': 'region' }, { orgId: county });
    const list = await get('/api/users', nobody.headers);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    expect((await get(`/api/users/${created.id}`, nobody.headers)).statusCode).toBe(403);
    const reader = await actorWith(t, { 'user.read': 'region' }, { orgId: county });
    expect((await post('/api/users', { ...newUser, username: 'nope1', orgId: bureau }, reader.headers)).statusCode).toBe(403);
    expect((await get('/api/users', {})).statusCode).toBe(401);
  });
});
