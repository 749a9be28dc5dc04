import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../server/kernel/excel/excel.ts';
import { artifacts, firstSignIn, launchBrowser, option, startServer, type RunningServer } from './support.ts';

const headers = ['公开机关', '公开日期', '标题', '类别', '信息类型', '解读形式'];
const sheet = (rows: Record<string, string>[]) => toXlsx('主动公开', headers.map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? null })), rows);

/**
 * 政府信息公开 as the 司法局 clicks it: 主动公开 imported from Excel after a dry run (a bad row refused
 * first), the government's 2021 report with its checks and preview, a department's report drafted
 * (red: past 31 January) with its 总体情况 saved; and the published report on a phone.
 */
describe('主动公开与政府信息公开工作年度报告', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3231), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const upload = async (file: Buffer) => {
    await page.getByTestId('proactive-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '主动公开.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  };

  it('imports 主动公开 after a dry run and counts them', async () => {
    await firstSignIn(page, server.base, 'sfj');
    await page.goto(`${server.base}/console/proactive-disclosures?year=2021`);
    await page.getByTestId('proactive-figures').waitFor();
    expect(await page.getByTestId('proactive-figures').innerText()).toMatch(/主动公开信息（条）\s*1,229/);

    const good = { 公开机关: '岳阳县司法局', 公开日期: '2021-11-04', 标题: '岳阳县“八五”普法规划', 类别: '规划计划' };
    await upload(await sheet([good, { ...good, 标题: '图解“八五”普法规划', 信息类型: '政策解读' }]));
    await expect.poll(() => page.locator('.ant-modal').innerText(), { timeout: 15_000 }).toContain('政策解读须填写解读形式');
    await page.screenshot({ path: `${artifacts}proactive-import-errors.png` });
    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '主动公开.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet([good, { ...good, 标题: '图解“八五”普法规划', 信息类型: '政策解读', 解读形式: '图表' }]),
    });
    await page.getByTestId('proactive-import-confirm').click();
    await expect.poll(() => page.getByTestId('proactive-figures').innerText(), { timeout: 15_000 }).toMatch(/主动公开信息（条）\s*1,231/);
    await page.screenshot({ path: `${artifacts}proactive-list.png` });
  });

  it('shows the government’s 2021 report published, every check passed, with its tables', async () => {
    await page.goto(`${server.base}/console/disclosure-reports?year=2021`);
    await page.getByTestId('report-link').filter({ hasText: '岳阳县人民政府' }).click();
    await page.getByTestId('report-checks').waitFor();
    expect(await page.getByTestId('report-checks').locator('.anticon-close-circle').count()).toBe(0);
    const preview = page.getByTestId('report-preview');
    await preview.locator('table').first().waitFor();
    expect(await preview.innerText()).toContain('三、收到和处理政府信息公开申请情况');
    expect(await preview.locator('table').count()).toBe(3);
    await page.screenshot({ path: `${artifacts}disclosure-report.png`, fullPage: true });
  });

  it('drafts a department’s overdue report and saves its 总体情况 as a version', async () => {
    await page.goto(`${server.base}/console/disclosure-reports`);
    await page.getByTestId('report-new').click();
    await page.locator('.ant-modal .ant-input-number-input').fill('2025');
    await page.getByTestId('report-create-confirm').click();
    await page.waitForURL(/disclosure-reports\/[0-9a-f-]{36}/);
    await page.getByTestId('mark-overdue').waitFor();
    await page.getByTestId('section-overview').fill('2025年，县司法局认真贯彻《政府信息公开条例》，主动公开普法和法律服务信息。');
    await page.getByTestId('section-save-overview').click();
    await expect.poll(() => page.getByText('第 1 版').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('report-preview').innerText(), { timeout: 10_000 }).toContain('县司法局认真贯彻');
    await page.screenshot({ path: `${artifacts}disclosure-report-draft.png` });
  });

  it('shows the published report on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    const mobile = await phone.newPage();
    await mobile.goto(`${server.base}/portal/disclosure-reports`);
    await mobile.getByTestId('portal-report-year').click();
    await option(mobile, '2021 年度').click();
    await mobile.getByTestId('portal-report-link').first().click();
    await mobile.getByTestId('portal-report').locator('table').first().waitFor();
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await mobile.screenshot({ path: `${artifacts}portal-disclosure-report.png`, fullPage: true });
    await phone.close();
  });
});
