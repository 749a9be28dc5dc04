import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { assertFilesInRegion } from '../../../kernel/files/files.repository.ts';
import { write } from '../../../kernel/http/context.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import { findReadableRequest, insertResearch, lockConsultation, updateAdoption } from '../legislation.repository.ts';
import { HANDLE } from '../legislation.permissions.ts';
import type { AdoptionBody, ResearchBody } from '../legislation.schemas.ts';

/** 采纳: whether the county's reply takes up a department's opinion (the generated draft follows it). */
export async function setAdoption(request: FastifyRequest, caseId: string, body: AdoptionBody): Promise<void> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const row = await findReadableRequest(request.server.db, actor, caseId, await markDates(request, actor.regionCode));
  if (!row) throw new AppError('NOT_FOUND', '征求意见事项不存在或无权访问');
  await write(request, async (tx, audit) => {
    const parent = await lockConsultation(tx, row.consultationId);
    if (!parent || !inScope(actor, scope, parent)) throw new AppError('FORBIDDEN', '该征求意见事项不在您的办理范围内');
    if (parent.terminal) throw new AppError('CONFLICT', '已报送反馈意见，不能再修改采纳情况');
    if (row.state !== 'answered' || row.noOpinion) throw new AppError('CONFLICT', '该单位尚未提出意见，无需决定是否采纳');
    const updated = await updateAdoption(tx, caseId, body.version, { adopted: body.adopted, adoptionNote: body.adoptionNote ?? null, by: actor.userId });
    if (!updated) throw versionConflict('该单位的意见');
    await audit({ action: 'legislation.adoption', entityType: 'legislation_request', entityId: caseId, regionCode: parent.regionCode, orgId: row.orgId, before: { adopted: row.adopted }, after: { adopted: body.adopted, note: body.adoptionNote ?? null } });
  });
}

/** 立法调研: a meeting held for the consultation (departments, townships, business representatives). */
export async function addResearch(request: FastifyRequest, consultationId: string, body: ResearchBody): Promise<void> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  if (body.heldOn > beijingToday(request.server.clock)) throw fieldRefused('heldOn', '调研日期不能晚于今天');
  await write(request, async (tx, audit) => {
    const parent = await lockConsultation(tx, consultationId);
    if (!parent || parent.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '征求意见事项不存在或无权访问');
    if (!inScope(actor, scope, parent)) throw new AppError('FORBIDDEN', '该征求意见事项不在您的办理范围内');
    if (body.heldOn < parent.receivedOn) throw fieldRefused('heldOn', `调研日期不能早于收文日期（${parent.receivedOn}）`);
    await assertFilesInRegion(tx, body.fileIds, parent.regionCode);
    const row = await insertResearch(tx, { ...body, fileIds: [...new Set(body.fileIds)], place: body.place ?? null, orgNames: body.orgNames ?? null, companyNames: body.companyNames ?? null, regionCode: parent.regionCode, consultationId, createdBy: actor.userId, updatedBy: actor.userId });
    await audit({ action: 'legislation.research', entityType: 'legislation', entityId: consultationId, regionCode: parent.regionCode, orgId: parent.orgId, after: { researchId: row.id, heldOn: row.heldOn, orgCount: row.orgCount, companyKinds: row.companyKinds } });
  });
}
