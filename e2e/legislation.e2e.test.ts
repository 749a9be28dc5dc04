import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, startServer, workingDaysAfter, type RunningServer } from './support.ts';

/**
 * 立法建议 as the 司法局 and a department click it: a consultation recorded, sent to 县市场监管局 with
 * a reply date, the department's opinion from its 待办, the consolidated draft, the county's reply.
 */
describe('立法建议', () => {
  let server: RunningServer;
  let browser: Browser;
  let sfj: Page;
  let scj: Page;
  const draftTitle = '《岳阳市湖泊保护条例（草案征求意见稿）》';
  const opinion = '建议明确湖泊保护范围内既有养殖设施的退出补偿标准。';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3204), launchBrowser()]);
    const context = () => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    sfj = await (await context()).newPage();
    scj = await (await context()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function typeDate(page: Page, testId: string, day: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(day);
    await page.keyboard.press('Enter');
  }

  it('records a consultation and asks 县市场监管局 by a working day', async () => {
    await firstSignIn(sfj, server.base, 'sfj');
    await sfj.getByTestId('menu-legislation').click();
    await sfj.getByTestId('legislation-register').click();
    await sfj.getByTestId('legislation-from-body').fill('岳阳市人大常委会法制工作委员会');
    await sfj.getByTestId('legislation-document-no').fill('岳人法工函〔2026〕11号');
    await sfj.getByTestId('legislation-document-title').fill(`关于征求${draftTitle}意见的函`);
    await sfj.getByTestId('legislation-draft-title').fill(draftTitle);
    // The department's deadline must be a working day: both dates come from the server's official calendar.
    await typeDate(sfj, 'legislation-reply-due-on', await workingDaysAfter(sfj, server.base, 28));
    await sfj.locator('.ant-modal-footer .ant-btn-primary').click();
    await sfj.getByTestId('legislation-distribute').waitFor();

    await sfj.getByTestId('legislation-distribute').click();
    await sfj.getByTestId('legislation-distribute-orgs').click();
    await sfj.keyboard.type('市场监督');
    await sfj.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
    await sfj.keyboard.press('Enter');
    // A multiple tree select stays open after a choice: a click on the dialog's title closes it.
    await sfj.locator('.ant-modal-title:visible').click();
    await expect.poll(() => sfj.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await typeDate(sfj, 'legislation-distribute-due', await workingDaysAfter(sfj, server.base, 10));
    await sfj.locator('.ant-modal-footer:visible .ant-btn-primary').click();
    const requests = sfj.getByTestId('legislation-requests');
    await expect.poll(() => requests.innerText()).toContain('岳阳县市场监督管理局');
    await expect(requests.innerText()).resolves.toContain('待反馈');
  });

  it('lets the department answer from its 待办', async () => {
    await firstSignIn(scj, server.base, 'scj');
    await scj.getByTestId('menu-todo').click();
    await scj.getByTestId('todo-case-link').filter({ hasText: draftTitle }).click();
    await scj.getByTestId('case-action-answer').click();
    await scj.locator('.ant-modal').waitFor();
    await scj.getByTestId('action-field-opinion').click();
    await scj.keyboard.type(opinion);
    await scj.getByTestId('action-submit').click();
    await scj.locator('.ant-modal').waitFor({ state: 'hidden' });
    await expect.poll(() => scj.locator('body').innerText()).toContain(opinion);
    await scj.screenshot({ path: `${artifacts}legislation-answer.png`, fullPage: true });
  });

  it('consolidates the opinion into the draft reply and records the reply', async () => {
    await sfj.reload();
    const requests = sfj.getByTestId('legislation-requests');
    await expect.poll(() => requests.innerText(), { timeout: 10_000 }).toContain('已反馈');
    await expect.poll(() => requests.innerText()).toContain(opinion);
    await sfj.getByTestId('legislation-consolidate').click();
    const text = sfj.getByTestId('legislation-consolidated-text');
    await expect.poll(() => text.inputValue()).toContain(`一、${opinion}`);
    await sfj.locator('.ant-modal-footer:visible .ant-btn-primary').click();
    await expect.poll(() => sfj.getByTestId('legislation-consolidated').innerText()).toContain(opinion);

    const download = sfj.waitForEvent('download');
    await sfj.getByTestId('legislation-docx').click();
    expect((await download).suggestedFilename()).toMatch(/反馈意见\.docx$/);

    await sfj.getByTestId('legislation-reply').click();
    await sfj.getByTestId('legislation-reply-no').fill('岳政函〔2026〕88号');
    await sfj.locator('.ant-modal input[type=file]').setInputFiles({ name: '反馈意见.txt', mimeType: 'text/plain', buffer: Buffer.from('岳阳县人民政府反馈意见', 'utf8') });
    await sfj.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    await sfj.locator('.ant-modal-footer:visible .ant-btn-primary').click();
    await expect.poll(() => sfj.getByTestId('legislation-reply-document-no').innerText()).toBe('岳政函〔2026〕88号');
    await sfj.screenshot({ path: `${artifacts}legislation-consultation.png`, fullPage: true });

    await sfj.getByTestId('menu-legislation').click();
    await expect.poll(() => sfj.getByTestId('legislation-table').innerText()).toContain('已报送反馈意见');
  });
});
