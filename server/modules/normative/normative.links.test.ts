import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinRoles } from '../../kernel/auth/builtin-roles.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { reconsiderationRoleGrants } from '../reconsideration/index.ts';
import { on, register, setUpCounty, step as recStep } from '../reconsideration/reconsideration.test-helpers.ts';
import { at, call, createDraft, draftBody, lawful, meeting, ok, prepareCounty, setPrefixes, throughToForce, upload, type County } from './normative.test-helpers.ts';

interface Figure {
  code: string;
  value: number;
  cells: { cell: Record<string, string>; value: number }[];
}

describe('规范性文件: 附带审查 both ways, and the figures with their records', () => {
  let t: TestApp;
  let c: County;
  let opinionFile: string;
  const day = (d: string) => ({ submit: d, review: d, meet: d, number: d, publish: d, file: d });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-01-04');
    await setPrefixes(t, c);
    opinionFile = await upload(t, c.users.reviewer, '审核意见书.txt');
    // 2020: one document; 2021: two issued (one filed late), one repealed, one rejected once by the review.
    ids.old = (await createDraft(t, c.users.drafter, draftBody(c.orgs.county, { title: '岳阳县旧城改造管理办法' }))).id;
    await throughToForce(t, c, ids.old, { ...day('2020-06-01') }, opinionFile);
    ids.a = (await createDraft(t, c.users.drafter, draftBody(c.orgs.county, { title: '岳阳县村组小型基础设施建设管理办法', affects: [{ documentId: ids.old, effect: 'repealed' }] }))).id;
    await throughToForce(t, c, ids.a, { ...day('2021-03-01') }, opinionFile);
    at(t, '2021-04-01');
    ids.b = (await createDraft(t, c.users.drafter, draftBody(c.orgs.office, { title: '岳阳县城区建设用地储备出让管理办法' }))).id;
    await ok(t, c.users.drafter, ids.b, 'submitForReview');
    await ok(t, c.users.reviewer, ids.b, 'giveLegalityOpinion', { ...lawful, conclusion: 'unlawful' }, [opinionFile]);
    await ok(t, c.users.drafter, ids.b, 'submitForReview');
    await ok(t, c.users.reviewer, ids.b, 'giveLegalityOpinion', lawful, [opinionFile]);
    await ok(t, c.users.coordinator, ids.b, 'recordDiscussion', meeting('2021-04-01', 2, 'office'));
    await ok(t, c.users.coordinator, ids.b, 'allocateNumber');
    await ok(t, c.users.coordinator, ids.b, 'publish', { publishedOn: '2021-04-01', effectiveOn: '2021-04-01' });
    at(t, '2021-05-06');
    await ok(t, c.users.coordinator, ids.b, 'file', { filedWithGovernmentOn: '2021-05-06', filedWithCongressOn: '2021-05-06' });
  });
  afterAll(() => t.close());

  it('counts issued, repealed, in force at year end, overdue filings and legality reviews, each with its records', async () => {
    at(t, '2022-01-10');
    const res = await call(t, c.users.coordinator, 'GET', '/api/statistics/values?from=2021-01-01&to=2021-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json().figures as Figure[];
    const value = (code: string) => figures.find((f) => f.code === code)?.value;
    expect(value('normative.issued')).toBe(2);
    expect(value('normative.repealed')).toBe(1);
    expect(value('normative.inForce')).toBe(2);
    expect(value('normative.overdueFilings')).toBe(1);
    expect(value('legality.reviews')).toBe(3);
    expect(value('legality.rejected')).toBe(1);
    const reviews = figures.find((f) => f.code === 'legality.reviews')!;
    expect(reviews.cells.find((x) => x.cell.conclusion === 'unlawful' && x.cell.caseType === 'normative_document')?.value).toBe(1);
    const records = await call(t, c.users.coordinator, 'GET', `/api/statistics/records?code=normative.overdueFilings&from=2021-01-01&to=2021-12-31&pageSize=100&cell=${encodeURIComponent('{}')}`);
    expect(records.json().items).toEqual([expect.objectContaining({ title: '岳阳县城区建设用地储备出让管理办法（岳县政办规〔2021〕1号）', link: `/normative/${ids.b}`, label: '逾期备案' })]);
    const in2020 = (await call(t, c.users.coordinator, 'GET', '/api/statistics/values?from=2020-01-01&to=2020-12-31')).json().figures as Figure[];
    expect(in2020.find((f) => f.code === 'normative.inForce')?.value).toBe(1);
  });

  it('links a 附带审查 to the registered document: the follow-up names it, the document lists the review', async () => {
    on(t, '2024-03-01');
    const rc = await setUpCounty(t);
    const app = await register(t, rc);
    await recStep(t, rc.officer, app.id, 'accept', { data: { procedure: 'ordinary' } });
    const bad = await t.app.inject({ method: 'POST', url: `/api/reconsideration/cases/${app.id}/reviews`, headers: rc.officer.headers, payload: { documentTitle: 'x', content: '理由', normativeDocumentId: crypto.randomUUID() } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('规范性文件：不是本行政区已公布的规范性文件');
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/reconsideration/cases/${app.id}/reviews`,
      headers: rc.officer.headers,
      payload: { documentTitle: '岳阳县村组小型基础设施建设管理办法', documentNo: '岳县政规〔2021〕1号', content: '申请人认为该办法第五条增设了义务', normativeDocumentId: ids.a },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const followUp = await t.app.inject({ method: 'GET', url: `/api/reconsideration/follow-ups/${opened.json().id}`, headers: rc.officer.headers });
    expect(followUp.json().normativeDocumentId).toBe(ids.a);
    // Listed to those who may read the 复议 case too (the coordinator, once 复议's grants are seeded).
    expect((await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${ids.a}`)).json().reviews).toEqual([]);
    await ensureBuiltinRoles(t.db, reconsiderationRoleGrants);
    const doc = (await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${ids.a}`)).json();
    expect(doc.reviews).toEqual([expect.objectContaining({ id: opened.json().id, title: expect.stringContaining('岳阳县村组小型基础设施建设管理办法') })]);
    const officerView = await t.app.inject({ method: 'GET', url: `/api/normative/documents/${ids.a}`, headers: rc.officer.headers });
    expect(officerView.statusCode).toBe(404);
  });
});
