import { expect } from 'vitest';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { pdf } from '../../kernel/files/files.test-helpers.ts';
import { createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { APPROVE, HANDLE, READ } from './reconsideration.workflow.ts';

/**
 * A county for the module's tests: the government, its 司法局 (the 复议机构, where the officers work),
 * two departments and a township, an organisation of another county; officers, a department clerk.
 * ID numbers and their check digits were computed by hand (GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9
 * 10 5 8 4 2, remainder → 1 0 X 9 8 7 6 5 4 3 2).
 */
export const IDS = { zhang: '430621198503124517', li: '430621199001010020', wang: '11010519491231002X' };
/** GB 32100-2015's own worked example. */
export const CREDIT_CODE = '91350100M000100Y43';

export interface County {
  orgs: { government: string; justice: string; market: string; police: string; township: string; elsewhere: string };
  /** 复议机构 officer: read, handle, approve, personal data (region). */
  officer: SignedIn;
  /** Handles but does not approve. */
  clerk: SignedIn;
  /** 市场监管局 staff: reads its own organisation's cases, reports corrections. */
  marketStaff: SignedIn;
  /** Reads the county's cases, nothing else. */
  reader: SignedIn;
  fileId: string;
}

export async function setUpCounty(t: TestApp): Promise<County> {
  await ensureNationalCalendar(t.db);
  const government = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: government.id });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: government.id });
  const police = await createOrg(t.db, { name: '岳阳县公安局', parentId: government.id });
  const township = await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: government.id });
  await createOrg(t.db, { name: '荣家湾镇某村', type: 'village', parentId: township.id });
  const elsewhere = await createOrg(t.db, { name: '临湘市市场监督管理局', regionCode: '430682' });
  const officerRole = await createRole(t.db, { permissions: { [READ]: 'region', [HANDLE]: 'region', [APPROVE]: 'region', 'reconsideration.personal': 'region' } });
  const clerkRole = await createRole(t.db, { permissions: { [READ]: 'region', [HANDLE]: 'region' } });
  const respondRole = await createRole(t.db, { permissions: { [READ]: 'own_org', 'reconsideration.respond': 'own_org' } });
  const readerRole = await createRole(t.db, { permissions: { [READ]: 'region' } });
  const officer = await signIn(t, (await createUser(t.db, { orgId: justice.id, displayName: '陈刚', roleIds: [officerRole.id] })).id);
  const clerk = await signIn(t, (await createUser(t.db, { orgId: justice.id, displayName: '刘洋', roleIds: [clerkRole.id] })).id);
  const marketStaff = await signIn(t, (await createUser(t.db, { orgId: market.id, displayName: '赵敏', roleIds: [respondRole.id] })).id);
  const reader = await signIn(t, (await createUser(t.db, { orgId: government.id, roleIds: [readerRole.id] })).id);
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    payload: pdf(),
    headers: { ...officer.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('复议决定书.pdf') },
  });
  expect(upload.statusCode).toBe(201);
  return {
    orgs: { government: government.id, justice: justice.id, market: market.id, police: police.id, township: township.id, elsewhere: elsewhere.id },
    officer,
    clerk,
    marketStaff,
    reader,
    fileId: upload.json().id,
  };
}

/** Noon in Beijing on that day. */
export const on = (t: TestApp, day: string) => t.clock.set(`${day}T12:00:00+08:00`);

export function application(county: County, overrides: Record<string, unknown> = {}) {
  return {
    applicantType: 'person',
    applicantName: '张三',
    identityCode: IDS.zhang,
    phone: '13907301234',
    address: '岳阳县荣家湾镇建设路 1 号',
    respondentOrgId: county.orgs.market,
    actCategory: 'penalty',
    actDescription: '岳县市监罚〔2024〕15号行政处罚决定书',
    requests: '撤销该行政处罚决定',
    facts: '申请人未实施被认定的违法行为。',
    ...overrides,
  };
}

/** Registers at the window on the clock's day (unless told otherwise) and returns the case id. */
export async function register(t: TestApp, county: County, overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reconsideration/cases',
    headers: county.officer.headers,
    payload: { channel: 'window', receivedOn: new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10), ...application(county), ...overrides },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; trackingCode: string };
}

/** One step through the kernel's generic route, at the case's current version. */
export async function act(
  t: TestApp,
  who: SignedIn,
  caseId: string,
  action: string,
  body: { reason?: string; fileIds?: string[]; data?: unknown; version?: number } = {},
) {
  const version = body.version ?? (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: who.headers })).json().version;
  return t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/${action}`, headers: who.headers, payload: { ...body, version } });
}

/** A step that must succeed; returns the case detail. */
export async function step(t: TestApp, who: SignedIn, caseId: string, action: string, body: Parameters<typeof act>[4] = {}) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { state: string; dueOn: string | null; caseNo: string | null; version: number; clocks: { name: string; status: string; dueOn: string; startedOn: string }[] };
}

/** A step that must be refused; returns the error body. */
export async function refused(t: TestApp, who: SignedIn, caseId: string, action: string, body: Parameters<typeof act>[4] = {}, status = 409) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  return res.json() as { code: string; message: string };
}

export const clockOf = (detail: { clocks: { name: string; status: string; dueOn: string }[] }, name: string) => detail.clocks.find((c) => c.name === name);
