import { expect } from 'vitest';
import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { COORDINATOR, DEPT_STAFF, LEADER, LEGAL_REVIEWER } from '../../kernel/auth/builtin-roles.ts';
import { createOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { at, call, step, upload, userWithRole, type Who } from '../litigation/litigation.test-helpers.ts';
import { legalityRoleGrants } from '../legality/index.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { normativeRoleGrants } from './index.ts';

export { at, call, step, upload, type Who };

/** A county with its government, the government's office, the 司法局 and a department; one user per role. */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, normativeRoleGrants);
  await ensureBuiltinRoles(t.db, legalityRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const office = await createOrg(t.db, { name: '岳阳县人民政府办公室', parentId: county.id });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id });
  const dept = await createOrg(t.db, { name: '岳阳县自然资源局', parentId: county.id });
  const other = await createOrg(t.db, { name: '岳阳县教育局', parentId: county.id });
  const users = {
    coordinator: await userWithRole(t, justice.id, COORDINATOR),
    reviewer: await userWithRole(t, justice.id, LEGAL_REVIEWER),
    drafter: await userWithRole(t, dept.id, DEPT_STAFF),
    outsider: await userWithRole(t, other.id, DEPT_STAFF),
    leader: await userWithRole(t, county.id, LEADER),
  };
  return { orgs: { county: county.id, office: office.id, justice: justice.id, dept: dept.id, other: other.id }, users };
}

export type County = Awaited<ReturnType<typeof prepareCounty>>;

export async function setPrefixes(t: TestApp, c: County, extra: Record<string, unknown> = {}) {
  const current = (await call(t, c.users.coordinator, 'GET', '/api/normative/settings')).json();
  const res = await call(t, c.users.coordinator, 'PUT', '/api/normative/settings', {
    version: current.version,
    numberPrefixes: [
      { orgId: c.orgs.county, prefix: '岳县政规' },
      { orgId: c.orgs.office, prefix: '岳县政办规' },
      { orgId: c.orgs.dept, prefix: '岳县自然资规' },
    ],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const draftBody = (issuerOrgId: string, extra: Record<string, unknown> = {}) => ({
  title: '岳阳县城区建设用地储备出让管理办法',
  issuerOrgId,
  draftingExplanation: '为规范城区建设用地储备和出让，起草本办法。',
  basis: '《中华人民共和国土地管理法》《土地储备管理办法》',
  body: '第一条 为加强城区建设用地储备出让管理，制定本办法。',
  topics: ['土地管理'],
  ...extra,
});

export async function createDraft(t: TestApp, who: Who, body: Record<string, unknown>) {
  const res = await call(t, who, 'POST', '/api/normative/documents', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}

/** Takes a step and expects it to succeed. */
export async function ok(t: TestApp, who: Who, id: string, action: string, data?: unknown, fileIds: string[] = [], reason?: string) {
  const res = await step(t, who, id, action, data, fileIds, reason);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export const lawful = { conclusion: 'lawful', opinion: '制定主体合法，内容不违反上位法。', reviewer: '王芳' };
export const meeting = (meetingOn: string, seq = 1, kind = 'executive', outcome = 'adopted') => ({ meetingKind: kind, meetingSeq: seq, meetingOn, outcome });

/** Drafting to in force on the given days (each a working day). */
export async function throughToForce(t: TestApp, c: County, id: string, days: { submit: string; review: string; meet: string; number: string; publish: string; effective?: string; file: string }, opinionFile: string) {
  at(t, days.submit);
  await ok(t, c.users.drafter, id, 'submitForReview');
  at(t, days.review);
  await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
  at(t, days.meet);
  await ok(t, c.users.coordinator, id, 'recordDiscussion', meeting(days.meet));
  at(t, days.number);
  await ok(t, c.users.coordinator, id, 'allocateNumber');
  at(t, days.publish);
  await ok(t, c.users.coordinator, id, 'publish', { publishedOn: days.publish, effectiveOn: days.effective ?? days.publish });
  at(t, days.file);
  return ok(t, c.users.coordinator, id, 'file', { filedWithGovernmentOn: days.file, filedWithCongressOn: days.file });
}
