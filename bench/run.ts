import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuiltinRoles } from '../server/kernel/auth/builtin-roles.ts';
import { connect } from '../server/kernel/db/db.ts';
import { migrate } from '../server/kernel/db/migrate.ts';
import { BENCH_PASSWORD, generate, scales } from './generate.ts';

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
const base = `http://127.0.0.1:${PORT}`;
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

async function waitForHealth(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become healthy');
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', FAZHI_DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(child);
  return { child, ms: Date.now() - started };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function load(target: string, scenario: string, options: autocannon.Options): Promise<void> {
  const result = await autocannon({ duration, connections: 8, ...options });
  results.push({ target, scenario, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx });
}

async function scenarios(target: string): Promise<void> {
  const username = 'bench01_00003';
  await load(target, 'POST /api/auth/login', {
    url: `${base}/api/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  const cookie = await login('bench_c01');
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
    const { child, ms } = await startServer({ FAZHI_DATA_DIR: dataDir });
    console.log(`PGlite: start-up on the existing embedded database: ${ms} ms (process start to healthy)`);
    try {
      await scenarios('PGlite');
    } finally {
      await stop(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS fazhi_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE fazhi_bench');
  const url = new URL(pgAdminUrl);
  url.pathname = '/fazhi_bench';
  try {
    const database = await connect({ databaseUrl: url.toString() });
    await migrate(database, url.toString());
    await ensureBuiltinRoles(database.db);
    const generated = await generate(database.db, scale);
    await database.close();
    console.log(`PostgreSQL: generated ${generated.organisations} organisations, ${generated.users} users`);
    const { child, ms } = await startServer({ DATABASE_URL: url.toString(), FAZHI_SM4_KEY: '00'.repeat(32) });
    console.log(`PostgreSQL: start-up: ${ms} ms`);
    try {
      await scenarios('PostgreSQL');
    } finally {
      await stop(child);
    }
  } finally {
    await admin.query('DROP DATABASE IF EXISTS fazhi_bench WITH (FORCE)');
    await admin.end();
  }
}

if (only !== 'postgres') await benchPglite();
if (only !== 'pglite') await benchPostgres();
console.log(`\nautocannon: 8 connections, ${duration} s per scenario, loopback, ${process.platform} ${(await import('node:os')).cpus().length} cores`);
console.table(results.map((r) => ({ ...r, rps: Math.round(r.rps * 10) / 10 })));
