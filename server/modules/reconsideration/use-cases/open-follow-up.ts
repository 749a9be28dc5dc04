import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { openCase } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { opinionWorkflow, reviewWorkflow } from '../reconsideration.follow-ups.workflow.ts';
import { findActiveOrg, findParentCase } from '../reconsideration.repository.ts';
import type { OpinionBody, ReviewBody } from '../reconsideration.schemas.ts';
import { reconsiderationFollowUps } from '../reconsideration.tables.ts';
import { APPROVE, HANDLE, reconsiderationWorkflow } from '../reconsideration.workflow.ts';

type State = keyof typeof reconsiderationWorkflow.states;

/** 第七十六条: problems found "在办理行政复议案件过程中" — from acceptance on, also once decided. */
const opinionStates: readonly State[] = ['accepted', 'suspended', 'decided', 'mediated', 'terminated'];
/** 第五十六条、第五十七条: the review arises while the case is heard (usually 中止 for it, 第三十九条). */
const reviewStates: readonly State[] = ['accepted', 'suspended'];

/**
 * The 复议 case the follow-up comes from, read under the transaction: readable by the actor, in the
 * scope of the permission the step needs, and in a state that allows it.
 */
async function parentFor(request: FastifyRequest, tx: Tx, caseId: string, permission: string, states: readonly State[], what: string) {
  const actor = request.actor!;
  const scope = requirePermission(actor, permission);
  const parent = await findParentCase(tx, actor, caseId);
  if (!parent) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  if (!inScope(actor, scope, parent)) throw new AppError('FORBIDDEN', '本案不在您的数据范围内');
  if (!states.includes(parent.state as State)) {
    throw new AppError('CONFLICT', `案件当前为「${reconsiderationWorkflow.states[parent.state as State]?.label ?? parent.state}」，不能${what}`);
  }
  return parent;
}

async function targetOrg(tx: Tx, regionCode: string, orgId: string) {
  const org = await findActiveOrg(tx, regionCode, orgId);
  if (!org) throw new AppError('VALIDATION_FAILED', '机关：不是本行政区内启用的机构');
  return org;
}

/** The reviewed document's record in the 规范性文件 registry: a published document of the same county. */
async function registeredDocument(tx: Tx, regionCode: string, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.caseType, 'normative_document'), eq(cases.regionCode, regionCode), inArray(cases.state, ['published', 'inForce'])));
  if (!row) throw new AppError('VALIDATION_FAILED', '规范性文件：不是本行政区已公布的规范性文件', [{ field: 'normativeDocumentId', message: '不是本行政区已公布的规范性文件' }]);
}

/** 行政复议意见书 to the respondent (or another organ): a case of its own, in that organ's 待办. */
export async function issueOpinion(request: FastifyRequest, caseId: string, body: OpinionBody): Promise<{ id: string }> {
  return write(request, async (tx) => {
    const parent = await parentFor(request, tx, caseId, APPROVE, opinionStates, '制发行政复议意见书');
    const target = await targetOrg(tx, parent.regionCode, body.targetOrgId ?? parent.respondentOrgId);
    const opened = await openCase(
      tx,
      workflowDeps(request),
      {
        caseType: opinionWorkflow.caseType,
        regionCode: parent.regionCode,
        orgId: target.id,
        title: `${parent.caseNo ?? parent.title}行政复议意见书（致${target.name}）`.slice(0, 200),
        parentId: parent.id,
        data: { content: body.content },
      },
      { actor: request.actor, meta: request.meta },
    );
    await tx.insert(reconsiderationFollowUps).values({ caseId: opened.id, regionCode: parent.regionCode, kind: 'opinion', targetOrgId: target.id, content: body.content });
    return { id: opened.id };
  });
}

/** 附带审查 of a 规范性文件, handled by the 复议机构 itself (its organisation is the case's). */
export async function openDocumentReview(request: FastifyRequest, caseId: string, body: ReviewBody): Promise<{ id: string }> {
  return write(request, async (tx) => {
    const parent = await parentFor(request, tx, caseId, HANDLE, reviewStates, '对规范性文件进行附带审查');
    const maker = body.targetOrgId ? await targetOrg(tx, parent.regionCode, body.targetOrgId) : undefined;
    if (body.normativeDocumentId) await registeredDocument(tx, parent.regionCode, body.normativeDocumentId);
    const opened = await openCase(
      tx,
      workflowDeps(request),
      {
        caseType: reviewWorkflow.caseType,
        regionCode: parent.regionCode,
        orgId: parent.orgId,
        title: `对《${body.documentTitle}》的附带审查（${parent.caseNo ?? parent.title}）`.slice(0, 200),
        parentId: parent.id,
        data: { documentTitle: body.documentTitle, documentNo: body.documentNo ?? null, content: body.content },
      },
      { actor: request.actor, meta: request.meta },
    );
    await tx.insert(reconsiderationFollowUps).values({
      caseId: opened.id,
      regionCode: parent.regionCode,
      kind: 'review',
      targetOrgId: maker?.id ?? null,
      documentTitle: body.documentTitle,
      documentNo: body.documentNo || null,
      normativeDocumentId: body.normativeDocumentId ?? null,
      content: body.content,
    });
    return { id: opened.id };
  });
}
