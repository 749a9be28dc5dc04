import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { actorWith, createOrg, createRole, createUser, signIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { CREDIT_CODE, IDS, on, register, setUpCounty, step, type County } from './reconsideration.test-helpers.ts';
import { READ } from './reconsideration.workflow.ts';

describe('行政复议 case list: filters, marks, sorting, paging, data scope and Excel', () => {
  let t: TestApp;
  let c: County;
  const ids: Record<string, string> = {};
  let decidedNo = '';

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
    // K1: 2024, decided (撤销).
    on(t, '2024-03-04');
    ids.k1 = (await register(t, c)).id;
    on(t, '2024-03-05');
    await step(t, c.clerk, ids.k1, 'accept', { data: { procedure: 'ordinary' } });
    await step(t, c.clerk, ids.k1, 'sendCopy');
    await step(t, c.clerk, ids.k1, 'receiveAnswer');
    on(t, '2024-04-10');
    decidedNo = (await step(t, c.officer, ids.k1, 'decide', { reason: '主要事实不清', fileIds: [c.fileId], data: { outcome: 'revoke', decisionNo: '岳县复决〔2024〕9号' } })).caseNo!;
    // K2: mailed, signed for 2024-09-26, never reviewed: due 10-09, overdue since.
    on(t, '2024-09-27');
    ids.k2 = (await register(t, c, { channel: 'mail', receivedOn: '2024-09-26', applicantName: '李四', identityCode: IDS.li, respondentOrgId: c.orgs.police, actCategory: 'enforcement' })).id;
    // K3: 2025, accepted, respondent heard: only the decision period runs (60 days from 01-07: Sat 03-08 → Mon 03-10).
    on(t, '2025-01-06');
    ids.k3 = (await register(t, c, { applicantName: '王五', identityCode: IDS.wang, respondentOrgId: c.orgs.township, actCategory: 'disclosure' })).id;
    on(t, '2025-01-07');
    await step(t, c.clerk, ids.k3, 'accept', { data: { procedure: 'ordinary' } });
    await step(t, c.clerk, ids.k3, 'sendCopy');
    await step(t, c.clerk, ids.k3, 'receiveAnswer');
    // K4: a company, 2025-02-10, review due 02-17.
    on(t, '2025-02-10');
    ids.k4 = (await register(t, c, { channel: 'other', applicantType: 'company', applicantName: '岳阳某某商贸有限公司', identityCode: CREDIT_CODE })).id;
    // Wed 02-12: yellow until 3 working days on (02-13, 02-14, 02-17).
    on(t, '2025-02-12');
  });
  afterAll(() => t.close());

  const list = async (query = '', who = c.reader) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/reconsideration/cases${query}`, headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; mark: string | null; [k: string]: unknown }[]; total: number; page: number; pageSize: number };
  };
  const idsOf = async (query: string) => (await list(query)).items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

  it('lists every case newest receipt first, with labels and deadline marks', async () => {
    const all = await list();
    expect(all.total).toBe(4);
    expect(all.items.map((i) => [Object.keys(ids).find((k) => ids[k] === i.id), i.dueOn, i.mark])).toEqual([
      ['k4', '2025-02-17', 'dueSoon'],
      ['k3', '2025-03-10', null],
      ['k2', '2024-10-09', 'overdue'],
      ['k1', null, null],
    ]);
    expect(all.items[3]).toMatchObject({
      caseNo: decidedNo,
      stateLabel: '已作出复议决定',
      channelLabel: '窗口递交',
      respondentName: '岳阳县市场监督管理局',
      outcome: 'revoke',
      outcomeLabel: '撤销',
      decidedOn: '2024-04-10',
      procedureLabel: '普通程序',
    });
    expect(all.items[0]).toMatchObject({ applicantTypeLabel: '法人', channelLabel: '其他（传真、转送等）', outcomeLabel: null });
  });

  it('filters by state, outcome, respondent, channel, act category, year, text and mark', async () => {
    expect(await idsOf('?state=accepted')).toEqual(['k3']);
    expect(await idsOf('?outcome=revoke')).toEqual(['k1']);
    expect(await idsOf(`?respondentOrgId=${c.orgs.police}`)).toEqual(['k2']);
    expect(await idsOf('?channel=mail')).toEqual(['k2']);
    expect(await idsOf('?actCategory=disclosure')).toEqual(['k3']);
    expect(await idsOf('?year=2024')).toEqual(['k2', 'k1']);
    expect(await idsOf(`?q=${encodeURIComponent('王五')}`)).toEqual(['k3']);
    expect(await idsOf(`?q=${encodeURIComponent(decidedNo)}`)).toEqual(['k1']);
    expect(await idsOf(`?q=${encodeURIComponent('商贸')}`)).toEqual(['k4']);
    expect(await idsOf('?q=%25')).toEqual([]);
    expect(await idsOf('?mark=overdue')).toEqual(['k2']);
    expect(await idsOf('?mark=dueSoon')).toEqual(['k4']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/reconsideration/cases?state=nonsense', headers: c.reader.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('sorts by receipt, due date and decision date, empty dates last, and pages', async () => {
    expect(await idsOf('?sort=receivedOn&order=asc')).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(await idsOf('?sort=dueOn&order=asc')).toEqual(['k2', 'k4', 'k3', 'k1']);
    expect((await idsOf('?sort=decidedOn&order=desc'))[0]).toBe('k1');
    const page = await list('?pageSize=2&page=2');
    expect([page.total, page.page, page.pageSize]).toEqual([4, 2, 2]);
    expect(page.items.map((i) => i.id)).toEqual([ids.k2, ids.k1]);
  });

  it("shows only cases within the reader's scope", async () => {
    // A respondent's staff (reconsideration.respond, own organisation) see the cases against it, and no others.
    const mine = (who: typeof c.reader) => list('', who).then((page) => page.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id)));
    expect(await mine(c.marketStaff)).toEqual(['k4', 'k1']);
    const policeStaff = await actorWith(t, { 'reconsideration.respond': 'own_org' }, { orgId: c.orgs.police });
    expect(await mine(policeStaff)).toEqual(['k2']);
    const elsewhere = await createOrg(t.db, { name: '临湘市司法局', regionCode: '430682' });
    const role = await createRole(t.db, { permissions: { [READ]: 'region' } });
    const other = await signIn(t, (await createUser(t.db, { orgId: elsewhere.id, regionCode: '430682', roleIds: [role.id] })).id);
    const res = await t.app.inject({ method: 'GET', url: '/api/reconsideration/cases', headers: other.headers });
    expect(res.json().total).toBe(0);
    const none = await actorWith(t, {}, { orgId: c.orgs.justice });
    expect((await t.app.inject({ method: 'GET', url: '/api/reconsideration/cases', headers: none.headers })).statusCode).toBe(403);
  });

  it('exports the filtered list with Chinese headers and labels', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reconsideration/cases/export.xlsx?year=2024&sort=receivedOn&order=asc', headers: c.reader.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload, ['案号', '案件名称', '申请方式', '被申请人', '状态', '结案方式', '期限状态']);
    expect(rows.map((r) => [r.cells['申请人'], r.cells['申请方式'], r.cells['行政行为类别'], r.cells['状态'], r.cells['结案方式'], r.cells['期限状态']])).toEqual([
      ['张三', '窗口递交', '行政处罚', '已作出复议决定', '撤销', ''],
      ['李四', '邮寄', '行政强制', '受理审查', '', '已逾期'],
    ]);
    expect(rows[0]!.cells['案号']).toBe(decidedNo);
  });
});
