import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { approvedComments, commentCounts } from '../../kernel/consultation/consultation.ts';
import { publicComments } from '../../kernel/consultation/consultation.tables.ts';
import { readXlsx } from '../../kernel/excel/excel.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { comment, commented, on, open, setUpCounty, type County } from './consultation.test-helpers.ts';

describe('公众参与: comment rounds on the portal, moderation and adoption in the console', () => {
  let t: TestApp;
  let c: County;

  beforeAll(async () => {
    t = await createTestApp();
    on(t, '2026-03-10');
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const send = (method: 'POST' | 'PUT', url: string, who: { headers: Record<string, string> }, payload: unknown) => t.app.inject({ method, url, headers: who.headers, payload: payload as object });
  const detail = async (id: string, who = c.coordinator) => (await get(`/api/consultations/${id}`, who.headers)).json();
  const commentsOf = (id: string) => t.db.select().from(publicComments).where(eq(publicComments.consultationId, id));

  it('lists the open rounds and those closed within a year on the portal, never one not yet open', async () => {
    on(t, '2026-03-10');
    const current = await open(t, { orgId: c.orgs.market, title: '农贸市场管理办法（征求意见稿）', closesOn: '2026-03-20' });
    const later = await open(t, { orgId: c.orgs.police, title: '烟花爆竹燃放管理规定（征求意见稿）', opensOn: '2026-03-01', closesOn: '2026-04-30' });
    const upcoming = await open(t, { orgId: c.orgs.market, title: '尚未开始的征求意见', opensOn: '2026-03-11', closesOn: '2026-04-11' });
    const ended = await open(t, { orgId: c.orgs.police, title: '去年结束的征求意见', opensOn: '2025-06-01', closesOn: '2025-07-01' });
    const old = await open(t, { orgId: c.orgs.police, title: '两年前的征求意见', opensOn: '2024-01-02', closesOn: '2024-02-01' });
    await open(t, { orgId: c.orgs.elsewhere, regionCode: '430682', title: '临湘市的征求意见' });

    const all = (await get('/api/public/consultations?regionCode=430621&pageSize=50')).json();
    const ids = all.items.map((i: { id: string }) => i.id);
    // Open first, the soonest to close first; then the closed, latest first.
    expect(ids.filter((id: string) => [current.id, later.id, ended.id].includes(id))).toEqual([current.id, later.id, ended.id]);
    expect(ids).not.toContain(upcoming.id);
    expect(ids).not.toContain(old.id);
    expect(all.items.find((i: { id: string }) => i.id === current.id)).toMatchObject({ status: 'open', statusLabel: '征求意见中', orgName: '岳阳县市场监督管理局', approvedCount: 0 });
    expect(all.items.map((i: { title: string }) => i.title)).not.toContain('临湘市的征求意见');
    const closed = (await get('/api/public/consultations?regionCode=430621&status=closed')).json();
    expect(closed.items.map((i: { id: string }) => i.id)).toEqual([ended.id]);
    expect((await get(`/api/public/consultations/${upcoming.id}`)).statusCode).toBe(404);
    expect((await get('/api/public/consultations?regionCode=43')).statusCode).toBe(400);
  });

  it('shows the draft, explanation, attachments, period and shortening reason; serves only its own files', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market, fileIds: [c.files.draft], closesOn: '2026-03-16', shortenedReason: '涉及春季食品安全专项整治，时间紧急' });
    const res = await get(`/api/public/consultations/${round.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '岳阳县农贸市场管理办法（征求意见稿）',
      explanation: '为规范农贸市场经营秩序，起草了本办法。',
      draftText: '第一条 为了规范农贸市场管理，制定本办法。',
      opensOn: '2026-03-02',
      closesOn: '2026-03-16',
      shortenedReason: '涉及春季食品安全专项整治，时间紧急',
      files: [{ id: c.files.draft, name: '征求意见稿.pdf', mime: 'application/pdf' }],
      comments: [],
    });
    const file = await get(`/api/public/consultations/${round.id}/files/${c.files.draft}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`/api/public/consultations/${round.id}/files/${c.files.unrelated}`)).statusCode).toBe(404);
    // The kernel's own route still wants a session for the same file.
    expect((await get(`/api/files/${c.files.draft}/content`)).statusCode).toBe(401);
  });

  it('takes a comment pending moderation, sealing the contact; the portal shows approved comments only', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    const res = await comment(t, round.id, { authorName: '王芳', contact: '13907301234', content: '建议增设早市时段。' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ message: '您的意见已提交，经审核后公开' });
    const [row] = await commentsOf(round.id);
    expect(row).toMatchObject({ authorName: '王芳', moderation: 'pending', contactMask: '139****1234', content: '建议增设早市时段。' });
    expect(row!.contactCipher).toMatch(/^v1:/);
    expect(row!.contactCipher).not.toContain('13907301234');
    expect(row!.clientKey).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.clientKey).not.toContain('198.51');
    await commented(t, round.id, { authorName: '赵强', contact: 'zhao@example.com', content: '同意。' });
    expect((await commentsOf(round.id)).find((r) => r.authorName === '赵强')!.contactMask).toBe('z***@example.com');

    expect((await get(`/api/public/consultations/${round.id}`)).json().comments).toEqual([]);
    const approve = await send('POST', `/api/consultations/comments/${row!.id}/moderate`, c.marketClerk, { decision: 'approve', version: 1 });
    expect(approve.statusCode, approve.body).toBe(204);
    const shown = (await get(`/api/public/consultations/${round.id}`)).json();
    expect(shown.comments).toEqual([{ id: row!.id, authorName: '王芳', content: '建议增设早市时段。', submittedAt: expect.any(String) }]);
    expect(JSON.stringify(shown)).not.toContain('139');
    expect(shown.approvedCount).toBe(1);
    expect(await commentCounts(t.db, 'test_draft', round.entityId)).toEqual({ pending: 1, approved: 1, rejected: 0 });
  });

  it('refuses what the form refuses: an overlong comment, a bad contact, no name', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    expect((await comment(t, round.id, { content: '意'.repeat(2000) })).statusCode).toBe(201);
    const long = await comment(t, round.id, { content: '意'.repeat(2001) });
    expect([long.statusCode, long.json().message]).toEqual([400, expect.stringContaining('意见内容')]);
    const contact = await comment(t, round.id, { contact: '12345' });
    expect([contact.statusCode, contact.json().message]).toEqual([400, expect.stringContaining('请填写手机号码、固定电话或电子邮箱')]);
    expect((await comment(t, round.id, { authorName: '  ' })).statusCode).toBe(400);
    expect((await comment(t, crypto.randomUUID())).statusCode).toBe(404);
  });

  it('refuses comments before the period, after it and after an early close, with CONSULTATION_CLOSED', async () => {
    const round = await open(t, { orgId: c.orgs.market, opensOn: '2026-05-01', closesOn: '2026-05-31' });
    on(t, '2026-04-30');
    expect((await comment(t, round.id)).statusCode).toBe(404);
    on(t, '2026-05-01');
    await commented(t, round.id);
    on(t, '2026-05-31');
    await commented(t, round.id);
    on(t, '2026-06-01');
    const late = await comment(t, round.id);
    expect([late.statusCode, late.json()]).toEqual([409, expect.objectContaining({ code: 'CONSULTATION_CLOSED', message: '征求意见已于 2026-05-31 截止，不再接收意见' })]);
    expect(await commentsOf(round.id)).toHaveLength(2);
  });

  it('limits a sender to five comments in ten minutes; others are not held back', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    for (let i = 0; i < 5; i++) await commented(t, round.id, {}, '203.0.113.9');
    const sixth = await comment(t, round.id, {}, '203.0.113.9');
    expect([sixth.statusCode, sixth.json().code]).toEqual([429, 'RATE_LIMITED']);
    await commented(t, round.id, {}, '203.0.113.10');
    t.clock.advanceMinutes(11);
    await commented(t, round.id, {}, '203.0.113.9');
    expect(await commentsOf(round.id)).toHaveLength(7);
  });

  it('queues pending comments for the moderators of the drafting organisation only', async () => {
    on(t, '2026-03-10');
    const market = await open(t, { orgId: c.orgs.market, title: '市场监管局的草案' });
    const police = await open(t, { orgId: c.orgs.police, title: '公安局的草案' });
    await commented(t, market.id, { content: '市场意见' });
    await commented(t, police.id, { content: '公安意见' });
    const queue = async (who: County['marketClerk']) =>
      (await get('/api/consultations/comments?pageSize=200', who.headers)).json().items.map((i: { content: string }) => i.content) as string[];
    const marketQueue = await queue(c.marketClerk);
    expect(marketQueue).toContain('市场意见');
    expect(marketQueue).not.toContain('公安意见');
    expect(await queue(c.policeClerk)).toContain('公安意见');
    expect(await queue(c.coordinator)).toEqual(expect.arrayContaining(['市场意见', '公安意见']));
    expect(await queue(c.elsewhereClerk)).toEqual([]);
    expect((await get('/api/consultations/comments', c.outsider.headers)).statusCode).toBe(403);
    expect((await get(`/api/consultations/${police.id}`, c.marketClerk.headers)).statusCode).toBe(404);
    const list = (await get('/api/consultations?pendingOnly=true&pageSize=200', c.marketClerk.headers)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(market.id);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(police.id);
    expect(list.items.find((i: { id: string }) => i.id === market.id).counts).toEqual({ pending: 1, approved: 0, rejected: 0 });
    // Another organisation's clerk cannot moderate it, whatever the version.
    const [policeComment] = await commentsOf(police.id);
    expect((await send('POST', `/api/consultations/comments/${policeComment!.id}/moderate`, c.marketClerk, { decision: 'approve', version: 1 })).statusCode).toBe(404);
  });

  it('approves and rejects with a reason, once, on the current version, audited', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    await commented(t, round.id, { content: '广告内容' });
    const [row] = await commentsOf(round.id);
    const url = `/api/consultations/comments/${row!.id}/moderate`;
    const noReason = await send('POST', url, c.marketClerk, { decision: 'reject', version: 1 });
    expect([noReason.statusCode, noReason.json().message]).toEqual([400, expect.stringContaining('不通过的，须填写不予公开的理由')]);
    expect((await send('POST', url, c.marketClerk, { decision: 'reject', rejectReason: '与征求意见稿无关的广告', version: 2 })).statusCode).toBe(409);
    expect((await send('POST', url, c.marketClerk, { decision: 'reject', rejectReason: '与征求意见稿无关的广告', version: 1 })).statusCode).toBe(204);
    const again = await send('POST', url, c.marketClerk, { decision: 'approve', version: 2 });
    expect([again.statusCode, again.json().message]).toEqual([409, '该意见已审核，不能重复审核']);
    const view = (await detail(round.id, c.marketClerk)).comments[0];
    expect(view).toMatchObject({ moderation: 'rejected', moderationLabel: '未通过', rejectReason: '与征求意见稿无关的广告', moderatedByName: '测试用户', version: 2 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.comment.reject'), eq(auditLog.entityId, row!.id)));
    expect(audit).toMatchObject({ orgId: c.orgs.market, after: { moderation: 'rejected', rejectReason: '与征求意见稿无关的广告' } });
    expect((await get(`/api/public/consultations/${round.id}`)).json().comments).toEqual([]);
    expect(await approvedComments(t.db, 'test_draft', round.entityId)).toEqual([]);
  });

  it('approves in bulk: all of them, or none when one changed meanwhile', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    for (const content of ['一', '二', '三']) await commented(t, round.id, { content });
    const rows = (await detail(round.id)).comments as { id: string; version: number; content: string }[];
    const [first, second, third] = rows;
    await send('POST', `/api/consultations/comments/${third!.id}/moderate`, c.marketClerk, { decision: 'approve', version: 1 });
    const stale = await send('POST', '/api/consultations/comments/approve', c.marketClerk, { items: rows.map((r) => ({ id: r.id, version: r.version })) });
    expect(stale.statusCode).toBe(409);
    expect((await commentCounts(t.db, 'test_draft', round.entityId)).pending).toBe(2);
    const ok = await send('POST', '/api/consultations/comments/approve', c.marketClerk, { items: [first, second].map((r) => ({ id: r!.id, version: r!.version })) });
    expect([ok.statusCode, ok.json()]).toEqual([200, { approved: 2 }]);
    expect(await commentCounts(t.db, 'test_draft', round.entityId)).toEqual({ pending: 0, approved: 3, rejected: 0 });
    expect((await get(`/api/public/consultations/${round.id}`)).json().comments.map((x: { content: string }) => x.content)).toEqual(['一', '二', '三']);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.comment.approve'));
    expect(audits.filter((a) => [first!.id, second!.id].includes(a.entityId!))).toHaveLength(2);
  });

  it('marks adoption of approved comments for the adoption statement', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    await commented(t, round.id, { content: '建议延长营业时间。' });
    await commented(t, round.id, { content: '待审核的意见' });
    const [approved, pending] = (await detail(round.id)).comments as { id: string }[];
    await send('POST', `/api/consultations/comments/${approved!.id}/moderate`, c.marketClerk, { decision: 'approve', version: 1 });
    const url = `/api/consultations/comments/${approved!.id}/adoption`;
    expect((await send('PUT', url, c.marketClerk, { adoption: 'partly', version: 2 })).json().message).toContain('部分采纳或未采纳的，须说明理由');
    expect((await send('PUT', url, c.marketClerk, { adoption: 'partly', adoptionNote: '营业时间延长至晚八时', version: 2 })).statusCode).toBe(204);
    expect((await send('PUT', url, c.marketClerk, { adoption: 'adopted', version: 2 })).statusCode).toBe(409);
    const refused = await send('PUT', `/api/consultations/comments/${pending!.id}/adoption`, c.marketClerk, { adoption: 'adopted', version: 1 });
    expect([refused.statusCode, refused.json().message]).toEqual([409, '只有审核公开的意见才标注采纳情况']);
    expect(await approvedComments(t.db, 'test_draft', round.entityId)).toEqual([
      { id: approved!.id, authorName: '李明', content: '建议延长营业时间。', adoption: 'partly', adoptionNote: '营业时间延长至晚八时' },
    ]);
    expect((await detail(round.id)).comments[0]).toMatchObject({ adoptionLabel: '部分采纳', version: 3 });
  });

  it('masks contacts; gives them in clear with consultation.personal only, auditing each reading', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    await commented(t, round.id, { contact: '13907301234' });
    const clerkView = await detail(round.id, c.marketClerk);
    expect(clerkView.canSeeContact).toBe(false);
    expect(clerkView.comments[0]).toMatchObject({ contactMask: '139****1234', hasContact: true });
    expect(JSON.stringify(clerkView)).not.toContain('13907301234');
    const id = clerkView.comments[0].id;
    expect((await get(`/api/consultations/comments/${id}/contact`, c.marketClerk.headers)).statusCode).toBe(403);
    const clear = await get(`/api/consultations/comments/${id}/contact`, c.coordinator.headers);
    expect(clear.json()).toEqual({ contact: '13907301234' });
    const reads = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.contact_read'), eq(auditLog.entityId, id)));
    expect(reads).toHaveLength(1);
  });

  it('closes a round early with a reason the portal shows; no comment is taken after', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    const url = `/api/consultations/${round.id}/close`;
    expect((await send('POST', url, c.marketClerk, { reason: '', version: 1 })).statusCode).toBe(400);
    expect((await send('POST', url, c.policeClerk, { reason: '草案撤回', version: 1 })).statusCode).toBe(404);
    expect((await send('POST', url, c.marketClerk, { reason: '上位法修订，草案撤回重拟', version: 2 })).statusCode).toBe(409);
    expect((await send('POST', url, c.marketClerk, { reason: '上位法修订，草案撤回重拟', version: 1 })).statusCode).toBe(204);
    const shown = (await get(`/api/public/consultations/${round.id}`)).json();
    expect(shown).toMatchObject({ status: 'closed', statusLabel: '已结束', closedReason: '上位法修订，草案撤回重拟', closedAt: expect.any(String) });
    const refused = await comment(t, round.id);
    expect([refused.statusCode, refused.json()]).toEqual([409, expect.objectContaining({ code: 'CONSULTATION_CLOSED', message: '本次征求意见已提前结束，不再接收意见' })]);
    expect((await send('POST', url, c.marketClerk, { reason: '再次结束', version: 2 })).json().code).toBe('CONSULTATION_CLOSED');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.close'), eq(auditLog.entityId, round.id)));
    expect(audit!.after).toMatchObject({ closedReason: '上位法修订，草案撤回重拟' });
  });

  it('exports the comments of a round to Excel with masked contacts', async () => {
    on(t, '2026-03-10');
    const round = await open(t, { orgId: c.orgs.market });
    await commented(t, round.id, { authorName: '周敏', contact: '13907301234', content: '建议公示摊位分配结果。' });
    const res = await get(`/api/consultations/${round.id}/comments/export.xlsx`, c.marketClerk.headers);
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload, ['姓名', '联系方式', '意见内容', '审核']);
    expect(rows.map((r) => r.cells)).toEqual([expect.objectContaining({ 姓名: '周敏', 联系方式: '139****1234', 意见内容: '建议公示摊位分配结果。', 审核: '待审核' })]);
    expect((await get(`/api/consultations/${round.id}/comments/export.xlsx`, c.policeClerk.headers)).statusCode).toBe(404);
  });
});
