import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, pick, startServer, type RunningServer } from './support.ts';

/**
 * 建议提案 as the office (the demo's coordinator) and 县市场监管局 click it: registered, 交办, answered
 * with a signed letter, 不满意 recorded, answered again, 满意, and the year's summary shows it.
 */
describe('建议提案', () => {
  let server: RunningServer;
  let browser: Browser;
  let office: Page;
  let scj: Page;
  let caseUrl: string;
  const title = '关于在城区增设农贸市场快检室的建议';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3233), launchBrowser()]);
    const context = () => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    office = await (await context()).newPage();
    scj = await (await context()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A step of the generic case page: its button, its form, submitted. */
  async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
    await page.reload();
    await page.getByTestId(`case-action-${action}`).click();
    await page.locator('.ant-modal').waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  }

  const letter = (page: Page, name: string) => async () => {
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(`${name}（经主要负责人签发）`, 'utf8') });
    await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
  };

  it('registers a 建议 and assigns it to 县市场监管局', async () => {
    await firstSignIn(office, server.base, 'sfj');
    await office.goto(`${server.base}/console/proposals`);
    await office.getByTestId('proposal-register').click();
    await office.getByTestId('proposal-number').fill('901');
    await office.getByTestId('proposal-session').fill('岳阳县第十九届人民代表大会第一次会议');
    await office.getByTestId('proposal-title').fill(title);
    await office.getByTestId('proposal-proposers').fill('李秀英、王建华');
    await office.getByTestId('proposal-content').fill('建议在城区各农贸市场增设食品快检室，公开快检结果。');
    await office.locator('.ant-modal-footer .ant-btn-primary').click();
    await office.getByTestId('proposal-panel').waitFor();
    caseUrl = office.url();

    await office.getByTestId('proposal-lead').click();
    await office.keyboard.type('市场监督');
    await office.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
    await office.keyboard.press('Enter');
    await office.getByTestId('proposal-assign-submit').click();
    await expect.poll(() => office.getByTestId('proposal-handlers').innerText()).toContain('岳阳县市场监督管理局');
    await expect.poll(() => office.locator('body').innerText()).toContain('办理中');
    await office.screenshot({ path: `${artifacts}proposals-assigned.png`, fullPage: true });
  });

  it('takes the unit’s reply with its letter, the office’s check and 不满意, then the second reply and 满意', async () => {
    await firstSignIn(scj, server.base, 'scj');
    await scj.goto(caseUrl);
    await act(scj, 'reply', async () => {
      await pick(scj, 'action-field-category', '列入计划解决（B类）');
      await scj.getByTestId('action-field-text').fill('已将快检室建设列入明年农贸市场改造计划。');
      await letter(scj, '答复函.txt')();
    });
    await expect.poll(() => scj.locator('body').innerText()).toContain('已答复待审核');

    await act(office, 'approveReply');
    await act(office, 'reopen', () => office.getByTestId('action-field-reasons').fill('建设时间过晚'));
    await expect.poll(() => office.locator('body').innerText()).toContain('不满意，重新办理');

    await act(scj, 'secondReply', async () => {
      await scj.getByTestId('action-field-text').fill('快检室提前于本年第四季度建成投入使用。');
      await letter(scj, '再次答复函.txt')();
    });
    await act(office, 'approveReply');
    await act(office, 'recordFeedback', () => pick(office, 'action-field-satisfaction', '满意'));
    await expect.poll(() => office.locator('body').innerText()).toContain('已办结');
    await office.screenshot({ path: `${artifacts}proposals-closed.png`, fullPage: true });
  });

  it('shows the year’s summary with the item: answered, satisfied, one second reply', async () => {
    await office.goto(`${server.base}/console/proposals/summary`);
    const table = office.getByTestId('proposal-summary-table');
    await expect.poll(() => table.innerText()).toContain('岳阳县市场监督管理局');
    const total = office.locator('[data-testid="proposal-summary-table"] tr', { hasText: '合计' });
    // The demo's open items of this year and this one; only this one has the deputies' word: 满意, after a second reply.
    await expect.poll(() => total.innerText()).toMatch(/合计\s+6\s+/);
    await expect.poll(() => office.getByTestId('proposal-summary-totals').innerText()).toContain('100.00%');
    await office.screenshot({ path: `${artifacts}proposals-summary.png`, fullPage: true });
    await office.goto(`${server.base}/console/proposals?year=2021&kind=npc&satisfaction=basic`);
    await expect.poll(() => office.getByTestId('proposal-table').innerText()).toContain('基本满意');
    await office.screenshot({ path: `${artifacts}proposals-list.png`, fullPage: true });
  });
});
