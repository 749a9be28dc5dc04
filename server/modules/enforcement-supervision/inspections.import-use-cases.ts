import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../kernel/auth/actor.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { AppError, notFound } from '../../kernel/errors/app-error.ts';
import { errorReportXlsx } from '../../kernel/excel/excel.ts';
import { write } from '../../kernel/http/context.ts';
import { ALL_HEADERS, parseInspectionSheet } from './inspections.import.ts';
import { INSPECTION_IMPORT_ENTITY, INSPECTION_WRITE } from './inspections.permissions.ts';
import { deleteImported, importLookups, INSERT_CHUNK, insertInspectionChunk } from './inspections.repository.ts';

/**
 * Importing inspections: all or nothing. The whole file is checked first; a file with any bad row
 * writes nothing and answers the rows' problems. A clean file is written in one transaction, in
 * multi-row inserts of INSERT_CHUNK rows, every row stamped with the import's id, so that a wrong
 * (but valid) file can be undone as a whole. One audit row records the import (not one per row: a file
 * holds up to 200,000), another its undoing.
 */

interface Progress {
  importId: string;
  userId: string;
  stage: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  rowsRead: number;
  rowsWritten: number;
  total: number | null;
}

/**
 * Progress of the imports running in this process, by id, for the console's progress bar (it polls
 * while its upload request is pending). Kept a few minutes after the end.
 */
const running = new Map<string, Progress>();
const KEEP_MS = 10 * 60_000;

function track(importId: string, userId: string): Progress {
  if (running.has(importId)) throw new AppError('CONFLICT', '该导入编号已在使用，请重新选择文件');
  const progress: Progress = { importId, userId, stage: 'reading', rowsRead: 0, rowsWritten: 0, total: null };
  running.set(importId, progress);
  return progress;
}

const finish = (progress: Progress, stage: 'done' | 'failed') => {
  progress.stage = stage;
  setTimeout(() => running.delete(progress.importId), KEEP_MS).unref();
};

export function importProgress(request: FastifyRequest, importId: string) {
  requirePermission(request.actor, INSPECTION_WRITE);
  const progress = running.get(importId);
  if (!progress || progress.userId !== request.actor!.userId) throw notFound('导入任务');
  const { userId: _u, ...view } = progress;
  return view;
}

export async function importInspections(request: FastifyRequest, file: Buffer, importId: string = crypto.randomUUID()) {
  const scope = requirePermission(request.actor, INSPECTION_WRITE);
  const actor = request.actor!;
  const started = performance.now();
  const progress = track(importId, actor.userId);
  try {
    const lookups = await importLookups(request.server.db, actor.regionCode);
    const sheet = await parseInspectionSheet(file, {
      actor,
      scope,
      lookups,
      today: beijingToday(request.server.clock),
      onProgress: (rowsRead) => {
        progress.rowsRead = rowsRead;
      },
    });
    progress.total = sheet.totalRows;
    progress.stage = 'checking';
    if (sheet.errorRows) {
      const rows = sheet.errors.map((e) => ({ row: e.row.rowNumber, errors: e.errors }));
      throw new AppError('IMPORT_INVALID', `导入文件共 ${sheet.totalRows} 行，其中 ${sheet.errorRows} 行存在错误，未导入任何数据`, {
        rows,
        errorRows: sheet.errorRows,
        totalRows: sheet.totalRows,
      });
    }
    progress.stage = 'writing';
    const stamp = { regionCode: actor.regionCode, importId, createdBy: actor.userId, updatedBy: actor.userId };
    await write(request, async (tx, audit) => {
      for (let i = 0; i < sheet.rows.length; i += INSERT_CHUNK) {
        await insertInspectionChunk(
          tx,
          sheet.rows.slice(i, i + INSERT_CHUNK).map((row) => ({ ...row, ...stamp })),
        );
        progress.rowsWritten = Math.min(i + INSERT_CHUNK, sheet.rows.length);
      }
      await audit({ action: 'inspection.import', entityType: INSPECTION_IMPORT_ENTITY, entityId: importId, orgId: actor.orgId, detail: { rows: sheet.rows.length, bytes: file.length } });
    });
    finish(progress, 'done');
    return { importId, imported: sheet.rows.length, seconds: Math.round(performance.now() - started) / 1000 };
  } catch (error) {
    finish(progress, 'failed');
    throw error;
  }
}

/** The uploaded rows that have problems, each with what is wrong (the first 1,000 of them). */
export async function inspectionImportReport(request: FastifyRequest, file: Buffer): Promise<Buffer> {
  const scope = requirePermission(request.actor, INSPECTION_WRITE);
  const actor = request.actor!;
  const sheet = await parseInspectionSheet(file, {
    actor,
    scope,
    lookups: await importLookups(request.server.db, actor.regionCode),
    today: beijingToday(request.server.clock),
    onProgress: () => undefined,
  });
  return errorReportXlsx(
    sheet.errors.map((e) => e.row),
    ALL_HEADERS,
    new Map(sheet.errors.map((e) => [e.row.rowNumber, e.errors])),
  );
}

/** Deletes every row of an import; only when all of them are within the actor's scope. */
export async function undoInspectionImport(request: FastifyRequest, importId: string) {
  const scope = requirePermission(request.actor, INSPECTION_WRITE);
  return write(request, async (tx, audit) => {
    const result = await deleteImported(tx, request.actor!, scope, importId);
    if (result.total === 0) throw notFound('导入批次');
    if (result.inScope !== result.total) throw new AppError('FORBIDDEN', '该批次中有不在本人办理范围内的记录，不能撤销');
    await audit({ action: 'inspection.import.undo', entityType: INSPECTION_IMPORT_ENTITY, entityId: importId, regionCode: result.regionCode ?? undefined, detail: { deleted: result.deleted } });
    return { importId, deleted: result.deleted };
  });
}
