import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { call, catalogue, ok, on, refused, register, setUpCounty, type County } from './decisions.test-helpers.ts';

describe('重大行政决策 routes: the catalogue and its adjustments, access, settings, meetings register', () => {
  let t: TestApp;
  let c: County;

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
    on(t, '2021-03-01');
  });
  afterAll(() => t.close());

  it('answers 401 without a session, 403 outside the scope, 400 on a bad body', async () => {
    expect((await call(t, null, 'GET', '/api/decisions')).statusCode).toBe(401);
    expect((await call(t, null, 'GET', '/api/decisions/catalogues')).statusCode).toBe(401);
    await refused(await call(t, c.handler, 'POST', '/api/decisions/catalogues', { orgId: c.government, year: 2021 }), 403, '没有执行此操作的权限');
    const bad = await call(t, c.office, 'POST', '/api/decisions/catalogues', { orgId: c.government, year: 'x' });
    expect(bad.statusCode).toBe(400);
    const cat = await catalogue(t, c, 2021, [{ title: '岳阳县优化营商环境三年行动方案' }]);
    await refused(await call(t, c.outsider, 'POST', '/api/decisions', { catalogueItemId: cat.items[0].id, summary: '…' }), 403, '不在您的办理范围内');
    const { id } = await register(t, c, cat.items[0].id);
    await refused(await call(t, c.handler, 'POST', '/api/decisions', { catalogueItemId: cat.items[0].id, summary: '…' }), 409, '已启动决策程序');
    // Another department's staff cannot read it at all.
    expect((await call(t, c.outsider, 'GET', `/api/decisions/${id}`)).statusCode).toBe(404);
    expect((await call(t, c.outsider, 'GET', `/api/decisions/${id}/archive.zip`)).statusCode).toBe(404);
  });

  it('approves a catalogue once, with the Party committee’s consent, then adjusts it only with a written reason shown publicly', async () => {
    let cat = await ok(await call(t, c.office, 'POST', '/api/decisions/catalogues', { orgId: c.government, year: 2022 }), 201);
    await refused(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/approve`, { version: cat.version, partyConsentOn: '2021-02-01', partyConsentRef: '县委常委会' }), 409, '还没有决策事项');
    cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/items`, { version: cat.version, title: '城乡供水一体化项目', category: 'publicProject', hostOrgId: c.department, plannedTime: '2022年第二季度' }));
    await refused(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/publish`, { version: cat.version }), 409, '须经审定');
    await refused(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/approve`, { version: cat.version - 1, partyConsentOn: '2021-02-01', partyConsentRef: '县委常委会' }), 409, '已被他人修改');
    cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/approve`, { version: cat.version, partyConsentOn: '2021-02-01', partyConsentRef: '县委常委会会议纪要〔2021〕3号' }));
    await refused(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/approve`, { version: cat.version, partyConsentOn: '2021-02-01', partyConsentRef: 'x' }), 409, '不能再次审定');
    cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/publish`, { version: cat.version }));
    expect((await call(t, null, 'GET', `/api/public/decisions/catalogues/${cat.id}`)).statusCode).toBe(200);

    const item = { title: '高新园区赋权事项清单', category: 'other', hostOrgId: c.department, plannedTime: '2022年第三季度' };
    const noReason = await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/items`, { ...item, version: cat.version });
    await refused(noReason, 400, '须书面说明理由');
    expect(noReason.json().details).toEqual([{ field: 'reason', message: '目录已审定，调整事项须书面说明理由' }]);
    cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/items`, { ...item, version: cat.version, reason: '省政府赋权文件下发，增列本事项' }));
    const water = cat.items[0];
    cat = await ok(await call(t, c.office, 'PUT', `/api/decisions/catalogues/${cat.id}/items/${water.id}`, { ...item, title: '城乡供水一体化项目（一期）', category: 'publicProject', version: water.version, reason: '分期实施' }));
    cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/items/${cat.items[1].id}/remove`, { version: cat.items[1].version, reason: '省级赋权推迟' }));
    expect(cat.adjustments.map((a: { kindLabel: string; reason: string }) => [a.kindLabel, a.reason])).toEqual([
      ['增加事项', '省政府赋权文件下发，增列本事项'],
      ['调整事项', '分期实施'],
      ['删除事项', '省级赋权推迟'],
    ]);
    const portal = await ok(await call(t, null, 'GET', `/api/public/decisions/catalogues?regionCode=430621&year=2022`));
    expect(portal as unknown as unknown[]).toHaveLength(1);
    const published = (portal as unknown as { items: { title: string; removed: boolean; caseId: unknown }[]; adjustments: unknown[] }[])[0]!;
    expect(published.items.map((i) => i.title)).toEqual(['城乡供水一体化项目（一期）']);
    expect(published.adjustments).toHaveLength(3);
  });

  it('keeps the statutory floors in the county’s settings', async () => {
    const view = await ok(await call(t, c.office, 'GET', '/api/decisions/settings'));
    expect(view).toMatchObject({ commentDays: 30, legalityReviewDays: 7, partyConsultationRequired: true, saved: false });
    await refused(await call(t, c.office, 'PUT', '/api/decisions/settings', { ...view, commentDays: 20 }), 400, '不得少于 30 日');
    await refused(await call(t, c.office, 'PUT', '/api/decisions/settings', { ...view, legalityReviewDays: 5 }), 400, '不得少于 7 个工作日');
    const saved = await ok(await call(t, c.office, 'PUT', '/api/decisions/settings', { commentDays: 45, legalityReviewDays: 10, partyConsultationRequired: true, version: view.version }));
    expect(saved).toMatchObject({ commentDays: 45, legalityReviewDays: 10, saved: true });
    expect((await call(t, c.office, 'PUT', '/api/decisions/settings', { ...saved, version: view.version })).statusCode).toBe(409);
    await refused(await call(t, c.handler, 'PUT', '/api/decisions/settings', { ...saved }), 403, '没有执行此操作的权限');
  });

  it('lists and exports decisions with their open procedures', async () => {
    const list = await ok(await call(t, c.office, 'GET', '/api/decisions?year=2021&sort=title&order=asc'));
    expect(list.items[0]).toMatchObject({ title: '岳阳县优化营商环境三年行动方案', state: 'drafting', openGates: ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定'] });
    const res = await call(t, c.office, 'GET', '/api/decisions/export.xlsx?year=2021');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload, ['决策事项', '未完成程序']);
    expect(rows.map((r) => r.cells['决策事项'])).toEqual(['岳阳县优化营商环境三年行动方案']);
    expect(rows[0]!.cells['公众参与']).toBe('未完成');
  });

  it('registers meetings and items by hand, filters them and exports them', async () => {
    await refused(await call(t, c.office, 'POST', '/api/meetings', { orgId: c.government, kind: 'office', seq: 3, heldOn: '2021-02-20' }), 403, '没有执行此操作的权限');
    const manager = c.clerk;
    await refused(await call(t, manager, 'POST', '/api/meetings', { orgId: c.government, kind: 'office', seq: 3, heldOn: '2021-02-20' }), 400, '常务会议或全体会议');
    const meeting = await ok(await call(t, manager, 'POST', '/api/meetings', { orgId: c.government, kind: 'executive', seq: 3, heldOn: '2021-02-20', chair: '县长' }), 201);
    expect(meeting.name).toBe('岳阳县人民政府2021年第3次常务会议');
    expect((await call(t, manager, 'POST', '/api/meetings', { orgId: c.government, kind: 'executive', seq: 3, heldOn: '2021-02-21' })).statusCode).toBe(409);
    await ok(await call(t, manager, 'POST', `/api/meetings/${meeting.id}/items`, { title: '审议《岳阳县国有资产出租管理办法》', lawRelated: true, outcome: 'adopted' }), 201);
    const detail = await ok(await call(t, manager, 'POST', `/api/meetings/${meeting.id}/items`, { title: '听取防汛工作汇报', lawRelated: false, outcome: 'adopted' }), 201);
    expect(detail.items.map((i: { itemSeq: number; caseId: unknown }) => [i.itemSeq, i.caseId])).toEqual([
      [1, null],
      [2, null],
    ]);
    const lawOnly = await ok(await call(t, manager, 'GET', `/api/meetings/items?year=2021&kind=executive&lawRelated=true&orgId=${c.government}`));
    expect(lawOnly.items.map((i: { title: string }) => i.title)).toEqual(['审议《岳阳县国有资产出租管理办法》']);
    const xlsx = await call(t, manager, 'GET', '/api/meetings/items/export.xlsx?year=2021');
    expect((await readXlsx(xlsx.rawPayload, ['会议', '议题'])).map((r) => r.cells['涉法议题'])).toEqual(['是', '否']);
    expect((await call(t, c.handler, 'GET', '/api/meetings/items')).statusCode).toBe(403);
  });
});
