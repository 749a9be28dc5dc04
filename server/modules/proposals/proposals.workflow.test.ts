import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFigure, type IndicatorDef } from '../../kernel/indicators/define-indicator.ts';
import { computeIndicator } from '../../kernel/indicators/indicators.repository.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { assign, at, call, detail, npc, prepareCounty, register, step, upload, type Who } from './proposals.test-helpers.ts';

type Todo = { items: { id: string; dueOn: string | null; mark: string | null; caseType: string }[] };
type Clock = { name: string; startedOn: string; dueOn: string; status: string };

describe('建议提案: 交办, 会办, months on the real calendar, extension, return window, 不满意 and the second reply', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof prepareCounty>>['org'];
  let u: Awaited<ReturnType<typeof prepareCounty>>['users'];
  let first: string;
  let opinionCase: string;
  const todo = async (who: Who): Promise<Todo> => (await call(t, who, 'GET', '/api/todo?pageSize=100')).json();
  const clocks = async (who: Who, id: string): Promise<Clock[]> => (await call(t, who, 'GET', `/api/cases/${id}`)).json().clocks;

  beforeAll(async () => {
    t = await createTestApp();
    ({ org, users: u } = await prepareCounty(t));
  });
  afterAll(() => t.close());

  it('registers, refuses a duplicate number, and 交办 on 2021-03-31 gives a reply date three months on (2021-06-30)', async () => {
    at(t, '2021-03-31');
    const d = await register(t, u.office, npc('12'));
    first = d.id;
    expect(d).toMatchObject({ state: 'registered', orgName: '（未交办）', assignedOn: null, canHandle: true });
    const again = await call(t, u.office, 'POST', '/api/proposals', npc('12'));
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已登记人大代表建议第12号');

    const both = await assign(t, u.office, first, { leadOrgId: org.scj, coOrgIds: [org.scj] });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toBe('主办单位不能同时是会办单位');

    const res = await assign(t, u.office, first, { leadOrgId: org.scj, coOrgIds: [org.zrj] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'handling', orgId: org.scj, assignedOn: '2021-03-31', dueOn: '2021-06-30', coNames: '县自然资源局' });
    expect(await clocks(u.office, first)).toEqual([expect.objectContaining({ name: 'reply', startedOn: '2021-03-31', dueOn: '2021-06-30', status: 'running' })]);
    const handlers = res.json().handlers as { orgId: string; role: string; returnDueOn: string; caseId: string | null; dueOn: string | null }[];
    // The return window: ten days from 交办, 2021-04-10 being a Saturday moves it to Monday 2021-04-12.
    expect(handlers.map((h) => [h.orgId, h.role, h.returnDueOn])).toEqual([
      [org.scj, 'lead', '2021-04-12'],
      [org.zrj, 'co', '2021-04-12'],
    ]);
    opinionCase = handlers.find((h) => h.role === 'co')!.caseId!;
    // A month for the co-handler's opinion: 2021-04-30.
    expect(handlers.find((h) => h.role === 'co')!.dueOn).toBe('2021-04-30');
  });

  it('puts the lead unit and the co-handler in their own 待办, and lets each read the proposal (a township unrelated cannot)', async () => {
    expect((await todo(u.scj)).items).toEqual([expect.objectContaining({ id: first, caseType: 'proposal', dueOn: '2021-06-30' })]);
    expect((await todo(u.zrj)).items).toEqual([expect.objectContaining({ id: opinionCase, caseType: 'proposal_opinion', dueOn: '2021-04-30' })]);
    expect((await detail(t, u.zrj, first)).statusCode).toBe(200);
    // The co-handler's list opens its own 会办 case, whose panel shows the proposal.
    expect((await call(t, u.zrj, 'GET', '/api/proposals')).json().items.map((i: { path: string }) => i.path)).toEqual([`/cases/${opinionCase}`]);
    expect((await call(t, u.scj, 'GET', '/api/proposals')).json().items.map((i: { path: string }) => i.path)).toEqual([`/proposals/${first}`]);
    expect((await call(t, u.scj, 'GET', `/api/cases/${first}`)).json().events[1].data).toEqual({ leadOrgId: org.scj, coOrgNames: '县自然资源局', assignedOn: '2021-03-31' });
    expect((await detail(t, u.town, first)).statusCode).toBe(404);
    expect((await call(t, u.town, 'GET', '/api/proposals')).json().total).toBe(0);
    expect((await call(t, u.leader, 'GET', '/api/proposals')).json().total).toBe(1);
  });

  it('refuses the reply while the co-handler has not given its opinion, and the co-handler cannot reply for the lead unit', async () => {
    at(t, '2021-04-20');
    const letter = await upload(t, u.scj, '答复函.txt');
    const early = await step(t, u.scj, first, 'reply', { category: 'solved', text: '已增加快检频次' }, [letter]);
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('会办单位尚未提出会办意见（县自然资源局），不能答复');
    // The co-handler reads the proposal through the module; to the kernel's case steps the lead unit's case is out of its scope.
    const { version } = (await detail(t, u.zrj, first)).json();
    const stranger = await call(t, u.zrj, 'POST', `/api/cases/${first}/actions/reply`, { version, data: { category: 'solved', text: '代为答复' }, fileIds: [letter] });
    expect(stranger.statusCode).toBe(404);

    const opinion = await step(t, u.zrj, opinionCase, 'giveOpinion', { opinion: '同意在农贸市场周边规划快检点用地。' });
    expect(opinion.statusCode, opinion.body).toBe(200);
    const d = (await detail(t, u.scj, first)).json();
    expect(d.handlers.find((h: { role: string }) => h.role === 'co')).toMatchObject({ opinion: '同意在农贸市场周边规划快检点用地。', opinionOn: '2021-04-20', caseState: 'given' });
    expect((await todo(u.zrj)).items).toEqual([]);
  });

  it('extends once, with the office’s approval and a reason, to six months (2021-09-30); a second extension is refused', async () => {
    const byUnit = await step(t, u.scj, first, 'extend', { reason: '涉及规划调整' });
    expect(byUnit.statusCode).toBe(403);
    const res = await step(t, u.office, first, 'extend', { reason: '涉及农贸市场搬迁规划，处理难度大' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dueOn).toBe('2021-09-30');
    const again = await step(t, u.office, first, 'extend', { reason: '再次延长' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('答复期限已延长过一次，不能再次延长');
  });

  it('takes the reply with its signed letter, the office’s check, 不满意 → a second reply within one month → 满意, closed', async () => {
    at(t, '2021-07-02');
    const letter = await upload(t, u.scj, '答复函（签发）.txt');
    const noLetter = await step(t, u.scj, first, 'reply', { category: 'planned', text: '已列入2022年农贸市场改造计划' });
    expect(noLetter.statusCode).toBe(400);
    const replied = await step(t, u.scj, first, 'reply', { category: 'planned', text: '已列入2022年农贸市场改造计划' }, [letter]);
    expect(replied.statusCode, replied.body).toBe(200);
    expect((await step(t, u.office, first, 'approveReply')).statusCode).toBe(200);

    at(t, '2021-07-09');
    const wrongWay = await step(t, u.office, first, 'recordFeedback', { satisfaction: 'unsatisfied' });
    expect(wrongWay.statusCode).toBe(409);
    expect(wrongWay.json().message).toContain('不满意，重新办理');
    const reopened = await step(t, u.office, first, 'reopen', { reasons: '改造时间过晚', feedbackOn: '2021-07-08' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    // One month from 2021-07-08: 2021-08-08 is a Sunday, so Monday 2021-08-09.
    expect(reopened.json()).toMatchObject({ state: 'secondHandling', dueOn: '2021-08-09' });
    expect((await todo(u.scj)).items).toEqual([expect.objectContaining({ id: first, dueOn: '2021-08-09' })]);

    at(t, '2021-08-05');
    const second = await step(t, u.scj, first, 'secondReply', { text: '改造提前至2021年第四季度启动' }, [await upload(t, u.scj, '再次答复函.txt')]);
    expect(second.statusCode, second.body).toBe(200);
    expect((await step(t, u.office, first, 'approveReply')).statusCode).toBe(200);
    const closed = await step(t, u.office, first, 'recordFeedback', { satisfaction: 'satisfied' });
    expect(closed.statusCode, closed.body).toBe(200);
    const d = (await detail(t, u.office, first)).json();
    expect(d).toMatchObject({
      state: 'closed',
      replyCategory: 'planned',
      repliedOn: '2021-07-02',
      replyDueOn: '2021-09-30',
      onTime: true,
      firstSatisfaction: 'unsatisfied',
      feedbackOn: '2021-07-08',
      secondRepliedOn: '2021-08-05',
      secondReplyDueOn: '2021-08-09',
      satisfaction: 'satisfied',
      secondReply: true,
    });
  });

  it('counts the return window across National Day: 交办 2021-09-24 + 10 days ends on 2021-10-08; returned then, refused the day after', async () => {
    at(t, '2021-09-24');
    const d = await register(t, u.office, npc('13', { title: '关于荣家湾镇老旧小区改造的建议' }));
    const res = await assign(t, u.office, d.id, { leadOrgId: org.town, coOrgIds: [org.scj] });
    expect(res.statusCode, res.body).toBe(200);
    // 3 months: 2021-12-24 (a Friday).
    expect(res.json().dueOn).toBe('2021-12-24');
    const co = (res.json().handlers as { role: string; caseId: string; returnDueOn: string }[]).find((h) => h.role === 'co')!;
    expect(co.returnDueOn).toBe('2021-10-08');

    at(t, '2021-10-08');
    const back = await step(t, u.town, d.id, 'returnAssignment', { reason: '老旧小区改造由县住建局负责' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().state).toBe('returned');

    at(t, '2021-10-09');
    const late = await step(t, u.scj, co.caseId, 'returnAssignment', { reason: '不属于本单位职责' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('已超过退回期限（交办之日 2021-09-24 起10日内，至 2021-10-08）');

    // The office reassigns on 2021-10-09 (a 调休 Saturday): three months end on Sunday 2022-01-09 → Monday 2022-01-10.
    const again = await assign(t, u.office, d.id, { leadOrgId: org.zrj, coOrgIds: [] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ state: 'handling', orgId: org.zrj, assignedOn: '2021-10-09', dueOn: '2022-01-10', coNames: null });
    const handlers = again.json().handlers as { orgId: string; role: string; active: boolean; returnedOn: string | null; caseState: string | null }[];
    expect(handlers.map((h) => [h.orgId, h.role, h.active, h.returnedOn, h.caseState])).toEqual(
      expect.arrayContaining([
        [org.zrj, 'lead', true, null, null],
        [org.town, 'lead', false, '2021-10-08', null],
        [org.scj, 'co', false, null, 'withdrawn'],
      ]),
    );
    expect((await detail(t, u.town, d.id)).statusCode).toBe(404);
  });

  it('sums the annual summary by lead unit, and the indicators count the same replies and feedback', async () => {
    const s = (await call(t, u.office, 'GET', '/api/proposals/summary?kind=npc&year=2021')).json();
    expect(s.total).toMatchObject({ total: 2, replied: 1, onTime: 1, planned: 1, satisfied: 1, secondReplies: 1, onTimeRate: 100, satisfactionRate: 100 });
    expect(s.byOrg.map((r: { orgName: string; total: number }) => [r.orgName, r.total])).toEqual([
      ['县市场监督管理局', 1],
      ['县自然资源局', 1],
    ]);
    expect(s.byOrg.reduce((n: number, r: { total: number }) => n + r.total, 0)).toBe(s.total.total);
    const xlsx = await call(t, u.office, 'GET', '/api/proposals/summary.xlsx?kind=npc&year=2021');
    expect(xlsx.statusCode).toBe(200);

    const scope = { regionCode: '430621', period: { from: '2021-01-01', to: '2021-12-31' }, today: '2021-12-31' };
    const figure = async (code: string) => computeIndicator(t.db, findFigure(code) as IndicatorDef, scope);
    expect((await figure('proposals.received')).total).toBe(2);
    expect((await figure('proposals.replied')).total).toBe(1);
    expect((await figure('proposals.feedback')).total).toBe(1);
    expect((await figure('proposals.secondReplies')).total).toBe(1);
  });

  it('lists with filters and exports to Excel', async () => {
    const list = async (q: string) => (await call(t, u.office, 'GET', `/api/proposals?${q}`)).json();
    expect((await list('kind=npc&year=2021')).total).toBe(2);
    expect((await list('satisfaction=satisfied')).items.map((i: { number: string }) => i.number)).toEqual(['12']);
    expect((await list('category=planned')).total).toBe(1);
    expect((await list(`orgId=${org.zrj}`)).total).toBe(2);
    expect((await list('state=handling')).items.map((i: { number: string }) => i.number)).toEqual(['13']);
    at(t, '2022-01-11');
    expect((await list('overdue=true')).items.map((i: { number: string; mark: string }) => [i.number, i.mark])).toEqual([['13', 'overdue']]);
    const xlsx = await call(t, u.office, 'GET', '/api/proposals/export.xlsx?kind=npc');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('takes the county’s own CPPCC period from its settings (2 months: 2021-05-31 → Saturday 2021-07-31 → 2021-08-02), edited by the office only', async () => {
    at(t, '2021-05-31');
    const current = (await call(t, u.office, 'GET', '/api/proposals/settings')).json();
    expect(current).toMatchObject({ returnDays: 10, cppccReplyMonths: 3, cppccMaxMonths: 6, saved: false, defaults: { returnDays: 10, cppccReplyMonths: 3 } });
    const values = { returnDays: 14, secondReplyMonths: 1, coOpinionMonths: 1, cppccReplyMonths: 2, cppccMaxMonths: 4 };
    expect((await call(t, u.scj, 'PUT', '/api/proposals/settings', { ...values, version: current.version })).statusCode).toBe(403);
    const saved = await call(t, u.office, 'PUT', '/api/proposals/settings', { ...values, version: current.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(t, u.office, 'PUT', '/api/proposals/settings', { ...values, version: current.version })).statusCode).toBe(409);

    const d = await register(t, u.office, npc('3', { kind: 'cppcc', sessionLabel: '政协岳阳县第十一届委员会第一次会议', title: '关于发展乡村旅游的提案' }));
    const res = await assign(t, u.office, d.id, { leadOrgId: org.zrj });
    expect(res.json()).toMatchObject({ dueOn: '2021-08-02' });
    // 14 days from 2021-05-31: 2021-06-14 is 端午节, so 2021-06-15.
    expect(res.json().handlers[0].returnDueOn).toBe('2021-06-15');
  });
});
