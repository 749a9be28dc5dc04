import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../server/kernel/db/db.ts';
import { organisations } from '../server/kernel/org/org.tables.ts';
import { insertPenaltyCases } from '../server/modules/enforcement-supervision/evaluations.test-helpers.ts';
import { enforcementBodies, enforcementMatters } from '../server/modules/enforcement/enforcement.tables.ts';
import { artifacts, firstSignIn, launchBrowser } from './support.ts';

const PORT = 3209;
/** The year sampled: last year, whose cases are all closed by now. */
const YEAR = new Date().getFullYear() - 1;
const MARKET = '430621-D22';
const ENVIRONMENT = '430621-D11';

/**
 * The demo county plus a few closed 行政处罚 cases of last year for two departments, written into a copy
 * of the demo's data directory before the server opens it (the cases demo may not have made any).
 */
async function startWithCases(): Promise<{ base: string; marketName: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-evaluations-'));
  cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  const database = await connect({ dataDir: join(dataDir, 'pglite') });
  let marketName = '';
  try {
    for (const [code, count] of [
      [MARKET, 3],
      [ENVIRONMENT, 2],
    ] as const) {
      const [org] = await database.db.select().from(organisations).where(eq(organisations.code, code));
      if (code === MARKET) marketName = org!.name;
      const [body] = await database.db.insert(enforcementBodies).values({ regionCode: '430621', orgId: org!.id, name: `${org!.name}（评查测试）`, kind: 'statutory', fields: ['market'], legalBasis: '三定方案' }).returning();
      const [matter] = await database.db.insert(enforcementMatters).values({ regionCode: '430621', code: `E2E-EVAL-${code}`, name: '销售不合格产品', category: 'penalty', field: 'market', orgId: org!.id, legalBasis: '《中华人民共和国产品质量法》' }).returning();
      await insertPenaltyCases(
        database.db,
        '430621',
        { bodyId: body!.id, matterId: matter!.id },
        Array.from({ length: count }, (_, i) => ({ orgId: org!.id, closedOn: `${YEAR}-0${i + 3}-15`, caseNo: `评查测试〔${YEAR}〕${code.slice(-3)}-${i + 1}号` })),
      );
    }
  } finally {
    await database.close();
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      if (i > 1200) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    marketName,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * 案卷评查 as the county clicks it: the 司法局 sets up the default sheet, starts a campaign, draws the
 * sample, scores a 市场监管局 file and sends it back; the department records its rectification; the
 * results page shows the department's score.
 */
describe('案卷评查', () => {
  let server: Awaited<ReturnType<typeof startWithCases>>;
  let browser: Browser;
  let sfj: Page;
  let scj: Page;
  const TITLE = `${YEAR}年度行政处罚案卷评查（测试）`;
  let campaignUrl = '';
  let fileUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWithCases(), launchBrowser()]);
    const context = () => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    sfj = await (await context()).newPage();
    scj = await (await context()).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const shot = async (page: Page, name: string) => page.screenshot({ path: `${artifacts}evaluations-${name}.png`, fullPage: true });

  it('the coordinator creates a campaign on the default sheet and draws the sample', async () => {
    await firstSignIn(sfj, server.base, 'sfj');
    await sfj.goto(`${server.base}/console/evaluations/sheets`);
    await sfj.getByTestId('evaluation-sheet-default').click();
    await sfj.getByText('行政处罚案卷评查评分表（本县可调整）').first().waitFor();

    await sfj.goto(`${server.base}/console/evaluations`);
    await sfj.getByTestId('evaluation-campaign-create').click();
    await sfj.getByTestId('evaluation-campaign-title').fill(TITLE);
    await sfj.getByTestId('evaluation-campaign-year').fill(String(YEAR));
    await sfj.getByTestId('evaluation-campaign-sample').fill('2');
    await sfj.getByTestId('evaluation-campaign-save').click();
    await sfj.waitForURL(/\/evaluations\/campaigns\//);
    campaignUrl = sfj.url();

    await sfj.getByTestId('evaluation-draw').click();
    await sfj.getByTestId('evaluation-draw-confirm').click();
    await sfj.getByText(/种子 [0-9a-f]{16}，抽取 \d+ 件/).waitFor();
    await expect.poll(() => sfj.getByTestId('evaluation-file-link').count()).toBeGreaterThanOrEqual(4);
    await shot(sfj, 'drawn');
  });

  it('scores a 市场监管局 file and sends it back for rectification', async () => {
    await sfj.locator('tr', { hasText: server.marketName }).getByTestId('evaluation-file-link').first().click();
    await sfj.waitForURL(/\/evaluations\/files\//);
    fileUrl = sfj.url();
    await sfj.getByTestId('evaluation-score-C2').fill('4');
    await sfj.getByTestId('evaluation-score-E1').fill('2');
    await expect.poll(() => sfj.getByTestId('evaluation-live-total').textContent()).toBe('94');
    await sfj.getByTestId('evaluation-problems').fill('证据未经当事人签字确认；文书要素不全');
    await sfj.getByTestId('evaluation-score-save').click();
    await expect.poll(() => sfj.getByTestId('evaluation-file-total').textContent()).toBe('94');

    await sfj.getByTestId('evaluation-send-back').click();
    await sfj.getByTestId('evaluation-send-back-confirm').click();
    await expect.poll(() => sfj.getByTestId('evaluation-file-state').textContent()).toBe('退回整改中');
    await shot(sfj, 'sent-back');
  });

  it('the department sees the file among its own and records the rectification', async () => {
    await firstSignIn(scj, server.base, 'scj');
    await scj.goto(`${server.base}/console/evaluations/rectification`);
    const list = scj.getByTestId('evaluation-rectify-list');
    await list.getByTestId('evaluation-file-link').first().waitFor();
    expect(await list.getByTestId('evaluation-file-link').count()).toBe(1);
    await list.getByTestId('evaluation-file-link').first().click();
    await scj.waitForURL(fileUrl);
    await scj.getByTestId('evaluation-rectify-note').fill('已补充当事人签字确认，补全文书要素');
    await scj.getByTestId('evaluation-rectify-save').click();
    await expect.poll(() => scj.getByTestId('evaluation-file-state').textContent()).toBe('已整改');
    await shot(scj, 'rectified');
  });

  it('the results page shows the department’s score', async () => {
    await sfj.goto(campaignUrl);
    await expect.poll(() => sfj.getByTestId(`evaluation-avg-${server.marketName}`).textContent()).toBe('94');
    await sfj.getByTestId('evaluation-chart').locator('canvas').waitFor();
    await shot(sfj, 'results');
  });
});
