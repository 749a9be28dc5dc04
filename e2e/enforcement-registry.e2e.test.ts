import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, option, startServer, type RunningServer } from './support.ts';

/**
 * 执法人员 and 亮证: the 司法局's coordinator registers an officer of the 市场监管局 with a provincial
 * certificate in the console; anyone then finds the officer on the portal by the certificate number.
 */
describe('行政执法人员登记与亮证', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const certificateNo = `4306219${String(Date.now()).slice(-7)}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3206), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const settled = () =>
    expect.poll(() => page.locator('.ant-select-dropdown').evaluateAll((els) => els.some((el) => /-(appear|enter|leave)\b/.test(el.className)))).toBe(false);

  async function choose(testId: string, label: string, typed?: string): Promise<void> {
    await page.getByTestId(testId).click();
    if (typed) await page.keyboard.type(typed);
    await option(page, label).waitFor();
    await settled();
    await option(page, label).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  }

  async function typeDate(testId: string, day: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(day);
    await page.keyboard.press('Enter');
  }

  it('registers an officer with a certificate in the console', async () => {
    await firstSignIn(page, server.base, 'sfj');
    await page.getByTestId('menu-enforcement-officers').click();
    await page.getByTestId('officers-table').locator('tr.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByTestId('officer-reminders').isVisible()).toBe(true);

    await page.getByTestId('officer-create').click();
    await choose('officer-body', '岳阳县市场监督管理局', '市场监督');
    await page.getByTestId('officer-name').fill('欧阳明辉');
    await page.getByTestId('officer-certificate-no').fill(certificateNo);
    await choose('officer-certificate-field', '市场监管（食品药品）');
    await typeDate('officer-certificate-issued', '2024-03-01');
    await typeDate('officer-certificate-until', '2029-02-28');
    await page.getByTestId('officer-save').click();
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);

    await page.getByTestId('officers-search').locator('input').fill(certificateNo);
    await page.getByTestId('officers-search').locator('input').press('Enter');
    const row = page.getByTestId('officers-table').locator('tr.ant-table-row').filter({ hasText: '欧阳明辉' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(certificateNo);
    await expect.poll(() => row.textContent()).toContain('有效');
    await page.screenshot({ path: `${artifacts}enforcement-officers.png` });
  });

  it('finds the officer on the portal’s 亮证 page by the certificate number, with nothing personal', async () => {
    const portal = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await portal.goto(`${server.base}/portal/enforcement/officers`);
    await portal.getByTestId('portal-officers-search').locator('input').fill(certificateNo);
    await portal.getByTestId('portal-officers-search').locator('input').press('Enter');
    const row = portal.getByTestId('portal-officers').locator('tr.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain('欧阳明辉');
    expect(text).toContain('岳阳县市场监督管理局');
    expect(text).toContain('市场监管（食品药品）');
    await portal.screenshot({ path: `${artifacts}enforcement-portal-officers.png` });
    await portal.close();
  });
});
