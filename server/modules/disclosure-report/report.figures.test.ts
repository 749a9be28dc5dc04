import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicator, findFigureRecords } from '../../kernel/indicators/indicators.repository.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { proactiveItems } from './disclosure-report.indicators.ts';
import { checkReport } from './report.checks.ts';
import { computeFigures } from './report.figures.ts';
import { disclosureFigureEntries, proactiveDisclosures } from './disclosure-report.tables.ts';
import { insertCoercion, insertLawsuit, insertNormative, insertPenalty, insertReconsideration, insertRequest } from './disclosure-report.test-helpers.ts';

/**
 * Tables 二, 三 and 四 of 2021 for one department, and for the government (the whole region), checked
 * cell by cell against the records inserted here — including records just outside the year.
 */

let t: TestApp;
let a: string;
let b: string;
const REGION = '430621';

beforeAll(async () => {
  t = await createTestApp();
  a = (await createOrg(t.db, { name: '岳阳县自然资源局' })).id;
  b = (await createOrg(t.db, { name: '岳阳县住房和城乡建设局' })).id;
  const db = t.db;

  // Table 三 (columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).
  await insertRequest(db, { orgId: a, kind: 'person', receivedOn: '2020-12-20', repliedOn: '2021-01-06', outcome: 'disclose' });
  await insertRequest(db, { orgId: a, kind: 'person', receivedOn: '2020-11-01', repliedOn: '2020-12-01', outcome: 'disclose' });
  await insertRequest(db, { orgId: a, kind: 'person', receivedOn: '2021-03-01', repliedOn: '2021-03-20', outcome: 'partial' });
  // Received on the last working day before National Day, answered on the 调休 Saturday 2021-10-09.
  await insertRequest(db, { orgId: a, kind: 'company', receivedOn: '2021-09-30', repliedOn: '2021-10-09', outcome: 'withholdThirdParty' });
  await insertRequest(db, { orgId: a, kind: 'company', receivedOn: '2021-12-28' });
  await insertRequest(db, { orgId: a, kind: 'research', receivedOn: '2021-12-30', repliedOn: '2022-01-05', outcome: 'unableNotHeld' });
  await insertRequest(db, { orgId: a, kind: 'legalService', receivedOn: '2021-05-06', repliedOn: '2021-05-20', outcome: 'notHandledRepeat', feeFen: 10_000, feePaidOn: '2021-05-18' });
  await insertRequest(db, { orgId: a, kind: 'other', receivedOn: '2021-06-01', repliedOn: '2021-06-10', outcome: 'otherOther' });
  // Closed without a reply (registered in error): counted nowhere.
  await insertRequest(db, { orgId: a, kind: 'publicInterest', receivedOn: '2020-12-31', terminal: true });
  await insertRequest(db, { orgId: a, kind: 'person', receivedOn: '2022-01-04' });
  await insertRequest(db, { orgId: b, kind: 'person', receivedOn: '2021-02-01', repliedOn: '2021-02-20', outcome: 'disclose' });

  // Table 二.
  await insertNormative(db, { issuerOrgId: a, publishedOn: '2021-03-01' });
  await insertNormative(db, { issuerOrgId: a, publishedOn: '2019-05-01', repealedOn: '2021-06-30' });
  await insertNormative(db, { issuerOrgId: a, publishedOn: '2020-01-01', validUntil: '2021-06-30' });
  await insertNormative(db, { issuerOrgId: a, publishedOn: '2021-12-31' });
  await insertNormative(db, { issuerOrgId: a, publishedOn: null });
  await insertNormative(db, { issuerOrgId: b, publishedOn: '2021-08-01' });
  await insertPenalty(db, { orgId: a, decidedOn: '2021-05-01', outcome: 'penalty' });
  await insertPenalty(db, { orgId: a, decidedOn: '2021-06-01', outcome: 'exempt' });
  await insertPenalty(db, { orgId: a, decidedOn: '2021-07-01', outcome: 'transfer' });
  await insertPenalty(db, { orgId: a, decidedOn: '2022-01-02', outcome: 'penalty' });
  await insertPenalty(db, { orgId: a, decidedOn: null, outcome: null });
  await insertPenalty(db, { orgId: b, decidedOn: '2021-03-03', outcome: 'penalty' });
  await insertCoercion(db, { orgId: a, startedOn: '2021-08-01' });
  await insertCoercion(db, { orgId: a, startedOn: '2020-12-31' });
  await db.insert(disclosureFigureEntries).values([
    { regionCode: REGION, orgId: a, year: 2021, item: 'licences.decisions', value: '120', note: '政务服务中心系统导出' },
    { regionCode: REGION, orgId: a, year: 2021, item: 'fees.amountTenThousand', value: '3.5' },
    { regionCode: REGION, orgId: b, year: 2021, item: 'licences.decisions', value: '30' },
    { regionCode: REGION, orgId: a, year: 2020, item: 'licences.decisions', value: '99' },
  ]);

  // Table 四.
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2021-02-01', outcome: 'maintain', decidedOn: '2021-04-01' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2021-03-01', outcome: 'revoke', decidedOn: '2021-05-01' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2021-11-01' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2021-10-01', outcome: 'maintain', decidedOn: '2022-01-10' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2020-10-01', outcome: 'maintain', decidedOn: '2020-12-01' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2020-11-01', outcome: 'withdrawn', decidedOn: '2021-01-15' });
  await insertReconsideration(db, { respondentOrgId: a, receivedOn: '2021-04-01', outcome: 'revoke', decidedOn: '2021-05-01', actCategory: 'penalty' });
  await insertLawsuit(db, { defendantOrgId: a, receivedOn: '2021-04-01', outcome: 'rejectClaims', judgedOn: '2021-09-01' });
  await insertLawsuit(db, { defendantOrgId: a, receivedOn: '2021-06-01', afterReconsideration: true, outcome: 'revoke', judgedOn: '2021-11-01' });
  await insertLawsuit(db, { defendantOrgId: a, receivedOn: '2021-12-01', afterReconsideration: true });
  await insertLawsuit(db, { defendantOrgId: a, receivedOn: '2021-10-01', instance: 'appeal' });
  await insertLawsuit(db, { defendantOrgId: b, receivedOn: '2021-05-01', outcome: 'confirmIllegal', judgedOn: '2021-08-01' });

  // 主动公开.
  const item = (orgId: string, publishedOn: string, category: string, kind = 'item', form: string | null = null) => ({ regionCode: REGION, orgId, publishedOn, title: '信息', category, kind, form });
  await db.insert(proactiveDisclosures).values([
    item(a, '2021-01-04', 'plans'),
    item(a, '2021-12-31', 'plans'),
    item(a, '2021-06-01', 'policyDocuments'),
    item(a, '2021-06-02', 'responses', 'interpretation', 'text'),
    item(a, '2021-06-03', 'responses', 'interpretation', 'text'),
    item(a, '2021-06-04', 'responses', 'interpretation', 'video'),
    item(a, '2020-12-31', 'plans'),
    item(b, '2021-03-03', 'livelihood'),
  ]);
});
afterAll(() => t?.close());

const row = (...values: number[]) => values;

describe('the 2021 report of one department', () => {
  it('counts table 三 by applicant column and result row', async () => {
    const { tableThree: three } = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2021 }, 'organisation');
    //                                  自然人 企业 科研 公益 法律 其他 总计
    expect(three.new).toEqual(row(1, 2, 1, 0, 1, 1, 6));
    expect(three.carried).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(three.disclose).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(three.partial).toEqual(row(1, 0, 0, 0, 0, 0, 1));
    expect(three.withhold).toEqual(row(0, 1, 0, 0, 0, 0, 1));
    expect(three.withholdThirdParty).toEqual(row(0, 1, 0, 0, 0, 0, 1));
    expect(three.withholdSecret).toEqual(row(0, 0, 0, 0, 0, 0, 0));
    expect(three.unable).toEqual(row(0, 0, 0, 0, 0, 0, 0));
    expect(three.unableNotHeld).toEqual(row(0, 0, 0, 0, 0, 0, 0));
    expect(three.notHandled).toEqual(row(0, 0, 0, 0, 1, 0, 1));
    expect(three.notHandledRepeat).toEqual(row(0, 0, 0, 0, 1, 0, 1));
    expect(three.otherHandling).toEqual(row(0, 0, 0, 0, 0, 1, 1));
    expect(three.otherOther).toEqual(row(0, 0, 0, 0, 0, 1, 1));
    expect(three.total).toEqual(row(2, 1, 0, 0, 1, 1, 5));
    expect(three.carriedNext).toEqual(row(0, 1, 1, 0, 0, 0, 2));
  });

  it('counts table 二 from the 规范性文件, 行政处罚 and 行政强制 records and the entered figures', async () => {
    const { tableTwo } = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2021 }, 'organisation');
    expect(tableTwo).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 2, repealed: 2, inForce: 2 },
      licences: { decisions: 120 },
      penalties: { decisions: 2 },
      coercion: { decisions: 1 },
      fees: { amountTenThousand: 3.5 },
    });
  });

  it('maps the 政府信息公开 复议 and lawsuits against it to table 四', async () => {
    const { tableFour } = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2021 }, 'organisation');
    expect(tableFour).toEqual({
      reconsideration: { maintained: 1, corrected: 1, other: 1, pending: 2, total: 5 },
      litigationDirect: { maintained: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { maintained: 0, corrected: 1, other: 0, pending: 1, total: 2 },
    });
  });

  it('counts 主动公开 by topic and interpretations by form, and the information-processing fees', async () => {
    const f = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2021 }, 'organisation');
    expect(f.proactive).toMatchObject({ total: 6, items: 3, byCategory: { plans: 2, policyDocuments: 1, responses: 3, livelihood: 0 }, interpretations: { text: 2, chart: 0, video: 1, total: 3 } });
    expect(f.processingFees).toEqual({ applications: 1, amountYuan: 100 });
  });

  it('passes the consistency checks on figures computed from records, year on year (a lapsed document counts as 废止)', async () => {
    const f2020 = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2020 }, 'organisation');
    expect(f2020.tableTwo.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 2 });
    const f = await computeFigures(t.db, { regionCode: REGION, orgId: a, year: 2021 }, 'organisation');
    expect(checkReport(f, f2020).filter((c) => !c.ok)).toEqual([]);
  });
});

describe('the statistics page’s figure', () => {
  it('counts 主动公开 by topic and form with click-through to the records', async () => {
    const scope = { regionCode: REGION, period: { from: '2021-01-01', to: '2021-12-31' }, today: '2022-01-10' };
    const value = await computeIndicator(t.db, proactiveItems, scope);
    expect(value.total).toBe(7);
    const records = await findFigureRecords(t.db, proactiveItems, scope, { topic: 'responses', kind: 'interpretation', form: 'video', department: '岳阳县自然资源局' }, 10);
    expect(records).toEqual([expect.objectContaining({ date: '2021-06-04', category: '解读回应', label: '政策解读', orgName: '岳阳县自然资源局' })]);
  });
});

describe('the government’s 2021 report', () => {
  it('sums every organisation of the region', async () => {
    const f = await computeFigures(t.db, { regionCode: REGION, orgId: null, year: 2021 }, 'government');
    expect(f.tableThree.new).toEqual(row(2, 2, 1, 0, 1, 1, 7));
    expect(f.tableThree.disclose).toEqual(row(2, 0, 0, 0, 0, 0, 2));
    expect(f.tableTwo.normativeDocuments).toEqual({ issued: 3, repealed: 2, inForce: 3 });
    expect(f.tableTwo.penalties.decisions).toBe(3);
    expect(f.tableTwo.licences.decisions).toBe(150);
    expect(f.tableFour.litigationDirect).toEqual({ maintained: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(f.proactive.total).toBe(7);
  });
});
