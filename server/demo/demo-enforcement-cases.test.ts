import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import { enforcementCases, enforcementPublications } from '../modules/enforcement-cases/enforcement-cases.tables.ts';
import '../modules/enforcement-cases/index.ts';
import type { TestApp } from '../test/harness.ts';
import { seedDemoEnforcementCases, DEMO_PENALTIES_2021, DEMO_TRANSFERRED_2021 } from './demo-enforcement-cases.ts';
import { seedDemoEnforcementRegistry } from './demo-enforcement-registry.ts';
import { createDemoApp, demoSm4, demoYear, DEMO_TODAY } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

describe('the demo county’s 行政处罚 cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    const replay = await startReplay(t.db, demoSm4());
    await seedDemoEnforcementRegistry(replay, DEMO_TODAY);
    await seedDemoEnforcementCases(replay, DEMO_TODAY);
  }, 240_000);
  afterAll(() => t.close());

  const indicator = (code: string, y = 2021) => computeIndicator(t.db, findFigure(code) as IndicatorDef, demoYear(y));
  const by = async (code: string, key: string, y = 2021) => {
    const out: Record<string, number> = {};
    for (const c of (await indicator(code, y)).cells) out[c.cell[key]!] = (out[c.cell[key]!] ?? 0) + c.value;
    return out;
  };

  it('reproduces 2021: 23 environment cases (2 transferred), 33 market, 18 warnings and one closure in health', async () => {
    expect(await by('enforcementCases.filed', 'field')).toEqual(DEMO_PENALTIES_2021);
    expect((await indicator('enforcementCases.transferred')).total).toBe(DEMO_TRANSFERRED_2021);
    expect(await by('enforcementCases.transferred', 'field')).toEqual({ environment: 2 });
    const health = await t.db.select({ penalties: enforcementCases.penalties }).from(enforcementCases).where(eq(enforcementCases.field, 'health'));
    expect(health.filter((h) => h.penalties.join() === 'warning')).toHaveLength(18);
    expect(health.filter((h) => h.penalties.includes('closure'))).toHaveLength(1);
    expect(await by('enforcementCases.filed', 'outcome')).toMatchObject({ transfer: 2, exempt: 1 });
  });

  it('counts the reviews, the publications on time and this year’s withdrawal', async () => {
    // Hearing case (replayed), 4 heavy environment fines, 2 transfers, the closure.
    expect((await indicator('enforcementCases.legalityReviewed')).total).toBe(8);
    const published = await by('enforcementCases.publications', 'timeliness');
    // Every 2021 penalty decision but the 首违不罚 exemption and the transfers.
    expect(published).toEqual({ onTime: 75 - 1 - 2 });
    const year = Number(DEMO_TODAY.slice(0, 4));
    expect(await by('enforcementCases.withdrawals', 'timeliness', year)).toEqual({ onTime: 1 });
    const [withdrawn] = await t.db.select({ reason: enforcementPublications.withdrawalReason, state: cases.state }).from(enforcementPublications).innerJoin(cases, eq(cases.id, enforcementPublications.caseId)).where(eq(cases.state, 'withdrawn'));
    expect(withdrawn?.reason).toContain('行政复议决定撤销');
  });

  it('archives the replayed cases with their files', async () => {
    const archived = await t.db.select({ index: enforcementCases.archiveIndex }).from(enforcementCases).where(eq(enforcementCases.decisionNo, '岳县市监罚〔2021〕18号'));
    expect(archived[0]!.index!.files.map((f) => f.name)).toContain('现场检查执法记录仪视频.mp4');
  });
});
