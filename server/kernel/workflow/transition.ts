import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope, type Actor, type RequestMeta } from '../auth/actor.ts';
import { writeAudit } from '../audit/audit.ts';
import { beijingToday } from '../calendar/local-date.ts';
import type { Clock } from '../clock/clock.ts';
import type { Queryable, Tx } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import { assertFilesInRegion } from '../files/files.repository.ts';
import { organisations } from '../org/org.tables.ts';
import { actionFields, type ActionField } from './action-fields.ts';
import { extendClock, loadClocks, nextDue, pauseClock, restartClock, resumeClock, startClock, stopClocks, type Deadlines } from './clocks.ts';
import { getWorkflow, type ActionDef, type CaseRow, type ClockRow, type GuardContext, type GuardResult, type PeriodSource } from './define-workflow.ts';
import { caseAssignments, caseEvents, cases } from './workflow.tables.ts';

export interface WorkflowDeps {
  clock: Clock;
  deadlines: Deadlines;
}

export interface StepInput {
  reason?: string;
  fileIds?: string[];
  data?: unknown;
}

const partyOrg = alias(organisations, 'party_org');

/** A case with where its handling and party organisations stand in the tree, for scope checks. */
type PlacedCase = CaseRow & { orgPath: string; partyOrgPath: string | null };

function placedCase(tx: Tx, caseId: string) {
  return tx
    .select({ case: cases, orgPath: organisations.path, partyOrgPath: partyOrg.path })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .leftJoin(partyOrg, eq(partyOrg.id, cases.partyOrgId))
    .where(eq(cases.id, caseId));
}

async function lockCase(tx: Tx, caseId: string): Promise<PlacedCase> {
  const [row] = await placedCase(tx, caseId).for('update', { of: cases });
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  return { ...row.case, orgPath: row.orgPath, partyOrgPath: row.partyOrgPath };
}

async function assignedRoles(db: Queryable, caseId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ role: caseAssignments.role })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, userId)));
  return rows.map((r) => r.role);
}

/** Whether the actor may take the action at all (permission, scope, assignment) — before its guard. */
function mayAct(actor: Actor | null, action: ActionDef<string>, row: PlacedCase, roles: string[]): GuardResult {
  if (!actor) return action.byApplicant ? { ok: true } : { ok: false, reason: '此操作须由办案人员办理' };
  const scope = actor.permissions.get(action.permission);
  if (!scope) return { ok: false, reason: '没有此操作的权限' };
  const assigned = roles.length > 0;
  if (action.assignedOnly) {
    const needed = typeof action.assignedOnly === 'string' ? action.assignedOnly : undefined;
    if (needed ? !roles.includes(needed) : !assigned) return { ok: false, reason: '仅限本案承办人员操作' };
    return { ok: true };
  }
  if (action.byParty) {
    const party = row.partyOrgId && row.partyOrgPath ? { orgId: row.partyOrgId, orgPath: row.partyOrgPath, regionCode: row.regionCode } : null;
    return party && inScope(actor, scope, party) ? { ok: true } : { ok: false, reason: '此操作须由本案的当事机关（如被申请人）办理' };
  }
  if (!assigned && !inScope(actor, scope, row)) return { ok: false, reason: '本案不在您的数据范围内' };
  return { ok: true };
}

function parseInput(action: ActionDef<string>, data: unknown): unknown {
  if (!action.input) return data;
  const parsed = action.input.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message));
  throw new AppError('VALIDATION_FAILED', `${action.label}的内容有误：${problems.join('；')}`, parsed.error.issues);
}

const calendarOf =
  (tx: Tx, deadlines: Deadlines, regionCode: string): GuardContext['due'] =>
  (from, period) =>
    deadlines.due(tx, regionCode, from, { ...period, basis: '' });

const resolve = async <I>(source: PeriodSource<I>, ctx: GuardContext<I>) => (typeof source === 'function' ? source(ctx) : source);

/**
 * The only way a case changes state. In one transaction: lock the case row, check the version the
 * caller saw, the action's permission and guard, apply the clock effects, write the new state, the
 * 全过程记录 row and the audit row. Of concurrent attempts on one version exactly one succeeds.
 */
export async function transition(
  tx: Tx,
  deps: WorkflowDeps,
  ref: { caseId: string; version: number },
  actionName: string,
  who: { actor: Actor | null; meta: RequestMeta },
  step: StepInput = {},
): Promise<CaseRow> {
  const row = await lockCase(tx, ref.caseId);
  const workflow = getWorkflow(row.caseType);
  const action = workflow.actions[actionName];
  if (!action) throw new AppError('BAD_REQUEST', `未知的操作：${actionName}`);
  if (row.version !== ref.version) throw new AppError('VERSION_CONFLICT', '案件已被他人处理，请刷新后查看最新状态');
  if (!action.from.includes(row.state)) {
    throw new AppError('CONFLICT', `案件当前为「${workflow.states[row.state]?.label ?? row.state}」，不能${action.label}`);
  }
  const permitted = mayAct(who.actor, action, row, who.actor ? await assignedRoles(tx, row.id, who.actor.userId) : []);
  if (!permitted.ok) throw new AppError('FORBIDDEN', permitted.reason);

  const input = parseInput(action, step.data);
  if (action.reasonRequired && !step.reason?.trim()) throw new AppError('VALIDATION_FAILED', `${action.label}须填写理由`);
  const fileIds = [...new Set(step.fileIds ?? [])];
  if ((action.minFiles ?? 0) > fileIds.length) throw new AppError('VALIDATION_FAILED', `${action.label}须上传至少 ${action.minFiles} 个附件`);
  await assertFilesInRegion(tx, fileIds, row.regionCode);

  const today = beijingToday(deps.clock);
  const clocks = await loadClocks(tx, row.id);
  const ctx: GuardContext = { tx, case: row, clocks, today, actor: who.actor, input, due: calendarOf(tx, deps.deadlines, row.regionCode) };
  const guard = action.guard ? await action.guard(ctx) : { ok: true as const };
  if (!guard.ok) throw new AppError('CONFLICT', guard.reason);
  const toState = typeof action.to === 'function' ? action.to(ctx) : action.to;

  const established = action.record ? await action.record(ctx) : undefined;
  const recorded = established ? { ...(typeof input === 'object' && input !== null ? input : {}), ...established } : input;
  await applyClockEffects(tx, deps.deadlines, row, action, ctx, clocks);
  const after = await loadClocks(tx, row.id);
  const terminal = workflow.states[toState]?.terminal ?? false;
  const now = deps.clock.now();
  const [updated] = await tx
    .update(cases)
    .set({
      state: toState,
      terminal,
      ...nextDue(after),
      // A step that keeps a closed case closed (an amendment, a report) keeps the day it was concluded.
      closedAt: terminal ? (row.terminal ? row.closedAt : now) : null,
      version: row.version + 1,
      updatedAt: now,
      updatedBy: who.actor?.userId ?? null,
    })
    .where(eq(cases.id, row.id))
    .returning();
  await recordEvent(tx, updated!, { at: now, actor: who.actor, action: actionName, fromState: row.state, toState, reason: step.reason, data: recorded, fileIds, clocks: after });
  await writeAudit(tx, now, who, {
    action: `case.${actionName}`,
    entityType: row.caseType,
    entityId: row.id,
    regionCode: row.regionCode,
    orgId: row.orgId,
    before: { state: row.state, version: row.version },
    after: { state: toState, version: row.version + 1 },
    detail: { reason: step.reason, fileIds },
  });
  if (action.effect) await action.effect({ ...ctx, toState, case: updated! });
  return updated!;
}

async function applyClockEffects(tx: Tx, deadlines: Deadlines, row: CaseRow, action: ActionDef<string>, ctx: GuardContext, clocks: ClockRow[]): Promise<void> {
  const effects = action.clocks;
  if (!effects) return;
  const target = { regionCode: row.regionCode, caseId: row.id };
  if (effects.stop) await stopClocks(tx, clocks, effects.stop, ctx.today);
  for (const name of effects.pause ?? []) await pauseClock(tx, clocks, name, ctx.today);
  const resumedOn = effects.resume?.length && effects.resumeFrom ? await effects.resumeFrom(ctx) : ctx.today;
  for (const name of effects.resume ?? []) await resumeClock(tx, deadlines, clocks, name, resumedOn < ctx.today ? resumedOn : ctx.today);
  for (const name of effects.restart ?? []) await restartClock(tx, deadlines, target, clocks, name, ctx.today);
  for (const [name, source] of Object.entries(effects.extend ?? {})) await extendClock(tx, deadlines, clocks, name, await resolve(source, ctx));
  for (const [name, source] of Object.entries(effects.start ?? {})) {
    const start = await resolve(source, ctx);
    await startClock(tx, deadlines, target, name, start, 'from' in start && start.from ? start.from : ctx.today);
  }
}

async function recordEvent(
  tx: Tx,
  row: CaseRow,
  event: { at: Date; actor: Actor | null; action: string; fromState: string | null; toState: string; reason?: string; data?: unknown; fileIds: string[]; clocks: ClockRow[] },
): Promise<void> {
  // The case row is locked, so max(seq)+1 cannot race.
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${caseEvents.seq}), 0)::int + 1` })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id));
  await tx.insert(caseEvents).values({
    regionCode: row.regionCode,
    caseId: row.id,
    seq: next,
    at: event.at,
    actorId: event.actor?.userId ?? null,
    actorName: event.actor ? event.actor.displayName : '申请人（网上）',
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    reason: event.reason ?? null,
    data: event.data === undefined ? null : event.data,
    fileIds: event.fileIds,
    clocks: event.clocks.map((c) => ({ name: c.name, status: c.status, dueOn: c.dueOn, provisional: c.provisional, basis: c.basis })),
  });
}

export interface NewCase {
  caseType: string;
  regionCode: string;
  orgId: string;
  title: string;
  assigneeId?: string;
  trackingCode?: string;
  caseNo?: string;
  /** The case this one follows from (意见书 of a 复议 case, a lawsuit after 复议). */
  parentId?: string;
  /** The organisation the case is against, when it is not the handler (the 被申请人 of a 复议 case). */
  partyOrgId?: string;
  /**
   * The day the application was received, when not today (e.g. the day a mailed application was
   * signed for, 复议法 第二十二条): the initial clocks count from it.
   */
  receivedOn?: string;
  /** Recorded on the first history row. */
  data?: unknown;
}

/** Opens a case in its workflow's initial state, with its initial clocks and the first history row. */
export async function openCase(tx: Tx, deps: WorkflowDeps, input: NewCase, who: { actor: Actor | null; meta: RequestMeta }): Promise<CaseRow> {
  const workflow = getWorkflow(input.caseType);
  const now = deps.clock.now();
  if (input.receivedOn && input.receivedOn > beijingToday(deps.clock)) throw new AppError('VALIDATION_FAILED', '收到日期不能晚于今天');
  const today = input.receivedOn ?? beijingToday(deps.clock);
  const [created] = await tx
    .insert(cases)
    .values({
      caseType: input.caseType,
      regionCode: input.regionCode,
      orgId: input.orgId,
      title: input.title,
      state: workflow.initial,
      assigneeId: input.assigneeId ?? null,
      trackingCode: input.trackingCode ?? null,
      caseNo: input.caseNo ?? null,
      parentId: input.parentId ?? null,
      partyOrgId: input.partyOrgId ?? null,
      openedAt: now,
      createdBy: who.actor?.userId ?? null,
      updatedBy: who.actor?.userId ?? null,
    })
    .returning();
  const target = { regionCode: input.regionCode, caseId: created!.id };
  for (const [name, period] of Object.entries(workflow.initialClocks ?? {})) await startClock(tx, deps.deadlines, target, name, period, today);
  const clocks = await loadClocks(tx, created!.id);
  const [row] = await tx.update(cases).set(nextDue(clocks)).where(eq(cases.id, created!.id)).returning();
  if (input.assigneeId) {
    await tx.insert(caseAssignments).values({ caseId: row!.id, userId: input.assigneeId, role: 'handler', regionCode: input.regionCode, assignedAt: now, assignedBy: who.actor?.userId ?? null });
  }
  await recordEvent(tx, row!, { at: now, actor: who.actor, action: 'open', fromState: null, toState: workflow.initial, data: input.data, fileIds: [], clocks });
  await writeAudit(tx, now, who, { action: 'case.open', entityType: input.caseType, entityId: row!.id, regionCode: input.regionCode, orgId: input.orgId, after: { state: workflow.initial, title: input.title } });
  return row!;
}

export interface AvailableAction {
  action: string;
  label: string;
  enabled: boolean;
  /** Why the action is disabled. */
  reason?: string;
  reasonRequired: boolean;
  minFiles: number;
  /** The step's own fields (decision type, dates …), for the console's form. */
  fields: ActionField[];
}

/**
 * What the actor may do on the case now, for the console's buttons (its panel's steps aside): actions from the current state
 * that the actor holds the permission for, each enabled or disabled with the guard's reason.
 */
export async function availableActions(tx: Tx, deps: WorkflowDeps, caseId: string, actor: Actor): Promise<AvailableAction[]> {
  const [row] = await placedCase(tx, caseId);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在或无权访问');
  const locked: PlacedCase = { ...row.case, orgPath: row.orgPath, partyOrgPath: row.partyOrgPath };
  const workflow = getWorkflow(locked.caseType);
  const roles = await assignedRoles(tx, caseId, actor.userId);
  const clocks = await loadClocks(tx, caseId);
  const today = beijingToday(deps.clock);
  const out: AvailableAction[] = [];
  for (const [name, action] of Object.entries(workflow.actions)) {
    if (action.inPanel || !action.from.includes(locked.state) || !actor.permissions.has(action.permission)) continue;
    const permitted = mayAct(actor, action, locked, roles);
    const guard = permitted.ok && action.guard ? await action.guard({ tx, case: locked, clocks, today, actor, input: undefined, due: calendarOf(tx, deps.deadlines, locked.regionCode) }) : permitted;
    out.push({
      action: name,
      label: action.label,
      enabled: guard.ok,
      ...(guard.ok ? {} : { reason: guard.reason }),
      reasonRequired: action.reasonRequired ?? false,
      minFiles: action.minFiles ?? 0,
      fields: actionFields(action.input),
    });
  }
  return out;
}
