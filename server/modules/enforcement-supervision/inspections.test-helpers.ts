import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { toXlsx } from '../../kernel/excel/excel.ts';
import { createUser, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { ALL_HEADERS } from './inspections.import.ts';
import { inspectionRoleGrants } from './index.ts';

/** HTTP helpers for the inspections and campaigns tests. */

export async function prepareRoles(t: TestApp): Promise<void> {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, inspectionRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
}

export interface Who {
  userId: string;
}

export async function userWithRole(t: TestApp, orgId: string, roleCode: string): Promise<Who> {
  const [role] = await t.db.select().from(roles).where(eq(roles.code, roleCode));
  return { userId: (await createUser(t.db, { orgId, roleIds: [role!.id] })).id };
}

export const call = async (t: TestApp, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: (await signIn(t, who.userId)).headers, ...(payload === undefined ? {} : { payload: payload as object }) });

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function postXlsx(t: TestApp, who: Who, url: string, file: Buffer) {
  return t.app.inject({ method: 'POST', url, headers: { ...(await signIn(t, who.userId)).headers, 'content-type': XLSX }, payload: file });
}

/** A sheet with the import's headers; each row gives some cells by header. */
export function sheetOf(rows: Record<string, string | number>[]): Promise<Buffer> {
  return toXlsx(
    '行政检查',
    ALL_HEADERS.map((header) => ({ header, value: (r: Record<string, string | number>) => r[header] ?? null })),
    rows,
  );
}

export const entry = (orgId: string, extra: Record<string, unknown> = {}) => ({
  orgId,
  field: 'market',
  inspectedOn: '2021-09-18',
  targetName: '岳阳县荣家湾镇某某农资经营部',
  targetType: '农资经营门店',
  place: '荣家湾镇建设路12号',
  result: 'compliant',
  officerNames: '张三、李四',
  ...extra,
});

export async function create(t: TestApp, who: Who, body: Record<string, unknown>) {
  const res = await call(t, who, 'POST', '/api/inspections', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}
