import { expect } from 'vitest';
import { COORDINATOR, DEPT_STAFF, ensureBuiltinRoles, LEADER, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { XLSX_MIME } from '../../kernel/excel/excel.ts';
import { createOrg, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { call, userWithRole, type Who } from '../litigation/litigation.test-helpers.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { enforcementRoleGrants } from './index.ts';

export { call, type Who };

/** A county with the 司法局, two departments and a township; a user per role. */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, enforcementRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: county.id });
  const health = await createOrg(t.db, { name: '岳阳县卫生健康局', parentId: county.id });
  const town = await createOrg(t.db, { name: '岳阳县公田镇人民政府', type: 'township', parentId: county.id });
  const users = {
    coordinator: await userWithRole(t, justice.id, COORDINATOR),
    market: await userWithRole(t, market.id, DEPT_STAFF),
    health: await userWithRole(t, health.id, DEPT_STAFF),
    town: await userWithRole(t, town.id, TOWNSHIP_STAFF),
    leader: await userWithRole(t, county.id, LEADER),
  };
  return { orgs: { county: county.id, justice: justice.id, market: market.id, health: health.id, town: town.id }, users };
}
export type County = Awaited<ReturnType<typeof prepareCounty>>;

export async function ok<T = Record<string, unknown>>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

export const marketBody = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId,
  name: '岳阳县市场监督管理局',
  kind: 'statutory',
  fields: ['market'],
  legalBasis: '《中华人民共和国食品安全法》第六条；《市场监督管理行政处罚程序规定》',
  ...extra,
});

export const certificate = (certificateNo: string, extra: Record<string, unknown> = {}) => ({
  certificateNo,
  field: 'market',
  issuer: '湖南省人民政府',
  issuedOn: '2019-03-01',
  validUntil: '2024-02-29',
  ...extra,
});

/** POST an .xlsx to an import route (dryRun or not). */
export async function postXlsx(t: TestApp, who: Who, url: string, data: Buffer) {
  const { headers } = await signIn(t, who.userId);
  return t.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': XLSX_MIME }, payload: data });
}

export async function sheetOf(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('导入');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readSheet(data: Buffer): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const ws = workbook.worksheets[0]!;
  ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => String(row.getCell(i + 1).value ?? ''))));
  return rows;
}
