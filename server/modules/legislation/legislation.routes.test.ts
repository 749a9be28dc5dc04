import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { zipEntry } from '../../kernel/files/zip-entries.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { findFigure, type IndicatorDef } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { findOrg } from '../../kernel/org/org.repository.ts';
import { at, call, detail, distribute, organisationLaw, prepareCounty, register, step, upload } from './legislation.test-helpers.ts';

describe('立法建议 routes: access, validation, conflicts, list, export, .docx, research, figures', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof prepareCounty>>['org'];
  let u: Awaited<ReturnType<typeof prepareCounty>>['users'];
  const ids = { law: '', business: '' };
  const orgPath = async (id: string) => (await findOrg(t.db, id))!.path;

  beforeAll(async () => {
    t = await createTestApp();
    ({ org, users: u } = await prepareCounty(t));
    at(t, '2021-06-01');
    ids.law = (await register(t, u.coordinator, organisationLaw('2021-05-31', '2021-06-18'))).id;
    ids.business = (await register(t, u.coordinator, { ...organisationLaw('2021-05-20', '2021-06-10'), fromBody: '湖南省司法厅', documentNo: '湘司函〔2021〕8号', draftTitle: '湖南省优化营商环境规定（草案）' })).id;
  });
  afterAll(() => t.close());

  it('answers 401 without a session and 403 in Chinese without the permission', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/legislation/consultations' })).statusCode).toBe(401);
    const dept = await call(t, u.scj, 'POST', '/api/legislation/consultations', organisationLaw('2021-05-31', '2021-06-18'));
    expect(dept.statusCode).toBe(403);
    expect(dept.json().message).toMatch(/权限/);
    const leader = await call(t, u.leader, 'POST', `/api/legislation/consultations/${ids.law}/requests`, { version: 2, orgIds: [org.scj], dueOn: '2021-06-08' });
    expect(leader.statusCode).toBe(403);
    expect((await call(t, u.leader, 'GET', `/api/legislation/consultations/${ids.law}`)).statusCode).toBe(200);
    expect((await call(t, u.scj, 'GET', '/api/legislation/consultations')).json().total).toBe(0);
  });

  it('answers 400 with Chinese field messages', async () => {
    const missing = await call(t, u.coordinator, 'POST', '/api/legislation/consultations', { ...organisationLaw('2021-05-31', '2021-06-18'), fromBody: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('请填写来文机关');
    const before = await call(t, u.coordinator, 'POST', '/api/legislation/consultations', organisationLaw('2021-05-31', '2021-05-30'));
    expect(before.statusCode).toBe(400);
    expect(before.json().details).toEqual([{ field: 'replyDueOn', message: '反馈截止日期不能早于收文日期' }]);
    const future = await call(t, u.coordinator, 'POST', '/api/legislation/consultations', organisationLaw('2021-06-02', '2021-06-18'));
    expect(future.json().details).toEqual([{ field: 'receivedOn', message: '收文日期不能晚于今天' }]);
    const late = await distribute(t, u.coordinator, ids.law, [org.scj], '2021-06-21');
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0]).toEqual({ field: 'dueOn', message: '部门反馈截止日期不能晚于县政府反馈截止日期（2021-06-18）' });
  });

  it('answers 409 on a stale version, writing nothing', async () => {
    const stale = await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${ids.law}/requests`, { version: 1, orgIds: [org.scj], dueOn: '2021-06-08' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: '征求意见事项已被他人修改，请刷新后重试' });
    expect((await detail(t, u.coordinator, ids.law)).askedCount).toBe(0);
    expect((await distribute(t, u.coordinator, ids.law, [org.scj, org.town], '2021-06-08')).statusCode).toBe(200);
    const scj = (await detail(t, u.coordinator, ids.law)).requests.find((r) => r.orgId === org.scj)!;
    const early = await call(t, u.coordinator, 'PUT', `/api/legislation/requests/${scj.id}/adoption`, { version: scj.version, adopted: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('该单位尚未提出意见，无需决定是否采纳');
    at(t, '2021-06-03');
    expect((await step(t, u.scj, scj.id, 'answer', { opinion: '建议明确乡镇人民政府的职权。' })).statusCode).toBe(200);
    expect((await call(t, u.coordinator, 'PUT', `/api/legislation/requests/${scj.id}/adoption`, { version: scj.version + 1, adopted: true })).statusCode).toBe(204);
    const again = await call(t, u.coordinator, 'PUT', `/api/legislation/requests/${scj.id}/adoption`, { version: scj.version + 1, adopted: false });
    expect(again.statusCode).toBe(409);
  });

  it('records 立法调研 with departments and company representatives', async () => {
    const res = await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${ids.business}/research`, {
      heldOn: '2021-06-02',
      place: '县政府3楼会议室',
      orgCount: 23,
      companyKinds: 5,
      companyNames: '建筑类、科技型、外贸商务流通类、制造类等民营中小企业',
      summary: '23个县直相关部门和乡镇分管负责人、5类民营中小企业代表负责人参加',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().research).toEqual([expect.objectContaining({ heldOn: '2021-06-02', orgCount: 23, companyKinds: 5 })]);
    expect((await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${ids.business}/research`, { heldOn: '2021-05-01', summary: '早于收文' })).statusCode).toBe(400);
  });

  it('lists with filters and sorting, exports Excel, and gives the reply as .docx', async () => {
    const list = async (query: string) => (await call(t, u.coordinator, 'GET', `/api/legislation/consultations?${query}`)).json();
    expect((await list('sort=receivedOn&order=asc')).items.map((i: { id: string }) => i.id)).toEqual([ids.business, ids.law]);
    expect((await list('q=营商环境')).items.map((i: { id: string }) => i.id)).toEqual([ids.business]);
    expect((await list('year=2020')).total).toBe(0);
    at(t, '2021-06-09');
    expect((await list('mark=dueSoon')).items.map((i: { id: string }) => i.id)).toEqual([ids.business]);
    at(t, '2021-06-11');
    expect((await list('mark=overdue')).items.map((i: { id: string; mark: string }) => [i.id, i.mark])).toEqual([[ids.business, 'overdue']]);

    const xlsx = await call(t, u.coordinator, 'GET', '/api/legislation/consultations/export.xlsx?sort=receivedOn&order=asc');
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload, ['征求意见稿', '来文机关']);
    expect(rows.map((r) => r.cells['来文机关'])).toEqual(['湖南省司法厅', '岳阳市司法局']);

    const docx = await call(t, u.coordinator, 'GET', `/api/legislation/consultations/${ids.law}/reply.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntry(docx.rawPayload, 'word/document.xml', 10_000_000)!.toString('utf8');
    expect(xml).toContain('征求意见的反馈意见');
    expect(xml).toContain('建议明确乡镇人民政府的职权。');
  });

  it('counts consultations, replies and the departments’ opinions for the year', async () => {
    at(t, '2021-06-15');
    expect((await step(t, u.town, (await detail(t, u.coordinator, ids.law)).requests.find((r) => r.orgId === org.town)!.id, 'answer', { noOpinion: true })).statusCode).toBe(200);
    expect((await step(t, u.coordinator, ids.law, 'consolidate', {})).statusCode).toBe(200);
    const file = await upload(t, u.coordinator, '反馈.txt');
    const { version } = await detail(t, u.coordinator, ids.law);
    expect((await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${ids.law}/reply`, { version, fileIds: [file], documentNo: '岳政函〔2021〕35号' })).statusCode).toBe(200);

    // Computed per figure (the statistics page's /values answers for every module's figures at once).
    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-06-15' };
    const fig = async (code: string) => {
      const value = await computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
      return { value: value.total, cells: value.cells };
    };
    expect(await fig('legislation.consultations')).toMatchObject({ value: 2 });
    expect((await fig('legislation.consultations')).cells).toEqual(expect.arrayContaining([expect.objectContaining({ cell: { replied: 'yes' }, value: 1 }), expect.objectContaining({ cell: { replied: 'no' }, value: 1 })]));
    expect(await fig('legislation.replies')).toMatchObject({ value: 1, cells: [expect.objectContaining({ cell: { onTime: 'yes', complete: 'yes' }, value: 1 })] });
    expect((await fig('legislation.opinions')).value).toBe(2);
    expect((await fig('legislation.opinions')).cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cell: { kind: 'opinion', timely: 'yes', adopted: 'yes' }, value: 1 }),
        expect.objectContaining({ cell: { kind: 'none', timely: 'no', adopted: '' }, value: 1 }),
      ]),
    );
    // A department's own figure: its opinion only.
    expect((await computeIndicator(t.db, findFigure('legislation.opinions') as IndicatorDef, { ...scope, orgId: org.scj, orgPath: (await orgPath(org.scj)) })).total).toBe(1);
    const records = await call(t, u.coordinator, 'GET', `/api/statistics/records?code=legislation.replies&from=2021-01-01&to=2021-12-31&pageSize=10&cell=${encodeURIComponent('{}')}`);
    expect(records.json().items).toEqual([expect.objectContaining({ id: ids.law, date: '2021-06-15', label: '岳政函〔2021〕35号', link: `/legislation/${ids.law}` })]);
  });
});
