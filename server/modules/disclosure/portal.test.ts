import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { disclosureRequests } from './disclosure.tables.ts';
import { application, CREDIT_CODE, on, setUpCounty, step, type County } from './disclosure.test-helpers.ts';

const NOT_FOUND = '未找到该申请，请核对查询码和证件号码后六位';

describe('依申请公开 on the portal: apply, track, correct, download the reply — without an account', () => {
  let t: TestApp;
  let c: County;
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const apply = (payload: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/public/disclosure/applications', payload: { regionCode: '430621', ...application(c), ...payload }, remoteAddress });
  const track = (code: string, verify: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url: `/api/public/disclosure/track?code=${encodeURIComponent(code)}&verify=${encodeURIComponent(verify)}`, remoteAddress });
  const caseOf = async (code: string) => (await t.db.select().from(cases).where(eq(cases.trackingCode, code)))[0]!;

  it('lists the region’s agencies, id and name only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/disclosure/agencies?regionCode=430621' });
    expect(res.json().map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['岳阳县人民政府', '岳阳县市场监督管理局']));
    expect(Object.keys(res.json()[0]).sort()).toEqual(['id', 'name']);
  });

  it('takes an application received today, answering the tracking code and the reply date only', async () => {
    on(t, '2021-09-28');
    const res = await apply({});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ receivedOn: '2021-09-28', replyDueOn: '2021-11-01' });
    expect(res.body).not.toContain('4517');
    const row = await caseOf(res.json().trackingCode);
    expect(row).toMatchObject({ orgId: c.orgs.market, state: 'received', createdBy: null });
    const [details] = await t.db.select().from(disclosureRequests).where(eq(disclosureRequests.caseId, row.id));
    expect(details).toMatchObject({ channel: 'online', receivedOn: '2021-09-28', applicantKind: 'person' });
    const [opened] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
    expect(opened).toMatchObject({ action: 'open', actorId: null });
  });

  it('checks the ID number or the credit code by its check digit', async () => {
    on(t, '2021-09-28');
    expect((await apply({ identityCode: '430621198503124518' }, '10.0.0.2')).json().code).toBe('INVALID_ID_NUMBER');
    expect((await apply({ applicantKind: 'company', applicantName: '某公司', identityCode: '91350100M000100Y44' }, '10.0.0.2')).json().code).toBe('INVALID_CREDIT_CODE');
    expect((await apply({ applicantKind: 'legalService', applicantName: '某律师事务所', identityCode: CREDIT_CODE }, '10.0.0.2')).statusCode).toBe(201);
  });

  it('limits submissions per address', async () => {
    on(t, '2021-09-28');
    for (let i = 0; i < 10; i++) expect((await apply({}, '10.9.9.9')).statusCode).toBe(201);
    const blocked = await apply({}, '10.9.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
  });

  it('refuses a wrong verification with one message; corrects and downloads the reply with the right one', async () => {
    on(t, '2021-09-28');
    const { trackingCode } = (await apply({}, '10.0.0.3')).json();
    const wrong = await track(trackingCode, '000000', '10.0.0.4');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe(NOT_FOUND);
    expect((await track('NOSUCHCODE22', '124517', '10.0.0.4')).json().message).toBe(NOT_FOUND);
    const { id } = await caseOf(trackingCode);
    on(t, '2021-09-30');
    await step(t, c.marketClerk, id, 'requestCorrection', { data: { items: '请写明抽检的时间段' } });
    const seen = (await track(trackingCode, '124517')).json();
    expect(seen).toMatchObject({ state: 'correcting', correction: { items: '请写明抽检的时间段', dueOn: '2021-10-27' } });
    const bad = await t.app.inject({ method: 'POST', url: '/api/public/disclosure/correction', payload: { code: trackingCode, verify: '999999', content: '2021年第三季度', version: seen.version } });
    expect(bad.statusCode).toBe(404);
    on(t, '2021-10-08');
    const corrected = await t.app.inject({ method: 'POST', url: '/api/public/disclosure/correction', payload: { code: trackingCode, verify: '124517', content: '2021年第三季度', version: seen.version } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ state: 'received', waitingFor: { dueOn: '2021-11-04' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/disclosure/letter?code=${trackingCode}&verify=124517` })).statusCode).toBe(404);
    on(t, '2021-10-20');
    await step(t, c.marketClerk, id, 'reply', { data: { outcome: 'disclose', reason: '抽检结果见附件。', deliveryForm: 'electronic', deliveryMethod: 'online', numberPrefix: '岳县市监公' } });
    const done = (await track(trackingCode, '124517')).json();
    expect(done).toMatchObject({ state: 'replied', reply: { outcomeLabel: '予以公开', repliedOn: '2021-10-20', letter: true } });
    expect(done.timeline.map((s: { step: string }) => s.step)).toEqual(['收到申请', '告知补正', '提交补正', '作出答复']);
    const letter = await t.app.inject({ method: 'GET', url: `/api/public/disclosure/letter?code=${trackingCode}&verify=124517` });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/disclosure/letter?code=${trackingCode}&verify=000000`, remoteAddress: '10.0.0.5' })).statusCode).toBe(404);
  });
});
