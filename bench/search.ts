import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { connect, type Db } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { indexEntries, searchIndex, type SearchEntry } from '../server/kernel/search/search.ts';
import * as schema from '../server/schema.ts';
import { withBenchDatabase } from './support.ts';

/**
 * The search index at scale: N documents (PostgreSQL default 200,000; --pglite 20,000) of a few
 * thousand characters each over 10 counties, indexed in batches (documents/s, segmentation included),
 * then `connections` concurrent searchers for `duration` seconds per scenario calling searchIndex as a
 * route would (page of 20, public only), printing p50/p99; on PostgreSQL, EXPLAIN ANALYZE of the
 * heaviest scenario's queries as searchIndex sends them.
 * Prints; asserts nothing.
 * --keep (PostgreSQL) indexes into fazhi_bench_search_kept once and reuses it on later runs, for
 * comparing query designs without re-indexing.
 *   npx tsx bench/search.ts [--pglite] [--keep] [--docs N] [--duration 10] [--connections 10]
 */
const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const usePglite = argv.includes('--pglite');
const keep = argv.includes('--keep');
const docCount = option('docs', usePglite ? 20_000 : 200_000);
const duration = option('duration', 10);
const connections = option('connections', 10);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REGIONS = Array.from({ length: 10 }, (_, i) => `43${String(8101 + i)}`);
const BATCH = 500;

/** A small deterministic generator, so that runs compare. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const issuers = ['县人民政府', '县人民政府办公室', '县司法局', '县市场监督管理局', '县自然资源局', '县生态环境分局', '县教育局', '县卫生健康局', '县住房和城乡建设局', '县农业农村局'];
const topics = [
  '行政规范性文件管理', '重大行政决策程序', '合法性审查', '长江保护', '行政处罚裁量基准', '安全生产', '生活垃圾分类', '农村宅基地', '城区停车', '政府信息公开',
  '优化营商环境', '证明事项告知承诺制', '行政复议', '行政应诉', '人民调解', '法律援助', '公共法律服务', '普法责任制', '执法公示', '全过程记录',
  '重大执法决定法制审核', '征地补偿安置', '城乡规划', '河长制', '森林防火', '食品安全', '校外培训', '医疗保障', '养老服务', '住房保障',
  '农村人居环境整治', '耕地保护', '矿产资源', '洞庭湖生态', '文明城市创建', '政务服务', '一件事一次办', '数据共享', '信用体系', '应急管理',
];
const kinds = ['管理办法', '实施细则', '暂行规定', '工作方案', '实施意见', '通知', '规定'];
const sentences = [
  (t: string) => `为进一步加强${t}工作，根据有关法律法规和上级文件精神，结合本县实际，制定本办法。`,
  (t: string) => `各乡镇人民政府、县直各单位应当高度重视${t}，明确责任分工，落实工作措施。`,
  (t: string) => `${t}工作实行属地管理、分级负责，县人民政府统一领导，有关部门按照职责分工负责。`,
  () => `对违反本办法规定的，由有关部门依法予以处理；构成犯罪的，依法追究刑事责任。`,
  (t: string) => `本办法自印发之日起施行，有效期五年。此前有关${t}的规定与本办法不一致的，以本办法为准。`,
  (t: string) => `县司法局负责对涉及${t}的规范性文件进行合法性审查，并按规定报送备案。`,
  (t: string) => `公民、法人或者其他组织对${t}有意见建议的，可以通过县人民政府门户网站提出。`,
  (t: string) => `建立${t}工作台账，定期开展督查检查，督查结果纳入年度绩效考核和法治政府建设考核。`,
];

function document(i: number): SearchEntry {
  const next = random(i + 1);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  // A few topics are common, most are rarer (closer to a real library than a uniform pick).
  const topic = topics[Math.floor(next() ** 2 * topics.length)]!;
  const other = pick(topics);
  const year = 2015 + Math.floor(next() * 11);
  const title = `岳阳县${pick(issuers)}关于印发${topic}${pick(kinds)}的通知`;
  const paragraphs = Array.from({ length: 12 + Math.floor(next() * 20) }, (_, k) => pick(sentences)(k % 5 === 0 ? other : topic));
  return {
    regionCode: REGIONS[i % REGIONS.length]!,
    entityType: 'bench_document',
    entityId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title,
    text: paragraphs.join(''),
    public: next() < 0.9,
    year,
    status: next() < 0.8 ? 'inForce' : 'repealed',
  };
}

async function index(db: Db): Promise<void> {
  const started = Date.now();
  let chars = 0;
  for (let from = 0; from < docCount; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, docCount - from) }, (_, k) => document(from + k));
    chars += batch.reduce((n, d) => n + d.title.length + d.text.length, 0);
    await db.transaction((tx) => indexEntries(tx, batch, new Date()));
  }
  const seconds = (Date.now() - started) / 1000;
  await db.execute(sql`analyze search_entries`);
  console.log(`indexed ${docCount} documents (${(chars / 1e6).toFixed(1)} M characters) in ${seconds.toFixed(1)} s: ${Math.round(docCount / seconds)} documents/s`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function drive(db: Db): Promise<void> {
  const scenarios: [string, string, boolean, number][] = [
    ['one county, a common topic', '合法性审查', true, 1],
    ['one county, a common topic, page 10', '合法性审查', true, 10],
    ['one county, a rare topic', '洞庭湖生态', true, 1],
    ['one county, two words', '规范性文件 备案', true, 1],
    ['all counties, a common topic', '行政规范性文件管理', false, 1],
    ['all counties, a rare topic', '矿产资源', false, 1],
  ];
  const rows = [];
  for (const [name, q, oneCounty, page] of scenarios) {
    const filter = { publicOnly: true, ...(oneCounty ? { regionCode: REGIONS[0] } : {}) };
    const probe = await searchIndex(db, q, filter, { page, pageSize: 20 });
    const latencies: number[] = [];
    const until = Date.now() + duration * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          await searchIndex(db, q, filter, { page, pageSize: 20 });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    rows.push({ scenario: name, query: q, total: `${probe.totalExact ? '' : '~'}${probe.total}`, 'queries/s': Math.round(latencies.length / duration), p50: +percentile(latencies, 50).toFixed(1), p99: +percentile(latencies, 99).toFixed(1) });
  }
  console.table(rows);
}

/** The plans of the heaviest scenarios' queries (page and count), captured as searchIndex sends them. */
async function explainHeaviest(url: string): Promise<void> {
  const captured: { query: string; params: unknown[] }[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ query, params }) };
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = drizzle({ client: pool, schema, logger }) as unknown as Db;
  try {
    for (const filter of [{ publicOnly: true }, { publicOnly: true, regionCode: REGIONS[0] }]) {
      await searchIndex(db, filter.regionCode ? '合法性审查' : '行政规范性文件管理', filter, { page: 1, pageSize: 20 });
    }
    // searchIndex runs its queries with enable_seqscan off (see there): so does the plan.
    for (const q of captured.splice(0).filter((c) => c.query.startsWith('select'))) {
      await db.execute(sql`set enable_seqscan = off`);
      const plan = (await db.execute(sql.raw(`explain (analyze, buffers) ${q.query.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]))}`))) as unknown as { rows: Record<string, string>[] };
      console.log(`\n=== EXPLAIN (ANALYZE, BUFFERS) ===\n${q.query}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    await pool.end();
  }
}

/** The kept database, created and migrated on first use. */
async function keptDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (!exists) {
    const database = await connect({ databaseUrl: url.toString(), poolSize: 1 });
    await migrate(database, url.toString());
    await database.close();
  }
  return url.toString();
}

const literal = (value: unknown) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

console.log(`${usePglite ? 'PGlite' : 'PostgreSQL'}: ${docCount} documents; ${connections} concurrent searchers, ${duration} s per scenario, ${process.platform} ${cpus().length} cores`);
if (usePglite) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-search-'));
  try {
    const database = await connect({ dataDir: dir });
    await migrate(database);
    await index(database.db);
    await drive(database.db);
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else if (keep) {
  const url = await keptDatabase(pgAdminUrl, 'fazhi_bench_search_kept');
  const database = await connect({ databaseUrl: url, poolSize: connections });
  try {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.searchEntries);
    if (row?.n !== docCount) {
      await database.db.execute(sql`truncate search_entries cascade`);
      await index(database.db);
    } else console.log(`reusing ${docCount} indexed documents`);
    await drive(database.db);
  } finally {
    await database.close();
  }
  await explainHeaviest(url);
} else {
  await withBenchDatabase(pgAdminUrl, 'fazhi_bench_search', async (url) => {
    const database = await connect({ databaseUrl: url, poolSize: connections });
    try {
      await migrate(database, url);
      await index(database.db);
      await drive(database.db);
    } finally {
      await database.close();
    }
    await explainHeaviest(url);
  });
}
