import { sql, type SQL } from 'drizzle-orm';
import { periodBounds, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { beijingDay, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { allWorkflows } from '../../kernel/workflow/define-workflow.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * The rows behind the cross-module case figures: `cases` (kernel/workflow) with the record columns
 * the statistics page shows and the dimension columns the figures are broken down by.
 */

/** Case type → its Chinese name, from the workflows registered when the query is built. */
function caseTypeLabel(): SQL {
  const whens = allWorkflows().map((w) => sql`when ${w.caseType} then ${w.label}`);
  return whens.length ? sql`case ${cases.caseType} ${sql.join(whens, sql` `)} else ${cases.caseType} end` : sql`${cases.caseType}`;
}

function stateLabel(): SQL {
  const whens = allWorkflows().flatMap((w) =>
    Object.entries(w.states).map(([state, def]) => sql`when ${cases.caseType} = ${w.caseType} and ${cases.state} = ${state} then ${def.label}`),
  );
  return whens.length ? sql`case ${sql.join(whens, sql` `)} else ${cases.state} end` : sql`${cases.state}`;
}

const recordColumns = (date: SQL) =>
  sql`${cases.id} as id, ${cases.title} as title, ${caseTypeLabel()} as category, ${organisations.name} as "orgName", ${date} as date,
      ${stateLabel()} as label, '/cases/' || ${cases.id}::text as link, ${cases.caseType} as "caseType"`;

const scopedCases = (scope: IndicatorScope) =>
  sql`from ${cases} inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

/**
 * A clock of the case that, on `day`, had run past its due date: started by then, due before it, not
 * stopped before it and not paused at it. `stoppedThatDay` counts a clock stopped on the day itself
 * (stopped by the concluding step) as still running that day.
 */
function clockLateOn(day: SQL, stoppedThatDay: boolean): SQL {
  const notStopped = stoppedThatDay ? sql`${caseClocks.stoppedOn} >= ${day}` : sql`${caseClocks.stoppedOn} > ${day}`;
  return sql`${caseClocks.caseId} = ${cases.id} and ${caseClocks.startedOn} <= ${day} and ${caseClocks.dueOn} < ${day}
    and (${caseClocks.stoppedOn} is null or ${notStopped}) and (${caseClocks.pausedOn} is null or ${caseClocks.pausedOn} > ${day})`;
}

/** Opened within the period. */
export function receivedCases(scope: IndicatorScope): SQL {
  const { start, end } = periodBounds(scope);
  return sql`select ${recordColumns(beijingDay(cases.openedAt))} ${scopedCases(scope)}
    and ${cases.openedAt} >= ${start}::timestamptz and ${cases.openedAt} < ${end}::timestamptz`;
}

/** Closed (a terminal state reached) within the period, on time or late. */
export function concludedCases(scope: IndicatorScope): SQL {
  const { start, end } = periodBounds(scope);
  const closedDay = sql`(${cases.closedAt} at time zone 'Asia/Shanghai')::date`;
  return sql`select ${recordColumns(beijingDay(cases.closedAt))},
      case when exists (select 1 from ${caseClocks} where ${clockLateOn(closedDay, true)}) then 'late' else 'onTime' end as timeliness
    ${scopedCases(scope)} and ${cases.terminal} and ${cases.closedAt} >= ${start}::timestamptz and ${cases.closedAt} < ${end}::timestamptz`;
}

/** Open at the end of the stock day: opened by then, not closed by then. */
const openAtAsOf = (scope: IndicatorScope) => {
  const { asOfEnd } = periodBounds(scope);
  return sql`${cases.openedAt} < ${asOfEnd}::timestamptz and (${cases.closedAt} is null or ${cases.closedAt} >= ${asOfEnd}::timestamptz)`;
};

export function pendingCases(scope: IndicatorScope): SQL {
  return sql`select ${recordColumns(beijingDay(cases.openedAt))} ${scopedCases(scope)} and ${openAtAsOf(scope)}`;
}

/** Open on the stock day with a period already run out; the record's date is the earliest such due date. */
export function overdueCases(scope: IndicatorScope): SQL {
  const day = sql`${periodBounds(scope).asOf}::date`;
  return sql`select ${recordColumns(sql`to_char(late.due, 'YYYY-MM-DD')`)}
    from ${cases} inner join ${organisations} on ${organisations.id} = ${cases.orgId}
    cross join lateral (select min(${caseClocks.dueOn}) as due from ${caseClocks} where ${clockLateOn(day, false)}) late
    where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${openAtAsOf(scope)} and late.due is not null`;
}
