import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createUser, signIn, type SignedIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { litigationRoleGrants } from './index.ts';

/** HTTP helpers for the litigation tests: built-in roles, registration, steps, hearings. */

export async function prepareRoles(t: TestApp): Promise<void> {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, litigationRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
}

/** A user; each request signs in afresh, so that moving the fake clock by days never times a session out. */
export interface Who {
  userId: string;
}

/** A user in `orgId` holding one built-in role. */
export async function userWithRole(t: TestApp, orgId: string, roleCode: string): Promise<Who> {
  const [role] = await t.db.select().from(roles).where(eq(roles.code, roleCode));
  return { userId: (await createUser(t.db, { orgId, roleIds: [role!.id] })).id };
}

export const at = (t: TestApp, day: string) => t.clock.set(`${day}T10:00:00+08:00`);

const headersOf = async (t: TestApp, who: Who): Promise<SignedIn['headers']> => (await signIn(t, who.userId)).headers;

export const call = async (t: TestApp, who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: await headersOf(t, who), ...(payload === undefined ? {} : { payload: payload as object }) });

export async function upload(t: TestApp, who: Who, name = '答辩状.txt'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...(await headersOf(t, who)), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    payload: Buffer.from(`${name} ${crypto.randomUUID()}`, 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export const baseCase = (defendantOrgId: string, complaintReceivedOn: string, extra: Record<string, unknown> = {}) => ({
  instance: 'first',
  court: '岳阳县人民法院',
  plaintiffType: 'person',
  plaintiffName: '张某',
  defendantOrgId,
  actCategory: 'penalty',
  actDescription: '岳市监罚〔2024〕18号行政处罚决定',
  claims: '撤销行政处罚决定',
  complaintReceivedOn,
  ...extra,
});

export async function register(t: TestApp, who: Who, body: Record<string, unknown>) {
  const res = await call(t, who, 'POST', '/api/litigation/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}

/** A step through the generic case API, with the version the case shows now. */
export async function step(t: TestApp, who: Who, caseId: string, action: string, data?: unknown, fileIds: string[] = [], reason?: string) {
  const { version } = (await call(t, who, 'GET', `/api/cases/${caseId}`)).json();
  return call(t, who, 'POST', `/api/cases/${caseId}/actions/${action}`, { version, data, fileIds, reason });
}

export async function hearing(t: TestApp, who: Who, caseId: string, body: Record<string, unknown>) {
  const res = await call(t, who, 'POST', `/api/litigation/cases/${caseId}/hearings`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const headAppears = (heldOn: string, appearance = 'head') => ({ heldOn, appearance, appearedName: '李局长', appearedTitle: '局长' });
export const staffAppears = (heldOn: string, proofFileId: string, extra: Record<string, unknown> = {}) => ({
  heldOn,
  appearance: 'staff',
  appearedName: '王科员',
  appearedTitle: '法规科科员',
  excuse: 'officialDuty',
  excuseText: '局长同日参加县政府常务会议',
  proofFileId,
  ...extra,
});
