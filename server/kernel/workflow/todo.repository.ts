import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, type Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/db.ts';
import { organisations } from '../org/org.tables.ts';
import { allWorkflows, type WorkflowDef } from './define-workflow.ts';
import { caseAssignments, caseEvents, cases } from './workflow.tables.ts';

const orgColumns = { orgId: cases.orgId, orgPath: organisations.path, regionCode: cases.regionCode };

/**
 * The user is assigned to the case (any role): that alone grants reading and the 待办 entry. Written as
 * `id = any(array(…))` rather than a correlated EXISTS: OR-ed with the scope branches, an EXISTS keeps
 * PostgreSQL from using the indexes on cases (445 ms → 6 ms for a 待办 page at 1,000,000 cases).
 */
export function assignedCondition(actor: Actor): SQL {
  return sql`${cases.id} = any(array(select ${caseAssignments.caseId} from ${caseAssignments} where ${caseAssignments.userId} = ${actor.userId}))`;
}

/** Cases the actor may read: by each case type's read permission and scope, or by assignment. */
export function readableCondition(actor: Actor, workflows: WorkflowDef[] = allWorkflows()): SQL {
  const byScope = workflows.flatMap((wf) => {
    const scope = actor.permissions.get(wf.readPermission);
    return scope ? [and(eq(cases.caseType, wf.caseType), scopeCondition(actor, scope, orgColumns))!] : [];
  });
  return or(assignedCondition(actor), ...byScope)!;
}

/**
 * Where the actor can act: for every action whose permission the actor holds, the cases of that type
 * in one of the action's source states within the permission's scope — or any open case assigned to
 * the actor. Guards are not evaluated here (they need each case); the case page says why a step waits.
 */
export function actionableCondition(actor: Actor, workflows: WorkflowDef[] = allWorkflows()): SQL {
  const clauses: SQL[] = [assignedCondition(actor)];
  for (const wf of workflows) {
    const statesByPermission = new Map<string, Set<string>>();
    for (const action of Object.values(wf.actions)) {
      if (action.assignedOnly || !actor.permissions.has(action.permission)) continue;
      const states = statesByPermission.get(action.permission) ?? new Set<string>();
      action.from.forEach((s) => states.add(s));
      statesByPermission.set(action.permission, states);
    }
    for (const [permission, states] of statesByPermission) {
      clauses.push(
        and(
          eq(cases.caseType, wf.caseType),
          sql`${cases.state} in ${[...states]}`,
          scopeCondition(actor, actor.permissions.get(permission)!, orgColumns),
        )!,
      );
    }
  }
  return or(...clauses)!;
}

export type DeadlineMark = 'overdue' | 'dueSoon' | null;

export interface TodoQuery {
  caseType?: string;
  orgId?: string;
  assignedToMe?: boolean;
  mark?: 'overdue' | 'dueSoon';
  page: number;
  pageSize: number;
}

/**
 * The 待办 list: open cases where the actor can act, soonest deadline first. `today` and `soonLimit`
 * (today + 3 working days) come from kernel/calendar, so the marks are plain date comparisons in SQL.
 */
export async function findTodo(db: Queryable, actor: Actor, query: TodoQuery, dates: { today: string; soonLimit: string }) {
  const mark = sql<DeadlineMark>`case when ${cases.dueOn} < ${dates.today} then 'overdue' when ${cases.dueOn} <= ${dates.soonLimit} then 'dueSoon' end`;
  const where = and(
    eq(cases.terminal, false),
    actionableCondition(actor),
    query.caseType ? eq(cases.caseType, query.caseType) : undefined,
    query.orgId ? eq(cases.orgId, query.orgId) : undefined,
    query.assignedToMe ? assignedCondition(actor) : undefined,
    query.mark === 'overdue' ? sql`${cases.dueOn} < ${dates.today}` : undefined,
    query.mark === 'dueSoon' ? sql`${cases.dueOn} >= ${dates.today} and ${cases.dueOn} <= ${dates.soonLimit}` : undefined,
  );
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: cases.id,
        caseType: cases.caseType,
        caseNo: cases.caseNo,
        title: cases.title,
        state: cases.state,
        orgId: cases.orgId,
        orgName: organisations.name,
        dueOn: cases.dueOn,
        dueProvisional: cases.dueProvisional,
        openedAt: cases.openedAt,
        version: cases.version,
        mark,
      })
      .from(cases)
      .innerJoin(organisations, eq(organisations.id, cases.orgId))
      .where(where)
      .orderBy(sql`${cases.dueOn} asc nulls last`, asc(cases.openedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(organisations, eq(organisations.id, cases.orgId))
      .where(where),
  ]);
  return { items, total };
}

/** Whoever may read a case may read the files its history lists (kernel/files grant). */
export async function fileOnReadableCase(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(sql`${caseEvents.fileIds} @> ${JSON.stringify([fileId])}::jsonb`, readableCondition(actor)))
    .limit(1);
  return row !== undefined;
}
