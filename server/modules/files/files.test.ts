import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import * as build from '../../kernel/files/files.test-helpers.ts';
import { fileBlobs } from '../../kernel/files/files.tables.ts';
import { actorWith, createOrg, createRole, createUser, ensureRegion, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('files over HTTP', () => {
  let t: TestApp;
  let clerk: SignedIn;
  let colleague: SignedIn;
  let archivist: SignedIn;
  let otherCounty: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    const bureau = await createOrg(t.db, { name: '岳阳县司法局' });
    clerk = await actorWith(t, {}, { orgId: bureau.id });
    colleague = await actorWith(t, { 'org.read': 'region' }, { orgId: bureau.id });
    archivist = await actorWith(t, { 'files.read': 'region' }, { orgId: bureau.id });
    await ensureRegion(t.db, '430602', '岳阳楼区');
    const district = await createOrg(t.db, { name: '岳阳楼区司法局', regionCode: '430602' });
    const reader = await createRole(t.db, { permissions: { 'files.read': 'region' } });
    otherCounty = await signIn(t, (await createUser(t.db, { orgId: district.id, regionCode: '430602', roleIds: [reader.id] })).id);
  });
  afterAll(() => t.close());

  const upload = (who: SignedIn | null, name: string, content: Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: content,
      headers: { ...who?.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...headers },
    });
  const uploaded = async (name: string, content: Buffer, who = clerk) => {
    const res = await upload(who, name, content);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = (who: SignedIn | null, url: string) => t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const uniquePdf = () => Buffer.concat([build.pdf(), Buffer.from(`%${crypto.randomUUID()}\n`)]);

  it('uploads a file as the raw body, detects its type and audits the upload', async () => {
    const content = build.docx();
    const res = await upload(clerk, '行政复议申请书（张三）.docx', content);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toEqual({
      id: expect.any(String),
      name: '行政复议申请书（张三）.docx',
      size: content.length,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sm3: sm3(content),
      regionCode: '430621',
      uploadedAt: t.clock.now().toISOString(),
      uploadedBy: clerk.userId,
    });
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, file.id)));
    expect(row).toMatchObject({ action: 'file.upload', actorId: clerk.userId, chain: '430621', detail: { name: file.name, size: content.length, mime: file.mime, sm3: file.sm3 } });
  });

  it('refuses a renamed executable with 415, saying what it really is, and audits nothing', async () => {
    const res = await upload(clerk, '处罚决定书.pdf', build.exe());
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/^文件内容是Windows 可执行程序（EXE\/DLL），不能作为附件上传。可上传：PDF/) });
    const audits = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'file.upload'), eq(auditLog.actorId, clerk.userId)));
    expect(audits[0]!.n).toBe(1);
  });

  it('refuses a name whose extension contradicts the content', async () => {
    const res = await upload(clerk, '决定书.pdf', build.png());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('扩展名是 .pdf，但文件内容是PNG 图片') });
  });

  it('refuses a file over its category’s limit, and a body over the route’s limit, with 413', async () => {
    const photo = Buffer.concat([build.png(), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await upload(clerk, '现场照片.png', photo);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('图片文件不能超过 20 MiB') });
    const declared = await upload(clerk, '录像.mp4', build.isoMedia('isom'), { 'content-length': String(500 * 1024 * 1024 + 1) });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses uploads that are not the raw file with its encoded name', async () => {
    const multipart = await upload(clerk, 'a.pdf', build.pdf(), { 'content-type': 'multipart/form-data; boundary=x' });
    expect(multipart.statusCode).toBe(415);
    const noName = await t.app.inject({ method: 'POST', url: '/api/files', payload: build.pdf(), headers: { ...clerk.headers, 'content-type': 'application/octet-stream' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('文件名') });
    const badEncoding = await upload(clerk, '', build.pdf(), { 'x-file-name': '%E6%96' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json().message).toContain('URL 编码');
    const empty = await upload(clerk, '空.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('requires a signed-in user, and the CSRF header with a session', async () => {
    expect((await upload(null, 'a.pdf', build.pdf())).statusCode).toBe(401);
    const { 'x-csrf-token': _csrf, ...cookieOnly } = clerk.headers;
    const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: build.pdf(), headers: { ...cookieOnly, 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' } });
    expect(res.statusCode).toBe(403);
  });

  it('stores the same content once for two uploads, including concurrent ones', async () => {
    const content = uniquePdf();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(i % 2 ? colleague : clerk, `证据${i}.pdf`, content)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const ids = new Set(results.map((r) => r.json().id));
    expect(ids.size).toBe(6);
    const blobs = await t.db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.sm3, sm3(content)));
    expect(blobs[0]!.n).toBe(1);
  });

  it('downloads the exact bytes with the detected type, a Chinese attachment name and nosniff', async () => {
    const content = await build.xlsx();
    const file = await uploaded("复议案件台账(2024)'s.xlsx", content);
    const res = await get(clerk, `/api/files/${file.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="______(2024)'s.xlsx"; filename*=UTF-8''%E5%A4%8D%E8%AE%AE%E6%A1%88%E4%BB%B6%E5%8F%B0%E8%B4%A6%282024%29%27s.xlsx`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-content-sm3']).toBe(sm3(content));
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'] as string)![1]!)).toBe(file.name);
  });

  it('serves text with its charset, so that GB18030 text reads correctly', async () => {
    const content = new Uint8Array([0xd0, 0xd0, 0xd5, 0xfe, 0xb8, 0xb4, 0xd2, 0xe9]) as Buffer;
    const file = await uploaded('说明', Buffer.from(content));
    expect(file).toMatchObject({ name: '说明.txt', mime: 'text/plain; charset=gb18030' });
    const res = await get(clerk, `/api/files/${file.id}/content`);
    expect(res.headers['content-type']).toBe('text/plain; charset=gb18030');
    expect(new TextDecoder('gb18030').decode(res.rawPayload)).toBe('行政复议');
  });

  it('shows a file to its uploader and to holders of files.read in its region; to others it does not exist', async () => {
    const file = await uploaded('询问笔录.pdf', uniquePdf());
    for (const url of [`/api/files/${file.id}`, `/api/files/${file.id}/content`, `/api/files/${file.id}/verify`]) {
      expect((await get(clerk, url)).statusCode, url).toBe(200);
      expect((await get(archivist, url)).statusCode, url).toBe(200);
      const denied = await get(colleague, url);
      expect(denied.statusCode, url).toBe(404);
      expect(denied.json()).toEqual({ code: 'NOT_FOUND', message: '附件不存在或无权访问' });
      expect((await get(otherCounty, url)).statusCode, url).toBe(404);
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
    expect((await get(clerk, `/api/files/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await get(archivist, `/api/files/${file.id}`)).json()).toEqual(file);
  });

  it('verifies the stored content, and reports a tampered blob', async () => {
    const file = await uploaded('听证录音.mp3', build.mp3({ id3: true }));
    expect((await get(clerk, `/api/files/${file.id}/verify`)).json()).toEqual({ id: file.id, sm3: file.sm3, actualSm3: file.sm3, intact: true });
    const forged = build.mp3();
    await t.db.update(fileBlobs).set({ content: forged }).where(eq(fileBlobs.sm3, file.sm3));
    expect((await get(clerk, `/api/files/${file.id}/verify`)).json()).toEqual({ id: file.id, sm3: file.sm3, actualSm3: sm3(forged), intact: false });
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await get(null, '/api/docs/json')).json();
    expect(spec.paths['/api/files'].post.summary).toContain('上传附件');
    expect(spec.paths['/api/files/{id}/content'].get.summary).toBe('下载附件');
  });
});
