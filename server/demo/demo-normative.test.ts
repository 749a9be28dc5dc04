import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { publicConsultations } from '../kernel/consultation/consultation.tables.ts';
import { findFigure, type IndicatorDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator, findFigureRecords } from '../kernel/indicators/indicators.repository.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { caseClocks, cases } from '../kernel/workflow/workflow.tables.ts';
import { governmentMeetings, meetingItems } from '../modules/meetings/meetings.tables.ts';
import { normativeCampaigns, normativeDocuments } from '../modules/normative/normative.tables.ts';
import { seedDemoCases } from './demo-cases.ts';
import { createDemoApp, demoSm4, demoYear, DEMO_TODAY as TODAY } from './demo.test-helpers.ts';
import type { TestApp } from '../test/harness.ts';

const y2021 = demoYear(2021);

describe('the demo county’s 规范性文件', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await seedDemoCases(t.db, demoSm4(), t.clock);
  }, 300_000);
  afterAll(() => t.close());

  const indicator = (code: string) => computeIndicator(t.db, findFigure(code) as IndicatorDef, y2021);
  const byCell = async (code: string, key: string) => Object.fromEntries((await indicator(code)).cells.map((c) => [c.cell[key], c.value]));

  it('issued 20 documents in 2021 (县政府 9, 县政府办 11), repealed 2, kept 23 in force at year end, all filed in time', async () => {
    expect((await indicator('normative.issued')).total).toBe(20);
    expect(await byCell('normative.issued', 'issuer')).toEqual({ 岳阳县人民政府: 9, 岳阳县人民政府办公室: 11 });
    expect((await indicator('normative.repealed')).total).toBe(2);
    expect((await indicator('normative.inForce')).total).toBe(23);
    expect((await indicator('normative.overdueFilings')).total).toBe(0);
    const records = await findFigureRecords(t.db, findFigure('normative.repealed') as IndicatorDef, y2021, {}, 10);
    expect(records.map((r) => r.title).sort()).toEqual(['岳阳县农村独生子女家庭奖励扶助办法（岳县政办规〔2017〕1号）', '岳阳县计划生育奖励扶助实施办法（岳县政规〔2018〕1号）']);
    const numbers = await t.db.select({ no: normativeDocuments.docNo }).from(normativeDocuments).where(eq(normativeDocuments.docYear, 2021));
    expect(numbers.map((n) => n.no).sort()).toEqual([...Array.from({ length: 11 }, (_, i) => `岳县政办规〔2021〕${i + 1}号`), ...Array.from({ length: 9 }, (_, i) => `岳县政规〔2021〕${i + 1}号`)].sort());
  });

  it('makes, with the decisions discussed there, the report’s 29 law-related items on the county government’s 常务会议', async () => {
    const items = await indicator('meetings.lawRelatedExecutiveItems');
    expect(items.total).toBe(29);
    expect(Object.fromEntries(items.cells.map((c) => [c.cell.subject, c.value]).filter(([, v]) => v))).toEqual({ decision: 20, normative_document: 9 });
  });

  it('reviewed them (one rejected once) and discussed them at the 常务会议 and the 主任办公会议', async () => {
    const reviews = (await indicator('legality.reviews')).cells.filter((c) => c.cell.caseType === 'normative_document');
    expect(Object.fromEntries(reviews.map((c) => [c.cell.conclusion, c.value]))).toEqual({ lawful: 20, unlawful: 1 });
    expect((await byCell('legality.rejected', 'caseType')).normative_document).toBe(1);
    const items = await t.db
      .select({ kind: governmentMeetings.kind, org: organisations.code, n: sql<number>`count(*)::int` })
      .from(meetingItems)
      .innerJoin(governmentMeetings, eq(governmentMeetings.id, meetingItems.meetingId))
      .innerJoin(organisations, eq(organisations.id, governmentMeetings.orgId))
      .innerJoin(cases, eq(cases.id, meetingItems.caseId))
      .where(and(eq(cases.caseType, 'normative_document'), eq(governmentMeetings.year, 2021), eq(meetingItems.lawRelated, true)))
      .groupBy(governmentMeetings.kind, organisations.code);
    expect(items.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'executive', org: '430621-000', n: 9 },
      { kind: 'office', org: '430621-D01', n: 11 },
    ]);
    const [campaign] = await t.db.select().from(normativeCampaigns);
    expect(campaign).toMatchObject({ state: 'published', topics: ['长江保护', '行政处罚法', '计划生育'] });
  });

  it('leaves today’s work: a comment round, two reviews (one overdue), one awaiting 备案, one expiring within six months', async () => {
    const open = await t.db.select().from(publicConsultations).where(and(eq(publicConsultations.entityType, 'normative_document'), sql`${publicConsultations.closesOn} >= ${TODAY}`));
    expect(open).toHaveLength(1);
    const reviews = await t.db
      .select({ dueOn: caseClocks.dueOn })
      .from(cases)
      .innerJoin(caseClocks, and(eq(caseClocks.caseId, cases.id), eq(caseClocks.name, 'legalityReview')))
      .where(and(eq(cases.caseType, 'normative_document'), eq(cases.state, 'legalityReview')));
    expect(reviews).toHaveLength(2);
    expect(reviews.filter((r) => r.dueOn < TODAY)).toHaveLength(1);
    const awaiting = await t.db.select({ due: normativeDocuments.filingDueOn }).from(cases).innerJoin(normativeDocuments, eq(normativeDocuments.caseId, cases.id)).where(eq(cases.state, 'published'));
    expect(awaiting).toHaveLength(1);
    expect(awaiting[0]!.due! >= TODAY).toBe(true);
    const expiring = await t.db.select({ title: normativeDocuments.title }).from(normativeDocuments).where(sql`${normativeDocuments.status} in ('valid', 'amended') and ${normativeDocuments.validUntil} between ${TODAY} and '2027-05-26'`);
    expect(expiring.map((e) => e.title)).toEqual(['岳阳县城区违法建设查处办法']);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
