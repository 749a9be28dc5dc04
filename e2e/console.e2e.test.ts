import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, firstSignIn, launchBrowser, option, pick, type RunningServer, startServer } from './support.ts';


/** The foundation's flow as a person clicks it: first sign-in, an organisation, a user, the audit log. */
describe('console', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3198), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    return context.newPage();
  }

  it('the system administrator changes the first password, creates an organisation and a user', async () => {
    const page = await newPage();
    await firstSignIn(page, server.base, 'admin');
    await expect(page.getByTestId('menu-audit').count()).resolves.toBe(0);

    await page.getByTestId('menu-orgs').click();
    await page.getByTestId('org-tree').getByText('岳阳县司法局', { exact: true }).click();
    await page.getByTestId('org-create-child').click();
    await page.getByTestId('org-name').fill('岳阳县司法局公共法律服务中心');
    await page.getByTestId('org-code').fill('430621-D07-01');
    await pick(page, 'org-type', '其他');
    await page.getByTestId('org-form-ok').click();
    await page.getByTestId('org-tree').getByText('岳阳县司法局公共法律服务中心').waitFor();

    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-org').click();
    await page.keyboard.type('公共法律服务中心');
    // Enter takes the only match: a click may land while the dropdown still slides in.
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县司法局公共法律服务中心' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId('user-org') }).filter({ hasText: '岳阳县司法局公共法律服务中心' }).waitFor();
    await page.getByTestId('user-username').fill('gfzx01');
    await page.getByTestId('user-display-name').fill('孙丽');
    await page.getByTestId('user-password').fill('Init#Pass2026');
    await page.getByTestId('user-form-ok').click();
    await page.getByRole('cell', { name: 'gfzx01' }).waitFor();
    await page.screenshot({ path: `${artifacts}console-users.png` });

    // The Chinese text is rendered with a CJK font, not as tofu boxes: a CJK glyph is wider than a Latin one.
    const widths = await page.evaluate(() => {
      const measure = (text: string) => {
        const span = document.createElement('span');
        span.textContent = text;
        span.style.fontSize = '20px';
        document.body.appendChild(span);
        const width = span.getBoundingClientRect().width;
        span.remove();
        return width;
      };
      return { cjk: measure('法治政府建设'), latin: measure('iiiiii') };
    });
    expect(widths.cjk).toBeGreaterThan(widths.latin * 2);
  });

  it('the audit administrator sees both writes in the audit log, and the chain verifies', async () => {
    const page = await newPage();
    await firstSignIn(page, server.base, 'auditor');
    await page.getByTestId('menu-audit').click();
    await expect(page.getByTestId('menu-orgs').count()).resolves.toBe(1);
    await page.getByText('新建机构', { exact: true }).first().waitFor();
    await page.getByText('新建用户', { exact: true }).first().waitFor();
    const rows = page.locator('tr').filter({ hasText: 'admin' });
    expect(await rows.count()).toBeGreaterThan(1);
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result').innerText()).resolves.toContain('完整');
    await page.screenshot({ path: `${artifacts}console-audit.png` });
  });

  it('the portal is public and fits a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/portal/`);
    await page.getByText('执法公示').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${artifacts}portal-phone.png`, fullPage: true });
  });
});

/**
 * The generic case page carrying a module's step: the form the server describes for the sample
 * procedure's 答复 (web/scripts/case-demo.ts), fields shown only for some answers, the server's refusal
 * on the field it concerns, and the recorded data in the 全过程记录.
 */
describe('case page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3198, ['web/scripts/case-demo.ts']), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const errorOf = (page: Page, field: string) =>
    page.locator('.ant-modal .ant-form-item').filter({ has: page.getByTestId(`action-field-${field}`) }).locator('.ant-form-item-explain-error');

  it('answers a case with the step form, refused first on the field the server names', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${server.base}/console/login`);
    await page.getByTestId('login-username').fill('zhangsan');
    await page.getByTestId('login-password').fill('Fazhi@2026test');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/console/login'));
    await page.goto(`${server.base}/console/todo?pageSize=50`);
    await page.getByTestId('todo-case-link').filter({ hasText: '刘某申请公开某路段征地补偿方案' }).click();
    await page.getByTestId('case-action-answer').click();

    // Required fields are asked for before anything is sent; the conditional ones are not there yet.
    await page.getByTestId('action-submit').click();
    await page.getByText('请选择答复类型').waitFor();
    await expect(page.getByTestId('action-field-withheldGrounds').count()).resolves.toBe(0);
    await expect(page.getByTestId('action-field-agencyId').count()).resolves.toBe(0);

    // 不属于本机关负责公开 asks for the agency; changing the answer hides it and drops the choice.
    await page.getByTestId('action-field-kind').click();
    await option(page, '不属于本机关负责公开').click();
    await page.getByTestId('action-field-agencyId').click();
    await page.keyboard.type('自然资源');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '县自然资源局' }).click();
    await page.getByTestId('action-field-kind').click();
    await option(page, '部分公开').click();
    await expect(page.getByTestId('action-field-agencyId').count()).resolves.toBe(0);
    await page.getByTestId('action-field-withheldGrounds').waitFor();

    await page.getByTestId('action-field-repliedOn').click();
    await page.keyboard.type('2026-11-25');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-field-content').fill('提供征地补偿方案批复文件；被征收户身份信息属于个人隐私，已作区分处理。');
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '答复书.txt', mimeType: 'text/plain', buffer: Buffer.from('政府信息公开申请答复书', 'utf8') });
    await page.locator('.ant-upload-list-item-done').waitFor();

    // 部分公开 without a ground passes the form (the field is optional by itself) but not the server.
    await page.getByTestId('action-submit').click();
    await expect(errorOf(page, 'withheldGrounds').innerText()).resolves.toContain('须说明不予公开的理由');
    await expect(page.getByTestId('action-problem').count()).resolves.toBe(0);
    await page.screenshot({ path: `${artifacts}case-action-refused.png` });

    await page.getByTestId('action-field-withheldGrounds').click();
    await option(page, '涉及个人隐私').click();
    await page.locator('.ant-modal-title').click();
    await errorOf(page, 'withheldGrounds').waitFor({ state: 'detached' });
    await page.getByTestId('action-submit').click();

    await page.getByTestId('case-state').filter({ hasText: '已答复' }).waitFor();
    const last = page.getByTestId('case-event').last();
    await expect(last.getByTestId('case-event-data-kind').innerText()).resolves.toBe('答复类型：部分公开');
    await expect(last.getByTestId('case-event-data-withheldGrounds').innerText()).resolves.toBe('不予公开的理由：涉及个人隐私');
    await expect(last.getByTestId('case-event-data-repliedOn').innerText()).resolves.toBe('答复日期：2026-11-25');
    await expect(last.getByTestId('case-event-data-feeCharged').innerText()).resolves.toBe('收取信息处理费：否');
    await expect(last.getByTestId('case-event-data-agencyId').count()).resolves.toBe(0);
    await expect(last.getByTestId('case-event-file').innerText()).resolves.toContain('答复书.txt');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.screenshot({ path: `${artifacts}case-answered.png`, fullPage: true });

    // A case opened by a 复议 decision links to the case it follows from.
    await page.goto(`${server.base}/console/todo?pageSize=50`);
    await page.getByTestId('todo-case-link').filter({ hasText: '（复议决定责令重新答复）' }).click();
    await page.getByTestId('case-parent').click();
    await page.getByRole('heading', { name: '冯某申请公开某小区建设工程规划许可文件' }).waitFor();
    await expect(page.getByTestId('case-event').last().getByTestId('case-event-data-withheldGrounds').innerText()).resolves.toBe('不予公开的理由：涉及个人隐私、涉及商业秘密');
  });
});
