import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { COORDINATOR, DEPT_STAFF, LEADER, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { createOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { at, call, step, upload, userWithRole, type Who } from '../litigation/litigation.test-helpers.ts';
import { legislationRoleGrants } from './index.ts';

export { at, call, step, upload, type Who };

/** A county with the 司法局, two departments and a township, and a user of each. */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, legislationRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const org = {
    county: county.id,
    justice: (await createOrg(t.db, { name: '县司法局', parentId: county.id })).id,
    scj: (await createOrg(t.db, { name: '县市场监督管理局', parentId: county.id })).id,
    zrj: (await createOrg(t.db, { name: '县自然资源局', parentId: county.id })).id,
    town: (await createOrg(t.db, { name: '荣家湾镇', type: 'township', parentId: county.id })).id,
  };
  const users = {
    coordinator: await userWithRole(t, org.justice, COORDINATOR),
    scj: await userWithRole(t, org.scj, DEPT_STAFF),
    zrj: await userWithRole(t, org.zrj, DEPT_STAFF),
    town: await userWithRole(t, org.town, TOWNSHIP_STAFF),
    leader: await userWithRole(t, county.id, LEADER),
  };
  return { org, users };
}

export const organisationLaw = (receivedOn: string, replyDueOn: string, fileIds: string[] = []) => ({
  fromBody: '岳阳市司法局',
  documentTitle: '关于征求《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（修正草案）》修改意见的函',
  documentNo: '岳市司函〔2021〕45号',
  draftTitle: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（修正草案）》',
  receivedOn,
  replyDueOn,
  summary: '请结合本地实际提出修改意见',
  fileIds,
});

export interface Detail {
  id: string;
  version: number;
  state: string;
  dueOn: string | null;
  mark: string | null;
  askedCount: number;
  answeredCount: number;
  outstandingCount: number;
  overdueCount: number;
  consolidatedText: string | null;
  replySentOn: string | null;
  replyDocumentNo: string | null;
  lateReason: string | null;
  files: { id: string; name: string }[];
  requests: { id: string; orgId: string; orgName: string; state: string; mark: string | null; version: number; dueOn: string; late: boolean | null; noOpinion: boolean | null; opinion: string | null; adopted: boolean | null; reminders: number; lapseReason: string | null }[];
  research: { heldOn: string; orgCount: number; companyKinds: number }[];
  canHandle: boolean;
}

export async function register(t: TestApp, who: Who, body: Record<string, unknown>): Promise<Detail> {
  const res = await call(t, who, 'POST', '/api/legislation/consultations', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}

export async function detail(t: TestApp, who: Who, id: string): Promise<Detail> {
  const res = await call(t, who, 'GET', `/api/legislation/consultations/${id}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}

export const distribute = async (t: TestApp, who: Who, id: string, orgIds: string[], dueOn: string) =>
  call(t, who, 'POST', `/api/legislation/consultations/${id}/requests`, { version: (await detail(t, who, id)).version, orgIds, dueOn, note: '请于截止日期前反馈' });
