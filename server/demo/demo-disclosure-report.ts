import { sql } from 'drizzle-orm';
import { writeAudit } from '../kernel/audit/audit.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import type { Tx } from '../kernel/db/db.ts';
import type { ReportSection } from '../../contracts/disclosure-report.ts';
import { disclosureAnnualReports, disclosureFigureEntries, disclosureReportSections, proactiveDisclosures } from '../modules/disclosure-report/disclosure-report.tables.ts';
import { checkReport } from '../modules/disclosure-report/report.checks.ts';
import { computeFigures } from '../modules/disclosure-report/report.figures.ts';
import { findReport, previousPublishedFigures } from '../modules/disclosure-report/report.repository.ts';
import { publishDraft } from '../modules/disclosure-report/use-cases/report-writing.ts';
import { openReport, reportTitle, type FrozenReport } from '../modules/disclosure-report/use-cases/reports.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 主动公开 and its government's 政府信息公开工作年度报告: 2021 as the report states it — 313 items
 * of 规划计划, 重点项目, 政策文件 and 解读回应, 735 in the policy areas (营商环境, 一件事一次办, 乡村振兴, 六稳
 * 六保, 民生), 181 政策解读 (112 文字, 46 图表, 23 视频) — and a smaller 2020. Items are generated in one
 * statement; the licence and fee figures the county's systems hold are entered per department. The
 * 2020 report stands published (its figures frozen from the records), so the 2021 report's year-on-year
 * checks have a base; the 2021 report is drafted by the 司法局 with its sections and published on
 * 2022-03-25 when every check passes.
 */

const GOV = '430621-000';
const OFFICE = '430621-D01';
const DRC = '430621-D02';
const RESOURCES = '430621-D10';
const HOUSING = '430621-D12';
const AGRICULTURE = '430621-D15';
const HEALTH = '430621-D18';
const MARKET = '430621-D22';
const APPROVALS = '430621-D28';
const RURAL = '430621-D29';
const HRSS = '430621-D09';
const COMMERCE = '430621-D16';

interface Batch {
  category: string;
  kind: 'item' | 'interpretation';
  form: string | null;
  orgs: string[];
  n: [number, number];
  title: string;
}

/** [2020, 2021] counts per batch. */
const batches: Batch[] = [
  { category: 'plans', kind: 'item', form: null, orgs: [OFFICE, DRC], n: [38, 42], title: '规划计划' },
  { category: 'keyProjects', kind: 'item', form: null, orgs: [DRC, HOUSING], n: [61, 67], title: '重点项目建设进展情况' },
  { category: 'policyDocuments', kind: 'item', form: null, orgs: [OFFICE, GOV], n: [109, 118], title: '政策文件' },
  { category: 'responses', kind: 'item', form: null, orgs: [OFFICE], n: [78, 86], title: '回应关切' },
  { category: 'businessEnvironment', kind: 'item', form: null, orgs: [APPROVALS, MARKET, COMMERCE], n: [140, 156], title: '优化营商环境' },
  { category: 'oneThing', kind: 'item', form: null, orgs: [APPROVALS], n: [118, 132], title: '“一件事一次办”事项' },
  { category: 'ruralRevitalization', kind: 'item', form: null, orgs: [RURAL, AGRICULTURE], n: [160, 178], title: '乡村振兴' },
  { category: 'sixStabilities', kind: 'item', form: null, orgs: [DRC, HRSS], n: [95, 104], title: '“六稳”“六保”' },
  { category: 'livelihood', kind: 'item', form: null, orgs: [HEALTH, HRSS, HOUSING], n: [139, 165], title: '民生领域' },
  { category: 'responses', kind: 'interpretation', form: 'text', orgs: [OFFICE, DRC], n: [96, 112], title: '文字解读' },
  { category: 'responses', kind: 'interpretation', form: 'chart', orgs: [OFFICE], n: [34, 46], title: '图解' },
  { category: 'responses', kind: 'interpretation', form: 'video', orgs: [OFFICE], n: [13, 23], title: '视频解读' },
];

/** Licence decisions and fees (万元) from the county's approval and finance systems, [org, 2020, 2021]. */
const entries: { org: string; item: string; values: [number, number]; note: string }[] = [
  { org: APPROVALS, item: 'licences.decisions', values: [7915, 8326], note: '县政务服务一体化平台办结的行政许可决定' },
  { org: RESOURCES, item: 'licences.decisions', values: [398, 412], note: '不动产登记以外的用地、采矿许可' },
  { org: HOUSING, item: 'licences.decisions', values: [601, 635], note: '施工许可、商品房预售许可等' },
  { org: RESOURCES, item: 'fees.amountTenThousand', values: [172.4, 186.32], note: '县财政非税收入系统' },
  { org: HOUSING, item: 'fees.amountTenThousand', values: [88.1, 94.5], note: '县财政非税收入系统' },
  { org: MARKET, item: 'fees.amountTenThousand', values: [10.6, 12.08], note: '县财政非税收入系统' },
];

const sections2021: Record<ReportSection, string> = {
  overview:
    '2021年，岳阳县人民政府深入贯彻《中华人民共和国政府信息公开条例》，以“公开为常态、不公开为例外”为原则，围绕“十四五”开局、优化营商环境、乡村振兴和疫情防控等重点工作，推进决策、执行、管理、服务、结果公开，政府信息公开工作制度化、规范化水平进一步提高。\n县政府办公室统筹全县政务公开工作，各乡镇、县直各部门明确分管领导和工作人员，全年组织政务公开专题培训2次；县政府门户网站设置“法定主动公开内容”专栏，统一公开目录和发布流程。',
  proactive: '全面落实政策文件与解读方案、解读材料同步组织、同步审签、同步部署，主要负责人带头解读重要政策，图解、视频解读等多元化解读占比提高到38%。',
  requests: '',
  remedies: '',
  problems:
    '一是部分单位公开内容更新不及时，个别专栏存在“空栏”现象；二是政策解读的形式和深度仍有不足。2022年将建立政务公开专栏常态化巡查机制，每季度通报一次，并将政策解读质量纳入年度绩效考核。',
  other: '本年度无其他需要报告的事项。',
};

const sections2020: Partial<Record<ReportSection, string>> = {
  overview: '2020年，岳阳县人民政府认真贯彻《中华人民共和国政府信息公开条例》，围绕疫情防控、复工复产和脱贫攻坚加强信息公开，及时回应社会关切。',
  problems: '政策解读形式较为单一。2021年将推广图解、视频等解读形式。',
  other: '本年度无其他需要报告的事项。',
};

/** The 2020 and 2021 items in one statement: each batch's rows spread over its organisations and the year. */
async function insertItems(tx: Tx): Promise<void> {
  const rows = batches.flatMap((b) =>
    [2020, 2021].map((year, i) => ({ year, category: b.category, kind: b.kind, form: b.form, orgs: b.orgs, n: b.n[i], title: b.title })),
  );
  await tx.execute(sql`insert into ${proactiveDisclosures} (region_code, org_id, published_on, title, category, kind, form, channel)
    select ${DEMO_REGION}, o.id, make_date(s.year, 1, 4) + ((g.i * 37) % 357),
      '岳阳县' || s.year || '年' || s.title || '（第' || g.i || '号）', s.category, s.kind, s.form, '岳阳县人民政府门户网站'
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(year int, category text, kind text, form text, orgs text[], n int, title text)
    cross join lateral generate_series(1, s.n) as g(i)
    inner join organisations o on o.region_code = ${DEMO_REGION} and o.code = s.orgs[1 + (g.i % array_length(s.orgs, 1))]`);
}

async function insertEntries(tx: Tx, r: Replay): Promise<void> {
  await tx.insert(disclosureFigureEntries).values(
    entries.flatMap((e) => [2020, 2021].map((year, i) => ({ regionCode: DEMO_REGION, orgId: r.org(e.org).id, year, item: e.item, value: String(e.values[i]), note: e.note }))),
  );
}

/** The 2020 report as published on 2021-03-26: its figures computed from the records and frozen. */
async function publish2020(tx: Tx, r: Replay, who: Actor): Promise<void> {
  const gov = r.org(GOV);
  const figures = await computeFigures(tx, { regionCode: DEMO_REGION, orgId: null, year: 2020 }, 'government');
  const sections = Object.fromEntries(Object.entries(sections2020).map(([k, body]) => [k, { version: 1, body }]));
  const frozen: FrozenReport = { title: reportTitle(gov.name, 2020), orgName: gov.name, figures, checks: checkReport(figures, null), sections };
  const [report] = await tx
    .insert(disclosureAnnualReports)
    .values({
      regionCode: DEMO_REGION,
      orgId: gov.id,
      year: 2020,
      scope: 'government',
      status: 'published',
      dueOn: '2021-03-31',
      publishedOn: '2021-03-26',
      figures: frozen as unknown as Record<string, unknown>,
      createdBy: who.userId,
      updatedBy: who.userId,
    })
    .returning({ id: disclosureAnnualReports.id });
  await tx
    .insert(disclosureReportSections)
    .values(Object.entries(sections2020).map(([section, body]) => ({ regionCode: DEMO_REGION, reportId: report!.id, section, version: 1, body, savedAt: new Date('2021-03-20T10:00:00+08:00'), savedBy: who.userId })));
}

export async function seedDemoDisclosureReport(r: Replay): Promise<void> {
  const who = r.actor('sfj');
  const gov = r.org(GOV);
  r.at('2021-03-26');
  await r.db.transaction(async (tx) => {
    await insertItems(tx);
    await insertEntries(tx, r);
    await publish2020(tx, r, who);
  });

  // 2022-01-05: the 司法局 opens the government's 2021 report (due 31 March) and writes it.
  r.at('2022-01-05');
  const ctx = (tx: Tx) => ({ deps: r.deps, who: { actor: who, meta: {} }, audit: (entry: Parameters<typeof writeAudit>[3]) => writeAudit(tx, r.clock.now(), { actor: who, meta: {} }, entry) });
  const reportId = await r.db.transaction((tx) => openReport(tx, r.deps, ctx(tx).who, ctx(tx).audit, { ...gov, regionCode: DEMO_REGION }, 2021, 'government'));
  const versions = Object.entries(sections2021).flatMap(([section, body]) =>
    // The overview went through a first draft; the others were written once.
    section === 'overview' ? [{ section, version: 1, body: body.split('\n')[0]! }, { section, version: 2, body }] : body ? [{ section, version: 1, body }] : [],
  );
  await r.db.insert(disclosureReportSections).values(versions.map((v) => ({ ...v, regionCode: DEMO_REGION, reportId, savedAt: new Date('2022-03-10T10:00:00+08:00'), savedBy: who.userId })));

  r.at('2022-03-25');
  await r.db.transaction(async (tx) => {
    const row = (await findReport(tx, reportId, { today: '2022-03-25', soonLimit: '2022-03-25' }))!;
    const figures = await computeFigures(tx, { regionCode: DEMO_REGION, orgId: null, year: 2021 }, 'government');
    // Published only when consistent; otherwise it stays a draft showing what fails.
    if (checkReport(figures, await previousPublishedFigures(tx, gov.id, 2021)).every((c) => c.ok)) await publishDraft(tx, ctx(tx), row, null);
  });
}
