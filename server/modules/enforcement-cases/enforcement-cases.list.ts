import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementBodies, enforcementMatters, leniencyItems } from '../enforcement/enforcement.tables.ts';
import { PENALTY } from './enforcement-cases.permissions.ts';
import type { CaseFilter } from './enforcement-cases.schemas.ts';
import { enforcementCases } from './enforcement-cases.tables.ts';

/** 首违不罚: a first violation whose matter is on the county's active 首违不罚 list, decided in SQL for lists and filters. */
export const leniencyFlag = sql<boolean>`(${enforcementCases.firstViolation} and exists (select 1 from ${leniencyItems} where ${leniencyItems.matterId} = ${enforcementCases.matterId}
  and ${leniencyItems.list} = 'firstViolation' and ${leniencyItems.status} = 'active'))`;

const columns = (dates: MarkDates) => ({
  id: cases.id,
  caseNo: cases.caseNo,
  title: cases.title,
  state: cases.state,
  version: cases.version,
  dueOn: cases.dueOn,
  mark: markSql(cases.dueOn, dates, sql`not ${cases.terminal}`),
  orgId: cases.orgId,
  orgName: organisations.name,
  regionCode: cases.regionCode,
  bodyId: enforcementCases.bodyId,
  bodyName: enforcementBodies.name,
  matterId: enforcementCases.matterId,
  matterName: enforcementMatters.name,
  field: enforcementCases.field,
  procedure: enforcementCases.procedure,
  source: enforcementCases.source,
  partyType: enforcementCases.partyType,
  partyName: enforcementCases.partyName,
  partyIdMask: enforcementCases.partyIdMask,
  facts: enforcementCases.facts,
  filedOn: enforcementCases.filedOn,
  firstViolation: enforcementCases.firstViolation,
  leniencyFlag,
  leniencyItemId: enforcementCases.leniencyItemId,
  reviewRequired: enforcementCases.reviewRequired,
  reviewTriggers: enforcementCases.reviewTriggers,
  proposedPenalties: enforcementCases.proposedPenalties,
  proposedFine: enforcementCases.proposedFine,
  benchmarkId: enforcementCases.benchmarkId,
  departureReason: enforcementCases.departureReason,
  hearingRequested: enforcementCases.hearingRequested,
  hearingOn: enforcementCases.hearingOn,
  outcome: enforcementCases.outcome,
  penalties: enforcementCases.penalties,
  fine: enforcementCases.fine,
  decidedOn: enforcementCases.decidedOn,
  decisionNo: enforcementCases.decisionNo,
  deliveredOn: enforcementCases.deliveredOn,
  executedOn: enforcementCases.executedOn,
  closedOn: enforcementCases.closedOn,
  archivedOn: enforcementCases.archivedOn,
  archiveIndex: enforcementCases.archiveIndex,
  transferredToJudiciary: enforcementCases.transferredToJudiciary,
  correctedByCaseId: enforcementCases.correctedByCaseId,
  correctedOn: enforcementCases.correctedOn,
});

export type PenaltyListRow = Awaited<ReturnType<typeof findPenaltyCases>>['items'][number];

const base = (db: Queryable, dates: MarkDates) =>
  db
    .select(columns(dates))
    .from(cases)
    .innerJoin(enforcementCases, eq(enforcementCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(enforcementBodies, eq(enforcementBodies.id, enforcementCases.bodyId))
    .innerJoin(enforcementMatters, eq(enforcementMatters.id, enforcementCases.matterId));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(actor: Actor, filter: Partial<CaseFilter>, dates: MarkDates): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    eq(cases.caseType, PENALTY),
    readableCondition(actor, [getWorkflow(PENALTY)]),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.field ? eq(enforcementCases.field, filter.field) : undefined,
    filter.bodyId ? eq(enforcementCases.bodyId, filter.bodyId) : undefined,
    filter.orgId ? sql`${organisations.path} like (select o.path || '%' from ${organisations} o where o.id = ${filter.orgId})` : undefined,
    filter.outcome ? eq(enforcementCases.outcome, filter.outcome) : undefined,
    filter.firstViolation !== undefined ? (filter.firstViolation ? leniencyFlag : sql`not ${leniencyFlag}`) : undefined,
    filter.overdue !== undefined ? (filter.overdue ? sql`(not ${cases.terminal} and ${cases.dueOn} < ${dates.today})` : sql`not (not ${cases.terminal} and coalesce(${cases.dueOn} < ${dates.today}, false))`) : undefined,
    filter.year ? sql`${enforcementCases.filedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    pattern ? or(sql`${cases.title} ilike ${pattern}`, sql`${enforcementCases.partyName} ilike ${pattern}`, sql`${cases.caseNo} ilike ${pattern}`) : undefined,
  )!;
}

const sorts = { filedOn: enforcementCases.filedOn, dueOn: cases.dueOn, decidedOn: enforcementCases.decidedOn, fine: enforcementCases.fine, title: cases.title };
const orderOf = (filter: CaseFilter): SQL[] => [sql`${sorts[filter.sort]} ${filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`, asc(cases.id)];

export function findPenaltyCases(db: Queryable, actor: Actor, filter: CaseFilter, dates: MarkDates, paging: Paging) {
  return findPage(db, () => base(db, dates).where(conditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}

export function findPenaltyCasesForExport(db: Queryable, actor: Actor, filter: CaseFilter, dates: MarkDates, limit: number) {
  return base(db, dates)
    .where(conditions(actor, filter, dates))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findReadablePenalty(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await base(db, dates).where(and(eq(cases.id, caseId), conditions(actor, {}, dates)));
  return row;
}
