import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { apiTokens } from '../../kernel/auth/auth.tables.ts';
import { newApiToken } from '../../kernel/auth/sessions.ts';
import { onCalendarChanged, type CalendarChange } from '../../kernel/calendar/calendar.events.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { readXlsx, XLSX_MIME } from '../../kernel/excel/excel.ts';
import { actorWith, createOrg, ensureRegion, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('calendar API', () => {
  let t: TestApp;
  let reader: SignedIn;
  let admin: SignedIn;
  const changes: Pick<CalendarChange, 'regionCode' | 'year'>[] = [];
  let unsubscribe: () => void;

  const get = (url: string, headers = reader.headers) => t.app.inject({ method: 'GET', url, headers });
  const put = (year: number, payload: object, headers = admin.headers) => t.app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    await ensureNationalCalendar(t.db);
    await ensureRegion(t.db, '430622', '临近县');
    const orgId = (await createOrg(t.db, { name: '县司法局', regionCode: '430621' })).id;
    reader = await actorWith(t, {}, { orgId });
    admin = await actorWith(t, { 'calendar.manage': 'all' }, { orgId, adminKind: 'system' });
    unsubscribe = onCalendarChanged(({ regionCode, year }) => void changes.push({ regionCode, year }));
  });
  afterAll(async () => {
    unsubscribe();
    await t.close();
  });

  it('answers whether a day is a working day, with the holiday and its notice', async () => {
    const sunday = await get('/api/calendar/working-day?date=2024-02-04');
    expect(sunday.statusCode).toBe(200);
    expect(sunday.json()).toEqual({
      date: '2024-02-04',
      regionCode: '430621',
      weekday: 7,
      workingDay: true,
      kind: 'workday',
      name: '春节',
      source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
      provisional: false,
    });
    expect((await get('/api/calendar/working-day?date=2024-10-12')).json()).toMatchObject({ workingDay: true, kind: 'workday' });
    expect((await get('/api/calendar/working-day?date=2024-10-01')).json()).toMatchObject({ workingDay: false, kind: 'holiday', name: '国庆节' });
    expect((await get('/api/calendar/working-day?date=2024-10-08')).json()).toMatchObject({ workingDay: true, kind: null });
  });

  it('adds working days, calendar days and months', async () => {
    const wd = await get('/api/calendar/add?from=2024-09-27&n=20&unit=workingDays');
    expect(wd.json()).toEqual({ from: '2024-09-27', n: 20, unit: 'workingDays', regionCode: '430621', due: '2024-10-30', provisional: false });
    expect((await get('/api/calendar/add?from=2024-11-30&n=60&unit=days')).json()).toMatchObject({ due: '2025-02-05', provisional: false });
    expect((await get('/api/calendar/add?from=2024-01-31&n=1&unit=months')).json()).toMatchObject({ due: '2024-02-29' });
    expect((await get('/api/calendar/add?from=2025-02-05&n=5&unit=workingDays')).json()).toMatchObject({ due: '2025-02-11' });
  });

  it('computes a statutory period by its code and names the legal basis', async () => {
    const res = await get('/api/calendar/add?from=2024-11-30&period=reconsiderationDecision');
    expect(res.json()).toMatchObject({ n: 60, unit: 'days', due: '2025-02-05', basis: expect.stringContaining('《行政复议法》第六十二条') });
    const periods = (await get('/api/calendar/periods')).json();
    expect(periods).toContainEqual(expect.objectContaining({ code: 'disclosureReply', unit: 'workingDays', n: 20, name: '依申请公开：答复' }));
  });

  it('refuses bad input with Chinese messages (400, never 500)', async () => {
    const cases: [string, RegExp][] = [
      ['/api/calendar/working-day?date=2024-02-30', /日期：应为有效日期/],
      ['/api/calendar/working-day?date=20240204', /日期：应为有效日期/],
      ['/api/calendar/working-day?date=2024-02-04&region=43', /行政区划代码：应为6位/],
      ['/api/calendar/add?from=2024-09-27&n=0&unit=workingDays', /期间长度：应不小于 1/],
      ['/api/calendar/add?from=2024-09-27&n=5000&unit=workingDays', /期间长度：超出范围：最多 1000/],
      ['/api/calendar/add?from=2024-09-27&n=2.5&unit=days', /期间长度：应为整数/],
      ['/api/calendar/add?from=2024-09-27&n=5&unit=weeks', /期间单位：/],
      ['/api/calendar/add?from=2024-09-27', /请给出期间长度/],
      ['/api/calendar/add?from=2024-09-27&period=nonsense', /法定期限：不是已定义的法定期限代码/],
      ['/api/calendar/add?from=1800-01-01&n=1&unit=days', /应在1990年至2100年之间/],
      ['/api/calendar/days?year=abc', /年度：/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
      expect(res.json().message, url).toMatch(message);
    }
  });

  it('answers any signed-in user and API token, and nobody else', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/working-day?date=2024-10-01' })).statusCode).toBe(401);
    const { token, hash, prefix } = newApiToken();
    const serviceUser = (await actorWith(t, {})).userId;
    await t.db.insert(apiTokens).values({ name: '数据交换平台', userId: serviceUser, tokenHash: hash, prefix, createdAt: t.clock.now() });
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/add?from=2024-09-27&n=20&unit=workingDays', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toBe('2024-10-30');
  });

  it('lists the published years with their notices and the days of a year', async () => {
    const years = (await get('/api/calendar/years')).json();
    expect(years.publishedYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(years.items[0]).toMatchObject({ regionCode: '000000', year: 2026, publishedOn: '2025-11-04', version: 1 });
    expect(years.items.find((y: { year: number }) => y.year === 2025)).toMatchObject({ source: expect.stringContaining('国办发明电〔2024〕12号'), dayCount: 33 });

    const days = (await get('/api/calendar/days?year=2024')).json();
    expect(days).toMatchObject({ year: 2024, published: true });
    expect(days.days).toContainEqual(expect.objectContaining({ day: '2024-02-04', kind: 'workday', name: '春节', regionCode: '000000' }));
    expect(days.days.every((d: { day: string }) => d.day.startsWith('2024-'))).toBe(true);

    const xlsx = await get('/api/calendar/days/export.xlsx?year=2024');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_MIME);
    const sheet = await readXlsx(xlsx.rawPayload, ['日期', '星期', '类型', '节日', '依据文件']);
    expect(sheet).toHaveLength(days.days.length);
    expect(sheet.find((r) => r.cells['日期'] === '2024-10-12')?.cells).toMatchObject({ 星期: '星期六', 类型: '调休上班', 节日: '国庆节' });

    // The 2023 notice also fixed 2022-12-31 (元旦).
    const notice = (await get('/api/calendar/years/2023?region=000000')).json();
    expect(notice.days[0]).toMatchObject({ day: '2022-12-31', kind: 'holiday' });
  });

  it('a deadline into 2027 is provisional until the 2027 notice is entered; entering it tells the listeners', async () => {
    const url = '/api/calendar/add?from=2026-12-20&n=20&unit=workingDays&region=000000';
    // Monday–Friday: 2027-01-01 (Friday) counts as a working day while no notice says otherwise.
    expect((await get(url)).json()).toMatchObject({ due: '2027-01-15', provisional: true });
    expect((await get('/api/calendar/days?year=2027')).json()).toMatchObject({ published: false, days: [] });

    // A made-up notice for the test: 元旦 on 2027-01-01, a 调休 Saturday later in the year.
    const notice = {
      region: '000000',
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      publishedOn: '2026-11-05',
      days: [
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
        { day: '2027-02-20', kind: 'workday', name: '春节' },
      ],
    };
    const saved = await put(2027, notice);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ regionCode: '000000', year: 2027, version: 1, dayCount: 2, publishedOn: '2026-11-05' });
    expect(changes).toContainEqual({ regionCode: '000000', year: 2027 });

    expect((await get(url)).json()).toMatchObject({ due: '2027-01-18', provisional: false });
    expect((await get('/api/calendar/working-day?date=2027-02-20')).json()).toMatchObject({ workingDay: true, kind: 'workday' });
    expect((await get('/api/calendar/years')).json().publishedYears).toContain(2027);

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.year')).orderBy(desc(auditLog.seq));
    expect(audit).toMatchObject({ chain: '000000', entityType: 'calendar_year', entityId: '000000/2027', before: null });
    expect((audit!.after as { days: unknown[] }).days).toHaveLength(2);
  });

  it('changes an entered year only on the version it was read at, replacing its days', async () => {
    const base = { region: '000000', source: '国务院办公厅关于2027年部分节假日安排的通知（测试，修订）', days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] };
    expect((await put(2027, base)).json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已录入') });
    expect((await put(2027, { ...base, version: 7 })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const res = await put(2027, { ...base, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, dayCount: 1, publishedOn: null });
    expect((await get('/api/calendar/working-day?date=2027-02-20')).json()).toMatchObject({ workingDay: false, kind: null });
    expect((await put(2028, { ...base, days: [], version: 1 })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('re-entering a notice replaces the December days it fixed, and only those', async () => {
    const notice = (await get('/api/calendar/years/2023?region=000000')).json();
    const days = notice.days.filter((d: { day: string }) => d.day !== '2022-12-31');
    const res = await put(2023, { region: '000000', source: notice.year.source, publishedOn: notice.year.publishedOn, days, version: notice.year.version });
    expect(res.statusCode).toBe(200);
    expect((await get('/api/calendar/working-day?date=2022-12-31&region=000000')).json()).toMatchObject({ kind: null });
    // The 2022 notice's own days are untouched.
    expect((await get('/api/calendar/working-day?date=2022-10-07&region=000000')).json()).toMatchObject({ kind: 'holiday' });
  });

  it('refuses a notice whose days make no sense, saying which', async () => {
    const bad = await put(2029, {
      region: '000000',
      source: '测试通知',
      days: [
        { day: '2029-01-01', kind: 'workday', name: '元旦' },
        { day: '2030-01-05', kind: 'holiday', name: '元旦' },
        { day: '2029-02-03', kind: 'holiday', name: '春节' },
        { day: '2029-02-03', kind: 'holiday', name: '春节' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/2029-01-01 是星期一，本就是工作日/);
    expect(bad.json().message).toMatch(/2030-01-05 不属于2029年度/);
    expect(bad.json().message).toMatch(/2029-02-03 重复录入/);
    // A holiday on a weekend is allowed: it is still a 法定休假日.
    expect((await put(2029, { region: '000000', source: '测试通知', days: [{ day: '2029-02-03', kind: 'holiday', name: '春节' }] })).statusCode).toBe(200);
    const missing = await put(2029, { region: '430699', source: '测试', days: [] });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '行政区划代码 430699 不存在' });
    const invalid = await put(2029, { region: '000000', source: '', days: [{ day: '2029-13-01', kind: 'rest', name: '' }] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/文件名称及文号/);
    expect(invalid.json().message).toMatch(/日期：应为有效日期/);
    expect(invalid.json().message).toMatch(/类型：应为 holiday（放假）或 workday（调休上班）/);
  });

  it('lets only calendar.manage change the calendar', async () => {
    const payload = { region: '430621', source: '测试', days: [] };
    expect((await put(2024, payload, reader.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/calendar/years/2024', payload })).statusCode).toBe(401);
  });

  it('applies a county’s own holidays to that county only', async () => {
    const res = await put(2024, {
      region: '430621',
      source: '县人民政府关于2024年民族节日放假的通知',
      days: [{ day: '2024-11-20', kind: 'holiday', name: '民族节日' }],
    });
    expect(res.statusCode).toBe(200);
    expect(changes).toContainEqual({ regionCode: '430621', year: 2024 });
    expect((await get('/api/calendar/working-day?date=2024-11-20')).json()).toMatchObject({ regionCode: '430621', workingDay: false, name: '民族节日' });
    expect((await get('/api/calendar/working-day?date=2024-11-20&region=430622')).json()).toMatchObject({ workingDay: true });
    expect((await get('/api/calendar/add?from=2024-11-19&n=2&unit=workingDays')).json()).toMatchObject({ due: '2024-11-22' });
    expect((await get('/api/calendar/add?from=2024-11-19&n=2&unit=workingDays&region=430622')).json()).toMatchObject({ due: '2024-11-21' });

    const days = (await get('/api/calendar/days?year=2024')).json().days;
    expect(days).toContainEqual(expect.objectContaining({ day: '2024-11-20', regionCode: '430621' }));
    const years = (await get('/api/calendar/years')).json();
    expect(years.items).toContainEqual(expect.objectContaining({ regionCode: '430621', year: 2024, dayCount: 1 }));
    // A county's own entry does not publish a year: only the State Council notice does.
    expect((await put(2030, { region: '430621', source: '县人民政府通知', days: [{ day: '2030-06-03', kind: 'holiday', name: '民族节日' }] })).statusCode).toBe(200);
    expect((await get('/api/calendar/years')).json().publishedYears).not.toContain(2030);
    expect((await get('/api/calendar/add?from=2030-05-31&n=1&unit=workingDays')).json()).toMatchObject({ due: '2030-06-04', provisional: true });
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of ['/api/calendar/working-day', '/api/calendar/add', '/api/calendar/years', '/api/calendar/days', '/api/calendar/years/{year}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/calendar/add'].get.summary).toMatch(/期限计算/);
  });
});
