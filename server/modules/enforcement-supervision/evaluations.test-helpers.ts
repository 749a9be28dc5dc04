import { expect } from 'vitest';
import { COORDINATOR, DEPT_STAFF, ensureBuiltinRoles, LEGAL_REVIEWER, TOWNSHIP_STAFF } from '../../kernel/auth/builtin-roles.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import type { Db } from '../../kernel/db/db.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { createOrg } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import { enforcementBodies, enforcementMatters } from '../enforcement/enforcement.tables.ts';
import { at, call, userWithRole, type Who } from '../litigation/litigation.test-helpers.ts';
import { statisticsRoleGrants } from '../statistics/index.ts';
import { evaluationRoleGrants } from './index.ts';
import { PENALTY_CASE_TYPE } from './evaluations.permissions.ts';
import { defaultSheet } from './evaluations.settings.ts';

export { at, call, type Who };

/** A body and a matter of the department, which a penalty case row needs. */
async function registry(db: Db, orgId: string, regionCode: string, n: number) {
  const [body] = await db
    .insert(enforcementBodies)
    .values({ regionCode, orgId, name: `执法主体${n}-${orgId.slice(0, 6)}`, kind: 'statutory', fields: ['market'], legalBasis: '《中华人民共和国行政处罚法》' })
    .returning();
  const [matter] = await db
    .insert(enforcementMatters)
    .values({ regionCode, orgId, code: `M${n}-${orgId.slice(0, 6)}`, name: '销售不合格产品', category: 'penalty', field: 'market', legalBasis: '《中华人民共和国产品质量法》第四十九条' })
    .returning();
  return { bodyId: body!.id, matterId: matter!.id };
}

export interface PenaltyCase {
  orgId: string;
  closedOn: string | null;
  state?: string;
  caseNo?: string;
  caseType?: string;
}

/**
 * Inserts 行政处罚 cases directly (the cases module is built apart): the kernel row and the module row,
 * closed on `closedOn` in state 'closed' unless told otherwise.
 */
export async function insertPenaltyCases(db: Db, regionCode: string, ref: { bodyId: string; matterId: string }, list: PenaltyCase[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, c] of list.entries()) {
    const state = c.state ?? 'closed';
    const [row] = await db
      .insert(cases)
      .values({
        regionCode,
        caseType: c.caseType ?? PENALTY_CASE_TYPE,
        caseNo: c.caseNo ?? `岳县罚〔${(c.closedOn ?? '2021').slice(0, 4)}〕${crypto.randomUUID().slice(0, 6)}号`,
        title: `行政处罚案件${i + 1}`,
        orgId: c.orgId,
        state,
        terminal: state === 'archived',
        openedAt: new Date(`${(c.closedOn ?? '2021-06-01').slice(0, 4)}-01-05T09:00:00+08:00`),
      })
      .returning({ id: cases.id });
    await db.insert(enforcementCases).values({
      caseId: row!.id,
      regionCode,
      bodyId: ref.bodyId,
      matterId: ref.matterId,
      field: 'market',
      source: 'inspection',
      partyType: 'company',
      partyName: `某某商贸有限公司${i + 1}`,
      facts: '销售不合格产品',
      filedOn: `${(c.closedOn ?? '2021-06-01').slice(0, 4)}-01-05`,
      decidedOn: c.closedOn,
      decisionNo: `岳县市监罚字〔2021〕${i + 1}号`,
      closedOn: c.closedOn,
    });
    ids.push(row!.id);
  }
  return ids;
}

/** 岳阳县 with the 司法局 and two departments, another county's department; one user per role. */
export async function prepareCounty(t: TestApp) {
  await ensureNationalCalendar(t.db);
  await ensureBuiltinRoles(t.db, evaluationRoleGrants);
  await ensureBuiltinRoles(t.db, statisticsRoleGrants);
  const county = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: county.id });
  const scj = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: county.id });
  const zrj = await createOrg(t.db, { name: '岳阳县自然资源局', parentId: county.id });
  const town = await createOrg(t.db, { name: '荣家湾镇人民政府', parentId: county.id, type: 'township' });
  const otherCounty = await createOrg(t.db, { name: '岳阳楼区人民政府', type: 'government', regionCode: '430602' });
  const otherDept = await createOrg(t.db, { name: '岳阳楼区市场监督管理局', parentId: otherCounty.id, regionCode: '430602' });
  const users = {
    coordinator: await userWithRole(t, justice.id, COORDINATOR),
    reviewer: await userWithRole(t, justice.id, LEGAL_REVIEWER),
    scjStaff: await userWithRole(t, scj.id, DEPT_STAFF),
    zrjStaff: await userWithRole(t, zrj.id, DEPT_STAFF),
    townStaff: await userWithRole(t, town.id, TOWNSHIP_STAFF),
  };
  const refs = {
    scj: await registry(t.db, scj.id, '430621', 1),
    zrj: await registry(t.db, zrj.id, '430621', 2),
    other: await registry(t.db, otherDept.id, '430602', 3),
  };
  return { orgs: { county: county.id, justice: justice.id, scj: scj.id, zrj: zrj.id, town: town.id, otherDept: otherDept.id }, users, refs };
}

export type County = Awaited<ReturnType<typeof prepareCounty>>;

export async function createDefaultSheet(t: TestApp, who: Who) {
  const res = await call(t, who, 'POST', '/api/enforcement/evaluations/sheets', defaultSheet);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; items: { code: string; maxScore: number }[] };
}

export async function createCampaign(t: TestApp, who: Who, sheetId: string, extra: Record<string, unknown> = {}) {
  const res = await call(t, who, 'POST', '/api/enforcement/evaluations/campaigns', {
    title: '2021年度行政处罚案卷评查',
    year: 2021,
    sheetId,
    samplePerOrg: 2,
    startsOn: '2021-11-01',
    endsOn: '2021-12-31',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

/** Full marks except the listed deductions (code → points taken off). */
export function scoresOf(items: { code: string; maxScore: number }[], deductions: Record<string, number> = {}): Record<string, number> {
  return Object.fromEntries(items.map((i) => [i.code, i.maxScore - (deductions[i.code] ?? 0)]));
}
