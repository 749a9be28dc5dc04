import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { zipEntry } from '../../kernel/files/zip-entries.ts';
import { caseClocks } from '../../kernel/workflow/workflow.tables.ts';
import { createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { disclosureAnnualReports } from './disclosure-report.tables.ts';
import { call, insertNormative, insertRequest, prepareRoles, userWithRole, type Who } from './disclosure-report.test-helpers.ts';

/**
 * A report's life through the API: drafted with its deadline in the 待办 list (31 January, a Spring
 * Festival holiday in 2022, kept as the statute states it), narrative versions, entered figures, the
 * checks refusing publication, publication freezing the figures, the .docx and the portal.
 */

let t: TestApp;
let bureau: { id: string; name: string };
let gov: { id: string; name: string };
let staff: Who;
let other: Who;
let coordinator: Who;

beforeAll(async () => {
  t = await createTestApp();
  await prepareRoles(t);
  t.clock.set('2022-01-10T10:00:00+08:00');
  gov = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  bureau = await createOrg(t.db, { name: '岳阳县自然资源局', parentId: gov.id });
  const sfj = await createOrg(t.db, { name: '岳阳县司法局', parentId: gov.id });
  staff = await userWithRole(t, bureau.id, 'dept_staff');
  other = await userWithRole(t, sfj.id, 'dept_staff');
  coordinator = await userWithRole(t, sfj.id, 'coordinator');
  await insertRequest(t.db, { orgId: bureau.id, kind: 'person', receivedOn: '2021-03-01', repliedOn: '2021-03-22', outcome: 'disclose' });
  await insertRequest(t.db, { orgId: bureau.id, kind: 'company', receivedOn: '2021-12-27' });
  await insertNormative(t.db, { issuerOrgId: bureau.id, publishedOn: '2021-04-01' });
});
afterAll(() => t?.close());

const json = <T = Record<string, unknown>>(res: { json: () => unknown }) => res.json() as T;

describe('年度报告', () => {
  let reportId: string;

  it('drafts a department’s report due on 31 January exactly, in the 待办 list, red once overdue', async () => {
    const created = await call(t, staff, 'POST', '/api/disclosure-reports', { orgId: bureau.id, year: 2021, scope: 'organisation' });
    expect(created.statusCode, created.body).toBe(201);
    const report = json<{ id: string; dueOn: string; caseId: string; status: string; mark: string | null; checks: { ok: boolean }[] }>(created);
    reportId = report.id;
    expect(report).toMatchObject({ dueOn: '2022-01-31', status: 'draft', mark: null });
    const [clock] = await t.db.select().from(caseClocks).where(eq(caseClocks.caseId, report.caseId));
    expect(clock).toMatchObject({ name: 'due', dueOn: '2022-01-31', status: 'running' });

    const todo = json<{ items: { id: string }[] }>(await call(t, staff, 'GET', '/api/todo'));
    expect(todo.items.map((i) => i.id)).toContain(report.caseId);
    // The 待办 entry leads back to its report.
    const byCase = json<{ items: { id: string }[] }>(await call(t, staff, 'GET', `/api/disclosure-reports?caseId=${report.caseId}`));
    expect(byCase.items.map((i) => i.id)).toEqual([report.id]);

    const again = await call(t, staff, 'POST', '/api/disclosure-reports', { orgId: bureau.id, year: 2021, scope: 'organisation' });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ code: 'DUPLICATE' });
    const foreign = await call(t, other, 'POST', '/api/disclosure-reports', { orgId: bureau.id, year: 2020, scope: 'organisation' });
    expect(foreign.statusCode).toBe(403);
    const wrongScope = await call(t, coordinator, 'POST', '/api/disclosure-reports', { orgId: bureau.id, year: 2020, scope: 'government' });
    expect(json(wrongScope)).toMatchObject({ code: 'VALIDATION_FAILED', message: '本级政府汇总报告须以人民政府为报告机关' });

    t.clock.set('2022-02-08T10:00:00+08:00');
    const overdue = json<{ items: { id: string; mark: string }[] }>(await call(t, staff, 'GET', '/api/disclosure-reports?mark=overdue'));
    expect(overdue.items).toEqual([expect.objectContaining({ id: reportId, mark: 'overdue' })]);
    expect(json<{ items: unknown[] }>(await call(t, other, 'GET', '/api/disclosure-reports')).items).toEqual([]);
  });

  it('opens the year for every department and the government (31 March), once', async () => {
    const opened = json<{ opened: number; existing: number }>(await call(t, coordinator, 'POST', '/api/disclosure-reports/open-year', { year: 2021 }));
    expect(opened).toEqual({ opened: 2, existing: 1 });
    const list = json<{ items: { orgName: string; dueOn: string; scope: string }[] }>(await call(t, coordinator, 'GET', '/api/disclosure-reports?year=2021&sort=orgName'));
    expect(list.items.find((r) => r.scope === 'government')).toMatchObject({ orgName: gov.name, dueOn: '2022-03-31' });
    expect(json(await call(t, coordinator, 'POST', '/api/disclosure-reports/open-year', { year: 2021 }))).toEqual({ opened: 0, existing: 3 });
    expect((await call(t, staff, 'POST', '/api/disclosure-reports/open-year', { year: 2021 })).statusCode).toBe(403);
    const sheet = await call(t, coordinator, 'GET', '/api/disclosure-reports/export.xlsx?year=2021');
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });

  it('keeps every save of a section as a version and restores an old one as the newest', async () => {
    const url = `/api/disclosure-reports/${reportId}/sections/overview`;
    const first = await call(t, staff, 'PUT', url, { body: '2021年，本局认真贯彻落实《政府信息公开条例》。', baseVersion: 0 });
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(t, staff, 'PUT', url, { body: '第二稿', baseVersion: 1 });
    expect(json<{ sections: { section: string; version: number; body: string }[] }>(second).sections[0]).toMatchObject({ section: 'overview', version: 2, body: '第二稿' });
    const stale = await call(t, staff, 'PUT', url, { body: '旧稿上的修改', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'VERSION_CONFLICT', message: '“一、总体情况”已被他人修改，请刷新后重试' });
    const history = json<{ version: number; body: string }[]>(await call(t, staff, 'GET', `${url}/versions`));
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    const restored = json<{ sections: { version: number; body: string }[] }>(await call(t, staff, 'POST', `${url}/restore`, { version: 1, baseVersion: 2 }));
    expect(restored.sections[0]).toMatchObject({ version: 3, body: '2021年，本局认真贯彻落实《政府信息公开条例》。' });
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, reportId));
    expect(audits.filter((a) => a.action.startsWith('disclosureReport.section')).length).toBe(3);
  });

  it('takes entered figures with a note, versioned', async () => {
    const entry = { orgId: bureau.id, year: 2021, item: 'licences.decisions', value: 86, note: '政务服务一体化平台导出' };
    const first = await call(t, staff, 'PUT', '/api/disclosure-reports/figure-entries', entry);
    expect(first.statusCode, first.body).toBe(200);
    expect(json<unknown[]>(first)).toEqual([expect.objectContaining({ item: 'licences.decisions', value: 86, version: 1, itemLabel: '行政许可：本年处理决定数量' })]);
    expect((await call(t, staff, 'PUT', '/api/disclosure-reports/figure-entries', { ...entry, value: 87 })).statusCode).toBe(409);
    expect((await call(t, staff, 'PUT', '/api/disclosure-reports/figure-entries', { ...entry, value: 1.5 })).statusCode).toBe(400);
    await call(t, staff, 'PUT', '/api/disclosure-reports/figure-entries', { ...entry, value: 88, version: 1 });
    const view = json<{ figures: { tableTwo: { licences: { decisions: number } } } }>(await call(t, staff, 'GET', `/api/disclosure-reports/${reportId}`));
    expect(view.figures.tableTwo.licences.decisions).toBe(88);
  });

  it('refuses publication while a check fails against last year’s published report', async () => {
    // Last year's report, published with 5 documents in force: 5 + 1 issued ≠ the 1 in force now.
    const [previous] = await t.db
      .insert(disclosureAnnualReports)
      .values({
        regionCode: '430621',
        orgId: bureau.id,
        year: 2020,
        scope: 'organisation',
        status: 'published',
        dueOn: '2021-01-31',
        publishedOn: '2021-01-29',
        figures: { figures: { tableTwo: { regulations: { inForce: 0 }, normativeDocuments: { inForce: 5 } }, tableThree: { carriedNext: [0, 0, 0, 0, 0, 0, 0] } } },
      })
      .returning();
    const view = json<{ version: number; checks: { code: string; ok: boolean }[] }>(await call(t, staff, 'GET', `/api/disclosure-reports/${reportId}`));
    expect(view.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['inForce']);
    const refused = await call(t, staff, 'POST', `/api/disclosure-reports/${reportId}/publish`, { version: view.version });
    expect(refused.statusCode).toBe(409);
    expect(json<{ message: string }>(refused).message).toContain('年度报告未通过一致性校验，不能发布');
    await t.db.update(disclosureAnnualReports).set({ figures: { figures: { tableTwo: { regulations: { inForce: 0 }, normativeDocuments: { inForce: 0 } }, tableThree: { carriedNext: [0, 0, 0, 0, 0, 0, 0] } } } }).where(eq(disclosureAnnualReports.id, previous!.id));
  });

  it('publishes: freezes the figures, closes the deadline case, shows on the portal with its .docx', async () => {
    const view = json<{ version: number; caseId: string }>(await call(t, staff, 'GET', `/api/disclosure-reports/${reportId}`));
    const published = await call(t, staff, 'POST', `/api/disclosure-reports/${reportId}/publish`, { version: view.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(json(published)).toMatchObject({ status: 'published', publishedOn: '2022-02-08', mark: null });
    const [clock] = await t.db.select().from(caseClocks).where(eq(caseClocks.caseId, view.caseId));
    expect(clock!.status).toBe('stopped');

    // A record entered afterwards does not change the published report.
    await insertRequest(t.db, { orgId: bureau.id, kind: 'person', receivedOn: '2021-06-01', repliedOn: '2021-06-02', outcome: 'disclose' });
    const frozen = json<{ figures: { tableThree: Record<string, number[]> } }>(await call(t, staff, 'GET', `/api/disclosure-reports/${reportId}`));
    expect(frozen.figures.tableThree.new).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect((await call(t, staff, 'PUT', `/api/disclosure-reports/${reportId}/sections/problems`, { body: '晚了', baseVersion: 0 })).statusCode).toBe(409);

    const docx = await call(t, staff, 'GET', `/api/disclosure-reports/${reportId}/report.docx`);
    const xml = zipEntry(docx.rawPayload, 'word/document.xml', 10_000_000)!.toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('岳阳县自然资源局2021年政府信息公开工作年度报告');
    expect(text).toContain('一、总体情况2021年，本局认真贯彻落实《政府信息公开条例》。');
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    expect(text).toContain('一、本年新收政府信息公开申请数量1100002');
    expect(text).toContain('四、结转下年度继续办理0100001');
    expect(text).toContain('行政许可88');
    expect(text).toContain('2022年2月8日');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:gridSpan w:val="5"');

    const list = json<{ items: { id: string; orgName: string }[] }>(await t.app.inject({ method: 'GET', url: '/api/public/disclosure-reports?year=2021' }));
    expect(list.items).toEqual([expect.objectContaining({ id: reportId, orgName: bureau.name })]);
    const html = json<{ html: string }>(await t.app.inject({ method: 'GET', url: `/api/public/disclosure-reports/${reportId}` }));
    expect(html.html).toContain('<td>2</td>');
    expect(html.html).not.toContain('草稿');
    const publicDocx = await t.app.inject({ method: 'GET', url: `/api/public/disclosure-reports/${reportId}/report.docx` });
    expect(publicDocx.statusCode).toBe(200);
  });

  it('keeps drafts off the portal', async () => {
    const drafts = json<{ items: { id: string; status: string }[] }>(await call(t, coordinator, 'GET', '/api/disclosure-reports?status=draft'));
    const draft = drafts.items[0]!;
    expect((await t.app.inject({ method: 'GET', url: `/api/public/disclosure-reports/${draft.id}` })).statusCode).toBe(404);
    const preview = await call(t, coordinator, 'GET', `/api/disclosure-reports/${draft.id}/preview.html`);
    expect(preview.body).toContain('（草稿，未发布）');
  });
});
