import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator, findFigureRecords } from '../../kernel/indicators/indicators.repository.ts';
import { seedDemoDecisions } from '../../demo/demo-decisions.ts';
import { startReplay } from '../../demo/replay.ts';
import { call } from './decisions.test-helpers.ts';
import { createDemoApp, demoSm4, demoYear as year, DEMO_TODAY as TODAY } from '../../demo/demo.test-helpers.ts';
import type { TestApp } from '../../test/harness.ts';


describe('the demo county’s major decisions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoDecisions(await startReplay(t.db, demoSm4()), TODAY);
    t.clock.set(`${TODAY}T09:00:00+08:00`);
  }, 300_000);
  afterAll(() => t.close());

  const indicator = (code: string, scope: IndicatorScope) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
  const cells = async (code: string, key: string) => Object.fromEntries((await indicator(code, year(2021))).cells.map((c) => [c.cell[key], c.value]).filter(([, v]) => v));

  it('reproduces the 2021 report: 52 decisions reviewed for legality, 20 at the county government’s 常务会议', async () => {
    expect((await indicator('decisions.legalityReviewed', year(2021))).total).toBe(52);
    expect(await cells('decisions.made', 'decider')).toEqual({ government: 20, department: 32 });
    expect(await cells('decisions.made', 'meetingKind')).toEqual({ executive: 20, office: 32 });
    // The county's 20 took all five (the report says so of its 常务会议 items); every department decision left out expert review on a ground.
    expect(await cells('decisions.procedures', 'procedures')).toEqual({ complete: 20, exempted: 32 });
    expect(await cells('meetings.lawRelatedExecutiveItems', 'subject')).toEqual({ decision: 20 });
  });

  it('lists the records behind a figure, each linked to its decision', async () => {
    const records = await findFigureRecords(t.db, findFigure('meetings.lawRelatedExecutiveItems') as IndicatorDef, year(2021), { subject: 'decision' }, 100);
    expect(records).toHaveLength(20);
    expect(records.every((r) => r.link?.startsWith('/decisions/'))).toBe(true);
    expect(records.map((r) => r.title)).toContain('岳阳县城乡供水一体化项目实施方案');
  });

  it('publishes the catalogue with its adjustment and every 2021 decision with its adoption statement', async () => {
    const catalogues = (await call(t, null, 'GET', '/api/public/decisions/catalogues?regionCode=430621&year=2021')).json() as { orgName: string; items: unknown[]; adjustments: { reason: string }[] }[];
    const countyCatalogue = catalogues.find((c) => c.orgName === '岳阳县人民政府')!;
    expect(countyCatalogue.items).toHaveLength(20);
    expect(countyCatalogue.adjustments.map((a) => a.reason)).toEqual([expect.stringContaining('农村商业银行')]);
    const published = (await call(t, null, 'GET', '/api/public/decisions?regionCode=430621&year=2021&pageSize=100')).json();
    expect(published.total).toBe(52);
    const one = (await call(t, null, 'GET', `/api/public/decisions/${published.items[0].id}`)).json();
    expect(one.adoptionStatement).toContain('采纳情况的说明');
  });

  it('leaves this year’s open work: one out for comment, one in legality review, one waiting on expert review', async () => {
    const { db } = t;
    const rows = (await db.execute(`select c.state, d.gates from cases c join decisions d on d.case_id = c.id where c.opened_at >= '2026-01-01' order by c.opened_at`)) as unknown as { rows: { state: string }[] };
    expect(rows.rows.map((r) => r.state).sort()).toEqual(['drafting', 'legalityReview', 'publicComment']);
  });
});
