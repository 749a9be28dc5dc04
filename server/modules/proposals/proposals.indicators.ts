import { sql, type SQL } from 'drizzle-orm';
import { defineRatio, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { beijingDay, defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { proposalKindLabels, proposalStateLabels, replyCategoryLabels, satisfactionLabels } from '../../../contracts/proposals.ts';
import { PROPOSAL } from './proposals.permissions.ts';
import { finalSatisfaction } from './proposals.repository.ts';
import { proposals } from './proposals.tables.ts';

/**
 * 建议提案办理's figures: received, replied (on time, by category), the deputies' and members'
 * satisfaction, second replies. Each counts where the lead unit (the case's organisation) is, so a
 * department's statistics show what it leads.
 */

const BASIS = '《全国人民代表大会和地方各级人民代表大会代表法》第五十一条；《法治政府建设与责任落实督察工作规定》第二十四条（法治政府建设年度报告）';
const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;
const kind = { key: 'kind', label: '类别', values: proposalKindLabels };
const yesNo = (condition: SQL) => sql`case when ${condition} then 'yes' else 'no' end`;
/** A code column shown by its Chinese label in the records. */
const labelOf = (column: SQL | unknown, labels: Record<string, string>) =>
  sql`case ${column} ${sql.join(Object.entries(labels).map(([code, label]) => sql`when ${code} then ${label}`), sql` `)} else '' end`;

const record = (date: SQL | unknown, label: SQL) =>
  sql`${cases.id} as id, ${cases.title} as title, ${proposals.sessionLabel} || ' 第' || ${proposals.number} || '号' as category, ${organisations.name} as "orgName",
      ${date}::text as date, ${label} as label, '/proposals/' || ${cases.id}::text as link, ${proposals.kind} as kind`;

const proposalsIn = (scope: IndicatorScope) =>
  sql`from ${cases} inner join ${proposals} on ${proposals.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${cases.caseType} = ${PROPOSAL} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

/** Received: by its 交办 date, or the day it was registered while not yet assigned. */
const receivedOn = sql`coalesce(${proposals.assignedOn}::text, ${beijingDay(cases.openedAt)})`;

export const proposalsReceived = defineCountIndicator({
  code: 'proposals.received',
  name: '收到人大代表建议和政协委员提案数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内交办（未交办的以登记日期计）的人大代表建议和政协委员提案件数，按类别分列。',
  dimensions: [kind],
  recordDate: '交办日期',
  source: (scope) => sql`select ${record(receivedOn, labelOf(cases.state, proposalStateLabels))} ${proposalsIn(scope)} and ${receivedOn} between ${scope.period.from} and ${scope.period.to}`,
});

export const proposalsReplied = defineCountIndicator({
  code: 'proposals.replied',
  name: '答复人大代表建议和政协委员提案数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内承办单位答复的件数（以答复日期计），按类别、是否在答复期限内答复（含经批准延长的期限）、答复类别分列。',
  dimensions: [kind, { key: 'onTime', label: '是否按期', values: { yes: '按期答复', no: '逾期答复' } }, { key: 'replyCategory', label: '答复类别', values: replyCategoryLabels }],
  recordDate: '答复日期',
  source: (scope) =>
    sql`select ${record(proposals.repliedOn, labelOf(proposals.replyCategory, replyCategoryLabels))}, ${yesNo(sql`${proposals.repliedOn} <= ${proposals.replyDueOn}`)} as "onTime", ${proposals.replyCategory} as "replyCategory"
      ${proposalsIn(scope)} and ${inPeriod(proposals.repliedOn, scope)}`,
});

export const proposalsFeedback = defineCountIndicator({
  code: 'proposals.feedback',
  name: '代表（委员）对办理答复的意见',
  unit: '件',
  basis: BASIS,
  description: '统计期间内登记代表（委员）意见的件数（以首次反馈日期计），按类别和最终意见（再次答复的，以对再次答复的意见为准）分列；满意率 =（满意 + 基本满意）÷ 合计。',
  dimensions: [kind, { key: 'satisfaction', label: '代表（委员）意见', values: satisfactionLabels }, { key: 'content', label: '是否满意', values: { yes: '满意或基本满意', no: '不满意' } }],
  recordDate: '反馈日期',
  source: (scope) =>
    sql`select ${record(proposals.feedbackOn, labelOf(finalSatisfaction, satisfactionLabels))}, ${finalSatisfaction} as satisfaction, ${yesNo(sql`${finalSatisfaction} <> 'unsatisfied'`)} as content
      ${proposalsIn(scope)} and ${finalSatisfaction} is not null and ${inPeriod(proposals.feedbackOn, scope)}`,
});

export const proposalsSecondReplies = defineCountIndicator({
  code: 'proposals.secondReplies',
  name: '不满意后再次答复数',
  unit: '件',
  basis: '省级代表建议、政协提案办理规定：代表（委员）对答复不满意的，承办单位应当再次研究答复',
  description: '统计期间内因代表（委员）不满意而再次答复的件数（以再次答复日期计），按类别和是否在再次答复期限内答复分列。',
  dimensions: [kind, { key: 'onTime', label: '是否按期', values: { yes: '按期答复', no: '逾期答复' } }],
  recordDate: '再次答复日期',
  source: (scope) =>
    sql`select ${record(proposals.secondRepliedOn, labelOf(proposals.secondSatisfaction, satisfactionLabels))}, ${yesNo(sql`${proposals.secondRepliedOn} <= ${proposals.secondReplyDueOn}`)} as "onTime"
      ${proposalsIn(scope)} and ${inPeriod(proposals.secondRepliedOn, scope)}`,
});

export const proposalsOnTimeRate = defineRatio({
  code: 'proposals.onTimeRate',
  name: '建议提案按期答复率',
  basis: BASIS,
  description: '按期答复件数 ÷ 答复件数 × 100%（同期答复的，以答复日期计；期限含经批准延长的期限），可按类别查看。',
  numerator: { code: proposalsReplied.code, cell: { onTime: 'yes' } },
  denominator: proposalsReplied.code,
  dimensions: ['kind'],
});

export const proposalsSatisfactionRate = defineRatio({
  code: 'proposals.satisfactionRate',
  name: '代表（委员）满意率',
  basis: BASIS,
  description: '（满意 + 基本满意）÷ 登记意见的件数 × 100%，再次答复的以对再次答复的意见为准，可按类别查看。',
  numerator: { code: proposalsFeedback.code, cell: { content: 'yes' } },
  denominator: proposalsFeedback.code,
  dimensions: ['kind'],
});

export const proposalFigures = [proposalsReceived, proposalsReplied, proposalsFeedback, proposalsSecondReplies, proposalsOnTimeRate, proposalsSatisfactionRate];
