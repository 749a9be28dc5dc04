import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { OPINION, PROPOSAL, READ } from './proposals.permissions.ts';
import type { ProposalFilter } from './proposals.schemas.ts';
import { proposalHandlers, proposals } from './proposals.tables.ts';

/**
 * A proposal is readable by the kernel's rule (the office's region scope, the lead unit's own scope)
 * or — the kernel knows one handling organisation only — by a 会办单位 still on it, through
 * proposal_handlers within the actor's read scope.
 */
export function readableProposals(actor: Actor): SQL {
  const scope = actor.permissions.get(READ);
  const byHandler = scope
    ? sql`exists (select 1 from ${proposalHandlers} h where h.case_id = ${cases.id} and h.active
        and ${scopeOnOrgId(actor, scope, { orgId: sql`h.org_id`, regionCode: sql`h.region_code` })})`
    : undefined;
  return or(readableCondition(actor, [getWorkflow(PROPOSAL)]), byHandler)!;
}

/** The satisfaction that stands: the second feedback's after a second reply. */
export const finalSatisfaction = sql<string | null>`coalesce(${proposals.secondSatisfaction}, ${proposals.satisfaction})`;
const onTime = sql<boolean | null>`case when ${proposals.repliedOn} is null then null else ${proposals.repliedOn} <= ${proposals.replyDueOn} end`;
const coNames = sql<string | null>`(select string_agg(o.name, '、' order by o.name) from ${proposalHandlers} h inner join ${organisations} o on o.id = h.org_id
  where h.case_id = ${cases.id} and h.role = 'co' and h.active)`;

/**
 * Where the console opens the item: the kernel's case page where the actor may read it, else (a
 * 会办单位) its own 会办 case, whose panel shows the proposal.
 */
const pathFor = (actor: Actor) => sql<string>`case when ${readableCondition(actor, [getWorkflow(PROPOSAL)])} then '/proposals/' || ${cases.id}::text
  else coalesce('/cases/' || (select c.id::text from ${cases} c where c.parent_id = ${cases.id} and c.case_type = ${OPINION} and c.org_id = ${actor.orgId}
    order by c.opened_at desc limit 1), '/proposals/' || ${cases.id}::text) end`;

const columns = (actor: Actor, dates: MarkDates) => ({
  path: pathFor(actor),
  id: cases.id,
  version: cases.version,
  state: cases.state,
  terminal: cases.terminal,
  title: cases.title,
  dueOn: cases.dueOn,
  mark: markSql(cases.dueOn, dates, sql`not ${cases.terminal}`),
  orgId: cases.orgId,
  orgName: organisations.name,
  regionCode: cases.regionCode,
  kind: proposals.kind,
  sessionLabel: proposals.sessionLabel,
  year: proposals.year,
  number: proposals.number,
  proposers: proposals.proposers,
  topic: proposals.topic,
  content: proposals.content,
  assignedOn: proposals.assignedOn,
  extensionReason: proposals.extensionReason,
  replyCategory: proposals.replyCategory,
  replyText: proposals.replyText,
  repliedOn: proposals.repliedOn,
  replyDueOn: proposals.replyDueOn,
  onTime,
  firstSatisfaction: proposals.satisfaction,
  satisfaction: finalSatisfaction,
  feedbackOn: proposals.feedbackOn,
  secondReplyText: proposals.secondReplyText,
  secondRepliedOn: proposals.secondRepliedOn,
  secondReplyDueOn: proposals.secondReplyDueOn,
  secondSatisfaction: proposals.secondSatisfaction,
  coNames,
});

export type ProposalRow = Awaited<ReturnType<typeof findReadableProposal>> & {};

const base = (db: Queryable, actor: Actor, dates: MarkDates) =>
  db.select(columns(actor, dates)).from(cases).innerJoin(proposals, eq(proposals.caseId, cases.id)).innerJoin(organisations, eq(organisations.id, cases.orgId));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(actor: Actor, filter: Partial<ProposalFilter>, dates: MarkDates): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    eq(cases.caseType, PROPOSAL),
    readableProposals(actor),
    filter.kind ? eq(proposals.kind, filter.kind) : undefined,
    filter.year ? eq(proposals.year, filter.year) : undefined,
    filter.sessionLabel ? eq(proposals.sessionLabel, filter.sessionLabel) : undefined,
    filter.orgId ? sql`(${cases.orgId} = ${filter.orgId} or exists (select 1 from ${proposalHandlers} h where h.case_id = ${cases.id} and h.active and h.org_id = ${filter.orgId}))` : undefined,
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.category ? eq(proposals.replyCategory, filter.category) : undefined,
    filter.satisfaction ? sql`${finalSatisfaction} = ${filter.satisfaction}` : undefined,
    filter.overdue !== undefined
      ? filter.overdue
        ? sql`(not ${cases.terminal} and ${cases.dueOn} < ${dates.today})`
        : sql`not (not ${cases.terminal} and coalesce(${cases.dueOn} < ${dates.today}, false))`
      : undefined,
    pattern ? or(sql`${cases.title} ilike ${pattern}`, sql`${proposals.proposers} ilike ${pattern}`, sql`${proposals.number} ilike ${pattern}`) : undefined,
  )!;
}

const sorts: Record<ProposalFilter['sort'], SQL[]> = {
  // 第2号 before 第10号: shorter numbers first, then by text.
  number: [sql`${proposals.year}`, sql`${proposals.kind}`, sql`length(${proposals.number})`, sql`${proposals.number}`],
  assignedOn: [sql`${proposals.assignedOn}`],
  dueOn: [sql`${cases.dueOn}`],
  repliedOn: [sql`${proposals.repliedOn}`],
};
const orderOf = (filter: ProposalFilter): SQL[] => [...sorts[filter.sort].map((s) => sql`${s} ${filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`), asc(cases.id)];

export function findProposals(db: Queryable, actor: Actor, filter: ProposalFilter, dates: MarkDates, paging: Paging) {
  return findPage(db, () => base(db, actor, dates).where(conditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}

export function findProposalsForExport(db: Queryable, actor: Actor, filter: ProposalFilter, dates: MarkDates, limit: number) {
  return base(db, actor, dates)
    .where(conditions(actor, filter, dates))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findReadableProposal(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await base(db, actor, dates).where(and(eq(cases.id, caseId), conditions(actor, {}, dates)));
  return row;
}

const child = alias(cases, 'opinion_case');

/** Every unit ever on the proposal, with its 会办 case (the latest, when the unit was taken off and put on again). */
export function findHandlers(db: Queryable, caseId: string, dates: MarkDates) {
  return db
    .select({
      id: proposalHandlers.id,
      orgId: proposalHandlers.orgId,
      orgName: organisations.name,
      role: proposalHandlers.role,
      assignedOn: proposalHandlers.assignedOn,
      returnedOn: proposalHandlers.returnedOn,
      returnReason: proposalHandlers.returnReason,
      opinion: proposalHandlers.opinion,
      opinionOn: proposalHandlers.opinionOn,
      active: proposalHandlers.active,
      caseId: child.id,
      caseState: child.state,
      dueOn: child.dueOn,
      mark: markSql(child.dueOn, dates, sql`not ${child.terminal}`),
    })
    .from(proposalHandlers)
    .innerJoin(organisations, eq(organisations.id, proposalHandlers.orgId))
    .leftJoin(
      child,
      sql`${child.id} = (select c.id from ${cases} c where c.parent_id = ${proposalHandlers.caseId} and c.org_id = ${proposalHandlers.orgId}
        and c.case_type = ${OPINION} and ${proposalHandlers.role} = 'co' order by c.opened_at desc limit 1)`,
    )
    .where(eq(proposalHandlers.caseId, caseId))
    .orderBy(desc(proposalHandlers.active), sql`${proposalHandlers.role} = 'lead' desc`, asc(proposalHandlers.assignedOn), asc(organisations.name));
}

/**
 * 年度办理情况 for one kind and year (the session's year): per lead unit and in total, in one GROUP BY
 * with GROUPING SETS. Items not yet assigned are counted under no unit.
 */
export async function summarise(db: Queryable, actor: Actor, kind: string, year: number) {
  const lead = sql`case when ${proposals.assignedOn} is null then null else ${cases.orgId} end`;
  const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const rows = await db
    .select({
      isTotal: sql<boolean>`grouping(${lead}) = 1`,
      orgId: sql<string | null>`${lead}`,
      orgName: sql<string | null>`max(case when ${proposals.assignedOn} is null then null else ${organisations.name} end)`,
      total: sql<number>`count(*)::int`,
      replied: count(sql`${proposals.repliedOn} is not null`),
      onTime: count(sql`${proposals.repliedOn} <= ${proposals.replyDueOn}`),
      solved: count(sql`${proposals.replyCategory} = 'solved'`),
      planned: count(sql`${proposals.replyCategory} = 'planned'`),
      explained: count(sql`${proposals.replyCategory} = 'explained'`),
      satisfied: count(sql`${finalSatisfaction} = 'satisfied'`),
      basic: count(sql`${finalSatisfaction} = 'basic'`),
      unsatisfied: count(sql`${finalSatisfaction} = 'unsatisfied'`),
      secondReplies: count(sql`${proposals.secondRepliedOn} is not null`),
    })
    .from(cases)
    .innerJoin(proposals, eq(proposals.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.caseType, PROPOSAL), readableProposals(actor), eq(proposals.kind, kind), eq(proposals.year, year)))
    .groupBy(sql`grouping sets ((${lead}), ())`)
    .orderBy(sql`grouping(${lead})`, sql`count(*) desc`, sql`max(${organisations.name})`);
  return rows;
}
