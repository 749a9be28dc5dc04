/**
 * A throwaway server with cases of a sample procedure in it, for looking at the console's 待办 and
 * generic case page (its step forms: 答复 asks for a select, a multiple choice and an organisation
 * shown only for some answers, a date, a text, a switch and a number) without a module's own pages.
 * Usage: PORT=3120 FAZHI_DATA_DIR=/tmp/casecheck npx tsx web/scripts/case-demo.ts
 * Accounts (password Fazhi@2026test): zhangsan (handles cases), lisi (same role), wangwu (no cases).
 * The browser tests (e2e/console.e2e.test.ts) start it too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { buildApp } from '../../server/app.ts';
import { loadActor } from '../../server/kernel/auth/actor.repository.ts';
import { ensureNationalCalendar } from '../../server/kernel/calendar/calendar.seed.ts';
import { FakeClock } from '../../server/kernel/clock/clock.ts';
import { loadConfig, loadSm4Key } from '../../server/kernel/config/config.ts';
import { connect } from '../../server/kernel/db/db.ts';
import { storeFile } from '../../server/kernel/files/files.ts';
import { migrate } from '../../server/kernel/db/migrate.ts';
import { organisations } from '../../server/kernel/org/org.tables.ts';
import { calendarDeadlines } from '../../server/kernel/workflow/deadlines.ts';
import { defineWorkflow, no, ok } from '../../server/kernel/workflow/define-workflow.ts';
import { openCase, transition, type WorkflowDeps } from '../../server/kernel/workflow/transition.ts';
import { cases } from '../../server/kernel/workflow/workflow.tables.ts';
import { createOrg, createRole, createUser } from '../../server/test/factories.ts';

const reply = { unit: 'workingDays', n: 20, basis: '《政府信息公开条例》第三十三条第二款' } as const;

/** 《政府信息公开条例》第三十六条、第三十七条: the forms a reply takes. */
const replyKinds = {
  disclosed: '予以公开',
  alreadyPublic: '已主动公开，告知获取方式',
  partial: '部分公开',
  withheld: '不予公开',
  notExist: '经检索没有所申请公开的信息',
  otherAgency: '不属于本机关负责公开',
};
/** 第十四条至第十六条: why information is withheld. */
const withheldGrounds = {
  stateSecret: '依法确定为国家秘密',
  lawForbidden: '法律、行政法规禁止公开',
  security: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  tradeSecret: '涉及商业秘密',
  privacy: '涉及个人隐私',
  internal: '内部事务信息',
  process: '过程性信息',
  enforcement: '行政执法案卷信息',
};
const kinds = Object.keys(replyKinds) as [keyof typeof replyKinds, ...(keyof typeof replyKinds)[]];
const grounds = Object.keys(withheldGrounds) as [keyof typeof withheldGrounds, ...(keyof typeof withheldGrounds)[]];

const AnswerInput = z
  .object({
    kind: z.enum(kinds).meta({ title: '答复类型', optionLabels: replyKinds, description: '《政府信息公开条例》第三十六条、第三十七条' }),
    withheldGrounds: z
      .array(z.enum(grounds))
      .optional()
      .meta({ title: '不予公开的理由', optionLabels: withheldGrounds, showWhen: { field: 'kind', values: ['partial', 'withheld'] }, description: '《政府信息公开条例》第十四条至第十六条' }),
    agencyId: z
      .uuid()
      .optional()
      .meta({ title: '负责公开的机关', widget: 'org', showWhen: { field: 'kind', values: ['otherAgency'] }, description: '能够确定的，告知申请人该机关的名称、联系方式（第三十六条第五项）' }),
    repliedOn: z.iso.date().meta({ title: '答复日期' }),
    content: z.string().trim().min(1).max(2000).meta({ title: '答复内容摘要' }),
    feeCharged: z.boolean().default(false).meta({ title: '收取信息处理费', description: '申请公开的数量、频次明显超过合理范围的（第四十二条）' }),
    fee: z.number().int().min(1).max(100000).optional().meta({ title: '信息处理费（元）', showWhen: { field: 'feeCharged', values: ['true'] } }),
  })
  .refine((v) => !['partial', 'withheld'].includes(v.kind) || v.withheldGrounds?.length, {
    message: '部分公开或不予公开的，须说明不予公开的理由（第三十六条第三项）',
    path: ['withheldGrounds'],
  })
  .refine((v) => !v.feeCharged || v.fee, { message: '收取信息处理费的，须填写金额', path: ['fee'] });

defineWorkflow({
  caseType: 'demo_disclosure',
  label: '依申请公开（演示）',
  readPermission: 'demo.read',
  states: {
    received: { label: '办理中' },
    correcting: { label: '待补正' },
    consulting: { label: '征求第三方意见' },
    answered: { label: '已答复', terminal: true },
    withdrawn: { label: '已撤回', terminal: true },
  },
  initial: 'received',
  initialClocks: { reply },
  clockLabels: { reply: '答复期限' },
  actions: {
    requestCorrection: { label: '通知补正', from: ['received'], to: 'correcting', permission: 'demo.handle', reasonRequired: true, clocks: { pause: ['reply'] } },
    corrected: { label: '补正完成', from: ['correcting'], to: 'received', permission: 'demo.handle', clocks: { restart: ['reply'] } },
    consult: { label: '征求第三方意见', from: ['received'], to: 'consulting', permission: 'demo.handle', clocks: { pause: ['reply'] } },
    consulted: { label: '第三方意见已回复', from: ['consulting'], to: 'received', permission: 'demo.handle', clocks: { resume: ['reply'] } },
    extend: {
      label: '延长答复期限',
      from: ['received'],
      to: 'received',
      permission: 'demo.handle',
      reasonRequired: true,
      guard: ({ clocks }) => (clocks.find((c) => c.name === 'reply')?.extendedN != null ? no('答复期限已延长过一次，不能再次延长') : ok),
      clocks: { extend: { reply: { unit: 'workingDays', n: 20, basis: '《政府信息公开条例》第三十三条第二款' } } },
    },
    answer: {
      label: '答复',
      from: ['received'],
      to: 'answered',
      permission: 'demo.handle',
      minFiles: 1,
      input: AnswerInput,
      guard: ({ case: c }) => (c.title.includes('（内容不明确）') ? no('申请内容不明确，须先通知申请人补正') : ok),
      clocks: { stop: 'all' },
    },
    withdraw: { label: '申请人撤回', from: ['received', 'correcting'], to: 'withdrawn', permission: 'demo.handle', assignedOnly: true, reasonRequired: true, clocks: { stop: 'all' } },
  },
});

const config = loadConfig();
mkdirSync(config.dataDir, { recursive: true });
const database = await connect({ dataDir: join(config.dataDir, 'pglite') });
await migrate(database);
await ensureNationalCalendar(database.db);
const db = database.db;

if ((await db.select({ id: organisations.id }).from(organisations).limit(1)).length === 0) {
  const county = await createOrg(db, { name: '岳阳县人民政府', type: 'government' });
  const office = await createOrg(db, { name: '县人民政府办公室', parentId: county.id });
  const town = await createOrg(db, { name: '荣家湾镇人民政府', parentId: county.id, type: 'township' });
  await createOrg(db, { name: '县自然资源局', parentId: county.id });
  await createOrg(db, { name: '县住房和城乡建设局', parentId: county.id });
  const role = await createRole(db, {
    name: '信息公开经办人',
    permissions: { 'demo.read': 'region', 'demo.handle': 'region', 'files.read': 'region', 'org.read': 'region' },
  });
  const zhangsan = await createUser(db, { orgId: office.id, username: 'zhangsan', displayName: '张三', roleIds: [role.id] });
  await createUser(db, { orgId: office.id, username: 'lisi', displayName: '李四', roleIds: [role.id] });
  await createUser(db, { orgId: town.id, username: 'wangwu', displayName: '王五' });

  const clock = new FakeClock();
  const deps: WorkflowDeps = { clock, deadlines: calendarDeadlines(db) };
  const who = { actor: (await loadActor(db, zhangsan.id))!, meta: {} };
  let serial = 0;
  const open = async (at: string, title: string, orgId = office.id, assigned = false, parentId?: string) => {
    clock.set(at);
    serial += 1;
    const caseNo = `岳县政公〔2026〕${serial}号`;
    return db.transaction((tx) =>
      openCase(tx, deps, { caseType: 'demo_disclosure', regionCode: '430621', orgId, title, caseNo, parentId, assigneeId: assigned ? zhangsan.id : undefined }, who),
    );
  };
  const step = async (at: string, id: string, action: string, reason?: string, more: { data?: unknown; fileIds?: string[] } = {}) => {
    clock.set(at);
    return db.transaction(async (tx) => {
      const [row] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, id));
      return transition(tx, deps, { caseId: id, version: row!.version }, action, who, { reason, ...more });
    });
  };

  await open('2026-10-19T09:30:00+08:00', '刘某申请公开某路段征地补偿方案', office.id, true);
  await open('2026-10-29T10:00:00+08:00', '陈某申请公开2025年度财政预算执行情况');
  await open('2026-11-02T15:20:00+08:00', '赵某申请公开荣家湾镇垃圾站环评报告（内容不明确）', town.id);
  const extended = await open('2026-11-09T09:00:00+08:00', '周某申请公开县城区供水价格成本监审报告', office.id, true);
  await step('2026-11-20T16:00:00+08:00', extended.id, 'extend', '涉及多个部门，需协调后答复，经本机关负责人同意延长。');
  const consulting = await open('2026-11-12T11:00:00+08:00', '吴某申请公开某企业排污许可信息');
  await step('2026-11-16T10:00:00+08:00', consulting.id, 'consult', '涉及第三方商业秘密');
  const correcting = await open('2026-11-18T14:00:00+08:00', '郑某申请公开“有关文件”', town.id, true);
  await step('2026-11-19T09:00:00+08:00', correcting.id, 'requestCorrection', '申请内容不明确，请说明所需信息的名称、文号或其他特征描述。');
  for (let i = 1; i <= 18; i += 1) {
    await open(`2026-11-${String(10 + (i % 16)).padStart(2, '0')}T09:${String(i).padStart(2, '0')}:00+08:00`, `申请人${i}号申请公开政府信息（批量演示）`, i % 3 ? office.id : town.id);
  }
  const done = await open('2026-10-12T09:00:00+08:00', '孙某申请公开县道养护资金使用情况', office.id, true);
  await step('2026-10-20T09:00:00+08:00', done.id, 'withdraw', '申请人来电表示已通过其他渠道获取，申请撤回。');
  // An answer with its data, and the case a 复议 decision then opened for answering again (its parent).
  const answered = await open('2026-09-21T10:00:00+08:00', '冯某申请公开某小区建设工程规划许可文件', office.id, true);
  const letter = await storeFile(db, { regionCode: '430621', name: '政府信息公开申请答复书.txt', content: Buffer.from('政府信息公开申请答复书（演示）', 'utf8'), uploadedBy: zhangsan.id, now: clock.now() });
  await step('2026-10-15T15:00:00+08:00', answered.id, 'answer', undefined, {
    fileIds: [letter.id],
    data: { kind: 'partial', withheldGrounds: ['privacy', 'tradeSecret'], repliedOn: '2026-10-15', content: '提供规划许可证及附图；业主身份信息和设计单位报价属于个人隐私、商业秘密，已作区分处理。', feeCharged: false },
  });
  await open('2026-11-24T09:00:00+08:00', '冯某申请公开某小区建设工程规划许可文件（复议决定责令重新答复）', office.id, true, answered.id);
}

const app = await buildApp({ database, config, sm4Key: loadSm4Key(config) });
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`case demo on http://127.0.0.1:${config.port}/console/ (zhangsan / lisi / wangwu, password Fazhi@2026test)`);
