import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, detail, distribute, organisationLaw, prepareCounty, register, step, upload, type Detail, type Who } from './legislation.test-helpers.ts';

type Todo = { items: { id: string; dueOn: string | null; mark: string | null; caseType: string }[] };

describe('立法建议: consultation, requests to departments on the 2021 National Day calendar, consolidation, reply', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof prepareCounty>>['org'];
  let u: Awaited<ReturnType<typeof prepareCounty>>['users'];
  let letter: string;
  let id: string;
  const requestOf = (d: Detail, orgId: string) => d.requests.find((r) => r.orgId === orgId)!;
  const todo = async (who: Who): Promise<Todo> => (await call(t, who, 'GET', '/api/todo?pageSize=100')).json();

  beforeAll(async () => {
    t = await createTestApp();
    ({ org, users: u } = await prepareCounty(t));
    // 2021-09-26, a Sunday, was a 调休 working day before National Day.
    at(t, '2021-09-26');
    letter = await upload(t, u.coordinator, '征求意见函.txt');
  });
  afterAll(() => t.close());

  it('registers the consultation with the county’s reply date as its clock, counted from receipt', async () => {
    const d = await register(t, u.coordinator, organisationLaw('2021-09-24', '2021-10-15', [letter]));
    id = d.id;
    expect(d).toMatchObject({ state: 'handling', dueOn: '2021-10-15', askedCount: 0, canHandle: true, files: [{ id: letter }] });
    const kernel = (await call(t, u.coordinator, 'GET', `/api/cases/${id}`)).json();
    expect(kernel.clocks).toEqual([expect.objectContaining({ name: 'reply', startedOn: '2021-09-24', dueOn: '2021-10-15', status: 'running' })]);
    expect(kernel.events.map((e: { action: string }) => e.action)).toEqual(['open', 'accept']);
  });

  it('refuses a department deadline on a holiday (2021-10-02) and names the next working day, writing no request', async () => {
    at(t, '2021-09-28');
    const res = await distribute(t, u.coordinator, id, [org.scj, org.zrj, org.town], '2021-10-02');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('反馈截止日期 2021-10-02 是法定休假日，请改为工作日（如 2021-10-08）');
    expect(res.json().details).toEqual([{ field: 'dueOn', message: expect.stringContaining('法定休假日') }]);
    expect((await detail(t, u.coordinator, id)).askedCount).toBe(0);
    expect((await t.db.select().from(cases).where(eq(cases.parentId, id))).length).toBe(0);
  });

  it('asks each organisation by a 调休 Saturday (2021-10-09): one child case each, in that organisation’s own 待办', async () => {
    const res = await distribute(t, u.coordinator, id, [org.scj, org.zrj, org.town], '2021-10-09');
    expect(res.statusCode, res.body).toBe(200);
    const d: Detail = res.json();
    expect(d.requests.map((r) => [r.orgName, r.state, r.dueOn])).toEqual(
      expect.arrayContaining([
        ['县市场监督管理局', 'requested', '2021-10-09'],
        ['县自然资源局', 'requested', '2021-10-09'],
        ['荣家湾镇', 'requested', '2021-10-09'],
      ]),
    );
    const scjRequest = requestOf(d, org.scj).id;
    const scjTodo = await todo(u.scj);
    expect(scjTodo.items).toEqual([expect.objectContaining({ id: scjRequest, caseType: 'legislation_request', dueOn: '2021-10-09', mark: null })]);
    expect((await todo(u.zrj)).items.map((i) => i.id)).toEqual([requestOf(d, org.zrj).id]);
    // The 司法局's 待办 holds the consultation, not the departments' requests.
    expect((await todo(u.coordinator)).items.map((i) => i.id)).toEqual([id]);
    // The department reads its request and the letter, not the consultation itself.
    expect((await call(t, u.scj, 'GET', `/api/legislation/consultations/${id}`)).statusCode).toBe(404);
    const own = await call(t, u.scj, 'GET', `/api/legislation/requests/${scjRequest}`);
    expect(own.json()).toMatchObject({ fromBody: '岳阳市司法局', note: '请于截止日期前反馈', files: [{ id: letter }] });
    expect((await call(t, u.scj, 'GET', `/api/files/${letter}/content`)).statusCode).toBe(200);
    expect((await call(t, u.zrj, 'GET', `/api/legislation/requests/${scjRequest}`)).statusCode).toBe(404);
    expect((await call(t, u.scj, 'GET', '/api/legislation/requests')).json().items.map((r: { id: string }) => r.id)).toEqual([scjRequest]);
  });

  it('marks the request yellow on 2021-09-29 already: the holiday puts 2021-10-09 within three working days', async () => {
    at(t, '2021-09-29');
    expect((await todo(u.scj)).items[0]!.mark).toBe('dueSoon');
  });

  it('refuses asking an organisation twice', async () => {
    const res = await distribute(t, u.coordinator, id, [org.scj], '2021-10-12');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE', message: '已向县市场监督管理局征求过意见' });
  });

  it('takes the departments’ answers: an opinion, 无意见; refuses an empty one', async () => {
    at(t, '2021-10-08');
    const d = await detail(t, u.coordinator, id);
    const empty = await step(t, u.scj, requestOf(d, org.scj).id, 'answer', {});
    expect(empty.statusCode).toBe(409);
    expect(empty.json().message).toBe('请填写意见和建议，或选择“无意见”');
    const opinion = '建议明确地方各级监察委员会的领导体制，与监察法的规定相衔接。';
    expect((await step(t, u.scj, requestOf(d, org.scj).id, 'answer', { opinion, contact: '李某 0730-7612345' })).statusCode).toBe(200);
    // The township may not answer for another organisation.
    const zrjCase = requestOf(d, org.zrj).id;
    const foreign = await call(t, u.town, 'POST', `/api/cases/${zrjCase}/actions/answer`, { version: 2, data: { noOpinion: true } });
    expect(foreign.statusCode).toBe(404);
    at(t, '2021-10-09');
    expect((await step(t, u.town, requestOf(d, org.town).id, 'answer', { noOpinion: true })).statusCode).toBe(200);
    const after = await detail(t, u.coordinator, id);
    expect(requestOf(after, org.scj)).toMatchObject({ state: 'answered', opinion, late: false, noOpinion: false });
    expect(requestOf(after, org.town)).toMatchObject({ state: 'answered', noOpinion: true, opinion: null, late: false });
    expect((await todo(u.scj)).items).toEqual([]);
  });

  it('marks the silent department red after its date, in its 待办 and the 司法局’s reminders', async () => {
    at(t, '2021-10-11');
    const d = await detail(t, u.coordinator, id);
    expect(d).toMatchObject({ askedCount: 3, answeredCount: 2, outstandingCount: 1, overdueCount: 1 });
    expect(requestOf(d, org.zrj).mark).toBe('overdue');
    expect((await todo(u.zrj)).items[0]!.mark).toBe('overdue');
    const reminders = (await call(t, u.coordinator, 'GET', '/api/legislation/requests?open=true&mark=overdue')).json();
    expect(reminders.items.map((r: { orgName: string }) => r.orgName)).toEqual(['县自然资源局']);
    expect((await step(t, u.coordinator, requestOf(d, org.zrj).id, 'remind', { how: '电话催办，承诺10月12日前反馈' })).statusCode).toBe(200);
    expect(requestOf(await detail(t, u.coordinator, id), org.zrj).reminders).toBe(1);
  });

  it('consolidates a draft from the adopted opinions, follows the adoption, and keeps an edited text', async () => {
    const draft = (await call(t, u.coordinator, 'GET', `/api/legislation/consultations/${id}/draft`)).json().text as string;
    expect(draft.split('\n')[0]).toBe('关于《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（修正草案）》征求意见的反馈意见');
    expect(draft).toContain('一、建议明确地方各级监察委员会的领导体制');
    expect(draft).toContain('荣家湾镇无意见');
    expect(draft).toContain('岳阳县人民政府');
    expect((await step(t, u.coordinator, id, 'consolidate', {})).statusCode).toBe(200);
    expect((await detail(t, u.coordinator, id)).consolidatedText).toBe(draft);

    const scj = requestOf(await detail(t, u.coordinator, id), org.scj);
    expect((await call(t, u.coordinator, 'PUT', `/api/legislation/requests/${scj.id}/adoption`, { version: scj.version, adopted: false, adoptionNote: '已由其他意见涵盖' })).statusCode).toBe(204);
    const without = (await call(t, u.coordinator, 'GET', `/api/legislation/consultations/${id}/draft`)).json().text as string;
    expect(without).not.toContain('监察委员会');
    expect(without).toContain('我县对该草案无修改意见');
    expect((await call(t, u.coordinator, 'PUT', `/api/legislation/requests/${scj.id}/adoption`, { version: scj.version + 1, adopted: true })).statusCode).toBe(204);

    const edited = `${draft}\n    二、建议对地方各级人民政府的职权调整作出衔接性规定。`;
    expect((await step(t, u.coordinator, id, 'consolidate', { text: edited })).statusCode).toBe(200);
    expect((await detail(t, u.coordinator, id))).toMatchObject({ state: 'consolidated', consolidatedText: edited });
  });

  it('refuses the reply while a department is outstanding, unless the reason is given; then closes its request', async () => {
    at(t, '2021-10-13');
    const reply = await upload(t, u.coordinator, '反馈意见.txt');
    const generic = await step(t, u.coordinator, id, 'sendReply', {}, [reply]);
    expect(generic.statusCode).toBe(409);
    expect(generic.json().message).toContain('尚有1个单位未反馈意见（县自然资源局）');
    const { version } = await detail(t, u.coordinator, id);
    const refused = await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${id}/reply`, { version, fileIds: [reply], numberPrefix: '岳政函' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details).toEqual([{ field: 'lateReason', message: '尚有1个单位未反馈意见（县自然资源局），须说明未等待其反馈即报送的理由' }]);
    expect((await detail(t, u.coordinator, id)).state).toBe('consolidated');

    const sent = await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${id}/reply`, { version, fileIds: [reply], numberPrefix: '岳政函', lateReason: '上级要求10月15日前报送，催办后仍未反馈' });
    expect(sent.statusCode, sent.body).toBe(200);
    const d: Detail = sent.json();
    expect(d).toMatchObject({ state: 'replied', replySentOn: '2021-10-13', replyDocumentNo: '岳政函〔2021〕1号', dueOn: null, mark: null });
    expect(d.lateReason).toBe('上级要求10月15日前报送，催办后仍未反馈（未反馈：县自然资源局）');
    expect(requestOf(d, org.zrj)).toMatchObject({ state: 'lapsed', mark: null, lapseReason: '上级要求10月15日前报送，催办后仍未反馈' });
    expect((await todo(u.zrj)).items).toEqual([]);
    expect((await step(t, u.zrj, requestOf(d, org.zrj).id, 'answer', { noOpinion: true })).statusCode).toBe(409);
    const kernel = (await call(t, u.coordinator, 'GET', `/api/cases/${id}`)).json();
    expect(kernel.events.at(-1)).toMatchObject({ action: 'sendReply', data: expect.objectContaining({ sentOn: '2021-10-13', replyDueOn: '2021-10-15', late: false }) });
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.lapse'), eq(auditLog.entityId, requestOf(d, org.zrj).id)))).toHaveLength(1);
  });

  it('numbers the next reply of the series on', async () => {
    const second = await register(t, u.coordinator, { ...organisationLaw('2021-10-12', '2021-10-20'), documentNo: '岳市司函〔2021〕52号', draftTitle: '湖南省优化营商环境规定（草案）' });
    expect((await step(t, u.coordinator, second.id, 'consolidate', {})).json().message).toBe('尚未征求部门意见，请填写汇总意见');
    expect((await step(t, u.coordinator, second.id, 'consolidate', { text: '我县无修改意见。' })).statusCode).toBe(200);
    const reply = await upload(t, u.coordinator, '反馈意见二.txt');
    const { version } = await detail(t, u.coordinator, second.id);
    const sent = await call(t, u.coordinator, 'POST', `/api/legislation/consultations/${second.id}/reply`, { version, fileIds: [reply], numberPrefix: '岳政函' });
    expect(sent.json().replyDocumentNo).toBe('岳政函〔2021〕2号');
  });
});
