import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, startServer, type RunningServer } from './support.ts';


/**
 * 行政应诉 as the 司法局's coordinator clicks it: a first-instance lawsuit against a county department,
 * its defence due date in the list, a hearing where only a staff member appeared although the court
 * had summoned the 负责人, with the excuse and its sealed proof, and the warning that follows.
 */
describe('行政应诉', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3194), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const fieldOf = (testId: string) => page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId(testId) });
  const errorOf = (testId: string) => fieldOf(testId).locator('.ant-form-item-explain-error');

  /**
   * Dropdowns slide in and out; a click while one moves may miss its option (and land on the dialog
   * behind it). Waits until no dropdown is in motion.
   */
  const dropdownsSettled = () =>
    expect.poll(() => page.locator('.ant-select-dropdown').evaluateAll((els) => els.some((el) => /-(appear|enter|leave)\b/.test(el.className)))).toBe(false);

  /** Waits until the chosen value shows and every dropdown has closed. */
  async function chosen(testId: string, label: string): Promise<void> {
    await fieldOf(testId).filter({ hasText: label }).waitFor();
    await dropdownsSettled();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  }

  async function choose(testId: string, label: string): Promise<void> {
    await page.getByTestId(testId).click();
    const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`);
    await item.waitFor();
    await dropdownsSettled();
    await item.click();
    await chosen(testId, label);
  }
  const row = (text: string) => page.getByTestId('litigation-table').locator('tr.ant-table-row').filter({ hasText: text });

  async function typeDate(testId: string, day: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(day);
    await page.keyboard.press('Enter');
  }

  /** The registration form, filled for a first instance against 县市场监管局 received on 2026-09-16. */
  async function fillRegistration(courtCaseNo: string, plaintiff: string): Promise<void> {
    await page.getByTestId('litigation-register').click();
    await page.getByTestId('litigation-court').fill('岳阳县人民法院');
    await page.getByTestId('litigation-court-case-no').fill(courtCaseNo);
    await typeDate('litigation-complaint-received-on', '2026-09-16');
    await page.getByTestId('litigation-plaintiff-name').fill(plaintiff);
    await page.getByTestId('litigation-defendant').click();
    await page.keyboard.type('市场监督');
    // Enter takes the first match; a click may land while the dropdown still realigns in the scrolled dialog.
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县市场监督管理局' }).waitFor();
    await page.keyboard.press('Enter');
    await chosen('litigation-defendant', '岳阳县市场监督管理局');
    await choose('litigation-act-category', '行政处罚');
    await page.getByTestId('litigation-act-description').fill('岳县市监罚〔2026〕15号行政处罚决定书，罚款五万元');
    await page.getByTestId('litigation-claims').fill('请求撤销该行政处罚决定');
  }

  it('registers a first-instance lawsuit and lists it with its defence due date', async () => {
    await firstSignIn(page, server.base, 'sfj');

    await page.getByTestId('menu-litigation').click();
    await fillRegistration('（2026）湘0621行初7号', '郝建国');
    // Fifteen days from 2026-09-16 end on 1 October, in the National Day holiday (1–7 October 2026):
    // the period ends on the first working day after it.
    await expect(page.getByTestId('litigation-defence-hint').innerText()).resolves.toContain('2026-10-08');
    await page.getByTestId('litigation-head-summoned').click();
    await page.screenshot({ path: `${artifacts}litigation-register.png` });
    await page.getByTestId('litigation-register-submit').click();
    await page.getByTestId('litigation-panel').waitFor();
    await expect(page.getByTestId('litigation-defence-due').innerText()).resolves.toContain('2026-10-08');
    await page.getByTestId('litigation-head-summoned').waitFor();

    // The same 案号 again: the server's refusal shows under the field it concerns.
    await page.getByTestId('menu-litigation').click();
    await fillRegistration('（2026）湘0621行初7号', '郝建军');
    await page.getByTestId('litigation-register-submit').click();
    await expect(errorOf('litigation-court-case-no').innerText()).resolves.toContain('已登记');
    await expect(page.getByTestId('litigation-register-problem').count()).resolves.toBe(0);
    await page.locator('.ant-modal-close:visible').click();

    const registered = row('郝建国诉岳阳县市场监督管理局行政处罚案（一审）');
    await expect(registered.innerText()).resolves.toContain('2026-10-08');
    await registered.getByTestId('mark-overdue').waitFor();
    await expect(registered.getByTestId('litigation-warning-tag').count()).resolves.toBe(0);
    const download = page.waitForEvent('download');
    await page.getByTestId('litigation-export').click();
    expect((await download).suggestedFilename()).toBe('行政应诉案件.xlsx');
  });

  it('records a hearing where only staff appeared, with the excuse and its proof, and warns', async () => {
    // A click on the row (not on the title's link) opens the case too.
    await row('郝建国诉岳阳县市场监督管理局行政处罚案（一审）').locator('td').nth(1).click();
    await page.getByTestId('litigation-panel').waitFor();
    await page.getByTestId('hearing-add').click();
    await typeDate('hearing-held-on', '2026-10-20');
    await page.getByTestId('hearing-appearance').getByText('工作人员（负责人未出庭）').click();
    await page.getByTestId('hearing-appeared-name').fill('刘洋');
    await page.getByTestId('hearing-appeared-title').fill('法规股股长');
    await page.getByTestId('hearing-counsel').fill('湖南某律师事务所 王律师');

    // Without the excuse and the proof the form holds back.
    await page.getByTestId('hearing-submit').click();
    await page.getByText('请选择负责人不能出庭的理由').waitFor();
    await page.getByText('请上传加盖行政机关印章的证明材料（上传完成后再保存）').waitFor();

    await choose('hearing-excuse', '需要履行他人不能代替的公务');
    await page.getByTestId('hearing-excuse-text').fill('局长当日参加全省市场监管工作会议，已提前书面说明');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '负责人不能出庭情况说明.txt', mimeType: 'text/plain', buffer: Buffer.from('负责人不能出庭情况说明（加盖公章）', 'utf8') });
    await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    await page.screenshot({ path: `${artifacts}litigation-hearing.png` });
    await page.getByTestId('hearing-submit').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    const warning = page.getByTestId('litigation-warning');
    await expect(warning.innerText()).resolves.toContain('人民法院已通知负责人出庭，但仅由工作人员出庭');
    await expect(warning.innerText()).resolves.toContain('需要履行他人不能代替的公务');
    const hearings = page.getByTestId('hearings-table');
    await expect(hearings.getByTestId('hearing-appearance-tag').innerText()).resolves.toBe('工作人员（负责人未出庭）');
    await expect(hearings.getByTestId('hearing-proof-link').innerText()).resolves.toContain('负责人不能出庭情况说明.txt');
    await hearings.getByTestId('hearing-warning-tag').waitFor();
    await page.screenshot({ path: `${artifacts}litigation-case.png`, fullPage: true });

    // The list flags the case.
    await page.getByTestId('menu-litigation').click();
    await row('郝建国诉岳阳县市场监督管理局行政处罚案（一审）').getByTestId('litigation-warning-tag').waitFor();
  });
});
