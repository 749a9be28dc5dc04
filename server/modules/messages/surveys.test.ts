import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { call, on, setUpCounty, type County } from './messages.test-helpers.ts';

const survey = (extra: Record<string, unknown> = {}) => ({
  title: '县城停车难问题网上调查',
  description: '了解群众对县城停车设施的意见',
  opensOn: '2021-06-01',
  closesOn: '2021-06-30',
  questions: [
    { kind: 'single', prompt: '您在县城停车是否困难？', options: ['很困难', '有时困难', '不困难'] },
    { kind: 'multiple', prompt: '您希望优先增加哪些停车设施？', options: ['立体停车库', '路边停车位', '单位开放停车场'] },
    { kind: 'text', prompt: '其他意见建议', required: false },
  ],
  ...extra,
});

describe('网上调查: questions, publication window, answers validated, one ballot per client and day, results in SQL', () => {
  let t: TestApp;
  let c: County;
  let id: string;
  let q: { id: string }[];
  beforeAll(async () => {
    t = await createTestApp();
    c = await setUpCounty(t);
  });
  afterAll(() => t.close());

  const answer = (answers: unknown[], ip = '10.1.1.1') => call(t, null, 'POST', `/api/public/surveys/${id}/responses`, { answers }, ip);
  const full = (single: number, multiple: number[], text?: string) => [
    { questionId: q[0]!.id, options: [single] },
    { questionId: q[1]!.id, options: multiple },
    ...(text ? [{ questionId: q[2]!.id, text }] : []),
  ];
  const version = async () => (await call(t, c.users.coordinator, 'GET', `/api/surveys/${id}`)).json().version as number;
  const stepOf = async (step: string) => call(t, c.users.coordinator, 'POST', `/api/surveys/${id}/${step}`, { version: await version() });

  it('refuses a choice question with one option, a repeated option and a window that ends before it starts', async () => {
    on(t, '2021-05-20');
    const one = await call(t, c.users.coordinator, 'POST', '/api/surveys', survey({ questions: [{ kind: 'single', prompt: '是否满意？', options: ['是'] }] }));
    expect(one.statusCode).toBe(400);
    expect((await call(t, c.users.coordinator, 'POST', '/api/surveys', survey({ questions: [{ kind: 'multiple', prompt: '选择', options: ['甲', '甲'] }] }))).statusCode).toBe(400);
    expect((await call(t, c.users.coordinator, 'POST', '/api/surveys', survey({ closesOn: '2021-05-31' }))).statusCode).toBe(400);
    expect((await call(t, c.users.leader, 'POST', '/api/surveys', survey())).statusCode).toBe(403);
  });

  it('creates a draft, hidden from the portal until published, fixed once published', async () => {
    on(t, '2021-05-20');
    const created = await call(t, c.users.coordinator, 'POST', '/api/surveys', survey());
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    q = created.json().questions;
    expect(created.json()).toMatchObject({ status: 'draft', opensOn: '2021-06-01', closesOn: '2021-06-30', phase: null });
    expect((await call(t, null, 'GET', `/api/public/surveys/${id}`)).statusCode).toBe(404);
    expect((await stepOf('publish')).json()).toMatchObject({ status: 'published', phase: 'upcoming' });
    expect((await call(t, c.users.coordinator, 'PUT', `/api/surveys/${id}`, { ...survey(), version: await version() })).statusCode).toBe(409);
    expect((await call(t, null, 'GET', '/api/public/surveys?region=430621')).json().items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await answer(full(0, [0]))).json().message).toBe('调查尚未开始');
    // The department's staff see only their own organisation's surveys.
    expect((await call(t, c.users.market, 'GET', `/api/surveys/${id}`)).statusCode).toBe(404);
  });

  it('checks answers against the questions', async () => {
    on(t, '2021-06-10');
    const refused = async (answers: unknown[], message: string) => {
      const res = await answer(answers, '10.2.2.2');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toContain(message);
    };
    await refused([{ questionId: q[1]!.id, options: [0] }], '第1题「您在县城停车是否困难？」为必答题');
    await refused(full(0, []), '第2题「您希望优先增加哪些停车设施？」为必答题');
    await refused([{ questionId: q[0]!.id, options: [0, 1] }, { questionId: q[1]!.id, options: [0] }], '单选题');
    await refused(full(3, [0]), '没有所选的选项');
    await refused(full(0, [1, 1]), '选项重复');
    await refused([...full(0, [0]), { questionId: crypto.randomUUID(), options: [0] }], '没有的问题');
    await refused([{ questionId: q[0]!.id, text: '很困难' }, { questionId: q[1]!.id, options: [0] }], '选择题');
  });

  it('takes one ballot per address and day, and counts the results by option in SQL', async () => {
    on(t, '2021-06-10');
    expect((await answer(full(0, [0, 1], '建议在老城区建立体停车库'))).statusCode).toBe(201);
    const again = await answer(full(1, [2]));
    expect(again.statusCode).toBe(429);
    expect((await answer(full(0, [1]), '10.1.1.2')).statusCode).toBe(201);
    expect((await answer(full(2, [2], '  '), '10.1.1.3')).statusCode).toBe(201);
    on(t, '2021-06-11');
    expect((await answer(full(1, [0, 2], '学校周边增加临时停车位'))).statusCode).toBe(201);
    const results = (await call(t, c.users.coordinator, 'GET', `/api/surveys/${id}/results`)).json();
    expect(results.responses).toBe(4);
    expect(results.questions[0]).toMatchObject({ answered: 4, options: [{ label: '很困难', count: 2 }, { label: '有时困难', count: 1 }, { label: '不困难', count: 1 }] });
    expect(results.questions[1]).toMatchObject({ answered: 4, options: [{ count: 2 }, { count: 2 }, { count: 2 }] });
    expect(results.questions[2]).toMatchObject({ answered: 2, textCount: 2, texts: ['学校周边增加临时停车位', '建议在老城区建立体停车库'] });
    const sheet = await call(t, c.users.coordinator, 'GET', `/api/surveys/${id}/results.xlsx`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-12-31' };
    expect((await computeIndicator(t.db, findFigure('messages.surveys') as IndicatorDef, scope)).total).toBe(1);
    expect((await computeIndicator(t.db, findFigure('messages.surveyResponses') as IndicatorDef, scope)).total).toBe(4);
  });

  it('shows results on the portal only after the survey closed and when staff chose so; a withdrawn survey leaves the portal', async () => {
    on(t, '2021-06-20');
    expect((await call(t, null, 'GET', `/api/public/surveys/${id}/results`)).statusCode).toBe(404);
    on(t, '2021-07-01');
    expect((await answer(full(0, [0]), '10.3.3.3')).json().message).toBe('调查已结束');
    expect((await call(t, null, 'GET', '/api/public/surveys?region=430621')).json().items).toEqual([]);
    expect((await stepOf('showResults')).statusCode).toBe(200);
    const shown = await call(t, null, 'GET', `/api/public/surveys/${id}/results`);
    expect(shown.json().questions[0].options[0]).toEqual({ label: '很困难', count: 2 });
    expect((await call(t, null, 'GET', '/api/public/surveys?region=430621')).json().items).toHaveLength(1);
    expect((await stepOf('withdraw')).json()).toMatchObject({ status: 'withdrawn' });
    expect((await call(t, null, 'GET', `/api/public/surveys/${id}/results`)).statusCode).toBe(404);
    expect((await stepOf('publish')).statusCode).toBe(409);
    const stale = await call(t, c.users.coordinator, 'POST', `/api/surveys/${id}/hideResults`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});
