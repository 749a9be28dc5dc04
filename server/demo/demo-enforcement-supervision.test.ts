import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../kernel/audit/verify.ts';
import { findFigure, type IndicatorDef } from '../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../kernel/indicators/indicators.repository.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import { enforcementBodies, enforcementMatters } from '../modules/enforcement/enforcement.tables.ts';
import { enforcementCases } from '../modules/enforcement-cases/enforcement-cases.tables.ts';
import { campaignFigures } from '../modules/enforcement-supervision/campaigns.repository.ts';
import { specialCampaigns } from '../modules/enforcement-supervision/supervision.tables.ts';
import type { TestApp } from '../test/harness.ts';
import { demoCampaignTitles, seedDemoEnforcementSupervision } from './demo-enforcement-supervision.ts';
import { createDemoApp, demoSm4, demoYear } from './demo.test-helpers.ts';
import { startReplay } from './replay.ts';

const y2021 = demoYear(2021);
/** The 2021 cases the cases demo files per field (as the annual report gives them). */
const CASES_2021 = { environment: 23, market: 33, health: 19 } as const;

/** Stand-ins for the cases demo's 2021 行政处罚 cases, which the seed groups under campaigns. */
async function insertCases(t: TestApp): Promise<void> {
  const orgOf = async (code: string) => (await t.db.select().from(organisations).where(eq(organisations.code, code)))[0]!;
  for (const [field, count] of Object.entries(CASES_2021) as [keyof typeof CASES_2021, number][]) {
    const org = await orgOf({ market: '430621-D22', environment: '430621-D11', health: '430621-D18' }[field]);
    const [body] = await t.db.insert(enforcementBodies).values({ regionCode: '430621', orgId: org.id, name: org.name, kind: 'statutory', fields: [field], legalBasis: '三定方案' }).returning();
    const [matter] = await t.db.insert(enforcementMatters).values({ regionCode: '430621', code: `${field}-1`, name: '违法行为', category: 'penalty', field, orgId: org.id, legalBasis: '法' }).returning();
    for (let i = 0; i < count; i++) {
      const filedOn = `2021-${String((i % 12) + 1).padStart(2, '0')}-15`;
      const [c] = await t.db.insert(cases).values({ regionCode: '430621', caseType: 'enforcement_penalty', title: `${field} ${i}`, orgId: org.id, state: 'closed', terminal: true, openedAt: new Date(`${filedOn}T10:00:00+08:00`) }).returning();
      await t.db.insert(enforcementCases).values({ caseId: c!.id, regionCode: '430621', bodyId: body!.id, matterId: matter!.id, field, source: 'inspection', partyType: 'company', partyName: `当事人${i}`, facts: '事实', filedOn });
    }
    // A 2020 case stays outside the 2021 campaigns.
    const [old] = await t.db.insert(cases).values({ regionCode: '430621', caseType: 'enforcement_penalty', title: 'old', orgId: org.id, state: 'closed', terminal: true, openedAt: new Date('2020-06-01T10:00:00+08:00') }).returning();
    await t.db.insert(enforcementCases).values({ caseId: old!.id, regionCode: '430621', bodyId: body!.id, matterId: matter!.id, field, source: 'inspection', partyType: 'company', partyName: '旧案', facts: '事实', filedOn: '2020-06-01' });
  }
}

describe('the demo county’s 2021 行政检查 and 专项整治', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoApp();
    await insertCases(t);
    await seedDemoEnforcementSupervision(await startReplay(t.db, demoSm4()));
  }, 300_000);
  afterAll(() => t.close());

  const indicator = (code: string) => computeIndicator(t.db, findFigure(code) as IndicatorDef, y2021);
  const byField = async (code: string) => Object.fromEntries(
    Object.entries(
      (await indicator(code)).cells.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.cell.field!]: (acc[c.cell.field!] ?? 0) + c.value }), {}),
    ),
  );
  const figuresOf = async (field: keyof typeof demoCampaignTitles) => {
    const rows = await t.db.select({ id: specialCampaigns.id, title: specialCampaigns.title }).from(specialCampaigns).where(eq(specialCampaigns.field, field));
    const figures = await campaignFigures(t.db, rows.map((r) => r.id));
    return new Map(rows.map((r) => [r.title, figures.get(r.id)!]));
  };
  const sum = (map: Map<string, Record<string, unknown>>, key: string) => [...map.values()].reduce((s, f) => s + (f[key] as number), 0);

  it('市场监管: 8,476 inspections in five campaigns, 132 农资经营门店, 191 责令整改, 88 hazards, 2 dens closed', async () => {
    expect((await byField('inspections.count')).market).toBe(8476);
    expect((await byField('inspections.rectifications')).market).toBe(191);
    expect((await byField('inspections.hazards')).market).toBe(88);
    expect((await byField('inspections.placesClosed')).market).toBe(2);
    const campaigns = await figuresOf('market');
    expect([...campaigns.keys()].sort()).toEqual([...demoCampaignTitles.market].sort());
    expect(sum(campaigns, 'inspections')).toBe(8476);
    expect(sum(campaigns, 'rectificationOrders')).toBe(191);
    expect(sum(campaigns, 'hazardsFound')).toBe(88);
    expect(sum(campaigns, 'placesClosed')).toBe(2);
    const agri = campaigns.get('“治违禁 控药残 促提升”农资专项整治')!;
    expect(agri.targetsByType.find((x) => x.targetType === '农资经营门店')?.targets).toBe(132);
    const campaignInspections = await indicator('campaigns.inspections');
    expect(campaignInspections.cells.find((c) => c.cell.campaign === '“年关守护”食品安全专项行动')?.value).toBe(campaigns.get('“年关守护”食品安全专项行动')!.inspections);
  });

  it('生态环境: the six campaigns closed 6 enterprises and demolished 11 works', async () => {
    const campaigns = await figuresOf('environment');
    expect([...campaigns.keys()].sort()).toEqual([...demoCampaignTitles.environment].sort());
    expect(sum(campaigns, 'placesClosed')).toBe(6);
    expect(sum(campaigns, 'demolished')).toBe(11);
    expect((await byField('inspections.placesClosed')).environment).toBe(6);
    expect((await byField('inspections.demolished')).environment).toBe(11);
  });

  it('卫健局: 3 rounds of epidemic-prevention and 2 of vaccination checks, 269 documents issued', async () => {
    expect((await byField('inspections.documents')).health).toBe(269);
    const campaigns = await figuresOf('health');
    expect(sum(campaigns, 'documentsIssued')).toBe(269);
    const rounds = await t.db.execute(sql`select c.title, count(distinct i.notes)::int as rounds from inspections i join special_campaigns c on c.id = i.campaign_id where i.field = 'health' group by c.title order by c.title`);
    expect((rounds as unknown as { rows: { title: string; rounds: number }[] }).rows.map((r) => r.rounds).sort()).toEqual([2, 3]);
  });

  it('groups the 2021 enforcement cases under the campaigns of their field, counted from enforcement_cases', async () => {
    for (const field of ['market', 'environment', 'health'] as const) expect(sum(await figuresOf(field), 'casesFiled')).toBe(CASES_2021[field]);
    expect((await indicator('campaigns.casesFiled')).total).toBe(23 + 33 + 19);
    const [old] = await t.db.select({ n: sql<number>`count(*)::int` }).from(enforcementCases).where(and(eq(enforcementCases.filedOn, '2020-06-01'), sql`${enforcementCases.campaignId} is not null`));
    expect(old!.n).toBe(0);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
