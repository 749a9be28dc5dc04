import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, NEW_PASSWORD, pick, startServer, type RunningServer } from './support.ts';

/**
 * 规范性文件 as the county clicks it: the 司法局 drafts a document of the 县政府办, a later step is
 * refused with the missing gate named, the legal office reviews it from its queue, then the document
 * is discussed, numbered, published and filed, and the portal shows it in force.
 */
describe('规范性文件', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const TITLE = '岳阳县城区公共停车泊位管理办法';
  let url = '';
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3201), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })).newPage();
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
      await page.screenshot({ path: `${artifacts}normative-${action}.png` });
      throw error;
    });
  }
  const typeDate = async (testId: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
  };
  const state = () => page.getByTestId('case-state').textContent();

  async function signInAgain(username: string) {
    await page.context().clearCookies();
    await page.goto(`${server.base}/console/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome-card').waitFor();
  }

  it('drafts a document and refuses numbering before the legality review, naming the gate', async () => {
    await firstSignIn(page, server.base, 'sfj');
    await page.goto(`${server.base}/console/normative`);
    await page.getByTestId('normative-create').click();
    await page.getByTestId('normative-title').fill(TITLE);
    await page.getByTestId('normative-issuer').click();
    await page.keyboard.type('人民政府办公室');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县人民政府办公室' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('normative-explanation').fill('为规范城区公共停车泊位设置和使用，起草本办法。');
    await page.getByTestId('normative-basis').fill('《中华人民共和国道路交通安全法》');
    await page.getByTestId('normative-body').fill('第一条 为规范城区公共停车泊位管理，制定本办法。');
    await page.getByTestId('normative-draft-save').click();
    await page.getByTestId('normative-panel').waitFor();
    url = page.url();
    await expect.poll(state).toBe('起草中');
    await expect.poll(() => page.getByTestId('case-action-allocateNumber-reason').textContent()).toBe('尚未完成合法性审查，不能统一登记编号');
    await act('submitForReview');
    await expect.poll(state).toBe('合法性审查中');
  });

  it('lets the legal office find it in its queue and give the signed opinion', async () => {
    await page.context().clearCookies();
    await firstSignIn(page, server.base, 'fzsh');
    await page.goto(`${server.base}/console/legality`);
    await page.getByTestId('legality-table').getByText(TITLE).click();
    await page.getByTestId('normative-panel').waitFor();
    await act('giveLegalityOpinion', async () => {
      await pick(page, 'action-field-conclusion', '合法，同意提交集体讨论');
      await page.getByTestId('action-field-opinion').fill('制定主体适格，内容未违反上位法。');
      await page.getByTestId('action-field-reviewer').fill('王芳');
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '合法性审核意见书.txt', mimeType: 'text/plain', buffer: Buffer.from('合法性审核意见书（签署件）', 'utf8') });
      await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    });
    await expect.poll(state).toBe('审查通过，待集体讨论');
  });

  it('discusses, numbers, publishes and files it; the portal shows it in force', async () => {
    await signInAgain('sfj');
    await page.goto(url);
    await act('recordDiscussion', async () => {
      await pick(page, 'action-field-meetingKind', '办公会议（主任办公会议、局务会议）');
      await typeDate('action-field-meetingOn');
      await pick(page, 'action-field-outcome', '审议通过');
      const seq = page.locator('.ant-modal .ant-input-number input');
      await seq.fill('98');
      await seq.blur();
      await expect.poll(() => page.locator('.ant-modal .ant-form-item-explain-error').allTextContents()).toEqual([]);
    });
    await expect.poll(state).toBe('集体讨论通过，待统一登记编号');
    await act('allocateNumber');
    await expect.poll(() => page.getByTestId('normative-doc-no').textContent()).toMatch(/^岳县政办规〔\d{4}〕\d+号$/);
    await expect.poll(() => page.getByTestId('case-action-file-reason').textContent()).toBe('尚未公布，不能报送备案');
    await act('publish', async () => {
      await typeDate('action-field-publishedOn');
      await typeDate('action-field-effectiveOn');
    });
    await expect.poll(state).toBe('已公布，待备案');
    await act('file', async () => {
      await typeDate('action-field-filedWithGovernmentOn');
      await typeDate('action-field-filedWithCongressOn');
    });
    await expect.poll(state).toBe('已备案');
    await expect.poll(() => page.getByTestId('normative-status').textContent()).toContain('现行有效');
    const id = url.split('/').pop();
    await page.goto(`${server.base}/portal/documents/${id}`);
    await page.getByTestId('portal-document').waitFor();
    await expect.poll(() => page.getByTestId('portal-document-status').textContent()).toBe('现行有效');
  });
});
