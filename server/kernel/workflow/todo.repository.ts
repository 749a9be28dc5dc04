import { and, asc, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../auth/actor.ts';
import type { DataScope } from '../auth/auth.tables.ts';
import type { Queryable } from '../db/db.ts';
import { StatementCache } from '../db/statements.ts';
import { organisations } from '../org/org.tables.ts';
import { allWorkflows, type WorkflowDef } from './define-workflow.ts';
import { markFilter, markSql } from './marks.ts';
import { caseAssignments, caseClocks, caseEvents, cases } from './workflow.tables.ts';

/** The case's handling organisation within the scope (no join: conditions stay on cases alone). */
const handlerInScope = (actor: Actor, scope: DataScope) => scopeOnOrgId(actor, scope, { orgId: cases.orgId, regionCode: cases.regionCode });

/** The case's party organisation (e.g. the 被申请人) within the scope. */
const partyInScope = (actor: Actor, scope: DataScope) =>
  and(isNotNull(cases.partyOrgId), scopeOnOrgId(actor, scope, { orgId: cases.partyOrgId, regionCode: cases.regionCode }))!;

/**
 * The user is assigned to the case (any role): that alone grants reading and the 待办 entry. Written as
 * `id = any(array(…))` rather than a correlated EXISTS: OR-ed with the scope branches, an EXISTS keeps
 * PostgreSQL from using the indexes on cases (445 ms → 6 ms for a 待办 page at 1,000,000 cases).
 */
export function assignedCondition(actor: Actor): SQL {
  return sql`${cases.id} = any(array(select ${caseAssignments.caseId} from ${caseAssignments} where ${caseAssignments.userId} = ${actor.userId}))`;
}

/**
 * Cases the actor may read: by each case type's read permission in scope of the handling organisation,
 * by its party permission in scope of the party organisation, or by assignment.
 */
export function readableCondition(actor: Actor, workflows: WorkflowDef[] = allWorkflows()): SQL {
  const branches = workflows.flatMap((wf) => {
    const scope = actor.permissions.get(wf.readPermission);
    const partyScope = wf.partyPermission ? actor.permissions.get(wf.partyPermission) : undefined;
    const byHandler = scope ? handlerInScope(actor, scope) : undefined;
    const byParty = partyScope ? partyInScope(actor, partyScope) : undefined;
    return byHandler || byParty ? [and(eq(cases.caseType, wf.caseType), or(byHandler, byParty))!] : [];
  });
  return or(assignedCondition(actor), ...branches)!;
}

/**
 * Where the actor can act: for every action whose permission the actor holds, the cases of that type
 * in one of the states the action is offered in (ActionDef.offeredIn, else its source states) within the permission's scope (of the party organisation for a
 * party's step, and while its clock runs for a step that waits on one) — or any open case assigned to
 * the actor. Guards are not evaluated here (they need each case); the case page says why a step waits.
 */
export function actionableCondition(actor: Actor, workflows: WorkflowDef[] = allWorkflows()): SQL {
  const clauses: SQL[] = [assignedCondition(actor)];
  for (const wf of workflows) {
    const branches = new Map<string, { permission: string; byParty: boolean; whileRunning?: string; states: Set<string> }>();
    for (const action of Object.values(wf.actions)) {
      const offered = action.offeredIn ?? action.from;
      if (action.assignedOnly || offered.length === 0 || !actor.permissions.has(action.permission)) continue;
      const key = [action.permission, action.byParty ? 'party' : 'handler', action.whileRunning ?? ''].join('|');
      const branch = branches.get(key) ?? { permission: action.permission, byParty: !!action.byParty, whileRunning: action.whileRunning, states: new Set<string>() };
      offered.forEach((s) => branch.states.add(s));
      branches.set(key, branch);
    }
    for (const { permission, byParty, whileRunning, states } of branches.values()) {
      const scope = actor.permissions.get(permission)!;
      clauses.push(
        and(
          eq(cases.caseType, wf.caseType),
          sql`${cases.state} in ${[...states]}`,
          byParty ? partyInScope(actor, scope) : handlerInScope(actor, scope),
          whileRunning ? clockRunning(whileRunning) : undefined,
        )!,
      );
    }
  }
  return or(...clauses)!;
}

/** The case's clock of that name is running (an index lookup on case_clocks_name_uq per candidate case). */
const clockRunning = (name: string) =>
  sql`exists (select 1 from ${caseClocks} where ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = ${name} and ${caseClocks.status} = 'running')`;

export interface TodoQuery {
  caseType?: string;
  orgId?: string;
  assignedToMe?: boolean;
  mark?: 'overdue' | 'dueSoon';
  page: number;
  pageSize: number;
}

/** The dates as placeholders, bound at each execution (see markSql and markFilter). */
const placeholderDates = { today: sql.placeholder('today'), soonLimit: sql.placeholder('soonLimit') };

function todoWhere(actor: Actor, query: TodoQuery): SQL {
  return and(
    eq(cases.terminal, false),
    actionableCondition(actor),
    query.caseType ? eq(cases.caseType, sql.placeholder('caseType')) : undefined,
    query.orgId ? eq(cases.orgId, sql.placeholder('orgId')) : undefined,
    query.assignedToMe ? assignedCondition(actor) : undefined,
    markFilter(cases.dueOn, query.mark, placeholderDates),
  )!;
}

/**
 * One query: the page and the total (a window count) from cases alone, then the organisations' names
 * for the page's rows — joining them before the limit costs more than the rest of the query.
 */
function todoPageQuery(db: Queryable, actor: Actor, query: TodoQuery) {
  const page = db
    .select({
      id: cases.id,
      caseType: cases.caseType,
      caseNo: cases.caseNo,
      title: cases.title,
      state: cases.state,
      orgId: cases.orgId,
      dueOn: cases.dueOn,
      dueProvisional: cases.dueProvisional,
      openedAt: cases.openedAt,
      version: cases.version,
      // Placeholders for the dates: the statement is reused from day to day.
      mark: markSql(cases.dueOn, placeholderDates).as('mark'),
      total: sql<number>`count(*) over ()::int`.as('total'),
    })
    .from(cases)
    .where(todoWhere(actor, query))
    .orderBy(sql`${cases.dueOn} asc nulls last`, asc(cases.openedAt), asc(cases.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .select({
      id: page.id,
      caseType: page.caseType,
      caseNo: page.caseNo,
      title: page.title,
      state: page.state,
      orgId: page.orgId,
      orgName: organisations.name,
      dueOn: page.dueOn,
      dueProvisional: page.dueProvisional,
      openedAt: page.openedAt,
      version: page.version,
      mark: page.mark,
      total: page.total,
    })
    .from(page)
    .innerJoin(organisations, eq(organisations.id, page.orgId))
    .orderBy(sql`${page.dueOn} asc nulls last`, asc(page.openedAt), asc(page.id))
    .prepare('');
}

/**
 * Built per user and filter shape, with the user's place and permissions in the key: the 待办 list is
 * every signed-in user's first page and the console reloads it after each step. (An empty name keeps
 * PostgreSQL from holding a named statement per connection for each of them.)
 */
const todoStatements = new StatementCache<ReturnType<typeof todoPageQuery>>(1000);

const permissionKey = (actor: Actor) => [...actor.permissions].map(([permission, scope]) => `${permission}:${scope}`).join(',');

/**
 * The 待办 list: open cases where the actor can act, soonest deadline first. `today` and `soonLimit`
 * (today + 3 working days) come from kernel/calendar, so the marks are plain date comparisons in SQL.
 */
export async function findTodo(db: Queryable, actor: Actor, query: TodoQuery, dates: { today: string; soonLimit: string }) {
  const shape = [query.caseType ? 'type' : '', query.orgId ? 'org' : '', query.assignedToMe ? 'mine' : '', query.mark ?? ''].join('/');
  const key = [actor.userId, actor.orgId, actor.orgPath, actor.regionCode, shape, permissionKey(actor)].join('|');
  const statement = todoStatements.get(db, key, () => todoPageQuery(db, actor, query));
  const values = { ...dates, caseType: query.caseType, orgId: query.orgId, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const rows = await statement.execute(values);
  const items = rows.map(({ total: _total, ...item }) => item);
  if (rows.length > 0 || query.page === 1) return { items, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(cases).where(todoWhere(actor, query)).execute(values);
  return { items, total };
}

/** Whoever may read a case may read the files its history lists (kernel/files grant). */
export async function fileOnReadableCase(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(sql`${caseEvents.fileIds} @> ${JSON.stringify([fileId])}::jsonb`, readableCondition(actor)))
    .limit(1);
  return row !== undefined;
}
