import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { findFiles } from '../../../kernel/files/files.repository.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import { consultationFileIds, findConsultationOfRequest, findReadableRequest, findRequests } from '../legislation.repository.ts';
import { READ } from '../legislation.permissions.ts';
import type { RequestFilter } from '../legislation.schemas.ts';
import { presentRequest } from './read-consultations.ts';

/** The requests the actor may read: a department's own, the 司法局's every one in the county. */
export async function listRequests(request: FastifyRequest, query: RequestFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, READ);
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, request.actor!.regionCode);
  const { items, total } = await findRequests(request.server.db, request.actor!, filter, dates, { page, pageSize });
  return { items: items.map(presentRequest), total, page, pageSize };
}

/** One request with what the department needs to answer it: the letter, the draft and the 司法局's note. */
export async function getRequest(request: FastifyRequest, caseId: string) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const db = request.server.db;
  const row = await findReadableRequest(db, actor, caseId, await markDates(request, actor.regionCode));
  if (!row) throw new AppError('NOT_FOUND', '征求意见事项不存在或无权访问');
  const [consultation, fileIds] = await Promise.all([findConsultationOfRequest(db, row.consultationId), consultationFileIds(db, row.consultationId)]);
  const files = fileIds.length ? await findFiles(db, fileIds) : [];
  return {
    ...presentRequest(row),
    fromBody: consultation!.fromBody,
    documentTitle: consultation!.documentTitle,
    documentNo: consultation!.documentNo,
    draftTitle: consultation!.draftTitle,
    summary: consultation!.summary,
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime })),
  };
}
