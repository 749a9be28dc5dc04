import { sql, type SQL } from 'drizzle-orm';
import type { Dimension, IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { interpretationFormLabels, proactiveCategoryLabels, proactiveKindLabels } from '../../../contracts/disclosure.ts';
import { reportStatusLabels } from '../../../contracts/disclosure-report.ts';
import { disclosureAnnualReports, proactiveDisclosures } from './disclosure-report.tables.ts';

/**
 * 政府信息公开 figures on the statistics page, with their records: 主动公开 by topic, kind and
 * interpretation form (the report's section 二), and the annual reports by whether they were published
 * by 第四十九条's date. A row is placed in the organisation tree by its organisation.
 */

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;
const department: Dimension = { key: 'department', label: '公开机关' };
const p = proactiveDisclosures;
const r = disclosureAnnualReports;

export const proactiveItems = defineCountIndicator({
  code: 'disclosureReport.proactive',
  name: '主动公开政府信息数',
  unit: '条',
  basis: '《政府信息公开条例》第十九条至第二十六条；国办公开办函〔2021〕30号（年度报告第二部分）',
  description: '统计期间内主动公开的政府信息（以公开日期计），按类别、信息类型（公开信息、政策解读）、解读形式和公开机关分列。',
  dimensions: [
    { key: 'topic', label: '类别', values: proactiveCategoryLabels },
    { key: 'kind', label: '信息类型', values: proactiveKindLabels },
    { key: 'form', label: '解读形式', values: interpretationFormLabels },
    department,
  ],
  recordDate: '公开日期',
  source: (scope) =>
    sql`select ${p.id} as id, ${p.title} as title, ${labelOf(p.category, proactiveCategoryLabels)} as category, ${organisations.name} as "orgName",
        ${p.publishedOn}::text as date, ${labelOf(p.kind, proactiveKindLabels)} as label, '/proactive-disclosures?q=' || left(${p.title}, 20) as link,
        ${p.category}::text as topic, ${p.kind}::text as kind, ${p.form}::text as form, ${organisations.name} as department
        from ${p} inner join ${organisations} on ${organisations.id} = ${p.orgId}
        where ${withinScope(scope, { regionCode: p.regionCode, orgId: p.orgId, orgPath: organisations.path })} and ${inPeriod(p.publishedOn, scope)}`,
});

export const reportsOnTime = defineCountIndicator({
  code: 'disclosureReport.reports',
  name: '政府信息公开工作年度报告（按期发布）',
  unit: '份',
  basis: '《政府信息公开条例》第四十九条：部门于1月31日前、本级人民政府于3月31日前公布上一年度报告',
  description: '公布期限在统计期间内的年度报告，按是否在期限内发布分列（未发布且期限已过的计为逾期）。',
  dimensions: [{ key: 'timeliness', label: '是否按期', values: { onTime: '按期发布', late: '逾期', pending: '期限未届满' } }],
  recordDate: '公布期限',
  source: (scope) =>
    sql`select ${r.id} as id, ${organisations.name} || ${r.year}::text || '年政府信息公开工作年度报告' as title, ${labelOf(r.status, reportStatusLabels)} as category,
        ${organisations.name} as "orgName", ${r.dueOn}::text as date, coalesce(${r.publishedOn}::text, '未发布') as label, '/disclosure-reports/' || ${r.id}::text as link,
        case when ${r.publishedOn} is not null and ${r.publishedOn} <= ${r.dueOn} then 'onTime'
             when ${r.publishedOn} is not null or ${r.dueOn} < least(${scope.period.to}::date, ${scope.today}::date) then 'late' else 'pending' end as timeliness
        from ${r} inner join ${organisations} on ${organisations.id} = ${r.orgId}
        where ${withinScope(scope, { regionCode: r.regionCode, orgId: r.orgId, orgPath: organisations.path })} and ${inPeriod(r.dueOn, scope)}`,
});

export const disclosureReportFigures = [proactiveItems, reportsOnTime];
