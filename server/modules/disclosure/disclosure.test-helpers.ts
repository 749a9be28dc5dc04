import { expect } from 'vitest';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { disclosureRoleGrants } from './index.ts';

/**
 * A county for the module's tests: the government with its office (政务公开办), the 市场监管局 and the
 * 公安局; the office's OGI officer, the 市场监管局's clerk and head (who approves extensions), and a
 * clerk of the 公安局. Roles carry the module's own grants to the built-in roles. ID numbers and the
 * credit code have valid check digits (GB 11643, GB 32100's worked example).
 */
export const IDS = { zhang: '430621198503124517', li: '430621199001010020' };
export const CREDIT_CODE = '91350100M000100Y43';

export interface County {
  orgs: { government: string; office: string; market: string; police: string };
  officer: SignedIn;
  marketClerk: SignedIn;
  marketHead: SignedIn;
  policeClerk: SignedIn;
}

export async function setUpCounty(t: TestApp): Promise<County> {
  await ensureNationalCalendar(t.db);
  const government = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const office = await createOrg(t.db, { name: '岳阳县人民政府办公室', parentId: government.id });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: government.id });
  const police = await createOrg(t.db, { name: '岳阳县公安局', parentId: government.id });
  const role = async (code: keyof typeof disclosureRoleGrants) => (await createRole(t.db, { permissions: disclosureRoleGrants[code]! })).id;
  const [ogi, clerk, head] = [await role('ogi_officer'), await role('dept_staff'), await role('dept_head')];
  const user = async (orgId: string, roleId: string, displayName: string) => signIn(t, (await createUser(t.db, { orgId, displayName, roleIds: [roleId] })).id);
  return {
    orgs: { government: government.id, office: office.id, market: market.id, police: police.id },
    officer: await user(office.id, ogi, '黄丽'),
    marketClerk: await user(market.id, clerk, '刘洋'),
    marketHead: await user(market.id, head, '周建国'),
    policeClerk: await user(police.id, clerk, '何军'),
  };
}

/** Noon in Beijing on that day. */
export const on = (t: TestApp, day: string) => t.clock.set(`${day}T12:00:00+08:00`);

export function application(county: County, overrides: Record<string, unknown> = {}) {
  return {
    orgId: county.orgs.market,
    applicantKind: 'person',
    applicantName: '张三',
    identityCode: IDS.zhang,
    phone: '13907301234',
    address: '岳阳县荣家湾镇建设路 1 号',
    description: '2021年荣家湾镇农贸市场食品安全抽检结果',
    purpose: '了解所购食品的安全情况',
    deliveryForm: 'electronic',
    deliveryMethod: 'email',
    ...overrides,
  };
}

/** Registered at the window by the 市场监管局's clerk on `receivedOn`; returns the id and tracking code. */
export async function register(t: TestApp, county: County, receivedOn: string, overrides: Record<string, unknown> = {}, who: SignedIn = county.marketClerk) {
  const res = await t.app.inject({ method: 'POST', url: '/api/disclosure/requests', headers: who.headers, payload: { channel: 'window', receivedOn, ...application(county), ...overrides } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; trackingCode: string };
}

export async function act(t: TestApp, who: SignedIn, caseId: string, action: string, body: { reason?: string; data?: unknown; version?: number } = {}) {
  const version = body.version ?? (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: who.headers })).json().version;
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/${action}`, headers: who.headers, payload: { ...body, version } });
}

type Detail = { state: string; dueOn: string | null; caseNo: string | null; version: number; clocks: { name: string; status: string; dueOn: string; startedOn: string }[] };

export async function step(t: TestApp, who: SignedIn, caseId: string, action: string, body: Parameters<typeof act>[4] = {}): Promise<Detail> {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as Detail;
}

export async function refused(t: TestApp, who: SignedIn, caseId: string, action: string, body: Parameters<typeof act>[4] = {}, status = 409) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  return res.json() as { code: string; message: string };
}

export async function detail(t: TestApp, who: SignedIn, caseId: string): Promise<Detail> {
  return (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: who.headers })).json() as Detail;
}

export const clockOf = (d: Pick<Detail, 'clocks'>, name: string) => d.clocks.find((c) => c.name === name);
