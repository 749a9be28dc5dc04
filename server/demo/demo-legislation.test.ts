import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type IndicatorScope } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import { findRequestsOf } from '../modules/legislation/legislation.repository.ts';
import { startReplay } from './replay.ts';
import { seedDemoLegislation } from './demo-legislation.ts';
import { and, eq } from 'drizzle-orm';
import { createDemoApp, demoSm4, demoYear as year, DEMO_TODAY as TODAY } from './demo.test-helpers.ts';
import type { TestApp } from '../test/harness.ts';


describe('the demo county’s 立法建议', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoLegislation(await startReplay(t.db, demoSm4()), TODAY);
  }, 240_000);
  afterAll(() => t.close());

  const total = async (code: string, scope: IndicatorScope) => (await computeIndicator(t.db, findFigure(code) as IndicatorDef, scope)).total;

  it('has the two 2021 consultations of the report, replied in time, and the departments’ opinions', async () => {
    expect(await total('legislation.consultations', year(2021))).toBe(2);
    expect(await total('legislation.replies', year(2021))).toBe(2);
    // 23 organisations for the 营商环境 research, 6 for the 组织法 revision.
    expect(await total('legislation.opinions', year(2021))).toBe(29);
  });

  it('has this year’s consultation open: two answers, one department overdue, a township due soon', async () => {
    const soon = await calendarService(t.db).due('430621', TODAY, { unit: 'workingDays', n: 3 });
    const open = await t.db.select({ id: cases.id }).from(cases).where(and(eq(cases.caseType, 'legislation'), eq(cases.terminal, false)));
    expect(open).toHaveLength(1);
    const requests = await findRequestsOf(t.db, open[0]!.id, { today: TODAY, soonLimit: soon.due });
    expect(requests.map((r) => [r.orgName, r.state, r.mark]).sort()).toEqual([
      ['岳阳县住房和城乡建设局', 'requested', 'overdue'],
      ['岳阳县市场监督管理局', 'answered', null],
      ['岳阳县新墙镇人民政府', 'answered', null],
      ['岳阳县荣家湾镇人民政府', 'requested', 'dueSoon'],
    ]);
  });
});
