import { sql, type SQL } from 'drizzle-orm';
import { periodBounds, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { appearanceLabels, failureLabels, instanceLabels, lossRateExcludedOutcomes, lostOutcomes, outcomeLabels } from './litigation.labels.ts';
import { appearanceDefinitionSql } from './litigation.settings.ts';
import { litigationCases, litigationHearings } from './litigation.tables.ts';
import { litigationWorkflow } from './litigation.workflow.ts';

/**
 * The rows behind the litigation figures: each query returns the record columns the statistics page
 * shows (id, title, category, "orgName", date, label, link) and a text column per dimension. A case
 * is placed by the business dates of the lawsuit (complaint received, judged on, hearing held), not by
 * when somebody recorded them.
 */

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const stateLabels = Object.fromEntries(Object.entries(litigationWorkflow.states).map(([state, def]) => [state, def.label]));

const record = (date: SQL | unknown, label: SQL | unknown) =>
  sql`${cases.id} as id, ${cases.title} as title, ${labelOf(litigationCases.instance, instanceLabels)} as category, ${organisations.name} as "orgName",
      ${date}::text as date, ${label} as label, '/litigation/' || ${cases.id}::text as link, ${litigationCases.instance} as instance`;

/** The region's (or subtree's) litigation cases; `joins` come before the WHERE clause. */
const scoped = (scope: IndicatorScope, joins: SQL = sql``) =>
  sql`from ${cases} inner join ${litigationCases} on ${litigationCases.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId} ${joins}
      where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;

const textList = (values: readonly string[]) => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** Complaints received in the period (收案), by instance and by whether 复议 came first (年报 表四). */
export function receivedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(litigationCases.complaintReceivedOn, labelOf(cases.state, stateLabels))},
      case when ${litigationCases.afterReconsideration} then 'afterReconsideration' else 'direct' end as route
    ${scoped(scope)} and ${inPeriod(litigationCases.complaintReceivedOn, scope)}`;
}

/** Instances that ended in the period: judgment, ruling, 调解 or 撤诉. */
export function concludedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(litigationCases.judgedOn, labelOf(litigationCases.outcome, outcomeLabels))},
      ${litigationCases.outcome} as outcome, case when ${litigationCases.outcome} in ${textList(lostOutcomes)} then 'yes' else 'no' end as lost
    ${scoped(scope)} and ${cases.state} = 'judged' and ${inPeriod(litigationCases.judgedOn, scope)}`;
}

/** Concluded instances that decided for or against the agency: the 败诉率's base. */
export function judgedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(litigationCases.judgedOn, labelOf(litigationCases.outcome, outcomeLabels))},
      case when ${litigationCases.outcome} in ${textList(lostOutcomes)} then 'yes' else 'no' end as lost
    ${scoped(scope)} and ${cases.state} = 'judged' and ${inPeriod(litigationCases.judgedOn, scope)}
      and ${litigationCases.outcome} not in ${textList(lossRateExcludedOutcomes)}`;
}

/** Received by the stock day and not yet ended on it. */
export function pendingRows(scope: IndicatorScope): SQL {
  const { asOf } = periodBounds(scope);
  return sql`select ${record(litigationCases.complaintReceivedOn, labelOf(cases.state, stateLabels))}
    ${scoped(scope)} and ${litigationCases.complaintReceivedOn} <= ${asOf}
      and (${litigationCases.judgedOn} is null or ${litigationCases.judgedOn} > ${asOf})`;
}

/** Hearings in the period at which the court found a failure of 规定 第十二条. */
export function art12Rows(scope: IndicatorScope): SQL {
  return sql`select ${litigationHearings.id} as id, ${cases.title} as title, ${labelOf(litigationCases.instance, instanceLabels)} as category,
      ${organisations.name} as "orgName", ${litigationHearings.heldOn}::text as date, ${labelOf(litigationHearings.failure, failureLabels)} as label,
      '/litigation/' || ${cases.id}::text as link, ${litigationCases.instance} as instance, ${litigationHearings.failure} as failure
    from ${litigationHearings} inner join ${cases} on ${cases.id} = ${litigationHearings.caseId}
      inner join ${litigationCases} on ${litigationCases.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
    where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${litigationHearings.failure} is not null and ${inPeriod(litigationHearings.heldOn, scope)}`;
}

/**
 * The units of the 负责人出庭应诉率 under the region's saved definition (litigation.settings.ts), each
 * with `appeared` yes/no. Denominator 'cases': each case (= one instance) with a hearing in the period,
 * appeared when a 负责人 of the numerator's roles attended any of its hearings up to the period's last
 * day (规定 第七条: once per instance suffices). 'hearings': each hearing in the period. With
 * countCasesWithoutHearing, cases concluded in the period that never had a hearing count as not appeared.
 */
export function appearanceRows(scope: IndicatorScope): SQL {
  const definition = appearanceDefinitionSql(scope.regionCode);
  const roles = sql`(${definition} -> 'numeratorRoles')`;
  const byRole = sql`${roles} @> to_jsonb(${litigationHearings.appearance}::text)`;
  const mode = sql`(${definition} ->> 'denominator')`;
  const yesNo = (condition: SQL) => sql`case when ${condition} then 'yes' else 'no' end`;
  const hearingUnits = sql`select ${litigationHearings.id} as id, ${cases.title} as title, ${labelOf(litigationCases.instance, instanceLabels)} as category,
      ${organisations.name} as "orgName", ${litigationHearings.heldOn}::text as date, ${labelOf(litigationHearings.appearance, appearanceLabels)} as label,
      '/litigation/' || ${cases.id}::text as link, ${litigationCases.instance} as instance, ${yesNo(byRole)} as appeared
    from ${litigationHearings} inner join ${cases} on ${cases.id} = ${litigationHearings.caseId}
      inner join ${litigationCases} on ${litigationCases.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
    where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${mode} = 'hearings' and ${inPeriod(litigationHearings.heldOn, scope)}`;
  const hearingsOfCase = sql`cross join lateral (
      select min(${litigationHearings.heldOn}) filter (where ${inPeriod(litigationHearings.heldOn, scope)}) as first_on,
        coalesce(bool_or(${byRole}) filter (where ${litigationHearings.heldOn} <= ${scope.period.to}), false) as appeared
      from ${litigationHearings} where ${litigationHearings.caseId} = ${cases.id}) h`;
  const caseUnits = sql`select ${record(sql`h.first_on`, sql`case when h.appeared then '负责人出庭' else '负责人未出庭' end`)},
      ${yesNo(sql`h.appeared`)} as appeared
    ${scoped(scope, hearingsOfCase)} and ${mode} = 'cases' and h.first_on is not null`;
  const withoutHearing = sql`select ${record(litigationCases.judgedOn, sql`'未开庭审结'`)}, 'no' as appeared
    ${scoped(scope)} and (${definition} ->> 'countCasesWithoutHearing')::boolean and ${cases.state} = 'judged'
      and ${inPeriod(litigationCases.judgedOn, scope)}
      and not exists (select 1 from ${litigationHearings} where ${litigationHearings.caseId} = ${cases.id})`;
  return sql`${hearingUnits} union all ${caseUnits} union all ${withoutHearing}`;
}
