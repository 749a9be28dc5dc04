import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadActor } from '../server/kernel/auth/actor.repository.ts';
import { ensureBuiltinRoles } from '../server/kernel/auth/builtin-roles.ts';
import { hashPassword } from '../server/kernel/auth/password.ts';
import { connect, type Db } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { registerFigures, type IndicatorDef, type IndicatorScope } from '../server/kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../server/kernel/indicators/indicators.repository.ts';
import { ALL_HEADERS, H } from '../server/modules/enforcement-supervision/inspections.import.ts';
import { inspectionFigures } from '../server/modules/enforcement-supervision/inspections.indicators.ts';
import { findInspections } from '../server/modules/enforcement-supervision/inspections.repository.ts';
import { InspectionFilter } from '../server/modules/enforcement-supervision/inspections.schemas.ts';
import { modules } from '../server/modules/index.ts';
import * as schema from '../server/schema.ts';
import { moduleRoleGrants } from '../server/startup.ts';
import { BENCH_PASSWORD } from './generate.ts';
import { benchLogin, startBenchServer } from './support.ts';

/**
 * 行政检查 at province scale on the PostgreSQL server: 5,000,000 inspections and 500,000 行政处罚 cases
 * over 100 counties (2021–2025), generated set-based in chunks; then, at 20 connections, a department's
 * inspection list (first page, filtered), the same list as the county coordinator, a department's
 * enforcement case list, and each inspection figure of one county-year; then the Excel import of
 * 100,000 rows (a file with bad rows, refused; the clean file; its undo) with rows/s; then EXPLAIN
 * (ANALYZE, BUFFERS) of the list and figure queries as the server builds them. Prints; asserts nothing.
 *   npx tsx bench/enforcement.ts [--inspections N] [--cases N] [--import-rows N] [--duration 10] [--connections 20] [--keep]
 * --keep keeps the database fazhi_bench_enforcement (and reuses it when it already holds the data).
 */
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const inspectionCount = option('inspections', 5_000_000);
const caseCount = option('cases', 500_000);
const importRows = option('import-rows', 100_000);
const duration = option('duration', 10);
const connections = option('connections', 20);
const keep = flag('keep');
const PORT = 3221;
const DB_NAME = 'fazhi_bench_enforcement';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REGIONS = 100;
const regionCodeOf = (i: number) => `43${String(8000 + i).padStart(4, '0')}`;
const REGION = regionCodeOf(1);
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const FIELDS = ['market', 'environment', 'health', 'agriculture', 'naturalResources', 'housing', 'transport', 'water', 'culture', 'emergency'];
const CHUNK = 500_000;

for (const module of modules) if (module.indicators) registerFigures(module.indicators);

const dbUrl = () => {
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
};

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/**
 * Organisations (per county: the government, 10 departments, 5 townships), one 执法主体 and 5 matters per
 * department and township, 5 campaigns per county, then the inspections and the cases in chunks of
 * 500,000 (foreign-key triggers off for the session: the generator's joins guarantee them), then ANALYZE.
 */
async function generate(client: pg.Client): Promise<void> {
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  await q('set session_replication_role = replica');
  await q(`insert into regions (code, name, level, parent_code)
    select '43' || lpad((8000 + r)::text, 4, '0'), '基准县' || r, 3, '438000' from generate_series(1, ${REGIONS}) r on conflict do nothing`);
  await q(`create table bench_orgs as
    select gen_random_uuid() as id, r, k, '43' || lpad((8000 + r)::text, 4, '0') as region_code,
      case when k = 0 then '基准县' || r || '人民政府' when k <= 10 then '基准局' || k else '基准镇' || (k - 10) end as name,
      case when k = 0 then null when k <= 10 then (array['${FIELDS.join("','")}'])[k] else 'comprehensive' end as field,
      gen_random_uuid() as body_id, gen_random_uuid() as matter_id
    from generate_series(1, ${REGIONS}) r cross join generate_series(0, 15) k`);
  await q(`insert into organisations (id, region_code, parent_id, path, depth, code, name, type, sort_order)
    select o.id, o.region_code, case when o.k = 0 then null else g.id end,
      case when o.k = 0 then '/' || o.id || '/' else '/' || g.id || '/' || o.id || '/' end, case when o.k = 0 then 0 else 1 end,
      o.region_code || '-' || o.k, o.name, case when o.k = 0 then 'government' when o.k <= 10 then 'department' else 'township' end, o.k
    from bench_orgs o join bench_orgs g on g.r = o.r and g.k = 0`);
  await q(`insert into enforcement_bodies (id, region_code, org_id, name, kind, fields, legal_basis)
    select body_id, region_code, id, name || '执法主体', 'statutory', array[field], '三定方案' from bench_orgs where k > 0`);
  await q(`insert into enforcement_matters (id, region_code, code, name, category, field, org_id, legal_basis)
    select matter_id, region_code, 'M' || k, name || '检查事项', 'inspection', field, id, '法律法规' from bench_orgs where k > 0`);
  await q(`create table bench_campaigns as
    select gen_random_uuid() as id, o.r, n, o.region_code, o.id as org_id, o.field from bench_orgs o cross join generate_series(0, 4) n where o.k = n + 1`);
  await q(`insert into special_campaigns (id, region_code, title, field, lead_org_id, starts_on, ends_on)
    select id, region_code, '基准专项行动' || n, field, org_id, date '2021-01-01', date '2025-12-31' from bench_campaigns`);
  await q('create index on bench_orgs (r, k)');
  await q('create index on bench_campaigns (r, n)');

  // Inspection i is in county i % 100 + 1, by organisation (i / 100) % 15 + 1, on a day of 2021–2025;
  // one in four belongs to a campaign; rectification 1 in 25, hazards 1 in 13, closed 1 in 1,000 …
  const started = performance.now();
  for (let a = 1; a <= inspectionCount; a += CHUNK) {
    const b = Math.min(a + CHUNK - 1, inspectionCount);
    await q(`insert into inspections (region_code, org_id, body_id, matter_id, field, campaign_id, inspected_on, target_name, target_type, place, result,
        rectification_ordered, hazards_found, place_closed, demolished, documents_issued, transferred_to_judiciary, officer_names)
      select o.region_code, o.id, o.body_id, o.matter_id, o.field, c.id, date '2021-01-01' + (i * 37 % 1826)::int,
        '检查对象' || (i / 100 % 20000), (array['食品经营户','农资经营门店','砂石场','医疗机构','食品小作坊'])[i % 5 + 1], '基准镇' || (i % 5 + 1),
        case when i % 25 = 0 then 'rectification' when i % 97 = 0 then 'caseFiled' else 'compliant' end,
        i % 25 = 0, case when i % 13 = 0 then 1 + i % 3 else 0 end, i % 1000 = 0, i % 1500 = 0, case when i % 7 = 0 then 1 else 0 end, i % 5000 = 0, '执法人员甲、乙'
      from generate_series($1::int, $2::int) i
      join bench_orgs o on o.r = i % ${REGIONS} + 1 and o.k = (i / ${REGIONS}) % 15 + 1
      left join bench_campaigns c on c.r = i % ${REGIONS} + 1 and c.n = (i / 400) % 20 and i % 4 = 0`, [a, b]);
    process.stdout.write(`\r  inspections ${b.toLocaleString()} / ${inspectionCount.toLocaleString()} (${seconds(started)} s)`);
  }
  console.log();
  // Cases by the 10 departments: a kernel case row and its enforcement_cases row, filed 2021–2025.
  const casesStarted = performance.now();
  for (let a = 1; a <= caseCount; a += CHUNK) {
    const b = Math.min(a + CHUNK - 1, caseCount);
    await q(`with src as (
        select gen_random_uuid() as id, i, o.id as org_id, o.region_code, o.field, o.body_id, o.matter_id, date '2021-01-01' + (i * 53 % 1826)::int as filed_on,
          (i / ${REGIONS}) % 10 < 7 as closed, c.id as campaign_id
        from generate_series($1::int, $2::int) i
        join bench_orgs o on o.r = i % ${REGIONS} + 1 and o.k = (i / ${REGIONS}) % 10 + 1
        left join bench_campaigns c on c.r = i % ${REGIONS} + 1 and c.n = (i / ${REGIONS}) % 10 and i % 3 = 0),
      kernel as (
        insert into cases (id, region_code, case_type, case_no, title, org_id, state, terminal, opened_at, closed_at)
        select id, region_code, 'enforcement_penalty', '基准罚〔' || i || '〕号', '基准行政处罚案件' || i, org_id,
          case when closed then 'archived' else 'investigating' end, closed, filed_on + time '09:00', case when closed then filed_on + time '09:00' + interval '60 days' end
        from src returning id)
      insert into enforcement_cases (case_id, region_code, body_id, matter_id, field, source, campaign_id, party_type, party_name, facts, filed_on, transferred_to_judiciary)
      select id, region_code, body_id, matter_id, field, 'inspection', campaign_id, 'company', '当事人' || i, '违法事实', filed_on, i % 500 = 0 from src`, [a, b]);
    process.stdout.write(`\r  cases ${b.toLocaleString()} / ${caseCount.toLocaleString()} (${seconds(casesStarted)} s)`);
  }
  console.log();
  await q('set session_replication_role = default');

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const roleId = async (code: string) => (await q('select id from roles where code = $1', [code])).rows[0].id as string;
  for (const [username, k, role] of [
    ['bench_scj', 1, 'dept_staff'],
    ['bench_sfj', 0, 'coordinator'],
  ] as const) {
    const user = await q(
      `insert into users (region_code, org_id, username, display_name, password_hash, must_change_password)
       select region_code, id, $1, $1, $2, false from bench_orgs where r = 1 and k = $3 returning id`,
      [username, passwordHash, k],
    );
    await q('insert into user_roles (user_id, role_id) values ($1, $2)', [user.rows[0].id, await roleId(role)]);
  }
  await q('analyze');
}

async function hasData(): Promise<boolean> {
  const exists = await admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1);
  if (!exists) return false;
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    return (await client.query("select count(*)::int as n from users where username = 'bench_scj'")).rows[0].n === 1;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `connections` concurrent callers of `work` for `duration` seconds: p50/p99 of each call, in ms. */
async function hammer(work: () => Promise<unknown>): Promise<{ calls: number; rps: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const until = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await work();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { calls: latencies.length, rps: round(latencies.length / duration), p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
}

async function ids(db: Db) {
  const rows = ((await db.execute(sql`select o.id, o.sort_order as k from organisations o where o.region_code = ${REGION} and o.sort_order in (1, 3)`)) as unknown as { rows: { id: string; k: number }[] }).rows;
  return { market: rows.find((r) => r.k === 1)!.id, health: rows.find((r) => r.k === 3)!.id };
}

async function driveHttp(base: string, orgs: { market: string; health: string }): Promise<void> {
  const dept = await benchLogin(base, 'bench_scj');
  const county = await benchLogin(base, 'bench_sfj');
  const casesProbe = await fetch(`${base}/api/enforcement/cases?orgId=${orgs.market}&page=1&pageSize=20`, { headers: { cookie: county } });
  const scenarios: [string, string, string][] = [
    // The machine's floor: a session check without a module query.
    ['floor: GET /api/auth/me (session check only)', '/api/auth/me', dept],
    ['department: GET /api/inspections?year=2024&field=market (own org, page 1)', '/api/inspections?year=2024&field=market&page=1&pageSize=20', dept],
    ['department: GET /api/inspections?rectificationOrdered=true (page 1)', '/api/inspections?rectificationOrdered=true&page=1&pageSize=20', dept],
    ['county: GET /api/inspections?orgId=<dept>&from=2024-01-01&to=2024-12-31', `/api/inspections?orgId=${orgs.health}&from=2024-01-01&to=2024-12-31&page=1&pageSize=20`, county],
    ['county: GET /api/inspections?withHazards=true (whole county, page 1)', '/api/inspections?withHazards=true&page=1&pageSize=20', county],
    ['county: GET /api/campaigns?year=2024 (figures of a page of campaigns)', '/api/campaigns?year=2024&page=1&pageSize=20', county],
    ['county: GET /api/statistics/values (2024, every module\'s figures)', `/api/statistics/values?from=${YEAR.from}&to=${YEAR.to}`, county],
  ];
  if (casesProbe.ok) scenarios.push(['county: GET /api/enforcement/cases?orgId=<dept> (page 1)', `/api/enforcement/cases?orgId=${orgs.market}&page=1&pageSize=20`, county]);
  else console.log(`GET /api/enforcement/cases answered ${casesProbe.status}: the case list is measured as its SQL below.`);
  const rows = [];
  for (const [name, path, cookie] of scenarios) {
    const probe = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = (await probe.json()) as { total?: number };
    if (!probe.ok) throw new Error(`${name}: ${probe.status} ${JSON.stringify(body)}`);
    const r = await autocannon({ url: `${base}${path}`, headers: { cookie }, connections, duration });
    rows.push({ scenario: name, total: body.total ?? '', rps: Math.round(r.requests.average * 10) / 10, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx });
  }
  console.log(`\nHTTP at ${connections} connections, ${duration} s each (ms):`);
  console.table(rows);
}

/** The department's case list as SQL, in case the cases route is not there yet: the page and its count. */
async function caseListSql(db: Db, orgId: string) {
  return Promise.all([
    db.execute(sql`select c.id, c.case_no, c.title, c.state, e.party_name, e.filed_on, e.field from cases c join enforcement_cases e on e.case_id = c.id
      where c.case_type = 'enforcement_penalty' and c.org_id = ${orgId} order by e.filed_on desc, c.id desc limit 20`),
    db.execute(sql`select count(*)::int from cases c join enforcement_cases e on e.case_id = c.id where c.case_type = 'enforcement_penalty' and c.org_id = ${orgId}`),
  ]);
}

async function driveSql(url: string, orgs: { market: string; health: string }): Promise<void> {
  const database = await connect({ databaseUrl: url, poolSize: connections });
  try {
    const db = database.db;
    const scope: IndicatorScope = { regionCode: REGION, period: YEAR, today: '2025-12-31' };
    const rows = [];
    for (const def of inspectionFigures as IndicatorDef[]) {
      const value = await computeIndicator(db, def, scope);
      rows.push({ figure: def.code, total: value.total, ...(await hammer(() => computeIndicator(db, def, scope))) });
    }
    rows.push({ figure: 'case list (SQL: page + count, one department)', total: '', ...(await hammer(() => caseListSql(db, orgs.market))) });
    console.log(`\nEach inspection figure of one county-year (${YEAR.from.slice(0, 4)}), computeIndicator at ${connections} concurrent callers, ${duration} s each (ms):`);
    console.table(rows);
  } finally {
    await database.close();
  }
}

/** An inspections workbook of `n` rows written by exceljs's streaming writer; `bad` rows get a wrong date or result. */
async function workbook(n: number, bad: number): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-import-'));
  const path = join(dir, 'inspections.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = writer.addWorksheet('行政检查');
  sheet.addRow(ALL_HEADERS).commit();
  const badEvery = bad ? Math.floor(n / bad) : 0;
  for (let i = 1; i <= n; i++) {
    const wrong = badEvery && i % badEvery === 0;
    const cells: Record<string, string | number> = {
      [H.field]: '市场监管',
      [H.inspectedOn]: wrong && i % 2 ? '2024-02-30' : `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      [H.targetName]: `导入检查对象${i % 30000}`,
      [H.targetType]: ['食品经营户', '农资经营门店', '食品小作坊'][i % 3]!,
      [H.place]: `基准镇${(i % 5) + 1}`,
      [H.result]: wrong && !(i % 2) ? '罚款' : i % 20 === 0 ? '责令整改' : '未发现问题',
      [H.rectification]: i % 20 === 0 ? '是' : '否',
      [H.hazards]: i % 13 === 0 ? 1 : 0,
      [H.documents]: i % 7 === 0 ? 1 : 0,
      [H.officers]: '张三、李四',
    };
    sheet.addRow(ALL_HEADERS.map((h) => cells[h] ?? null)).commit();
  }
  sheet.commit();
  await writer.commit();
  const data = readFileSync(path);
  rmSync(dir, { recursive: true, force: true });
  return data;
}

async function driveImport(base: string): Promise<void> {
  const cookie = await benchLogin(base, 'bench_scj');
  const csrf = /fazhi_csrf=([^;]+)/.exec(cookie)?.[1];
  const post = async (path: string, body?: Buffer) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie, ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}), ...(body ? { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } : { 'content-type': 'application/json' }) },
      body: body ? new Uint8Array(body) : '{}',
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, s: (performance.now() - t0) / 1000 };
  };
  const made = performance.now();
  const [badFile, goodFile] = [await workbook(importRows, 100), await workbook(importRows, 0)];
  console.log(`\nImport: two workbooks of ${importRows.toLocaleString()} rows (${(goodFile.length / 1e6).toFixed(1)} MB) written in ${seconds(made)} s`);
  const refused = await post('/api/inspections/import', badFile);
  const details = refused.body.details as { errorRows?: number } | undefined;
  const imported = await post('/api/inspections/import', goodFile);
  const undo = imported.status === 200 ? await post(`/api/inspections/imports/${String(imported.body.importId)}/undo`) : undefined;
  const rate = (r: { s: number }) => Math.round(importRows / r.s);
  console.table([
    { step: `file with ${details?.errorRows ?? '?'} bad rows: refused, nothing written`, status: refused.status, seconds: Math.round(refused.s * 10) / 10, 'rows/s': rate(refused), answer: String(refused.body.message ?? '').slice(0, 50) },
    { step: 'clean file: checked and written (one transaction)', status: imported.status, seconds: Math.round(imported.s * 10) / 10, 'rows/s': rate(imported), answer: `imported ${String(imported.body.imported)}` },
    ...(undo ? [{ step: 'undo of that import', status: undo.status, seconds: Math.round(undo.s * 10) / 10, 'rows/s': rate(undo), answer: `deleted ${String(undo.body.deleted)}` }] : []),
  ]);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the list queries and each figure's query, captured as the server builds them. */
async function explainAll(url: string, orgs: { market: string; health: string }): Promise<void> {
  const captured: { query: string; params: unknown[] }[] = [];
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c TimeZone=UTC -c jit=off' });
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as unknown as Db;
  const explain = async (q: { query: string; params: unknown[] }) => (await pool.query(`explain (analyze, buffers) ${q.query}`, q.params)).rows.map((r) => String(r['QUERY PLAN']));
  const ms = (plan: string[]) => Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
  try {
    const userOf = async (username: string) => (await loadActor(db, ((await pool.query('select id from users where username = $1', [username])).rows[0] as { id: string }).id))!;
    const [dept, county] = [await userOf('bench_scj'), await userOf('bench_sfj')];
    const plans: { name: string; ms: number; plan: string[]; query: string }[] = [];
    for (const [name, actor, scope, filter] of [
      ['department list year=2024&field=market', dept, 'own_org', { year: 2024, field: 'market' }],
      ['county list orgId&from&to', county, 'region', { orgId: orgs.health, from: '2024-01-01', to: '2024-12-31' }],
      ['county list withHazards', county, 'region', { withHazards: true }],
    ] as const) {
      captured.length = 0;
      await findInspections(db, actor, scope, InspectionFilter.parse(Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]))), { page: 1, pageSize: 20 });
      for (const [i, q] of captured.entries()) {
        const plan = await explain(q);
        plans.push({ name: `${name} #${i + 1}`, ms: ms(plan), plan, query: q.query });
      }
    }
    const scope: IndicatorScope = { regionCode: REGION, period: YEAR, today: '2025-12-31' };
    for (const def of inspectionFigures as IndicatorDef[]) {
      captured.length = 0;
      await computeIndicator(db, def, scope);
      for (const q of captured) {
        const plan = await explain(q);
        plans.push({ name: def.code, ms: ms(plan), plan, query: q.query });
      }
    }
    console.log('\nEXPLAIN ANALYZE execution times (ms):');
    console.table(plans.map((p) => ({ query: p.name, ms: p.ms })));
    for (const name of ['department list year=2024&field=market #1', 'county list withHazards #2']) {
      const p = plans.find((x) => x.name === name);
      if (p) console.log(`\n=== ${p.name} ===\n${p.query}\n${p.plan.join('\n')}`);
    }
    const slowest = plans.filter((p) => !p.name.includes('list')).reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`\n=== slowest figure: ${slowest.name} ===\n${slowest.plan.join('\n')}`);
  } finally {
    await pool.end();
  }
}

/**
 * The import and its undo leave 100,000 dead rows in one department's range until autovacuum reaches a
 * table this size: the plans and a later run measure the steady state instead.
 */
async function vacuumInspections(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('vacuum (analyze) inspections').finally(() => client.end());
}

async function main(): Promise<void> {
  const started = performance.now();
  const reuse = keep && (await hasData());
  if (!reuse) {
    await admin(async (c) => {
      await c.query(`drop database if exists ${DB_NAME} with (force)`);
      await c.query(`create database ${DB_NAME}`);
    });
    const database = await connect({ databaseUrl: dbUrl() });
    await migrate(database, dbUrl());
    await ensureBuiltinRoles(database.db, moduleRoleGrants());
    await database.close();
    const client = new pg.Client({ connectionString: dbUrl() });
    await client.connect();
    try {
      console.log(`Generating ${inspectionCount.toLocaleString()} inspections and ${caseCount.toLocaleString()} cases over ${REGIONS} counties in ${DB_NAME}…`);
      await generate(client);
    } finally {
      await client.end();
    }
    console.log(`Generated in ${seconds(started)} s`);
  } else console.log(`Reusing ${DB_NAME} (--keep)`);
  const url = dbUrl();
  const probe = await connect({ databaseUrl: url });
  // A kept database takes the migrations (indexes) added since it was generated.
  if (reuse) {
    await migrate(probe, url);
    await vacuumInspections(url);
  }
  const orgs = await ids(probe.db);
  await probe.close();
  try {
    const server = await startBenchServer('server/main.ts', PORT, { DATABASE_URL: url, FAZHI_SM4_KEY: '00'.repeat(32) });
    try {
      await driveHttp(server.base, orgs);
      await driveSql(url, orgs);
      await driveImport(server.base);
    } finally {
      await server.stop();
    }
    await vacuumInspections(url);
    await explainAll(url, orgs);
  } finally {
    if (!keep) await admin((c) => c.query(`drop database if exists ${DB_NAME} with (force)`));
  }
  console.log(`\nTotal ${seconds(started)} s`);
}

await main();
