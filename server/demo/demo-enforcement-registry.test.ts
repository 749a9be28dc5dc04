import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { enforcementCertificates, leniencyItems } from '../modules/enforcement/enforcement.tables.ts';
import { DEMO_CERTIFIED_2021, DEMO_DELEGATED_2021, DEMO_REPLACED_2021, seedDemoEnforcementRegistry } from './demo-enforcement-registry.ts';
import { createDemoApp, demoSm4, demoYear, DEMO_TODAY } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';
import type { TestApp } from '../test/harness.ts';

describe('the demo county’s enforcement registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoEnforcementRegistry(await startReplay(t.db, demoSm4()), DEMO_TODAY);
  }, 300_000);
  afterAll(() => t.close());

  const indicator = (code: string, y = 2021) => computeIndicator(t.db, findFigure(code) as IndicatorDef, demoYear(y));

  it('had 1,626 officers with a valid certificate at the end of 2021, 23 of them re-issued that year', async () => {
    expect(DEMO_CERTIFIED_2021).toBe(1626);
    expect((await indicator('enforcement.certifiedOfficers')).total).toBe(1626);
    expect((await indicator('enforcement.replacedCertificates')).total).toBe(DEMO_REPLACED_2021);
    expect(DEMO_REPLACED_2021).toBe(23);
    const byField = Object.fromEntries((await indicator('enforcement.certifiedOfficers')).cells.filter((c) => c.cell.body === '岳阳县公田镇人民政府').map((c) => [c.cell.field, c.value]));
    expect(byField).toEqual({ comprehensive: 41 });
    // The count is a real filter: lapsed, suspended, revoked and later certificates are in the table too.
    const counted = ((await t.db.execute(sql`select count(distinct officer_id)::int as n from ${enforcementCertificates}`)) as unknown as { rows: { n: number }[] }).rows;
    expect(counted[0]!.n).toBeGreaterThan(1626 + 50);
    expect((await indicator('enforcement.certifiedOfficers', 2020)).total).toBeLessThan(1626);
  });

  it('delegated the first batch of 39 matters to the townships in 2021, 公田镇 first', async () => {
    expect(DEMO_DELEGATED_2021).toBe(39);
    expect((await indicator('enforcement.delegatedMatters')).total).toBe(39);
    const towns: { cell: Record<string, string>; value: number }[] = (await indicator('enforcement.townshipDelegations')).cells;
    expect(towns).toHaveLength(14);
    expect(towns.every((c) => c.value === 39)).toBe(true);
    const midYear = await computeIndicator(t.db, findFigure('enforcement.townshipDelegations') as IndicatorDef, { ...demoYear(2021), period: { from: '2021-01-01', to: '2021-05-31' } });
    expect(midYear.cells).toEqual([{ cell: { township: '岳阳县公田镇人民政府' }, value: 39 }]);
  });

  it('has the lists and some officers short of 60 hours', async () => {
    const lists = ((await t.db.execute(sql`select list, count(*)::int as n from ${leniencyItems} group by list order by list`)) as unknown as { rows: { list: string; n: number }[] }).rows;
    expect(lists).toEqual([
      { list: 'firstViolation', n: 8 },
      { list: 'lenient', n: 6 },
      { list: 'minor', n: 4 },
    ]);
    const short = (await indicator('enforcement.trainingShortfall')).total;
    expect(short).toBeGreaterThan(50);
    expect(short).toBeLessThan(200);
  });
});
