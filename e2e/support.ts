import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifacts = new URL('./artifacts/', import.meta.url).pathname;

export interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

/**
 * The real server (`fazhi serve`) on its own copy of an embedded database with the demo county, or another entry
 * point that listens on PORT with FAZHI_DATA_DIR (web/scripts/case-demo.ts: cases of a sample procedure).
 */
export async function startServer(port: number, entry: string[] = ['server/main.ts', 'serve']): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  // The real server starts from a copy of the demo county loaded once for the run (global-setup.ts).
  if (entry[0] === 'server/main.ts') cpSync(inject('demoDataDir'), dataDir, { recursive: true });
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

/** The demo accounts' initial password, and the one each test sets at the forced first change. */
export const DEMO_PASSWORD = 'Fazhi@2026';
export const NEW_PASSWORD = 'E2e#Fazhi2026';

/** A demo account's first sign-in to the console: the forced password change, then the 工作台. */
export async function firstSignIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/console/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/change-password/);
  await page.getByTestId('password-current').fill(DEMO_PASSWORD);
  await page.getByTestId('password-new').fill(NEW_PASSWORD);
  await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
  await page.getByTestId('password-submit').click();
  await page.getByTestId('welcome-card').waitFor();
}

/** An open select's option by its label. */
export const option = (page: Page, label: string) => page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);

/** Picks a select's option once its dropdown has stopped sliding in (a click during the motion can miss). */
export async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await option(page, label).waitFor();
  await expect
    .poll(() => page.locator('.ant-select-dropdown').evaluateAll((els) => els.some((el) => /-(appear|enter|leave)\b/.test(el.className))))
    .toBe(false);
  await option(page, label).click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Today in Beijing, the day the server counts from. */
export const beijingToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The day `n` working days after `from` (today by default) on the server's official calendar, holidays
 * and 调休 workdays included: a date a form insists be a working day. `page` must be signed in.
 */
export async function workingDaysAfter(page: Page, base: string, n: number, from: string = beijingToday()): Promise<string> {
  const res = await page.request.get(`${base}/api/calendar/add`, { params: { from, n, unit: 'workingDays' } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { due: string }).due;
}
