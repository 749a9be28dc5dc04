import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { actorWith, createOrg, createRole, createUser, ensureRegion, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('audit log reading and verification', () => {
  let t: TestApp;
  let county: { id: string };
  let writer: SignedIn;
  let auditor: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureRegion(t.db, '430621', '岳阳县');
    await ensureRegion(t.db, '430602', '岳阳楼区');
    county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government', code: 'GOV' });
    const role = await createRole(t.db, { permissions: { 'org.read': 'all', 'org.write': 'all' }, adminKind: 'system' });
    const user = await createUser(t.db, { orgId: county.id, username: 'zhang.sysadmin', roleIds: [role.id] });

    // Sessions follow the fake clock: sign in again after each jump.
    t.clock.set('2026-03-01T10:00:00+08:00');
    await createVia(await signIn(t, user.id), { regionCode: '430621', parentId: county.id, code: 'A1', name: '甲局' });
    t.clock.set('2026-03-02T10:00:00+08:00');
    await createVia(await signIn(t, user.id), { regionCode: '430602', code: 'B1', name: '岳阳楼区人民政府', type: 'government' });
    t.clock.set('2026-03-03T10:00:00+08:00');
    writer = await signIn(t, user.id);
    auditor = await actorWith(t, { 'audit.read': 'region', 'org.read': 'region' }, { orgId: county.id, adminKind: 'audit' });
  });
  afterAll(() => t.close());

  async function createVia(who: SignedIn, body: Record<string, unknown>) {
    const res = await t.app.inject({ method: 'POST', url: '/api/orgs', payload: { type: 'department', ...body }, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const get = (who: SignedIn | null, url: string) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const readRows = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.read'))).length;

  it('is readable by auditors only', async () => {
    expect((await get(null, '/api/audit')).statusCode).toBe(401);
    expect((await get(writer, '/api/audit')).statusCode).toBe(403);
    expect((await get(writer, '/api/audit/verify')).statusCode).toBe(403);
    expect((await get(writer, '/api/audit/export.xlsx')).statusCode).toBe(403);
  });

  it('lists the auditor’s region chain newest first, and records one read per request', async () => {
    const before = await readRows();
    const res = await get(auditor, '/api/audit?action=org&pageSize=10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(body.items[0]).toMatchObject({ chain: '430621', seq: 1, action: 'org.create', actorName: 'zhang.sysadmin', after: { code: 'A1' } });
    expect(body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await readRows()).toBe(before + 1);
    const [read] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit.read')).orderBy(asc(auditLog.at), asc(auditLog.seq)).limit(1).offset(before);
    expect(read).toMatchObject({ chain: '430621', detail: { kind: 'list', filter: { action: 'org' }, total: 1 } });

    const all = (await get(auditor, '/api/audit?pageSize=100')).json();
    expect(all.items.map((i: { seq: number }) => i.seq)).toEqual([...all.items.map((i: { seq: number }) => i.seq)].sort((a, b) => b - a));
    expect(all.items.every((i: { chain: string }) => i.chain === '430621')).toBe(true);
  });

  it('filters by actor, action, entity, time and chain', async () => {
    const q = async (query: string) => (await get(auditor, `/api/audit?${query}`)).json();
    expect((await q('actor=SYSADMIN')).items.map((i: { action: string }) => i.action)).toEqual(['org.create']);
    expect((await q('actor=nobody')).total).toBe(0);
    expect((await q('action=org.create')).total).toBe(1);
    expect((await q('action=or')).total).toBe(0);
    const orgId = (await q('action=org.create')).items[0].entityId;
    expect((await q(`entityType=organisation&entityId=${orgId}`)).total).toBe(1);
    expect((await q('action=org&from=2026-03-01&to=2026-03-01')).total).toBe(1);
    expect((await q('action=org&from=2026-03-02')).total).toBe(0);
    expect((await q('action=org&to=2026-03-01T01:59:59.999Z')).total).toBe(0);
    expect((await q('action=org&to=2026-03-01T02:00:00.000Z')).total).toBe(1);
    // Another region's chain is outside a region auditor's scope even when asked for by name.
    expect((await q('chain=430602')).total).toBe(0);
    expect((await get(auditor, '/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('shows every chain to an auditor of all regions', async () => {
    const everywhere = await actorWith(t, { 'audit.read': 'all' }, { orgId: county.id, adminKind: 'audit' });
    const res = (await get(everywhere, '/api/audit?chain=430602')).json();
    expect(res.items.map((i: { action: string; after: { code: string } }) => [i.action, i.after.code])).toEqual([['org.create', 'B1']]);
    const verify = (await get(everywhere, '/api/audit/verify')).json();
    expect(verify.chains.map((c: { chain: string }) => c.chain)).toEqual(['430602', '430621']);
  });

  it('exports the filtered log as Excel, and records the export', async () => {
    const before = await readRows();
    const res = await get(auditor, '/api/audit/export.xlsx?action=org');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('审计链');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('2026-03-01 10:00:00');
    expect(sheet.getRow(2).getCell(6).value).toBe('新建机构');
    expect(sheet.getRow(2).getCell(7).value).toBe('org.create');
    expect(await readRows()).toBe(before + 1);
  });

  it('keeps the chain gap-free and valid under 20 parallel writes', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createVia(writer, { regionCode: '430621', parentId: county.id, code: `P${i}`, name: `并发机构${i}` })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(20);
    // Edits take no tree lock: here the chain head alone orders the writers.
    const edits = await Promise.all(
      results.map((org) =>
        t.app.inject({ method: 'PUT', url: `/api/orgs/${org.id}`, headers: writer.headers, payload: { code: org.code, name: `${org.name}（改）`, type: 'department', version: 1 } }),
      ),
    );
    expect(edits.map((r) => r.statusCode)).toEqual(edits.map(() => 200));
    const seqs = (await t.db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.chain, '430621')).orderBy(asc(auditLog.seq))).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const creates = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'org.create'));
    expect(creates[0]!.n).toBe(22);
    const verify = await get(auditor, '/api/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, chains: [{ chain: '430621', rows: seqs.length }] });
  });

  it('reports tampering through the verify endpoint', async () => {
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.db.execute(sql`update audit_log set actor_name = 'someone' where chain = '430621' and seq = 2`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const res = (await get(auditor, '/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, firstBroken: { chain: '430621', seq: 2, reason: '内容被篡改' } });
  });
});
