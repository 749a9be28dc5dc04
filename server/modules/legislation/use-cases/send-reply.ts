import type { FastifyRequest } from 'fastify';
import { fieldRefused } from '../../../kernel/errors/app-error.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import type { Actor, RequestMeta } from '../../../kernel/auth/actor.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { outstandingRequests } from '../legislation.workflow.ts';
import type { ReplyBody } from '../legislation.schemas.ts';
import { readableConsultation } from './read-consultations.ts';

/**
 * 报送反馈意见: the county's reply. Organisations that have not answered are recorded as not waited for
 * (each request closed with the reason, which names them on the reply's record); without a reason the
 * reply is refused while any is outstanding. One transaction: the closings and the reply stand or fall together.
 */
export async function sendReply(request: FastifyRequest, consultationId: string, body: ReplyBody): Promise<void> {
  // Reading is checked first, so that a consultation outside the actor's reach answers 404.
  await readableConsultation(request, consultationId);
  const actor = request.actor!;
  const deps = workflowDeps(request);
  const who = { actor, meta: request.meta };
  await request.server.db.transaction((tx) => replyTo(tx, deps, who, consultationId, body));
}

/** The closings and the reply in the caller's transaction; also how the demo county replies. */
export async function replyTo(tx: Tx, deps: WorkflowDeps, who: { actor: Actor; meta: RequestMeta }, consultationId: string, body: ReplyBody): Promise<void> {
  const { version, fileIds, ...data } = body;
  const waiting = await outstandingRequests({ tx }, consultationId);
  if (waiting.length > 0 && !body.lateReason) {
    throw fieldRefused('lateReason', `尚有${waiting.length}个单位未反馈意见（${waiting.map((w) => w.orgName).join('、')}），须说明未等待其反馈即报送的理由`, 'CONFLICT');
  }
  for (const w of waiting) await transition(tx, deps, { caseId: w.caseId, version: w.version }, 'lapse', who, { reason: body.lateReason });
  const lateOrgs = waiting.map((w) => w.orgName);
  await transition(tx, deps, { caseId: consultationId, version }, 'sendReply', who, { data: { ...data, ...(lateOrgs.length ? { lateReason: `${body.lateReason}（未反馈：${lateOrgs.join('、')}）` } : {}) }, fileIds });
}
