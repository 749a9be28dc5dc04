import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, prepareCounty, type County } from './enforcement-cases.test-helpers.ts';

let t: TestApp;
let c: County;

beforeAll(async () => {
  t = await createTestApp();
  c = await prepareCounty(t);
});
afterAll(() => t.close());

describe('行政强制措施: 查封、扣押 30 days, extended once by 30 with approval', () => {
  it('offers the 立案 form the body, its 行政处罚 matters and only officers certified today', async () => {
    at(t, '2021-09-10');
    const res = await call(t, c.users.staff, 'GET', '/api/enforcement/case-options');
    expect(res.statusCode, res.body).toBe(200);
    const [body] = res.json();
    expect(body.matters.map((m: { code: string }) => m.code)).toEqual(['SC-0001', 'SC-0002']);
    const names = body.officers.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['甲执法', '乙执法', '丙执法']));
    // 丁执法's certificate lapsed at the end of 2020.
    expect(names).not.toContain('丁执法');
  });

  it('records a 扣押 with two certified officers, extends it once before it ends, releases it', async () => {
    at(t, '2021-09-10');
    const body = { bodyId: c.bodyId, kind: 'seize', partyName: '岳阳县某某超市有限公司', subject: '过期酸奶 12 盒', basis: '《食品安全法》第一百一十条', startedOn: '2021-09-10', officerIds: [c.officers.jia, c.officers.ding] };
    const refused = await call(t, c.users.staff, 'POST', '/api/enforcement/coercive-measures', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('丁执法');
    const created = await call(t, c.users.staff, 'POST', '/api/enforcement/coercive-measures', { ...body, officerIds: [c.officers.jia, c.officers.yi] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const item = () => call(t, c.users.staff, 'GET', '/api/enforcement/coercive-measures?open=true').then((r) => r.json().items.find((i: { id: string }) => i.id === id));
    // 30 days from 09-10 end on Sunday 10-10, a rest day: the period ends on Monday 10-11.
    expect((await item()).dueOn).toBe('2021-10-11');

    const { version } = await item();
    expect((await call(t, c.users.staff, 'POST', `/api/enforcement/coercive-measures/${id}/extend`, { version, reason: '检验检测需要' })).statusCode).toBe(403);
    at(t, '2021-10-08');
    const extended = await call(t, c.users.head, 'POST', `/api/enforcement/coercive-measures/${id}/extend`, { version, reason: '情况复杂，需委托检验，经负责人批准延长' });
    expect(extended.statusCode, extended.body).toBe(200);
    const after = await item();
    expect([after.dueOn, after.extended]).toEqual(['2021-11-10', true]);
    const again = await call(t, c.users.head, 'POST', `/api/enforcement/coercive-measures/${id}/extend`, { version: after.version, reason: '再次延长' });
    expect(again.json().message).toContain('只能延长一次');
    const stale = await call(t, c.users.staff, 'POST', `/api/enforcement/coercive-measures/${id}/release`, { version, reason: '检验合格' });
    expect(stale.statusCode).toBe(409);
    const released = await call(t, c.users.staff, 'POST', `/api/enforcement/coercive-measures/${id}/release`, { version: after.version, reason: '已作出没收决定，解除扣押' });
    expect(released.statusCode, released.body).toBe(200);
    expect(await item()).toBeUndefined();
    const exported = await call(t, c.users.staff, 'GET', '/api/enforcement/coercive-measures/export.xlsx');
    expect(exported.statusCode).toBe(200);
  });
});
