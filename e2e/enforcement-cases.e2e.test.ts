import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, startServer, type RunningServer } from './support.ts';

/**
 * 行政处罚 as the 市场监管局 clicks it: 立案 with two certified officers, a 当场处罚 under the 简易程序,
 * the decision's publicity published from the 执法公示 list, and the portal showing it with the person
 * masked as 「王某」.
 */
describe('行政处罚 to 执法公示', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const TITLE = '王小虎未按规定公示营业执照案';
  const DECISION_NO = `岳县市监简〔${new Date().getFullYear()}〕E2E号`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3207), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function act(action: string, fill: () => Promise<void> = async () => {}) {
    await page.getByTestId(`case-action-${action}`).click();
    await page.locator('.ant-modal').waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    const problem = page.getByTestId('action-problem');
    await Promise.race([page.locator('.ant-modal').waitFor({ state: 'hidden' }), problem.waitFor().then(async () => expect.fail((await problem.textContent()) ?? ''))]).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}enforcement-${action}.png` });
      throw error;
    });
  }
  const state = () => page.getByTestId('case-state').textContent();

  it('files a 简易程序 case with two certified officers and decides it on the spot', async () => {
    await firstSignIn(page, server.base, 'scj');
    await page.goto(`${server.base}/console/enforcement-cases`);
    await page.getByTestId('penalty-table').waitFor();
    await page.getByTestId('penalty-create').click();
    await page.locator('.ant-modal').waitFor();
    await page.getByTestId('penalty-matter').click();
    await page.keyboard.type('SJ-005');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('penalty-title').fill(TITLE);
    await page.locator('.ant-modal').getByText('简易程序（当场处罚）').click();
    await page.locator('.ant-modal').getByText('自然人').click();
    await page.getByTestId('penalty-party').fill('王小虎');
    await page.getByTestId('penalty-facts').fill('经营的早餐店未在显著位置公示营业执照。');
    await page.getByTestId('penalty-officers').click();
    const officers = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const chosen = page.locator('.ant-select-dropdown:visible .ant-select-item-option-selected');
    await officers.nth(1).waitFor();
    // One at a time, clicking again until it registers: in one full run a click landed while the list
    // re-rendered and only one officer was chosen.
    for (const n of [0, 1]) {
      await expect
        .poll(async () => {
          if (!(await officers.nth(n).getAttribute('class'))?.includes('option-selected')) await officers.nth(n).click();
          return chosen.count();
        })
        .toBe(n + 1);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('penalty-create-save').click();
    const problem = page.getByTestId('penalty-create-error');
    await Promise.race([page.getByTestId('penalty-panel').waitFor(), problem.waitFor().then(async () => expect.fail((await problem.textContent()) ?? ''))]).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}enforcement-create.png` });
      throw error;
    });
    await expect.poll(state).toBe('已立案');

    await act('decideOnSpot', async () => {
      await page.getByTestId('action-field-penalties').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '警告' }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('action-field-decisionNo').fill(DECISION_NO);
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '当场行政处罚决定书.txt', mimeType: 'text/plain', buffer: Buffer.from('当场行政处罚决定书（签名件）', 'utf8') });
      await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    });
    await expect.poll(state).toBe('已送达，待执行');
  });

  it('publishes the decision from the 执法公示 list; the portal shows it with the person masked', async () => {
    await page.getByTestId('penalty-publication-link').first().click();
    await page.getByTestId('publication-panel').waitFor();
    await expect.poll(state).toBe('待公示');
    await act('publish');
    await expect.poll(state).toBe('已公示');

    await page.goto(`${server.base}/portal/enforcement/decisions`);
    // The person's name is masked in the title too.
    await page.getByTestId('portal-enforcement-decisions').getByText('王某未按规定公示营业执照案').click();
    await page.getByTestId('portal-enforcement-decision').waitFor();
    const text = (await page.getByTestId('portal-enforcement-decision').textContent()) ?? '';
    expect(text).toContain(DECISION_NO);
    expect(text).toContain('王某');
    expect(text).not.toContain('王小虎');
    await page.screenshot({ path: `${artifacts}enforcement-portal.png` });
  });
});
