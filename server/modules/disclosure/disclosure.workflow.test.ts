import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator, countFigureRecords } from '../../kernel/indicators/indicators.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { disclosureConsultations, disclosureRequests } from './disclosure.tables.ts';
import { application, clockOf, detail, IDS, on, refused, register, setUpCounty, step, type County } from './disclosure.test-helpers.ts';

/**
 * 2021's calendar: 9-19..21 中秋, 10-1..7 国庆 (holidays), 9-26 (Sunday) and 10-9 (Saturday) 调休 workdays.
 * An application received on Tuesday 2021-09-28 runs over National Day.
 */
describe('依申请公开: deadlines, 补正, 征求意见, extension, fees, the reply', () => {
  let t: TestApp;
  let c: County;
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const row = async (id: string) => (await t.db.select().from(disclosureRequests).where(eq(disclosureRequests.caseId, id)))[0]!;
  const reply = (outcome: string, extra: Record<string, unknown> = {}) => ({ data: { outcome, reason: '经查，申请的信息由本机关制作并保存。', numberPrefix: '岳县市监公', ...extra } });

  it('counts 20 working days from receipt over National Day, 10-09 a working Saturday', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    const d = await detail(t, c.marketClerk, id);
    expect(d.state).toBe('received');
    // 9-29, 9-30, 10-8, 10-9 (调休), 10-11 … : the 20th working day is 11-01 (11-02 if 10-09 were a rest day).
    expect(clockOf(d, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-01' });
    expect(d.dueOn).toBe('2021-11-01');
  });

  it('takes a mailed application on the day it was signed for, not the day it was entered', async () => {
    on(t, '2021-10-11');
    const { id } = await register(t, c, '2021-09-28', { channel: 'registeredMail' });
    expect(clockOf(await detail(t, c.marketClerk, id), 'reply')!.dueOn).toBe('2021-11-01');
    expect((await row(id)).receivedOn).toBe('2021-09-28');
  });

  it('refuses bad identity numbers and another department’s registration with stable codes', async () => {
    on(t, '2021-09-28');
    const bad = await t.app.inject({ method: 'POST', url: '/api/disclosure/requests', headers: c.marketClerk.headers, payload: { channel: 'window', receivedOn: '2021-09-28', ...application(c, { identityCode: '430621198503124518' }) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_ID_NUMBER');
    const company = await t.app.inject({ method: 'POST', url: '/api/disclosure/requests', headers: c.marketClerk.headers, payload: { channel: 'window', receivedOn: '2021-09-28', ...application(c, { applicantKind: 'company', identityCode: '91350100M000100Y44' }) } });
    expect(company.json().code).toBe('INVALID_CREDIT_CODE');
    const other = await t.app.inject({ method: 'POST', url: '/api/disclosure/requests', headers: c.policeClerk.headers, payload: { channel: 'window', receivedOn: '2021-09-28', ...application(c, {}) } });
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('数据范围');
    const future = await t.app.inject({ method: 'POST', url: '/api/disclosure/requests', headers: c.marketClerk.headers, payload: { channel: 'window', receivedOn: '2021-09-29', ...application(c, {}) } });
    expect(future.statusCode).toBe(400);
  });

  it('seals the ID number, phone and address: the row holds no clear text of them', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28', { applicantKind: 'company', applicantName: '岳阳某律师事务所', identityCode: '91350100M000100Y43' });
    const { id: personId } = await register(t, c, '2021-09-28');
    for (const caseId of [id, personId]) {
      const raw = await t.db.execute(sql`select row_to_json(r)::text as j from disclosure_requests r where case_id = ${caseId}`);
      const text = String((raw as unknown as { rows: { j: string }[] }).rows[0]!.j);
      for (const secret of [IDS.zhang, '91350100M000100Y43', '13907301234', '建设路 1 号', '124517', '100Y43']) expect(text).not.toContain(secret);
    }
    expect(await row(personId)).toMatchObject({ applicantIdMask: '430621********4517', applicantPhoneMask: '139****1234' });
    const clear = await t.app.inject({ method: 'GET', url: `/api/disclosure/requests/${personId}/applicant`, headers: c.marketClerk.headers });
    expect(clear.json()).toEqual({ identityCode: IDS.zhang, phone: '13907301234', address: '岳阳县荣家湾镇建设路 1 号' });
    expect((await t.app.inject({ method: 'GET', url: `/api/disclosure/requests/${personId}/applicant`, headers: c.policeClerk.headers })).statusCode).toBe(404);
  });

  it('补正: one notice within 7 working days; the reply period starts again in full from the correction', async () => {
    on(t, '2021-09-28');
    const late = await register(t, c, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    // 7 working days from 9-28: 9-29, 9-30, 10-8, 10-9, 10-11, 10-12, 10-13.
    on(t, '2021-10-14');
    expect((await refused(t, c.marketClerk, late.id, 'requestCorrection', { data: { items: '请写明文号' } })).message).toContain('2021-10-13');
    on(t, '2021-10-13');
    const asked = await step(t, c.marketClerk, id, 'requestCorrection', { data: { items: '请写明所需信息的文号或形成时间' } });
    expect(asked.state).toBe('correcting');
    expect(clockOf(asked, 'reply')!.status).toBe('stopped');
    // The county's default 15 working days: 10-14 … 11-03.
    expect(clockOf(asked, 'correction')).toMatchObject({ status: 'running', dueOn: '2021-11-03' });
    on(t, '2021-10-20');
    const corrected = await step(t, c.marketClerk, id, 'submitCorrection', { data: { content: '岳县市监〔2021〕12号文件' } });
    expect(corrected.state).toBe('received');
    // 20 working days from 10-20 (not from 9-28): 11-17.
    expect(clockOf(corrected, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-17', startedOn: '2021-10-20' });
    expect((await refused(t, c.marketClerk, id, 'requestCorrection', { data: { items: '再补' } })).message).toContain('一次性');
    expect((await row(id)).extra).toMatchObject({ correctionItems: '请写明所需信息的文号或形成时间', correction: '岳县市监〔2021〕12号文件', correctedOn: '2021-10-20' });
  });

  it('补正 not answered in time ends the application as 逾期不补正 (table 三 (六)1)', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    await step(t, c.marketClerk, id, 'requestCorrection', { data: { items: '请写明文号', workingDays: 5 } });
    // 5 working days from 9-28: 9-29, 9-30, 10-8, 10-9, 10-11.
    expect(clockOf(await detail(t, c.marketClerk, id), 'correction')!.dueOn).toBe('2021-10-11');
    on(t, '2021-10-11');
    await refused(t, c.marketClerk, id, 'correctionLapsed');
    on(t, '2021-10-12');
    expect((await refused(t, c.marketClerk, id, 'submitCorrection', { data: { content: '迟到的补正' } })).message).toContain('2021-10-11');
    expect((await step(t, c.marketClerk, id, 'correctionLapsed')).state).toBe('closed');
    expect(await row(id)).toMatchObject({ outcome: 'otherNoCorrection', repliedOn: '2021-10-12' });
  });

  it('征求意见 pauses the reply period; the answer resumes it with the working days left', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    on(t, '2021-09-30');
    const asked = await step(t, c.marketClerk, id, 'consult', { data: { kind: 'thirdParty', partyName: '岳阳县某食品有限公司' } });
    expect(asked.state).toBe('consulting');
    expect(clockOf(asked, 'reply')!.status).toBe('paused');
    // 15 working days from 9-30: 10-8, 10-9, 10-11 … 10-27.
    expect(clockOf(asked, 'consultation')).toMatchObject({ status: 'running', dueOn: '2021-10-27' });
    await refused(t, c.marketClerk, id, 'reply', { data: { outcome: 'disclose', reason: 'x', deliveryForm: 'paper', deliveryMethod: 'pickup' } });
    on(t, '2021-10-12');
    const answered = await step(t, c.marketClerk, id, 'recordOpinion', { data: { opinion: 'object', note: '涉及商业秘密' } });
    // 18 working days were left after 9-30 (10-8 … 11-01); counted on from 10-12: 11-05.
    expect(clockOf(answered, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-05' });
    const [consultation] = await t.db.select().from(disclosureConsultations).where(eq(disclosureConsultations.caseId, id));
    expect(consultation).toMatchObject({ kind: 'thirdParty', sentOn: '2021-09-30', answeredOn: '2021-10-12', opinion: 'object' });
  });

  it('another agency’s silence past 15 working days counts as consent and resumes the reply period', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    on(t, '2021-09-30');
    await step(t, c.marketClerk, id, 'consult', { data: { kind: 'agency', partyName: '岳阳县卫生健康局' } });
    on(t, '2021-10-27');
    expect((await refused(t, c.marketClerk, id, 'consultationLapsed')).message).toContain('2021-10-27');
    // Recorded a week late: the reply period still counts on from the lapse on 10-27, 18 working days: 11-22.
    on(t, '2021-11-03');
    const lapsed = await step(t, c.marketClerk, id, 'consultationLapsed');
    expect(clockOf(lapsed, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-22' });
    const [consultation] = await t.db.select().from(disclosureConsultations).where(eq(disclosureConsultations.caseId, id));
    expect(consultation).toMatchObject({ opinion: 'silent', answeredOn: null });
    expect(consultation!.note).toContain('视为同意');
  });

  it('extends once by at most 20 working days, only with the head’s approval, with a notice to the applicant', async () => {
    on(t, '2021-09-28');
    const { id, trackingCode } = await register(t, c, '2021-09-28');
    on(t, '2021-10-29');
    const input = { data: { days: 20, reason: '申请内容涉及多个年度的档案，需要调取查阅' } };
    expect((await refused(t, c.marketClerk, id, 'extend', input, 403)).code).toBe('FORBIDDEN');
    await refused(t, c.marketHead, id, 'extend', { data: { days: 21, reason: '太多' } }, 400);
    const extended = await step(t, c.marketHead, id, 'extend', input);
    // From the original due date 11-01: 20 working days on, 11-29.
    expect(clockOf(extended, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-29' });
    expect((await refused(t, c.marketHead, id, 'extend', { data: { days: 1, reason: '再延' } })).message).toContain('延长过一次');
    expect((await row(id)).extended).toBe(true);
    const notice = await t.app.inject({ method: 'GET', url: `/api/disclosure/requests/${id}/documents/extension`, headers: c.marketClerk.headers });
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toContain('wordprocessingml');
    expect(notice.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const track = await t.app.inject({ method: 'GET', url: `/api/public/disclosure/track?code=${trackingCode}&verify=124517` });
    expect(track.json()).toMatchObject({ extensionNotice: true, waitingFor: { dueOn: '2021-11-29' } });
  });

  it('收费: the fee by the county’s tiers pauses nothing; unpaid past its period ends the application', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    expect((await refused(t, c.marketClerk, id, 'noticeFee', { data: { mode: 'volume', pages: 30 } })).message).toContain('无需收费');
    const noticed = await step(t, c.marketClerk, id, 'noticeFee', { data: { mode: 'volume', pages: 150 } });
    expect(clockOf(noticed, 'reply')).toMatchObject({ status: 'running', dueOn: '2021-11-01' });
    // 20 working days from 9-28 as well.
    expect(clockOf(noticed, 'fee')).toMatchObject({ status: 'running', dueOn: '2021-11-01' });
    expect(await row(id)).toMatchObject({ feeFen: 170_000, pages: 150, feeNoticedOn: '2021-09-28' });
    await refused(t, c.marketClerk, id, 'reply', reply('disclose', { deliveryForm: 'paper', deliveryMethod: 'pickup' }));
    await refused(t, c.marketClerk, id, 'feeLapsed');
    on(t, '2021-11-02');
    expect((await step(t, c.marketClerk, id, 'feeLapsed')).state).toBe('closed');
    expect(await row(id)).toMatchObject({ outcome: 'otherFeeUnpaid', repliedOn: '2021-11-02' });
  });

  it('records exactly one outcome with a numbered reply letter; 部分公开 needs its delivery', async () => {
    on(t, '2021-09-28');
    const { id } = await register(t, c, '2021-09-28');
    on(t, '2021-10-15');
    expect((await refused(t, c.marketClerk, id, 'reply', reply('partial'), 400)).message).toContain('提供形式');
    await refused(t, c.marketClerk, id, 'reply', reply('otherNoCorrection'), 400);
    expect((await refused(t, c.marketClerk, id, 'reply', reply('unableUnclear'))).message).toContain('补正');
    const done = await step(t, c.marketClerk, id, 'reply', reply('partial', { deliveryForm: 'electronic', deliveryMethod: 'email' }));
    expect(done).toMatchObject({ state: 'replied', caseNo: '岳县市监公〔2021〕1号' });
    expect(done.clocks.every((k) => k.status === 'stopped')).toBe(true);
    expect(await row(id)).toMatchObject({ outcome: 'partial', repliedOn: '2021-10-15', replyNo: '岳县市监公〔2021〕1号', deliveryForm: 'electronic' });
    const again = await refused(t, c.marketClerk, id, 'reply', reply('disclose', { deliveryForm: 'paper', deliveryMethod: 'pickup' }));
    expect(again.message).toContain('已答复');
    const letter = await t.app.inject({ method: 'GET', url: `/api/disclosure/requests/${id}/documents/reply`, headers: c.marketClerk.headers });
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [stored] = await t.db.select({ caseNo: cases.caseNo }).from(cases).where(eq(cases.id, id));
    expect(stored!.caseNo).toBe('岳县市监公〔2021〕1号');
  });

  it('numbers replies under the agency’s own prefix from the county’s settings, which only the 政务公开办 changes', async () => {
    const current = (await t.app.inject({ method: 'GET', url: '/api/disclosure/settings', headers: c.officer.headers })).json();
    const value = { ...current.value, agencyNumberPrefixes: [{ orgId: c.orgs.market, prefix: '岳县市监公' }] };
    expect((await t.app.inject({ method: 'PUT', url: '/api/disclosure/settings', headers: c.marketHead.headers, payload: { ...value, version: current.version } })).statusCode).toBe(403);
    const elsewhere = { ...value, agencyNumberPrefixes: [{ orgId: crypto.randomUUID(), prefix: '外县' }] };
    expect((await t.app.inject({ method: 'PUT', url: '/api/disclosure/settings', headers: c.officer.headers, payload: { ...elsewhere, version: current.version } })).statusCode).toBe(400);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/disclosure/settings', headers: c.officer.headers, payload: { ...value, version: current.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    on(t, '2021-10-18');
    const { id } = await register(t, c, '2021-10-18');
    const done = await step(t, c.marketClerk, id, 'reply', { data: { outcome: 'unableNotHeld', reason: '经检索，本机关未制作该信息。', referredTo: '岳阳县档案馆' } });
    expect(done.caseNo).toBe('岳县市监公〔2021〕2号');
  });

  it('counts the figures in SQL: received, replied by table-三 leaf, overdue, corrections, extensions, with their records', async () => {
    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-11-20' };
    const figure = (code: string) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
    const requests = await t.db.select().from(disclosureRequests);
    expect((await figure('disclosure.received')).total).toBe(requests.length);
    const replied = await figure('disclosure.replied');
    expect(replied.total).toBe(requests.filter((r) => r.outcome).length);
    expect(replied.cells.filter((x) => x.cell.outcome === 'otherNoCorrection').reduce((n, x) => n + x.value, 0)).toBe(1);
    expect(replied.cells.filter((x) => x.cell.outcomeGroup === 'otherHandling').reduce((n, x) => n + x.value, 0)).toBe(2);
    expect((await figure('disclosure.corrections')).total).toBe(2);
    expect((await figure('disclosure.extensions')).total).toBe(1);
    on(t, '2021-11-20');
    const overdueList = (await t.app.inject({ method: 'GET', url: '/api/disclosure/requests?mark=overdue&pageSize=100', headers: c.officer.headers })).json().total;
    const overdue = await figure('disclosure.overdue');
    expect(overdue.total).toBe(overdueList);
    expect(overdue.total).toBeGreaterThan(0);
    expect(await countFigureRecords(t.db, findFigure('disclosure.overdue') as IndicatorDef, scope, {})).toBe(overdue.total);
  });

  it('lists with filters, marks and export; the 公安局 sees none of the 市场监管局’s applications', async () => {
    on(t, '2021-11-20');
    const list = await t.app.inject({ method: 'GET', url: '/api/disclosure/requests?state=received&mark=overdue&sort=dueOn&order=asc&pageSize=50', headers: c.officer.headers });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { dueOn: string; mark: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.mark === 'overdue' && i.dueOn < '2021-11-20')).toBe(true);
    const replied = await t.app.inject({ method: 'GET', url: '/api/disclosure/requests?outcomeGroup=otherHandling', headers: c.officer.headers });
    expect(replied.json().total).toBe(2);
    expect((await t.app.inject({ method: 'GET', url: '/api/disclosure/requests', headers: c.policeClerk.headers })).json().total).toBe(0);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/disclosure/requests/export.xlsx?applicantKind=person', headers: c.officer.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
