import { sql, type SQL } from 'drizzle-orm';
import { enforcementFieldLabels } from '../../../contracts/enforcement.ts';
import { periodBounds, type Dimension, type IndicatorScope } from '../../kernel/indicators/define-indicator.ts';
import { defineCountIndicator, withinScope } from '../../kernel/indicators/indicators.repository.ts';
import { TRAINING_HOURS_PER_YEAR } from './enforcement.permissions.ts';
import { certificateInForce } from './enforcement.sql.ts';

/**
 * The registry's figures (法治政府建设年度报告: 行政执法人员持证, 换证, 乡镇赋权, 培训). Stocks are taken on
 * the period's last day (or today); a certificate counts by its own dates and the day it was replaced,
 * suspended or revoked, so a later change does not rewrite a past year.
 */

const body: Dimension = { key: 'body', label: '执法主体' };
const field: Dimension = { key: 'field', label: '执法领域', values: enforcementFieldLabels };
const township: Dimension = { key: 'township', label: '乡镇' };
const department: Dimension = { key: 'department', label: '赋权部门' };

const officerScope = (scope: IndicatorScope) => withinScope(scope, { regionCode: sql`o.region_code`, orgId: sql`o.org_id`, orgPath: sql`org.path` });
const inPeriod = (column: SQL, scope: IndicatorScope) => sql`${column} between ${scope.period.from} and ${scope.period.to}`;

/** Officers holding a certificate in force on the stock day: one row each, by the certificate ending last. */
function certifiedOfficerRows(scope: IndicatorScope, extra: SQL = sql``): SQL {
  const { asOf } = periodBounds(scope);
  return sql`select o.id, o.name || '（' || c.certificate_no || '）' as title, b.name as category, org.name as "orgName", c.valid_until::text as date,
      '有效期至 ' || c.valid_until::text as label, '/enforcement/officers/' || o.id::text as link, b.name as body, c.field as field
    from enforcement_officers o
    inner join enforcement_bodies b on b.id = o.body_id
    inner join organisations org on org.id = o.org_id
    inner join lateral (select c.* from enforcement_certificates c where c.officer_id = o.id and ${certificateInForce('c', asOf)}
      order by c.valid_until desc, c.id limit 1) c on true
    where ${officerScope(scope)} ${extra}`;
}

export const certifiedOfficers = defineCountIndicator({
  code: 'enforcement.certifiedOfficers',
  name: '持有效行政执法证的执法人员数',
  unit: '人',
  basis: '《中华人民共和国行政处罚法》第四十二条；《法治政府建设实施纲要（2021—2025年）》（全面推行行政执法人员资格管理和持证上岗）',
  description: '统计截止日（期间末日；期间尚未结束的为今日）持有在有效期内、未被暂扣、吊销或换发的行政执法证的人员数，一人计一次（多证的按有效期最晚的证件归入执法主体和领域）。',
  dimensions: [body, field],
  recordDate: '有效期至',
  source: (scope) => certifiedOfficerRows(scope),
});

export const replacedCertificates = defineCountIndicator({
  code: 'enforcement.replacedCertificates',
  name: '换发行政执法证件数',
  unit: '件',
  basis: '行政执法证件管理（换证）',
  description: '统计期间内换发的行政执法证件数（以新证发证日期计），按执法主体分列。',
  dimensions: [body],
  recordDate: '换证日期',
  source: (scope) => sql`select c.id, o.name || '（' || c.certificate_no || '，原证 ' || old.certificate_no || '）' as title, b.name as category, org.name as "orgName",
      c.issued_on::text as date, '换证' as label, '/enforcement/officers/' || o.id::text as link, b.name as body
    from enforcement_certificates c
    inner join enforcement_certificates old on old.id = c.replaces_id
    inner join enforcement_officers o on o.id = c.officer_id
    inner join enforcement_bodies b on b.id = o.body_id
    inner join organisations org on org.id = o.org_id
    where ${officerScope(scope)} and ${inPeriod(sql`c.issued_on`, scope)}`,
});

const delegationInForce = (scope: IndicatorScope) => {
  const { asOf } = periodBounds(scope);
  return sql`d.since <= ${asOf} and (d.until is null or d.until > ${asOf})`;
};

export const delegatedMatters = defineCountIndicator({
  code: 'enforcement.delegatedMatters',
  name: '赋权乡镇的行政执法事项数',
  unit: '项',
  basis: '《中华人民共和国行政处罚法》第二十四条；《岳阳县乡镇综合执法工作暂行规定》',
  description: '统计截止日赋予乡镇（街道）行使、尚未终止的行政执法事项数，同一事项赋予多个乡镇的计一项，按赋权部门分列。',
  dimensions: [department],
  recordDate: '首次赋权日期',
  source: (scope) => sql`select m.id, m.name || '（' || m.code || '）' as title, dept.name as category, dept.name as "orgName",
      (select min(d.since) from township_delegations d where d.matter_id = m.id and ${delegationInForce(scope)})::text as date,
      (select count(*) from township_delegations d where d.matter_id = m.id and ${delegationInForce(scope)}) || ' 个乡镇' as label,
      '/enforcement/matters?q=' || m.code as link, dept.name as department
    from enforcement_matters m
    inner join organisations dept on dept.id = m.org_id
    where ${withinScope(scope, { regionCode: sql`m.region_code`, orgId: sql`m.org_id`, orgPath: sql`dept.path` })}
      and exists (select 1 from township_delegations d where d.matter_id = m.id and ${delegationInForce(scope)})`,
});

export const townshipDelegationCount = defineCountIndicator({
  code: 'enforcement.townshipDelegations',
  name: '乡镇承接的赋权执法事项数',
  unit: '项',
  basis: '《中华人民共和国行政处罚法》第二十四条；《岳阳县乡镇综合执法工作暂行规定》',
  description: '统计截止日各乡镇（街道）承接、尚未终止的赋权行政执法事项数（乡镇 × 事项），按乡镇分列。',
  dimensions: [township],
  recordDate: '赋权日期',
  source: (scope) => sql`select d.id, m.name || '（' || m.code || '）' as title, t.name as category, t.name as "orgName", d.since::text as date,
      coalesce(d.document_no, '') as label, '/enforcement/delegations?townshipOrgId=' || t.id::text as link, t.name as township
    from township_delegations d
    inner join enforcement_matters m on m.id = d.matter_id
    inner join organisations t on t.id = d.township_org_id
    where ${withinScope(scope, { regionCode: sql`d.region_code`, orgId: sql`d.township_org_id`, orgPath: sql`t.path` })} and ${delegationInForce(scope)}`,
});

export const trainingShortfall = defineCountIndicator({
  code: 'enforcement.trainingShortfall',
  name: '培训不足60学时的执法人员数',
  unit: '人',
  basis: '《法治政府建设实施纲要（2021—2025年）》：行政执法人员每人每年接受不少于60学时的业务知识和法律法规培训',
  description: '统计截止日持有效行政执法证、统计期间内参加培训合计不足60学时的人员数（按年度统计时即全年学时），按执法主体分列。',
  dimensions: [body],
  recordDate: '有效期至',
  source: (scope) =>
    sql`select s.id, s.title, s.category, s."orgName", s.date, s.label, s.link, s.body from (${certifiedOfficerRows(scope)}) s
      where (select coalesce(sum(t.hours), 0) from enforcement_trainings t where t.officer_id = s.id and ${inPeriod(sql`t.attended_on`, scope)}) < ${TRAINING_HOURS_PER_YEAR}`,
});

export const enforcementFigures = [certifiedOfficers, replacedCertificates, delegatedMatters, townshipDelegationCount, trainingShortfall];
