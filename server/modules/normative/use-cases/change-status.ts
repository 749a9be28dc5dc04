import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { inForceStatuses, type LegalStatus } from '../../../../contracts/normative.ts';
import { MANAGE, NORMATIVE } from '../normative.permissions.ts';
import { changeStatus, effectiveStatus, indexDocument, lockDocuments } from '../normative.repository.ts';
import type { DocumentDetail, StatusChangeBody } from '../normative.schemas.ts';
import { getDocumentDetail } from './read-documents.ts';

/**
 * 修改, 废止 or 宣布失效 of a published document outside a clean-up (by a later document or a higher
 * law), with the document that did it. Both documents' case rows are locked, in id order.
 */
export async function recordStatusChange(request: FastifyRequest, id: string, body: StatusChangeBody): Promise<DocumentDetail> {
  const scope = requirePermission(request.actor, MANAGE);
  const actor = request.actor!;
  const today = beijingToday(request.server.clock);
  if (!body.byDocumentId && !body.byText) throw fieldRefused('byText', '请选择作出变更的文件，或填写变更依据');
  if (body.changedOn > today) throw fieldRefused('changedOn', '变更日期不能晚于今天');
  await write(request, async (tx, audit) => {
    const locked = await lockDocuments(tx, body.byDocumentId ? [id, body.byDocumentId] : [id]);
    const target = locked.find((l) => l.id === id);
    if (!target || !inScope(actor, scope, target)) throw new AppError('NOT_FOUND', '文件不存在或无权访问');
    if (target.version !== body.version) throw versionConflict('文件');
    if (!target.docNo || !inForceStatuses.includes(effectiveStatus(target, today) as LegalStatus)) throw new AppError('CONFLICT', '只有现行有效（含已修改）的已公布文件才能登记修改、废止或失效');
    if (body.byDocumentId) {
      const by = locked.find((l) => l.id === body.byDocumentId);
      if (!by || by.regionCode !== target.regionCode || !by.docNo) throw fieldRefused('byDocumentId', '作出变更的文件不存在或尚未公布');
      if (by.id === id) throw fieldRefused('byDocumentId', '文件不能变更其自身');
    }
    const now = request.server.clock.now();
    await changeStatus(tx, { regionCode: target.regionCode, documentId: id, status: body.status, changedOn: body.changedOn, byDocumentId: body.byDocumentId ?? null, byText: body.byText ?? null, reason: body.reason }, now, actor.userId);
    await indexDocument(tx, id, now);
    await audit({ action: 'normative.status', entityType: NORMATIVE, entityId: id, regionCode: target.regionCode, orgId: target.orgId, before: { status: target.status }, after: { status: body.status, changedOn: body.changedOn, byDocumentId: body.byDocumentId ?? null } });
  });
  return getDocumentDetail(request, id);
}
