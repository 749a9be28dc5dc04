import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicComments, publicConsultations } from '../../kernel/consultation/consultation.tables.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { zipEntry, zipEntryNames } from '../../kernel/files/zip-entries.ts';
import { caseClocks } from '../../kernel/workflow/workflow.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { governmentMeetings, meetingItems } from '../meetings/meetings.tables.ts';
import { call, catalogue, comment, ok, on, refused, register, setUpCounty, step, upload, type County } from './decisions.test-helpers.ts';

describe('重大行政决策: the five procedures as hard gates, publication, archive, suspension and change', () => {
  let t: TestApp;
  let c: County;
  let id: string;
  let exemptId: string;

  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
    on(t, '2021-06-01');
    const cat = await catalogue(t, c, 2021, [
      { title: '关于进一步规范招投标工作的实施意见' },
      { title: '岳阳县建设用地储备出让规则', exemptions: { publicParticipation: '涉及国家秘密，依法不予公开的决策事项（条例 第十四条）' } },
    ]);
    id = (await register(t, c, cat.items[0].id)).id;
    exemptId = (await register(t, c, cat.items[1].id)).id;
  });
  afterAll(() => t.close());

  it('refuses every procedure taken out of order, naming the missing ones', async () => {
    await refused(await step(t, c.handler, id, 'completeExpertReview'), 409, '尚未完成：公众参与');
    await refused(await step(t, c.handler, id, 'recordRiskAssessment', { level: 'low', summary: '风险可控', measures: '加强宣传' }, { fileIds: [await upload(t, c.handler, '风险评估报告.txt')] }), 409, '尚未完成：公众参与、专家论证');
    await refused(await step(t, c.handler, id, 'submitForLegality', {}), 409, '尚未完成：公众参与、专家论证、风险评估');
    await refused(await step(t, c.reviewer, id, 'giveLegalityOpinion', { conclusion: 'lawful', opinion: '合法', reviewer: '王芳' }), 409, '尚未完成：公众参与、专家论证、风险评估');
    await refused(
      await step(t, c.office, id, 'recordCollectiveDecision', { meetingKind: 'executive', meetingSeq: 1, heldOn: '2021-06-01', outcome: 'adopted' }),
      409,
      '尚未完成：公众参与、专家论证、风险评估、合法性审查',
    );
    const actions = (await ok(await call(t, c.handler, 'GET', `/api/cases/${id}`))).actions as { action: string; enabled: boolean; reason?: string }[];
    expect(actions.find((a) => a.action === 'submitForLegality')).toMatchObject({ enabled: false, reason: '尚未完成：公众参与、专家论证、风险评估' });
  });

  it('keeps the comment period at 30 days unless a shortening reason is given, and shows the reason', async () => {
    const draft = { explanation: '起草说明：规范招投标活动。', days: 20 };
    await refused(await step(t, c.handler, id, 'openPublicComment', draft), 409, '第十五条');
    const res = await step(t, c.handler, id, 'openPublicComment', { ...draft, days: 30 });
    expect(res.statusCode, res.body).toBe(200);
    const [round] = await t.db.select().from(publicConsultations).where(eq(publicConsultations.entityId, id));
    // 30 days counted from 06-01: the round runs through 07-01.
    expect(round).toMatchObject({ opensOn: '2021-06-01', closesOn: '2021-07-01', shortenedReason: null });
    const exempt = await ok(await call(t, c.handler, 'GET', `/api/decisions/${exemptId}`));
    expect(exempt.gates[0]).toMatchObject({ gate: 'publicParticipation', status: 'exempted', ground: expect.stringContaining('第十四条') });
  });

  it('records a hearing, and closes the round only when it has ended and every comment is moderated', async () => {
    on(t, '2021-06-15');
    expect((await step(t, c.handler, id, 'recordHearing', { heldOn: '2021-06-15', place: '县政府三楼会议室', participants: '投标企业代表 5 人、群众代表 8 人', record: '与会代表就保证金比例发表意见。' })).statusCode).toBe(200);
    await comment(t, id, '建议降低投标保证金比例，减轻中小企业负担。', 'approved', 'adopted', '已将保证金上限调整为 1%');
    await comment(t, id, '建议取消所有资格审查。', 'approved', 'notAdopted', '与招标投标法第十八条不符');
    const pending = await comment(t, id, '建议公开评标专家名单。', 'pending');
    await refused(await step(t, c.handler, id, 'addExpertOpinion', { name: '李教授', title: '教授', affiliation: '湖南大学法学院', opinion: '程序合法', adopted: true }), 409, '尚未完成：公众参与');
    await refused(await step(t, c.handler, id, 'closePublicComment'), 409, '征求意见期至 2021-07-01，尚未届满');
    on(t, '2021-07-02');
    await refused(await step(t, c.handler, id, 'closePublicComment'), 409, '尚有 1 条公众意见未审核');
    await t.db.update(publicComments).set({ moderation: 'approved', adoption: 'partly', adoptionNote: '评标结束后公开' }).where(eq(publicComments.id, pending.id));
    expect((await step(t, c.handler, id, 'closePublicComment')).statusCode).toBe(200);
  });

  it('takes expert review and risk assessment in order, the risk report as a file', async () => {
    expect((await step(t, c.handler, id, 'addExpertOpinion', { name: '李教授', title: '教授', affiliation: '湖南大学法学院', opinion: '建议明确异议处理时限。', adopted: true })).statusCode).toBe(200);
    expect((await step(t, c.handler, id, 'addExpertOpinion', { name: '周律师', title: '律师', affiliation: '湖南岳州律师事务所', opinion: '建议删除本地企业加分条款。', adopted: false, adoptionNote: '已另行研究' })).statusCode).toBe(200);
    expect((await step(t, c.handler, id, 'completeExpertReview')).statusCode).toBe(200);
    await refused(await step(t, c.handler, id, 'recordRiskAssessment', { level: 'medium', summary: '总体可控', measures: '分步实施' }), 400, '至少 1 个附件');
    const report = await upload(t, c.handler, '社会稳定风险评估报告.txt');
    expect((await step(t, c.handler, id, 'recordRiskAssessment', { level: 'medium', summary: '总体可控', measures: '分步实施' }, { fileIds: [report] })).statusCode).toBe(200);
  });

  it('gives legality review at least 7 working days, counted over the 2021 National Day holiday', async () => {
    on(t, '2021-09-28');
    await refused(await step(t, c.handler, id, 'submitForLegality', { days: 5 }), 409, '不得少于 7 个工作日');
    expect((await step(t, c.handler, id, 'submitForLegality', {})).statusCode).toBe(200);
    const [clock] = await t.db.select().from(caseClocks).where(and(eq(caseClocks.caseId, id), eq(caseClocks.name, 'legalityReview')));
    // 09-29, 09-30, (10-01…10-07 holiday), 10-08, 10-09 (调休 Saturday), 10-11, 10-12, 10-13.
    expect(clock).toMatchObject({ unit: 'workingDays', n: 7, startedOn: '2021-09-28', dueOn: '2021-10-13' });
  });

  it("is the legal office's work while it reviews, not the drafting unit's", async () => {
    const todoIds = async (who: typeof c.handler) => (await ok(await call(t, who, 'GET', '/api/todo?pageSize=100'))).items.map((i: { id: string }) => i.id);
    expect(await todoIds(c.reviewer)).toContain(id);
    expect(await todoIds(c.handler)).not.toContain(id);
  });

  it('lets only the legal office give the opinion; 「不合法」 returns the draft for another review', async () => {
    on(t, '2021-09-30');
    await refused(await step(t, c.handler, id, 'giveLegalityOpinion', { conclusion: 'lawful', opinion: '合法', reviewer: '某' }), 403, '没有此操作的权限');
    expect((await step(t, c.reviewer, id, 'giveLegalityOpinion', { conclusion: 'unlawful', opinion: '第七条增设的资质要求缺乏上位法依据。', reviewer: '王芳' })).statusCode).toBe(200);
    const back = await ok(await call(t, c.handler, 'GET', `/api/decisions/${id}`));
    expect(back.state).toBe('drafting');
    expect(back.gates[3]).toMatchObject({ gate: 'legalityReview', status: 'pending' });
    await refused(await step(t, c.office, id, 'recordCollectiveDecision', { meetingKind: 'executive', meetingSeq: 12, heldOn: '2021-09-30', outcome: 'adopted' }), 409, '尚未完成：合法性审查');
    on(t, '2021-10-08');
    expect((await step(t, c.handler, id, 'submitForLegality', {})).statusCode).toBe(200);
    on(t, '2021-10-12');
    expect((await step(t, c.reviewer, id, 'giveLegalityOpinion', { conclusion: 'lawful', opinion: '修改后合法。', reviewer: '王芳' })).statusCode).toBe(200);
  });

  it('decides at the government’s 常务会议 after the Party committee was consulted, and registers the meeting item', async () => {
    on(t, '2021-10-15');
    const meeting = { meetingKind: 'executive', meetingSeq: 12, heldOn: '2021-10-15', outcome: 'adopted', decisionText: '原则通过，由县发改局组织实施。' };
    await refused(await step(t, c.office, id, 'recordCollectiveDecision', meeting), 409, '向同级党委请示报告');
    expect((await step(t, c.handler, id, 'recordPartyConsultation', { consultedOn: '2021-10-14', note: '县委常委会同意提交县政府常务会议' })).statusCode).toBe(200);
    await refused(await step(t, c.office, id, 'recordCollectiveDecision', { ...meeting, meetingKind: 'office' }), 409, '第三十条');
    expect((await step(t, c.office, id, 'recordCollectiveDecision', meeting)).statusCode).toBe(200);
    const [item] = await t.db.select().from(meetingItems).innerJoin(governmentMeetings, eq(governmentMeetings.id, meetingItems.meetingId)).where(eq(meetingItems.caseId, id));
    expect(item).toMatchObject({ meeting_items: { lawRelated: true, outcome: 'adopted' }, government_meetings: { orgId: c.government, kind: 'executive', year: 2021, seq: 12, heldOn: '2021-10-15' } });
    const decided = await ok(await call(t, c.office, 'GET', `/api/decisions/${id}`));
    expect(decided).toMatchObject({ state: 'decided', decidedOn: '2021-10-15', openGates: [] });
    expect(decided.meeting.name).toBe('岳阳县人民政府2021年第12次常务会议');
  });

  it('generates the adoption statement from the approved comments and experts, and publishes it once edited', async () => {
    await refused(await step(t, c.office, id, 'publishDecision', {}), 409, '采纳情况说明');
    const { text } = await ok(await call(t, c.office, 'GET', `/api/decisions/${id}/statement/draft`));
    expect(text).toContain('2021-06-01至2021-07-01');
    expect(text).toContain('共收到有效意见 3 条，其中采纳 1 条、部分采纳 1 条、未采纳 1 条');
    expect(text).toMatch(/（三）未采纳的意见及理由\n1\. .*建议取消所有资格审查。.*与招标投标法第十八条不符/);
    expect(text).toContain('周律师（律师，湖南岳州律师事务所）：建议删除本地企业加分条款。——未采纳，已另行研究');
    expect(text).toContain('县政府三楼会议室举行听证会');
    const detail = await ok(await call(t, c.office, 'GET', `/api/decisions/${id}`));
    const stale = await call(t, c.office, 'PUT', `/api/decisions/${id}/statement`, { version: detail.detailVersion - 1, text });
    expect(stale.statusCode).toBe(409);
    const edited = text.replace('共收到有效意见', '经审核，共收到有效意见');
    await ok(await call(t, c.office, 'PUT', `/api/decisions/${id}/statement`, { version: detail.detailVersion, text: edited }));
    on(t, '2021-10-20');
    expect((await step(t, c.office, id, 'publishDecision', { documentNo: '岳政发〔2021〕15号' })).statusCode).toBe(200);
    const published = await ok(await call(t, null, 'GET', `/api/public/decisions/${id}`));
    expect(published).toMatchObject({ publishedOn: '2021-10-20', documentNo: '岳政发〔2021〕15号', meetingName: '岳阳县人民政府2021年第12次常务会议' });
    expect(published.adoptionStatement).toContain('经审核，共收到有效意见');
    const list = await ok(await call(t, null, 'GET', '/api/public/decisions?regionCode=430621'));
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    // The exempted decision is not published yet: the portal does not know it.
    expect((await call(t, null, 'GET', `/api/public/decisions/${exemptId}`)).statusCode).toBe(404);
  });

  it('archives every record and attachment with an index, as a zip', async () => {
    const res = await call(t, c.office, 'GET', `/api/decisions/${id}/archive.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const zip = res.rawPayload;
    const names = zipEntryNames(zip)!;
    expect(names).toEqual(
      expect.arrayContaining(['00-归档目录.xlsx', '01-全过程记录.txt', '02-决策草案、决定及采纳情况说明.txt', '03-公众意见及采纳情况.txt', '04-听证会记录.txt', '05-专家论证意见.txt']),
    );
    expect(names.filter((n) => n.startsWith('附件/'))).toEqual([expect.stringMatching(/^附件\/001-社会稳定风险评估报告/)]);
    const history = zipEntry(zip, '01-全过程记录.txt', 1 << 20)!.toString('utf8');
    expect(history).toContain('出具合法性审查意见');
    expect(history).toContain('第七条增设的资质要求缺乏上位法依据');
    const index = await readXlsx(zipEntry(zip, '00-归档目录.xlsx', 1 << 22)!, ['序号', '材料名称', '压缩包内文件']);
    expect(index.map((r) => r.cells['压缩包内文件'])).toEqual(names.filter((n) => n !== '00-归档目录.xlsx'));
    expect(index.find((r) => r.cells['类别'] === '附件')!.cells['程序环节']).toBe('登记风险评估');
  });

  it('lets only the head suspend, with a reason; a change reopens the procedures done and takes it off the portal', async () => {
    on(t, '2021-11-01');
    expect((await step(t, c.handler, id, 'reportImplementation', { reportedOn: '2021-11-01', summary: '已完成制度宣传' })).statusCode).toBe(200);
    await refused(await step(t, c.office, id, 'suspend', { on: '2021-11-01' }, { reason: '情况紧急' }), 403, '没有此操作的权限');
    await refused(await step(t, c.head, id, 'suspend', { on: '2021-11-01' }), 400, '须填写理由');
    expect((await step(t, c.head, id, 'suspend', { on: '2021-11-01' }, { reason: '上位法修改，需暂停执行' })).statusCode).toBe(200);
    expect((await call(t, null, 'GET', `/api/public/decisions/${id}`)).json().stateLabel).toBe('暂停执行');
    expect((await step(t, c.office, id, 'change', undefined, { reason: '依新修订的招标投标法调整第七条' })).statusCode).toBe(200);
    const changed = await ok(await call(t, c.office, 'GET', `/api/decisions/${id}`));
    expect(changed.state).toBe('drafting');
    expect(changed.gates.map((g: { status: string }) => g.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect((await call(t, null, 'GET', `/api/public/decisions/${id}`)).statusCode).toBe(404);
  });

  it('exempts a procedure only on a stated ground, never legality review, and shows the ground', async () => {
    await refused(await step(t, c.handler, exemptId, 'exemptGate', { gate: 'expertReview', ground: '' }), 400, '法律依据');
    await refused(await step(t, c.handler, exemptId, 'exemptGate', { gate: 'legalityReview', ground: '无' }), 400, '合法性审查、集体讨论决定不得免予');
    expect((await step(t, c.handler, exemptId, 'exemptGate', { gate: 'expertReview', ground: '专业性、技术性不强，不需专家论证（条例 第十九条）' })).statusCode).toBe(200);
    // The public round is exempted by the catalogue: expert review was the next open gate, risk assessment now is.
    await refused(await step(t, c.handler, exemptId, 'submitForLegality', {}), 409, '尚未完成：风险评估');
    const detail = await ok(await call(t, c.handler, 'GET', `/api/decisions/${exemptId}`));
    expect(detail.gates.slice(0, 3).map((g: { status: string }) => g.status)).toEqual(['exempted', 'exempted', 'pending']);
    expect(detail.gates[1].ground).toContain('第十九条');
    const exempted = await ok(await call(t, c.office, 'GET', '/api/decisions?exempted=true&openGate=riskAssessment'));
    expect(exempted.items.map((i: { id: string }) => i.id)).toEqual([exemptId]);
  });
});
