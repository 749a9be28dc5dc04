import { COORDINATOR, DEPT_STAFF, ensureBuiltinRoles, LEADER, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { at, call, step, upload, userWithRole, type Who } from '../litigation/litigation.test-helpers.ts';
import { proposalsRoleGrants } from './index.ts';
import type { ProposalDetail } from './proposals.schemas.ts';

export { at, call, step, upload, type Who };

/** A county with its government office, two departments and a township, and a user of each. */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, proposalsRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const org = {
    county: county.id,
    office: (await createOrg(t.db, { name: '县政府办', parentId: county.id })).id,
    scj: (await createOrg(t.db, { name: '县市场监督管理局', parentId: county.id })).id,
    zrj: (await createOrg(t.db, { name: '县自然资源局', parentId: county.id })).id,
    town: (await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: county.id })).id,
  };
  const users = {
    office: await userWithRole(t, org.office, COORDINATOR),
    scj: await userWithRole(t, org.scj, DEPT_STAFF),
    zrj: await userWithRole(t, org.zrj, DEPT_STAFF),
    town: await userWithRole(t, org.town, TOWNSHIP_STAFF),
    leader: await userWithRole(t, county.id, LEADER),
  };
  return { org, users };
}

export const npc = (number: string, extra: Record<string, unknown> = {}) => ({
  kind: 'npc',
  sessionLabel: '县第十八届人民代表大会第一次会议',
  year: 2021,
  number,
  title: `关于加强农贸市场食品安全监管的建议（${number}）`,
  proposers: '王建华、李秀英',
  content: '建议加大农贸市场快检频次，公开抽检结果。',
  topic: '市场监管',
  ...extra,
});

export async function register(t: TestApp, who: Who, body: Record<string, unknown>): Promise<ProposalDetail> {
  const res = await call(t, who, 'POST', '/api/proposals', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

export const detail = async (t: TestApp, who: Who, id: string) => call(t, who, 'GET', `/api/proposals/${id}`);

export async function assign(t: TestApp, who: Who, id: string, body: { leadOrgId: string; coOrgIds?: string[]; assignedOn?: string }) {
  const { version } = (await detail(t, who, id)).json();
  return call(t, who, 'POST', `/api/proposals/${id}/assign`, { version, ...body });
}
