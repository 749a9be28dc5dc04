import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { caseTypeLabels } from './meetings.labels.ts';
import { governmentMeetings, meetingItems } from './meetings.tables.ts';

/**
 * 涉法议题 on the government's 常务会议: the items marked law-related on executive meetings of an
 * organisation of type government (the county government), by the kind of record discussed. The
 * record links to the case when the item came from a procedure, else to the meeting.
 */
export function lawRelatedRows(scope: IndicatorScope): SQL {
  return sql`select ${meetingItems.id} as id, ${meetingItems.title} as title,
      ${organisations.name} || ${governmentMeetings.year}::text || '年第' || ${governmentMeetings.seq}::text || '次常务会议' as category,
      ${organisations.name} as "orgName", ${governmentMeetings.heldOn}::text as date, null::text as label,
      case when ${cases.caseType} = 'decision' then '/decisions/' || ${cases.id}::text when ${cases.id} is not null then '/cases/' || ${cases.id}::text
        else '/meetings/' || ${governmentMeetings.id}::text end as link,
      coalesce(${cases.caseType}, '') as subject
    from ${meetingItems} inner join ${governmentMeetings} on ${governmentMeetings.id} = ${meetingItems.meetingId}
      inner join ${organisations} on ${organisations.id} = ${governmentMeetings.orgId}
      left join ${cases} on ${cases.id} = ${meetingItems.caseId}
    where ${withinScope(scope, { regionCode: governmentMeetings.regionCode, orgId: governmentMeetings.orgId, orgPath: organisations.path })}
      and ${governmentMeetings.kind} = 'executive' and ${organisations.type} = 'government' and ${meetingItems.lawRelated}
      and ${governmentMeetings.heldOn} between ${scope.period.from} and ${scope.period.to}`;
}

export const lawRelatedExecutiveItems = defineCountIndicator({
  code: 'meetings.lawRelatedExecutiveItems',
  name: '政府常务会议涉法议题数',
  unit: '件',
  basis: '《重大行政决策程序暂行条例》第三十条；《法治政府建设与责任落实督察工作规定》第二十四条（法治政府建设年度报告）',
  description: '统计期间内人民政府常务会议审议的涉法议题（重大行政决策、行政规范性文件等经合法性审查的议题）数，以会议日期计；按议题所关联的事项类型分列。',
  dimensions: [{ key: 'subject', label: '议题类型', values: caseTypeLabels }],
  recordDate: '会议日期',
  source: lawRelatedRows,
});

export const meetingFigures = [lawRelatedExecutiveItems];
