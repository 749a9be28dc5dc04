import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { governmentMeetings, meetingItems } from '../meetings/meetings.tables.ts';
import { DECISION } from './decisions.permissions.ts';
import type { DecisionFilter } from './decisions.schemas.ts';
import { decisionCatalogueItems, decisionCatalogues, decisionExperts, decisionHearings, decisions } from './decisions.tables.ts';

const decider = alias(organisations, 'decider_org');

const columns = {
  id: cases.id,
  title: cases.title,
  state: cases.state,
  terminal: cases.terminal,
  version: cases.version,
  dueOn: cases.dueOn,
  regionCode: cases.regionCode,
  orgId: cases.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  openedAt: cases.openedAt,
  deciderOrgId: decisions.deciderOrgId,
  deciderOrgName: decider.name,
  deciderOrgPath: decider.path,
  catalogueId: decisionCatalogues.id,
  catalogueYear: decisionCatalogues.year,
  catalogueItemId: decisions.catalogueItemId,
  d: decisions,
};

export type DecisionRow = Awaited<ReturnType<typeof findReadableDecision>> & {};

const base = (db: Queryable) =>
  db
    .select(columns)
    .from(cases)
    .innerJoin(decisions, eq(decisions.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(decider, eq(decider.id, decisions.deciderOrgId))
    .innerJoin(decisionCatalogueItems, eq(decisionCatalogueItems.id, decisions.catalogueItemId))
    .innerJoin(decisionCatalogues, eq(decisionCatalogues.id, decisionCatalogueItems.catalogueId));

const readable = (actor: Actor): SQL => and(eq(cases.caseType, DECISION), readableCondition(actor, [getWorkflow(DECISION)]))!;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

const yearRange = (column: SQL | unknown, year: number) => sql`${column} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

function listConditions(actor: Actor, filter: DecisionFilter): SQL {
  return and(
    readable(actor),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.year ? eq(decisionCatalogues.year, filter.year) : undefined,
    filter.decidedYear ? yearRange(decisions.decidedOn, filter.decidedYear) : undefined,
    filter.orgId ? eq(cases.orgId, filter.orgId) : undefined,
    filter.deciderOrgId ? eq(decisions.deciderOrgId, filter.deciderOrgId) : undefined,
    filter.category ? eq(decisions.category, filter.category) : undefined,
    filter.openGate ? sql`${decisions.gates} -> ${filter.openGate} ->> 'status' = 'pending'` : undefined,
    filter.exempted !== undefined ? sql`${filter.exempted ? sql`` : sql`not`} exists (select 1 from jsonb_each(${decisions.gates}) g where g.value ->> 'status' = 'exempted')` : undefined,
    filter.q ? or(sql`${cases.title} ilike ${likePattern(filter.q)}`, sql`${decisions.documentNo} ilike ${likePattern(filter.q)}`) : undefined,
  )!;
}

const sortColumns = {
  openedAt: cases.openedAt,
  decidedOn: decisions.decidedOn,
  publishedOn: decisions.publishedOn,
  dueOn: cases.dueOn,
  title: cases.title,
  orgName: organisations.name,
};

const orderOf = (filter: DecisionFilter): SQL[] => [sql`${sortColumns[filter.sort]} ${filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`, asc(cases.id)];

export function findDecisions(db: Queryable, actor: Actor, filter: DecisionFilter, paging: Paging) {
  return findPage(db, () => base(db).where(listConditions(actor, filter)).$dynamic(), orderOf(filter), paging);
}

export function findDecisionsForExport(db: Queryable, actor: Actor, filter: DecisionFilter, limit: number) {
  return base(db)
    .where(listConditions(actor, filter))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findReadableDecision(db: Queryable, actor: Actor, caseId: string) {
  const [row] = await base(db).where(and(eq(cases.id, caseId), readable(actor)));
  return row;
}

/** A published decision (the portal): published, suspended or closed after publication. */
export async function findPublishedDecision(db: Queryable, caseId: string) {
  const [row] = await base(db).where(and(eq(cases.id, caseId), eq(cases.caseType, DECISION), sql`${decisions.publishedOn} is not null`));
  return row;
}

export function findPublishedDecisions(db: Queryable, regionCode: string, year: number | undefined, paging: Paging) {
  return findPage(
    db,
    () =>
      base(db)
        .where(and(eq(cases.regionCode, regionCode), eq(cases.caseType, DECISION), sql`${decisions.publishedOn} is not null`, year ? yearRange(decisions.publishedOn, year) : undefined))
        .$dynamic(),
    [sql`${decisions.publishedOn} desc`, asc(cases.id)],
    paging,
  );
}

export function findExperts(db: Queryable, caseId: string) {
  return db.select().from(decisionExperts).where(eq(decisionExperts.caseId, caseId)).orderBy(asc(decisionExperts.seq));
}

export function findHearings(db: Queryable, caseId: string) {
  return db.select().from(decisionHearings).where(eq(decisionHearings.caseId, caseId)).orderBy(asc(decisionHearings.seq));
}

export async function findMeetingOf(db: Queryable, itemId: string | null) {
  if (!itemId) return undefined;
  const [row] = await db
    .select({ meeting: governmentMeetings, orgName: organisations.name })
    .from(meetingItems)
    .innerJoin(governmentMeetings, eq(governmentMeetings.id, meetingItems.meetingId))
    .innerJoin(organisations, eq(organisations.id, governmentMeetings.orgId))
    .where(eq(meetingItems.id, itemId));
  return row;
}

/** A decision by id regardless of the reader (the demo's replay, after the workflow's own checks). */
export async function findDecisionRow(db: Queryable, caseId: string) {
  const [row] = await base(db).where(and(eq(cases.id, caseId), eq(cases.caseType, DECISION)));
  return row;
}
