import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type IndicatorScope, type RatioDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../kernel/indicators/indicators.repository.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import type { TestApp } from '../test/harness.ts';
import { findProposals } from '../modules/proposals/proposals.repository.ts';
import { ProposalFilter } from '../modules/proposals/proposals.schemas.ts';
import { createDemoApp, demoSm4, demoYear as year, DEMO_TODAY as TODAY } from './demo.test-helpers.ts';
import { seedDemoProposals } from './demo-proposals.ts';
import { startReplay } from './replay.ts';

describe('the demo county’s 建议提案', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoProposals(await startReplay(t.db, demoSm4()), TODAY);
  }, 240_000);
  afterAll(() => t.close());

  const figure = async (code: string, scope: IndicatorScope) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
  const cells = async (code: string, scope: IndicatorScope) => Object.fromEntries((await figure(code, scope)).cells.map((c) => [Object.values(c.cell).join('|'), c.value]));

  it('has 2021 as the annual report states it: 120 建议 and 95 提案, all answered in time, 45/40/15%, 5 second replies', async () => {
    expect(await cells('proposals.received', year(2021))).toEqual({ npc: 120, cppcc: 95 });
    const replied = await figure('proposals.replied', year(2021));
    expect(replied.total).toBe(215);
    const byCategory = (kind: string) => Object.fromEntries(replied.cells.filter((c) => c.cell.kind === kind).map((c) => [c.cell.replyCategory, c.value]));
    expect(byCategory('npc')).toEqual({ solved: 54, planned: 48, explained: 18 });
    expect(byCategory('cppcc')).toEqual({ solved: 43, planned: 38, explained: 14 });
    expect(replied.cells.every((c) => c.cell.onTime === 'yes')).toBe(true);
    expect(await cells('proposals.secondReplies', year(2021))).toEqual({ 'npc|yes': 3, 'cppcc|yes': 2 });
    const satisfaction = await computeRatio(t.db, findFigure('proposals.satisfactionRate') as RatioDef, year(2021));
    expect(satisfaction.value).toBe(99.53);
    expect(satisfaction.cells.map((d) => [d.cell.kind, d.value])).toEqual(expect.arrayContaining([['npc', 99.17], ['cppcc', 100]]));
    expect((await computeRatio(t.db, findFigure('proposals.onTimeRate') as RatioDef, year(2021))).value).toBe(100);
  });

  it('lists 2021 by filters for the office', async () => {
    const office = (await startReplay(t.db, demoSm4())).actor('sfj');
    const filter = ProposalFilter.parse({ year: '2021', kind: 'npc', satisfaction: 'basic' });
    const page = await findProposals(t.db, office, filter, { today: TODAY, soonLimit: TODAY }, { page: 1, pageSize: 20 });
    expect(page.total).toBe(7);
    // The set-based ids are real UUIDs: the API's answers validate them.
    expect(page.items.every((i) => z.uuid().safeParse(i.id).success)).toBe(true);
  });

  it('has this year’s open work in the 待办', async () => {
    const open = await t.db.select({ state: cases.state, dueOn: cases.dueOn }).from(cases).where(and(eq(cases.caseType, 'proposal'), eq(cases.terminal, false)));
    expect(open.map((o) => o.state).sort()).toEqual(['handling', 'handling', 'handling', 'registered', 'replied']);
    expect(open.some((o) => o.dueOn !== null && o.dueOn < TODAY)).toBe(true);
    const opinions = await t.db.select().from(cases).where(and(eq(cases.caseType, 'proposal_opinion'), eq(cases.terminal, false)));
    expect(opinions).toHaveLength(1);
  });
});
