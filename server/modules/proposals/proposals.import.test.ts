import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXlsx, XLSX_MIME } from '../../kernel/excel/excel.ts';
import { signIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { at, call, prepareCounty, type Who } from './proposals.test-helpers.ts';
import { H } from './use-cases/import.ts';

type Line = Partial<Record<keyof typeof H, string>>;

const sheet = (lines: Line[]) =>
  toXlsx(
    '建议',
    (Object.keys(H) as (keyof typeof H)[]).map((key) => ({ header: H[key], value: (l: Line) => l[key] ?? '' })),
    lines,
  );

const line = (number: string, extra: Line = {}): Line => ({
  kind: '人大代表建议',
  session: '县第十八届人民代表大会第一次会议',
  year: '2021',
  number,
  title: `关于第${number}号事项的建议`,
  proposers: '王建华',
  content: '建议内容',
  topic: '城乡建设',
  ...extra,
});

describe('建议提案 import: a session’s list, checked first, all or nothing', () => {
  let t: TestApp;
  let office: Who;
  const post = async (url: string, body: Buffer) => t.app.inject({ method: 'POST', url, headers: { ...(await signIn(t, office.userId)).headers, 'content-type': XLSX_MIME }, payload: body });

  beforeAll(async () => {
    t = await createTestApp();
    office = (await prepareCounty(t)).users.office;
    at(t, '2021-03-20');
  });
  afterAll(() => t.close());

  it('answers each bad row’s problems and writes nothing', async () => {
    const res = await post('/api/proposals/import?dryRun=true', await sheet([line('1'), line('1'), line('3', { kind: '市长信箱', year: '21' }), line('4', { title: '' })]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', message: '导入文件有 3 行存在错误，未导入任何数据' });
    expect(res.json().details.rows).toEqual([
      { row: 3, errors: ['与第2行编号重复'] },
      { row: 4, errors: ['类别“市长信箱”无效，应为：人大代表建议、政协委员提案', '年度“21”应为四位数字'] },
      { row: 5, errors: ['标题不能为空'] },
    ]);
    const report = await post('/api/proposals/import/report', await sheet([line('1'), line('1')]));
    expect(report.statusCode).toBe(200);
    expect((await call(t, office, 'GET', '/api/proposals')).json().total).toBe(0);
  });

  it('registers one number once when ten requests race for it; the others are told it is taken', async () => {
    const body = { kind: 'npc', sessionLabel: '县第十八届人民代表大会第二次会议', year: 2022, number: '7', title: '关于第7号事项的建议', proposers: '王建华', content: '建议内容' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(t, office, 'POST', '/api/proposals', body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
  });

  it('checks a clean file without writing, then registers every row; a second import of the same numbers is refused', async () => {
    const file = await sheet([line('1'), line('2'), line('1', { kind: '政协委员提案', session: '政协岳阳县第十一届委员会第一次会议' })]);
    const dry = await post('/api/proposals/import?dryRun=true', file);
    expect(dry.json()).toEqual({ created: 3, dryRun: true });
    expect((await call(t, office, 'GET', '/api/proposals?year=2021')).json().total).toBe(0);
    const done = await post('/api/proposals/import', file);
    expect(done.json()).toEqual({ created: 3, dryRun: false });
    const list = (await call(t, office, 'GET', '/api/proposals?kind=npc&year=2021')).json();
    expect(list.items.map((i: { number: string; state: string }) => [i.number, i.state])).toEqual([
      ['1', 'registered'],
      ['2', 'registered'],
    ]);
    const again = await post('/api/proposals/import', await sheet([line('2')]));
    expect(again.json().details.rows).toEqual([{ row: 2, errors: ['县第十八届人民代表大会第一次会议已登记第2号'] }]);
  });
});
