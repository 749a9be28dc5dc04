import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadActor } from '../server/kernel/auth/actor.repository.ts';
import { ensureBuiltinRoles } from '../server/kernel/auth/builtin-roles.ts';
import { calendarService } from '../server/kernel/calendar/calendar.service.ts';
import { beijingToday } from '../server/kernel/calendar/local-date.ts';
import { systemClock } from '../server/kernel/clock/clock.ts';
import { connect, type Db } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { allFigures, registerFigures, type IndicatorScope } from '../server/kernel/indicators/define-indicator.ts';
import { computeIndicator, computeRatio } from '../server/kernel/indicators/indicators.repository.ts';
import { findTodo } from '../server/kernel/workflow/todo.repository.ts';
import { modules } from '../server/modules/index.ts';
import * as schema from '../server/schema.ts';
import { BENCH_REGION, BENCH_USERS, defineBenchWorkflows, generateCases } from './generate-cases.ts';
import { benchLogin, startBenchServer, withBenchDatabase } from './support.ts';

/**
 * Loopback load test of the case kernel at 1,000,000 cases over 100 regions (PGlite: 100,000): the
 * 待办 list and the statistics page of one county-year, then EXPLAIN (ANALYZE, BUFFERS) of the 待办
 * queries and of the slowest indicator query exactly as the server builds them. Prints; asserts nothing.
 *   npx tsx bench/cases.ts [--pglite] [--cases N] [--duration 10] [--connections 20]
 */
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const usePglite = flag('pglite');
const caseCount = option('cases', usePglite ? 100_000 : 1_000_000);
const duration = option('duration', 10);
const connections = option('connections', 20);
const PORT = 3198;
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

defineBenchWorkflows();
// The figures the statistics page computes: every module's, as buildApp registers them.
for (const module of modules) if (module.indicators) registerFigures(module.indicators);

async function withServer(env: Record<string, string>, run: (base: string) => Promise<void>): Promise<void> {
  const server = await startBenchServer('bench/case-server.ts', PORT, env);
  try {
    await run(server.base);
  } finally {
    await server.stop();
  }
}

async function township(db: Db): Promise<string> {
  const result = (await db.execute(sql`select id from organisations where region_code = ${BENCH_REGION} and sort_order = 11`)) as unknown as { rows: { id: string }[] };
  return result.rows[0]!.id;
}

async function drive(base: string, orgId: string): Promise<void> {
  const cookie = await benchLogin(base, BENCH_USERS[0]!);
  const scenarios: [string, string, number?][] = [
    // The floor of this machine: no session, no database; then a session check alone.
    ['GET /api/health (no session, no query)', '/api/health'],
    ['GET /api/auth/me (session check only)', '/api/auth/me'],
    ['GET /api/todo (whole county, page 1 of 20, by remaining time)', '/api/todo?page=1&pageSize=20'],
    ['GET /api/todo&orgId=<a township>', `/api/todo?page=1&pageSize=20&orgId=${orgId}`],
    ['GET /api/todo&assignedToMe=true', '/api/todo?page=1&pageSize=20&assignedToMe=true'],
    ['GET /api/statistics/values (county, 2025)', `/api/statistics/values?from=${YEAR.from}&to=${YEAR.to}`],
    ['GET /api/statistics/values (county, 2025), one user', `/api/statistics/values?from=${YEAR.from}&to=${YEAR.to}`, 1],
  ];
  const rows = [];
  for (const [name, path, clients = connections] of scenarios) {
    const probe = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = (await probe.json()) as { total?: number; figures?: { code: string; value: number | null }[] };
    if (!probe.ok) throw new Error(`${name}: ${probe.status} ${JSON.stringify(body)}`);
    const answer = body.figures ? body.figures.map((f) => `${f.code}=${f.value}`).join(' ') : body.total !== undefined ? `total ${body.total}` : '';
    if (body.figures && clients === connections) console.log(`${name}: ${answer}`);
    const r = await autocannon({ url: `${base}${path}`, headers: { cookie }, connections: clients, duration });
    rows.push({ scenario: name, connections: clients, answer: answer.slice(0, 60), rps: Math.round(r.requests.average * 10) / 10, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx });
  }
  console.table(rows);
}

/** A second drizzle handle on the same database whose logger keeps every query with its parameters. */
interface Planner {
  db: Db;
  captured: { query: string; params: unknown[] }[];
  explain(query: string, params: unknown[]): Promise<string[]>;
  close(): Promise<void>;
}

async function plannerFor(target: { url: string } | { dataDir: string }): Promise<Planner> {
  const captured: Planner['captured'] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ query, params }) };
  const plan = (rows: Record<string, unknown>[]) => rows.map((r) => String(r['QUERY PLAN']));
  if ('url' in target) {
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: target.url, max: 2, options: '-c TimeZone=UTC' });
    // Dropping the bench database at the end terminates whatever the pool still holds: expected.
    pool.on('error', () => undefined);
    return {
      db: drizzle({ client: pool, schema, logger }) as unknown as Db,
      captured,
      explain: async (query, params) => plan((await pool.query(`explain (analyze, buffers) ${query}`, params)).rows),
      close: () => pool.end(),
    };
  }
  const [{ PGlite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const client = await PGlite.create({ dataDir: target.dataDir });
  await client.exec("SET TIME ZONE 'UTC'");
  return {
    db: drizzle({ client, schema, logger }) as unknown as Db,
    captured,
    explain: async (query, params) => plan((await client.query<Record<string, unknown>>(`explain (analyze, buffers) ${query}`, params)).rows),
    close: () => client.close(),
  };
}

const executionMs = (plan: string[]) => Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);

async function explainAll(planner: Planner): Promise<void> {
  const { db, captured } = planner;
  const userId = ((await db.execute(sql`select id from users where username = ${BENCH_USERS[0]}`)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const actor = (await loadActor(db, userId))!;
  const today = beijingToday(systemClock);
  const soonLimit = (await calendarService(db).due(BENCH_REGION, today, { unit: 'workingDays', n: 3 })).due;
  const orgId = await township(db);

  for (const [name, query] of [
    ['todo', { page: 1, pageSize: 20 }],
    ['todo&orgId', { page: 1, pageSize: 20, orgId }],
    ['todo&assignedToMe', { page: 1, pageSize: 20, assignedToMe: true }],
  ] as const) {
    captured.length = 0;
    await findTodo(db, actor, query, { today, soonLimit });
    for (const [i, q] of captured.entries()) {
      const plan = await planner.explain(q.query, q.params);
      console.log(`\n=== EXPLAIN (ANALYZE, BUFFERS) ${name} — query ${i + 1} ===\n${q.query}\n-- params: ${JSON.stringify(q.params)}\n${plan.join('\n')}`);
    }
  }

  const scope: IndicatorScope = { regionCode: BENCH_REGION, orgOnly: false, period: YEAR, today };
  const timings: { figure: string; ms: number; query: string; params: unknown[]; plan: string[] }[] = [];
  for (const def of allFigures()) {
    captured.length = 0;
    if (def.kind === 'indicator') await computeIndicator(db, def, scope);
    else await computeRatio(db, def, scope);
    for (const q of captured) {
      const plan = await planner.explain(q.query, q.params);
      timings.push({ figure: def.code, ms: executionMs(plan), query: q.query, params: q.params, plan });
    }
  }
  console.log('\nIndicator queries (one county, 2025), EXPLAIN ANALYZE execution time:');
  console.table(timings.map((t) => ({ figure: t.figure, ms: t.ms })));
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`\n=== EXPLAIN (ANALYZE, BUFFERS) slowest indicator: ${slowest.figure} ===\n${slowest.query}\n-- params: ${JSON.stringify(slowest.params)}\n${slowest.plan.join('\n')}`);
}

async function benchPglite(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-cases-'));
  try {
    const database = await connect({ dataDir: join(dataDir, 'pglite') });
    await migrate(database);
    await ensureBuiltinRoles(database.db);
    const generated = await generateCases(database.db, caseCount);
    const orgId = await township(database.db);
    await database.close();
    console.log(`PGlite: generated ${JSON.stringify(generated)}`);
    await withServer({ FAZHI_DATA_DIR: dataDir }, (base) => drive(base, orgId));
    const planner = await plannerFor({ dataDir: join(dataDir, 'pglite') });
    try {
      await explainAll(planner);
    } finally {
      await planner.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  await withBenchDatabase(pgAdminUrl, 'fazhi_bench_cases', async (url) => {
    const database = await connect({ databaseUrl: url });
    await migrate(database, url);
    await ensureBuiltinRoles(database.db);
    const generated = await generateCases(database.db, caseCount);
    const orgId = await township(database.db);
    await database.close();
    console.log(`PostgreSQL: generated ${JSON.stringify(generated)}`);
    await withServer({ DATABASE_URL: url, FAZHI_SM4_KEY: '00'.repeat(32) }, (base) => drive(base, orgId));
    const planner = await plannerFor({ url });
    try {
      await explainAll(planner);
    } finally {
      await planner.close();
    }
  });
}

console.log(`${usePglite ? 'PGlite' : 'PostgreSQL'}: ${caseCount} cases; autocannon ${connections} connections, ${duration} s per scenario, loopback, ${process.platform} ${cpus().length} cores`);
if (usePglite) await benchPglite();
else await benchPostgres();
