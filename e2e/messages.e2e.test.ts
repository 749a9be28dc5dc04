import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, type RunningServer, startServer } from './support.ts';

const SUBJECT = '新墙河堤路段路灯不亮';
const PHONE = '13807305678';

/**
 * 网民诉求 and 网上调查 end to end: a citizen leaves a message on the phone; the coordinator routes it,
 * the 市场监管局 replies, the coordinator publishes it; the citizen reads the reply, rates it and finds it
 * among the published ones. A survey is made and published in the console, answered on the phone, and
 * its result charted in the console.
 */
describe('网民诉求 from the portal to the rating, and a survey from the console to its chart', () => {
  let server: RunningServer;
  let browser: Browser;
  let code = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3232), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const desk = async () => (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => undefined): Promise<void> {
    await page.getByTestId(`case-action-${action}`).click();
    await page.getByTestId('action-submit').waitFor();
    await fill(page);
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-submit').waitFor({ state: 'hidden' });
  }

  it('a citizen leaves a message on the phone; it is routed, answered and published; the citizen reads and rates the reply', async () => {
    const citizen = await phone();
    await citizen.goto(`${server.base}/portal/`);
    await citizen.locator('#interaction').screenshot({ path: `${artifacts}portal-home-interaction.png` });
    await citizen.getByTestId('portal-message-new').click();
    await citizen.getByTestId('message-subject').fill(SUBJECT);
    await citizen.getByTestId('message-content').fill('新墙河堤靠近新墙社区一段约三百米的路灯已经一个多月不亮，晚上散步很不安全。');
    await citizen.getByTestId('message-phone').fill(PHONE);
    await citizen.getByTestId('message-submit').click();
    code = (await citizen.getByTestId('message-tracking-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    await fitsPhone(citizen);
    await citizen.screenshot({ path: `${artifacts}portal-message-left.png`, fullPage: true });

    const sfj = await desk();
    await firstSignIn(sfj, server.base, 'sfj');
    await sfj.getByTestId('menu-messages').click();
    await sfj.getByTestId('message-link').first().waitFor();
    await sfj.evaluate(() => window.scrollTo(0, 0));
    await sfj.screenshot({ path: `${artifacts}console-messages-list.png` });
    await sfj.goto(`${server.base}/console/messages?q=${code}`);
    await sfj.getByTestId('message-link').filter({ hasText: SUBJECT }).click();
    await sfj.getByTestId('message-panel').waitFor();
    await act(sfj, 'route', async (p) => {
      await p.getByTestId('action-field-orgId').click();
      await p.keyboard.type('市场监督');
      await p.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
      await p.keyboard.press('Enter');
    });
    await sfj.getByText('办理中', { exact: true }).first().waitFor();

    const scj = await desk();
    await firstSignIn(scj, server.base, 'scj');
    await scj.getByTestId('menu-todo').click();
    await scj.getByTestId('todo-case-link').filter({ hasText: SUBJECT }).click();
    await act(scj, 'reply', (p) => p.getByTestId('action-field-replyText').fill('您好！经核查，该路段路灯线路老化，我局已协调县城管执法局更换线路，已于今日恢复照明。感谢您的监督！'));
    await scj.getByText('已答复', { exact: true }).first().waitFor();

    await sfj.reload();
    await act(sfj, 'publish');
    await sfj.getByTestId('message-public-state').filter({ hasText: '已在门户网站公开' }).waitFor();
    await sfj.screenshot({ path: `${artifacts}console-message-published.png`, fullPage: true });

    await citizen.goto(`${server.base}/portal/messages/track?code=${code}`);
    await citizen.getByTestId('track-verify').fill(PHONE.slice(-4));
    await citizen.getByTestId('track-submit').click();
    await expect(citizen.getByTestId('track-reply').innerText()).resolves.toContain('恢复照明');
    await citizen.getByTestId('message-rate').getByText('满意', { exact: true }).click();
    await citizen.getByTestId('message-rate-submit').click();
    await expect(citizen.getByTestId('track-satisfaction').innerText()).resolves.toContain('满意');
    await expect(citizen.getByTestId('message-rate').count()).resolves.toBe(0);
    await fitsPhone(citizen);
    await citizen.screenshot({ path: `${artifacts}portal-message-rated.png`, fullPage: true });

    await citizen.goto(`${server.base}/portal/messages`);
    await citizen.getByTestId('portal-message-link').filter({ hasText: SUBJECT }).click();
    await expect(citizen.getByTestId('portal-message-reply').innerText()).resolves.toContain('恢复照明');
    expect(await citizen.content()).not.toContain(PHONE);
  });

  it('a survey is published in the console, answered on the phone and charted in the console', async () => {
    const sfj = await desk();
    await sfj.goto(`${server.base}/console/login`);
    await sfj.getByTestId('login-username').fill('sfj');
    await sfj.getByTestId('login-password').fill('E2e#Fazhi2026');
    await sfj.getByTestId('login-submit').click();
    await sfj.getByTestId('welcome-card').waitFor();
    await sfj.goto(`${server.base}/console/surveys`);
    await sfj.getByTestId('survey-create').click();
    await sfj.getByTestId('survey-title').fill('县城公共厕所满意度调查');
    await sfj.getByTestId('survey-q0-prompt').fill('您对县城公共厕所的卫生状况是否满意？');
    await sfj.getByTestId('survey-q0-options').click();
    for (const label of ['满意', '基本满意', '不满意']) {
      await sfj.keyboard.type(label);
      await sfj.keyboard.press('Enter');
    }
    await sfj.getByTestId('survey-save').click();
    await sfj.getByTestId('survey-publish').click();
    await sfj.getByTestId('survey-publish-ok').click();
    await sfj.getByTestId('survey-results').waitFor();

    const citizen = await phone();
    await citizen.goto(`${server.base}/portal/surveys`);
    await citizen.getByTestId('portal-survey-link').filter({ hasText: '县城公共厕所满意度调查' }).click();
    await citizen.getByTestId('survey-q1').getByText('基本满意', { exact: true }).click();
    await citizen.getByTestId('survey-submit').click();
    await citizen.getByTestId('survey-thanks').waitFor();
    await fitsPhone(citizen);

    await sfj.reload();
    await expect.poll(() => sfj.getByTestId('survey-results').innerText()).toContain('答卷 1 份');
    await sfj.getByTestId('survey-chart').locator('canvas').waitFor();
    await sfj.screenshot({ path: `${artifacts}console-survey-results.png`, fullPage: true });
  });
});
