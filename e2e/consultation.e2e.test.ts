import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, startServer, type RunningServer } from './support.ts';

/** The demo county's draft out for comment today (server/demo/demo-normative.ts opens its round). */
const DRAFT = '岳阳县城镇燃气安全管理办法';
/**
 * The console folds long comments (Typography ellipsis, measured in the browser): its rows are found by
 * the comment's opening words, which stay visible however the measuring turns out.
 */
const COMMENT_START = '建议明确瓶装液化石油气';
const COMMENT = '建议明确瓶装液化石油气配送车辆的安全检查要求和频次。';
/** A published 规范性文件 of the demo county, for the portal's search. */
const PUBLISHED = '岳阳县城区停车场建设和管理办法';

/**
 * 公众参与 from the phone to the portal and back on the demo county: a citizen comments on the open
 * draft, the 司法局's coordinator approves it in the console and marks its adoption, and the portal
 * then shows it without the contact; the portal's search finds a published document with the words
 * marked.
 */
describe('公众参与 and the portal search', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3203), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const desk = async () => (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  it('a citizen comments on the phone; the comment waits for moderation', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/consultation`);
    await page.getByTestId('portal-consultation-link').filter({ hasText: DRAFT }).click();
    await expect(page.getByTestId('consultation-status').innerText()).resolves.toBe('征求意见中');
    await expect(page.getByTestId('consultation-draft').innerText()).resolves.toContain('第一条 为加强和规范管理');
    await page.getByTestId('comment-name').fill('欧阳晓峰');
    await page.getByTestId('comment-contact').fill('13907301234');
    await page.getByTestId('comment-content').fill(COMMENT);
    await page.getByTestId('comment-submit').click();
    await expect(page.getByTestId('comment-received').innerText()).resolves.toBe('您的意见已提交，经审核后公开');
    await fitsPhone(page);
    await page.screenshot({ path: `${artifacts}consultation-commented.png`, fullPage: true });
    await page.reload();
    await page.getByTestId('approved-comments').waitFor();
    await expect(page.getByTestId('approved-comment').count()).resolves.toBe(0);
  });

  it('the moderator approves it in the console; the portal then shows it without the contact', async () => {
    const page = await desk();
    await firstSignIn(page, server.base, 'sfj');
    await page.getByTestId('menu-consultation').click();
    const row = page.getByTestId('queue-table').locator('tr').filter({ hasText: COMMENT_START });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('欧阳晓峰');
    await row.getByTestId('queue-approve').click();
    await page.getByText('没有待审核的意见').waitFor();
    await page.screenshot({ path: `${artifacts}consultation-moderated.png` });

    // The round's page: the comment approved, its contact masked, 采纳情况 marked.
    await page.getByRole('tab', { name: '征求意见' }).click();
    await page.getByTestId('consultation-link').filter({ hasText: DRAFT }).click();
    const comment = page.getByTestId('comments-table').locator('tr').filter({ hasText: COMMENT_START });
    await expect(comment.getByTestId('comment-moderation').innerText()).resolves.toBe('已公开');
    await expect(comment.innerText()).resolves.toContain('139****1234');
    await expect(comment.innerText()).resolves.not.toContain('13907301234');
    await comment.getByTestId('comment-adoption').click();
    await page.getByTestId('adoption-state').getByText('部分采纳', { exact: true }).click();
    await page.getByTestId('adoption-note').fill('配送车辆安全检查已写入第八条，检查频次另行制定');
    await page.getByTestId('adoption-submit').click();
    await comment.getByText('部分采纳', { exact: true }).waitFor();
    await expect(comment.innerText()).resolves.toContain('配送车辆安全检查已写入第八条');

    const portal = await phone();
    await portal.goto(`${server.base}/portal/consultation`);
    await portal.getByTestId('portal-consultation-link').filter({ hasText: DRAFT }).click();
    const shown = portal.getByTestId('approved-comment');
    await expect(shown.innerText()).resolves.toContain(COMMENT);
    await expect(shown.innerText()).resolves.toContain('欧阳晓峰');
    await expect(portal.locator('body').innerText()).resolves.not.toContain('13907301234');
    await expect(portal.locator('body').innerText()).resolves.not.toContain('139****1234');
  });

  it('the portal search finds a published document, marks the words, and leads to its page', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/`);
    await page.getByTestId('portal-header-search').locator('input').fill('停车场 建设');
    await page.getByTestId('portal-header-search').locator('input').press('Enter');
    const hit = page.getByTestId('portal-search-hit').filter({ hasText: PUBLISHED });
    await hit.waitFor();
    expect(await hit.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['停车场', '建设']));
    await fitsPhone(page);
    await page.screenshot({ path: `${artifacts}portal-search.png`, fullPage: true });
    await hit.locator('a').first().click();
    await page.getByTestId('portal-document').waitFor();
    await expect(page.getByTestId('portal-document').locator('h3').innerText()).resolves.toBe(PUBLISHED);

    await page.goto(`${server.base}/portal/search?q=${encodeURIComponent('没有这样的词语组合')}`);
    await page.getByText('没有找到相关内容').waitFor();
  });
});
