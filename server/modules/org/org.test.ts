import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { users } from '../../kernel/auth/auth.tables.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { actorWith, createOrg, createUser, ensureRegion, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('organisation tree', () => {
  let t: TestApp;
  let county: { id: string; path: string };
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureRegion(t.db, '430621', '岳阳县');
    await ensureRegion(t.db, '430602', '岳阳楼区');
    county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government', code: 'GOV' });
    admin = await actorWith(t, { 'org.read': 'region', 'org.write': 'region' }, { orgId: county.id });
  });
  afterAll(() => t.close());

  const post = (who: SignedIn, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: who.headers });
  const put = (who: SignedIn, url: string, payload: object) => t.app.inject({ method: 'PUT', url, payload, headers: who.headers });
  const get = (who: SignedIn | null, url: string) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const create = async (payload: Record<string, unknown>, who = admin) => {
    const res = await post(who, '/api/orgs', { regionCode: '430621', type: 'department', ...payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const auditRows = (entityId: string) =>
    t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.entityId, entityId))).orderBy(auditLog.seq);

  it('lists regions to any signed-in user, and to nobody else', async () => {
    const someone = await actorWith(t, {});
    const res = await get(someone, '/api/regions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({ code: '430621', name: '岳阳县', level: 3, parentCode: '430600' });
    expect((await get(null, '/api/regions')).statusCode).toBe(401);
  });

  it('creates an organisation under a parent, placed in the tree, and audits it', async () => {
    const org = await create({ parentId: county.id, code: 'SFJ', name: '岳阳县司法局', shortName: '司法局', sortOrder: 3 });
    expect(org).toMatchObject({ parentId: county.id, depth: 1, path: `${county.path}${org.id}/`, version: 1, status: 'active', childCount: 0, userCount: 0 });
    const [row] = await auditRows(org.id);
    expect(row).toMatchObject({ action: 'org.create', chain: '430621', orgId: org.id, actorId: admin.userId });
    expect(row!.after).toMatchObject({ code: 'SFJ', name: '岳阳县司法局' });
  });

  it('refuses a credit code that does not verify, naming the problem', async () => {
    const res = await post(admin, '/api/orgs', { regionCode: '430621', parentId: county.id, code: 'X1', name: '某局', type: 'department', creditCode: '91350100M000100Y44' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDIT_CODE', message: expect.stringContaining('第18位') });
    const lower = await create({ parentId: county.id, code: 'X2', name: '某公司', type: 'other', creditCode: '91350100m000100y43' });
    expect(lower.creditCode).toBe('91350100M000100Y43');
  });

  it('refuses duplicate codes and credit codes, and unknown regions', async () => {
    const dupCode = await post(admin, '/api/orgs', { regionCode: '430621', parentId: county.id, code: 'SFJ', name: '另一个', type: 'department' });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().code).toBe('DUPLICATE');
    const dupCredit = await post(admin, '/api/orgs', { regionCode: '430621', parentId: county.id, code: 'X3', name: '另一个', type: 'other', creditCode: '91350100M000100Y43' });
    expect(dupCredit.statusCode).toBe(409);
    const noRegion = await post(admin, '/api/orgs', { regionCode: '430699', code: 'R1', name: '不存在的县', type: 'government' });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().message).toContain('430699');
    const invalid = await post(admin, '/api/orgs', { regionCode: '430621', parentId: county.id, code: '有 空格', name: '', type: 'bureau' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
  });

  it('creates a root only with a region-wide org.write of that region', async () => {
    const root = await create({ regionCode: '430621', code: 'ROOT2', name: '岳阳县人大常委会', type: 'committee' });
    expect(root).toMatchObject({ parentId: null, depth: 0, path: `/${root.id}/` });
    const otherRegion = await post(admin, '/api/orgs', { regionCode: '430602', code: 'ROOT3', name: '岳阳楼区人民政府', type: 'government' });
    expect(otherRegion.statusCode).toBe(403);
    const township = await createOrg(t.db, { name: '某镇', type: 'township', parentId: county.id });
    const local = await actorWith(t, { 'org.read': 'org_subtree', 'org.write': 'org_subtree' }, { orgId: township.id });
    expect((await post(local, '/api/orgs', { regionCode: '430621', code: 'ROOT4', name: '某机构', type: 'other' })).statusCode).toBe(403);
  });

  it('edits with optimistic locking and audits before and after', async () => {
    const org = await create({ parentId: county.id, code: 'JYJ', name: '岳阳县教育局' });
    const body = { code: 'JYJ', name: '岳阳县教育体育局', type: 'department', contactPerson: '张三', contactPhone: '0730-7612345', version: 1 };
    const first = await put(admin, `/api/orgs/${org.id}`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: '岳阳县教育体育局', contactPerson: '张三', version: 2 });
    const stale = await put(admin, `/api/orgs/${org.id}`, { ...body, name: '过期的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const region = await put(admin, `/api/orgs/${org.id}`, { ...body, regionCode: '430602', version: 2 });
    expect(region.statusCode).toBe(409);
    const rows = await auditRows(org.id);
    expect(rows.map((r) => r.action)).toEqual(['org.create', 'org.update']);
    expect(rows[1]).toMatchObject({ before: { name: '岳阳县教育局', version: 1 }, after: { name: '岳阳县教育体育局', version: 2 } });
  });

  it('moves a subtree in one statement, refuses cycles, and audits the move', async () => {
    const a = await create({ parentId: county.id, code: 'MA', name: '甲镇', type: 'township' });
    const a1 = await create({ parentId: a.id, code: 'MA1', name: '甲村', type: 'village' });
    const a11 = await create({ parentId: a1.id, code: 'MA11', name: '甲村一组', type: 'other' });
    const b = await create({ parentId: county.id, code: 'MB', name: '乙镇', type: 'township' });

    const intoOwnSubtree = await post(admin, `/api/orgs/${a.id}/move`, { parentId: a11.id, version: 1 });
    expect(intoOwnSubtree.statusCode).toBe(409);
    expect(intoOwnSubtree.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('下级机构') });
    expect((await post(admin, `/api/orgs/${a.id}/move`, { parentId: a.id, version: 1 })).statusCode).toBe(409);

    const moved = await post(admin, `/api/orgs/${a.id}/move`, { parentId: b.id, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: b.id, depth: 2, version: 2 });
    const rows = await t.db.select().from(organisations).where(sql`${organisations.path} like ${b.path + '%'}`);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.MA).toMatchObject({ path: `${b.path}${a.id}/`, depth: 2 });
    expect(byCode.MA1).toMatchObject({ path: `${b.path}${a.id}/${a1.id}/`, depth: 3, version: 1 });
    expect(byCode.MA11).toMatchObject({ path: `${b.path}${a.id}/${a1.id}/${a11.id}/`, depth: 4 });

    const stale = await post(admin, `/api/orgs/${a.id}/move`, { parentId: county.id, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const audit = (await auditRows(a.id)).at(-1)!;
    expect(audit).toMatchObject({ action: 'org.move', before: { parentId: county.id }, after: { parentId: b.id }, detail: { subtreeSize: 3 } });
  });

  it('deactivates only without active children or users, and activates only under an active parent', async () => {
    const parent = await create({ parentId: county.id, code: 'DP', name: '丙镇', type: 'township' });
    const child = await create({ parentId: parent.id, code: 'DC', name: '丙村', type: 'village' });
    const busy = await post(admin, `/api/orgs/${parent.id}/deactivate`, { version: 1 });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().message).toContain('1 个启用的下级机构');

    const user = await createUser(t.db, { orgId: child.id });
    const staffed = await post(admin, `/api/orgs/${child.id}/deactivate`, { version: 1 });
    expect(staffed.statusCode).toBe(409);
    expect(staffed.json().message).toContain('1 个启用的用户账号');
    await t.db.update(users).set({ status: 'inactive' }).where(eq(users.id, user.id));

    const done = await post(admin, `/api/orgs/${child.id}/deactivate`, { version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'inactive', version: 2 });
    const parentOff = await post(admin, `/api/orgs/${parent.id}/deactivate`, { version: 1 });
    expect(parentOff.statusCode, parentOff.body).toBe(200);

    const underInactive = await post(admin, `/api/orgs/${child.id}/activate`, { version: 2 });
    expect(underInactive.statusCode).toBe(409);
    expect(underInactive.json().message).toContain('上级机构');
    const createUnder = await post(admin, '/api/orgs', { regionCode: '430621', parentId: parent.id, code: 'DC2', name: '丙村二', type: 'village' });
    expect(createUnder.statusCode).toBe(409);

    expect((await post(admin, `/api/orgs/${parent.id}/activate`, { version: 2 })).statusCode).toBe(200);
    expect((await post(admin, `/api/orgs/${child.id}/activate`, { version: 2 })).statusCode).toBe(200);
    expect((await auditRows(child.id)).map((r) => r.action)).toEqual(['org.create', 'org.deactivate', 'org.activate']);
  });

  it('keeps a township administrator to their own subtree', async () => {
    const t1 = await create({ parentId: county.id, code: 'T1', name: '丁镇', type: 'township' });
    const t2 = await create({ parentId: county.id, code: 'T2', name: '戊镇', type: 'township' });
    const local = await actorWith(t, { 'org.read': 'org_subtree', 'org.write': 'org_subtree' }, { orgId: t1.id });
    const edit = { code: 'T2', name: '被改名', type: 'township', version: 1 };

    expect((await put(local, `/api/orgs/${t2.id}`, edit)).statusCode).toBe(404);
    expect((await get(local, `/api/orgs/${t2.id}`)).statusCode).toBe(404);
    expect((await post(local, `/api/orgs/${t2.id}/deactivate`, { version: 1 })).statusCode).toBe(404);
    expect((await post(local, '/api/orgs', { regionCode: '430621', parentId: t2.id, code: 'T2X', name: '某村', type: 'village' })).statusCode).toBe(404);

    const seesRegion = await actorWith(t, { 'org.read': 'region', 'org.write': 'org_subtree' }, { orgId: t1.id });
    const denied = await put(seesRegion, `/api/orgs/${t2.id}`, edit);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toContain('不在您的管理范围内');

    const village = await create({ parentId: t1.id, code: 'T1V', name: '丁村', type: 'village' }, local);
    const own = await put(local, `/api/orgs/${village.id}`, { code: 'T1V', name: '丁家村', type: 'village', version: 1 });
    expect(own.statusCode, own.body).toBe(200);
    expect((await post(local, `/api/orgs/${village.id}/move`, { parentId: t2.id, version: 2 })).statusCode).toBe(404);

    const list = await get(local, '/api/orgs');
    expect(list.json().items.map((o: { code: string }) => o.code)).toEqual(['T1', 'T1V']);
    const [t2Row] = await t.db.select().from(organisations).where(eq(organisations.id, t2.id));
    expect(t2Row).toMatchObject({ name: '戊镇', version: 1 });
  });

  it('lists with filters, counts by aggregate, and refuses those without org.read', async () => {
    const parent = await create({ parentId: county.id, code: 'L1', name: '己镇', type: 'township', sortOrder: 1 });
    await create({ parentId: parent.id, code: 'L1A', name: '己村', type: 'village' });
    await create({ parentId: parent.id, code: 'L1B', name: '己社区', type: 'community' });
    await createUser(t.db, { orgId: parent.id });
    const res = await get(admin, '/api/orgs?q=%E5%B7%B1');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((o: { code: string }) => o.code)).toEqual(['L1', 'L1A', 'L1B']);
    expect(items[0]).toMatchObject({ childCount: 2, userCount: 1, depth: 1 });
    const villages = (await get(admin, '/api/orgs?type=village&q=%E5%B7%B1')).json().items;
    expect(villages.map((o: { code: string }) => o.code)).toEqual(['L1A']);
    const nobody = await actorWith(t, { 'user.read': 'region' });
    expect((await get(nobody, '/api/orgs')).statusCode).toBe(403);
    expect((await get(nobody, `/api/orgs/${parent.id}`)).statusCode).toBe(403);
  });
});
