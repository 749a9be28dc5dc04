import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../kernel/db/db.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { PENALTY as PENALTY_CASE_TYPE } from '../../enforcement-cases/enforcement-cases.permissions.ts';
import { reconsiderationCases } from '../../reconsideration/reconsideration.tables.ts';
import { AppError, fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg, type OrgRow } from '../../../kernel/org/org.repository.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase } from '../../../kernel/workflow/transition.ts';
import { actCategoryLabels, instanceLabels, type Instance } from '../litigation.labels.ts';
import { courtCaseNoTaken, findCaseForLink, findReadableLitigationCase, insertLitigationCase } from '../litigation.repository.ts';
import type { LitigationCaseDetail, RegisterCaseBody } from '../litigation.schemas.ts';
import { HANDLE, LITIGATION } from '../litigation.permissions.ts';
import { getLitigationCase } from './read-cases.ts';


/** The defendant: an active organisation the actor handles lawsuits for; its region is the case's. */
async function defendantOf(tx: Tx, actor: Actor, orgId: string): Promise<OrgRow> {
  const scope = requirePermission(actor, HANDLE);
  const org = await findOrg(tx, orgId);
  if (!org || (org.regionCode !== actor.regionCode && scope !== 'all')) throw fieldRefused('defendantOrgId', '被告机构不存在或无权访问', 'NOT_FOUND');
  if (!inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) {
    throw fieldRefused('defendantOrgId', `「${org.name}」的应诉案件不在您的办理范围内`, 'FORBIDDEN');
  }
  if (org.status !== 'active') throw fieldRefused('defendantOrgId', `被告机构「${org.name}」已停用`);
  return org;
}

/** Which instance may follow which (行政诉讼法 第八十五条 上诉, 第九十条 再审, 第八十九条 发回重审). */
const follows: Record<Instance, { from: Instance[]; what: string }> = {
  appeal: { from: ['first'], what: '二审案件的原审应为一审案件' },
  retrial: { from: ['first', 'appeal'], what: '再审案件的原审应为一审或二审案件' },
  first: { from: ['appeal', 'retrial'], what: '一审案件只能关联作出发回重审裁定的二审或再审案件' },
};

/**
 * cases.parent_id: the 复议 case a first-instance suit follows, or the instance this one continues.
 * Returns the parent id and whether the suit came after 复议 (a continued instance inherits it).
 */
async function parentOf(tx: Tx, actor: Actor, body: RegisterCaseBody, defendant: OrgRow): Promise<{ parentId?: string; afterReconsideration: boolean; challengedCaseId: string | null }> {
  if (body.reconsiderationCaseId && body.parentCaseId) throw new AppError('VALIDATION_FAILED', '复议后起诉关联行政复议案件，上诉、再审关联原审案件，二者只能填一项');
  if (body.reconsiderationCaseId) {
    if (body.instance !== 'first') throw fieldRefused('reconsiderationCaseId', '只有一审案件关联行政复议案件；二审、再审请关联原审案件');
    if (!body.afterReconsideration) throw fieldRefused('afterReconsideration', '关联了行政复议案件的，应为复议后起诉');
    const linked = await findCaseForLink(tx, body.reconsiderationCaseId);
    if (!linked || linked.caseType !== 'reconsideration' || linked.regionCode !== defendant.regionCode) throw fieldRefused('reconsiderationCaseId', '关联的行政复议案件不存在或不属于本行政区');
    return { parentId: linked.id, afterReconsideration: true, challengedCaseId: await reconsideredCaseOf(tx, linked.id) };
  }
  if (!body.parentCaseId) return { afterReconsideration: body.afterReconsideration, challengedCaseId: null };
  const parent = await findReadableLitigationCase(tx, actor, body.parentCaseId);
  if (!parent) throw fieldRefused('parentCaseId', '原审案件不存在或无权访问', 'NOT_FOUND');
  const rule = follows[body.instance];
  if (!rule.from.includes(parent.instance as Instance)) throw fieldRefused('parentCaseId', rule.what);
  if (parent.defendantOrgId !== defendant.id) throw fieldRefused('parentCaseId', `被告机构应与原审案件一致（${parent.defendantOrgName}）`);
  if (parent.state !== 'judged') throw fieldRefused('parentCaseId', '原审案件尚未审结');
  if (body.instance === 'first' ? parent.outcome !== 'remanded' : parent.outcome === 'withdrawn' || parent.outcome === 'mediation') {
    throw fieldRefused('parentCaseId', body.instance === 'first' ? '原审案件不是发回重审结案的' : '原审以撤诉或调解结案，不能上诉或再审');
  }
  return { parentId: parent.id, afterReconsideration: parent.afterReconsideration, challengedCaseId: parent.challengedCaseId };
}

/** The decision a 复议 case challenged, when it was linked there. */
async function reconsideredCaseOf(tx: Tx, reconsiderationCaseId: string): Promise<string | null> {
  const [row] = await tx.select({ id: reconsiderationCases.challengedCaseId }).from(reconsiderationCases).where(eq(reconsiderationCases.caseId, reconsiderationCaseId));
  return row?.id ?? null;
}

/** The challenged decision must be one the defendant made in Fazhi: a 行政处罚 case of its own. */
async function challengedCaseOf(tx: Tx, caseId: string, defendant: OrgRow): Promise<string> {
  const [row] = await tx.select({ caseType: cases.caseType, orgId: cases.orgId }).from(cases).where(eq(cases.id, caseId));
  if (!row || row.caseType !== PENALTY_CASE_TYPE || row.orgId !== defendant.id) throw fieldRefused('challengedCaseId', '被诉的案件：不是被告办理的行政处罚案件');
  return caseId;
}

/** 登记: a lawsuit (one instance) against an organisation, from the day its complaint copy was received. */
export async function registerCase(request: FastifyRequest, body: RegisterCaseBody): Promise<LitigationCaseDetail> {
  requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const today = beijingToday(request.server.clock);
  if (body.complaintReceivedOn > today) throw fieldRefused('complaintReceivedOn', '收到起诉状副本日期不能晚于今天');
  if (body.filedOn && body.filedOn > body.complaintReceivedOn) throw fieldRefused('filedOn', '立案日期不能晚于收到起诉状副本日期');
  const deps = workflowDeps(request);
  const id = await write(request, async (tx) => {
    const defendant = await defendantOf(tx, actor, body.defendantOrgId);
    const linked = await parentOf(tx, actor, body, defendant);
    const { parentId, afterReconsideration } = linked;
    const challengedCaseId = body.challengedCaseId ? await challengedCaseOf(tx, body.challengedCaseId, defendant) : linked.challengedCaseId;
    if (body.courtCaseNo && (await courtCaseNoTaken(tx, defendant.regionCode, body.courtCaseNo))) {
      throw fieldRefused('courtCaseNo', `法院案号 ${body.courtCaseNo} 已登记`, 'DUPLICATE');
    }
    const title = `${body.plaintiffName}诉${defendant.name}${actCategoryLabels[body.actCategory]}案（${instanceLabels[body.instance]}）`.slice(0, 200);
    const { reconsiderationCaseId: _r, parentCaseId: _p, challengedCaseId: _c, ...fields } = body;
    const opened = await openCase(
      tx,
      deps,
      { caseType: LITIGATION, regionCode: defendant.regionCode, orgId: defendant.id, title, caseNo: body.courtCaseNo, parentId, receivedOn: body.complaintReceivedOn, data: { ...fields, afterReconsideration } },
      { actor, meta: request.meta },
    );
    await insertLitigationCase(tx, {
      ...fields,
      caseId: opened.id,
      regionCode: defendant.regionCode,
      afterReconsideration,
      challengedCaseId,
      courtCaseNo: body.courtCaseNo ?? null,
      claims: body.claims ?? null,
      filedOn: body.filedOn ?? null,
    });
    return opened.id;
  });
  return getLitigationCase(request, id);
}
