import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator, findFigureRecords } from '../../kernel/indicators/indicators.repository.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at } from '../litigation/litigation.test-helpers.ts';
import { H } from './enforcement.excel.ts';
import { bodyOfOrg, findBenchmark, matchingLeniencyItem } from './enforcement.queries.ts';
import { call, certificate, marketBody, ok, postXlsx, prepareCounty, readSheet, sheetOf, type County } from './enforcement.test-helpers.ts';

const year = (y: number, today = '2026-11-26'): IndicatorScope => ({ regionCode: '430621', period: { from: `${y}-01-01`, to: `${y}-12-31` }, today });
const figure = (code: string) => findFigure(code) as IndicatorDef;

describe('the enforcement registry: matters, benchmarks, lists, delegations and figures', () => {
  let t: TestApp;
  let c: County;
  let matter: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-03-01');
  });
  afterAll(() => t.close());

  const matterBody = (extra: Record<string, unknown> = {}) => ({
    code: 'SJ-001',
    name: '对未取得食品生产经营许可从事食品生产经营活动的行政处罚',
    category: 'penalty',
    field: 'market',
    orgId: c.orgs.market,
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十二条',
    ...extra,
  });

  it('registers matters with their legal basis, a department only its own, with version checks', async () => {
    matter = await ok(await call(t, c.users.market, 'POST', '/api/enforcement/matters', matterBody()), 201);
    expect((await call(t, c.users.health, 'POST', '/api/enforcement/matters', matterBody({ code: 'SJ-002' }))).statusCode).toBe(403);
    const dup = await call(t, c.users.coordinator, 'POST', '/api/enforcement/matters', matterBody());
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', message: '事项编码“SJ-001”已登记' });
    const edited = await ok<{ version: number }>(await call(t, c.users.market, 'PUT', `/api/enforcement/matters/${matter.id}`, { ...matterBody({ name: '对未取得食品经营许可从事食品经营活动的行政处罚' }), version: matter.version }));
    expect(edited.version).toBe(2);
    const stale = await call(t, c.users.coordinator, 'PUT', `/api/enforcement/matters/${matter.id}`, { ...matterBody(), version: 1 });
    expect(stale.statusCode).toBe(409);
    const blank = await call(t, c.users.coordinator, 'POST', '/api/enforcement/matters', matterBody({ code: 'SJ-003', legalBasis: '' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().message).toContain('法律依据');
  });

  it('keeps benchmarks per matter with an ordered fine range, and lists them for the cases module', async () => {
    const bad = await call(t, c.users.market, 'POST', '/api/enforcement/benchmarks', { matterId: matter.id, violation: '未取得许可经营食品', circumstances: '货值不足一万元', level: 'lighter', fineMin: 10000, fineMax: 5000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('罚款下限不能高于上限');
    const lighter = await ok<{ id: string; levelLabel: string }>(
      await call(t, c.users.market, 'POST', '/api/enforcement/benchmarks', { matterId: matter.id, violation: '未取得许可经营食品', circumstances: '货值不足一万元，首次发现', level: 'lighter', fineMin: 5000, fineMax: 20000, otherPenalties: '没收违法所得', sortOrder: 1 }),
      201,
    );
    expect(lighter.levelLabel).toBe('从轻处罚');
    await ok(await call(t, c.users.market, 'POST', '/api/enforcement/benchmarks', { matterId: matter.id, violation: '未取得许可经营食品', circumstances: '货值一万元以上或两年内再犯', level: 'heavier', fineMin: 100000, fineMax: 150000, sortOrder: 2 }), 201);
    const byLevel = await ok<{ items: { level: string }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/benchmarks?sort=level&order=desc'));
    expect(byLevel.items.map((b) => b.level)).toEqual(['heavier', 'lighter']);
    expect(await findBenchmark(t.db, lighter.id)).toMatchObject({ matterCode: 'SJ-001', level: 'lighter', fineMin: 5000, fineMax: 20000, field: 'market', orgId: c.orgs.market });
    expect(await findBenchmark(t.db, crypto.randomUUID())).toBeNull();
  });

  it('lists matters on the 首违不罚 list once, and finds the entry for the cases module', async () => {
    const entry = { list: 'firstViolation', matterId: matter.id, conditions: '首次违法、危害后果轻微并及时改正的，可以不予行政处罚', publishedOn: '2021-03-01' };
    await ok(await call(t, c.users.coordinator, 'POST', '/api/enforcement/leniency', entry), 201);
    expect((await call(t, c.users.coordinator, 'POST', '/api/enforcement/leniency', entry)).json().code).toBe('DUPLICATE');
    expect(await matchingLeniencyItem(t.db, matter.id, 'firstViolation')).toMatchObject({ conditions: entry.conditions });
    expect(await matchingLeniencyItem(t.db, matter.id, 'lenient')).toBeNull();
    const portal = (await t.app.inject({ method: 'GET', url: '/api/public/enforcement/leniency?list=firstViolation' })).json();
    expect(portal.items.map((i: { matterCode: string; listLabel: string }) => [i.matterCode, i.listLabel])).toEqual([['SJ-001', '首违不罚清单']]);
  });

  it('delegates matters to townships only, once at a time, and revokes with an end date', async () => {
    const notTown = await call(t, c.users.coordinator, 'POST', '/api/enforcement/delegations', { townshipOrgId: c.orgs.health, matterId: matter.id, since: '2021-07-01' });
    expect(notTown.statusCode).toBe(400);
    expect(notTown.json().message).toContain('不是乡镇（街道）');
    const d = await ok<{ id: string; version: number; fromOrgName: string }>(
      await call(t, c.users.coordinator, 'POST', '/api/enforcement/delegations', { townshipOrgId: c.orgs.town, matterId: matter.id, since: '2021-07-01', documentNo: '岳阳县乡镇综合执法工作暂行规定（第一批）' }),
      201,
    );
    expect(d.fromOrgName).toBe('岳阳县市场监督管理局');
    expect((await call(t, c.users.coordinator, 'POST', '/api/enforcement/delegations', { townshipOrgId: c.orgs.town, matterId: matter.id, since: '2021-08-01' })).statusCode).toBe(409);
    expect((await call(t, c.users.health, 'POST', `/api/enforcement/delegations/${d.id}/revoke`, { version: d.version, until: '2022-07-01' })).statusCode).toBe(403);
    // The township reads what it was given; the department what it gave.
    expect((await ok<{ total: number }>(await call(t, c.users.town, 'GET', '/api/enforcement/delegations'))).total).toBe(1);
    expect((await ok<{ total: number }>(await call(t, c.users.health, 'GET', '/api/enforcement/delegations'))).total).toBe(0);
    at(t, '2022-06-01');
    const revoked = await ok<{ until: string }>(await call(t, c.users.market, 'POST', `/api/enforcement/delegations/${d.id}/revoke`, { version: d.version, until: '2022-07-01' }));
    expect(revoked.until).toBe('2022-07-01');
    expect((await call(t, c.users.market, 'POST', `/api/enforcement/delegations/${d.id}/revoke`, { version: d.version + 1, until: '2022-08-01' })).statusCode).toBe(409);
    at(t, '2021-03-01');
  });

  it('imports matters, benchmarks and delegations with per-row errors, and exports them back', async () => {
    const matters = await sheetOf(Object.values(H.matter), [
      ['WJ-001', '对医疗机构未按规定报告传染病疫情的行政处罚', '行政处罚', '卫生健康', '岳阳县卫生健康局', '《中华人民共和国传染病防治法》第三十条', '《中华人民共和国传染病防治法》第六十九条', '启用'],
      ['WJ-002', '', '行政处罚', '卫生健康', '岳阳县卫生健康局', '', '', ''],
      ['WJ-003', '对公共场所经营者未取得卫生许可证的行政处罚', '罚款', '卫生健康', '岳阳县市场监督管理局', '《公共场所卫生管理条例》第八条', '', ''],
    ]);
    const refused = await postXlsx(t, c.users.health, '/api/enforcement/matters/import', matters);
    expect(refused.json().details.rows).toEqual([
      { row: 3, errors: ['事项名称不能为空', '设定依据不能为空'] },
      { row: 4, errors: ['事项类别“罚款”无效，应为：行政处罚、行政强制、行政检查、行政许可、其他行政执法', '所属部门“岳阳县市场监督管理局”不在您的管理范围内'] },
    ]);
    const good = await sheetOf(Object.values(H.matter), [
      ['WJ-001', '对医疗机构未按规定报告传染病疫情的行政处罚', '行政处罚', '卫生健康', '岳阳县卫生健康局', '《中华人民共和国传染病防治法》第三十条', '《中华人民共和国传染病防治法》第六十九条', '启用'],
    ]);
    expect(await ok(await postXlsx(t, c.users.health, '/api/enforcement/matters/import', good))).toMatchObject({ created: 1 });
    expect(await ok(await postXlsx(t, c.users.health, '/api/enforcement/matters/import', good))).toMatchObject({ created: 0, unchanged: 1 });

    const benchmarks = await sheetOf(Object.values(H.benchmark), [
      ['WJ-001', '未按规定报告传染病疫情', '未造成传染病传播', '一般处罚', '', '', '警告', 1],
      ['WJ-001', '未按规定报告传染病疫情', '造成传染病传播', '从重处罚', '5000', '1000', '责令停业整顿', 2],
      ['SJ-001', '未取得许可经营食品', '货值较小', '从轻处罚', '5000', '10000', '', 3],
    ]);
    const badBenchmarks = await postXlsx(t, c.users.health, '/api/enforcement/benchmarks/import', benchmarks);
    expect(badBenchmarks.json().details.rows).toEqual([
      { row: 3, errors: ['罚款下限不能高于上限'] },
      { row: 4, errors: ['事项“SJ-001”不在您的管理范围内'] },
    ]);
    expect(await ok(await postXlsx(t, c.users.health, '/api/enforcement/benchmarks/import', await sheetOf(Object.values(H.benchmark), [['WJ-001', '未按规定报告传染病疫情', '未造成传染病传播', '一般处罚', '', '', '警告', 1]])))).toMatchObject({ created: 1 });

    const delegations = await sheetOf(Object.values(H.delegation), [
      ['岳阳县公田镇人民政府', 'WJ-001', '', '2021-07-01', '岳阳县乡镇综合执法工作暂行规定（第一批）'],
      ['岳阳县卫生健康局', 'WJ-001', '', '2021-07-01', ''],
      ['岳阳县公田镇人民政府', 'WJ-404', '', '2021-07-01', ''],
    ]);
    const badDelegations = await postXlsx(t, c.users.coordinator, '/api/enforcement/delegations/import', delegations);
    expect(badDelegations.json().details.rows).toEqual([
      { row: 3, errors: ['“岳阳县卫生健康局”不是乡镇（街道）'] },
      { row: 4, errors: ['事项编码“WJ-404”未登记'] },
    ]);
    expect(await ok(await postXlsx(t, c.users.coordinator, '/api/enforcement/delegations/import', await sheetOf(Object.values(H.delegation), [['岳阳县公田镇人民政府', 'WJ-001', '', '2021-07-01', '岳阳县乡镇综合执法工作暂行规定（第一批）']])))).toMatchObject({ created: 1 });

    const exported = await readSheet((await call(t, c.users.coordinator, 'GET', '/api/enforcement/delegations/export.xlsx?sort=matterCode')).rawPayload);
    expect(exported.map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      [H.delegation.township, H.delegation.matterCode, H.delegation.since, '终止日期'],
      ['岳阳县公田镇人民政府', 'SJ-001', '2021-07-01', '2022-07-01'],
      ['岳阳县公田镇人民政府', 'WJ-001', '2021-07-01', ''],
    ]);
    const filtered = await ok<{ items: { code: string; townshipCount: number }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/matters?delegated=true'));
    expect(filtered.items.map((m) => m.code)).toEqual([]);
    at(t, '2021-08-01');
    const inForce = await ok<{ items: { code: string; townshipCount: number }[] }>(await call(t, c.users.coordinator, 'GET', '/api/enforcement/matters?delegated=true'));
    expect(inForce.items.map((m) => [m.code, m.townshipCount])).toEqual([
      ['SJ-001', 1],
      ['WJ-001', 1],
    ]);
  });

  it('counts certified officers, replacements, delegated matters and training shortfalls by their own dates', async () => {
    at(t, '2021-01-10');
    const body = await ok<{ id: string }>(await call(t, c.users.coordinator, 'POST', '/api/enforcement/bodies', marketBody(c.orgs.market)), 201);
    expect(await bodyOfOrg(t.db, c.orgs.market, 'market')).toMatchObject({ id: body.id });
    expect(await bodyOfOrg(t.db, c.orgs.market, 'health')).toBeNull();
    const mk = async (name: string, no: string, extra: Record<string, unknown> = {}) =>
      ok<{ id: string; certificateId: string }>(await call(t, c.users.coordinator, 'POST', '/api/enforcement/officers', { bodyId: body.id, name, certificate: certificate(no, extra) }), 201);
    const a = await mk('甲', 'A1', { validUntil: '2023-12-31' });
    await mk('乙', 'B1', { validUntil: '2021-06-30' });
    const c3 = await mk('丙', 'C1', { validUntil: '2023-12-31' });
    await mk('丁', 'D1', { issuedOn: '2022-03-01', validUntil: '2027-02-28' });
    at(t, '2021-05-06');
    await ok(await call(t, c.users.coordinator, 'POST', `/api/enforcement/certificates/${a.certificateId}/replace`, { ...certificate('A2', { issuedOn: '2021-05-06', validUntil: '2026-05-05' }), version: 1 }), 201);
    await ok(await call(t, c.users.coordinator, 'POST', `/api/enforcement/officers/${a.id}/trainings`, { attendedOn: '2021-05-06', course: '执法业务培训', hours: 64 }), 201);
    at(t, '2022-02-01');
    // Suspended in 2022: still counted for 2021, not for 2022.
    await ok(await call(t, c.users.coordinator, 'POST', `/api/enforcement/certificates/${c3.certificateId}/status`, { version: 1, status: 'suspended', reason: '暂扣' }));

    const value = async (code: string, y: number) => (await computeIndicator(t.db, figure(code), year(y))).total;
    expect(await value('enforcement.certifiedOfficers', 2021)).toBe(2);
    expect(await value('enforcement.certifiedOfficers', 2022)).toBe(2);
    const records = await findFigureRecords(t.db, figure('enforcement.certifiedOfficers'), year(2022), {}, 10);
    expect(records.map((r) => r.title).sort()).toEqual(['丁（D1）', '甲（A2）']);
    expect((await computeIndicator(t.db, figure('enforcement.certifiedOfficers'), year(2021))).cells).toEqual([{ cell: { body: '岳阳县市场监督管理局', field: 'market' }, value: 2 }]);
    expect(await value('enforcement.replacedCertificates', 2021)).toBe(1);
    expect(await value('enforcement.replacedCertificates', 2022)).toBe(0);
    expect(await value('enforcement.trainingShortfall', 2021)).toBe(1);
    expect(await value('enforcement.delegatedMatters', 2021)).toBe(2);
    expect(await value('enforcement.delegatedMatters', 2022)).toBe(1);
    expect((await computeIndicator(t.db, figure('enforcement.townshipDelegations'), year(2021))).cells).toEqual([{ cell: { township: '岳阳县公田镇人民政府' }, value: 2 }]);
  });
});
