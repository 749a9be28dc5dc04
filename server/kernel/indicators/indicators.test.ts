import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { organisations } from '../org/org.tables.ts';
import { cases } from '../workflow/workflow.tables.ts';
import {
  cellLabels,
  defineIndicator,
  defineRatio,
  periodBounds,
  ratioParts,
  registerFigures,
  type IndicatorScope,
} from './define-indicator.ts';
import { beijingDay, computeIndicator, defineCountIndicator, computeRatio, countFigureRecords, findFigureRecords, withinScope } from './indicators.repository.ts';

/**
 * The mechanism on its own: a count over `cases` rows inserted directly, by kind and by whether it is
 * closed, scoped to a region, an organisation subtree and a period of Beijing dates.
 */
const opened = defineCountIndicator({
  code: 'kernelTest.opened',
  name: '测试收件数',
  unit: '件',
  basis: '测试依据',
  description: '期间内立案的测试案件',
  dimensions: [
    { key: 'kind', label: '类型', values: { a: '甲类', b: '乙类' } },
    { key: 'closed', label: '是否办结', values: { yes: '已办结', no: '未办结' } },
  ],
  recordDate: '立案日期',
  source: (scope) => {
    const { start, end } = periodBounds(scope);
    return sql`select ${cases.id} as id, ${cases.title} as title, ${cases.caseType} as category, ${organisations.name} as "orgName",
        ${beijingDay(cases.openedAt)} as date, ${cases.state} as label, '/cases/' || ${cases.id}::text as link,
        ${cases.caseType} as kind, case when ${cases.terminal} then 'yes' else 'no' end as closed
      from ${cases} join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
        and ${cases.openedAt} >= ${start}::timestamptz and ${cases.openedAt} < ${end}::timestamptz`;
  },
});

const total = defineIndicator({
  code: 'kernelTest.plain',
  name: '无维度测试数',
  unit: '件',
  basis: '测试依据',
  description: '同上，不分项',
  value: (scope) => sql`select count(*)::int as value from (${opened.records(scope, {})}) r`,
  records: (scope) => opened.records(scope, {}),
});

const closedRate = defineRatio({
  code: 'kernelTest.closedRate',
  name: '测试办结率',
  basis: '测试依据',
  numerator: { code: opened.code, cell: { closed: 'yes' } },
  denominator: opened.code,
  dimensions: ['kind'],
});

registerFigures([opened, total, closedRate]);

describe('kernel/indicators', () => {
  let t: TestDatabase;
  let county: { id: string; path: string };
  let townA: { id: string; path: string };
  let villageA: { id: string; path: string };
  let townB: { id: string; path: string };

  const scope = (over: Partial<IndicatorScope> = {}): IndicatorScope => ({
    regionCode: '430621',
    period: { from: '2024-01-01', to: '2024-12-31' },
    today: '2025-03-01',
    ...over,
  });
  const insert = (orgId: string, kind: string, at: string, terminal = false, regionCode = '430621') =>
    t.db.insert(cases).values({ regionCode, caseType: kind, title: `${kind}@${at}`, orgId, state: terminal ? 'closed' : 'open', terminal, openedAt: new Date(at) });

  beforeAll(async () => {
    t = await createTestDatabase();
    county = await createOrg(t.db, { name: '县政府', type: 'government' });
    townA = await createOrg(t.db, { name: '甲镇', type: 'township', parentId: county.id });
    villageA = await createOrg(t.db, { name: '甲村', type: 'village', parentId: townA.id });
    townB = await createOrg(t.db, { name: '乙镇', type: 'township', parentId: county.id });
    const elsewhere = await createOrg(t.db, { name: '外县', regionCode: '430682' });
    await insert(townA.id, 'a', '2024-01-01T00:00:00+08:00', true); // first instant of the period (16:00 UTC the day before)
    await insert(townA.id, 'b', '2024-06-01T10:00:00+08:00');
    await insert(villageA.id, 'a', '2024-12-31T23:59:59+08:00');
    await insert(townB.id, 'a', '2024-03-01T10:00:00+08:00', true);
    await insert(townB.id, 'a', '2023-12-31T23:59:59+08:00', true); // Beijing 2023: outside
    await insert(townB.id, 'a', '2025-01-01T00:00:00+08:00'); // outside
    await insert(elsewhere.id, 'a', '2024-05-01T10:00:00+08:00', false, '430682'); // another region
  });
  afterAll(() => t.close());

  it('counts per cell and in total, in Beijing dates, within the region', async () => {
    const value = await computeIndicator(t.db, opened, scope());
    expect(value.total).toBe(4);
    expect(value.cells).toEqual([
      { cell: { kind: 'a', closed: 'no' }, value: 1 },
      { cell: { kind: 'a', closed: 'yes' }, value: 2 },
      { cell: { kind: 'b', closed: 'no' }, value: 1 },
    ]);
    expect((await computeIndicator(t.db, total, scope())).total).toBe(4);
  });

  it('restricts to an organisation subtree, or to the organisation alone', async () => {
    const subtree = await computeIndicator(t.db, opened, scope({ orgId: townA.id, orgPath: townA.path }));
    expect(subtree.total).toBe(3);
    const alone = await computeIndicator(t.db, opened, scope({ orgId: townA.id, orgPath: townA.path, orgOnly: true }));
    expect(alone.total).toBe(2);
    const empty = await computeIndicator(t.db, opened, scope({ period: { from: '2020-01-01', to: '2020-12-31' } }));
    expect(empty).toEqual({ total: 0, cells: [] });
  });

  it('lists exactly the rows counted, per cell, newest first, paged', async () => {
    const value = await computeIndicator(t.db, opened, scope());
    for (const { cell, value: n } of value.cells) expect(await countFigureRecords(t.db, opened, scope(), cell)).toBe(n);
    expect(await countFigureRecords(t.db, opened, scope(), {})).toBe(value.total);
    const all = await findFigureRecords(t.db, opened, scope(), {}, 10);
    expect(all.map((r) => r.date)).toEqual(['2024-12-31', '2024-06-01', '2024-03-01', '2024-01-01']);
    expect(all[0]).toMatchObject({ title: 'a@2024-12-31T23:59:59+08:00', orgName: '甲村', link: `/cases/${all[0]!.id}` });
    const second = await findFigureRecords(t.db, opened, scope(), {}, 2, 2);
    expect(second.map((r) => r.date)).toEqual(['2024-03-01', '2024-01-01']);
    expect(await findFigureRecords(t.db, opened, scope(), { kind: 'b' }, 10)).toHaveLength(1);
  });

  it('computes a ratio from the sums of its counts, null when nothing is in the denominator', async () => {
    const ratio = await computeRatio(t.db, closedRate, scope());
    expect(ratio).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(ratio.cells).toEqual([
      { cell: { kind: 'a' }, numerator: 2, denominator: 3, value: 66.67 },
      { cell: { kind: 'b' }, numerator: 0, denominator: 1, value: 0 },
    ]);
    const none = await computeRatio(t.db, closedRate, scope({ period: { from: '2020-01-01', to: '2020-12-31' } }));
    expect(none).toEqual({ numerator: 0, denominator: 0, value: null, cells: [] });
  });

  it('takes a stock on the period’s last day, or today while the period runs', () => {
    expect(periodBounds(scope())).toEqual({
      start: '2024-01-01T00:00:00+08:00',
      end: '2025-01-01T00:00:00+08:00',
      asOf: '2024-12-31',
      asOfEnd: '2025-01-01T00:00:00+08:00',
    });
    expect(periodBounds(scope({ period: { from: '2025-01-01', to: '2025-12-31' } })).asOf).toBe('2025-03-01');
  });

  it('refuses malformed definitions and inconsistent ratios', () => {
    const base = { name: '名', unit: '件', basis: '依据', description: '口径', value: () => sql`select 1 as value`, records: () => sql`select 1` };
    expect(() => defineIndicator({ ...base, code: 'NoModule' })).toThrow(/code/);
    expect(() => defineIndicator({ ...base, code: 'x.y', basis: ' ' })).toThrow(/basis/);
    expect(() => defineIndicator({ ...base, code: 'x.y', dimensions: [{ key: 'value', label: '值' }] })).toThrow(/dimension/);
    expect(() => registerFigures([defineIndicator({ ...base, code: opened.code })])).toThrow(/defined twice/);
    const missing = defineRatio({ code: 'x.rate', name: '率', basis: '依据', numerator: 'x.none', denominator: opened.code });
    expect(() => ratioParts(missing)).toThrow(/not a registered indicator/);
    const badDim = defineRatio({ code: 'x.badDim', name: '率', basis: '依据', numerator: opened.code, denominator: opened.code, dimensions: ['nope'] });
    expect(() => ratioParts(badDim)).toThrow(/no dimension nope/);
  });

  it('labels a cell by its dimensions', () => {
    expect(cellLabels(opened.dimensions, { kind: 'a', closed: 'yes' })).toEqual({ kind: '甲类', closed: '已办结' });
    expect(cellLabels(opened.dimensions, { kind: 'z', closed: '' })).toEqual({ kind: 'z', closed: '（未填写）' });
  });
});
