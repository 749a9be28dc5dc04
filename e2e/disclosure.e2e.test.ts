import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, NEW_PASSWORD, option, pick, type RunningServer, startServer } from './support.ts';

/** GB 11643 check digit: 43062119880516301 → X. */
const ID_NUMBER = '43062119880516301X';
const APPLICANT = '欧阳明辉';

/**
 * A citizen's 依申请公开 from the phone to the reply letter: applies to the 市场监管局, is asked to
 * correct, corrects online; the department's clerk replies 部分公开 in the console; the citizen
 * downloads the numbered reply (.docx) with the tracking code.
 */
describe('依申请公开 from the portal to the reply letter', () => {
  let server: RunningServer;
  let browser: Browser;
  let trackingCode = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3230), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const desk = async () => (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  async function track(page: Page): Promise<void> {
    await page.goto(`${server.base}/portal/disclosure/track?code=${trackingCode}`);
    await page.getByTestId('disclosure-track-verify').fill(ID_NUMBER.slice(-6));
    await page.getByTestId('disclosure-track-submit').click();
    await page.getByTestId('disclosure-track-result').waitFor();
  }

  it('a citizen applies on the phone and gets a tracking code and the reply date', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/`);
    await page.getByTestId('portal-disclosure-apply').click();
    await page.getByTestId('disclosure-apply-org').click();
    await page.keyboard.type('市场监督');
    await option(page, '岳阳县市场监督管理局').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('disclosure-apply-name').fill(APPLICANT);
    await page.getByTestId('disclosure-apply-id').fill(ID_NUMBER);
    await page.getByTestId('disclosure-apply-phone').fill('13907305678');
    await page.getByTestId('disclosure-apply-address').fill('岳阳县荣家湾镇建设路18号');
    await page.getByTestId('disclosure-apply-description').fill('县城区农贸市场的食品安全抽检结果');
    await page.getByTestId('disclosure-apply-promise').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${artifacts}portal-disclosure-form.png`, fullPage: true });
    await page.getByTestId('disclosure-apply-submit').click();
    trackingCode = (await page.getByTestId('disclosure-tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${artifacts}portal-disclosure-filed.png`, fullPage: true });
  });

  it('the department asks for a correction; the citizen corrects; the department replies 部分公开', async () => {
    const staff = await desk();
    await firstSignIn(staff, server.base, 'scj');
    await staff.getByTestId('menu-disclosure').click();
    // The window's register form, seen once: receipt rule per channel, the department's own agencies.
    await staff.getByTestId('disclosure-register').click();
    await staff.getByTestId('disclosure-register-submit').waitFor();
    await staff.screenshot({ path: `${artifacts}console-disclosure-register.png` });
    await staff.keyboard.press('Escape');
    await staff.getByTestId('disclosure-register-submit').waitFor({ state: 'hidden' });
    await staff.getByPlaceholder('申请人、申请内容、答复书文号').fill(APPLICANT);
    await staff.keyboard.press('Enter');
    await staff.getByTestId('disclosure-link').filter({ hasText: '农贸市场' }).first().click();
    await staff.getByTestId('disclosure-panel').waitFor();
    await staff.getByTestId('case-action-requestCorrection').click();
    await staff.getByTestId('action-field-items').fill('请写明所需抽检结果的时间段和市场名称。');
    await staff.getByTestId('action-submit').click();
    await staff.getByTestId('action-submit').waitFor({ state: 'hidden' });
    await staff.getByText('待补正', { exact: true }).first().waitFor();

    const citizen = await phone();
    await track(citizen);
    await expect(citizen.getByTestId('disclosure-correction-items').innerText()).resolves.toContain('时间段');
    await citizen.getByTestId('disclosure-correction-content').fill('2026年第三季度，荣家湾镇农贸市场。');
    await citizen.getByTestId('disclosure-correction-submit').click();
    await citizen.getByTestId('disclosure-track-state').filter({ hasText: '办理中' }).waitFor();
    await citizen.screenshot({ path: `${artifacts}portal-disclosure-corrected.png`, fullPage: true });

    await staff.reload();
    await staff.getByTestId('disclosure-reply').click();
    await pick(staff, 'disclosure-reply-outcome', '部分公开');
    await staff.getByTestId('disclosure-reply-reason').fill('抽检结果中涉及经营者商业秘密的检验数据已作区分处理，其余内容予以公开。');
    await staff.getByTestId('disclosure-reply-submit').click();
    await staff.getByTestId('disclosure-outcome').waitFor();
    await expect(staff.getByTestId('disclosure-outcome').innerText()).resolves.toContain('部分公开');
    await staff.getByTestId('disclosure-download-reply').waitFor();
    await staff.screenshot({ path: `${artifacts}console-disclosure-replied.png`, fullPage: true });
    await staff.getByTestId('menu-disclosure').click();
    await staff.getByTestId('disclosure-link').first().waitFor();
    await staff.screenshot({ path: `${artifacts}console-disclosure-list.png` });
  });

  it('the citizen sees the outcome and downloads the reply letter', async () => {
    const citizen = await phone();
    await track(citizen);
    await expect(citizen.getByTestId('disclosure-track-outcome').innerText()).resolves.toBe('部分公开');
    const href = await citizen.getByTestId('disclosure-letter').getAttribute('href');
    const letter = await citizen.request.get(`${server.base}${href}`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('wordprocessingml');
    expect((await letter.body()).subarray(0, 2).toString()).toBe('PK');
    await citizen.screenshot({ path: `${artifacts}portal-disclosure-replied.png`, fullPage: true });
  });

  it('the department’s annual report counts the reply in table 三: 部分公开, 自然人', async () => {
    const staff = await desk();
    await staff.goto(`${server.base}/console/login`);
    await staff.getByTestId('login-username').fill('scj');
    await staff.getByTestId('login-password').fill(NEW_PASSWORD);
    await staff.getByTestId('login-submit').click();
    await staff.getByTestId('welcome-card').waitFor();
    await staff.goto(`${server.base}/console/disclosure-reports`);
    await staff.getByTestId('report-new').click();
    const year = staff.getByTestId('report-year');
    await year.fill(String(new Date().getFullYear()));
    await staff.getByTestId('report-create-confirm').click();
    await staff.getByTestId('report-preview').waitFor();
    // The demo's other applications to the 市场监管局 this year are still open: this reply is the only one.
    const row = staff.getByTestId('report-preview').locator('tr').filter({ hasText: '（二）部分公开' });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(1).map(Number)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    await staff.screenshot({ path: `${artifacts}console-disclosure-report-cell.png`, fullPage: true });
  });
});
