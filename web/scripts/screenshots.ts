/**
 * Screenshots of the console and the portal against a running server, for looking at the UI (not a
 * test). Usage: npx tsx web/scripts/screenshots.ts [baseUrl] [outDir]
 * Signs in with the demo accounts (server/demo); on a fresh data directory it changes their initial
 * passwords to NEW_PASSWORD, so later runs sign in with that.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3100';
const out = process.argv[3] ?? '/tmp/fazhi-shots';
const DEMO_PASSWORD = 'Fazhi@2026';
const NEW_PASSWORD = 'Shot#2026pass';

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const problems: string[] = [];
async function newPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`[${msg.type()}] ${page.url()}: ${msg.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => problems.push(`[pageerror] ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`[http ${response.status()}] ${response.request().method()} ${response.url()}`);
  });
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lazy pages and their data: wait until no spinner spins.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 10_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage });
  console.log(`${out}/${name}.png`);
}

async function signIn(page: Page, username: string): Promise<void> {
  for (const password of [NEW_PASSWORD, DEMO_PASSWORD]) {
    await page.goto(`${base}/console/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/console/login'), { timeout: 8000 }).then(() => 'in'),
      page.getByTestId('login-error').waitFor({ timeout: 8000 }).then(() => 'error'),
    ]);
    if (outcome === 'error') continue;
    if (page.url().includes('/change-password')) {
      await shot(page, `${username}-change-password`);
      await page.getByTestId('password-current').fill(password);
      await page.getByTestId('password-new').fill(NEW_PASSWORD);
      await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
      await page.getByTestId('password-submit').click();
      await page.waitForURL((url) => url.pathname === '/console/' || url.pathname === '/console', { timeout: 8000 });
    }
    return;
  }
  throw new Error(`cannot sign in as ${username}`);
}

async function closeOverlay(page: Page): Promise<void> {
  await page.locator('.ant-modal-close:visible, .ant-drawer-close:visible').first().click();
  await page.waitForTimeout(400);
}

async function open(page: Page, testId: string, name: string): Promise<void> {
  await page.getByTestId(testId).click();
  await shot(page, name);
}

// The portal, on a phone and on a desktop.
const phone = await newPage(375, 812);
await phone.goto(`${base}/portal/`);
await shot(phone, 'portal-375', true);
const desktop = await newPage(1366, 900);
await desktop.goto(`${base}/portal/`);
await shot(desktop, 'portal-1366', true);

// 系统管理员: login page, layout, orgs, users.
const admin = await newPage(1440, 900);
await admin.goto(`${base}/console/`);
await admin.waitForURL(/\/console\/login/);
await shot(admin, 'login');
await signIn(admin, 'admin');
await shot(admin, 'admin-home');
await open(admin, 'menu-orgs', 'admin-orgs');
await admin.getByTestId('org-create-child').click();
await shot(admin, 'admin-org-form');
await closeOverlay(admin);
await admin.getByTestId('org-import').click();
await shot(admin, 'admin-org-import');
await closeOverlay(admin);
await open(admin, 'menu-users', 'admin-users');
await admin.getByTestId('user-create').click();
await shot(admin, 'admin-user-form');
await closeOverlay(admin);

// 安全管理员: roles, tokens, security policy.
const sec = await newPage(1440, 900);
await signIn(sec, 'secadmin');
await shot(sec, 'secadmin-home');
await open(sec, 'menu-roles', 'secadmin-roles');
await sec.getByTestId('role-create').click();
await shot(sec, 'secadmin-role-drawer');
await closeOverlay(sec);
await open(sec, 'menu-api-tokens', 'secadmin-tokens');
await open(sec, 'menu-security', 'secadmin-security');
await open(sec, 'menu-users', 'secadmin-users');

// 审计管理员: the audit log and its verification.
const auditor = await newPage(1440, 900);
await signIn(auditor, 'auditor');
await open(auditor, 'menu-audit', 'auditor-audit');
await auditor.getByTestId('audit-verify').click();
await auditor.getByTestId('audit-verify-result').waitFor();
await auditor.locator('.ant-table-row-expand-icon').first().click();
await shot(auditor, 'auditor-audit-verified', true);

// A business user on a phone: the console layout at 375px.
const clerk = await newPage(375, 812);
await signIn(clerk, 'rjw');
await shot(clerk, 'rjw-home-375', true);

await browser.close();
if (problems.length) {
  console.log(`\n${problems.length} console messages / failed requests:`);
  for (const p of [...new Set(problems)]) console.log(p);
}
