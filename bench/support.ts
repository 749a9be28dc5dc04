import { spawn } from 'node:child_process';
import pg from 'pg';
import { BENCH_PASSWORD } from './generate.ts';

/** A Fazhi server in a child process on loopback, so that autocannon does not share its event loop. */
export interface BenchServer {
  base: string;
  /** Process start to /api/health answering. */
  startupMs: number;
  stop(): Promise<void>;
}

export async function startBenchServer(script: string, port: number, env: Record<string, string>): Promise<BenchServer> {
  const started = Date.now();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', script, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, startupMs: Date.now() - started, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error('server did not become healthy');
}

/** Signs in and returns the Cookie header for later requests. */
export async function benchLogin(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A fresh database on the PostgreSQL server for one benchmark, dropped afterwards. */
export async function withBenchDatabase(adminUrl: string, name: string, run: (url: string) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
