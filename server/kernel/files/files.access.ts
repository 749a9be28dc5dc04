import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/db.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { getFile, type FileRow } from './files.ts';

/** Reading files uploaded by others; defined here, granted to no built-in role. */
export const FILES_READ = 'files.read';

/**
 * Who may read a file: its uploader, or a holder of files.read whose scope reaches the file's region.
 * Files carry a region but no organisation, so the organisation scopes (own_org, org_subtree) of
 * files.read reach no one else's files. Further grants (case access) come through addFileReadGrant.
 */
export function canReadFile(actor: Actor | null, file: Pick<FileRow, 'regionCode' | 'uploadedBy'>): boolean {
  if (!actor) return false;
  if (file.uploadedBy === actor.userId) return true;
  const scope = actor.permissions.get(FILES_READ);
  return scope === 'all' || (scope === 'region' && file.regionCode === actor.regionCode);
}

/** Another way to be allowed to read a file, e.g. reading the case whose history lists it. */
export type FileReadGrant = (db: Queryable, actor: Actor, fileId: string) => Promise<boolean>;

const grants = new Set<FileReadGrant>();

/** Registered once by the app (kernel/workflow grants the files of the cases an actor may read). */
export function addFileReadGrant(grant: FileReadGrant): void {
  grants.add(grant);
}

/** A file the actor may read; one it may not is NOT_FOUND, so that ids do not reveal what exists. */
export async function getReadableFile(db: Queryable, actor: Actor | null, id: string): Promise<FileRow> {
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const file = await getFile(db, id);
  if (canReadFile(actor, file)) return file;
  for (const grant of grants) if (await grant(db, actor, file.id)) return file;
  throw notFound('附件');
}
