import { sql, type SQL } from 'drizzle-orm';
import type { Dimension, IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { applicantKindLabels, disclosureChannelLabels, disclosureOutcomeLabels, outcomeGroups } from '../../../contracts/disclosure.ts';
import { DISCLOSURE } from './disclosure.permissions.ts';
import { disclosureRequests } from './disclosure.tables.ts';
import { disclosureWorkflow } from './disclosure.workflow.ts';

/**
 * 依申请公开 figures (条例 第五十条; table 三 of the annual report, 国办公开办函〔2021〕30号): applications
 * received (by receipt date), replied (by reply date) per outcome group and leaf and applicant kind,
 * overdue replies, corrections and extensions. An application is placed by its answering agency.
 */

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;
const stateLabels = Object.fromEntries(Object.entries(disclosureWorkflow.states).map(([k, v]) => [k, v.label]));
const groupLabels = Object.fromEntries(outcomeGroups.map((g) => [g.code, g.label]));
const groupOf = sql`case ${sql.join(
  outcomeGroups.flatMap((g) => g.leaves.map((leaf) => sql`when ${disclosureRequests.outcome} = ${leaf} then ${g.code}`)),
  sql` `,
)} end`;

const applicantKind: Dimension = { key: 'applicantKind', label: '申请人类别', values: applicantKindLabels };
const channel: Dimension = { key: 'channel', label: '申请方式', values: disclosureChannelLabels };
const outcomeGroup: Dimension = { key: 'outcomeGroup', label: '办理结果类别', values: groupLabels };
const outcome: Dimension = { key: 'outcome', label: '办理结果', values: disclosureOutcomeLabels };
const agency: Dimension = { key: 'agency', label: '受理机关' };

const record = (date: SQL | unknown) =>
  sql`${cases.id} as id, ${cases.title} as title, ${labelOf(disclosureRequests.applicantKind, applicantKindLabels)} as category, ${organisations.name} as "orgName",
      ${date}::text as date, coalesce(${labelOf(disclosureRequests.outcome, disclosureOutcomeLabels)}, ${labelOf(cases.state, stateLabels)}) as label,
      '/disclosure/' || ${cases.id}::text as link, ${disclosureRequests.applicantKind}::text as "applicantKind", ${organisations.name} as agency`;

const from = (scope: IndicatorScope) =>
  sql`from ${disclosureRequests} inner join ${cases} on ${cases.id} = ${disclosureRequests.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${cases.caseType} = ${DISCLOSURE} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

export const received = defineCountIndicator({
  code: 'disclosure.received',
  name: '本年新收政府信息公开申请数',
  unit: '件',
  basis: '《政府信息公开条例》第三十一条、第五十条；国办公开办函〔2021〕30号 表三 一',
  description: '统计期间内收到的政府信息公开申请（以第三十一条规定的收到申请之日计），按申请人类别、申请方式和受理机关分列。',
  dimensions: [applicantKind, channel, agency],
  recordDate: '收到申请日期',
  source: (scope) => sql`select ${record(disclosureRequests.receivedOn)}, ${disclosureRequests.channel}::text as channel ${from(scope)} and ${inPeriod(disclosureRequests.receivedOn, scope)}`,
});

export const replied = defineCountIndicator({
  code: 'disclosure.replied',
  name: '政府信息公开申请办理结果',
  unit: '件',
  basis: '《政府信息公开条例》第三十六条至第三十九条；国办公开办函〔2021〕30号 表三 三',
  description: '统计期间内办结的申请（以答复或办结之日计），每件只计一项办理结果，按结果类别、结果和申请人类别分列，即年度报告表三的“本年度办理结果”。',
  dimensions: [outcomeGroup, outcome, applicantKind],
  recordDate: '答复日期',
  source: (scope) =>
    sql`select ${record(disclosureRequests.repliedOn)}, ${groupOf} as "outcomeGroup", ${disclosureRequests.outcome}::text as outcome
        ${from(scope)} and ${disclosureRequests.outcome} is not null and ${inPeriod(disclosureRequests.repliedOn, scope)}`,
});

/**
 * Late: replied after the reply clock's due date, or still open past it on the stock day. An application
 * that lapsed (补正 or fee not forthcoming) owed no reply and is never late.
 */
export const overdue = defineCountIndicator({
  code: 'disclosure.overdue',
  name: '逾期答复的政府信息公开申请数',
  unit: '件',
  basis: '《政府信息公开条例》第三十三条',
  description: '统计期间内答复晚于答复期限（含延长、扣除征求意见时间）的申请，及期末仍未答复且已过期限的申请（逾期不补正、逾期未缴费而不再处理的不计），按受理机关分列。',
  dimensions: [agency, applicantKind],
  recordDate: '答复期限届满日',
  source: (scope) =>
    sql`select ${record(sql`(select c.due_on from case_clocks c where c.case_id = ${cases.id} and c.name = 'reply')`)} ${from(scope)}
        and exists (select 1 from ${caseClocks} where ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = 'reply'
          and ((${disclosureRequests.repliedOn} is not null and ${disclosureRequests.outcome} not in ('otherNoCorrection', 'otherFeeUnpaid') and ${disclosureRequests.repliedOn} > ${caseClocks.dueOn} and ${inPeriod(disclosureRequests.repliedOn, scope)})
            or (${disclosureRequests.repliedOn} is null and ${caseClocks.status} <> 'stopped' and ${caseClocks.dueOn} < least(${scope.period.to}::date, ${scope.today}::date) and ${caseClocks.dueOn} >= ${scope.period.from}::date)))`,
});

export const corrections = defineCountIndicator({
  code: 'disclosure.corrections',
  name: '告知补正的政府信息公开申请数',
  unit: '件',
  basis: '《政府信息公开条例》第三十条',
  description: '统计期间内收到、告知申请人补正的申请（以收到申请之日计），按受理机关和申请人类别分列。',
  dimensions: [agency, applicantKind],
  recordDate: '收到申请日期',
  source: (scope) => sql`select ${record(disclosureRequests.receivedOn)} ${from(scope)} and ${disclosureRequests.extra} ->> 'correctionItems' is not null and ${inPeriod(disclosureRequests.receivedOn, scope)}`,
});

export const extensions = defineCountIndicator({
  code: 'disclosure.extensions',
  name: '延长答复期限的政府信息公开申请数',
  unit: '件',
  basis: '《政府信息公开条例》第三十三条第二款',
  description: '统计期间内收到、经批准延长答复期限的申请（以收到申请之日计），按受理机关和申请人类别分列。',
  dimensions: [agency, applicantKind],
  recordDate: '收到申请日期',
  source: (scope) => sql`select ${record(disclosureRequests.receivedOn)} ${from(scope)} and ${disclosureRequests.extended} and ${inPeriod(disclosureRequests.receivedOn, scope)}`,
});

export const disclosureFigures = [received, replied, overdue, corrections, extensions];
