import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The CLI as a user runs it: the embedded data directory admits one process only. */
describe.skipIf(process.env.TEST_DATABASE_URL)('fazhi CLI on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
  const env = { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: '3197', HOST: '127.0.0.1' };
  let server: ReturnType<typeof spawn>;

  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], { env, stdio: 'pipe' });
    // First start migrates and loads the whole demo county, which takes a minute on a busy machine.
    const deadline = Date.now() + 170_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch('http://127.0.0.1:3197/api/health')).ok) return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('server did not start');
  }, 180_000);

  afterAll(async () => {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the demo county on first start', async () => {
    const res = await fetch('http://127.0.0.1:3197/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Fazhi@2026' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user.mustChangePassword).toBe(true);
  });

  it('stops a second process on the same directory with a clear message', () => {
    for (const command of ['serve', 'migrate']) {
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', command], { env: { ...env, PORT: '3196' }, encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('正由另一个 Fazhi 进程使用');
    }
  });
});
