import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { fieldRefused } from '../errors/app-error.ts';
import { fileBlobs, files } from './files.tables.ts';

export type FileRow = typeof files.$inferSelect;

/**
 * Content is stored once per digest. Concurrent uploads of the same content both succeed: the second
 * INSERT waits on the primary key until the first commits, then does nothing.
 */
export async function insertBlob(tx: Queryable, blob: { sm3: string; size: number; mime: string; content: Buffer }): Promise<void> {
  await tx.insert(fileBlobs).values(blob).onConflictDoNothing({ target: fileBlobs.sm3 });
}

export async function insertFile(tx: Queryable, row: typeof files.$inferInsert): Promise<FileRow> {
  const [file] = await tx.insert(files).values(row).returning();
  return file!;
}

export async function findFile(db: Queryable, id: string): Promise<FileRow | undefined> {
  const [file] = await db.select().from(files).where(eq(files.id, id));
  return file;
}

/** The stored blob behind a file: its recorded digest and size, and the bytes. */
export async function findFileBlob(db: Queryable, id: string): Promise<{ sm3: string; size: number; content: Buffer } | undefined> {
  const [blob] = await db
    .select({ sm3: fileBlobs.sm3, size: fileBlobs.size, content: fileBlobs.content })
    .from(files)
    .innerJoin(fileBlobs, eq(fileBlobs.sm3, files.sm3))
    .where(eq(files.id, id));
  return blob;
}

export async function findFiles(db: Queryable, ids: readonly string[]): Promise<FileRow[]> {
  return db.select().from(files).where(inArray(files.id, [...ids]));
}

/** A record names uploaded files as its attachments: each must exist and belong to the record's region. */
export async function assertFilesInRegion(db: Queryable, ids: readonly string[], regionCode: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db.select({ id: files.id }).from(files).where(and(inArray(files.id, unique), eq(files.regionCode, regionCode)));
  if (found.length !== unique.length) throw fieldRefused('fileIds', '附件不存在或不属于本行政区');
}
