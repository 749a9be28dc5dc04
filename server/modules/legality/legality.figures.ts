import { sql, type SQL } from 'drizzle-orm';
import { periodBounds, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { allWorkflows } from '../../kernel/workflow/define-workflow.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { legalityConclusionLabels } from './legality.ts';

/**
 * 合法性审查 done by the legal office, over every case type whose workflow has the shared step: each
 * giveLegalityOpinion step of the period is one review (a document reviewed twice counts twice).
 */

const caseTypeLabels = () => Object.fromEntries(allWorkflows().map((w) => [w.caseType, w.label]));

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return whens.length ? sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end` : sql`${column}`;
}

function opinionRows(scope: IndicatorScope, onlyRejected: boolean): SQL {
  const { start, end } = periodBounds(scope);
  const conclusion = sql`${caseEvents.data} ->> 'conclusion'`;
  return sql`select ${caseEvents.id} as id, ${cases.title} as title, ${labelOf(cases.caseType, caseTypeLabels())} as category,
      ${organisations.name} as "orgName", to_char(${caseEvents.at} at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date,
      ${labelOf(conclusion, legalityConclusionLabels)} as label,
      case when ${cases.caseType} = 'normative_document' then '/normative/' else '/cases/' end || ${cases.id}::text as link,
      ${cases.caseType} as "caseType", ${conclusion} as conclusion
    from ${caseEvents} inner join ${cases} on ${cases.id} = ${caseEvents.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
    where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${caseEvents.action} = 'giveLegalityOpinion' and ${caseEvents.at} >= ${start} and ${caseEvents.at} < ${end}
      ${onlyRejected ? sql`and ${conclusion} = 'unlawful'` : sql``}`;
}

const caseType: Dimension = { key: 'caseType', label: '审查事项类型', values: caseTypeLabels };
const BASIS = '国办发〔2018〕115号；《重大行政决策程序暂行条例》第二十五条至第二十八条';

export const legalityReviews = defineCountIndicator({
  code: 'legality.reviews',
  name: '合法性审查件次',
  unit: '件次',
  basis: BASIS,
  description: '统计期间内出具合法性审查意见的件次（以出具日期计），含规范性文件和重大行政决策等各类事项，同一事项退回修改后再次审查的分别计算；按事项类型和审查结论分列。',
  dimensions: [caseType, { key: 'conclusion', label: '审查结论', values: legalityConclusionLabels }],
  recordDate: '出具意见日期',
  source: (scope) => opinionRows(scope, false),
});

export const legalityRejected = defineCountIndicator({
  code: 'legality.rejected',
  name: '合法性审查不予通过件次',
  unit: '件次',
  basis: BASIS,
  description: '统计期间内合法性审查结论为「不合法，不予提交」（退回起草单位）的件次，按事项类型分列。',
  dimensions: [caseType],
  recordDate: '出具意见日期',
  source: (scope) => opinionRows(scope, true),
});

export const legalityFigures = [legalityReviews, legalityRejected];
