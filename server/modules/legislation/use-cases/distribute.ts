import type { FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { inScope, requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase, transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { writeAudit } from '../../../kernel/audit/audit.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { insertRequest, lockConsultation, requestedOrgIds } from '../legislation.repository.ts';
import { HANDLE, REQUEST } from '../legislation.permissions.ts';
import type { DistributeBody } from '../legislation.schemas.ts';

/**
 * 征求部门意见: one request per organisation, each a child case handled by that organisation with the
 * 司法局's date as its clock, so it stands in the organisation's 待办. All or nothing: one refused
 * organisation or date writes no request. The consultation's row is locked, so two distributions
 * cannot ask one organisation twice; its version is checked, not raised (its state does not change).
 */
export async function distribute(request: FastifyRequest, consultationId: string, body: DistributeBody): Promise<void> {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const deps = workflowDeps(request);
  const who = { actor, meta: request.meta };
  await write(request, async (tx) => {
    const parent = await lockConsultation(tx, consultationId);
    if (!parent || parent.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '征求意见事项不存在或无权访问');
    if (!inScope(actor, scope, parent)) throw new AppError('FORBIDDEN', '该征求意见事项不在您的办理范围内');
    if (parent.version !== body.version) throw versionConflict('征求意见事项');
    await askOrganisations(tx, deps, who, parent, body);
  });
}

/** The requests themselves, under the consultation's lock; also how the demo county distributes. */
export async function askOrganisations(
  tx: Tx,
  deps: WorkflowDeps,
  who: { actor: Actor; meta: RequestMeta },
  parent: NonNullable<Awaited<ReturnType<typeof lockConsultation>>>,
  body: Omit<DistributeBody, 'version'>,
): Promise<void> {
  const actor = who.actor;
  if (parent.terminal) throw new AppError('CONFLICT', '已报送反馈意见，不能再征求部门意见');
  if (body.dueOn > parent.replyDueOn) throw fieldRefused('dueOn', `部门反馈截止日期不能晚于县政府反馈截止日期（${parent.replyDueOn}）`);
  const orgIds = [...new Set(body.orgIds)];
  const orgs = await tx
    .select({ id: organisations.id, name: organisations.name, status: organisations.status })
    .from(organisations)
    .where(and(inArray(organisations.id, orgIds), eq(organisations.regionCode, parent.regionCode)));
  if (orgs.length !== orgIds.length) throw fieldRefused('orgIds', '征求意见单位须是本行政区内的机构');
  const inactive = orgs.filter((o) => o.status !== 'active');
  if (inactive.length) throw fieldRefused('orgIds', `${inactive.map((o) => o.name).join('、')}已停用`);
  const asked = await requestedOrgIds(tx, parent.id);
  const again = orgs.filter((o) => asked.has(o.id));
  if (again.length) throw fieldRefused('orgIds', `已向${again.map((o) => o.name).join('、')}征求过意见`, 'DUPLICATE');
  for (const org of orgs) {
    const opened = await openCase(
      tx,
      deps,
      { caseType: REQUEST, regionCode: parent.regionCode, orgId: org.id, parentId: parent.id, title: `${parent.draftTitle.startsWith('《') ? parent.draftTitle : `《${parent.draftTitle}》`}征求意见（${org.name}）`.slice(0, 200), data: { note: body.note ?? null } },
      who,
    );
    await insertRequest(tx, { caseId: opened.id, regionCode: parent.regionCode, consultationId: parent.id, orgId: org.id, dueOn: body.dueOn, note: body.note ?? null, createdBy: actor.userId, updatedBy: actor.userId });
    try {
      await transition(tx, deps, { caseId: opened.id, version: opened.version }, 'send', who, { data: { dueOn: body.dueOn } });
    } catch (error) {
      // The date is the same for every organisation: its refusal belongs to the form's date field.
      if (error instanceof AppError && error.code === 'CONFLICT') throw fieldRefused('dueOn', error.message);
      throw error;
    }
  }
  await writeAudit(tx, deps.clock.now(), who, { action: 'legislation.distribute', entityType: 'legislation', entityId: parent.id, regionCode: parent.regionCode, orgId: parent.orgId, after: { orgIds, dueOn: body.dueOn } });
}
