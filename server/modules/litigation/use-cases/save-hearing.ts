import type { FastifyRequest } from 'fastify';
import { inScope, type Actor } from '../../../kernel/auth/actor.ts';
import type { Audit } from '../../../kernel/http/context.ts';
import { write } from '../../../kernel/http/context.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { principalRoles, type Appearance } from '../litigation.labels.ts';
import {
  fileInRegion,
  findHearing,
  insertHearing,
  isAssigned,
  lockReadableCase,
  nextHearingSeq,
  updateHearing,
  type HearingValues,
} from '../litigation.repository.ts';
import type { HearingBody, LitigationCaseDetail, UpdateHearingBody } from '../litigation.schemas.ts';
import { hearingWarningText } from '../litigation.warnings.ts';
import { HANDLE } from '../litigation.permissions.ts';
import { getLitigationCase } from './read-cases.ts';

export const HEARING_ENTITY = 'litigation_hearing';

type LockedCase = NonNullable<Awaited<ReturnType<typeof lockReadableCase>>>;

/** The case, locked, if the actor may handle it: litigation.handle over the defendant, or assigned to it. */
async function caseToHandle(tx: Tx, actor: Actor, caseId: string): Promise<LockedCase> {
  const locked = await lockReadableCase(tx, actor, caseId);
  if (!locked) throw notFound('案件');
  const scope = actor.permissions.get(HANDLE);
  const allowed = (scope && inScope(actor, scope, locked)) || (await isAssigned(tx, caseId, actor.userId));
  if (!allowed) throw new AppError('FORBIDDEN', '没有办理本案的权限');
  return locked;
}

/** The checks that need the case and the database; the shape was checked by the schema. */
async function valuesOf(tx: Tx, locked: LockedCase, body: HearingBody, today: string): Promise<HearingValues> {
  if (body.heldOn > today) throw fieldRefused('heldOn', '开庭日期不能晚于今天');
  if (body.heldOn < locked.complaintReceivedOn) throw fieldRefused('heldOn', `开庭日期不能早于收到起诉状副本之日（${locked.complaintReceivedOn}）`);
  if (locked.judgedOn && body.heldOn > locked.judgedOn) throw fieldRefused('heldOn', `开庭日期不能晚于裁判日期（${locked.judgedOn}）`);
  // The 负责人 appeared: nothing to excuse.
  const principal = (principalRoles as readonly Appearance[]).includes(body.appearance);
  const proofFileId = principal ? null : (body.proofFileId ?? null);
  if (proofFileId && !(await fileInRegion(tx, proofFileId, locked.regionCode))) throw fieldRefused('proofFileId', '证明材料不存在或不属于本行政区，请先上传');
  return {
    heldOn: body.heldOn,
    appearance: body.appearance,
    appearedName: body.appearance === 'nobody' ? null : (body.appearedName ?? null),
    appearedTitle: body.appearance === 'nobody' ? null : (body.appearedTitle ?? null),
    excuse: principal ? null : (body.excuse ?? null),
    excuseText: principal ? null : (body.excuseText ?? null),
    proofFileId,
    failure: body.failure ?? null,
    counsel: body.counsel ?? null,
  };
}

/**
 * A hearing that raises a warning it did not raise before (第十二条 failure, nobody appearing, staff
 * alone although the 负责人 was summoned) is audited as such: the county's 出庭应诉 oversight reads these.
 */
async function auditWarnings(tx: Tx, audit: Audit, locked: LockedCase, hearingId: string, before: string[]): Promise<void> {
  const after = await findHearing(tx, locked.id, hearingId);
  const added = (after?.warningKinds ?? []).filter((k) => !before.includes(k));
  if (!after || !added.length) return;
  const texts = added.map((k) => hearingWarningText(k as Parameters<typeof hearingWarningText>[0], after.hearing));
  await audit({ action: 'litigation.art12Warning', entityType: 'litigation', entityId: locked.id, regionCode: locked.regionCode, orgId: locked.orgId, detail: { hearingId, kinds: added, texts } });
}

export async function addHearing(request: FastifyRequest, caseId: string, body: HearingBody): Promise<LitigationCaseDetail> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const at = request.server.clock.now();
  await write(request, async (tx, audit) => {
    const locked = await caseToHandle(tx, actor, caseId);
    const values = await valuesOf(tx, locked, body, beijingToday(request.server.clock));
    const seq = await nextHearingSeq(tx, caseId);
    const row = await insertHearing(tx, { ...values, regionCode: locked.regionCode, caseId, seq, at, by: actor.userId });
    await audit({ action: 'litigation.hearing.create', entityType: HEARING_ENTITY, entityId: row.id, regionCode: locked.regionCode, orgId: locked.orgId, after: { ...values, seq }, detail: { caseId } });
    await auditWarnings(tx, audit, locked, row.id, []);
  });
  return getLitigationCase(request, caseId);
}

export async function editHearing(request: FastifyRequest, caseId: string, hearingId: string, body: UpdateHearingBody): Promise<LitigationCaseDetail> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const at = request.server.clock.now();
  await write(request, async (tx, audit) => {
    const locked = await caseToHandle(tx, actor, caseId);
    const current = await findHearing(tx, caseId, hearingId);
    if (!current) throw notFound('庭审记录');
    if (current.hearing.version !== body.version) throw versionConflict('庭审记录');
    const { version, ...fields } = body;
    const values = await valuesOf(tx, locked, fields, beijingToday(request.server.clock));
    if (!(await updateHearing(tx, hearingId, version, { ...values, at, by: actor.userId }))) throw versionConflict('庭审记录');
    const { id: _i, regionCode: _r, caseId: _c, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, recordedAt: _ra, ...before } = current.hearing;
    await audit({ action: 'litigation.hearing.update', entityType: HEARING_ENTITY, entityId: hearingId, regionCode: locked.regionCode, orgId: locked.orgId, before, after: { ...values, version: version + 1 }, detail: { caseId } });
    await auditWarnings(tx, audit, locked, hearingId, current.warningKinds);
  });
  return getLitigationCase(request, caseId);
}
