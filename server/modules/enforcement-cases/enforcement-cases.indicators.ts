import { sql, type SQL } from 'drizzle-orm';
import type { Dimension, IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { coercionKindLabels, enforcementFieldLabels, penaltyOutcomeLabels, penaltyStateLabels, publicationStateLabels } from '../../../contracts/enforcement.ts';
import { PENALTY, PUBLICITY } from './enforcement-cases.permissions.ts';
import { coerciveMeasures, enforcementCases, enforcementPublications } from './enforcement-cases.tables.ts';

/**
 * 行政执法 figures of the annual report (纲要 §(十五); 行政处罚法 第四十八、五十八条; 国办发〔2018〕118号):
 * cases filed, reviewed, transferred; publications on time; withdrawals on time; coercive measures.
 * A case is placed in the organisation tree by its handling organisation (cases.org_id).
 */

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;

const field: Dimension = { key: 'field', label: '执法领域', values: enforcementFieldLabels };
const department: Dimension = { key: 'department', label: '办案部门' };
const outcomeValues = { ...penaltyOutcomeLabels, pending: '尚未作出决定', dropped: '撤销立案' };
const outcome: Dimension = { key: 'outcome', label: '处理结果', values: outcomeValues };
const timeliness: Dimension = { key: 'timeliness', label: '是否按期', values: { onTime: '按期', late: '逾期', pending: '期限未届满' } };

const penaltyRecord = (date: SQL | unknown) =>
  sql`${cases.id} as id, ${cases.title} || coalesce('（' || ${enforcementCases.decisionNo} || '）', '') as title, ${labelOf(enforcementCases.field, enforcementFieldLabels)} as category,
      ${organisations.name} as "orgName", ${date}::text as date, ${labelOf(cases.state, penaltyStateLabels)} as label, '/enforcement-cases/' || ${cases.id}::text as link,
      ${enforcementCases.field}::text as field, ${organisations.name} as department`;

const penaltyFrom = (scope: IndicatorScope) =>
  sql`from ${enforcementCases} inner join ${cases} on ${cases.id} = ${enforcementCases.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${cases.caseType} = ${PENALTY} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

export const casesFiled = defineCountIndicator({
  code: 'enforcementCases.filed',
  name: '行政处罚立案数',
  unit: '件',
  basis: '《行政处罚法》第五十四条；《法治政府建设实施纲要（2021—2025年）》（十五）',
  description: '统计期间内立案的行政处罚案件（以立案日期计，含简易程序），按执法领域、办案部门和处理结果分列；撤销立案的计入「撤销立案」。',
  dimensions: [field, department, outcome],
  recordDate: '立案日期',
  source: (scope) =>
    sql`select ${penaltyRecord(enforcementCases.filedOn)}, case when ${cases.state} = 'dropped' then 'dropped' else coalesce(${enforcementCases.outcome}, 'pending') end as outcome
        ${penaltyFrom(scope)} and ${inPeriod(enforcementCases.filedOn, scope)}`,
});

export const casesReviewed = defineCountIndicator({
  code: 'enforcementCases.legalityReviewed',
  name: '经法制审核的行政处罚案件数',
  unit: '件',
  basis: '《行政处罚法》第五十八条',
  description: '统计期间内出具法制审核意见的行政处罚案件（以首次出具意见之日计），按执法领域和办案部门分列。',
  dimensions: [field, department],
  recordDate: '首次审核日期',
  source: (scope) => {
    const first = sql`(select min(to_char(e.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')) from case_events e where e.case_id = ${cases.id} and e.action = 'giveLegalityOpinion')`;
    return sql`select ${penaltyRecord(first)} ${penaltyFrom(scope)} and ${inPeriod(first, scope)}`;
  },
});

export const casesTransferred = defineCountIndicator({
  code: 'enforcementCases.transferred',
  name: '移送司法机关案件数',
  unit: '件',
  basis: '《行政处罚法》第二十七条；《行政执法机关移送涉嫌犯罪案件的规定》',
  description: '统计期间内移送司法机关的行政处罚案件（以移送之日计），按执法领域和办案部门分列。',
  dimensions: [field, department],
  recordDate: '移送日期',
  source: (scope) => sql`select ${penaltyRecord(enforcementCases.closedOn)} ${penaltyFrom(scope)} and ${enforcementCases.transferredToJudiciary} and ${inPeriod(enforcementCases.closedOn, scope)}`,
});

const publicationFrom = (scope: IndicatorScope, clock: string) =>
  sql`from ${enforcementPublications} inner join ${cases} on ${cases.id} = ${enforcementPublications.caseId}
      inner join ${organisations} on ${organisations.id} = ${enforcementPublications.orgId}
      inner join ${caseClocks} on ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = ${clock}
      where ${cases.caseType} = ${PUBLICITY} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: enforcementPublications.orgId, orgPath: organisations.path })}`;

const publicationRecord = (date: SQL | unknown) =>
  sql`${cases.id} as id, ${enforcementPublications.title} as title, ${enforcementPublications.kind}::text as category, ${organisations.name} as "orgName", ${date}::text as date,
      ${labelOf(cases.state, publicationStateLabels)} as label, '/enforcement-cases/publications/' || ${cases.id}::text as link`;

/** On time: done by the due date; late: done after it, or not done and the due date has passed by the stock day. */
const timelinessOf = (doneOn: SQL | unknown, scope: IndicatorScope) =>
  sql`case when ${doneOn} is not null and ${doneOn} <= ${caseClocks.dueOn} then 'onTime'
           when ${doneOn} is not null or ${caseClocks.dueOn} < least(${scope.period.to}::date, ${scope.today}::date) then 'late' else 'pending' end`;

export const publicationsTimely = defineCountIndicator({
  code: 'enforcementCases.publications',
  name: '行政执法决定公示（按期、逾期）',
  unit: '件',
  basis: '国办发〔2018〕118号：行政许可、行政处罚决定自作出之日起7个工作日内公开，其他决定20个工作日内公开',
  description: '统计期间内作出、应予公示的执法决定（以决定日期计；决定在公示前即被撤销的不计），按是否在期限内公示分列。',
  dimensions: [timeliness],
  recordDate: '决定日期',
  source: (scope) =>
    sql`select ${publicationRecord(enforcementPublications.decidedOn)}, ${timelinessOf(enforcementPublications.publishedOn, scope)} as timeliness
        ${publicationFrom(scope, 'publicity')} and ${inPeriod(enforcementPublications.decidedOn, scope)}
        and not (${cases.state} = 'withdrawn' and ${enforcementPublications.publishedOn} is null)`,
});

export const withdrawalsTimely = defineCountIndicator({
  code: 'enforcementCases.withdrawals',
  name: '撤回公示（按期、逾期）',
  unit: '件',
  basis: '《行政处罚法》第四十八条第二款：决定被变更、撤销、确认违法或者确认无效的，三日内撤回公示信息',
  description: '统计期间内因决定被变更或撤销而须撤回的公示（以须撤回之日计），按是否在3个工作日内撤回分列。',
  dimensions: [timeliness],
  recordDate: '须撤回日期',
  source: (scope) =>
    sql`select ${publicationRecord(caseClocks.startedOn)}, ${timelinessOf(enforcementPublications.withdrawnOn, scope)} as timeliness
        ${publicationFrom(scope, 'withdrawal')} and ${inPeriod(caseClocks.startedOn, scope)}`,
});

export const coercive = defineCountIndicator({
  code: 'enforcementCases.coerciveMeasures',
  name: '行政强制措施件数',
  unit: '件',
  basis: '《行政强制法》第九条、第二十五条',
  description: '统计期间内实施的行政强制措施和强制执行（以实施日期计），按种类分列。',
  dimensions: [{ key: 'kind', label: '种类', values: coercionKindLabels }],
  recordDate: '实施日期',
  source: (scope) =>
    sql`select ${coerciveMeasures.id} as id, ${coerciveMeasures.partyName} || '：' || ${coerciveMeasures.subject} as title, ${labelOf(coerciveMeasures.kind, coercionKindLabels)} as category,
        ${organisations.name} as "orgName", ${coerciveMeasures.startedOn}::text as date, case when ${coerciveMeasures.releasedOn} is null then '未解除' else '已解除' end as label,
        '/enforcement-cases/coercive' as link, ${coerciveMeasures.kind}::text as kind
        from ${coerciveMeasures} inner join ${organisations} on ${organisations.id} = ${coerciveMeasures.orgId}
        where ${withinScope(scope, { regionCode: coerciveMeasures.regionCode, orgId: coerciveMeasures.orgId, orgPath: organisations.path })} and ${inPeriod(coerciveMeasures.startedOn, scope)}`,
});

export const enforcementCaseFigures = [casesFiled, casesReviewed, casesTransferred, publicationsTimely, withdrawalsTimely, coercive];
