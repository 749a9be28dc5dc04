import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { LEGALITY_CLOCK, LEGALITY_REVIEW, LEGALITY_STATE, type QueueFilter } from './legality.ts';

/**
 * The legal office's queue: every case of any type standing in the legality state, with its review
 * clock. Generic over case types (规范性文件, 重大行政决策 …) through cases.state and case_clocks only.
 */
const columns = (dates: MarkDates) => ({
  id: cases.id,
  caseType: cases.caseType,
  caseNo: cases.caseNo,
  title: cases.title,
  orgId: cases.orgId,
  orgName: organisations.name,
  version: cases.version,
  submittedOn: caseClocks.startedOn,
  dueOn: caseClocks.dueOn,
  provisional: caseClocks.provisional,
  clockStatus: caseClocks.status,
  mark: markSql(caseClocks.dueOn, dates, sql`${caseClocks.status} = 'running'`),
});

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(actor: Actor, filter: QueueFilter, dates: MarkDates): SQL {
  const scope = actor.permissions.get(LEGALITY_REVIEW);
  return and(
    eq(cases.state, LEGALITY_STATE),
    scope ? scopeOnOrgId(actor, scope, { orgId: cases.orgId, regionCode: cases.regionCode }) : sql`false`,
    filter.caseType ? eq(cases.caseType, filter.caseType) : undefined,
    filter.orgId ? eq(cases.orgId, filter.orgId) : undefined,
    markFilter(caseClocks.dueOn, filter.mark, dates, sql`${caseClocks.status} = 'running'`),
    filter.q ? or(sql`${cases.title} ilike ${likePattern(filter.q)}`, sql`${cases.caseNo} ilike ${likePattern(filter.q)}`) : undefined,
  )!;
}

const sorts = { dueOn: caseClocks.dueOn, submittedOn: caseClocks.startedOn, title: cases.title };

const orderOf = (filter: QueueFilter): SQL[] => [sql`${sorts[filter.sort]} ${filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`, asc(cases.id)];

const base = (db: Queryable, dates: MarkDates) =>
  db
    .select(columns(dates))
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(caseClocks, and(eq(caseClocks.caseId, cases.id), eq(caseClocks.name, LEGALITY_CLOCK)));

export type QueueRow = Awaited<ReturnType<typeof findQueue>>['items'][number];

export function findQueue(db: Queryable, actor: Actor, filter: QueueFilter, dates: MarkDates, paging: Paging) {
  return findPage(db, () => base(db, dates).where(conditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}

export function findQueueForExport(db: Queryable, actor: Actor, filter: QueueFilter, dates: MarkDates, limit: number) {
  return base(db, dates)
    .where(conditions(actor, filter, dates))
    .orderBy(...orderOf(filter))
    .limit(limit);
}
