import { sql, type SQL } from 'drizzle-orm';
import { defineRatio, periodBounds, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { concludedCases, overdueCases, pendingCases } from '../statistics/index.ts';
import { actCategoryLabels, channelLabels, correctingOutcomes, outcomeLabels, procedureLabels, type Outcome } from './reconsideration.labels.ts';
import { reconsiderationCases } from './reconsideration.tables.ts';
import { reconsiderationWorkflow } from './reconsideration.workflow.ts';

/**
 * 行政复议's own figures. Stock and conclusion figures take their rows from the cross-module case
 * figures (statistics module) and break them down by this module's fields; receipt and acceptance
 * are placed in the period by the dates the statute uses (收到申请之日, 受理之日).
 */

const CASE_TYPE = reconsiderationWorkflow.caseType;

/** `case column when 'a' then 'A' … else column end`: a code shown by its label. */
const labelled = (column: unknown, labels: Record<string, string>): SQL =>
  sql`case ${column} ${sql.join(
    Object.entries(labels).map(([value, label]) => sql`when ${value} then ${label}`),
    sql` `,
  )} else ${column} end`;

const stateLabels = Object.fromEntries(Object.entries(reconsiderationWorkflow.states).map(([state, def]) => [state, def.label]));
const category = labelled(reconsiderationCases.actCategory, actCategoryLabels);
const link = (id: unknown) => sql`'/reconsideration/' || ${id}::text`;

/** 复议 cases in scope whose `date` column falls in the period, with the record columns. */
function datedCases(scope: IndicatorScope, date: unknown, dimensions: SQL): SQL {
  return sql`select ${cases.id} as id, ${cases.title} as title, ${category} as category, ${organisations.name} as "orgName", ${date}::text as date,
      ${labelled(cases.state, stateLabels)} as label, ${link(cases.id)} as link, ${dimensions}
    from ${cases} inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      inner join ${reconsiderationCases} on ${reconsiderationCases.caseId} = ${cases.id}
    where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${date} between ${scope.period.from}::date and ${scope.period.to}::date`;
}

/** A case-figures query narrowed to 复议 cases, linked to the module's page, with its dimensions. */
function ofReconsideration(source: SQL, dimensions: SQL, where: SQL = sql`true`): SQL {
  return sql`select s.id, s.title, ${category} as category, s."orgName", s.date, s.label, ${link(sql`s.id`)} as link, ${dimensions}
    from (${source}) s inner join ${reconsiderationCases} on ${reconsiderationCases.caseId} = s.id
    where s."caseType" = ${CASE_TYPE} and ${where}`;
}

const channel: Dimension = { key: 'channel', label: '申请方式', values: channelLabels };
const procedure: Dimension = { key: 'procedure', label: '审理程序', values: procedureLabels };
const deemed: Dimension = { key: 'deemed', label: '受理方式', values: { no: '决定受理', yes: '视为受理' } };
const outcome: Dimension = { key: 'outcome', label: '结案方式', values: outcomeLabels };
const corrected: Dimension = { key: 'corrected', label: '是否纠错', values: { yes: '纠错', no: '未纠错' } };
const closure: Dimension = { key: 'closure', label: '结案类别', values: { adjudicated: '审结（决定、调解、终止）', other: '未经审理结案（不予受理、撤回申请）' } };
const stage: Dimension = { key: 'stage', label: '所处阶段', values: { review: '受理审查（含补正）', hearing: '审理（含中止）' } };

/** Ended without a hearing; every other outcome (decided, mediated, terminated) is 审结, the 纠错率's base. */
const unheardOutcomes: Outcome[] = ['notAccepted', 'withdrawn'];
const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const stageOn = (day: string) => sql`case when ${reconsiderationCases.acceptedOn} <= ${day}::date then 'hearing' else 'review' end as stage`;

const basis = '《行政复议法》（2023年修订）';

export const reconsiderationReceived = defineCountIndicator({
  code: 'reconsideration.received',
  name: '行政复议收案数',
  unit: '件',
  basis: `${basis}第二十二条、第三十条`,
  description: '统计期间内行政复议机构收到的行政复议申请数：收到申请之日（窗口为递交之日，邮寄为签收之日，网上为提交之日）在期间之内，按申请方式分列。',
  dimensions: [channel],
  recordDate: '收到申请日期',
  source: (scope) => datedCases(scope, reconsiderationCases.receivedOn, sql`${reconsiderationCases.channel} as channel`),
});

export const reconsiderationAccepted = defineCountIndicator({
  code: 'reconsideration.accepted',
  name: '行政复议受理数',
  unit: '件',
  basis: `${basis}第三十条、第五十三条`,
  description:
    '统计期间内受理的行政复议案件数：受理之日在期间之内，按普通程序、简易程序分列。审查期限届满未决定不予受理的，自审查期限届满之日起视为受理（第三十条第三款），计入“视为受理”。',
  dimensions: [procedure, deemed],
  recordDate: '受理日期',
  source: (scope) =>
    datedCases(
      scope,
      reconsiderationCases.acceptedOn,
      sql`${reconsiderationCases.procedure} as procedure, case when ${reconsiderationCases.deemedAccepted} then 'yes' else 'no' end as deemed`,
    ),
});

export const reconsiderationConcluded = defineCountIndicator({
  code: 'reconsideration.concluded',
  name: '行政复议结案数',
  unit: '件',
  basis: `${basis}第三十条、第三十一条、第四十一条、第六十三条至第七十四条`,
  description:
    '统计期间内结案的行政复议案件数：已登记结案方式、且进入终结状态的时间在期间之内，按结案方式分列。作出复议决定、调解结案和终止的为“审结”，不予受理和撤回申请（含逾期不补正视为放弃）的为“未经审理结案”；决定撤销、部分撤销、变更、确认违法、确认无效、责令履行的为“纠错”。',
  dimensions: [outcome, corrected, closure],
  recordDate: '结案日期',
  source: (scope) =>
    ofReconsideration(
      concludedCases(scope),
      sql`${reconsiderationCases.outcome} as outcome,
        case when ${reconsiderationCases.outcome} in (${inList(correctingOutcomes)}) then 'yes' else 'no' end as corrected,
        case when ${reconsiderationCases.outcome} in (${inList(unheardOutcomes)}) then 'other' else 'adjudicated' end as closure`,
      sql`${reconsiderationCases.outcome} is not null`,
    ),
});

export const reconsiderationPending = defineCountIndicator({
  code: 'reconsideration.pending',
  name: '行政复议未办结数',
  unit: '件',
  basis,
  description: '统计截止日（期间末日；期间尚未结束的为今日）终了时仍未办结的行政复议案件数，含以前期间结转的案件；截止日已受理（含视为受理）的计入“审理”，否则计入“受理审查”。',
  dimensions: [stage],
  recordDate: '收案日期',
  source: (scope) => ofReconsideration(pendingCases(scope), stageOn(periodBounds(scope).asOf)),
});

export const reconsiderationOverdue = defineCountIndicator({
  code: 'reconsideration.overdue',
  name: '行政复议逾期未办结数',
  unit: '件',
  basis: `${basis}第三十条、第三十一条、第四十八条、第五十四条、第六十二条`,
  description:
    '统计截止日终了时仍未办结、且有期限已届满的行政复议案件数：受理审查、补正、发送副本、答复、审理等期限当日仍在计算（未中止、未结束），届满日早于截止日。中止期间不计入。',
  dimensions: [stage],
  recordDate: '期限届满日',
  source: (scope) => ofReconsideration(overdueCases(scope), stageOn(periodBounds(scope).asOf)),
});

export const reconsiderationCorrectionRate = defineRatio({
  code: 'reconsideration.correctionRate',
  name: '行政复议纠错率',
  basis: `${basis}第六十三条至第六十七条`,
  description:
    '纠错率 = 纠错结案数 ÷ 审结数 × 100%。分子：统计期间内结案、复议决定为撤销、部分撤销、变更、确认违法、确认无效或责令履行的案件数；分母：统计期间内审结的案件数，即作出复议决定（含维持、驳回复议请求、驳回复议申请）、调解结案和终止的案件之和，不含不予受理和撤回申请。调解、和解后撤回的不计入分子。期间内无审结案件时不计算。',
  numerator: { code: reconsiderationConcluded.code, cell: { corrected: 'yes' } },
  denominator: { code: reconsiderationConcluded.code, cell: { closure: 'adjudicated' } },
});

export const reconsiderationFigures = [
  reconsiderationReceived,
  reconsiderationAccepted,
  reconsiderationConcluded,
  reconsiderationPending,
  reconsiderationOverdue,
  reconsiderationCorrectionRate,
];
