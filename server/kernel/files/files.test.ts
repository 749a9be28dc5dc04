import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import type { Actor } from '../auth/actor.ts';
import type { DataScope } from '../auth/auth.tables.ts';
import { sm3 } from '../crypto/sm.ts';
import { AppError } from '../errors/app-error.ts';
import { canReadFile } from './files.access.ts';
import { assertFilesInRegion } from './files.repository.ts';
import type { FilePolicy } from './files.policy.ts';
import * as build from './files.test-helpers.ts';
import { fileBlobs, files } from './files.tables.ts';
import { fileIndex, getFile, readFileContent, storeFile, verifyFile, type StoreFileInput } from './files.ts';

const now = new Date('2026-01-05T01:00:00Z');
const uploader = crypto.randomUUID();
const input = (name: string, content: Buffer, extra: Partial<StoreFileInput> = {}): StoreFileInput => ({
  regionCode: '430621',
  name,
  content,
  uploadedBy: uploader,
  now,
  ...extra,
});

/** A distinct small PDF per call, so tests do not share blobs by accident. */
const uniquePdf = () => Buffer.concat([build.pdf(), Buffer.from(`%${crypto.randomUUID()}\n`)]);

const errorOf = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe('kernel/files on the database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  const blobCount = async (digest: string) => (await t.db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.sm3, digest)))[0]!.n;

  it('stores the row with the detected type, the SM3 of the content and the sanitised name', async () => {
    const content = uniquePdf();
    const file = await t.db.transaction((tx) => storeFile(tx, input('C:\\fakepath\\行政复议决定书.pdf', content)));
    expect(file).toMatchObject({ name: '行政复议决定书.pdf', size: content.length, mime: 'application/pdf', sm3: sm3(content), regionCode: '430621', uploadedBy: uploader, uploadedAt: now });
    expect(await getFile(t.db, file.id)).toEqual(file);
    expect((await readFileContent(t.db, file.id)).equals(content)).toBe(true);
  });

  it('stores the same content once, under two file rows', async () => {
    const content = await build.xlsx();
    const first = await t.db.transaction((tx) => storeFile(tx, input('台账.xlsx', content)));
    const second = await t.db.transaction((tx) => storeFile(tx, input('台账（副本）.xlsx', content, { uploadedBy: crypto.randomUUID() })));
    expect(second.id).not.toBe(first.id);
    expect(second.sm3).toBe(first.sm3);
    expect(await blobCount(first.sm3)).toBe(1);
    expect((await t.db.select({ n: count() }).from(files).where(eq(files.sm3, first.sm3)))[0]!.n).toBe(2);
  });

  it('lets concurrent uploads of the same content both succeed, the second waiting for the first', async () => {
    const content = uniquePdf();
    let inserted!: () => void;
    let release!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = t.db.transaction(async (tx) => {
      const file = await storeFile(tx, input('一.pdf', content));
      inserted();
      await gate; // hold the first transaction open with its blob row uncommitted
      return file;
    });
    await firstInserted;
    const second = t.db.transaction((tx) => storeFile(tx, input('二.pdf', content)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.sm3).toBe(b.sm3);
    expect(await blobCount(a.sm3)).toBe(1);

    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => t.db.transaction((tx) => storeFile(tx, input(`并发${i}.pdf`, content)))));
    expect(new Set(many.map((f) => f.id)).size).toBe(8);
    expect(await blobCount(a.sm3)).toBe(1);
  });

  it('refuses content of a type not accepted, a contradicting name, empty content, and sizes over the policy', async () => {
    const exe = await errorOf(t.db.transaction((tx) => storeFile(tx, input('通知.pdf', build.exe()))));
    expect(exe).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: expect.stringContaining('Windows 可执行程序') });
    const mismatch = await errorOf(t.db.transaction((tx) => storeFile(tx, input('决定书.pdf', build.png()))));
    expect(mismatch).toMatchObject({ code: 'BAD_REQUEST', status: 400, details: { extension: 'pdf', detected: 'png' } });
    expect((await errorOf(t.db.transaction((tx) => storeFile(tx, input('空.txt', Buffer.alloc(0)))))).message).toBe('文件内容为空');
    const tiny: FilePolicy = { maxBytes: { document: 100, image: 10_000, media: 10_000 } };
    const big = await errorOf(t.db.transaction((tx) => storeFile(tx, input('大.pdf', uniquePdf(), { policy: tiny }))));
    expect(big).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, message: expect.stringContaining('文档文件不能超过') });
    expect((await t.db.select({ n: count() }).from(files).where(eq(files.name, '通知.pdf')))[0]!.n).toBe(0);
  });

  it('verifies the stored bytes against their digest, and detects a tampered blob', async () => {
    const content = uniquePdf();
    const file = await t.db.transaction((tx) => storeFile(tx, input('笔录.pdf', content)));
    expect(await verifyFile(t.db, file.id)).toEqual({ id: file.id, sm3: file.sm3, actualSm3: file.sm3, intact: true });

    const forged = Buffer.from(content.toString('latin1').replace('/Count 1', '/Count 2'), 'latin1');
    await t.db.update(fileBlobs).set({ content: forged }).where(eq(fileBlobs.sm3, file.sm3));
    expect(await verifyFile(t.db, file.id)).toEqual({ id: file.id, sm3: file.sm3, actualSm3: sm3(forged), intact: false });
  });

  it('lists a file index in the order asked, and refuses an index with a missing file', async () => {
    const a = await t.db.transaction((tx) => storeFile(tx, input('甲.png', build.png())));
    const b = await t.db.transaction((tx) => storeFile(tx, input('乙.pdf', uniquePdf())));
    const index = await fileIndex(t.db, [b.id, a.id]);
    expect(index).toEqual([
      { id: b.id, name: '乙.pdf', size: b.size, mime: 'application/pdf', sm3: b.sm3, uploadedAt: now },
      { id: a.id, name: '甲.png', size: a.size, mime: 'image/png', sm3: a.sm3, uploadedAt: now },
    ]);
    expect(await fileIndex(t.db, [])).toEqual([]);
    const missing = crypto.randomUUID();
    expect(await errorOf(fileIndex(t.db, [a.id, missing, 'not-a-uuid']))).toMatchObject({ code: 'NOT_FOUND', details: { missing: [missing, 'not-a-uuid'] } });
    expect((await errorOf(getFile(t.db, 'not-a-uuid'))).code).toBe('NOT_FOUND');
  });

  it('accepts attachments of the record\'s region only, each existing', async () => {
    const file = await t.db.transaction((tx) => storeFile(tx, input('通知.pdf', uniquePdf())));
    await expect(assertFilesInRegion(t.db, [file.id, file.id], '430621')).resolves.toBeUndefined();
    await expect(assertFilesInRegion(t.db, [], '430602')).resolves.toBeUndefined();
    for (const [ids, region] of [[[file.id], '430602'], [[file.id, crypto.randomUUID()], '430621']] as const) {
      const error = await errorOf(assertFilesInRegion(t.db, ids, region));
      expect([error.code, error.message, error.details]).toEqual(['VALIDATION_FAILED', '附件不存在或不属于本行政区', [{ field: 'fileIds', message: '附件不存在或不属于本行政区' }]]);
    }
  });

  it('keeps file rows pointing at existing blobs only', async () => {
    const orphan = t.db.execute(sql`insert into files (region_code, sm3, name, size, mime, uploaded_at) values ('430621', ${'0'.repeat(64)}, 'x.pdf', 1, 'application/pdf', now())`);
    await expect(orphan).rejects.toThrow();
  });
});

describe('canReadFile', () => {
  const actor = (permissions: Record<string, DataScope> = {}, regionCode = '430621'): Actor => ({
    userId: crypto.randomUUID(),
    username: 'u',
    displayName: '测试',
    orgId: crypto.randomUUID(),
    orgPath: '/x/',
    regionCode,
    permissions: new Map(Object.entries(permissions)),
    mustChangePassword: false,
  });
  const file = { regionCode: '430621', uploadedBy: crypto.randomUUID() };

  it('lets the uploader read, and holders of files.read whose scope reaches the region', () => {
    const me = actor();
    expect(canReadFile(me, { ...file, uploadedBy: me.userId })).toBe(true);
    expect(canReadFile(actor({ 'files.read': 'region' }), file)).toBe(true);
    expect(canReadFile(actor({ 'files.read': 'all' }, '430602'), file)).toBe(true);
  });

  it('denies everyone else', () => {
    expect(canReadFile(null, file)).toBe(false);
    expect(canReadFile(actor(), file)).toBe(false);
    expect(canReadFile(actor({ 'org.read': 'all' }), file)).toBe(false);
    expect(canReadFile(actor({ 'files.read': 'region' }, '430602'), file)).toBe(false);
    expect(canReadFile(actor({ 'files.read': 'org_subtree' }), file)).toBe(false);
    expect(canReadFile(actor(), { ...file, uploadedBy: null })).toBe(false);
  });
});
