import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, launchBrowser, startServer, type RunningServer } from './support.ts';

const DEMO_PASSWORD = 'Fazhi@2026';
const NEW_PASSWORD = 'E2e#Fazhi2026';

/** The foundation's flow as a person clicks it: first sign-in, an organisation, a user, the audit log. */
describe('console', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3198), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return context.newPage();
  }

  async function firstSignIn(page: Page, username: string): Promise<void> {
    await page.goto(`${server.base}/console/login`);
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

  it('the system administrator changes the first password, creates an organisation and a user', async () => {
    const page = await newPage();
    await firstSignIn(page, 'admin');
    await expect(page.getByTestId('menu-audit').count()).resolves.toBe(0);

    await page.getByTestId('menu-orgs').click();
    await page.getByTestId('org-tree').getByText('岳阳县司法局', { exact: true }).click();
    await page.getByTestId('org-create-child').click();
    await page.getByTestId('org-name').fill('岳阳县司法局公共法律服务中心');
    await page.getByTestId('org-code').fill('430621-D07-01');
    await page.getByTestId('org-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '其他' }).click();
    await page.getByTestId('org-form-ok').click();
    await page.getByTestId('org-tree').getByText('岳阳县司法局公共法律服务中心').waitFor();

    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-org').click();
    await page.keyboard.type('公共法律服务中心');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县司法局公共法律服务中心' }).click();
    await page.getByTestId('user-username').fill('gfzx01');
    await page.getByTestId('user-display-name').fill('孙丽');
    await page.getByTestId('user-password').fill('Init#Pass2026');
    await page.getByTestId('user-form-ok').click();
    await page.getByRole('cell', { name: 'gfzx01' }).waitFor();
    await page.screenshot({ path: `${artifacts}console-users.png` });

    // The Chinese text is rendered with a CJK font, not as tofu boxes: a CJK glyph is wider than a Latin one.
    const widths = await page.evaluate(() => {
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.textContent = text;
        span.style.fontSize = '20px';
        document.body.appendChild(span);
        const width = span.getBoundingClientRect().width;
        span.remove();
        return width;
      };
      return { cjk: measure('法治政府建设'), latin: measure('iiiiii') };
    });
    expect(widths.cjk).toBeGreaterThan(widths.latin * 2);
  });

  it('the audit administrator sees both writes in the audit log, and the chain verifies', async () => {
    const page = await newPage();
    await firstSignIn(page, 'auditor');
    await page.getByTestId('menu-audit').click();
    await expect(page.getByTestId('menu-orgs').count()).resolves.toBe(1);
    await page.getByText('新建机构', { exact: true }).first().waitFor();
    await page.getByText('新建用户', { exact: true }).first().waitFor();
    const rows = page.locator('tr').filter({ hasText: 'admin' });
    expect(await rows.count()).toBeGreaterThan(1);
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result').innerText()).resolves.toContain('完整');
    await page.screenshot({ path: `${artifacts}console-audit.png` });
  });

  it('the portal is public and fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/portal/`);
    await page.getByText('执法公示').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}portal-phone.png`, fullPage: true });
  });
});
