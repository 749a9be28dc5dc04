import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { caseAssignments, cases } from '../../kernel/workflow/workflow.tables.ts';
import { actorWith } from '../../test/factories.ts';
import { READ } from './reconsideration.workflow.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { reconsiderationCases, reconsiderationFollowUps } from './reconsideration.tables.ts';
import { application, clockOf, CREDIT_CODE, IDS, on, refused, register, setUpCounty, step, type County } from './reconsideration.test-helpers.ts';

describe('行政复议 staff API: registration, case fields, personal data, 意见书 and 附带审查', () => {
  let t: TestApp;
  let c: County;

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: Record<string, unknown>, who = c.officer) => t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const get = (url: string, who = c.officer) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const registerBody = (overrides: Record<string, unknown> = {}) => ({ channel: 'window', receivedOn: '2024-09-27', ...application(c), ...overrides });

  /** A case accepted on 09-30, its copy sent and the answer in on 10-08. */
  async function heardCase(overrides: Record<string, unknown> = {}) {
    on(t, '2024-09-27');
    const { id } = await register(t, c, overrides);
    on(t, '2024-09-30');
    await step(t, c.clerk, id, 'accept', { data: { procedure: 'ordinary' } });
    on(t, '2024-10-08');
    await step(t, c.clerk, id, 'sendCopy');
    await step(t, c.clerk, id, 'receiveAnswer');
    return id;
  }

  it('documents its routes and their shapes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const body = doc.paths['/api/reconsideration/cases'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['channel', 'receivedOn', 'applicantType', 'identityCode', 'respondentOrgId']));
    expect(Object.keys(doc.paths['/api/reconsideration/cases/{id}'].get.responses['200'].content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['followUps', 'correction', 'outcomeLabel']),
    );
    expect(doc.paths['/api/public/reconsideration/track'].get.tags).toEqual(['portal']);
  });

  it('registers an application: title, sealed ID and phone with masks, tracking code bound to the last six', async () => {
    on(t, '2024-09-30');
    const res = await post('/api/reconsideration/cases', registerBody({ channel: 'mail', assigneeId: c.clerk.userId }));
    expect(res.statusCode).toBe(201);
    const { id, trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    const [row] = await t.db.select().from(reconsiderationCases).where(eq(reconsiderationCases.caseId, id));
    expect(row).toMatchObject({ channel: 'mail', receivedOn: '2024-09-27', applicantIdMask: '430621********4517', applicantPhoneMask: '139****1234' });
    expect(row!.applicantIdEnc).not.toContain('4517');
    expect(row!.trackingSecret).toBe(sm3(`${trackingCode}:124517`));
    const [kase] = await t.db.select().from(cases).where(eq(cases.id, id));
    expect(kase).toMatchObject({ title: '张三不服岳阳县市场监督管理局行政处罚决定', orgId: c.orgs.justice, assigneeId: c.clerk.userId, trackingCode, state: 'received' });
    const assigned = await t.db.select().from(caseAssignments).where(eq(caseAssignments.caseId, id));
    expect(assigned.map((a) => a.userId)).toEqual([c.clerk.userId]);
  });

  it('checks identity codes by applicant type, with stable codes', async () => {
    on(t, '2024-09-30');
    const badId = await post('/api/reconsideration/cases', registerBody({ identityCode: '430621198503124518' }));
    expect([badId.statusCode, badId.json().code]).toEqual([400, 'INVALID_ID_NUMBER']);
    expect(badId.json().message).toContain('应为“7”');
    const badCode = await post('/api/reconsideration/cases', registerBody({ applicantType: 'company', applicantName: '某某商贸有限公司', identityCode: '91350100M000100Y44' }));
    expect([badCode.statusCode, badCode.json().code]).toEqual([400, 'INVALID_CREDIT_CODE']);
    const personWithCode = await post('/api/reconsideration/cases', registerBody({ identityCode: CREDIT_CODE }));
    expect(personWithCode.json().code).toBe('INVALID_ID_NUMBER');
    const company = await post('/api/reconsideration/cases', registerBody({ applicantType: 'company', applicantName: '某某商贸有限公司', identityCode: CREDIT_CODE }));
    expect(company.statusCode).toBe(201);
    const lowerX = await post('/api/reconsideration/cases', registerBody({ applicantName: '王五', identityCode: IDS.wang.toLowerCase() }));
    expect(lowerX.statusCode).toBe(201);
  });

  it('refuses a respondent outside the region or deactivated, a future or pre-2024 receipt, an assignee who cannot handle', async () => {
    on(t, '2024-09-30');
    const police = c.orgs.police;
    expect((await post('/api/reconsideration/cases', registerBody({ respondentOrgId: c.orgs.elsewhere }))).json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('被申请人') });
    await t.db.update(organisations).set({ status: 'inactive' }).where(eq(organisations.id, police));
    expect((await post('/api/reconsideration/cases', registerBody({ respondentOrgId: police }))).statusCode).toBe(400);
    await t.db.update(organisations).set({ status: 'active' }).where(eq(organisations.id, police));
    expect((await post('/api/reconsideration/cases', registerBody({ receivedOn: '2024-10-01' }))).json().message).toContain('不能晚于今天');
    expect((await post('/api/reconsideration/cases', registerBody({ receivedOn: '2023-12-29' }))).json().message).toContain('2024-01-01');
    expect((await post('/api/reconsideration/cases', registerBody({ assigneeId: c.marketStaff.userId }))).json().message).toContain('承办人');
    expect((await post('/api/reconsideration/cases', registerBody({ phone: '12345' }))).statusCode).toBe(400);
    expect((await post('/api/reconsideration/cases', registerBody(), c.reader)).statusCode).toBe(403);
  });

  it('shows the module fields with labels, masked applicant, correction and the assignee', async () => {
    on(t, '2024-09-27');
    const { id, trackingCode } = await register(t, c, { assigneeId: c.clerk.userId });
    on(t, '2024-09-30');
    await step(t, c.clerk, id, 'requestCorrection', { data: { items: '请提供处罚决定书' } });
    await step(t, c.clerk, id, 'submitCorrection', { data: { content: '已提供处罚决定书' } });
    on(t, '2024-10-08');
    await step(t, c.clerk, id, 'accept', { data: { procedure: 'simple', simpleGround: 'smallAmount' } });
    const res = await get(`/api/reconsideration/cases/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      trackingCode,
      state: 'accepted',
      stateLabel: '审理中',
      channelLabel: '窗口递交',
      applicantTypeLabel: '自然人',
      applicantName: '张三',
      applicantIdMask: '430621********4517',
      applicantPhoneMask: '139****1234',
      respondentOrgId: c.orgs.market,
      respondentName: '岳阳县市场监督管理局',
      orgName: '岳阳县司法局',
      actCategoryLabel: '行政处罚',
      procedure: 'simple',
      procedureLabel: '简易程序',
      simpleGroundLabel: '案件涉及款额三千元以下',
      acceptedOn: '2024-10-08',
      deemedAccepted: false,
      outcome: null,
      assigneeName: '刘洋',
      correction: { items: '请提供处罚决定书', requestedOn: '2024-09-30', content: '已提供处罚决定书', correctedOn: '2024-09-30' },
      followUps: [],
    });
    expect(JSON.stringify(res.json())).not.toContain(IDS.zhang);
    expect(Object.keys(res.json())).not.toEqual(expect.arrayContaining(['extra']));
    expect(Object.keys(res.json())).not.toEqual(expect.arrayContaining(['orgPath']));
    // The 被申请人's staff read the case against their bureau (masked as above); another bureau's do not.
    expect((await get(`/api/reconsideration/cases/${id}`, c.marketStaff)).json()).toMatchObject({ id, applicantIdMask: '430621********4517' });
    const policeStaff = await actorWith(t, { 'reconsideration.respond': 'own_org' }, { orgId: c.orgs.police });
    expect((await get(`/api/reconsideration/cases/${id}`, policeStaff)).statusCode).toBe(404);
  });

  it("gives the applicant's ID and phone in clear only with reconsideration.personal, and audits each reading", async () => {
    on(t, '2024-10-08');
    const { id } = await register(t, c, { identityCode: IDS.li, phone: '0730-7654321' });
    expect((await get(`/api/reconsideration/cases/${id}/applicant`, c.clerk)).statusCode).toBe(403);
    expect((await get(`/api/reconsideration/cases/${id}/applicant`, c.marketStaff)).statusCode).toBe(403);
    const res = await get(`/api/reconsideration/cases/${id}/applicant`);
    expect(res.json()).toEqual({ identityCode: IDS.li, phone: '0730-7654321' });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'reconsideration.applicant_read')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: c.officer.userId, entityType: 'reconsideration', detail: { fields: ['identityCode', 'phone'] } });
  });

  it('lets the 被申请人 submit its 答复 with the 答复书 once the copy is sent; no other bureau can', async () => {
    on(t, '2024-10-08');
    const { id } = await register(t, c);
    const todoIds = async (who: typeof c.officer) => (await get('/api/todo', who)).json().items.map((i: { id: string }) => i.id);
    expect(await todoIds(c.marketStaff)).not.toContain(id);
    await step(t, c.clerk, id, 'accept', { data: { procedure: 'ordinary' } });
    const waiting = (await get(`/api/cases/${id}`, c.marketStaff)).json();
    expect(waiting.actions).toEqual([expect.objectContaining({ action: 'submitAnswer', enabled: false, reason: '复议机构尚未发送申请书副本', minFiles: 1 })]);
    // Its work starts with the copy: until then the case is not in the bureau's 待办.
    expect(await todoIds(c.marketStaff)).not.toContain(id);
    const sent = await step(t, c.clerk, id, 'sendCopy');
    expect(await todoIds(c.marketStaff)).toContain(id);
    // 10 working days from Tue 10-08, the 调休 Saturday 10-12 among them: Mon 10-21.
    expect(clockOf(sent, 'answer')).toMatchObject({ status: 'running', dueOn: '2024-10-21' });
    const policeStaff = await actorWith(t, { 'reconsideration.respond': 'own_org' }, { orgId: c.orgs.police });
    // Another bureau cannot even see the case; a reader of the whole county who may answer for its own
    // bureau is refused the step on a case against another one.
    const blind = { data: { summary: '代为答复' }, fileIds: [c.fileId], version: sent.version };
    expect((await refused(t, policeStaff, id, 'submitAnswer', blind, 404)).code).toBe('NOT_FOUND');
    const countyReader = await actorWith(t, { [READ]: 'region', 'reconsideration.respond': 'own_org' }, { orgId: c.orgs.government });
    expect((await refused(t, countyReader, id, 'submitAnswer', blind, 403)).message).toContain('被申请人');
    expect((await refused(t, c.clerk, id, 'submitAnswer', { data: { summary: '代为答复' }, fileIds: [c.fileId] }, 403)).code).toBe('FORBIDDEN');
    expect((await refused(t, c.marketStaff, id, 'submitAnswer', { data: { summary: '处罚事实清楚' } }, 400)).message).toContain('附件');
    on(t, '2024-10-15');
    const answered = await step(t, c.marketStaff, id, 'submitAnswer', { data: { summary: '处罚事实清楚，程序合法' }, fileIds: [c.fileId] });
    expect([answered.state, clockOf(answered, 'answer')?.status]).toEqual(['accepted', 'stopped']);
    const history = (await get(`/api/cases/${id}`)).json();
    expect(history.events.at(-1)).toMatchObject({ action: 'submitAnswer', actorName: '赵敏', data: { summary: '处罚事实清楚，程序合法' } });
    expect(history.actions.find((a: { action: string }) => a.action === 'receiveAnswer')).toMatchObject({ enabled: false, reason: '已登记被申请人答复' });
    expect(await todoIds(c.marketStaff)).not.toContain(id);
  });

  it('issues a 意见书 to the respondent, which reports its correction with a file within 60 days', async () => {
    on(t, '2024-09-27');
    const fresh = await register(t, c);
    expect((await post(`/api/reconsideration/cases/${fresh.id}/opinions`, { content: '处罚程序不规范' })).json().message).toContain('受理审查');
    const parent = await heardCase();
    on(t, '2024-10-10');
    expect((await post(`/api/reconsideration/cases/${parent}/opinions`, { content: '处罚程序不规范' }, c.clerk)).statusCode).toBe(403);
    expect((await post(`/api/reconsideration/cases/${parent}/opinions`, { content: '处罚程序不规范', targetOrgId: c.orgs.elsewhere })).statusCode).toBe(400);
    const res = await post(`/api/reconsideration/cases/${parent}/opinions`, { content: '处罚程序不规范，应当告知听证权利' });
    expect(res.statusCode).toBe(201);
    const opinionId = res.json().id;
    // The respondent's case: in its own organisation, 60 days from 10-10 → Mon 12-09.
    const seen = await get(`/api/cases/${opinionId}`, c.marketStaff);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ orgId: c.orgs.market, state: 'issued', stateLabel: '待报送纠正情况', dueOn: '2024-12-09' });
    expect(seen.json().actions.map((a: { action: string }) => a.action)).toEqual(['report']);
    expect((await refused(t, c.marketStaff, opinionId, 'report', { data: { measures: '已组织培训' } }, 400)).message).toContain('附件');
    expect((await refused(t, c.clerk, opinionId, 'report', { data: { measures: '代为报送' }, fileIds: [c.fileId] }, 403)).code).toBe('FORBIDDEN');
    on(t, '2024-11-20');
    const reported = await step(t, c.marketStaff, opinionId, 'report', { data: { measures: '已修订执法程序，组织全员培训' }, fileIds: [c.fileId] });
    expect([reported.state, reported.dueOn]).toEqual(['reported', null]);
    const view = (await get(`/api/reconsideration/follow-ups/${opinionId}`, c.marketStaff)).json();
    expect(view).toMatchObject({ kind: 'opinion', kindLabel: '行政复议意见书', parentId: parent, targetOrgName: '岳阳县市场监督管理局', result: 'reported', resultLabel: '已报送纠正情况', resultText: '已修订执法程序，组织全员培训' });
    const detail = (await get(`/api/reconsideration/cases/${parent}`)).json();
    expect(detail.followUps).toMatchObject([{ id: opinionId, kind: 'opinion', state: 'reported', stateLabel: '已报送纠正情况', terminal: true, content: '处罚程序不规范，应当告知听证权利' }]);
  });

  it('reviews a 规范性文件 itself: the maker answers in 10 working days before a conclusion, within 30 days', async () => {
    const parent = await heardCase();
    on(t, '2024-10-09');
    const body = { documentTitle: '岳阳县市场监管行政处罚裁量基准', documentNo: '岳县市监发〔2023〕3号', targetOrgId: c.orgs.market, content: '申请人认为裁量基准第五条违反上位法' };
    expect((await post(`/api/reconsideration/cases/${parent}/reviews`, body, c.reader)).statusCode).toBe(403);
    const res = await post(`/api/reconsideration/cases/${parent}/reviews`, body, c.clerk);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const opened = (await get(`/api/cases/${id}`)).json();
    // Transfer within 7 working days (10-10, 10-11, 10-12 调休, 10-14 … 10-17); handle within 30 days (11-08).
    expect(opened).toMatchObject({ orgId: c.orgs.justice, state: 'reviewing', dueOn: '2024-10-17' });
    expect(clockOf(opened, 'review')?.dueOn).toBe('2024-11-08');
    const conclusion = { result: 'illegal', text: '第五条超越上位法规定的处罚幅度，停止执行并责令纠正' };
    expect((await refused(t, c.officer, id, 'conclude', { data: conclusion })).message).toContain('第五十八条');
    expect((await refused(t, c.clerk, id, 'receiveMakerAnswer', { fileIds: [c.fileId] })).message).toContain('尚未通知制定机关');
    const asked = await step(t, c.clerk, id, 'askMaker');
    // The maker's 10 working days: 10-10, 10-11, 10-12 (调休), 10-14 … 10-18, 10-21, 10-22; no transfer any more.
    expect(clockOf(asked, 'makerAnswer')?.dueOn).toBe('2024-10-22');
    expect(clockOf(asked, 'transfer')?.status).toBe('stopped');
    expect((await refused(t, c.clerk, id, 'askMaker')).message).toContain('已通知制定机关');
    on(t, '2024-10-15');
    expect((await refused(t, c.officer, id, 'conclude', { data: conclusion })).message).toContain('2024-10-22 届满');
    await step(t, c.clerk, id, 'receiveMakerAnswer', { fileIds: [c.fileId] });
    expect((await refused(t, c.clerk, id, 'conclude', { data: conclusion }, 403)).code).toBe('FORBIDDEN');
    const concluded = await step(t, c.officer, id, 'conclude', { data: conclusion });
    expect([concluded.state, concluded.dueOn]).toEqual(['concluded', null]);
    const [row] = await t.db.select().from(reconsiderationFollowUps).where(eq(reconsiderationFollowUps.caseId, id));
    expect(row).toMatchObject({ kind: 'review', targetOrgId: c.orgs.market, documentNo: '岳县市监发〔2023〕3号', result: 'illegal', resultText: conclusion.text });
  });

  it("transfers a 规范性文件 it may not handle, and closes the review on the transferee's reply", async () => {
    const parent = await heardCase();
    on(t, '2024-10-15');
    await step(t, c.officer, parent, 'suspend', { reason: '对规范性文件进行附带审查', data: { ground: 'documentReview' } });
    const res = await post(`/api/reconsideration/cases/${parent}/reviews`, { documentTitle: '某省某厅规范性文件', content: '申请人认为该文件违法' }, c.clerk);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await refused(t, c.clerk, id, 'transfer', { reason: '本机关无权处理', data: { transferee: '某省某厅' } }, 403)).code).toBe('FORBIDDEN');
    on(t, '2024-10-18');
    const transferred = await step(t, c.officer, id, 'transfer', { reason: '本机关无权处理', data: { transferee: '某省某厅' } });
    // 60 days from 10-18: Tue 12-17.
    expect([transferred.state, transferred.dueOn]).toEqual(['transferred', '2024-12-17']);
    expect((await get(`/api/reconsideration/follow-ups/${id}`)).json()).toMatchObject({ state: 'transferred', result: 'transferred', resultLabel: '已转送有权机关处理', resultText: '转送某省某厅', targetOrgId: null });
    on(t, '2024-12-02');
    const replied = await step(t, c.clerk, id, 'receiveReply', { data: { result: 'legal', text: '经审查，该文件合法' }, fileIds: [c.fileId] });
    expect(replied.state).toBe('concluded');
    expect((await get(`/api/reconsideration/follow-ups/${id}`)).json()).toMatchObject({ result: 'legal', resultLabel: '相关条款合法' });
    expect((await post(`/api/reconsideration/cases/${await heardCase()}/reviews`, { documentTitle: '文件', content: '理由', targetOrgId: c.orgs.elsewhere }, c.clerk)).statusCode).toBe(400);
  });
});
