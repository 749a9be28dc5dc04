import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx } from '../server/kernel/excel/excel.ts';
import { artifacts, firstSignIn, launchBrowser, startServer, type RunningServer } from './support.ts';

const CAMPAIGN = '“年关守护”食品安全专项行动';

/** A small inspections sheet as a department fills it in. */
const sheet = (rows: Record<string, string>[]) => {
  const headers = ['执法领域', '检查日期', '检查对象', '对象类型', '检查结果', '责令整改', '发现隐患数', '专项整治行动'];
  return toXlsx('行政检查', headers.map((header) => ({ header, value: (r: Record<string, string>) => r[header] ?? null })), rows);
};
const row = (name: string, extra: Record<string, string> = {}) => ({
  执法领域: '市场监管',
  检查日期: '2021-01-20',
  检查对象: name,
  对象类型: '食品经营户',
  检查结果: '未发现问题',
  专项整治行动: CAMPAIGN,
  ...extra,
});

/**
 * 行政检查 as the 市场监管局 clicks it: an Excel file with a bad row is refused with the row's reason and
 * nothing written; the corrected file goes in, and the campaign's figures count the new records.
 */
describe('行政检查导入与专项整治成效', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3208), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const figure = async (key: string) => Number((await page.getByTestId(`campaign-figure-${key}`).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));

  async function openCampaign(): Promise<void> {
    await page.goto(`${server.base}/console/campaigns?q=${encodeURIComponent('年关守护')}`);
    await page.getByTestId('campaign-link').filter({ hasText: CAMPAIGN }).click();
    await page.getByTestId('campaign-figures').waitFor();
  }

  async function upload(file: Buffer): Promise<void> {
    await page.goto(`${server.base}/console/inspections`);
    await page.getByTestId('inspection-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '检查记录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  }

  it('refuses a file with a bad row, then imports the corrected file and the campaign figures follow', async () => {
    await firstSignIn(page, server.base, 'scj');
    await openCampaign();
    const before = { inspections: await figure('inspections'), rectificationOrders: await figure('rectificationOrders'), hazardsFound: await figure('hazardsFound') };

    await upload(await sheet([row('荣家湾镇甲副食店'), row('荣家湾镇乙餐馆', { 检查结果: '责令整改', 发现隐患数: '2' }), row('荣家湾镇丙超市', { 检查日期: '2021-02-30' })]));
    await page.getByTestId('inspection-import-errors').waitFor();
    await expect.poll(() => page.getByTestId('inspection-import-errors').innerText(), { timeout: 10_000 }).toContain('导入文件共 3 行，其中 1 行存在错误，未导入任何数据');
    const errorRow = page.getByTestId('inspection-import-error-table').locator('tr.ant-table-row');
    await expect.poll(() => errorRow.innerText(), { timeout: 10_000 }).toMatch(/4\s+检查日期“2021-02-30”不是有效日期/);
    await page.screenshot({ path: `${artifacts}inspections-import-errors.png` });

    await openCampaign();
    expect(await figure('inspections')).toBe(before.inspections);

    await upload(await sheet([row('荣家湾镇甲副食店'), row('荣家湾镇乙餐馆', { 检查结果: '责令整改', 发现隐患数: '2' }), row('荣家湾镇丙超市', { 检查日期: '2021-02-03' })]));
    await page.getByTestId('inspection-import-done').waitFor();
    expect(await page.getByTestId('inspection-import-done').innerText()).toContain('已导入 3 条检查记录');
    await page.keyboard.press('Escape');

    await openCampaign();
    expect(await figure('inspections')).toBe(before.inspections + 3);
    expect(await figure('rectificationOrders')).toBe(before.rectificationOrders + 1);
    expect(await figure('hazardsFound')).toBe(before.hazardsFound + 2);
    await page.screenshot({ path: `${artifacts}campaign-figures.png` });

    await page.getByTestId('campaign-figure-rectificationOrders').click();
    await page.waitForURL(/\/inspections\?campaignId=.*rectificationOrdered=true/);
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText(), { timeout: 10_000 }).toBe(`共 ${before.rectificationOrders + 1} 次检查`);
    // The filters live in the address: the same list narrowed to the new record by its name.
    await page.goto(`${page.url()}&q=${encodeURIComponent('荣家湾镇乙餐馆')}`);
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText(), { timeout: 10_000 }).toBe('共 1 次检查');
    await expect.poll(() => page.getByTestId('inspection-table').innerText(), { timeout: 10_000 }).toContain('荣家湾镇乙餐馆');
  });
});
