import { sql, type SQL } from 'drizzle-orm';
import { decisionCategoryLabels, decisionStateLabels, meetingKindLabels } from '../../../contracts/decisions.ts';
import { legalityConclusionLabels } from '../legality/legality.ts';
import { periodBounds, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { DECISION } from './decisions.permissions.ts';
import { decisions } from './decisions.tables.ts';

/**
 * 重大行政决策's figures for the annual report: decisions made, whether they went through all five
 * procedures, and how many were reviewed for legality. A decision is placed in the organisation tree
 * by its 承办单位 and in time by the dates of its procedure.
 */

const BASIS = '《重大行政决策程序暂行条例》';

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const record = (date: SQL | unknown, label: SQL | unknown) =>
  sql`${cases.id} as id, ${cases.title} as title, ${labelOf(decisions.category, decisionCategoryLabels)} as category, ${organisations.name} as "orgName",
      ${date}::text as date, ${label} as label, '/decisions/' || ${cases.id}::text as link`;

const scoped = (scope: IndicatorScope, joins: SQL = sql``) =>
  sql`from ${cases} inner join ${decisions} on ${decisions.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId} ${joins}
      where ${cases.caseType} = ${DECISION} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

const decidedInPeriod = (scope: IndicatorScope) => sql`${decisions.decidedOn} between ${scope.period.from} and ${scope.period.to}`;

const deciderType = sql`(select case when o.type in ('government', 'township', 'street') then 'government' else 'department' end from ${organisations} o where o.id = ${decisions.deciderOrgId})`;

/** Decisions adopted at a meeting in the period (集体讨论决定 adopted), by decider and meeting kind. */
export function madeRows(scope: IndicatorScope): SQL {
  return sql`select ${record(decisions.decidedOn, labelOf(cases.state, decisionStateLabels))}, ${deciderType} as decider, ${decisions.meetingKind} as "meetingKind"
    ${scoped(scope)} and ${decidedInPeriod(scope)}`;
}

/** The same decisions, by whether every procedure was done or some were exempted on a legal ground. */
export function procedureRows(scope: IndicatorScope): SQL {
  const exempted = sql`exists (select 1 from jsonb_each(${decisions.gates}) g where g.value ->> 'status' = 'exempted')`;
  return sql`select ${record(decisions.decidedOn, sql`case when ${exempted} then '依法免予部分程序' else '五项程序完整' end`)},
      case when ${exempted} then 'exempted' else 'complete' end as procedures
    ${scoped(scope)} and ${decidedInPeriod(scope)}`;
}

/** Decisions given a legality opinion in the period: each once, with its last opinion's conclusion. */
export function legalityRows(scope: IndicatorScope): SQL {
  const { start, end } = periodBounds(scope);
  return sql`select distinct on (${cases.id}) ${record(sql`to_char(${caseEvents.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`, labelOf(sql`${caseEvents.data} ->> 'conclusion'`, legalityConclusionLabels))},
      ${caseEvents.data} ->> 'conclusion' as conclusion
    ${scoped(scope, sql`inner join ${caseEvents} on ${caseEvents.caseId} = ${cases.id}`)}
      and ${caseEvents.action} = 'giveLegalityOpinion' and ${caseEvents.at} >= ${start} and ${caseEvents.at} < ${end}
    order by ${cases.id}, ${caseEvents.seq} desc`;
}

export const decisionsMade = defineCountIndicator({
  code: 'decisions.made',
  name: '作出重大行政决策数',
  unit: '件',
  basis: `${BASIS}第三十条`,
  description: '统计期间内经集体讨论决定（会议审议通过或原则通过）的重大行政决策数，以会议日期计；按决策机关（人民政府或部门）和会议类型分列。',
  dimensions: [
    { key: 'decider', label: '决策机关', values: { government: '人民政府', department: '政府部门' } },
    { key: 'meetingKind', label: '会议类型', values: meetingKindLabels },
  ],
  recordDate: '会议日期',
  source: madeRows,
});

export const decisionsProcedures = defineCountIndicator({
  code: 'decisions.procedures',
  name: '履行五项法定程序的重大行政决策数',
  unit: '件',
  basis: `${BASIS}第三章`,
  description: '统计期间内作出的重大行政决策中，公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项程序均已履行的件数；依法免予履行部分程序（须载明法律依据）的单独计数。',
  dimensions: [{ key: 'procedures', label: '程序履行情况', values: { complete: '五项程序完整', exempted: '依法免予部分程序' } }],
  recordDate: '会议日期',
  source: procedureRows,
});

export const decisionsLegalityReviewed = defineCountIndicator({
  code: 'decisions.legalityReviewed',
  name: '经合法性审查的重大行政决策数',
  unit: '件',
  basis: `${BASIS}第二十五条至第二十八条`,
  description: '统计期间内出具合法性审查意见的重大行政决策数，同一决策多次审查的计一件（以期间内最后一次意见的结论分列），以出具意见的日期计。',
  dimensions: [{ key: 'conclusion', label: '审查结论', values: legalityConclusionLabels }],
  recordDate: '出具意见日期',
  source: legalityRows,
});

export const decisionFigures = [decisionsMade, decisionsProcedures, decisionsLegalityReviewed];
