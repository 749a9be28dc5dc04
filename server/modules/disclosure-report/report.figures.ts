import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import {
  applicantKinds,
  interpretationForms,
  outcomeGroups,
  proactiveCategories,
  tableFourBlocks,
  tableFourResults,
  type TableFourResult,
} from '../../../contracts/disclosure.ts';
import type { ProactiveFigures, ReportFigures, ReportScope, TableFour, TableThree, TableTwo } from '../../../contracts/disclosure-report.ts';
import { tableThreeRows } from '../../../contracts/disclosure-report.ts';
import { correctingOutcomes } from '../../../contracts/reconsideration.ts';
import { lostOutcomes } from '../../../contracts/litigation.ts';
import { disclosureRequests } from '../disclosure/disclosure.tables.ts';
import { coerciveMeasures, enforcementCases } from '../enforcement-cases/enforcement-cases.tables.ts';
import { litigationCases } from '../litigation/litigation.tables.ts';
import { normativeDocuments, normativeStatusChanges } from '../normative/normative.tables.ts';
import { reconsiderationCases } from '../reconsideration/reconsideration.tables.ts';
import { disclosureFigureEntries, proactiveDisclosures } from './disclosure-report.tables.ts';

/**
 * The report's tables as SQL, one query per table, each aggregating in the database (FILTER, GROUPING
 * SETS). A report covers either one organisation's records (its own org_id) or, for the government's
 * report, every record of the region (国办公开办函〔2021〕30号: the government's report sums its departments).
 */

export interface FigureScope {
  regionCode: string;
  /** The organisation whose records count; null: the whole region (the government's report). */
  orgId: string | null;
  year: number;
}

const rowsOf = async <T>(db: Queryable, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

const bounds = (scope: FigureScope) => ({ from: `${scope.year}-01-01`, to: `${scope.year}-12-31` });

/** The row belongs to the report: its region, and its organisation when the report is an organisation's. */
const owned = (scope: FigureScope, region: SQL | unknown, org: SQL | unknown): SQL =>
  scope.orgId ? sql`${region} = ${scope.regionCode} and ${org} = ${scope.orgId}` : sql`${region} = ${scope.regionCode}`;

/** 行政处罚 decisions counted in table 二 (处罚法 第五十七条: 处罚, 不予处罚); a transfer is not a decision of the agency. */
const PENALTY_DECISIONS = ['penalty', 'noPenalty', 'exempt'];

/** In force at the end of `day`: published by then, not repealed or declared lapsed by then, within its validity. */
const inForceAt = (day: string) =>
  sql`(${normativeDocuments.publishedOn} <= ${day} and (${normativeDocuments.validUntil} is null or ${normativeDocuments.validUntil} >= ${day})
    and not exists (select 1 from ${normativeStatusChanges} s where s.document_id = ${normativeDocuments.caseId}
      and s.status in ('repealed', 'expired') and s.changed_on <= ${day}))`;

/**
 * Table 二. 规范性文件 by their 制定机关 (issuer): issued = published in the year; in force = at the year's
 * end; repealed = ceased to be in force during the year, by 废止 or by 失效 (validity ended, declared
 * lapsed) — the format has one column for both, and only so does 现行有效 = 上年现行有效 + 制发 − 废止
 * hold (a document issued and repealed in the same year counts in both). 行政处罚 by the deciding
 * organisation and day; 行政强制 by the day it began. 规章, 行政许可 and fees are entered
 * (disclosure_figure_entries): Fazhi does not record them.
 */
export async function tableTwo(db: Queryable, scope: FigureScope): Promise<TableTwo> {
  const { from, to } = bounds(scope);
  const lastYearEnd = `${scope.year - 1}-12-31`;
  const issuer = owned(scope, normativeDocuments.regionCode, normativeDocuments.issuerOrgId);
  const [row] = await rowsOf<{ normIssued: number; normRepealed: number; normInForce: number; penalties: number; coercion: number; entered: Record<string, string | number> }>(
    db,
    sql`select
      count(*) filter (where ${normativeDocuments.publishedOn} between ${from} and ${to})::int as "normIssued",
      count(*) filter (where not ${inForceAt(to)} and (${normativeDocuments.publishedOn} >= ${from} or ${inForceAt(lastYearEnd)}))::int as "normRepealed",
      count(*) filter (where ${inForceAt(to)})::int as "normInForce",
      (select count(*) from ${enforcementCases} inner join ${cases} on ${cases.id} = ${enforcementCases.caseId}
         where ${owned(scope, cases.regionCode, cases.orgId)} and ${enforcementCases.decidedOn} between ${from} and ${to}
           and ${enforcementCases.outcome} in ${PENALTY_DECISIONS})::int as penalties,
      (select count(*) from ${coerciveMeasures} where ${owned(scope, coerciveMeasures.regionCode, coerciveMeasures.orgId)}
         and ${coerciveMeasures.startedOn} between ${from} and ${to})::int as coercion,
      (select coalesce(jsonb_object_agg(item, total), '{}'::jsonb) from (select ${disclosureFigureEntries.item} as item, sum(${disclosureFigureEntries.value}) as total
         from ${disclosureFigureEntries} where ${owned(scope, disclosureFigureEntries.regionCode, disclosureFigureEntries.orgId)}
           and ${disclosureFigureEntries.year} = ${scope.year} group by ${disclosureFigureEntries.item}) entered) as entered
    from ${normativeDocuments} where ${issuer} and ${normativeDocuments.publishedOn} <= ${to}`,
  );
  const r = row!;
  const entered = (item: string) => Number(r.entered[item] ?? 0);
  return {
    regulations: { issued: entered('regulations.issued'), repealed: entered('regulations.repealed'), inForce: entered('regulations.inForce') },
    normativeDocuments: { issued: r.normIssued, repealed: r.normRepealed, inForce: r.normInForce },
    licences: { decisions: entered('licences.decisions') },
    penalties: { decisions: r.penalties },
    coercion: { decisions: r.coercion },
    fees: { amountTenThousand: entered('fees.amountTenThousand') },
  };
}

/** The leaf's group (（一）…（六）), from the closed vocabulary in contracts/disclosure.ts. */
const groupOf = (outcome: SQL | unknown) =>
  sql`case ${outcome} ${sql.raw(outcomeGroups.flatMap((g) => g.leaves.map((leaf) => `when '${leaf}' then '${g.code}'`)).join(' '))} end`;

/**
 * Table 三 over the applications that were open at some time in the year: received by its end and not
 * replied before it began. 新收 = received in the year; 上年结转 = received before it, not replied before
 * it; 办理结果 = replied in the year, by the reply's leaf row; 结转下年 = not replied by the year's end.
 * An application closed without a reply (registered in error) counts nowhere. Subtotals and totals come
 * from GROUPING SETS: per applicant kind and overall, per group and per leaf.
 */
export async function tableThree(db: Queryable, scope: FigureScope): Promise<TableThree> {
  const { from, to } = bounds(scope);
  const r = disclosureRequests;
  const rows = await rowsOf<{ kind: string | null; grp: string | null; outcome: string | null; gk: number; gg: number; go: number; new: number; carried: number; replied: number; carriedNext: number }>(db, sql`select kind, grp, outcome, grouping(kind) as gk, grouping(grp) as gg, grouping(outcome) as go,
        count(*) filter (where received_on >= ${from})::int as "new",
        count(*) filter (where received_on < ${from})::int as carried,
        count(*) filter (where replied_on <= ${to})::int as replied,
        count(*) filter (where replied_on is null or replied_on > ${to})::int as "carriedNext"
      from (select ${r.applicantKind} as kind, ${r.outcome} as outcome, ${groupOf(r.outcome)} as grp, ${r.receivedOn} as received_on, ${r.repliedOn} as replied_on
            from ${r} inner join ${cases} on ${cases.id} = ${r.caseId}
            where ${r.regionCode} = ${scope.regionCode} and ${owned(scope, cases.regionCode, cases.orgId)} and ${r.receivedOn} <= ${to}
              and (${r.repliedOn} is null or ${r.repliedOn} >= ${from})
              and not (${cases.terminal} and ${r.repliedOn} is null)) open
      group by grouping sets ((kind, grp, outcome), (kind, grp), (kind), (grp, outcome), (grp), ())`);
  const table: TableThree = Object.fromEntries(tableThreeRows.filter((row) => row.code !== 'results').map((row) => [row.code, Array<number>(applicantKinds.length + 1).fill(0)]));
  for (const row of rows) {
    const column = Number(row.gk) ? applicantKinds.length : applicantKinds.indexOf(row.kind as (typeof applicantKinds)[number]);
    if (column < 0) continue;
    if (Number(row.gg)) {
      table.new![column] = row.new;
      table.carried![column] = row.carried;
      table.total![column] = row.replied;
      table.carriedNext![column] = row.carriedNext;
    } else if (row.grp && Number(row.go)) table[row.grp]![column] = row.replied;
    else if (row.grp && row.outcome && table[row.outcome]) table[row.outcome]![column] = row.replied;
  }
  return table;
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Table 四: the 复议 and 诉讼 about 政府信息公开 against the organisation (respondent, defendant) — or any
 * organisation of the region — pending at some time in the year: received by its end and not concluded
 * before it. 维持 = 维持 or 驳回 (复议) / 驳回起诉 or 驳回诉讼请求 (诉讼); 纠正 = the correcting outcomes
 * (contracts/reconsideration.ts correctingOutcomes) / the agency lost (contracts/litigation.ts
 * lostOutcomes); 其他 = every other ending; 尚未审结 = no ending by the year's end. A lawsuit counts once,
 * by its first instance; litigation splits by whether it followed 复议.
 */
export async function tableFour(db: Queryable, scope: FigureScope): Promise<TableFour> {
  const { from, to } = bounds(scope);
  const rc = reconsiderationCases;
  const lc = litigationCases;
  const rcEnded = sql`coalesce(${rc.decidedOn}, (${cases.closedAt} at time zone 'Asia/Shanghai')::date)`;
  const lcEnded = sql`coalesce(${lc.judgedOn}, (${cases.closedAt} at time zone 'Asia/Shanghai')::date)`;
  const rows = await rowsOf<{ block: string; result: string | null; gr: number; n: number }>(db, sql`select block, result, grouping(result) as gr, count(*)::int as n from (
        select 'reconsideration' as block,
          case when ${rc.outcome} is null or ${rcEnded} is null or ${rcEnded} > ${to} then 'pending'
               when ${rc.outcome} in ('maintain', 'rejectClaims', 'rejectApplication') then 'maintained'
               when ${rc.outcome} in (${inList(correctingOutcomes)}) then 'corrected' else 'other' end as result
        from ${rc} inner join ${cases} on ${cases.id} = ${rc.caseId}
        where ${rc.actCategory} = 'disclosure' and ${owned(scope, rc.regionCode, rc.respondentOrgId)} and ${rc.receivedOn} <= ${to}
          and not (${rc.outcome} is not null and ${rcEnded} < ${from})
        union all
        select case when ${lc.afterReconsideration} then 'litigationAfterReconsideration' else 'litigationDirect' end,
          case when ${lc.outcome} is null or ${lcEnded} is null or ${lcEnded} > ${to} then 'pending'
               when ${lc.outcome} in (${inList(lostOutcomes)}) then 'corrected'
               when ${lc.outcome} in ('dismissSuit', 'rejectClaims') then 'maintained' else 'other' end
        from ${lc} inner join ${cases} on ${cases.id} = ${lc.caseId}
        where ${lc.actCategory} = 'disclosure' and ${lc.instance} = 'first' and ${owned(scope, lc.regionCode, lc.defendantOrgId)}
          and ${lc.complaintReceivedOn} <= ${to} and not (${lc.outcome} is not null and ${lcEnded} < ${from})
      ) acts group by grouping sets ((block, result), (block))`);
  const table = Object.fromEntries(tableFourBlocks.map((b) => [b, Object.fromEntries(tableFourResults.map((res) => [res, 0]))])) as TableFour;
  for (const row of rows) {
    const block = table[row.block as keyof TableFour];
    if (!block) continue;
    block[(Number(row.gr) ? 'total' : row.result) as TableFourResult] = row.n;
  }
  return table;
}

/** 主动公开 in the year: items by topic, interpretations by form (文字、图表、视频), and the totals. */
export async function proactiveFigures(db: Queryable, scope: FigureScope): Promise<ProactiveFigures> {
  const { from, to } = bounds(scope);
  const p = proactiveDisclosures;
  const rows = await rowsOf<{ category: string | null; kind: string | null; form: string | null; gc: number; gk: number; gf: number; n: number }>(db, sql`select ${p.category} as category, ${p.kind} as kind, ${p.form} as form,
        grouping(${p.category}) as gc, grouping(${p.kind}) as gk, grouping(${p.form}) as gf, count(*)::int as n
      from ${p} where ${owned(scope, p.regionCode, p.orgId)} and ${p.publishedOn} between ${from} and ${to}
      group by grouping sets ((${p.category}), (${p.kind}), (${p.kind}, ${p.form}), ())`);
  const figures: ProactiveFigures = {
    total: 0,
    items: 0,
    byCategory: Object.fromEntries(proactiveCategories.map((c) => [c, 0])) as ProactiveFigures['byCategory'],
    interpretations: Object.fromEntries([...interpretationForms, 'total'].map((f) => [f, 0])) as ProactiveFigures['interpretations'],
  };
  for (const row of rows) {
    const [gc, gk, gf] = [Number(row.gc), Number(row.gk), Number(row.gf)];
    if (gc && gk && gf) figures.total = row.n;
    else if (!gc) figures.byCategory[row.category as keyof ProactiveFigures['byCategory']] = row.n;
    else if (!gk && gf) {
      if (row.kind === 'item') figures.items = row.n;
      else if (row.kind === 'interpretation') figures.interpretations.total = row.n;
    } else if (!gk && !gf && row.kind === 'interpretation' && row.form) figures.interpretations[row.form as keyof ProactiveFigures['interpretations']] = row.n;
  }
  return figures;
}

/** 信息处理费 paid in the year: how many applications paid and how much (fees are kept in fen). */
export async function processingFees(db: Queryable, scope: FigureScope): Promise<{ applications: number; amountYuan: number }> {
  const { from, to } = bounds(scope);
  const r = disclosureRequests;
  const [row] = await rowsOf<{ applications: number; fen: string | number }>(db, sql`select count(*)::int as applications, coalesce(sum(${r.feeFen}), 0)::bigint as fen
      from ${r} inner join ${cases} on ${cases.id} = ${r.caseId}
      where ${owned(scope, cases.regionCode, cases.orgId)} and ${r.feePaidOn} between ${from} and ${to} and ${r.feeFen} > 0`);
  return { applications: row!.applications, amountYuan: Number(row!.fen) / 100 };
}

/** Every table of one report, computed now. */
export async function computeFigures(db: Queryable, scope: FigureScope, reportScope: ReportScope): Promise<ReportFigures> {
  // One after the other: `db` may be an open transaction.
  return {
    year: scope.year,
    scope: reportScope,
    tableTwo: await tableTwo(db, scope),
    tableThree: await tableThree(db, scope),
    tableFour: await tableFour(db, scope),
    proactive: await proactiveFigures(db, scope),
    processingFees: await processingFees(db, scope),
  };
}
