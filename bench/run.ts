import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuiltinRoles } from '../server/kernel/auth/builtin-roles.ts';
import { connect } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { BENCH_PASSWORD, generate, scales } from './generate.ts';
import { benchLogin, startBenchServer, withBenchDatabase } from './support.ts';

/**
 * Loopback load test of the foundation's hot paths at province scale (5,000 organisations, 10,000
 * users), on PGlite and on PostgreSQL: login, and an authenticated read of a county's organisation
 * tree. Also times server start-up on an existing embedded database. Prints figures; asserts nothing.
 *   npm run bench -- [--scale county|province] [--duration 10] [--only pglite|postgres]
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const scale = scales[args.get('scale') ?? 'province']!;
const duration = Number(args.get('duration') ?? 10);
const only = args.get('only');
const PORT = 3199;
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Row {
  target: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}
const results: Row[] = [];

async function load(target: string, scenario: string, options: autocannon.Options): Promise<void> {
  const result = await autocannon({ duration, connections: 8, ...options });
  results.push({ target, scenario, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx });
}

async function scenarios(target: string, base: string): Promise<void> {
  const username = 'bench01_00003';
  await load(target, 'POST /api/auth/login', {
    url: `${base}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = await benchLogin(base, 'bench_c01');
  const tree = await fetch(`${base}/api/orgs`, { headers: { cookie } });
  const count = ((await tree.json()) as { items: unknown[] }).items.length;
  await load(target, `GET /api/orgs (${count} orgs of a county)`, { url: `${base}/api/orgs`, headers: { cookie } });
  await load(target, 'GET /api/auth/me', { url: `${base}/api/auth/me`, headers: { cookie } });
}

async function benchPglite(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  try {
    const database = await connect({ dataDir: join(dataDir, 'pglite') });
    await migrate(database);
    await ensureBuiltinRoles(database.db);
    const generated = await generate(database.db, scale);
    await database.close();
    console.log(`PGlite: generated ${generated.organisations} organisations, ${generated.users} users`);
    const server = await startBenchServer('server/main.ts', PORT, { FAZHI_DATA_DIR: dataDir });
    console.log(`PGlite: start-up on the existing embedded database: ${server.startupMs} ms (process start to healthy)`);
    try {
      await scenarios('PGlite', server.base);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  await withBenchDatabase(pgAdminUrl, 'fazhi_bench', async (url) => {
    const database = await connect({ databaseUrl: url });
    await migrate(database, url);
    await ensureBuiltinRoles(database.db);
    const generated = await generate(database.db, scale);
    await database.close();
    console.log(`PostgreSQL: generated ${generated.organisations} organisations, ${generated.users} users`);
    const server = await startBenchServer('server/main.ts', PORT, { DATABASE_URL: url, FAZHI_SM4_KEY: '00'.repeat(32) });
    console.log(`PostgreSQL: start-up: ${server.startupMs} ms`);
    try {
      await scenarios('PostgreSQL', server.base);
    } finally {
      await server.stop();
    }
  });
}

if (only !== 'postgres') await benchPglite();
if (only !== 'pglite') await benchPostgres();
console.log(`\nautocannon: 8 connections, ${duration} s per scenario, loopback, ${process.platform} ${(await import('node:os')).cpus().length} cores`);
console.table(results.map((r) => ({ ...r, rps: Math.round(r.rps * 10) / 10 })));
