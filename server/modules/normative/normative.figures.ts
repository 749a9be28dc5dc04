import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { periodBounds, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { legalStatusLabels } from '../../../contracts/normative.ts';
import { NORMATIVE } from './normative.permissions.ts';
import { normativeDocuments, normativeStatusChanges } from './normative.tables.ts';

/**
 * The rows behind the 规范性文件 figures, each with the record columns of the statistics page and an
 * `issuer` dimension. A document is placed in the organisation tree by its drafting unit (cases.org_id)
 * and in time by its own dates (publication, the status change, the filing due date).
 */

const issuer = alias(organisations, 'issuer');

function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

const record = (date: SQL | unknown, label: SQL | unknown) =>
  sql`${cases.id} as id, ${normativeDocuments.title} || coalesce('（' || ${normativeDocuments.docNo} || '）', '') as title, ${issuer.name} as category,
      ${organisations.name} as "orgName", ${date}::text as date, ${label} as label, '/normative/' || ${cases.id}::text as link, ${issuer.name} as issuer`;

const scoped = (scope: IndicatorScope, joins: SQL = sql``) =>
  sql`from ${normativeDocuments} inner join ${cases} on ${cases.id} = ${normativeDocuments.caseId}
      inner join ${organisations} on ${organisations.id} = ${cases.orgId}
      inner join ${organisations} as "issuer" on ${issuer.id} = ${normativeDocuments.issuerOrgId} ${joins}
      where ${cases.caseType} = ${NORMATIVE} and ${withinScope(scope, { regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path })}`;

const inPeriod = (column: SQL | unknown, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;

const statusLabel = labelOf(normativeDocuments.status, legalStatusLabels);

/** Published (issued) in the period: 年报 表二 "本年制发件数". */
export function issuedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(normativeDocuments.publishedOn, statusLabel)} ${scoped(scope)} and ${inPeriod(normativeDocuments.publishedOn, scope)}`;
}

/** Repealed in the period (by a later document, a clean-up or a decision): 年报 表二 "本年废止件数". */
export function repealedRows(scope: IndicatorScope): SQL {
  return sql`select ${record(normativeStatusChanges.changedOn, sql`'已废止'`)}
    ${scoped(scope, sql`inner join ${normativeStatusChanges} on ${normativeStatusChanges.documentId} = ${normativeDocuments.caseId}`)}
      and ${normativeStatusChanges.status} = 'repealed' and ${inPeriod(normativeStatusChanges.changedOn, scope)}`;
}

/**
 * In force on the stock day (the period's last day, or today): published by then, not repealed or
 * declared lapsed by then, and its validity not ended: 年报 表二 "目前有效件数".
 */
export function inForceRows(scope: IndicatorScope): SQL {
  const { asOf } = periodBounds(scope);
  return sql`select ${record(normativeDocuments.publishedOn, sql`'现行有效'`)} ${scoped(scope)}
      and ${normativeDocuments.publishedOn} <= ${asOf}
      and (${normativeDocuments.validUntil} is null or ${normativeDocuments.validUntil} >= ${asOf})
      and not exists (select 1 from ${normativeStatusChanges} where ${normativeStatusChanges.documentId} = ${normativeDocuments.caseId}
        and ${normativeStatusChanges.status} in ('repealed', 'expired') and ${normativeStatusChanges.changedOn} <= ${asOf})`;
}

/** Whose 备案 was due in the period and came late, or has not come by the stock day. */
export function overdueFilingRows(scope: IndicatorScope): SQL {
  const { asOf } = periodBounds(scope);
  const lastFiled = sql`greatest(${normativeDocuments.filedWithGovernmentOn}, ${normativeDocuments.filedWithCongressOn})`;
  const unfiled = sql`(${normativeDocuments.filedWithGovernmentOn} is null or ${normativeDocuments.filedWithCongressOn} is null)`;
  return sql`select ${record(normativeDocuments.filingDueOn, sql`case when ${unfiled} then '逾期未备案' else '逾期备案' end`)} ${scoped(scope)}
      and ${inPeriod(normativeDocuments.filingDueOn, scope)}
      and ((${unfiled} and ${normativeDocuments.filingDueOn} < ${asOf}) or (not ${unfiled} and ${lastFiled} > ${normativeDocuments.filingDueOn}))`;
}
