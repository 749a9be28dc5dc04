import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { caseClocks } from '../kernel/workflow/workflow.tables.ts';
import { disclosureAnnualReports, disclosureReportSections } from '../modules/disclosure-report/disclosure-report.tables.ts';
import { proactiveItems } from '../modules/disclosure-report/disclosure-report.indicators.ts';
import { checkReport } from '../modules/disclosure-report/report.checks.ts';
import { computeFigures } from '../modules/disclosure-report/report.figures.ts';
import { previousPublishedFigures } from '../modules/disclosure-report/report.repository.ts';
import type { TestApp } from '../test/harness.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoDisclosureReport } from './demo-disclosure-report.ts';
import { createDemoApp, demoSm4, demoYear } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

const REGION = '430621';

describe('the demo county’s 主动公开 and 政府信息公开工作年度报告 (its own seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    const replay = await startReplay(t.db, demoSm4());
    await seedDemoDisclosureReport(replay);
  }, 120_000);
  afterAll(() => t.close());

  it('published 313 规划/重点项目/政策文件/解读回应 items, 735 policy-area items and 181 interpretations in 2021', async () => {
    const { proactive } = await computeFigures(t.db, { regionCode: REGION, orgId: null, year: 2021 }, 'government');
    const c = proactive.byCategory;
    expect(c.plans + c.keyProjects + c.policyDocuments + (c.responses - proactive.interpretations.total)).toBe(313);
    expect(c.businessEnvironment + c.oneThing + c.ruralRevitalization + c.sixStabilities + c.livelihood).toBe(735);
    expect(proactive.interpretations).toEqual({ text: 112, chart: 46, video: 23, other: 0, total: 181 });
    expect(proactive).toMatchObject({ total: 1229, items: 1048 });
  });

  it('gives the same through the statistics page’s indicator, by topic and by interpretation form', async () => {
    const value = await computeIndicator(t.db, proactiveItems, demoYear(2021));
    expect(value.total).toBe(1229);
    const sum = (match: (cell: Record<string, string>) => boolean) => value.cells.filter((c) => match(c.cell)).reduce((n, c) => n + c.value, 0);
    expect(sum((c) => ['plans', 'keyProjects', 'policyDocuments', 'responses'].includes(c.topic!) && c.kind === 'item')).toBe(313);
    expect(sum((c) => c.kind === 'interpretation')).toBe(181);
    expect(sum((c) => c.form === 'video')).toBe(23);
  });

  it('enters the licence decisions and fees the county’s systems hold: 9,373 and 292.9 万元 in 2021', async () => {
    const { tableTwo } = await computeFigures(t.db, { regionCode: REGION, orgId: null, year: 2021 }, 'government');
    expect(tableTwo.licences.decisions).toBe(9373);
    expect(tableTwo.fees.amountTenThousand).toBeCloseTo(292.9, 4);
    expect(tableTwo.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('has the 2020 report published and the 2021 report written, checked and published before 31 March 2022', async () => {
    const [gov] = await t.db.select().from(organisations).where(eq(organisations.code, '430621-000'));
    const reports = await t.db.select().from(disclosureAnnualReports).where(eq(disclosureAnnualReports.orgId, gov!.id)).orderBy(disclosureAnnualReports.year);
    expect(reports.map((r) => [r.year, r.status, r.dueOn, r.publishedOn])).toEqual([
      [2020, 'published', '2021-03-31', '2021-03-26'],
      [2021, 'published', '2022-03-31', '2022-03-25'],
    ]);
    const frozen = reports[1]!.figures as { checks: { ok: boolean }[]; sections: Record<string, { version: number }> };
    expect(frozen.checks.every((c) => c.ok)).toBe(true);
    expect(frozen.sections.overview!.version).toBe(2);
    const versions = await t.db.select().from(disclosureReportSections).where(and(eq(disclosureReportSections.reportId, reports[1]!.id), eq(disclosureReportSections.section, 'overview')));
    expect(versions).toHaveLength(2);
    const [clock] = await t.db.select().from(caseClocks).where(eq(caseClocks.caseId, reports[1]!.caseId!));
    expect(clock).toMatchObject({ dueOn: '2022-03-31', status: 'stopped' });
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});

describe('the 2021 government report over every module’s demo records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoCases(t.db, demoSm4(), t.clock);
  }, 600_000);
  afterAll(() => t.close());

  it('passes its checks against the 2020 report and is published', async () => {
    const [report] = await t.db.select().from(disclosureAnnualReports).where(and(eq(disclosureAnnualReports.year, 2021), eq(disclosureAnnualReports.scope, 'government')));
    const figures = await computeFigures(t.db, { regionCode: REGION, orgId: null, year: 2021 }, 'government');
    const checks = checkReport(figures, await previousPublishedFigures(t.db, report!.orgId, 2021));
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(report!.status).toBe('published');
  });
});
