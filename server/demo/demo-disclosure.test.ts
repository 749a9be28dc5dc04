import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type IndicatorScope } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import { disclosureRequests } from '../modules/disclosure/disclosure.tables.ts';
import type { TestApp } from '../test/harness.ts';
import { seedDemoDisclosure } from './demo-disclosure.ts';
import { createDemoApp, demoSm4, demoYear as year, DEMO_TODAY as TODAY } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

describe('the demo county’s 依申请公开', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoDisclosure(await startReplay(t.db, demoSm4()), TODAY);
  }, 240_000);
  afterAll(() => t.close());

  const figure = async (code: string, scope: IndicatorScope) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
  const cell = (v: Awaited<ReturnType<typeof figure>>, key: string, value: string) => v.cells.filter((c) => c.cell[key] === value).reduce((s, c) => s + c.value, 0);

  it('received 18 applications in 2021 and answered all of them within their periods', async () => {
    expect((await figure('disclosure.received', year(2021))).total).toBe(18);
    const replied = await figure('disclosure.replied', year(2021));
    expect(replied.total).toBe(18);
    expect(
      Object.fromEntries(['disclose', 'partial', 'unableNotHeld', 'notHandledRepeat', 'otherNoCorrection'].map((o) => [o, cell(replied, 'outcome', o)])),
    ).toEqual({ disclose: 10, partial: 3, unableNotHeld: 3, notHandledRepeat: 1, otherNoCorrection: 1 });
    expect(cell(replied, 'outcomeGroup', 'unable')).toBe(3);
    expect(cell(replied, 'applicantKind', 'person')).toBe(14);
    expect((await figure('disclosure.overdue', year(2021))).total).toBe(0);
    expect((await figure('disclosure.corrections', year(2021))).total).toBe(1);
  });

  it('keeps table 三’s columns filled: outcome, applicant kind, receipt and reply dates on every 2021 row', async () => {
    const rows = await t.db.select().from(disclosureRequests).where(eq(disclosureRequests.regionCode, '430621'));
    const of2021 = rows.filter((r) => r.receivedOn.startsWith('2021'));
    expect(of2021).toHaveLength(18);
    expect(of2021.every((r) => r.outcome && r.repliedOn && r.repliedOn >= r.receivedOn && r.applicantKind)).toBe(true);
  });

  it('has two open applications today: one due within days, one waiting for a correction', async () => {
    const open = await t.db.select({ state: cases.state, dueOn: cases.dueOn }).from(cases).where(and(eq(cases.caseType, 'disclosure_request'), eq(cases.terminal, false)));
    expect(open.map((o) => o.state).sort()).toEqual(['correcting', 'received']);
    const running = open.find((o) => o.state === 'received')!;
    expect(running.dueOn! >= TODAY).toBe(true);
  });
});
