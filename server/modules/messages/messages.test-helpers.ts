import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { COORDINATOR, DEPT_STAFF, ensureBuiltinRoles, LEADER } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createOrg, createUser, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { messagesRoleGrants } from './index.ts';

export interface Who {
  userId: string;
}

export const on = (t: TestApp, day: string, hour = 10) => t.clock.set(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Each call signs in afresh, so moving the fake clock by months never times a session out. */
export const call = async (t: TestApp, who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method, url, remoteAddress, headers: who ? (await signIn(t, who.userId)).headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A step through the generic case API at the version the case shows now; returns the response. */
export async function act(t: TestApp, who: Who, caseId: string, action: string, body: { data?: unknown; reason?: string } = {}) {
  const { version } = (await call(t, who, 'GET', `/api/cases/${caseId}`)).json();
  return call(t, who, 'POST', `/api/cases/${caseId}/actions/${action}`, { version, ...body });
}

export async function step(t: TestApp, who: Who, caseId: string, action: string, body: { data?: unknown; reason?: string } = {}) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { state: string; orgId: string; dueOn: string | null; version: number };
}

async function userWithRole(t: TestApp, orgId: string, roleCode: string): Promise<Who> {
  const [role] = await t.db.select().from(roles).where(eq(roles.code, roleCode));
  return { userId: (await createUser(t.db, { orgId, roleIds: [role!.id] })).id };
}

/** A county government (where messages come in), its 司法局 coordinator, two departments with staff, a leader. */
export async function setUpCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, messagesRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: county.id });
  const education = await createOrg(t.db, { name: '岳阳县教育局', parentId: county.id });
  return {
    orgs: { county: county.id, justice: justice.id, market: market.id, education: education.id },
    users: {
      coordinator: await userWithRole(t, justice.id, COORDINATOR),
      market: await userWithRole(t, market.id, DEPT_STAFF),
      education: await userWithRole(t, education.id, DEPT_STAFF),
      leader: await userWithRole(t, county.id, LEADER),
    },
  };
}
export type County = Awaited<ReturnType<typeof setUpCounty>>;

export const message = (extra: Record<string, unknown> = {}) => ({
  regionCode: '430621',
  category: 'complaint',
  subject: '小区门口夜市噪音扰民',
  content: '荣家湾镇某小区门口夜市每晚营业至凌晨两点，噪音严重影响休息，请有关部门处理。',
  name: '张三',
  phone: '13907301234',
  publicConsent: true,
  ...extra,
});
