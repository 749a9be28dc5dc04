import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { cellCondition, defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { enforcementFieldLabels, inspectionResultLabels } from '../../../contracts/enforcement.ts';
import { enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import { inspections, specialCampaigns } from './supervision.tables.ts';

/**
 * 行政检查 and 专项整治 figures per county and period. An inspection is placed in the organisation tree
 * by the department that inspected and in time by its day; every figure's records are the inspections
 * (or cases) counted, linked to their pages.
 */

const field: Dimension = { key: 'field', label: '执法领域', values: enforcementFieldLabels };
const department: Dimension = { key: 'department', label: '执法部门' };
const campaign: Dimension = { key: 'campaign', label: '专项整治行动' };
const BASIS = '《法治政府建设实施纲要（2021—2025年）》（十五）严格规范公正文明执法；国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）';

const resultLabel = sql`case ${inspections.result} ${sql.join(
  Object.entries(inspectionResultLabels).map(([k, v]) => sql`when ${k} then ${v}`),
  sql` `,
)} else ${inspections.result} end`;

/** The inspections of the scope and period matching `where`, with the record columns and the dimensions. */
function inspectionRows(scope: IndicatorScope, where: SQL = sql`true`): SQL {
  return sql`select ${inspections.id} as id, ${inspections.targetName} as title, ${inspections.targetType} as category,
      ${organisations.name} as "orgName", ${inspections.inspectedOn}::text as date, ${resultLabel} as label,
      '/inspections/' || ${inspections.id}::text as link, ${inspections.field} as field, ${organisations.name} as department,
      ${specialCampaigns.title} as campaign, ${inspections.hazardsFound} as hazards, ${inspections.documentsIssued} as documents
    from ${inspections} inner join ${organisations} on ${organisations.id} = ${inspections.orgId}
      left join ${specialCampaigns} on ${specialCampaigns.id} = ${inspections.campaignId}
    where ${withinScope(scope, { regionCode: inspections.regionCode, orgId: inspections.orgId, orgPath: organisations.path })}
      and ${inspections.inspectedOn} between ${scope.period.from} and ${scope.period.to} and ${where}`;
}

const countOf = (code: string, name: string, description: string, where?: SQL, dimensions: Dimension[] = [field, department]) =>
  defineCountIndicator({ code, name, unit: '次', basis: BASIS, description, dimensions, recordDate: '检查日期', source: (scope) => inspectionRows(scope, where) });

/** A sum over the inspections (e.g. hazards found), by field and department; its records are the inspections with a non-zero amount. */
function sumOf(code: string, name: string, unit: string, description: string, column: 'hazards' | 'documents') {
  const keys = [field, department].map((d) => sql.identifier(d.key));
  const amount = sql.identifier(column);
  return defineIndicator({
    code,
    name,
    unit,
    basis: BASIS,
    description,
    dimensions: [field, department],
    recordDate: '检查日期',
    value: (scope) => sql`select ${sql.join(keys, sql`, `)}, sum(s.${amount})::int as value from (${inspectionRows(scope)}) s where s.${amount} > 0 group by ${sql.join(keys, sql`, `)}`,
    records: (scope, cell) =>
      sql`select s.id::text as id, s.title, s.category, s."orgName", s.date, s.label || '（' || s.${amount} || '）' as label, s.link from (${inspectionRows(scope)}) s where s.${amount} > 0 and ${cellCondition(cell)}`,
  });
}

export const inspectionsCount = countOf('inspections.count', '行政检查次数', '统计期间内（以检查日期计）实施的行政检查次数，按执法领域和执法部门分列。');
export const inspectionsRectifications = countOf('inspections.rectifications', '责令整改次数', '统计期间内行政检查中下达责令整改通知的次数。', sql`${inspections.rectificationOrdered}`);
export const inspectionsHazards = sumOf('inspections.hazards', '发现隐患问题数', '个', '统计期间内行政检查发现的隐患问题个数之和；明细为发现隐患的检查记录（括号内为隐患数）。', 'hazards');
export const inspectionsPlacesClosed = countOf('inspections.placesClosed', '关停取缔次数', '统计期间内行政检查中关停、取缔（如取缔关停制假售假窝点、关停违法企业）的次数。', sql`${inspections.placeClosed}`);
export const inspectionsDemolished = countOf('inspections.demolished', '拆除次数', '统计期间内行政检查中拆除违法建设、设施的次数。', sql`${inspections.demolished}`);
export const inspectionsTransfers = countOf('inspections.transfers', '检查中移送司法机关次数', '统计期间内行政检查中发现涉嫌犯罪、移送司法机关的次数。', sql`${inspections.transferredToJudiciary}`);
export const inspectionsDocuments = sumOf('inspections.documents', '出具执法文书数', '份', '统计期间内行政检查中当场出具的执法文书（如卫生监督意见书）份数之和；明细为出具文书的检查记录（括号内为份数）。', 'documents');
export const campaignInspections = countOf(
  'campaigns.inspections',
  '专项整治检查次数',
  '统计期间内归入专项整治行动的行政检查次数，按行动分列。',
  sql`${inspections.campaignId} is not null`,
  [campaign],
);

/**
 * Cases of a campaign filed in the period, placed by the handling organisation (cases.org_id); the region
 * is read from enforcement_cases so that its (region, filed_on) index finds the county-year.
 */
export const campaignCasesFiled = defineCountIndicator({
  code: 'campaigns.casesFiled',
  name: '专项整治立案数',
  unit: '件',
  basis: BASIS,
  description: '统计期间内（以立案日期计）归入专项整治行动的行政处罚案件件数，按行动分列。',
  dimensions: [campaign],
  recordDate: '立案日期',
  source: (scope) => sql`select ${cases.id} as id, ${enforcementCases.partyName} || '（' || ${cases.title} || '）' as title, ${enforcementCases.field} as category,
      ${organisations.name} as "orgName", ${enforcementCases.filedOn}::text as date, ${cases.state} as label, '/cases/' || ${cases.id}::text as link,
      ${specialCampaigns.title} as campaign
    from ${enforcementCases} inner join ${cases} on ${cases.id} = ${enforcementCases.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      inner join ${specialCampaigns} on ${specialCampaigns.id} = ${enforcementCases.campaignId}
    where ${withinScope(scope, { regionCode: enforcementCases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}
      and ${enforcementCases.filedOn} between ${scope.period.from} and ${scope.period.to}`,
});

export const inspectionFigures = [
  inspectionsCount,
  inspectionsRectifications,
  inspectionsHazards,
  inspectionsPlacesClosed,
  inspectionsDemolished,
  inspectionsTransfers,
  inspectionsDocuments,
  campaignInspections,
  campaignCasesFiled,
];
