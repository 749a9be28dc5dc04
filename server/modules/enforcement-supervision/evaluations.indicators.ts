import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator, defineRatio, periodBounds, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { cellCondition, defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import { evaluationCampaigns, evaluationFiles, evaluationSheets } from './supervision.tables.ts';

/**
 * 案卷评查 figures for the assessment: a file is placed in time by its case's closing date (the year
 * whose enforcement work it shows) and in the organisation tree by the department that handled it.
 */

const dept: Dimension = { key: 'dept', label: '执法部门' };
const BASIS = '《法治政府建设实施纲要（2021—2025年）》（行政执法案卷评查）；本县案卷评查评分表';

const gradeLabel = sql`case ${evaluationFiles.grade} when 'excellent' then '优秀' when 'qualified' then '合格' when 'unqualified' then '不合格' else '待评查' end`;

const record = (date: SQL | unknown, label: SQL | unknown) =>
  sql`${evaluationFiles.id} as id, ${cases.title} || coalesce('（' || ${cases.caseNo} || '）', '') as title, ${evaluationCampaigns.title} as category,
      ${organisations.name} as "orgName", ${date}::text as date, ${label} as label,
      '/evaluations/files/' || ${evaluationFiles.id}::text as link, ${organisations.name} as dept`;

const scoped = (scope: IndicatorScope) =>
  sql`from ${evaluationFiles} inner join ${evaluationCampaigns} on ${evaluationCampaigns.id} = ${evaluationFiles.campaignId}
      inner join ${evaluationSheets} on ${evaluationSheets.id} = ${evaluationCampaigns.sheetId}
      inner join ${cases} on ${cases.id} = ${evaluationFiles.caseId}
      inner join ${enforcementCases} on ${enforcementCases.caseId} = ${evaluationFiles.caseId}
      inner join ${organisations} on ${organisations.id} = ${evaluationFiles.orgId}
      where ${withinScope(scope, { regionCode: evaluationFiles.regionCode, orgId: evaluationFiles.orgId, orgPath: organisations.path })}`;

const closedInPeriod = (scope: IndicatorScope) => sql`${enforcementCases.closedOn} between ${scope.period.from} and ${scope.period.to}`;

/** Scored files of cases closed in the period, with the points scored and the sheet's full score. */
function scoredRows(scope: IndicatorScope): SQL {
  return sql`select ${record(enforcementCases.closedOn, sql`${gradeLabel} || ' ' || ${evaluationFiles.total}::text || '分'`)},
      ${evaluationFiles.total}::float8 as points,
      (select sum((i ->> 'maxScore')::numeric) from jsonb_array_elements(${evaluationSheets.items}) i)::float8 as "fullPoints"
    ${scoped(scope)} and ${evaluationFiles.total} is not null and ${closedInPeriod(scope)}`;
}

function unqualifiedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(enforcementCases.closedOn, sql`'不合格 ' || ${evaluationFiles.total}::text || '分'`)}
    ${scoped(scope)} and ${evaluationFiles.grade} = 'unqualified' and ${closedInPeriod(scope)}`;
}

/** Sent back with a due date in the period, and rectified after it or not rectified by the stock day. */
function overdueRows(scope: IndicatorScope): SQL {
  const { asOf } = periodBounds(scope);
  const f = evaluationFiles;
  return sql`select ${record(f.rectificationDueOn, sql`case when ${f.rectifiedOn} is null then '逾期未整改' else '逾期整改' end`)}
    ${scoped(scope)} and ${f.rectificationDueOn} between ${scope.period.from} and ${scope.period.to}
      and ((${f.rectifiedOn} is null and ${f.rectificationDueOn} < ${asOf}) or ${f.rectifiedOn} > ${f.rectificationDueOn})`;
}

/** A sum over the scored rows (points or full points) per department; records are the files summed. */
function sumIndicator(input: { code: string; name: string; column: 'points' | 'fullPoints'; description: string }) {
  const column = sql.identifier(input.column);
  return defineIndicator({
    code: input.code,
    name: input.name,
    unit: '分',
    basis: BASIS,
    description: input.description,
    dimensions: [dept],
    recordDate: '结案日期',
    value: (scope) => sql`select s.dept, sum(s.${column})::float8 as value from (${scoredRows(scope)}) s group by s.dept`,
    records: (scope, cell) => sql`select s.id::text as id, s.title, s.category, s."orgName", s.date, s.label, s.link from (${scoredRows(scope)}) s where ${cellCondition(cell)}`,
  });
}

export const filesEvaluated = defineCountIndicator({
  code: 'evaluation.filesEvaluated',
  name: '评查案卷件数',
  unit: '件',
  basis: BASIS,
  description: '案卷评查中已评分的行政处罚案卷件数（以案件结案日期计入统计期间），按执法部门分列。',
  dimensions: [dept],
  recordDate: '结案日期',
  source: scoredRows,
});

export const scorePoints = sumIndicator({
  code: 'evaluation.scorePoints',
  name: '评查案卷得分合计',
  column: 'points',
  description: '已评分案卷的总分之和（以案件结案日期计），按执法部门分列；与满分合计相除得平均分。',
});

export const fullPoints = sumIndicator({
  code: 'evaluation.fullPoints',
  name: '评查案卷满分合计',
  column: 'fullPoints',
  description: '已评分案卷所用评查表的满分之和（以案件结案日期计），按执法部门分列。',
});

export const averageScore = defineRatio({
  code: 'evaluation.averageScore',
  name: '案卷评查平均分（百分制）',
  unit: '分',
  basis: BASIS,
  numerator: 'evaluation.scorePoints',
  denominator: 'evaluation.fullPoints',
  dimensions: ['dept'],
  description: '得分合计 ÷ 满分合计 × 100：评查表满分为 100 分时即各案卷得分的平均分，按执法部门分列。',
});

export const filesUnqualified = defineCountIndicator({
  code: 'evaluation.filesUnqualified',
  name: '评查不合格案卷件数',
  unit: '件',
  basis: BASIS,
  description: '评定为不合格（总分低于评查表合格分数线）的案卷件数（以案件结案日期计），按执法部门分列。',
  dimensions: [dept],
  recordDate: '结案日期',
  source: unqualifiedRows,
});

export const rectificationsOverdue = defineCountIndicator({
  code: 'evaluation.rectificationsOverdue',
  name: '评查整改逾期件数',
  unit: '件',
  basis: BASIS,
  description: '退回整改的期限在统计期间内届满、且晚于期限整改或截至统计截止日仍未整改的案卷件数，按执法部门分列。',
  dimensions: [dept],
  recordDate: '整改期限',
  source: overdueRows,
});

export const evaluationFigures = [filesEvaluated, scorePoints, fullPoints, averageScore, filesUnqualified, rectificationsOverdue];
