import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, beijingToday, firstSignIn, launchBrowser, pick, startServer, type RunningServer } from './support.ts';

const TITLE = '岳阳县农贸市场经营秩序管理办法';
const BODY = '第一条 为规范农贸市场经营秩序，保障食用农产品质量安全，制定本办法。\n第二条 本县行政区域内农贸市场的开办、经营和管理，适用本办法。';
/**
 * The console folds long comments (Typography ellipsis, measured in the browser): its rows are found by
 * the comment's opening words, which stay visible however the measuring turns out.
 */
const COMMENT_START = '建议明确早市摊位';
const COMMENT = '建议明确早市摊位的经营时段，避免占道经营影响通行。';

/**
 * A 规范性文件 from draft to the portal on the demo county, each step by the person who takes it: the
 * 县市场监管局 drafts a rule for the 县政府办 and publishes it for comment, a citizen comments from a
 * phone, the drafting unit approves the comment and ends the round, the legal office gives its
 * opinion from its queue, the 司法局 records the 主任办公会议, numbers and publishes it, and the portal
 * then lists it in its library and finds it in its search.
 */
describe('规范性文件：起草、征求意见、审查、公布', () => {
  let server: RunningServer;
  let browser: Browser;
  let drafter: Page;
  let caseUrl = '';
  const today = beijingToday();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(3205), launchBrowser()]);
    drafter = await desk();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function desk(): Promise<Page> {
    return (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  }
  async function phone(): Promise<Page> {
    return (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  }
  const fitsPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  /** A step of the procedure from the case page's 办理 card; a refusal fails the test with its message. */
  async function act(page: Page, action: string, fill: () => Promise<void> = async () => {}) {
    await page.getByTestId(`case-action-${action}`).click();
    await page.locator('.ant-modal').waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    const problem = page.getByTestId('action-problem');
    await Promise.race([page.locator('.ant-modal').waitFor({ state: 'hidden' }), problem.waitFor().then(async () => expect.fail((await problem.textContent()) ?? ''))]).catch(async (error: unknown) => {
      await page.screenshot({ path: `${artifacts}policy-flow-${action}.png` });
      throw error;
    });
  }
  const state = (page: Page) => page.getByTestId('case-state').textContent();
  async function typeToday(page: Page, testId: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
  }

  it('the drafting unit drafts the document and publishes it for comment', async () => {
    await firstSignIn(drafter, server.base, 'scj');
    await drafter.getByTestId('menu-normative').click();
    await drafter.getByTestId('normative-create').click();
    await drafter.getByTestId('normative-title').fill(TITLE);
    await drafter.getByTestId('normative-issuer').click();
    await drafter.keyboard.type('人民政府办公室');
    await drafter.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '岳阳县人民政府办公室' }).waitFor();
    await drafter.keyboard.press('Enter');
    await drafter.getByTestId('normative-explanation').fill('为规范农贸市场经营秩序，县市场监督管理局起草了本办法。');
    await drafter.getByTestId('normative-basis').fill('《食用农产品市场销售质量安全监督管理办法》');
    await drafter.getByTestId('normative-body').fill(BODY);
    await drafter.getByTestId('normative-draft-save').click();
    await drafter.getByTestId('normative-panel').waitFor();
    caseUrl = drafter.url();
    await expect.poll(() => state(drafter)).toBe('起草中');

    // The county's period (30 days) applies when none is given.
    await act(drafter, 'openComment');
    await expect.poll(() => state(drafter)).toBe('公开征求意见');
    await expect.poll(() => drafter.getByTestId('normative-panel').innerText()).toContain('（进行中）');
    await expect.poll(() => drafter.getByTestId('case-action-submitForReview-reason').textContent()).toMatch(/^公开征求意见期至 \d{4}-\d{2}-\d{2} 届满，尚未结束，不能提交合法性审查$/);
  });

  it('a citizen comments on the portal from a phone', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/`);
    await page.locator('.portal-nav').getByText('征求意见', { exact: true }).click();
    await page.getByTestId('portal-consultation-link').filter({ hasText: TITLE }).click();
    await expect(page.getByTestId('consultation-status').innerText()).resolves.toBe('征求意见中');
    await expect(page.getByTestId('consultation-draft').innerText()).resolves.toContain('第一条 为规范农贸市场经营秩序');
    await page.getByTestId('comment-name').fill('欧阳晓峰');
    await page.getByTestId('comment-contact').fill('13907301234');
    await page.getByTestId('comment-content').fill(COMMENT);
    await page.getByTestId('comment-submit').click();
    await expect(page.getByTestId('comment-received').innerText()).resolves.toBe('您的意见已提交，经审核后公开');
    await fitsPhone(page);
    await page.screenshot({ path: `${artifacts}policy-flow-comment.png`, fullPage: true });
  });

  it('the drafting unit approves the comment, ends the round and submits the draft for review', async () => {
    await drafter.getByTestId('menu-consultation').click();
    const pending = drafter.getByTestId('queue-table').locator('tr').filter({ hasText: COMMENT_START });
    await expect(pending.innerText()).resolves.toContain('欧阳晓峰');
    await pending.getByTestId('queue-approve').click();
    await drafter.getByText('没有待审核的意见').waitFor();

    // The round would run 30 days: it is ended early on the round's page, the reason published with it.
    await drafter.getByRole('tab', { name: '征求意见' }).click();
    await drafter.getByTestId('consultation-link').filter({ hasText: TITLE }).click();
    const comment = drafter.getByTestId('comments-table').locator('tr').filter({ hasText: COMMENT_START });
    await expect(comment.getByTestId('comment-moderation').innerText()).resolves.toBe('已公开');
    await comment.getByTestId('comment-adoption').click();
    await drafter.getByTestId('adoption-state').getByText('采纳', { exact: true }).click();
    await drafter.getByTestId('adoption-note').fill('已在第五条明确早市经营时段');
    await drafter.getByTestId('adoption-submit').click();
    await comment.getByText('已在第五条明确早市经营时段').waitFor();
    await drafter.getByTestId('consultation-close').click();
    await drafter.getByTestId('close-reason').fill('县政府要求在农贸市场提质改造启动前出台，经起草单位负责人同意提前结束征求意见');
    await drafter.getByTestId('close-submit').click();
    await expect.poll(() => drafter.getByTestId('consultation-status').innerText()).toBe('已结束');

    await drafter.goto(caseUrl);
    await act(drafter, 'submitForReview');
    await expect.poll(() => state(drafter)).toBe('合法性审查中');
    await expect.poll(() => drafter.getByTestId('normative-panel').innerText()).toContain('已采用展示 1 条');
  });

  it('the legal office gives its opinion from its queue', async () => {
    const page = await desk();
    await firstSignIn(page, server.base, 'fzsh');
    await page.getByTestId('menu-legality').click();
    await page.getByTestId('legality-table').getByText(TITLE).click();
    await page.getByTestId('normative-panel').waitFor();
    await act(page, 'giveLegalityOpinion', async () => {
      await pick(page, 'action-field-conclusion', '合法，同意提交集体讨论');
      await page.getByTestId('action-field-opinion').fill('制定主体适格，程序符合规定，内容未违反上位法。');
      await page.getByTestId('action-field-reviewer').fill('王芳');
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '合法性审核意见书.txt', mimeType: 'text/plain', buffer: Buffer.from('合法性审核意见书（签署件）', 'utf8') });
      await page.locator('.ant-modal .ant-upload-list-item-done').waitFor();
    });
    await expect.poll(() => state(page)).toBe('审查通过，待集体讨论');
  });

  it('the 司法局 records the discussion, numbers and publishes it', async () => {
    const page = await desk();
    await firstSignIn(page, server.base, 'sfj');
    await page.getByTestId('menu-normative').click();
    await page.getByTestId('normative-table').getByTestId('normative-link').filter({ hasText: TITLE }).click();
    await page.getByTestId('normative-panel').waitFor();
    await act(page, 'recordDiscussion', async () => {
      await pick(page, 'action-field-meetingKind', '办公会议（主任办公会议、局务会议）');
      await typeToday(page, 'action-field-meetingOn');
      await pick(page, 'action-field-outcome', '审议通过');
      const seq = page.locator('.ant-modal .ant-input-number input');
      await seq.fill('97');
      await seq.blur();
      await expect.poll(() => page.locator('.ant-modal .ant-form-item-explain-error').allTextContents()).toEqual([]);
    });
    await expect.poll(() => state(page)).toBe('集体讨论通过，待统一登记编号');
    await act(page, 'allocateNumber');
    await expect.poll(() => page.getByTestId('normative-doc-no').textContent()).toMatch(/^岳县政办规〔\d{4}〕\d+号$/);
    await act(page, 'publish', async () => {
      await typeToday(page, 'action-field-publishedOn');
      await typeToday(page, 'action-field-effectiveOn');
    });
    await expect.poll(() => state(page)).toBe('已公布，待备案');
    await expect.poll(() => page.getByTestId('normative-status').textContent()).toContain('现行有效');
    await page.screenshot({ path: `${artifacts}policy-flow-published.png`, fullPage: true });
  });

  it('the portal lists it in the library and finds it with the words marked', async () => {
    const page = await phone();
    await page.goto(`${server.base}/portal/`);
    await page.locator('.portal-nav').getByText('规范性文件', { exact: true }).click();
    await page.getByTestId('portal-documents-search').locator('input').fill('农贸市场');
    await page.getByTestId('portal-documents-search').locator('input').press('Enter');
    const listed = page.getByTestId('portal-documents').locator('tr.ant-table-row').filter({ hasText: TITLE });
    await expect(listed.innerText()).resolves.toMatch(/岳县政办规〔\d{4}〕\d+号/);
    await listed.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.getByTestId('portal-document-status').textContent()).toBe('现行有效');
    await expect(page.getByTestId('portal-document').innerText()).resolves.toContain('第二条 本县行政区域内农贸市场的开办');

    await page.getByTestId('portal-header-search').locator('input').fill('农贸市场 经营秩序');
    await page.getByTestId('portal-header-search').locator('input').press('Enter');
    const hit = page.getByTestId('portal-search-hit').filter({ hasText: TITLE });
    await hit.waitFor();
    expect(await hit.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['农贸市场', '经营', '秩序']));
    await fitsPhone(page);
    await page.screenshot({ path: `${artifacts}policy-flow-search.png`, fullPage: true });
    await hit.locator('a').first().click();
    await page.getByTestId('portal-document').waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(caseUrl).pathname.replace(/^\/console\/normative\//, '/portal/documents/'));
  });
});
