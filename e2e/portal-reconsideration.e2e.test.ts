import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../server/demo/replay.ts';
import { artifacts, firstSignIn, launchBrowser, option, pick, type RunningServer, startServer } from './support.ts';

/** GB 11643 check digit: 43062119900307281 → 5. */
const ID_NUMBER = '430621199003072815';
const APPLICANT = '欧阳晓峰';

/**
 * A citizen's 行政复议 from the phone to the decision: files online, is asked to correct, corrects,
 * follows the case by its tracking code until the outcome; the 复议机构 works it in the console, and
 * the statistics page counts it in the right cells.
 */
describe('行政复议 from the portal to the decision', () => {
  let server: RunningServer;
  let browser: Browser;
  let trackingCode = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3196), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  const desk = async () => (await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  async function track(page: Page): Promise<void> {
    await page.goto(`${server.base}/portal/track?code=${trackingCode}`);
    await page.getByTestId('track-verify').fill(ID_NUMBER.slice(-6));
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
  }

  /** Takes a step on the open case page: its fields, then 理由 and a document when asked. */
  async function act(page: Page, action: string, fill: (page: Page) => Promise<void> = async () => undefined, document?: string): Promise<void> {
    await page.getByTestId(`case-action-${action}`).click();
    await page.getByTestId('action-submit').waitFor();
    await fill(page);
    if (document) {
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: `${document}.pdf`, mimeType: 'application/pdf', buffer: demoPdf(document) });
      await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    }
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-submit').waitFor({ state: 'hidden' });
  }

  it('a citizen applies on the phone and gets a tracking code', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/`);
    await page.getByTestId('portal-reconsideration-apply').click();
    await page.getByTestId('apply-name').fill(APPLICANT);
    await page.getByTestId('apply-id').fill(ID_NUMBER);
    await page.getByTestId('apply-phone').fill('13907301234');
    await page.getByTestId('apply-address').fill('岳阳县荣家湾镇建设路8号');
    await page.getByTestId('apply-respondent').click();
    await page.keyboard.type('市场监督');
    await option(page, '岳阳县市场监督管理局').waitFor();
    await page.keyboard.press('Enter');
    await pick(page, 'apply-category', '行政处罚');
    await page.getByTestId('apply-act').fill('岳县市监处罚〔2026〕88号行政处罚决定书');
    await page.getByTestId('apply-requests').fill('请求撤销该行政处罚决定');
    await page.getByTestId('apply-promise').check();
    await page.getByTestId('apply-submit').click();
    trackingCode = (await page.getByTestId('portal-tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    // Nothing on the phone page runs off its right edge.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${artifacts}portal-reconsideration-filed.png`, fullPage: true });

    await track(page);
    await expect(page.getByTestId('track-state').innerText()).resolves.toBe('受理审查');
    await page.getByTestId('track-verify').fill('000000');
    await page.getByTestId('track-submit').click();
    await expect(page.getByTestId('track-problem').innerText()).resolves.toContain('未找到该申请');
  });

  it('the 复议机构 asks for a correction; the citizen corrects online', async () => {
    const staff = await desk();
    await firstSignIn(staff, server.base, 'fuyi');
    await staff.getByTestId('menu-todo').click();
    await staff.getByTestId('todo-case-link').filter({ hasText: APPLICANT }).click();
    await act(staff, 'requestCorrection', (p) => p.getByTestId('action-field-items').fill('请补充提供行政处罚决定书复印件和送达回证。'));
    await staff.getByText('待补正', { exact: true }).first().waitFor();

    const citizen = await phone();
    await track(citizen);
    await expect(citizen.getByTestId('correction-items').innerText()).resolves.toContain('送达回证');
    await citizen.getByTestId('correction-content').fill('已上传行政处罚决定书复印件，送达回证载明2026年送达。');
    await citizen.getByTestId('correction-submit').click();
    await citizen.getByTestId('track-state').filter({ hasText: '受理审查' }).waitFor();
    await citizen.screenshot({ path: `${artifacts}portal-reconsideration-corrected.png`, fullPage: true });

    // Back in the console, the case has its review period again and is accepted, heard and decided.
    await staff.reload();
    await act(staff, 'accept', (p) => pick(p, 'action-field-procedure', '普通程序'));
    await staff.getByTestId('case-no').filter({ hasText: '行复〔' }).waitFor();
    await act(staff, 'sendCopy');
    // Deciding before the respondent answered is refused, and the button says why.
    await expect(staff.getByTestId('case-action-decide-reason').innerText()).resolves.toContain('被申请人答复期限');
    await act(staff, 'receiveAnswer');
    await act(
      staff,
      'decide',
      async (p) => {
        await pick(p, 'action-field-outcome', '撤销');
        await p.getByTestId('action-field-decisionNo').fill('岳府复决〔2026〕99号');
        await p.getByTestId('action-reason').fill('被申请人作出处罚决定前未告知陈述、申辩权利，程序违法。');
      },
      '行政复议决定书',
    );
    await staff.getByText('已作出复议决定', { exact: true }).first().waitFor();
    await staff.screenshot({ path: `${artifacts}console-reconsideration-decided.png`, fullPage: true });
  });

  it('the citizen sees the outcome by the tracking code', async () => {
    const citizen = await phone();
    await track(citizen);
    await expect(citizen.getByTestId('track-outcome').innerText()).resolves.toBe('撤销');
    await expect(citizen.getByTestId('track-result').innerText()).resolves.toContain('岳府复决〔2026〕99号');
  });

  it('the statistics page counts it as received online and concluded by 撤销', async () => {
    const page = await desk();
    await firstSignIn(page, server.base, 'sfj');
    await page.getByTestId('menu-statistics').click();
    const row = (code: string) => page.locator('tr', { has: page.getByTestId(`figure-${code}`) });
    /** Opens a figure's records and waits until the drawer shows that figure's rows with the applicant's case. */
    const showsCase = async (open: () => Promise<void>, title: string) => {
      await open();
      const drawer = page.locator('.ant-drawer', { hasText: title });
      await drawer.getByTestId('statistics-records').locator('tbody tr', { hasText: APPLICANT }).waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    };
    await row('reconsideration.received').waitFor();
    await showsCase(() => row('reconsideration.received').locator('span', { hasText: /^网上申请：/ }).locator('a').first().click(), '行政复议收案数（网上申请） · 明细');
    await showsCase(() => row('reconsideration.concluded').locator('span', { hasText: /^撤销 · / }).locator('a').first().click(), '行政复议结案数（撤销 · ');
    await page.screenshot({ path: `${artifacts}statistics-reconsideration.png`, fullPage: true });
  });
});
