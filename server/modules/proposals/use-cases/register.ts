import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import { writeAudit } from '../../../kernel/audit/audit.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { openCase, transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { proposalKindLabels } from '../../../../contracts/proposals.ts';
import { HANDLE, OPINION, PROPOSAL } from '../proposals.permissions.ts';
import type { AssignBody, RegisterBody } from '../proposals.schemas.ts';
import { proposalHandlers, proposals } from '../proposals.tables.ts';

type Who = { actor: Actor; meta: RequestMeta };

/** Serialises registrations (and imports) per region for the rest of the transaction; re-entrant. */
export async function lockRegistrations(tx: Tx, regionCode: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`proposals-register:${regionCode}`}))`);
}

/** Whether the session already has this number (the unique index would answer with a 500). */
export async function numberTaken(tx: Tx, regionCode: string, body: Pick<RegisterBody, 'kind' | 'sessionLabel' | 'number'>): Promise<boolean> {
  const [row] = await tx
    .select({ id: proposals.caseId })
    .from(proposals)
    .where(and(eq(proposals.regionCode, regionCode), eq(proposals.kind, body.kind), eq(proposals.sessionLabel, body.sessionLabel), eq(proposals.number, body.number)));
  return row !== undefined;
}

/** 登记: a case of the registering office until 交办 names the lead unit. Also how the import and the demo register. */
export async function openProposal(tx: Tx, deps: WorkflowDeps, who: Who, body: RegisterBody): Promise<string> {
  const regionCode = who.actor.regionCode;
  // Two registrations of one number would otherwise meet at the unique index (a 500, not a message).
  await lockRegistrations(tx, regionCode);
  if (await numberTaken(tx, regionCode, body)) throw fieldRefused('number', `${body.sessionLabel}已登记${proposalKindLabels[body.kind]}第${body.number}号`, 'DUPLICATE');
  const opened = await openCase(
    tx,
    deps,
    { caseType: PROPOSAL, regionCode, orgId: who.actor.orgId, title: body.title, caseNo: `${body.year}-${body.kind === 'npc' ? '建议' : '提案'}${body.number}`, data: body },
    who,
  );
  await tx.insert(proposals).values({ caseId: opened.id, regionCode, ...body, topic: body.topic || null });
  return opened.id;
}

export async function registerProposal(request: FastifyRequest, body: RegisterBody): Promise<string> {
  requirePermission(request.actor, HANDLE);
  return write(request, (tx) => openProposal(tx, workflowDeps(request), { actor: request.actor!, meta: request.meta }, body));
}

/**
 * 交办 or 重新交办: the kernel step (its reply clock from the 交办 date), then the units — the lead
 * becomes the case's organisation, each new 会办单位 gets its child case with the opinion clock, a
 * 会办单位 taken off has its open case withdrawn. One transaction: a refused unit writes nothing.
 */
export async function assignUnits(tx: Tx, deps: WorkflowDeps, who: Who, caseId: string, body: AssignBody): Promise<void> {
  const coOrgIds = [...new Set(body.coOrgIds)];
  if (coOrgIds.includes(body.leadOrgId)) throw fieldRefused('coOrgIds', '主办单位不能同时是会办单位');
  const [current] = await tx.select({ state: cases.state, regionCode: cases.regionCode, title: cases.title }).from(cases).where(and(eq(cases.id, caseId), eq(cases.caseType, PROPOSAL)));
  if (!current || current.regionCode !== who.actor.regionCode) throw new AppError('NOT_FOUND', '建议提案不存在或无权访问');
  const ids = [body.leadOrgId, ...coOrgIds];
  const orgs = await tx.select({ id: organisations.id, name: organisations.name, status: organisations.status }).from(organisations).where(and(inArray(organisations.id, ids), eq(organisations.regionCode, current.regionCode)));
  if (orgs.length !== ids.length) throw fieldRefused(orgs.some((o) => o.id === body.leadOrgId) ? 'coOrgIds' : 'leadOrgId', '承办单位须是本行政区内的机构');
  const inactive = orgs.filter((o) => o.status !== 'active');
  if (inactive.length) throw fieldRefused('leadOrgId', `${inactive.map((o) => o.name).join('、')}已停用`);
  const assignedOn = body.assignedOn ?? beijingToday(deps.clock);

  const action = current.state === 'registered' ? 'assign' : 'reassign';
  const coOrgNames = coOrgIds.map((id) => orgs.find((o) => o.id === id)!.name).join('、') || undefined;
  await transition(tx, deps, { caseId, version: body.version }, action, who, { data: { leadOrgId: body.leadOrgId, coOrgNames, assignedOn } });
  await tx.update(proposals).set({ assignedOn }).where(eq(proposals.caseId, caseId));
  // The kernel knows one handling organisation: the lead unit's, which decides its scope and 待办.
  await tx.update(cases).set({ orgId: body.leadOrgId }).where(eq(cases.id, caseId));

  const active = await tx.select().from(proposalHandlers).where(and(eq(proposalHandlers.caseId, caseId), eq(proposalHandlers.active, true)));
  const wanted = new Map<string, 'lead' | 'co'>([[body.leadOrgId, 'lead'], ...coOrgIds.map((id) => [id, 'co'] as const)]);
  const stamp = { version: sql`${proposalHandlers.version} + 1`, updatedAt: deps.clock.now(), updatedBy: who.actor.userId };
  for (const row of active) {
    if (wanted.get(row.orgId) === row.role) {
      wanted.delete(row.orgId);
      continue;
    }
    await tx.update(proposalHandlers).set({ active: false, ...stamp }).where(eq(proposalHandlers.id, row.id));
    if (row.role === 'co') {
      const open = await tx.select({ id: cases.id, version: cases.version }).from(cases).where(and(eq(cases.parentId, caseId), eq(cases.orgId, row.orgId), eq(cases.caseType, OPINION), eq(cases.terminal, false)));
      for (const c of open) await transition(tx, deps, { caseId: c.id, version: c.version }, 'withdraw', who);
    }
  }
  for (const [orgId, role] of wanted) {
    await tx.insert(proposalHandlers).values({ regionCode: current.regionCode, caseId, orgId, role, assignedOn, createdBy: who.actor.userId, updatedBy: who.actor.userId });
    if (role !== 'co') continue;
    const name = orgs.find((o) => o.id === orgId)!.name;
    const opened = await openCase(tx, deps, { caseType: OPINION, regionCode: current.regionCode, orgId, parentId: caseId, title: `${current.title}（会办：${name}）`.slice(0, 200) }, who);
    await transition(tx, deps, { caseId: opened.id, version: opened.version }, 'issue', who);
  }
  await writeAudit(tx, deps.clock.now(), who, { action: `proposal.${action}`, entityType: PROPOSAL, entityId: caseId, regionCode: current.regionCode, orgId: body.leadOrgId, after: { leadOrgId: body.leadOrgId, coOrgIds, assignedOn } });
}

export async function assignProposal(request: FastifyRequest, caseId: string, body: AssignBody): Promise<void> {
  requirePermission(request.actor, HANDLE);
  await write(request, (tx) => assignUnits(tx, workflowDeps(request), { actor: request.actor!, meta: request.meta }, caseId, body));
}
