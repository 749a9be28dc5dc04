import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, option, type RunningServer, startServer } from './support.ts';

/** Check digits by GB 11643: …4517 is right, …4510 is not. */
const ID_NUMBER = '430621198503124517';
const WRONG_ID_NUMBER = '430621198503124510';

/** A calendar day relative to today in Beijing, as YYYY-MM-DD. */
function beijingDay(offsetDays: number): string {
  const now = new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/**
 * The 复议机构's own flow in the console: a mailed application registered with the day it was signed
 * for, found in the case list with its review deadline, opened on the case page with the module's
 * panel, and a 补正 notice taken from there.
 */
describe('行政复议 in the console', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3195), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const errorOf = (page: Page, testId: string) => page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) }).locator('.ant-form-item-explain-error');

  it('registers a mailed application, lists it with its deadline and asks for 补正 on the case page', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await firstSignIn(page, server.base, 'fuyi');

    await page.getByTestId('menu-reconsideration').click();
    await page.getByTestId('reconsideration-table').waitFor();
    await page.getByTestId('reconsideration-register').click();

    // Signed for three days ago: the five working days of review count from then (第三十条).
    const receivedOn = beijingDay(-3);
    await page.getByTestId('register-channel').getByText('邮寄', { exact: true }).click();
    await page.getByText('邮寄的以签收之日为收到日期').waitFor();
    await page.getByTestId('register-received-on').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(receivedOn);
    await page.keyboard.press('Enter');
    await page.getByTestId('register-applicant-name').fill('邓某某');
    await page.getByTestId('register-identity-code').fill(WRONG_ID_NUMBER);
    await page.getByTestId('register-phone').fill('13807301234');
    await page.getByTestId('register-address').fill('岳阳县荣家湾镇建设路18号');
    await page.getByTestId('register-respondent').click();
    await page.keyboard.type('市场监督');
    // Enter takes the first match: a click may land while the dropdown still slides in the scrolled dialog.
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId('register-respondent') }).filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
    // 行政处罚 is the first option: Enter takes it once the list is open.
    await page.getByTestId('register-act-category').click();
    await option(page, '行政处罚').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId('register-act-category') }).filter({ hasText: '行政处罚' }).waitFor();
    await page.getByTestId('register-act-description').fill('岳县市监罚〔2026〕15号行政处罚决定书');
    await page.getByTestId('register-requests').fill('请求撤销该行政处罚决定');
    await page.getByTestId('register-facts').fill('申请人认为被申请人认定事实不清。');

    // The check digit is the server's to verify; its refusal lands on the field it concerns.
    await page.getByTestId('register-submit').click();
    await expect(errorOf(page, 'register-identity-code').innerText()).resolves.toContain('校验码');
    await expect(page.getByTestId('register-problem').count()).resolves.toBe(0);
    await page.screenshot({ path: `${artifacts}reconsideration-register-refused.png` });

    await page.getByTestId('register-identity-code').fill(ID_NUMBER);
    await page.getByTestId('register-submit').click();
    const trackingCode = (await page.getByTestId('reconsideration-tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    await page.getByTestId('reconsideration-tracking-ok').click();
    await page.waitForURL(/\/console\/reconsideration\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('panel-tracking-code').innerText()).resolves.toBe(trackingCode);

    // The list shows the review period's last day as the kernel's calendar computes it, marked as the 待办 list does.
    const api = async <T>(path: string) => (await (await page.request.get(`${server.base}/api/${path}`)).json()) as T;
    const { due } = await api<{ due: string }>(`calendar/add?from=${receivedOn}&period=reconsiderationAcceptanceReview`);
    const { due: soonLimit } = await api<{ due: string }>(`calendar/add?from=${beijingDay(0)}&unit=workingDays&n=3`);
    await page.getByTestId('menu-reconsideration').click();
    const row = page.locator('.ant-table-row').filter({ hasText: '邓某某不服岳阳县市场监督管理局行政处罚决定' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(due);
    await expect(row.innerText()).resolves.toContain(receivedOn);
    await expect(row.getByTestId('mark-due-soon').count()).resolves.toBe(due <= soonLimit ? 1 : 0);
    await page.screenshot({ path: `${artifacts}reconsideration-list.png` });

    // The rest of the row opens the case, on the generic case page with the module's panel.
    await row.getByText('邮寄', { exact: true }).click();
    await page.getByTestId('reconsideration-panel').waitFor();
    await expect(page.getByTestId('case-state').innerText()).resolves.toBe('受理审查');
    await expect(page.getByTestId('panel-received-on').innerText()).resolves.toBe(receivedOn);
    await expect(page.getByTestId('panel-applicant-id').innerText()).resolves.toBe('430621********4517');
    await page.getByTestId('panel-applicant-reveal').click();
    await page.getByTestId('panel-applicant-id').filter({ hasText: ID_NUMBER }).waitFor();

    await page.getByTestId('case-action-requestCorrection').click();
    await page.getByTestId('action-field-items').fill('1. 补充被申请复议的行政处罚决定书复印件；\n2. 申请人身份证复印件。');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('case-state').filter({ hasText: '待补正' }).waitFor();
    await expect(page.getByTestId('panel-correction-items').innerText()).resolves.toContain('补充被申请复议的行政处罚决定书复印件');
    await expect(page.getByTestId('case-action-requestCorrection').count()).resolves.toBe(0);
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.screenshot({ path: `${artifacts}reconsideration-case.png`, fullPage: true });
  });

  it('the 被申请人 finds the case in its 待办 and submits its 答复 with the 答复书', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await firstSignIn(page, server.base, 'scj');

    // The demo county's case against the 县市场监管局 whose copy went out three working days ago.
    await page.goto(`${server.base}/console/todo`);
    const row = page.locator('.ant-table-row').filter({ hasText: '行政复议' }).filter({ hasText: '审理中' });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await row.getByTestId('todo-case-link').click();
    await page.getByTestId('reconsideration-panel').waitFor();
    // The respondent reads the applicant masked and has no way to reveal it.
    await expect(page.getByTestId('panel-applicant-reveal').count()).resolves.toBe(0);

    await page.getByTestId('case-action-submitAnswer').click();
    await page.getByTestId('action-field-summary').fill('被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，请求维持。');
    await page.getByTestId('action-submit').click();
    // The 答复书 is required (第四十八条): refused until it is attached.
    await page.locator('.ant-modal .ant-form-item-explain-error').filter({ hasText: '附件' }).waitFor();
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '行政复议答复书.txt', mimeType: 'text/plain', buffer: Buffer.from('行政复议答复书（附证据目录）', 'utf8') });
    await page.locator('.ant-modal').getByText('行政复议答复书.txt').waitFor();
    await page.getByTestId('action-submit').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByText('行政复议答复书.txt').first().waitFor();
    await page.getByTestId('case-action-submitAnswer-reason').filter({ hasText: '已登记被申请人答复' }).waitFor();
    await expect(page.getByTestId('case-action-submitAnswer').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: `${artifacts}reconsideration-respondent-answer.png`, fullPage: true });

    await page.getByTestId('case-back').click();
    await page.waitForURL(/\/console\/todo/);
    await page.getByTestId('todo-reload').waitFor();
    await expect(page.locator('.ant-table-row').filter({ hasText: '行政复议' }).filter({ hasText: '审理中' }).count()).resolves.toBe(0);
  });
});
