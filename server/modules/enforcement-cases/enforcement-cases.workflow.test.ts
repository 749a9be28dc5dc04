import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, caseBody, clockOf, file, lawful, prepareCounty, refused, step, upload, type County } from './enforcement-cases.test-helpers.ts';
import { enforcementCases } from './enforcement-cases.tables.ts';

let t: TestApp;
let c: County;

beforeAll(async () => {
  t = await createTestApp();
  c = await prepareCounty(t);
});
afterAll(() => t.close());

describe('行政处罚: 立案 to 归档 on 2021 dates', () => {
  let id: string;

  it('files only with two officers certified in the field on the filing day, naming who is not', async () => {
    at(t, '2021-07-01');
    const res = await call(t, c.users.staff, 'POST', '/api/enforcement/cases', caseBody(c, '2021-07-01', { officerIds: [c.officers.jia, c.officers.ding] }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('丁执法在 2021-07-01 没有本领域有效的行政执法证');
    const one = await call(t, c.users.staff, 'POST', '/api/enforcement/cases', caseBody(c, '2021-07-01', { officerIds: [c.officers.jia] }));
    expect(one.statusCode).toBe(400);
    const outsider = await call(t, c.users.outsider, 'POST', '/api/enforcement/cases', caseBody(c, '2021-07-01'));
    expect(outsider.statusCode).toBe(403);
    const created = await file(t, c, caseBody(c, '2021-07-01', { officerIds: [c.officers.jia, c.officers.bing], partyId: '91350100M000100Y43' }));
    id = created.id;
    expect(created.partyIdMask).toBe('913501********0Y43');
    expect((created.officers as { name: string; lead: boolean }[]).map((o) => o.name)).toEqual(['甲执法', '丙执法']);
    // 第六十条: 90 days from 立案.
    const detail = (await call(t, c.users.staff, 'GET', `/api/cases/${id}`)).json();
    expect(clockOf(detail, 'decision')?.dueOn).toBe('2021-09-29');
  });

  it('records evidence with video from the 执法记录仪 in the 全过程记录', async () => {
    at(t, '2021-07-02');
    await step(t, c.users.staff, id, 'investigate');
    const video = await upload(t, c.users.staff, '现场检查执法记录仪.mp4');
    await step(t, c.users.staff, id, 'recordEvidence', { data: { kind: 'video', description: '现场检查全程录像' }, fileIds: [video] });
    const detail = (await call(t, c.users.staff, 'GET', `/api/cases/${id}`)).json();
    const evidence = detail.events.find((e: { action: string }) => e.action === 'recordEvidence');
    expect(evidence.files[0].name).toBe('现场检查执法记录仪.mp4');
  });

  it("offers the benchmark rows of the case's own matter in the 告知 form", async () => {
    const detail = (await call(t, c.users.staff, 'GET', `/api/cases/${id}`)).json();
    const field = detail.actions.find((a: { action: string }) => a.action === 'notify').fields.find((f: { name: string }) => f.name === 'benchmarkId');
    expect(field).toMatchObject({ type: 'select', optionsFrom: 'enforcement/cases/:caseId/benchmark-options' });
    const options = (await call(t, c.users.staff, 'GET', `/api/${field.optionsFrom.replace(':caseId', id)}`)).json();
    expect(options.map((o: { value: string }) => o.value)).toContain(c.benchmarks.general);
    expect(options.map((o: { value: string }) => o.value)).not.toContain(c.benchmarks.plain);
    expect(options.find((o: { value: string }) => o.value === c.benchmarks.general).label).toMatch(/^一般处罚：.*（罚款 .*元至.*元）$/);
    expect((await call(t, c.users.outsider, 'GET', `/api/enforcement/cases/${id}/benchmark-options`)).statusCode).toBe(404);
  });

  it('checks the proposal against the discretion benchmark: a departure needs its reason', async () => {
    at(t, '2021-07-05');
    const notice = await upload(t, c.users.staff, '行政处罚事先告知书.pdf.txt');
    const outside = { penalties: ['fine', 'confiscation'], fine: 30000, benchmarkId: c.benchmarks.general };
    expect((await refused(t, c.users.staff, id, 'notify', { data: outside, fileIds: [notice] })).message).toContain('超出基准「一般处罚」的幅度');
    expect((await refused(t, c.users.staff, id, 'notify', { data: { ...outside, benchmarkId: c.benchmarks.plain }, fileIds: [notice] })).message).toContain('不属于本案的执法事项');
    expect((await refused(t, c.users.staff, id, 'notify', { data: { penalties: ['fine'], benchmarkId: c.benchmarks.general }, fileIds: [notice] })).message).toContain('须填写罚款金额');
    const notified = await step(t, c.users.staff, id, 'notify', { data: { ...outside, departureReason: '同一批次三次抽检不合格，情节严重' }, fileIds: [notice] });
    // 第六十四条: the hearing request within 5 working days of the notice.
    expect(clockOf(notified, 'hearingRequest')?.dueOn).toBe('2021-07-12');
    const row = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}`)).json();
    expect(row.departureReason).toBe('同一批次三次抽检不合格，情节严重');
    // 30,000 yuan for a company is below the county's 100,000 threshold: no review by rule yet.
    expect(row.reviewRequired).toBe(false);
  });

  it('takes a hearing request within 5 working days and notices the hearing at least 7 working days ahead', async () => {
    at(t, '2021-07-13');
    expect((await refused(t, c.users.staff, id, 'requestHearing', { data: { requestedOn: '2021-07-13' } })).message).toContain('2021-07-12 前');
    await step(t, c.users.staff, id, 'requestHearing', { data: { requestedOn: '2021-07-12' } });
    expect((await refused(t, c.users.staff, id, 'scheduleHearing', { data: { hearingOn: '2021-07-21', place: '县市场监管局听证室' } })).message).toContain('最早在 2021-07-22 举行');
    await step(t, c.users.staff, id, 'scheduleHearing', { data: { hearingOn: '2021-07-22', place: '县市场监管局听证室' } });
    at(t, '2021-07-21');
    expect((await refused(t, c.users.staff, id, 'holdHearing', { fileIds: [await upload(t, c.users.staff, '听证笔录.txt')] })).message).toContain('尚未到期');
    at(t, '2021-07-22');
    const held = await step(t, c.users.staff, id, 'holdHearing', { fileIds: [await upload(t, c.users.staff, '听证笔录.txt')] });
    expect(held.state).toBe('legalityReview');
  });

  it('lists the case in the legal office queue and refuses a decision before the review', async () => {
    const queue = (await call(t, c.users.reviewer, 'GET', '/api/legality/queue?caseType=enforcement_penalty')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(queue.items.find((i: { id: string }) => i.id === id).caseTypeLabel).toBe('行政处罚');
    const others = (await call(t, c.users.reviewer, 'GET', '/api/legality/queue?caseType=normative_document')).json();
    expect(others.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const decision = { outcome: 'penalty', penalties: ['fine'], fine: 30000, decisionNo: '岳县市监罚〔2021〕101号' };
    expect((await refused(t, c.users.head, id, 'decide', { data: decision, fileIds: [await upload(t, c.users.head, '决定书.txt')] })).message).toContain('法制审核尚未完成');
  });

  it('refuses a first review by a reviewer without 法律职业资格', async () => {
    at(t, '2021-07-26');
    const opinion = await upload(t, c.users.novice, '法制审核意见书.txt');
    expect((await refused(t, c.users.novice, id, 'giveLegalityOpinion', { data: { ...lawful, reviewer: '孙新' }, fileIds: [opinion] })).message).toContain('法律职业资格');
    const reviewed = await step(t, c.users.reviewer, id, 'giveLegalityOpinion', { data: lawful, fileIds: [await upload(t, c.users.reviewer, '法制审核意见书.txt')] });
    expect(reviewed.state).toBe('readyToDecide');
  });

  it('extends the 90-day period only with the head’s approval and a reason, once', async () => {
    at(t, '2021-09-24');
    expect((await refused(t, c.users.staff, id, 'extendDecision', { data: { days: 30 }, reason: '案情复杂' }, 403)).code).toBe('FORBIDDEN');
    expect((await refused(t, c.users.head, id, 'extendDecision', { data: { days: 30 } }, 400)).message).toContain('理由');
    const extended = await step(t, c.users.head, id, 'extendDecision', { data: { days: 30 }, reason: '需补充检验报告，经负责人批准延长' });
    expect(clockOf(extended, 'decision')?.dueOn).toBe('2021-10-29');
    expect((await refused(t, c.users.head, id, 'extendDecision', { data: { days: 10 }, reason: '再延长' })).message).toContain('已经延长过');
  });

  it('checks the officers again on the decision day: a certificate expired since the filing refuses it', async () => {
    at(t, '2021-10-08');
    const decision = { outcome: 'penalty', penalties: ['fine'], fine: 30000, decisionNo: '岳县市监罚〔2021〕101号' };
    const signed = await upload(t, c.users.head, '行政处罚决定书.txt');
    const message = (await refused(t, c.users.head, id, 'decide', { data: decision, fileIds: [signed] })).message;
    expect(message).toContain('丙执法在 2021-10-08 没有本领域有效的行政执法证');
    const { version } = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}`)).json();
    const changed = await call(t, c.users.staff, 'PUT', `/api/enforcement/cases/${id}/officers`, { version, officerIds: [c.officers.jia, c.officers.yi] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await refused(t, c.users.head, id, 'decide', { data: { ...decision, fine: 40000 }, fileIds: [signed] })).message).toContain('应当重新告知');
    const decided = await step(t, c.users.head, id, 'decide', { data: decision, fileIds: [signed] });
    expect(decided.state).toBe('decided');
    // 送达: 7 working days; 2021-10-09 (Saturday) was a working day.
    expect(clockOf(decided, 'delivery')?.dueOn).toBe('2021-10-18');
  });

  it('opens the publicity with its 7-working-day clock and publishes the masked decision', async () => {
    const list = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications')).json();
    const pub = list.items.find((p: { sourceCaseId: string }) => p.sourceCaseId === id);
    expect(pub.state).toBe('pending');
    expect(pub.dueOn).toBe('2021-10-18');
    expect(pub.partyMasked).toBe('岳阳县某某超市有限公司');
    at(t, '2021-10-12');
    const published = await step(t, c.users.staff, pub.id, 'publish', { data: {} });
    expect(published.state).toBe('published');
    const portal = (await call(t, null, 'GET', '/api/public/enforcement/decisions?year=2021&field=market')).json();
    const shown = portal.items.find((p: { id: string }) => p.id === pub.id);
    expect(shown.decisionNo).toBe('岳县市监罚〔2021〕101号');
    expect(shown.content).not.toContain('91350100M000100Y43');
    expect((await call(t, null, 'GET', `/api/public/enforcement/decisions/${pub.id}`)).statusCode).toBe(200);
  });

  it('delivers, executes, closes and archives with the 卷内目录; verify finds tampering', async () => {
    at(t, '2021-10-13');
    await step(t, c.users.staff, id, 'deliver', { data: { deliveredOn: '2021-10-13', method: 'direct' }, fileIds: [await upload(t, c.users.staff, '送达回证.txt')] });
    expect((await refused(t, c.users.staff, id, 'close')).message).toContain('尚未执行完毕');
    at(t, '2021-10-20');
    await step(t, c.users.staff, id, 'execute', { data: { executedOn: '2021-10-20', note: '罚款已缴入国库' } });
    await step(t, c.users.staff, id, 'close');
    await step(t, c.users.staff, id, 'archive');
    const detail = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}`)).json();
    expect(detail.state).toBe('archived');
    // Video, notice, hearing record, opinion, decision, delivery receipt: every file of the record.
    const names = detail.archiveIndex.files.map((f: { name: string }) => f.name);
    expect(names).toContain('现场检查执法记录仪.mp4');
    expect(names).toContain('法制审核意见书.txt');
    expect(names).toContain('送达回证.txt');
    expect(detail.archiveIndex.sm3).toMatch(/^[0-9a-f]{64}$/);
    const verified = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}/archive/verify`)).json();
    expect(verified).toMatchObject({ intact: true, problems: [] });

    const zip = await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}/archive.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toContain('application/zip');
    expect(zip.rawPayload.includes(Buffer.from('00-卷内目录.txt'))).toBe(true);

    // Someone alters a stored file's bytes, then the index itself.
    const video = detail.archiveIndex.files.find((f: { name: string }) => f.name.endsWith('.mp4'));
    await t.db.execute(sql`update file_blobs set content = ${Buffer.from('altered')} where sm3 = ${video.sm3}`);
    const tampered = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}/archive/verify`)).json();
    expect(tampered.intact).toBe(false);
    expect(tampered.problems.join()).toContain('现场检查执法记录仪.mp4');
    await t.db.update(enforcementCases).set({ archiveIndex: { ...detail.archiveIndex, files: detail.archiveIndex.files.slice(1) } }).where(eq(enforcementCases.caseId, id));
    expect((await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}/archive/verify`)).json().problems.join()).toContain('卷内目录已被改动');
  });
});

describe('法制审核 by rule, simple procedure, 首违不罚, dropping', () => {
  it('requires review for a fine above the county threshold: no decision without it', async () => {
    at(t, '2021-08-02');
    const { id } = await file(t, c, caseBody(c, '2021-08-02', { partyType: 'person', partyName: '张三丰', title: '张三丰经营过期食品案' }));
    await step(t, c.users.staff, id, 'investigate');
    await step(t, c.users.staff, id, 'notify', { data: { penalties: ['fine'], fine: 15000, benchmarkId: c.benchmarks.general }, fileIds: [await upload(t, c.users.staff, '告知书.txt')] });
    const row = (await call(t, c.users.staff, 'GET', `/api/enforcement/cases/${id}`)).json();
    expect(row).toMatchObject({ reviewRequired: true, reviewTriggers: ['required'] });
    at(t, '2021-08-03');
    expect((await refused(t, c.users.staff, id, 'concludeStatement', { data: {} })).message).toContain('2021-08-09 前');
    expect((await refused(t, c.users.staff, id, 'concludeStatement', { data: { waived: true } })).message).toContain('须经法制审核');
    await step(t, c.users.staff, id, 'submitForReview', { data: { waived: true } });
    // The reviewer has now signed before: no longer a first review for 王芳; the head cannot skip it.
    expect((await refused(t, c.users.head, id, 'decide', { data: { outcome: 'penalty', penalties: ['fine'], fine: 15000, decisionNo: '岳县市监罚〔2021〕120号' }, fileIds: [await upload(t, c.users.head, '决定书.txt')] })).message).toContain('法制审核');
    const publicPage = (await call(t, null, 'GET', '/api/public/enforcement/decisions?year=2021')).json();
    expect(publicPage.items.every((p: { partyMasked: string }) => p.partyMasked !== '张三丰')).toBe(true);
  });

  it('takes a 简易程序 case on the spot within the 200-yuan limit for a person, and masks the person on the portal', async () => {
    at(t, '2021-09-18');
    const { id } = await file(t, c, caseBody(c, '2021-09-18', { matterId: c.matters.plain, procedure: 'simple', partyType: 'person', partyName: '李四', title: '李四未公示营业执照案' }));
    const ticket = await upload(t, c.users.staff, '当场处罚决定书.txt');
    expect((await refused(t, c.users.staff, id, 'decideOnSpot', { data: { penalties: ['fine'], fine: 300, decisionNo: '岳县市监简〔2021〕8号' }, fileIds: [ticket] })).message).toContain('不得超过 200 元');
    const done = await step(t, c.users.staff, id, 'decideOnSpot', { data: { penalties: ['warning', 'fine'], fine: 200, decisionNo: '岳县市监简〔2021〕8号' }, fileIds: [ticket] });
    expect(done.state).toBe('delivered');
    const pubs = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications?state=pending')).json();
    const pub = pubs.items.find((p: { decisionNo: string }) => p.decisionNo === '岳县市监简〔2021〕8号');
    expect(pub.partyMasked).toBe('李某');
    // The name in the case's title is masked in the publication's too.
    expect(pub.title).toBe('李某未公示营业执照案');
    // 7 working days from Saturday 2021-09-18 (itself worked): 中秋 09-19..21 off, then 09-22, 23, 24,
    // 26 (Sunday, worked), 27, 28, 29.
    expect(pub.dueOn).toBe('2021-09-29');
  });

  it('flags a first violation of a matter on the 首违不罚 list, in the case and the list filter', async () => {
    at(t, '2021-09-01');
    const flagged = await file(t, c, caseBody(c, '2021-09-01', { firstViolation: true, title: '首违案件' }));
    const unlisted = await file(t, c, caseBody(c, '2021-09-01', { firstViolation: true, matterId: c.matters.plain, title: '清单外首违案件' }));
    expect(flagged).toMatchObject({ leniencyFlag: true, leniencyConditions: '首次违法、危害后果轻微并及时改正' });
    expect(unlisted.leniencyFlag).toBe(false);
    const list = (await call(t, c.users.staff, 'GET', '/api/enforcement/cases?firstViolation=true')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([flagged.id]);
    const exported = await call(t, c.users.staff, 'GET', '/api/enforcement/cases/export.xlsx?firstViolation=true');
    expect(exported.statusCode).toBe(200);

    expect((await refused(t, c.users.staff, unlisted.id, 'drop', { reason: '违法事实不成立' }, 403)).code).toBe('FORBIDDEN');
    const dropped = await step(t, c.users.head, unlisted.id, 'drop', { reason: '经核查违法事实不成立，撤销立案' });
    expect(dropped.state).toBe('dropped');
  });
});

describe('执法公示 deadlines across 国庆 2021', () => {
  it('gives a licence 7 and another decision 20 working days from the decision day', async () => {
    at(t, '2021-09-28');
    const enter = (kind: string) =>
      call(t, c.users.staff, 'POST', '/api/enforcement/publications', { kind, title: `${kind} 决定`, decidedOn: '2021-09-28', partyType: 'company', partyName: '岳阳县某公司', content: '准予食品经营许可。' });
    const licence = (await enter('licence')).json().id;
    const other = (await enter('other')).json().id;
    const list = (await call(t, c.users.staff, 'GET', '/api/enforcement/publications?year=2021&state=pending')).json();
    const dueOf = (id: string) => list.items.find((p: { id: string }) => p.id === id).dueOn;
    // 09-29, 09-30, (10-01..07 国庆), 10-08, 10-09 (Saturday worked), 10-11, 10-12, 10-13.
    expect(dueOf(licence)).toBe('2021-10-13');
    expect(dueOf(other)).toBe('2021-11-01');
    const withId = await call(t, c.users.staff, 'POST', '/api/enforcement/publications', { kind: 'other', title: '含身份证号', decidedOn: '2021-09-28', partyType: 'person', partyName: '王五', content: '当事人王五（430621198503124517）' });
    expect(withId.statusCode).toBe(400);
    // Overdue and unpublished: in the 待办 list with its red mark.
    at(t, '2021-10-14');
    const todo = (await call(t, c.users.staff, 'GET', '/api/todo?pageSize=100')).json();
    const item = todo.items.find((i: { id: string }) => i.id === licence);
    expect(item?.mark).toBe('overdue');
  });
});
