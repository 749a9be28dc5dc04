import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { calendarService } from '../calendar/calendar.service.ts';
import { beijingToday } from '../calendar/local-date.ts';
import { calendarDeadlines } from './deadlines.ts';
import type { WorkflowDeps } from './transition.ts';

/** Red: the due date has passed; yellow: it falls within 3 working days. */
export type DeadlineMark = 'overdue' | 'dueSoon' | null;

/** Today (Beijing) and the last day of the yellow mark, 3 working days on by the region's calendar. */
export interface MarkDates {
  today: string;
  soonLimit: string;
}

/** The workflow kernel's clock and calendar for this request. */
export const workflowDeps = (request: FastifyRequest): WorkflowDeps => ({ clock: request.server.clock, deadlines: calendarDeadlines(request.server.db) });

export async function markDates(request: FastifyRequest, regionCode: string): Promise<MarkDates> {
  const today = beijingToday(request.server.clock);
  const soon = await calendarService(request.server.db).due(regionCode, today, { unit: 'workingDays', n: 3 });
  return { today, soonLimit: soon.due };
}

/** The mark of a due date already loaded. */
export const markOf = (dueOn: string | null, dates: MarkDates): DeadlineMark =>
  !dueOn ? null : dueOn < dates.today ? 'overdue' : dueOn <= dates.soonLimit ? 'dueSoon' : null;

/** The dates as values, or as placeholders in a statement prepared once and run day after day. */
type Bounds = { [K in keyof MarkDates]: string | Placeholder };

/** The mark in SQL, so lists return it and can filter on it; none while `running` (when given) is false. */
export const markSql = (dueOn: AnyPgColumn | SQL, dates: Bounds, running?: SQL) =>
  sql<DeadlineMark>`case when ${running ? sql`not (${running})` : sql`false`} then null when ${dueOn} < ${dates.today} then 'overdue' when ${dueOn} <= ${dates.soonLimit} then 'dueSoon' end`;

/** Rows with that mark (the list's 已逾期 / 即将到期 filter). */
export function markFilter(dueOn: AnyPgColumn | SQL, mark: 'overdue' | 'dueSoon' | undefined, dates: Bounds, running?: SQL): SQL | undefined {
  if (!mark) return undefined;
  const when = mark === 'overdue' ? sql`${dueOn} < ${dates.today}` : sql`${dueOn} >= ${dates.today} and ${dueOn} <= ${dates.soonLimit}`;
  return running ? sql`(${running}) and ${when}` : when;
}
