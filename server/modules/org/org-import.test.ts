import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { actorWith, createOrg, ensureRegion, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

const HEADERS = ['机构编码', '机构名称', '简称', '上级机构编码', '机构类型', '统一社会信用代码', '行政区划代码', '联系人', '联系电话', '地址', '状态', '排序'];

async function readSheet(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const ws = workbook.worksheets[0]!;
  ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}

async function sheet(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('机构');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row in the sheet's column order. */
const row = (code: string, name: string, parentCode: string, type = '政府部门', extra: { creditCode?: string; status?: string; region?: string } = {}) => [
  code, name, '', parentCode, type, extra.creditCode ?? '', extra.region ?? '430621', '', '', '', extra.status ?? '启用', 0,
];

describe('organisation import and export', () => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    await ensureRegion(t.db, '430621', '岳阳县');
    const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government', code: 'GOV' });
    const sfj = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id, code: 'SFJ', creditCode: '91350100M000100Y43' });
    await t.db.update(organisations).set({ sortOrder: 2 }).where(eq(organisations.id, sfj.id));
    const town = await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: county.id, code: 'RJW' });
    await t.db.update(organisations).set({ sortOrder: 1 }).where(eq(organisations.id, town.id));
    await createOrg(t.db, { name: '荣家湾村', type: 'village', parentId: town.id, code: 'RJW01' });
    admin = await actorWith(t, { 'org.read': 'region', 'org.write': 'region' }, { orgId: county.id });
  });
  afterAll(() => t.close());

  const upload = (who: SignedIn, url: string, body: Buffer) =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { ...who.headers, 'content-type': XLSX_MIME } });
  const exportSheet = async (who = admin) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/orgs/export.xlsx?regionCode=430621', headers: who.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    return readSheet(res.rawPayload);
  };
  const counts = async () => {
    const [orgs] = await t.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    const [audit] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    return { orgs: orgs!.n, audit: audit!.n };
  };
  const byCode = async (code: string) => (await t.db.select().from(organisations).where(eq(organisations.code, code)))[0];

  it('exports the tree parents first, in the layout the import reads', async () => {
    const rows = await exportSheet();
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[10]])).toEqual([
      ['GOV', '', '人民政府', '启用'],
      ['RJW', 'GOV', '乡镇', '启用'],
      ['RJW01', 'RJW', '村', '启用'],
      ['SFJ', 'GOV', '政府部门', '启用'],
    ]);
    expect(rows.find((r) => r[0] === 'SFJ')![5]).toBe('91350100M000100Y43');
  });

  it('round trip: export → edit one row, add one row → import; a dry run writes nothing', async () => {
    const rows = await exportSheet();
    const sfj = rows.find((r) => r[0] === 'SFJ')!;
    sfj[1] = '岳阳县司法局（更名）';
    // The new row comes first, before its parent's row: rows may come in any order.
    const file = await sheet([row('RJW02', '新村', 'RJW', '村'), ...rows.slice(1)]);
    const before = await counts();

    const dry = await upload(admin, '/api/orgs/import?dryRun=true', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ created: 1, updated: 1, unchanged: 3, dryRun: true });
    expect(await counts()).toEqual(before);

    const res = await upload(admin, '/api/orgs/import', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 3, dryRun: false });
    const created = (await byCode('RJW02'))!;
    const town = (await byCode('RJW'))!;
    expect(created).toMatchObject({ parentId: town.id, path: `${town.path}${created.id}/`, depth: 2, type: 'village', status: 'active' });
    expect(await byCode('SFJ')).toMatchObject({ name: '岳阳县司法局（更名）', version: 2 });
    const audit = await t.db.select().from(auditLog).where(sql`${auditLog.seq} > ${before.audit}`).orderBy(auditLog.seq);
    expect(audit.map((a) => [a.action, a.entityId]).sort()).toEqual([
      ['org.create', created.id],
      ['org.update', (await byCode('SFJ'))!.id],
    ]);
    expect(audit.every((a) => (a.detail as { via: string }).via === 'import')).toBe(true);

    const again = await upload(admin, '/api/orgs/import', await sheet((await exportSheet()).slice(1)));
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 5, dryRun: false });
  });

  it('writes nothing when any row is bad, and names each row and problem', async () => {
    const before = await counts();
    const file = await sheet([
      row('OK1', '好机构', 'GOV'),
      row('BAD1', '错类型', 'GOV', '科室'),
      row('BAD2', '错代码', 'GOV', '政府部门', { creditCode: '91350100M000100Y44' }),
      row('BAD3', '无上级', 'NOPE'),
      row('OK1', '重复编码', 'GOV'),
      row('CY1', '循环一', 'CY2'),
      row('CY2', '循环二', 'CY1'),
      row('', '', 'GOV'),
      row('BAD4', '错区划', 'GOV', '政府部门', { region: '999999' }),
      row('BAD5', '重复信用代码', 'GOV', '其他', { creditCode: '91350100M000100Y43' }),
    ]);
    const res = await upload(admin, '/api/orgs/import', file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('IMPORT_INVALID');
    const errors = Object.fromEntries(body.details.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.join('；')]));
    expect(Object.keys(errors).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(errors[3]).toContain('机构类型“科室”无效');
    expect(errors[4]).toContain('第18位');
    expect(errors[5]).toContain('上级机构编码“NOPE”在文件和系统中都不存在');
    expect(errors[6]).toContain('与第2行重复');
    expect(errors[7]).toContain('循环');
    expect(errors[8]).toContain('循环');
    expect(errors[9]).toContain('机构编码不能为空');
    expect(errors[10]).toContain('省级代码');
    expect(errors[11]).toContain('已被机构“岳阳县司法局（更名）”使用');
    expect(await counts()).toEqual(before);

    const report = await upload(admin, '/api/orgs/import/report', file);
    expect(report.statusCode).toBe(200);
    const reportRows = await readSheet(report.rawPayload);
    expect(reportRows[0]).toEqual(['行号', ...HEADERS, '错误说明']);
    expect(reportRows.slice(1).map((r) => Number(r[0]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(reportRows[1]![13]).toContain('科室');
  });

  it('re-parents an existing organisation through the file, its subtree following', async () => {
    const rows = (await exportSheet()).slice(1);
    rows.find((r) => r[0] === 'RJW')![3] = 'SFJ';
    const res = await upload(admin, '/api/orgs/import', await sheet(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ updated: 1 });
    const [sfj, town, village] = [await byCode('SFJ'), await byCode('RJW'), await byCode('RJW01')];
    expect(town).toMatchObject({ parentId: sfj!.id, path: `${sfj!.path}${town!.id}/`, depth: 2 });
    expect(village).toMatchObject({ path: `${town!.path}${village!.id}/`, depth: 3 });

    // Back under the county, while the county is made the town's child in the same file: a cycle.
    rows.find((r) => r[0] === 'RJW')![3] = 'GOV';
    rows.find((r) => r[0] === 'GOV')![3] = 'RJW01';
    const cycle = await upload(admin, '/api/orgs/import', await sheet(rows));
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().details.rows.map((r: { errors: string[] }) => r.errors.join()).join()).toContain('循环');
  });

  it('refuses to deactivate through the file what still has active children', async () => {
    const rows = (await exportSheet()).slice(1);
    rows.find((r) => r[0] === 'RJW')![10] = '停用';
    const res = await upload(admin, '/api/orgs/import', await sheet(rows));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.rows[0].errors.join()).toContain('还有启用的下级机构');
  });

  it('checks the scope of every row', async () => {
    const town = (await byCode('RJW'))!;
    const local = await actorWith(t, { 'org.read': 'org_subtree', 'org.write': 'org_subtree' }, { orgId: town.id });
    const rows = (await exportSheet(local)).slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(['RJW', 'RJW01', 'RJW02']);
    const ok = await upload(local, '/api/orgs/import', await sheet([...rows, row('RJW03', '另一村', 'RJW', '村')]));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1, unchanged: 3 });
    const res = await upload(local, '/api/orgs/import', await sheet([row('SFJ', '改别人的', 'GOV'), row('NEWX', '挂到别人下面', 'GOV')]));
    expect(res.statusCode).toBe(400);
    const errors = res.json().details.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.join()]);
    expect(errors).toEqual([
      [2, expect.stringContaining('不在您的管理范围内')],
      [3, expect.stringContaining('上级机构“GOV”不在您的管理范围内')],
    ]);

    // Someone who sees the whole county but manages one town re-imports the county's sheet.
    const wide = await actorWith(t, { 'org.read': 'region', 'org.write': 'org_subtree' }, { orgId: town.id });
    const county = (await exportSheet(wide)).slice(1);
    county.find((r) => r[0] === 'RJW03')![1] = '另一村（改）';
    const mixed = await upload(wide, '/api/orgs/import', await sheet(county));
    expect(mixed.statusCode, mixed.body).toBe(200);
    expect(mixed.json()).toMatchObject({ created: 0, updated: 1 });

    const reader = await actorWith(t, { 'org.read': 'region' });
    expect((await upload(reader, '/api/orgs/import', await sheet([]))).statusCode).toBe(403);
  });

  it('rejects a file that is not an organisation sheet, or not an xlsx', async () => {
    const missing = await upload(admin, '/api/orgs/import', await sheet([['X']], ['机构编码']));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('缺少列') });
    const garbage = await upload(admin, '/api/orgs/import', Buffer.from('not a workbook'));
    expect(garbage.statusCode).toBe(400);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/orgs/import',
      payload: Buffer.from('x'),
      headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
    });
    expect(wrongType.statusCode).toBe(415);
    const tooLarge = await upload(admin, '/api/orgs/import', Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(tooLarge.statusCode).toBe(413);
  });
});
