import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { publicComments } from '../../kernel/consultation/consultation.tables.ts';
import { zipEntry, zipEntryNames } from '../../kernel/files/zip-entries.ts';
import { governmentMeetings, meetingItems } from '../meetings/meetings.tables.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, createDraft, draftBody, lawful, meeting, ok, prepareCounty, setPrefixes, step, upload, type County } from './normative.test-helpers.ts';

interface Detail {
  id: string;
  state: string;
  caseVersion: number;
  version: number;
  docNo: string | null;
  status: string | null;
  filingDueOn: string | null;
  validUntil: string | null;
  filingMark: string | null;
  filingLate: boolean;
  consultation: { pending: number; open: boolean; closesOn: string } | null;
  statusHistory: { status: string; changedOn: string; byDocumentNo: string | null; byText: string | null }[];
}

describe('规范性文件: the procedure and its gates', () => {
  let t: TestApp;
  let c: County;
  let opinionFile: string;
  const detail = async (id: string): Promise<Detail> => {
    const res = await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const clock = async (id: string, name: string) => {
    const res = await call(t, c.users.coordinator, 'GET', `/api/cases/${id}`);
    return (res.json().clocks as { name: string; dueOn: string; status: string }[]).find((k) => k.name === name);
  };
  const refused = async (id: string, action: string, message: string, data?: unknown, files: string[] = []) => {
    const res = await step(t, c.users.coordinator, id, action, data, files);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().message).toBe(message);
  };

  beforeAll(async () => {
    t = await createTestApp();
    c = await prepareCounty(t);
    at(t, '2021-09-01');
    await setPrefixes(t, c);
    opinionFile = await upload(t, c.users.reviewer, '合法性审核意见书.txt');
  });
  afterAll(() => t.close());

  it('refuses every step out of order, naming the missing gate, and then goes through in order on the 2021 calendar', async () => {
    at(t, '2021-09-01');
    const { id } = await createDraft(t, c.users.drafter, draftBody(c.orgs.county));
    // Drafting: every later step names the review as missing.
    await refused(id, 'recordDiscussion', '尚未完成合法性审查，不能提交集体讨论', meeting('2021-09-01'));
    await refused(id, 'allocateNumber', '尚未完成合法性审查，不能统一登记编号');
    await refused(id, 'publish', '尚未完成合法性审查，不能公布', { publishedOn: '2021-09-01', effectiveOn: '2021-09-01' });
    await refused(id, 'file', '尚未完成合法性审查，不能报送备案', { filedWithGovernmentOn: '2021-09-01', filedWithCongressOn: '2021-09-01' });
    const early = await step(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('案件当前为「起草中」，不能出具合法性审查意见');

    // 2021-09-22 (Wednesday): 15 working days over 中秋 and 国庆 with the 9-26 and 10-9 make-up days → 10-18.
    at(t, '2021-09-22');
    await ok(t, c.users.drafter, id, 'submitForReview');
    expect(await clock(id, 'legalityReview')).toMatchObject({ dueOn: '2021-10-18', status: 'running' });
    await refused(id, 'recordDiscussion', '尚未完成合法性审查，不能提交集体讨论', meeting('2021-09-22'));
    // The opinion needs the signed 审核意见书.
    const unsigned = await step(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, []);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().message).toBe('出具合法性审查意见须上传至少 1 个附件');

    at(t, '2021-10-12');
    await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
    await refused(id, 'allocateNumber', '尚未经集体讨论通过，不能统一登记编号');
    await refused(id, 'publish', '尚未经集体讨论通过，不能公布', { publishedOn: '2021-10-12', effectiveOn: '2021-10-12' });
    // A future meeting date is refused; the meeting is recorded on the issuer's 常务会议.
    await refused(id, 'recordDiscussion', '会议日期不能晚于今天', meeting('2021-10-13'));
    await ok(t, c.users.coordinator, id, 'recordDiscussion', meeting('2021-10-12', 7));
    const [item] = await t.db.select().from(meetingItems).innerJoin(governmentMeetings, eq(governmentMeetings.id, meetingItems.meetingId)).where(eq(meetingItems.caseId, id));
    expect(item).toMatchObject({ meeting_items: { lawRelated: true, outcome: 'adopted' }, government_meetings: { orgId: c.orgs.county, kind: 'executive', seq: 7, year: 2021 } });

    await refused(id, 'publish', '尚未统一登记编号，不能公布', { publishedOn: '2021-10-12', effectiveOn: '2021-10-12' });
    await refused(id, 'file', '尚未统一登记编号，不能报送备案', { filedWithGovernmentOn: '2021-10-12', filedWithCongressOn: '2021-10-12' });
    await ok(t, c.users.coordinator, id, 'allocateNumber');
    expect((await detail(id)).docNo).toBe('岳县政规〔2021〕1号');
    await refused(id, 'file', '尚未公布，不能报送备案', { filedWithGovernmentOn: '2021-10-12', filedWithCongressOn: '2021-10-12' });

    // 15 calendar days from publication (10-12) end on 10-27; validity 5 years from 11-01.
    at(t, '2021-10-12');
    await refused(id, 'publish', '施行日期不能早于公布日期', { publishedOn: '2021-10-12', effectiveOn: '2021-10-11' });
    await ok(t, c.users.coordinator, id, 'publish', { publishedOn: '2021-10-12', effectiveOn: '2021-11-01' });
    const published = await detail(id);
    expect(published).toMatchObject({ state: 'published', status: 'valid', filingDueOn: '2021-10-27', validUntil: '2026-10-31' });

    at(t, '2021-10-28');
    expect((await detail(id)).filingMark).toBe('overdue');
    await refused(id, 'file', '报县人大常委会备案日期不能早于公布日期（2021-10-12）', { filedWithGovernmentOn: '2021-10-20', filedWithCongressOn: '2021-10-11' });
    await ok(t, c.users.coordinator, id, 'file', { filedWithGovernmentOn: '2021-10-20', filedWithCongressOn: '2021-10-28' });
    const filed = await detail(id);
    expect(filed).toMatchObject({ state: 'inForce', filingLate: true, filingMark: null });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'case.file')));
    expect(audits).toHaveLength(1);
  });

  it('counts the 备案 period in calendar days, rolling a last day in 国庆 to the next working day', async () => {
    at(t, '2021-09-01');
    const { id } = await createDraft(t, c.users.drafter, draftBody(c.orgs.office, { title: '岳阳县村组小型基础设施建设管理办法' }));
    at(t, '2021-09-06');
    await ok(t, c.users.drafter, id, 'submitForReview');
    await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
    await ok(t, c.users.coordinator, id, 'recordDiscussion', meeting('2021-09-06', 3, 'office'));
    await ok(t, c.users.coordinator, id, 'allocateNumber');
    expect((await detail(id)).docNo).toBe('岳县政办规〔2021〕1号');
    at(t, '2021-09-20');
    await ok(t, c.users.coordinator, id, 'publish', { publishedOn: '2021-09-20', effectiveOn: '2021-09-20', validityYears: 2 });
    // 2021-09-20 + 15 days = 10-05, a 国庆 holiday; the first day after the holiday is 10-08.
    expect(await clock(id, 'filing')).toMatchObject({ dueOn: '2021-10-08', status: 'running' });
    expect((await detail(id)).validUntil).toBe('2023-09-19');
  });

  it('returns an unlawful draft to drafting, and a comment round holds the review until its period ends and every comment is moderated', async () => {
    at(t, '2021-03-01');
    const { id } = await createDraft(t, c.users.drafter, draftBody(c.orgs.dept, { title: '岳阳县国有建设用地使用权出让收入征收管理办法' }));
    const short = await step(t, c.users.drafter, id, 'openComment', { days: 10 });
    expect(short.statusCode).toBe(409);
    expect(short.json().message).toBe('征求意见期限少于 30 日的，须说明理由');
    await ok(t, c.users.drafter, id, 'openComment', {});
    expect((await detail(id)).consultation).toMatchObject({ closesOn: '2021-03-31', open: true });
    await refused(id, 'submitForReview', '公开征求意见期至 2021-03-31 届满，尚未结束，不能提交合法性审查');
    const consultationId = ((await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${id}`)).json() as { consultation: { id: string } }).consultation.id;
    await t.db.insert(publicComments).values([
      { regionCode: '430621', consultationId, authorName: '李某', content: '建议明确出让收入返还比例。', submittedAt: new Date('2021-03-10T02:00:00Z') },
      { regionCode: '430621', consultationId, authorName: '张某', content: '同意。', submittedAt: new Date('2021-03-11T02:00:00Z') },
    ]);
    at(t, '2021-04-01');
    await refused(id, 'submitForReview', '尚有 2 条公众意见未审核，全部审核后才能提交合法性审查');
    await t.db.update(publicComments).set({ moderation: 'approved' }).where(eq(publicComments.consultationId, consultationId));
    await ok(t, c.users.drafter, id, 'submitForReview');
    await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', { ...lawful, conclusion: 'unlawful', opinion: '设定了行政处罚，超越权限。' }, [opinionFile]);
    const back = await detail(id);
    expect(back.state).toBe('drafting');
    await refused(id, 'recordDiscussion', '尚未完成合法性审查，不能提交集体讨论', meeting('2021-04-01'));
    // Back in drafting the draft can be edited and submitted again.
    const edited = await call(t, c.users.drafter, 'PUT', `/api/normative/documents/${id}`, { version: back.version, body: '第一条 删去罚款规定后的文本。' });
    expect(edited.statusCode, edited.body).toBe(200);
    await ok(t, c.users.drafter, id, 'submitForReview');
    const locked = await call(t, c.users.drafter, 'PUT', `/api/normative/documents/${id}`, { version: edited.json().version, body: '审查中修改' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toBe('文件已进入审查或审议程序，不能修改草案；如需修改，请退回起草');
  });

  it('refuses a draft without its drafting explanation or basis, and numbering for an issuer without a prefix', async () => {
    at(t, '2021-05-06');
    const { id } = await createDraft(t, c.users.coordinator, { title: '岳阳县教育收费管理办法', issuerOrgId: c.orgs.other, body: '第一条', draftingOrgId: c.orgs.other });
    await refused(id, 'submitForReview', '缺少起草说明、制定依据，不能提交合法性审查');
    const d = await detail(id);
    await call(t, c.users.coordinator, 'PUT', `/api/normative/documents/${id}`, { version: d.version, draftingExplanation: '说明', basis: '《教育法》' });
    await ok(t, c.users.coordinator, id, 'submitForReview');
    await ok(t, c.users.reviewer, id, 'giveLegalityOpinion', lawful, [opinionFile]);
    await ok(t, c.users.coordinator, id, 'recordDiscussion', meeting('2021-05-06', 2, 'office'));
    await refused(id, 'allocateNumber', '未设置制定机关「岳阳县教育局」的文号前缀，请先在规范性文件设置中填写');
  });

  it('builds the 备案 report (.docx) and the package (.zip) with the signed opinion', async () => {
    const list = (await call(t, c.users.coordinator, 'GET', '/api/normative/documents?state=inForce')).json() as { items: { id: string }[] };
    const id = list.items[0]!.id;
    const report = await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${id}/filing-report.docx`);
    expect(report.statusCode).toBe(200);
    const xml = zipEntry(report.rawPayload, 'word/document.xml', 10_000_000)!.toString('utf8');
    expect(xml).toContain('岳县政规〔2021〕1号');
    expect(xml).toContain('报送备案');
    const pkg = await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${id}/filing-package.zip`);
    expect(pkg.statusCode).toBe(200);
    const names = zipEntryNames(pkg.rawPayload)!;
    expect(names).toEqual(expect.arrayContaining(['1-备案报告.docx', '2-规范性文件正式文本.docx', '3-起草说明.docx', '4-制定依据.docx', '5-合法性审核意见.docx']));
    expect(names.some((n) => n.startsWith('6-合法性审核意见书（签署件）'))).toBe(true);
    const text = zipEntry(zipEntry(pkg.rawPayload, '2-规范性文件正式文本.docx', 10_000_000)!, 'word/document.xml', 10_000_000)!.toString('utf8');
    expect(text).toContain('（岳县政规〔2021〕1号）');
    const drafting = (await call(t, c.users.coordinator, 'GET', '/api/normative/documents?state=adopted')).json().items[0].id;
    const early = await call(t, c.users.coordinator, 'GET', `/api/normative/documents/${drafting}/filing-package.zip`);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('文件尚未统一编号并公布，不能生成备案材料');
  });
});
