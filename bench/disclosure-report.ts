import pg from 'pg';
import { connect } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { officialReportDocx } from '../server/kernel/documents/official-docx.ts';
import { disclosureOutcomes } from '../contracts/disclosure.ts';
import { checkReport } from '../server/modules/disclosure-report/report.checks.ts';
import { computeFigures, tableThree, type FigureScope } from '../server/modules/disclosure-report/report.figures.ts';
import { reportBlocks } from '../server/modules/disclosure-report/report.layout.ts';
import { withBenchDatabase } from './support.ts';

/**
 * The 政府信息公开工作年度报告 at province scale on the PostgreSQL server: 100 counties (a government,
 * 20 departments each), each with N 依申请公开 applications of 2024 (default 200,000: a kernel case row
 * and its disclosure_requests row, received over the year, nine in ten answered with a leaf of table 三
 * 15 days later, so December's run into 2025), 5,000 主动公开 items, 500 规范性文件 and 200 复议 on
 * 信息公开. Generated set-based, one statement per county. Then, for one county: the government's
 * report (the whole region) and one department's — tables 二–四 with their checks, and the .docx —
 * timed cold and warm, and EXPLAIN (ANALYZE, BUFFERS) of table 三. Target: under 2 s for a county's
 * .docx. Prints; asserts nothing.
 *   npx tsx bench/disclosure-report.ts [--requests N] [--counties N] [--runs 3]
 */
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const requests = option('requests', 200_000);
const counties = option('counties', 100);
const runs = option('runs', 3);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const regionCodeOf = (i: number) => `43${String(8000 + i).padStart(4, '0')}`;
const REGION = regionCodeOf(1);
const YEAR = 2024;
const seconds = (since: number) => Math.round(performance.now() - since) / 1000;

async function generate(client: pg.Client): Promise<void> {
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  // Foreign-key triggers off for the session: the generator's joins guarantee the references.
  await q('set session_replication_role = replica');
  await q(`insert into regions (code, name, level, parent_code)
    select '43' || lpad((8000 + r)::text, 4, '0'), '基准县' || r, 3, '438000' from generate_series(1, ${counties}) r on conflict do nothing`);
  await q(`create temporary table bench_orgs as
    select gen_random_uuid() as id, r, k, '43' || lpad((8000 + r)::text, 4, '0') as region_code
    from generate_series(1, ${counties}) r cross join generate_series(0, 20) k`);
  await q(`insert into organisations (id, region_code, parent_id, path, depth, code, name, type, sort_order)
    select o.id, o.region_code, case when o.k = 0 then null else g.id end,
      case when o.k = 0 then '/' || o.id || '/' else '/' || g.id || '/' || o.id || '/' end, case when o.k = 0 then 0 else 1 end,
      o.region_code || '-' || o.k, case when o.k = 0 then '基准县' || o.r || '人民政府' else '基准局' || o.k end,
      case when o.k = 0 then 'government' else 'department' end, o.k
    from bench_orgs o join bench_orgs g on g.r = o.r and g.k = 0`);
  await q('create index on bench_orgs (r, k)');
  const leaves = `array['${disclosureOutcomes.join("','")}']`;
  const kinds = `array['person','person','person','company','research','publicInterest','legalService','other']`;
  const started = performance.now();
  for (let r = 1; r <= counties; r++) {
    await q(
      `with src as (
         select gen_random_uuid() as id, i, o.id as org_id, o.region_code, date '${YEAR}-01-01' + (i * 37 % 366)::int as received, i % 10 <> 0 as answered
         from generate_series(1, $1::int) i join bench_orgs o on o.r = $2::int and o.k = i % 21),
       kernel as (
         insert into cases (id, region_code, case_type, title, org_id, state, terminal, opened_at)
         select id, region_code, 'disclosure_request', '基准申请' || i, org_id, case when answered then 'replied' else 'received' end, answered, received + time '09:00'
         from src returning id)
       insert into disclosure_requests (case_id, region_code, channel, received_on, applicant_kind, applicant_name, description, outcome, replied_on)
       select id, region_code, 'online', received, (${kinds})[1 + i % 8], '申请人' || i, '基准政府信息',
         case when answered then (${leaves})[1 + (i / 10) % ${disclosureOutcomes.length}] end, case when answered then received + 15 end
       from src`,
      [requests, r],
    );
    await q(
      `insert into proactive_disclosures (region_code, org_id, published_on, title, category, kind, form)
       select o.region_code, o.id, date '${YEAR}-01-01' + (i * 13 % 366)::int, '基准公开信息' || i,
         (array['plans','keyProjects','policyDocuments','responses','businessEnvironment','oneThing','ruralRevitalization','sixStabilities','livelihood'])[1 + i % 9],
         case when i % 7 = 0 then 'interpretation' else 'item' end, case when i % 7 = 0 then (array['text','chart','video'])[1 + i % 3] end
       from generate_series(1, 5000) i join bench_orgs o on o.r = $1::int and o.k = i % 21`,
      [r],
    );
    await q(
      `with src as (select gen_random_uuid() as id, i, o.id as org_id, o.region_code from generate_series(1, 500) i join bench_orgs o on o.r = $1::int and o.k = i % 3),
       kernel as (insert into cases (id, region_code, case_type, title, org_id, state, terminal, opened_at)
         select id, region_code, 'normative_document', '基准规范性文件' || i, org_id, 'inForce', false, now() from src returning id)
       insert into normative_documents (case_id, region_code, title, issuer_org_id, published_on, status)
       select id, region_code, '基准规范性文件' || i, org_id, date '2015-01-01' + (i * 17 % 3650)::int, 'valid' from src`,
      [r],
    );
    await q(
      `with src as (select gen_random_uuid() as id, i, o.id as org_id, o.region_code from generate_series(1, 200) i join bench_orgs o on o.r = $1::int and o.k = i % 21),
       kernel as (insert into cases (id, region_code, case_type, title, org_id, state, terminal, opened_at)
         select id, region_code, 'reconsideration', '基准复议' || i, org_id, 'decided', true, now() from src returning id)
       insert into reconsideration_cases (case_id, region_code, channel, received_on, applicant_type, applicant_name, respondent_org_id, act_category,
         act_description, requests, outcome, decided_on)
       select id, region_code, 'online', date '${YEAR}-01-01' + (i * 3 % 300)::int, 'person', '申请人', org_id, 'disclosure', '答复', '撤销',
         (array['maintain','revoke','rejectClaims','withdrawn', null])[1 + i % 5], date '${YEAR}-01-01' + (i * 3 % 300)::int + 50 from src`,
      [r],
    );
    process.stdout.write(`\r  county ${r} / ${counties}: ${(r * requests).toLocaleString()} applications (${seconds(started)} s)`);
  }
  console.log();
  await q('set session_replication_role = origin');
  await q('analyze');
}

async function main(): Promise<void> {
  await withBenchDatabase(adminUrl, 'fazhi_bench_disclosure', async (url) => {
    const database = await connect({ databaseUrl: url, poolSize: 4 });
    try {
      await migrate(database, url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const generated = performance.now();
      await generate(client);
      console.log(`generated ${counties} counties × ${requests.toLocaleString()} applications in ${seconds(generated)} s`);
      const [dept] = (await client.query(`select id from organisations where region_code = $1 and code = $2`, [REGION, `${REGION}-5`])).rows;
      const report = async (scope: FigureScope, label: string) => {
        for (let run = 1; run <= runs; run++) {
          const started = performance.now();
          const figures = await computeFigures(database.db, scope, scope.orgId ? 'organisation' : 'government');
          const figured = seconds(started);
          const checks = checkReport(figures, null);
          const docx = await officialReportDocx({ title: `${label}${YEAR}年政府信息公开工作年度报告`, blocks: reportBlocks({ title: label, orgName: label, figures, sections: {}, date: '2025-01-20', draft: true }), signature: { org: label, date: '2025-01-20' } });
          console.log(
            `  ${label} run ${run}: tables ${figured} s, .docx total ${seconds(started)} s (${Math.round(docx.length / 1024)} KB); 新收 ${figures.tableThree.new![6]}, 结转下年 ${figures.tableThree.carriedNext![6]}; checks ${checks.every((c) => c.ok) ? 'pass' : 'FAIL'}`,
          );
        }
      };
      await report({ regionCode: REGION, orgId: null, year: YEAR }, '基准县人民政府（全县）');
      await report({ regionCode: REGION, orgId: dept.id as string, year: YEAR }, '基准局5');
      // The plan of table 三 as the server runs it (the query text logged through a throwaway handle).
      const logged: string[] = [];
      const { drizzle } = await import('drizzle-orm/node-postgres');
      const spyPool = new pg.Pool({ connectionString: url, max: 1 });
      const spy = drizzle({ client: spyPool, logger: { logQuery: (query, params) => logged.push(JSON.stringify({ query, params })) } });
      await tableThree(spy as never, { regionCode: REGION, orgId: null, year: YEAR });
      await spyPool.end();
      const { query, params } = JSON.parse(logged.at(-1)!) as { query: string; params: unknown[] };
      const plan = await client.query(`explain (analyze, buffers) ${query}`, params);
      console.log('EXPLAIN (ANALYZE, BUFFERS) table 三, whole county:');
      for (const row of plan.rows) console.log(`  ${row['QUERY PLAN']}`);
      await client.end();
    } finally {
      await database.close();
    }
  });
}

await main();
