import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifacts = new URL('./artifacts/', import.meta.url).pathname;

export interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * The real server (`fazhi serve`) on a fresh embedded database with the demo county, or another entry
 * point that listens on PORT with FAZHI_DATA_DIR (web/scripts/case-demo.ts: cases of a sample procedure).
 */
export async function startServer(port: number, entry: string[] = ['server/main.ts', 'serve']): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      if (i > 1200) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`浏览器测试需要 Chromium：apt-get install -y chromium fonts-noto-cjk（未找到 ${CHROMIUM}）`);
  }
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
