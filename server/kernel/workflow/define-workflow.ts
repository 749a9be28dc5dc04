import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Period } from '../calendar/periods.ts';
import type { Tx } from '../db/db.ts';
import type { caseClocks, cases } from './workflow.tables.ts';

export type CaseRow = typeof cases.$inferSelect;
export type ClockRow = typeof caseClocks.$inferSelect;

export type GuardResult = { ok: true } | { ok: false; reason: string };
export const ok: GuardResult = { ok: true };
export const no = (reason: string): GuardResult => ({ ok: false, reason });

/**
 * What a guard sees: the locked case, its clocks, today (Beijing date) and the step's input. The actor
 * is null for a step the applicant takes on the portal (an action marked `byApplicant`).
 */
export interface GuardContext<I = unknown> {
  tx: Tx;
  case: CaseRow;
  clocks: ClockRow[];
  today: string;
  actor: Actor | null;
  input: I;
  /** The official calendar for the case's region, e.g. whether a hearing is noticed 5 working days ahead. */
  due(from: string, period: Pick<Period, 'unit' | 'n'>): Promise<{ due: string; provisional: boolean }>;
}

/** A period to start, counted from `from` when it is not today (e.g. 视为受理 on the review period's last day). */
export type ClockStart = Period & { from?: string };

/** A period, or one chosen from the case and the input (e.g. simple vs ordinary procedure). */
export type PeriodSource<I> = Period | ((ctx: GuardContext<I>) => ClockStart | Promise<ClockStart>);

/**
 * What a step does to the case's clocks. start: begin (or begin again) from today; pause/resume:
 * time between them does not count (中止, third-party consultation); restart: begin again in full from
 * today (补正 received); extend: add a period once, with approval; stop: the period is met.
 */
export interface ClockEffects<I> {
  start?: Record<string, PeriodSource<I>>;
  pause?: string[];
  resume?: string[];
  /**
   * The day the paused time ended, when that was before the step was recorded (a consultation period
   * that lapsed unanswered): the clocks in `resume` count on from it. Defaults to today.
   */
  resumeFrom?: (ctx: GuardContext<I>) => string | Promise<string>;
  restart?: string[];
  extend?: Record<string, PeriodSource<I>>;
  stop?: string[] | 'all';
}

export interface ActionDef<S extends string, I = unknown> {
  /** The button's Chinese label. */
  label: string;
  from: readonly S[];
  to: S | ((ctx: GuardContext<I>) => S);
  /** Who may take it: holders of this permission whose data scope covers the case's organisation. */
  permission: string;
  /** Only a user assigned to the case (in this role, if given) may take it. */
  assignedOnly?: boolean | string;
  /**
   * The applicant may take it on the portal, identified by the case's tracking code and verification
   * (e.g. submitting 补正 materials); staff holding the permission may still record it for them.
   */
  byApplicant?: boolean;
  /**
   * A step of the case's party organisation (e.g. the 被申请人 submitting its 答复): the permission's
   * scope is checked against cases.party_org_id instead of the handling organisation.
   */
  byParty?: boolean;
  /**
   * The step is someone's work only while this clock runs (the 被申请人's 答复 while the answer period
   * runs): the 待办 list offers the case for it only then. The guard still decides whether it may be taken.
   */
  whileRunning?: string;
  /**
   * The states in which the step is someone's work (the 待办 list), when `from` is wider so that an
   * attempt before its turn reaches the guard and is refused with the missing procedure named (a
   * 规范性文件 cannot be numbered before its collective discussion). Defaults to `from`; empty: never
   * anyone's 待办 (a step taken when needed, from a list of its own).
   */
  offeredIn?: readonly S[];
  /**
   * The module's panel offers the step with a form of its own (a draft generated to edit, several
   * cases at once): the case page's generic buttons leave it out. transition() still takes it.
   */
  inPanel?: boolean;
  input?: z.ZodType<I>;
  reasonRequired?: boolean;
  /** At least this many attachments on the step, e.g. the signed decision. */
  minFiles?: number;
  guard?: (ctx: GuardContext<I>) => GuardResult | Promise<GuardResult>;
  clocks?: ClockEffects<I>;
  /**
   * Facts the step establishes (e.g. that a defence came after its due date), recorded on its history
   * row beside the input. Sees the clocks as they were before the step.
   */
  record?: (ctx: GuardContext<I>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Module writes in the same transaction (its own table), after the state changed. */
  effect?: (ctx: GuardContext<I> & { toState: S }) => Promise<void>;
}

export interface StateDef {
  label: string;
  terminal?: boolean;
}

export interface WorkflowDef<S extends string = string> {
  caseType: string;
  /** Chinese name of the case type, e.g. 行政复议. */
  label: string;
  /** Reading a case needs this permission with a scope covering its organisation, or an assignment. */
  readPermission: string;
  /** Staff of the case's party organisation read it with this permission in scope of that organisation. */
  partyPermission?: string;
  states: Record<S, StateDef>;
  initial: S;
  /** Clocks that start when a case is created. */
  initialClocks?: Record<string, Period>;
  /** Chinese names of the case's clocks, e.g. { review: '受理审查期限' }. */
  clockLabels?: Record<string, string>;
  // Each action has its own input type; the map is checked per action by defineWorkflow's caller.
  actions: Record<string, ActionDef<S, any>>;
}

const registry = new Map<string, WorkflowDef>();

/** Declares a case type's procedure. transition() is then the only way its cases change state. */
export function defineWorkflow<S extends string>(def: WorkflowDef<S>): WorkflowDef<S> {
  for (const [name, action] of Object.entries(def.actions)) {
    for (const state of action.from) if (!def.states[state]) throw new Error(`${def.caseType}.${name}: unknown state ${state}`);
    for (const state of action.offeredIn ?? []) if (!action.from.includes(state)) throw new Error(`${def.caseType}.${name}: offered in ${state}, which it is not taken from`);
    if (typeof action.to === 'string' && !def.states[action.to]) throw new Error(`${def.caseType}.${name}: unknown state ${action.to}`);
  }
  if (registry.has(def.caseType) && registry.get(def.caseType) !== (def as unknown as WorkflowDef)) throw new Error(`workflow ${def.caseType} defined twice`);
  registry.set(def.caseType, def as unknown as WorkflowDef);
  return def;
}

export function getWorkflow(caseType: string): WorkflowDef {
  const def = registry.get(caseType);
  if (!def) throw new Error(`no workflow for case type ${caseType}`);
  return def;
}

export function allWorkflows(): WorkflowDef[] {
  return [...registry.values()];
}
