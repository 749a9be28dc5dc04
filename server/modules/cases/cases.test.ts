import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions } from '../../kernel/auth/auth.tables.ts';
import { z } from 'zod';
import { loadActor } from '../../kernel/auth/actor.repository.ts';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { calendarDeadlines } from '../../kernel/workflow/deadlines.ts';
import { defineWorkflow, no, ok } from '../../kernel/workflow/define-workflow.ts';
import { openCase, type WorkflowDeps } from '../../kernel/workflow/transition.ts';
import { caseAssignments } from '../../kernel/workflow/workflow.tables.ts';
import { createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

defineWorkflow({
  caseType: 'cases_route_demo',
  label: '演示申请',
  readPermission: 'demo.read',
  states: { received: { label: '已收件' }, accepted: { label: '已受理' }, closed: { label: '已办结', terminal: true } },
  initial: 'received',
  initialClocks: { review: { unit: 'workingDays', n: 5, basis: '《行政复议法》第三十条' } },
  clockLabels: { review: '受理审查期限', decision: '决定期限' },
  actions: {
    accept: {
      label: '受理',
      from: ['received'],
      to: 'accepted',
      permission: 'demo.handle',
      guard: ({ case: c }) => (c.title.startsWith('缺') ? no('申请材料不全，须先通知补正') : ok),
      clocks: { stop: ['review'], start: { decision: { unit: 'days', n: 60, basis: '《行政复议法》第六十二条' } } },
    },
    close: { label: '办结', from: ['accepted'], to: 'closed', permission: 'demo.handle', reasonRequired: true, clocks: { stop: 'all' } },
    refer: {
      label: '移送',
      from: ['accepted'],
      to: 'accepted',
      permission: 'demo.handle',
      input: z
        .object({
          kind: z.enum(['transfer', 'advice']).meta({ title: '移送方式', optionLabels: { transfer: '移送管辖', advice: '转送意见' } }),
          toOrgId: z.uuid().optional().meta({ title: '接收机关', widget: 'org', showWhen: { field: 'kind', values: ['transfer'] } }),
          referredOn: z.iso.date().meta({ title: '移送日期' }),
          urgent: z.boolean().default(false).meta({ title: '加急' }),
        })
        .refine((v) => v.kind !== 'transfer' || v.toOrgId, { message: '移送管辖须选择接收机关', path: ['toOrgId'] }),
    },
  },
});

describe('待办 list, case detail and transitions over HTTP', () => {
  let t: TestApp;
  let deps: WorkflowDeps;
  let orgId: string;
  let handler: SignedIn;
  let outsider: SignedIn;
  let colleague: SignedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await ensureNationalCalendar(t.db);
    deps = { clock: t.clock, deadlines: calendarDeadlines(t.db) };
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
    const township = await createOrg(t.db, { name: '某镇', type: 'township' });
    const role = await createRole(t.db, { permissions: { 'demo.read': 'own_org', 'demo.handle': 'own_org' } });
    handler = await signIn(t, (await createUser(t.db, { orgId, roleIds: [role.id] })).id);
    outsider = await signIn(t, (await createUser(t.db, { orgId: township.id, roleIds: [role.id] })).id);
    const reader = await createRole(t.db, { permissions: { 'demo.read': 'own_org' } });
    colleague = await signIn(t, (await createUser(t.db, { orgId, roleIds: [reader.id] })).id);
    const actor = (await loadActor(t.db, handler.userId))!;
    const open = async (key: string, title: string, at: string) => {
      t.clock.set(at);
      ids[key] = (await t.db.transaction((tx) => openCase(tx, deps, { caseType: 'cases_route_demo', regionCode: '430621', orgId, title }, { actor, meta: {} }))).id;
    };
    // Review periods of 5 working days: due 2024-09-29 (a 调休 Sunday), 2024-10-12 (a 调休 Saturday) and 2024-10-21.
    await open('late', '王某申请', '2024-09-23T09:00:00+08:00');
    await open('soon', '缺材料的申请', '2024-09-30T09:00:00+08:00');
    await open('later', '李某申请', '2024-10-14T09:00:00+08:00');
    t.clock.set('2024-10-10T10:00:00+08:00');
  });
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });

  it('lists the cases the user can act on, soonest first, with yellow and red marks', async () => {
    const res = await get('/api/todo', handler);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // On 10-10 (Thu): 09-29 has passed (red); 10-12 is within 3 working days (10-11, 10-12 调休, 10-14): yellow.
    expect(body.items.map((i: { id: string; mark: string | null; dueOn: string }) => [i.id, i.dueOn, i.mark])).toEqual([
      [ids.late, '2024-09-29', 'overdue'],
      [ids.soon, '2024-10-12', 'dueSoon'],
      [ids.later, '2024-10-21', null],
    ]);
    expect(body.items[0]).toMatchObject({ caseTypeLabel: '演示申请', stateLabel: '已收件', orgName: '县司法局' });
    const overdue = (await get('/api/todo?mark=overdue', handler)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([ids.late]);
  });

  it('shows a case with its clocks, its history and the actions on offer, disabled ones with the reason', async () => {
    const res = await get(`/api/cases/${ids.soon}`, handler);
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.clocks).toEqual([expect.objectContaining({ name: 'review', label: '受理审查期限', dueOn: '2024-10-12', mark: 'dueSoon', basis: '《行政复议法》第三十条' })]);
    expect(detail.events).toEqual([expect.objectContaining({ seq: 1, action: 'open', actionLabel: '立案/收件', toState: 'received', toStateLabel: '已收件', fromStateLabel: null, files: [] })]);
    expect(detail.actions).toEqual([{ action: 'accept', label: '受理', enabled: false, reason: '申请材料不全，须先通知补正', reasonRequired: false, minFiles: 0, fields: [] }]);
  });

  it('moves a case on with the version it showed, and refuses a stale one', async () => {
    const before = (await get(`/api/cases/${ids.later}`, handler)).json();
    const post = (action: string, body: object) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${ids.later}/actions/${action}`, headers: handler.headers, payload: body });
    const accepted = await post('accept', { version: before.version });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', stateLabel: '已受理', version: before.version + 1 });
    expect((await post('close', { version: before.version, reason: '已办结' })).json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const noReason = await post('close', { version: before.version + 1 });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...handler.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('撤回申请书.txt') },
      payload: Buffer.from('本人申请撤回行政复议申请。', 'utf8'),
    });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id as string;
    const closed = await post('close', { version: before.version + 1, reason: '申请人撤回申请', fileIds: [fileId] });
    expect(closed.json()).toMatchObject({ state: 'closed', terminal: true, dueOn: null });
    expect(closed.json().events.at(-1)).toMatchObject({ fromStateLabel: '已受理', toStateLabel: '已办结', files: [{ id: fileId, name: '撤回申请书.txt' }] });
    // A colleague who may read the case may read its attachments; someone outside it may not.
    expect((await get(`/api/files/${fileId}/content`, colleague)).statusCode).toBe(200);
    expect((await get(`/api/files/${fileId}/content`, outsider)).statusCode).toBe(404);
    expect((await get('/api/todo', handler)).json().items.map((i: { id: string }) => i.id)).not.toContain(ids.later);
  });

  it("offers a step's form, places a refusal on its field, and shows the recorded data labelled", async () => {
    const actor = (await loadActor(t.db, handler.userId))!;
    const parent = await t.db.transaction((tx) => openCase(tx, deps, { caseType: 'cases_route_demo', regionCode: '430621', orgId, title: '钱某申请', caseNo: '岳县复〔2024〕3号' }, { actor, meta: {} }));
    const child = await t.db.transaction((tx) =>
      openCase(tx, deps, { caseType: 'cases_route_demo', regionCode: '430621', orgId, title: '钱某申请（移送）', parentId: parent.id }, { actor, meta: {} }),
    );
    const url = `/api/cases/${child.id}`;
    const act = (action: string, body: object) => t.app.inject({ method: 'POST', url: `${url}/actions/${action}`, headers: handler.headers, payload: body });
    expect((await act('accept', { version: 1 })).statusCode).toBe(200);
    const detail = (await get(url, handler)).json();
    expect(detail).toMatchObject({ parentId: parent.id, parent: { id: parent.id, caseNo: '岳县复〔2024〕3号', title: '钱某申请', caseTypeLabel: '演示申请' } });
    expect(detail.actions.find((a: { action: string }) => a.action === 'refer').fields).toEqual([
      { name: 'kind', label: '移送方式', type: 'select', required: true, options: [{ value: 'transfer', label: '移送管辖' }, { value: 'advice', label: '转送意见' }] },
      { name: 'toOrgId', label: '接收机关', type: 'org', required: false, showWhen: { field: 'kind', values: ['transfer'] } },
      { name: 'referredOn', label: '移送日期', type: 'date', required: true },
      { name: 'urgent', label: '加急', type: 'boolean', required: false },
    ]);

    // The form's cross-field rule is the server's: the refusal names the field it belongs to.
    const refused = await act('refer', { version: detail.version, data: { kind: 'transfer', referredOn: '2024-10-10' } });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(refused.json().details).toEqual([expect.objectContaining({ path: ['toOrgId'], message: '移送管辖须选择接收机关' })]);

    const township = await createOrg(t.db, { name: '某乡人民政府', type: 'township' });
    const referred = await act('refer', { version: detail.version, data: { kind: 'transfer', toOrgId: township.id, referredOn: '2024-10-10', urgent: true } });
    expect(referred.statusCode).toBe(200);
    expect(referred.json().events.at(-1).dataFields).toEqual([
      { name: 'kind', label: '移送方式', value: '移送管辖' },
      { name: 'toOrgId', label: '接收机关', value: '某乡人民政府' },
      { name: 'referredOn', label: '移送日期', value: '2024-10-10' },
      { name: 'urgent', label: '加急', value: '是' },
    ]);
    // A step without a form records no data; the parent of a case the reader cannot see is not named.
    expect(referred.json().events[0].dataFields).toEqual([]);
    const reader = await createRole(t.db, { permissions: { 'demo.read': 'own_org' } });
    const elsewhere = await signIn(t, (await createUser(t.db, { orgId: township.id, roleIds: [reader.id] })).id);
    await t.db.insert(caseAssignments).values({ caseId: child.id, userId: elsewhere.userId, role: 'handler', regionCode: '430621', assignedAt: t.clock.now() });
    expect((await get(url, elsewhere)).json()).toMatchObject({ parentId: parent.id, parent: null });
  });

  it('takes a changed role at the next request, and counts a page past the end', async () => {
    const role = await createRole(t.db, { permissions: { 'demo.read': 'own_org', 'demo.handle': 'own_org' } });
    const township = await createOrg(t.db, { name: '另一镇', type: 'township' });
    const clerk = await signIn(t, (await createUser(t.db, { orgId: township.id, roleIds: [role.id] })).id);
    expect((await get('/api/todo', clerk)).json().total).toBe(0);
    await t.db.update(rolePermissions).set({ scope: 'region' }).where(eq(rolePermissions.roleId, role.id));
    const widened = (await get('/api/todo?pageSize=1', clerk)).json();
    const expected = (await get('/api/todo', handler)).json().total;
    expect(widened.total).toBe(expected);
    expect(widened.items).toHaveLength(1);
    // Past the last page: no rows, and still the total.
    expect((await get(`/api/todo?pageSize=1&page=${expected + 5}`, clerk)).json()).toMatchObject({ items: [], total: expected });
    await t.db.update(rolePermissions).set({ scope: 'own_org' }).where(eq(rolePermissions.roleId, role.id));
    expect((await get('/api/todo', clerk)).json().total).toBe(0);
  });

  it('hides cases outside the data scope, until the user is assigned', async () => {
    expect((await get('/api/todo', outsider)).json().total).toBe(0);
    expect((await get(`/api/cases/${ids.late}`, outsider)).statusCode).toBe(404);
    await t.db.insert(caseAssignments).values({ caseId: ids.late!, userId: outsider.userId, role: 'handler', regionCode: '430621', assignedAt: t.clock.now() });
    expect((await get('/api/todo', outsider)).json().items.map((i: { id: string }) => i.id)).toEqual([ids.late]);
    expect((await get(`/api/cases/${ids.late}`, outsider)).statusCode).toBe(200);
  });

  it('lists the case types with their states', async () => {
    const types = (await get('/api/case-types', handler)).json();
    expect(types).toContainEqual({
      caseType: 'cases_route_demo',
      label: '演示申请',
      states: [
        { state: 'received', label: '已收件', terminal: false },
        { state: 'accepted', label: '已受理', terminal: false },
        { state: 'closed', label: '已办结', terminal: true },
      ],
    });
  });
});
