import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { legislationConsultations, legislationRequests } from './legislation.tables.ts';

/**
 * 立法建议's figures for the annual report's 积极配合上级立法: consultations received, replies sent,
 * opinions the departments and townships gave. A consultation counts where the 司法局 is, an opinion
 * where the organisation that gave it is (a department's statistics show its own).
 */

const BASIS = '《法治政府建设实施纲要（2021—2025年）》：积极配合上级立法；《法治政府建设与责任落实督察工作规定》第二十四条（法治政府建设年度报告）';
const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;
const parent = alias(cases, 'consultation_case');

const consultationRecord = (date: SQL | unknown, label: SQL) =>
  sql`${cases.id} as id, ${cases.title} as title, ${legislationConsultations.fromBody} as category, ${organisations.name} as "orgName",
      ${date}::text as date, ${label} as label, '/legislation/' || ${cases.id}::text as link`;

const consultationsIn = (scope: IndicatorScope) =>
  sql`from ${cases} inner join ${legislationConsultations} on ${legislationConsultations.caseId} = ${cases.id}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

const yesNo = (condition: SQL) => sql`case when ${condition} then 'yes' else 'no' end`;

export const consultationsReceived = defineCountIndicator({
  code: 'legislation.consultations',
  name: '收到上级立法征求意见数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内收到的上级机关就法律、法规、规章草案征求县政府意见的件数（以收文日期计），按是否已报送反馈意见分列。',
  dimensions: [{ key: 'replied', label: '是否已反馈', values: { yes: '已报送反馈意见', no: '未报送' } }],
  recordDate: '收文日期',
  source: (scope) =>
    sql`select ${consultationRecord(legislationConsultations.receivedOn, sql`case when ${legislationConsultations.replySentOn} is not null then '已报送反馈意见' else '办理中' end`)},
        ${yesNo(sql`${legislationConsultations.replySentOn} is not null and ${legislationConsultations.replySentOn} <= ${scope.period.to}`)} as replied
      ${consultationsIn(scope)} and ${inPeriod(legislationConsultations.receivedOn, scope)}`,
});

export const repliesSent = defineCountIndicator({
  code: 'legislation.replies',
  name: '报送立法反馈意见数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内向上级机关报送的立法征求意见反馈件数（以报送日期计），按是否在来文要求的期限内报送、是否有部门未反馈即报送分列。',
  dimensions: [
    { key: 'onTime', label: '是否按期', values: { yes: '按期报送', no: '逾期报送' } },
    { key: 'complete', label: '部门是否均已反馈', values: { yes: '均已反馈', no: '部分未反馈' } },
  ],
  recordDate: '报送日期',
  source: (scope) =>
    sql`select ${consultationRecord(legislationConsultations.replySentOn, sql`coalesce(${legislationConsultations.replyDocumentNo}, '')`)},
        ${yesNo(sql`${legislationConsultations.replySentOn} <= ${legislationConsultations.replyDueOn}`)} as "onTime",
        ${yesNo(sql`not exists (select 1 from ${legislationRequests} r inner join ${cases} consultation_case on ${parent.id} = r.case_id where r.consultation_id = ${cases.id} and ${parent.state} = 'lapsed')`)} as complete
      ${consultationsIn(scope)} and ${inPeriod(legislationConsultations.replySentOn, scope)}`,
});

export const opinionsSubmitted = defineCountIndicator({
  code: 'legislation.opinions',
  name: '部门和乡镇反馈立法意见数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内县直部门和乡镇（街道）就立法征求意见作出反馈的件数（以反馈日期计，每个单位每次征求计一件），按提出意见或无意见、是否按期反馈、意见是否被采纳分列。',
  dimensions: [
    { key: 'kind', label: '反馈内容', values: { opinion: '提出意见', none: '无意见' } },
    { key: 'timely', label: '是否按期', values: { yes: '按期反馈', no: '逾期反馈' } },
    { key: 'adopted', label: '是否采纳', values: { yes: '采纳', no: '未采纳', '': '未决定或无意见' } },
  ],
  recordDate: '反馈日期',
  source: (scope) =>
    sql`select ${cases.id} as id, ${cases.title} as title, ${parent.title} as category, ${organisations.name} as "orgName",
        ${legislationRequests.answeredOn}::text as date, case when ${legislationRequests.noOpinion} then '无意见' else '提出意见' end as label,
        '/legislation/' || ${parent.id}::text as link,
        case when ${legislationRequests.noOpinion} then 'none' else 'opinion' end as kind,
        ${yesNo(sql`not coalesce(${legislationRequests.late}, false)`)} as timely,
        case when ${legislationRequests.noOpinion} or ${legislationRequests.adopted} is null then null when ${legislationRequests.adopted} then 'yes' else 'no' end as adopted
      from ${legislationRequests} inner join ${cases} on ${cases.id} = ${legislationRequests.caseId}
        inner join ${cases} consultation_case on ${parent.id} = ${legislationRequests.consultationId}
        inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      where ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
        and ${cases.state} = 'answered' and ${inPeriod(legislationRequests.answeredOn, scope)}`,
});

export const legislationFigures = [consultationsReceived, repliesSent, opinionsSubmitted];
