import { sql, type SQL } from 'drizzle-orm';
import { settings } from '../../kernel/config/settings.tables.ts';
import { defineRatio, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { beijingDay, defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { messageCategoryLabels, messageChannelLabels, messageStateLabels, satisfactionLabels } from '../../../contracts/messages.ts';
import { MESSAGE } from './messages.permissions.ts';
import { SETTINGS_PREFIX } from './messages.settings.ts';
import { citizenMessages, surveyResponses, surveys } from './messages.tables.ts';

/**
 * 网民诉求 and 网上调查 figures (国办秘函〔2019〕19号 on government websites' 互动交流). A message is
 * placed in the organisation tree by its responsible organisation (cases.org_id); on time means the
 * reply clock stopped by its due date.
 */

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;
const receivedOn = beijingDay(citizenMessages.receivedAt);
const stockDay = (scope: IndicatorScope) => sql`least(${scope.period.to}::date, ${scope.today}::date)`;

const channel: Dimension = { key: 'channel', label: '渠道', values: messageChannelLabels };
const department: Dimension = { key: 'department', label: '承办单位' };
const timeliness: Dimension = { key: 'timeliness', label: '是否按期', values: { onTime: '按期答复', late: '逾期答复' } };
const satisfaction: Dimension = { key: 'satisfaction', label: '满意度', values: satisfactionLabels };
const satisfied: Dimension = { key: 'satisfied', label: '满意或基本满意', values: { yes: '满意或基本满意', no: '不满意' } };
const severity: Dimension = { key: 'severity', label: '超期程度', values: { overdue: '超过答复期限', deduct: '超过扣分月数未答复', veto: '超过否决月数未答复' } };

const messageRecord = (date: SQL | unknown) =>
  sql`${cases.id} as id, ${cases.title} as title, ${labelOf(citizenMessages.category, messageCategoryLabels)} as category, ${organisations.name} as "orgName",
      ${date}::text as date, ${labelOf(cases.state, messageStateLabels)} as label, '/messages/' || ${cases.id}::text as link,
      ${citizenMessages.channel}::text as channel, ${organisations.name} as department`;

const messageFrom = (scope: IndicatorScope) =>
  sql`from ${citizenMessages} inner join ${cases} on ${cases.id} = ${citizenMessages.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      left join ${caseClocks} on ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = 'reply'
      where ${cases.caseType} = ${MESSAGE} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

export const messagesReceived = defineCountIndicator({
  code: 'messages.received',
  name: '收到网民诉求数',
  unit: '件',
  basis: '国办秘函〔2019〕19号（政府网站互动交流）',
  description: '统计期间内收到的网民留言、12345热线、书记县长信箱等渠道的诉求（以收到日期计），按渠道和承办单位分列。',
  dimensions: [channel, department],
  recordDate: '收到日期',
  source: (scope) => sql`select ${messageRecord(receivedOn)} ${messageFrom(scope)} and ${inPeriod(receivedOn, scope)}`,
});

export const messagesReplied = defineCountIndicator({
  code: 'messages.replied',
  name: '答复网民诉求数',
  unit: '件',
  basis: '国办秘函〔2019〕19号：对网民留言及时答复',
  description: '统计期间内答复网民的诉求（以答复日期计），按渠道、承办单位和是否在本县规定的答复期限内答复分列。',
  dimensions: [channel, department, timeliness],
  recordDate: '答复日期',
  source: (scope) =>
    sql`select ${messageRecord(citizenMessages.repliedOn)}, case when ${caseClocks.stoppedOn} <= ${caseClocks.dueOn} then 'onTime' else 'late' end as timeliness
        ${messageFrom(scope)} and ${inPeriod(citizenMessages.repliedOn, scope)}`,
});

/** Months after receipt from the county's settings (defaults 2 and 3 ⚠), read in SQL like the reply periods. */
const monthsSetting = (key: 'deductMonths' | 'vetoMonths', fallback: number) =>
  sql`coalesce((select (${settings.value}->>${key})::int from ${settings} where ${settings.key} = ${`${SETTINGS_PREFIX}:`} || ${cases.regionCode}), ${fallback})`;

export const messagesOverdue = defineCountIndicator({
  code: 'messages.overdue',
  name: '逾期未答复网民诉求数',
  unit: '件',
  basis: '国办秘函〔2019〕19号：留言超过2个月未答复的扣分；超过3个月未答复的单项否决（⚠ 月数按本县设置）',
  description: '期末（统计期间最后一日，期间未结束的为今日）已过答复期限仍未答复的诉求，按承办单位和超期程度分列：超过答复期限、超过扣分月数、超过否决月数。',
  dimensions: [department, severity],
  recordDate: '收到日期',
  source: (scope) => {
    const stock = stockDay(scope);
    const since = (months: SQL) => sql`(${receivedOn}::date + make_interval(months => ${months}))::date < ${stock}`;
    return sql`select ${messageRecord(receivedOn)},
        case when ${since(monthsSetting('vetoMonths', 3))} then 'veto' when ${since(monthsSetting('deductMonths', 2))} then 'deduct' else 'overdue' end as severity
        ${messageFrom(scope)} and ${receivedOn}::date <= ${stock} and ${caseClocks.dueOn} < ${stock}
        and (${caseClocks.stoppedOn} is null or ${caseClocks.stoppedOn} > ${stock})`;
  },
});

export const messagesRated = defineCountIndicator({
  code: 'messages.rated',
  name: '网民评价数',
  unit: '件',
  basis: '国办秘函〔2019〕19号：答复后由网民评价',
  description: '统计期间内网民对答复作出的评价（以评价日期计），按满意度分列。',
  dimensions: [satisfaction, satisfied, department],
  recordDate: '评价日期',
  source: (scope) => {
    const ratedOn = beijingDay(citizenMessages.ratedAt);
    return sql`select ${messageRecord(ratedOn)}, ${citizenMessages.satisfaction}::text as satisfaction,
        case when ${citizenMessages.satisfaction} in ('satisfied', 'basic') then 'yes' else 'no' end as satisfied
        ${messageFrom(scope)} and ${citizenMessages.satisfaction} is not null and ${inPeriod(ratedOn, scope)}`;
  },
});

export const messagesOnTimeRate = defineRatio({
  code: 'messages.onTimeRate',
  name: '网民诉求按期答复率',
  basis: '国办秘函〔2019〕19号',
  description: '按期答复件数 ÷ 答复件数 × 100%，以统计期间内答复的诉求计；答复期限按本县按渠道设置的工作日计。',
  numerator: { code: messagesReplied.code, cell: { timeliness: 'onTime' } },
  denominator: messagesReplied.code,
  dimensions: ['channel', 'department'],
});

export const messagesSatisfactionRate = defineRatio({
  code: 'messages.satisfactionRate',
  name: '网民诉求满意率',
  basis: '国办秘函〔2019〕19号',
  description: '评价为「满意」或「基本满意」的件数 ÷ 评价件数 × 100%，以统计期间内作出的评价计。',
  numerator: { code: messagesRated.code, cell: { satisfied: 'yes' } },
  denominator: messagesRated.code,
  dimensions: ['department'],
});

const surveyFrom = (scope: IndicatorScope) =>
  sql`from ${surveys} inner join ${organisations} on ${organisations.id} = ${surveys.orgId}
      where ${surveys.status} = 'published' and ${withinScope(scope, { regionCode: surveys.regionCode, orgId: surveys.orgId, orgPath: organisations.path })}`;
const surveyRecord = (date: SQL | unknown) =>
  sql`${surveys.id} as id, ${surveys.title} as title, '网上调查' as category, ${organisations.name} as "orgName", ${date}::text as date,
      '已发布' as label, '/surveys/' || ${surveys.id}::text as link, ${organisations.name} as department`;

export const surveysPublished = defineCountIndicator({
  code: 'messages.surveys',
  name: '开展网上调查数',
  unit: '次',
  basis: '国办秘函〔2019〕19号（政府网站互动交流：在线访谈、征集调查）',
  description: '统计期间内开始的、已发布（未撤回）的网上调查（以开始日期计），按发起单位分列。',
  dimensions: [department],
  recordDate: '开始日期',
  source: (scope) => {
    const opensOn = beijingDay(surveys.opensAt);
    return sql`select ${surveyRecord(opensOn)} ${surveyFrom(scope)} and ${inPeriod(opensOn, scope)}`;
  },
});

export const surveyResponsesCount = defineCountIndicator({
  code: 'messages.surveyResponses',
  name: '网上调查参与人次',
  unit: '人次',
  basis: '国办秘函〔2019〕19号',
  description: '统计期间内提交的网上调查答卷（以提交日期计），按发起单位分列。',
  dimensions: [department],
  recordDate: '提交日期',
  source: (scope) =>
    sql`select ${surveyResponses.id} as id, ${surveys.title} as title, '答卷' as category, ${organisations.name} as "orgName", ${surveyResponses.submittedOn}::text as date,
        null::text as label, '/surveys/' || ${surveys.id}::text as link, ${organisations.name} as department
        from ${surveyResponses} inner join ${surveys} on ${surveys.id} = ${surveyResponses.surveyId}
        inner join ${organisations} on ${organisations.id} = ${surveys.orgId}
        where ${surveys.status} = 'published' and ${withinScope(scope, { regionCode: surveys.regionCode, orgId: surveys.orgId, orgPath: organisations.path })}
        and ${inPeriod(surveyResponses.submittedOn, scope)}`,
});

export const messageFigures = [messagesReceived, messagesReplied, messagesOverdue, messagesRated, messagesOnTimeRate, messagesSatisfactionRate, surveysPublished, surveyResponsesCount];
