import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase, transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import type { Actor, RequestMeta } from '../../../kernel/auth/actor.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { insertConsultation } from '../legislation.repository.ts';
import { CONSULTATION, HANDLE } from '../legislation.permissions.ts';
import type { RegisterBody } from '../legislation.schemas.ts';

const quoted = (title: string) => (title.startsWith('《') ? title : `《${title}》`);

/**
 * 收文登记: a higher body's request for comments, handled by the registering officer's organisation
 * (the 司法局). Opened and 拟办 in one transaction, so that its reply clock runs from the day it came.
 */
export async function registerConsultation(request: FastifyRequest, body: RegisterBody): Promise<string> {
  requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  if (body.receivedOn > beijingToday(request.server.clock)) throw fieldRefused('receivedOn', '收文日期不能晚于今天');
  if (body.replyDueOn < body.receivedOn) throw fieldRefused('replyDueOn', '反馈截止日期不能早于收文日期');
  return write(request, (tx) => openConsultation(tx, workflowDeps(request), { actor, meta: request.meta }, actor.orgId, body));
}

/** Opens the case and takes its 拟办 step; also how the demo county records its consultations. */
export async function openConsultation(tx: Tx, deps: WorkflowDeps, who: { actor: Actor; meta: RequestMeta }, orgId: string, body: RegisterBody): Promise<string> {
  const { fileIds, ...fields } = body;
  const regionCode = who.actor.regionCode;
  const opened = await openCase(
    tx,
    deps,
    { caseType: CONSULTATION, regionCode, orgId, title: `${quoted(body.draftTitle)}征求意见`.slice(0, 200), caseNo: body.documentNo, receivedOn: body.receivedOn, data: fields },
    who,
  );
  await insertConsultation(tx, { ...fields, caseId: opened.id, regionCode, documentNo: body.documentNo ?? null, summary: body.summary ?? null });
  await transition(tx, deps, { caseId: opened.id, version: opened.version }, 'accept', who, { data: { replyDueOn: body.replyDueOn }, fileIds });
  return opened.id;
}
