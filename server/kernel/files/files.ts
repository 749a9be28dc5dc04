import { z } from 'zod';
import { sm3 } from '../crypto/sm.ts';
import type { Queryable } from '../db/db.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { detectFileType, type Detection } from './detect-type.ts';
import { nameForType, sanitiseFileName } from './file-name.ts';
import { ACCEPTED_TYPES_TEXT, type FileType } from './file-types.ts';
import { assertSizeAllowed, defaultFilePolicy, type FilePolicy } from './files.policy.ts';
import { findFile, findFileBlob, findFiles, insertBlob, insertFile, type FileRow } from './files.repository.ts';

export type { FileRow } from './files.repository.ts';

export interface StoreFileInput {
  regionCode: string;
  /** The name as uploaded; sanitised and checked against the content. */
  name: string;
  content: Buffer;
  uploadedBy: string | null;
  now: Date;
  policy?: FilePolicy;
}

/**
 * Stores an upload: the content once per SM3 digest, and a files row naming it. Callers audit the
 * upload in the same transaction.
 */
export async function storeFile(tx: Queryable, input: StoreFileInput): Promise<FileRow> {
  const { type, name } = checkUpload(input.name, input.content, input.policy ?? defaultFilePolicy);
  const digest = sm3(input.content);
  const size = input.content.length;
  await insertBlob(tx, { sm3: digest, size, mime: type.mime, content: input.content });
  return insertFile(tx, { regionCode: input.regionCode, sm3: digest, name, size, mime: type.mime, uploadedAt: input.now, uploadedBy: input.uploadedBy });
}

/** Every check an upload must pass, before anything is hashed or written: the type it really is and the name to store. */
export function checkUpload(rawName: string, content: Buffer, policy: FilePolicy): { type: FileType; name: string } {
  if (content.length === 0) throw new AppError('BAD_REQUEST', '文件内容为空');
  const name = sanitiseFileName(rawName);
  const detection = detectFileType(content);
  if (!detection.ok) throw unsupported(detection);
  assertSizeAllowed(detection.type, content.length, policy);
  return { type: detection.type, name: nameForType(name, detection.type) };
}

/** Ids reach these functions from other modules' rows; a malformed one is "not found", not a database error. */
const isUuid = (id: string) => z.uuid().safeParse(id).success;

function unsupported(detection: Extract<Detection, { ok: false }>): AppError {
  const what = detection.what ? `文件内容是${detection.what}，不能作为附件上传` : '无法识别文件内容的类型，不能作为附件上传';
  const advice = detection.advice ? `；${detection.advice}` : '';
  return new AppError('UNSUPPORTED_MEDIA_TYPE', `${what}${advice}。可上传：${ACCEPTED_TYPES_TEXT}`, { detected: detection.what });
}

export async function getFile(db: Queryable, id: string): Promise<FileRow> {
  const file = isUuid(id) ? await findFile(db, id) : undefined;
  if (!file) throw notFound('附件');
  return file;
}

export async function readFileContent(db: Queryable, id: string): Promise<Buffer> {
  const blob = isUuid(id) ? await findFileBlob(db, id) : undefined;
  if (!blob) throw notFound('附件');
  return blob.content;
}

export interface FileVerification {
  id: string;
  /** The digest recorded at upload, which names the blob. */
  sm3: string;
  /** The digest of the bytes stored now. */
  actualSm3: string;
  intact: boolean;
}

/** Tamper evidence: re-hashes the stored bytes and compares them with the digest recorded at upload. */
export async function verifyFile(db: Queryable, id: string): Promise<FileVerification> {
  const blob = isUuid(id) ? await findFileBlob(db, id) : undefined;
  if (!blob) throw notFound('附件');
  const actualSm3 = sm3(blob.content);
  return { id, sm3: blob.sm3, actualSm3, intact: actualSm3 === blob.sm3 && blob.content.length === blob.size };
}

export interface FileIndexEntry {
  id: string;
  name: string;
  size: number;
  mime: string;
  sm3: string;
  uploadedAt: Date;
}

/**
 * The list of attachments printed on a history row or in an archived case file, in the order given.
 * Every id must exist: an index with a silent gap would misstate the record.
 */
export async function fileIndex(db: Queryable, ids: readonly string[]): Promise<FileIndexEntry[]> {
  if (ids.length === 0) return [];
  const valid = [...new Set(ids)].filter(isUuid);
  const found = new Map((valid.length ? await findFiles(db, valid) : []).map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `附件不存在：${missing.join('、')}`, { missing });
  return ids.map((id) => {
    const { name, size, mime, sm3: digest, uploadedAt } = found.get(id)!;
    return { id, name, size, mime, sm3: digest, uploadedAt };
  });
}
