import { expect } from 'vitest';
import { DEPT_HEAD, DEPT_STAFF, ensureBuiltinRoles, LEGAL_REVIEWER } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createOrg, createUser, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { discretionBenchmarks, enforcementBodies, enforcementCertificates, enforcementMatters, enforcementOfficers, leniencyItems } from '../enforcement/enforcement.tables.ts';
import { legalityRoleGrants } from '../legality/index.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { enforcementCasesRoleGrants } from './index.ts';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { eq } from 'drizzle-orm';

/** A user; each request signs in afresh, so moving the fake clock by weeks never times a session out. */
export interface Who {
  userId: string;
}

export const at = (t: TestApp, day: string) => t.clock.set(`${day}T10:00:00+08:00`);

async function userWithRole(t: TestApp, orgId: string, roleCode: string, displayName?: string): Promise<Who> {
  const [role] = await t.db.select().from(roles).where(eq(roles.code, roleCode));
  return { userId: (await createUser(t.db, { orgId, roleIds: [role!.id], ...(displayName ? { displayName } : {}) })).id };
}

export const call = async (t: TestApp, who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who ? (await signIn(t, who.userId)).headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

/** Uploads a file; `video` sends a minimal MP4 (an ftyp box), as a 执法记录仪 recording would start. */
export async function upload(t: TestApp, who: Who, name = '询问笔录.txt'): Promise<string> {
  const content = name.endsWith('.mp4')
    ? Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2', 'latin1'), Buffer.from(crypto.randomUUID())])
    : Buffer.from(`${name} ${crypto.randomUUID()}`, 'utf8');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...(await signIn(t, who.userId)).headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    payload: content,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A step through the generic case API, at the version the case shows now. */
export async function act(t: TestApp, who: Who, caseId: string, action: string, body: { data?: unknown; fileIds?: string[]; reason?: string } = {}) {
  const { version } = (await call(t, who, 'GET', `/api/cases/${caseId}`)).json();
  return call(t, who, 'POST', `/api/cases/${caseId}/actions/${action}`, { version, ...body });
}

export async function step(t: TestApp, who: Who, caseId: string, action: string, body: Parameters<typeof act>[4] = {}) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as { state: string; dueOn: string | null; version: number; clocks: { name: string; status: string; dueOn: string; startedOn: string }[] };
}

export async function refused(t: TestApp, who: Who, caseId: string, action: string, body: Parameters<typeof act>[4] = {}, status = 409) {
  const res = await act(t, who, caseId, action, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(status);
  return res.json() as { code: string; message: string };
}

export const clockOf = (detail: { clocks: { name: string; status: string; dueOn: string }[] }, name: string) => detail.clocks.find((c) => c.name === name);

/**
 * A county with its 市场监管局 as 执法主体, registry rows inserted directly (the registry module is
 * another's): officers 甲 and 乙 certified till 2026, 丙 till 2021-09-30, 丁 expired in 2020; a matter
 * with a general and a lighter benchmark row and a 首违不罚 entry, another matter without one.
 */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, enforcementCasesRoleGrants);
  await ensureBuiltinRoles(t.db, legalityRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: county.id });
  const other = await createOrg(t.db, { name: '岳阳县教育局', parentId: county.id });
  const users = {
    staff: await userWithRole(t, market.id, DEPT_STAFF, '刘洋'),
    head: await userWithRole(t, market.id, DEPT_HEAD, '周局长'),
    reviewer: await userWithRole(t, justice.id, LEGAL_REVIEWER, '王芳'),
    novice: await userWithRole(t, justice.id, LEGAL_REVIEWER, '孙新'),
    outsider: await userWithRole(t, other.id, DEPT_STAFF),
  };
  const region = county.regionCode;
  const [body] = await t.db
    .insert(enforcementBodies)
    .values({ regionCode: region, orgId: market.id, name: '岳阳县市场监督管理局', kind: 'statutory', fields: ['market'], legalBasis: '《中华人民共和国食品安全法》' })
    .returning();
  const officer = async (name: string, validUntil: string, extra: Partial<typeof enforcementOfficers.$inferInsert> = {}) => {
    const [o] = await t.db.insert(enforcementOfficers).values({ regionCode: region, bodyId: body!.id, orgId: market.id, name, ...extra }).returning();
    await t.db.insert(enforcementCertificates).values({ regionCode: region, officerId: o!.id, certificateNo: `43062100${Math.floor(Math.random() * 1e8)}`, field: 'market', issuer: '岳阳市人民政府', issuedOn: '2019-01-01', validUntil });
    return o!.id;
  };
  const officers = {
    jia: await officer('甲执法', '2026-12-31'),
    yi: await officer('乙执法', '2026-12-31'),
    bing: await officer('丙执法', '2021-09-30'),
    ding: await officer('丁执法', '2020-12-31'),
  };
  // The reviewer's officer record carries 法律职业资格; the novice's does not.
  await officer('王芳', '2026-12-31', { userId: users.reviewer.userId, legalQualificationNo: 'A20154306210001' });
  await officer('孙新', '2026-12-31', { userId: users.novice.userId });
  const [matter] = await t.db
    .insert(enforcementMatters)
    .values({ regionCode: region, code: 'SC-0001', name: '对经营超过保质期食品的处罚', category: 'penalty', field: 'market', orgId: market.id, legalBasis: '《食品安全法》第三十四条', penaltyBasis: '《食品安全法》第一百二十四条' })
    .returning();
  const [plain] = await t.db
    .insert(enforcementMatters)
    .values({ regionCode: region, code: 'SC-0002', name: '对未按规定公示营业执照的处罚', category: 'penalty', field: 'market', orgId: market.id, legalBasis: '《市场主体登记管理条例》' })
    .returning();
  const [general] = await t.db.insert(discretionBenchmarks).values({ regionCode: region, matterId: matter!.id, violation: '经营超过保质期的食品', circumstances: '货值金额不足一万元', level: 'general', fineMin: 5000, fineMax: 20000, sortOrder: 1 }).returning();
  const [lighter] = await t.db.insert(discretionBenchmarks).values({ regionCode: region, matterId: matter!.id, violation: '经营超过保质期的食品', circumstances: '主动消除危害后果', level: 'lighter', fineMin: 1000, fineMax: 5000, sortOrder: 2 }).returning();
  const [plainRow] = await t.db.insert(discretionBenchmarks).values({ regionCode: region, matterId: plain!.id, violation: '未公示营业执照', circumstances: '一般', level: 'general', fineMin: 100, fineMax: 3000, otherPenalties: '警告', sortOrder: 1 }).returning();
  await t.db.insert(leniencyItems).values({ regionCode: region, list: 'firstViolation', matterId: matter!.id, conditions: '首次违法、危害后果轻微并及时改正', publishedOn: '2021-03-01' });
  return {
    orgs: { county: county.id, justice: justice.id, market: market.id, other: other.id },
    users,
    bodyId: body!.id,
    officers,
    matters: { food: matter!.id, plain: plain!.id },
    benchmarks: { general: general!.id, lighter: lighter!.id, plain: plainRow!.id },
  };
}

export type County = Awaited<ReturnType<typeof prepareCounty>>;

export const caseBody = (c: County, filedOn: string, extra: Record<string, unknown> = {}) => ({
  bodyId: c.bodyId,
  matterId: c.matters.food,
  source: 'inspection',
  title: '岳阳县某某超市经营超过保质期食品案',
  partyType: 'company',
  partyName: '岳阳县某某超市有限公司',
  facts: '2021年6月28日检查发现该超市货架上陈列超过保质期的酸奶12盒。',
  filedOn,
  officerIds: [c.officers.jia, c.officers.yi],
  ...extra,
});

export async function file(t: TestApp, c: County, body: Record<string, unknown>) {
  const res = await call(t, c.users.staff, 'POST', '/api/enforcement/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}

export const lawful = { conclusion: 'lawful', opinion: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。', reviewer: '王芳' };
