import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, pick, startServer, type RunningServer } from './support.ts';

/**
 * 重大行政决策 as the county clicks it: the demo decision waiting on its expert review is taken
 * through the remaining procedures in order — expert review, risk assessment, legality review by the
 * legal office, the Party committee, the 常务会议 — then its adoption statement is generated, edited
 * and published, and the portal shows it with the statement.
 */
describe('重大行政决策', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const TITLE = '岳阳县生活垃圾分类处理项目实施方案';
  let url = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3202), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const gate = (name: string) => page.getByTestId(`decision-gate-${name}`);

  /** Opens a step's dialog, lets `fill` fill it, submits and waits for the dialog to close. */
  async function act(action: string, fill: () => Promise<void> = async () => {}) {
    await page.getByTestId(`case-action-${action}`).click();
    await page.locator('.ant-modal').waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    // A refusal shows in the dialog: fail with the server's words rather than a timeout.
    const problem = page.getByTestId('action-problem');
    await Promise.race([page.locator('.ant-modal').waitFor({ state: 'hidden' }), problem.waitFor().then(async () => expect.fail(await problem.textContent() ?? ''))]).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}decisions-${action}.png` });
      throw error;
    });
  }

  it('shows the open procedures and refuses the legality submission, naming what is missing', async () => {
    await firstSignIn(page, server.base, 'sfj');
    await page.goto(`${server.base}/console/decisions?openGate=expertReview`);
    await page.getByTestId('decision-table').getByText(TITLE).click();
    await page.getByTestId('decision-panel').waitFor();
    url = page.url();
    await expect.poll(() => gate('publicParticipation').getAttribute('data-status')).toBe('done');
    await expect.poll(() => gate('expertReview').getAttribute('data-status')).toBe('pending');
    await expect.poll(() => page.getByTestId('case-action-submitForLegality-reason').textContent()).toBe('尚未完成：专家论证、风险评估');
  });

  it('completes expert review and risk assessment, then sends the draft for legality review', async () => {
    await act('completeExpertReview');
    await expect.poll(() => gate('expertReview').getAttribute('data-status')).toBe('done');
    await act('recordRiskAssessment', async () => {
      await pick(page, 'action-field-level', '低风险');
      await page.getByTestId('action-field-summary').fill('项目选址已征求周边群众意见，风险总体可控。');
      await page.getByTestId('action-field-measures').fill('建立邻避问题沟通机制，做好信息公开。');
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '社会稳定风险评估报告.txt', mimeType: 'text/plain', buffer: Buffer.from('社会稳定风险评估报告', 'utf8') });
      await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    });
    await act('submitForLegality');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('合法性审查中');
  });

  it('lets the legal office give its opinion', async () => {
    await page.context().clearCookies();
    await firstSignIn(page, server.base, 'fzsh');
    await page.goto(url);
    await act('giveLegalityOpinion', async () => {
      await pick(page, 'action-field-conclusion', '合法，同意提交集体讨论');
      await page.getByTestId('action-field-opinion').fill('经审查，方案符合《固体废物污染环境防治法》等规定。');
      await page.getByTestId('action-field-reviewer').fill('王芳');
    });
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('待集体讨论决定');
  });

  it('decides at the 常务会议 after consulting the Party committee, and publishes with the adoption statement', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.base}/console/login`);
    await page.getByTestId('login-username').fill('sfj');
    await page.getByTestId('login-password').fill('E2e#Fazhi2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome-card').waitFor();
    await page.goto(url);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const typeDate = async (testId: string) => {
      await page.getByTestId(testId).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(today);
      await page.keyboard.press('Enter');
    };
    await act('recordPartyConsultation', async () => {
      await typeDate('action-field-consultedOn');
      await page.getByTestId('action-field-note').fill('县委常委会同意提请县政府常务会议审议');
    });
    await act('recordCollectiveDecision', async () => {
      await pick(page, 'action-field-meetingKind', '常务会议');
      await page.getByTestId('action-field-meetingSeq').fill('99');
      await typeDate('action-field-heldOn');
      await pick(page, 'action-field-outcome', '审议通过');
    });
    await expect.poll(() => gate('collectiveDecision').getAttribute('data-status')).toBe('done');
    await page.getByTestId('decision-statement-generate').click();
    await expect.poll(() => page.getByTestId('decision-statement-text').inputValue()).toContain('公众意见和专家论证意见采纳情况的说明');
    await page.getByTestId('decision-statement-text').press('End');
    await page.getByTestId('decision-statement-text').pressSequentially('\n经县政府常务会议审议通过。');
    await page.getByTestId('decision-statement-save').click();
    await expect.poll(() => page.getByTestId('case-action-publishDecision').isEnabled()).toBe(true);
    await act('publishDecision');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('已公布（组织实施）');
    const download = page.waitForEvent('download');
    await page.getByTestId('decision-archive').click();
    expect((await download).suggestedFilename()).toBe(`${TITLE}-决策档案.zip`);
  });

  it('shows the published decision and its statement on the portal', async () => {
    const id = url.split('/').pop();
    await page.goto(`${server.base}/portal/decisions/${id}`);
    await expect.poll(() => page.getByTestId('portal-statement').textContent()).toContain('经县政府常务会议审议通过。');
    await page.goto(`${server.base}/portal/decisions`);
    await page.getByTestId('portal-catalogues').getByText(TITLE).waitFor();
  });
});
