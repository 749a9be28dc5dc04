import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberSeries } from '../../kernel/numbering/numbering.tables.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { normativeDocuments } from './normative.tables.ts';
import { at, call, createDraft, draftBody, lawful, meeting, ok, prepareCounty, setPrefixes, step, throughToForce, upload, type County } from './normative.test-helpers.ts';

const days = (d: string) => ({ submit: d, review: d, meet: d, number: d, publish: d, file: d });

describe('规范性文件: numbering, expiry, status history, clean-ups, the legality queue and the routes', () => {
  let t: TestApp;
  let c: County;
  let opinionFile: string;
  const get = async (id: string, who = c.users.coordinator) => (await call(t, who, 'GET', `/api/normative/documents/${id}`)).json();

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-01-04');
    await setPrefixes(t, c);
    opinionFile = await upload(t, c.users.reviewer, '审核意见书.txt');
  });
  afterAll(() => t.close());

  it('gives 50 concurrent numbering requests the numbers 1–50 of the issuer’s year: none duplicated, none skipped', async () => {
    at(t, '2022-03-01');
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { id } = await createDraft(t, c.users.coordinator, draftBody(c.orgs.office, { title: `岳阳县并发编号测试办法（${i + 1}）`, draftingOrgId: c.orgs.office }));
      await ok(t, c.users.coordinator, id, 'submitForReview');
      await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
      await ok(t, c.users.coordinator, id, 'recordDiscussion', meeting('2022-03-01', 1, 'office'));
      ids.push(id);
    }
    const versions = await Promise.all(ids.map(async (id) => (await call(t, c.users.coordinator, 'GET', `/api/cases/${id}`)).json().version as number));
    const results = await Promise.all(ids.map((id, i) => call(t, c.users.coordinator, 'POST', `/api/cases/${id}/actions/allocateNumber`, { version: versions[i] })));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const rows = await t.db.select({ seq: normativeDocuments.docSeq, no: normativeDocuments.docNo }).from(normativeDocuments).where(eq(normativeDocuments.docYear, 2022));
    const seqs = rows.map((r) => r.seq!).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.no)).size).toBe(50);
    expect(rows.map((r) => r.no)).toContain('岳县政办规〔2022〕50号');
    const [series] = await t.db.select().from(numberSeries).where(eq(numberSeries.series, `normative:${c.orgs.office}`));
    expect(series!.last).toBe(50);
  }, 240_000);

  let older = '';
  let newer = '';
  let shortLived = '';
  it('reminds six months before the validity ends, and the document lapses by itself the day after', async () => {
    at(t, '2021-01-04');
    shortLived = (await createDraft(t, c.users.drafter, draftBody(c.orgs.dept, { title: '岳阳县农村宅基地审批管理暂行办法', topics: ['土地管理'] }))).id;
    await ok(t, c.users.drafter, shortLived, 'submitForReview');
    await ok(t, c.users.reviewer, shortLived, 'giveLegalityOpinion', lawful, [opinionFile]);
    await ok(t, c.users.coordinator, shortLived, 'recordDiscussion', meeting('2021-01-04', 1, 'office'));
    await ok(t, c.users.coordinator, shortLived, 'allocateNumber');
    await ok(t, c.users.coordinator, shortLived, 'publish', { publishedOn: '2021-01-04', effectiveOn: '2021-06-01', validityYears: 1 });
    await ok(t, c.users.coordinator, shortLived, 'file', { filedWithGovernmentOn: '2021-01-04', filedWithCongressOn: '2021-01-04' });
    expect((await get(shortLived)).validUntil).toBe('2022-05-31');
    const expiring = async () => ((await call(t, c.users.coordinator, 'GET', '/api/normative/expiring')).json().items as { id: string }[]).map((i) => i.id);
    at(t, '2021-11-30');
    expect(await expiring()).not.toContain(shortLived);
    at(t, '2021-12-01');
    expect(await expiring()).toContain(shortLived);
    expect((await get(shortLived)).expiringSoon).toBe(true);
    at(t, '2022-05-31');
    expect((await get(shortLived)).status).toBe('valid');
    at(t, '2022-06-01');
    const lapsed = await get(shortLived);
    expect(lapsed).toMatchObject({ status: 'expired', statusLabel: '已失效', expiringSoon: false });
    expect(lapsed.statusHistory.at(-1)).toMatchObject({ status: 'expired', changedOn: '2022-06-01', byText: '有效期届满', computed: true });
    expect(await expiring()).not.toContain(shortLived);
    const byStatus = (await call(t, c.users.coordinator, 'GET', '/api/normative/documents?status=expired')).json();
    expect(byStatus.items.map((i: { id: string }) => i.id)).toContain(shortLived);
  });

  it('records who changed a document: a new document amending an older one on publication, and a registered repeal', async () => {
    at(t, '2021-02-01');
    older = (await createDraft(t, c.users.drafter, draftBody(c.orgs.county, { title: '岳阳县城区建设用地储备出让管理办法', topics: ['土地管理'] }))).id;
    await throughToForce(t, c, older, days('2021-02-01'), opinionFile);
    const olderNo = (await get(older)).docNo;
    at(t, '2022-02-07');
    newer = (await createDraft(t, c.users.drafter, draftBody(c.orgs.county, { title: '岳阳县人民政府关于修改《岳阳县城区建设用地储备出让管理办法》的决定', affects: [{ documentId: older, effect: 'amended' }] }))).id;
    await throughToForce(t, c, newer, { ...days('2022-02-07'), effective: '2022-03-01' }, opinionFile);
    const newerDoc = await get(newer);
    const amended = await get(older);
    expect(amended).toMatchObject({ status: 'amended', statusLabel: '已修改' });
    expect(amended.statusHistory.map((h: { status: string; changedOn: string; byDocumentNo: string | null }) => [h.status, h.changedOn, h.byDocumentNo])).toEqual([
      ['valid', '2021-02-01', null],
      ['amended', '2022-03-01', newerDoc.docNo],
    ]);
    expect(newerDoc.changed).toEqual([expect.objectContaining({ documentId: older, docNo: olderNo, status: 'amended', statusLabel: '已修改' })]);
    // Public: the history and the changing document are on the portal, without signing in.
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/normative/documents/${older}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().statusHistory[1]).toMatchObject({ status: 'amended', byDocumentNo: newerDoc.docNo });
    // A stale version is refused; a repeal by the later document is recorded.
    const stale = await call(t, c.users.coordinator, 'POST', `/api/normative/documents/${older}/status-changes`, { status: 'repealed', changedOn: '2022-02-07', byDocumentId: newer, reason: '已被新文件取代', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('文件已被他人修改，请刷新后重试');
    const repealed = await call(t, c.users.coordinator, 'POST', `/api/normative/documents/${older}/status-changes`, { status: 'repealed', changedOn: '2022-02-07', byDocumentId: newer, reason: '已被新文件取代', version: amended.version });
    expect(repealed.statusCode, repealed.body).toBe(200);
    expect(repealed.json().status).toBe('repealed');
    const again = await call(t, c.users.coordinator, 'POST', `/api/normative/documents/${older}/status-changes`, { status: 'expired', changedOn: '2022-02-07', byText: '清理', reason: '再次', version: repealed.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('只有现行有效（含已修改）的已公布文件才能登记修改、废止或失效');
  });

  it('runs a clean-up campaign: decisions on chosen documents applied together on completion, then published with lists', async () => {
    at(t, '2021-03-01');
    const docs: string[] = [];
    for (const title of ['岳阳县长江岸线保护管理办法', '岳阳县计划生育奖励扶助办法', '岳阳县行政处罚自由裁量权基准实施办法']) {
      const { id } = await createDraft(t, c.users.drafter, draftBody(c.orgs.dept, { title }));
      await throughToForce(t, c, id, days('2021-03-01'), opinionFile);
      docs.push(id);
    }
    at(t, '2021-09-01');
    const created = await call(t, c.users.coordinator, 'POST', '/api/normative/campaigns', { title: '2021年规范性文件专项清理', topics: ['长江保护', '计划生育', '行政处罚法'], startedOn: '2021-09-01' });
    expect(created.statusCode, created.body).toBe(201);
    let campaign = created.json();
    const forbidden = await call(t, c.users.drafter, 'POST', '/api/normative/campaigns', { title: 'x', startedOn: '2021-09-01' });
    expect(forbidden.statusCode).toBe(403);
    campaign = (await call(t, c.users.coordinator, 'POST', `/api/normative/campaigns/${campaign.id}/items`, { documentIds: docs, version: campaign.version })).json();
    expect(campaign.itemCount).toBe(3);
    const decide = async (i: number, decision: string, reason: string) => {
      const item = campaign.items.find((x: { documentId: string }) => x.documentId === docs[i]);
      const res = await call(t, c.users.coordinator, 'PUT', `/api/normative/campaigns/${campaign.id}/items/${item.id}`, { decision, reason, version: item.version });
      expect(res.statusCode, res.body).toBe(200);
      campaign = res.json();
    };
    await decide(0, 'keep', '符合《长江保护法》');
    await decide(1, 'repeal', '与现行生育政策不一致');
    const incomplete = await call(t, c.users.coordinator, 'POST', `/api/normative/campaigns/${campaign.id}/complete`, { version: campaign.version });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().message).toBe('还有 1 件文件未提出清理意见，不能完成清理');
    expect((await get(docs[1]!)).status).toBe('valid');
    const early = await call(t, c.users.coordinator, 'POST', `/api/normative/campaigns/${campaign.id}/publish`, { version: campaign.version });
    expect(early.json().message).toBe('尚未完成清理，不能公布清理结果');
    await decide(2, 'amend', '依照新修订的《行政处罚法》修改');
    at(t, '2021-11-15');
    const done = await call(t, c.users.coordinator, 'POST', `/api/normative/campaigns/${campaign.id}/complete`, { version: campaign.version });
    expect(done.statusCode, done.body).toBe(200);
    campaign = done.json();
    expect(campaign.state).toBe('completed');
    expect([(await get(docs[0]!)).status, (await get(docs[1]!)).status, (await get(docs[2]!)).status]).toEqual(['valid', 'repealed', 'amended']);
    expect((await get(docs[1]!)).statusHistory.at(-1)).toMatchObject({ status: 'repealed', changedOn: '2021-11-15', byText: '2021年规范性文件专项清理', reason: '与现行生育政策不一致' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/normative/campaigns/${campaign.id}` })).statusCode).toBe(404);
    const published = await call(t, c.users.coordinator, 'POST', `/api/normative/campaigns/${campaign.id}/publish`, { version: campaign.version });
    expect(published.statusCode, published.body).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/normative/campaigns/${campaign.id}` });
    expect(pub.json().items.map((i: { decisionLabel: string }) => i.decisionLabel).sort()).toEqual(['修改', '废止', '继续有效'].sort());
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/public/normative/campaigns/${campaign.id}/export.xlsx` });
    const sheet = await readXlsx(xlsx.rawPayload, ['文件名称', '清理意见']);
    expect(sheet.map((r) => r.cells['清理意见'])).toHaveLength(3);
    const docx = await call(t, c.users.coordinator, 'GET', `/api/normative/campaigns/${campaign.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('lists every case awaiting legality review for the legal office, with deadline marks, filters and export', async () => {
    at(t, '2021-09-22');
    const { id } = await createDraft(t, c.users.drafter, draftBody(c.orgs.dept, { title: '岳阳县审查队列测试办法' }));
    await ok(t, c.users.drafter, id, 'submitForReview');
    const queue = async (query = '') => call(t, c.users.reviewer, 'GET', `/api/legality/queue?pageSize=100${query}`);
    let page = (await queue()).json();
    expect(page.items.find((i: { id: string }) => i.id === id)).toMatchObject({ caseType: 'normative_document', caseTypeLabel: '规范性文件', dueOn: '2021-10-18', mark: null, submittedOn: '2021-09-22' });
    at(t, '2021-10-13');
    expect((await queue('&mark=dueSoon')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    at(t, '2021-10-19');
    page = (await queue('&mark=overdue')).json();
    expect(page.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await queue('&caseType=decision')).json().total).toBe(0);
    const forbidden = await call(t, c.users.drafter, 'GET', '/api/legality/queue');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toBe('没有执行此操作的权限');
    const xlsx = await call(t, c.users.reviewer, 'GET', '/api/legality/queue/export.xlsx?mark=overdue');
    const rows = await readXlsx(xlsx.rawPayload, ['标题', '审查期限', '期限状态']);
    expect(rows.find((r) => r.cells['标题'] === '岳阳县审查队列测试办法')?.cells['期限状态']).toBe('已逾期');
    // The reviewer reads the document, and it is in the reviewer's 待办.
    expect((await call(t, c.users.reviewer, 'GET', `/api/normative/documents/${id}`)).statusCode).toBe(200);
    const todo = (await call(t, c.users.reviewer, 'GET', '/api/todo?pageSize=100')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('answers 401, 403, 400 and 409 with Chinese messages', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/normative/documents' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toBe('请先登录');
    const elsewhere = await call(t, c.users.outsider, 'POST', '/api/normative/documents', draftBody(c.orgs.county, { draftingOrgId: c.orgs.dept }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().message).toBe('起草单位不在您的办理范围内');
    const leader = await call(t, c.users.leader, 'POST', '/api/normative/documents', draftBody(c.orgs.county));
    expect(leader.statusCode).toBe(403);
    const invalid = await call(t, c.users.drafter, 'POST', '/api/normative/documents', { ...draftBody(c.orgs.county), title: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
    expect(invalid.json().message).toMatch(/^请求内容有误/);
    const badIssuer = await call(t, c.users.drafter, 'POST', '/api/normative/documents', draftBody(c.orgs.dept, { issuerOrgId: crypto.randomUUID() }));
    expect(badIssuer.statusCode).toBe(404);
    expect(badIssuer.json().message).toBe('制定机关不存在或不属于本行政区');
    const settings = (await call(t, c.users.coordinator, 'GET', '/api/normative/settings')).json();
    const outOfRange = await call(t, c.users.coordinator, 'PUT', '/api/normative/settings', { ...settings, reviewWorkingDays: 20 });
    expect(outOfRange.statusCode).toBe(400);
    const stale = await call(t, c.users.coordinator, 'PUT', '/api/normative/settings', { version: settings.version - 1, reviewWorkingDays: 10 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('规范性文件设置已被他人修改，请刷新后重试');
    const notManager = await call(t, c.users.drafter, 'PUT', '/api/normative/settings', { version: settings.version });
    expect(notManager.statusCode).toBe(403);
    // Drafts are not public.
    const draft = (await createDraft(t, c.users.drafter, draftBody(c.orgs.county))).id;
    expect((await t.app.inject({ method: 'GET', url: `/api/public/normative/documents/${draft}` })).statusCode).toBe(404);
    const outsiderRead = await call(t, c.users.outsider, 'GET', `/api/normative/documents/${draft}`);
    expect(outsiderRead.statusCode).toBe(404);
    // The review period follows the saved setting (here 10 working days).
    at(t, '2021-09-22');
    const saved = await call(t, c.users.coordinator, 'PUT', '/api/normative/settings', { ...settings, numberPrefixes: settings.numberPrefixes.map((p: { orgId: string; prefix: string }) => ({ orgId: p.orgId, prefix: p.prefix })), reviewWorkingDays: 10 });
    expect(saved.statusCode, saved.body).toBe(200);
    await ok(t, c.users.drafter, draft, 'submitForReview');
    const clocks = (await call(t, c.users.drafter, 'GET', `/api/cases/${draft}`)).json().clocks as { name: string; dueOn: string }[];
    // 9-23, 9-24, 9-26 (make-up), 9-27 … 9-30, 10-8, 10-9 (make-up), 10-11 → the 10th working day.
    expect(clocks.find((k) => k.name === 'legalityReview')?.dueOn).toBe('2021-10-11');
    const wrong = await step(t, c.users.drafter, draft, 'giveLegalityOpinion', lawful, [opinionFile]);
    expect(wrong.statusCode).toBe(403);
  });
});
