import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../kernel/auth/actor.repository.ts';
import { users } from '../kernel/auth/auth.tables.ts';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { findFigure, type IndicatorDef, type RatioDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../kernel/indicators/indicators.repository.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { enforcementCases } from '../modules/enforcement-cases/enforcement-cases.tables.ts';
import { rollUp } from '../modules/enforcement-supervision/evaluations.repository.ts';
import { insertPenaltyCases } from '../modules/enforcement-supervision/evaluations.test-helpers.ts';
import { enforcementBodies, enforcementMatters } from '../modules/enforcement/enforcement.tables.ts';
import { evaluationCampaigns, evaluationFiles } from '../modules/enforcement-supervision/supervision.tables.ts';
import type { TestApp } from '../test/harness.ts';
import { DEMO_EVALUATION_SEED, DEMO_EVALUATION_TITLE, seedDemoEnforcementEvaluation } from './demo-enforcement-evaluation.ts';
import { createDemoApp, DEMO_TODAY, demoSm4, demoYear } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

/** Stand-ins for the cases demo's closed 2021 行政处罚 cases: per department, how many, plus ones never sampled. */
const DEPARTMENTS = { '430621-D22': 5, '430621-D11': 2, '430621-D18': 4 } as const;

async function insertCases(t: TestApp): Promise<Record<string, string[]>> {
  const eligible: Record<string, string[]> = {};
  for (const [code, count] of Object.entries(DEPARTMENTS)) {
    const [org] = await t.db.select().from(organisations).where(eq(organisations.code, code));
    const [body] = await t.db.insert(enforcementBodies).values({ regionCode: '430621', orgId: org!.id, name: org!.name, kind: 'statutory', fields: ['market'], legalBasis: '三定方案' }).returning();
    const [matter] = await t.db.insert(enforcementMatters).values({ regionCode: '430621', code: `${code}-1`, name: '违法行为', category: 'penalty', field: 'market', orgId: org!.id, legalBasis: '法' }).returning();
    const ref = { bodyId: body!.id, matterId: matter!.id };
    eligible[org!.id] = await insertPenaltyCases(
      t.db,
      '430621',
      ref,
      Array.from({ length: count }, (_, i) => ({ orgId: org!.id, closedOn: `2021-${String(i + 2).padStart(2, '0')}-10`, caseNo: `${code}-2021-${i + 1}`, state: i === 0 ? 'archived' : 'closed' })),
    );
    await insertPenaltyCases(t.db, '430621', ref, [
      { orgId: org!.id, closedOn: '2020-12-20', caseNo: `${code}-2020` },
      { orgId: org!.id, closedOn: null, state: 'investigating', caseNo: `${code}-open` },
    ]);
  }
  return eligible;
}

describe('the demo county’s 2021 案卷评查', () => {
  let t: TestApp;
  let eligible: Record<string, string[]>;
  let campaignId = '';
  beforeAll(async () => {
    t = await createDemoApp();
    eligible = await insertCases(t);
    await seedDemoEnforcementEvaluation(await startReplay(t.db, demoSm4()));
    const [campaign] = await t.db.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.title, DEMO_EVALUATION_TITLE));
    campaignId = campaign!.id;
  }, 300_000);
  afterAll(() => t.close());

  const files = () => t.db.select().from(evaluationFiles).innerJoin(enforcementCases, eq(enforcementCases.caseId, evaluationFiles.caseId)).where(eq(evaluationFiles.campaignId, campaignId));

  it('samples up to three closed 2021 cases per department, each once', async () => {
    const rows = await files();
    for (const [orgId, ids] of Object.entries(eligible)) {
      const mine = rows.filter((r) => r.evaluation_files.orgId === orgId).map((r) => r.evaluation_files.caseId);
      expect(mine).toHaveLength(Math.min(3, ids.length));
      expect(mine.every((id) => ids.includes(id))).toBe(true);
    }
    expect(new Set(rows.map((r) => r.evaluation_files.caseId)).size).toBe(rows.length);
    expect(rows.every((r) => r.enforcement_cases.closedOn?.startsWith('2021'))).toBe(true);
  });

  it('scores every file, grades some 不合格, and sends the weaker ones back with a due date', async () => {
    const rows = (await files()).map((r) => r.evaluation_files);
    expect(rows.every((f) => f.total !== null && f.state !== 'sampled')).toBe(true);
    expect(rows.some((f) => f.grade === 'unqualified')).toBe(true);
    expect(rows.filter((f) => f.total! < 90).every((f) => f.rectificationDueOn !== null)).toBe(true);
    expect(rows.filter((f) => f.total! >= 90).every((f) => f.rectificationDueOn === null)).toBe(true);
    expect(rows.some((f) => f.state === 'rectified')).toBe(true);
  });

  it('rolls up per department exactly what the files say, and the figures agree', async () => {
    const [account] = await t.db.select().from(users).where(eq(users.username, 'sfj'));
    const actor = (await loadActor(t.db, account!.id))!;
    const result = await rollUp(t.db, actor, campaignId, DEMO_TODAY);
    const rows = (await files()).map((r) => r.evaluation_files);
    const departments = result.filter((r) => Number(r.isTotal) === 0);
    expect(departments).toHaveLength(Object.keys(DEPARTMENTS).length);
    for (const r of departments) {
      const mine = rows.filter((f) => f.orgId === r.orgId);
      const avg = Math.round((mine.reduce((s, f) => s + f.total!, 0) / mine.length) * 10) / 10;
      expect(Number(r.files)).toBe(mine.length);
      expect(Number(r.averageScore)).toBe(avg);
      expect(Number(r.unqualified)).toBe(mine.filter((f) => f.grade === 'unqualified').length);
      expect(Number(r.sentBack)).toBe(mine.filter((f) => f.rectificationDueOn).length);
      expect(Number(r.rectifiedOnTime)).toBe(mine.filter((f) => f.rectifiedOn && f.rectifiedOn <= f.rectificationDueOn!).length);
      expect(Number(r.overdueOpen)).toBe(mine.filter((f) => f.rectificationDueOn && !f.rectifiedOn && f.rectificationDueOn < DEMO_TODAY).length);
    }
    const total = result.find((r) => Number(r.isTotal) === 1)!;
    expect(Number(total.files)).toBe(rows.length);

    const y2021 = demoYear(2021);
    expect((await computeIndicator(t.db, findFigure('evaluation.filesEvaluated') as IndicatorDef, y2021)).total).toBe(rows.length);
    expect((await computeIndicator(t.db, findFigure('evaluation.filesUnqualified') as IndicatorDef, y2021)).total).toBe(rows.filter((f) => f.grade === 'unqualified').length);
    const late = rows.filter((f) => f.rectificationDueOn && (f.rectifiedOn ? f.rectifiedOn > f.rectificationDueOn : true)).length;
    expect(late).toBeGreaterThan(0);
    // The rectifications fell due in 2022, when the campaign ran.
    expect((await computeIndicator(t.db, findFigure('evaluation.rectificationsOverdue') as IndicatorDef, demoYear(2022))).total).toBe(late);
    const average = await computeRatio(t.db, findFigure('evaluation.averageScore') as RatioDef, y2021);
    expect(average.value).toBe(Math.round((rows.reduce((s, f) => s + f.total!, 0) / rows.length) * 100) / 100);
  });

  it('records the draw with its seed and keeps the audit chain intact', async () => {
    const [campaign] = await t.db.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, campaignId));
    expect(campaign!.year).toBe(2021);
    expect(DEMO_EVALUATION_SEED).toBeTruthy();
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
