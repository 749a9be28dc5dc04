import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { ensureBuiltinRoles, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { actorWith, createOrg, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

/** Data scope: a township's staff see their own people, never another township's. */
describe('user data scope', () => {
  let t: TestApp;
  let townA: string;
  let villageA: string;
  let townB: string;
  let userA: string;
  let userVillageA: string;
  let userB: string;
  const get = (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const listedIds = async (who: SignedIn, query = '') => (await get(`/api/users?pageSize=500${query}`, who)).json().items.map((u: { id: string }) => u.id);

  beforeAll(async () => {
    t = await createTestApp();
    const county = (await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' })).id;
    townA = (await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: county })).id;
    villageA = (await createOrg(t.db, { name: '荣家湾村', type: 'village', parentId: townA })).id;
    townB = (await createOrg(t.db, { name: '新墙镇', type: 'township', parentId: county })).id;
    userA = (await createUser(t.db, { orgId: townA })).id;
    userVillageA = (await createUser(t.db, { orgId: villageA })).id;
    userB = (await createUser(t.db, { orgId: townB })).id;
  });
  afterAll(() => t.close());

  it('own_org (the built-in township role): lists and reads only its own organisation', async () => {
    await ensureBuiltinRoles(t.db);
    const [role] = await t.db.select().from(roles).where(eq(roles.code, TOWNSHIP_STAFF));
    const staff = await signIn(t, (await createUser(t.db, { orgId: townA, roleIds: [role!.id] })).id);
    const ids = await listedIds(staff);
    expect(ids).toContain(userA);
    expect(ids).not.toContain(userB);
    expect(ids).not.toContain(userVillageA);
    expect(await listedIds(staff, `&orgId=${townB}`)).toEqual([]);
    expect((await get(`/api/users/${userA}`, staff)).statusCode).toBe(200);
    const other = await get(`/api/users/${userB}`, staff);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    const exported = await get('/api/users/export.xlsx', staff);
    expect(exported.statusCode).toBe(200);
  });

  it('org_subtree: includes the township’s villages, still not the other township', async () => {
    const staff = await actorWith(t, { 'user.read': 'org_subtree' }, { orgId: townA });
    const ids = await listedIds(staff);
    expect(ids).toEqual(expect.arrayContaining([userA, userVillageA]));
    expect(ids).not.toContain(userB);
    expect((await get(`/api/users/${userVillageA}`, staff)).statusCode).toBe(200);
    expect((await get(`/api/users/${userB}`, staff)).statusCode).toBe(404);
  });

  it('region: a user of another county is out of reach', async () => {
    const elsewhere = await createOrg(t.db, { name: '临湘市司法局', regionCode: '430682' });
    const far = await createUser(t.db, { orgId: elsewhere.id, regionCode: '430682' });
    const reader = await actorWith(t, { 'user.read': 'region' }, { orgId: townA });
    expect(await listedIds(reader)).not.toContain(far.id);
    expect((await get(`/api/users/${far.id}`, reader)).statusCode).toBe(404);
  });

  it('writes follow the same scope: no creating in, editing or moving to another township', async () => {
    const townAdmin = await actorWith(t, { 'user.read': 'org_subtree', 'user.write': 'org_subtree' }, { orgId: townA, adminKind: 'system' });
    const create = (orgId: string) =>
      t.app.inject({ method: 'POST', url: '/api/users', headers: townAdmin.headers, payload: { orgId, username: `s${orgId.slice(0, 6)}`, displayName: '某', initialPassword: 'Init#Pass2026' } });
    expect((await create(villageA)).statusCode).toBe(201);
    expect((await create(townB)).statusCode).toBe(404);
    const edit = await t.app.inject({ method: 'PUT', url: `/api/users/${userB}`, headers: townAdmin.headers, payload: { displayName: '改', orgId: townB, version: 1 } });
    expect(edit.statusCode).toBe(404);
    const move = await t.app.inject({ method: 'PUT', url: `/api/users/${userA}`, headers: townAdmin.headers, payload: { displayName: '改', orgId: townB, version: 1 } });
    expect(move.statusCode).toBe(404);
  });
});
