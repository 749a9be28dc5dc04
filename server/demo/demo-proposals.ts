import { eq, sql, type SQL } from 'drizzle-orm';
import { addCalendarMonths, addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import type { Tx } from '../kernel/db/db.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import type { ProposalKind } from '../../contracts/proposals.ts';
import { PROPOSAL } from '../modules/proposals/proposals.permissions.ts';
import { proposalHandlers, proposals } from '../modules/proposals/proposals.tables.ts';
import { assignUnits, openProposal } from '../modules/proposals/use-cases/register.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * The demo county's 建议提案. 2021, as the annual report states it: the first session of the 18th
 * county people's congress left 120 代表建议 and the CPPCC session 95 委员提案 (our choice of
 * realistic figures), all answered within three months of 交办: 45% 已解决, 40% 列入计划, 15% 解释说明;
 * 3 建议 and 2 提案 were answered a second time after 不满意; satisfaction 119/120 and 95/95. Those 215
 * closed items are inserted set-based (a few statements); this year's open work is played through the
 * real workflow relative to today: due soon, overdue, a 会办 opinion waiting, a reply to check, one to assign.
 */

const meta = { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' };

/** Lead units of 2021, by department code: the county's busiest for deputies' suggestions. */
const LEADS = ['430621-D12', '430621-D13', '430621-D02', '430621-D03', '430621-D15', '430621-D18', '430621-D10', '430621-D22', '430621-D14', '430621-D11', '430621-D09', '430621-D06', '430621-D26', '430621-D20', '430621-D24', '430621-D08'];
const SUBJECTS = [
  ['城乡建设', '关于加快老旧小区改造的建议'],
  ['交通', '关于改善农村公路安全设施的建议'],
  ['教育', '关于缓解城区学校大班额问题的建议'],
  ['农业农村', '关于扶持高标准农田建设的建议'],
  ['水利', '关于加强洞庭湖区防洪堤垸维护的建议'],
  ['卫生健康', '关于提升乡镇卫生院服务能力的建议'],
  ['自然资源', '关于规范农村宅基地审批的建议'],
  ['市场监管', '关于加强农贸市场食品安全监管的建议'],
  ['生态环境', '关于整治畜禽养殖污染的建议'],
  ['社会保障', '关于提高城乡居民基本养老保险待遇的建议'],
  ['财政', '关于加大乡村振兴资金投入的建议'],
  ['民政', '关于完善农村留守老人关爱服务的建议'],
  ['城市管理', '关于规范城区占道经营的建议'],
  ['应急管理', '关于加强汛期应急物资储备的建议'],
  ['医疗保障', '关于扩大门诊慢特病病种范围的建议'],
  ['发展改革', '关于推进县域商业体系建设的建议'],
] as const;
const PROPOSERS = ['王建华', '李秀英', '张志强', '刘红梅', '陈国平', '杨丽娟', '黄明', '周晓燕', '吴海军', '徐春华', '孙立新', '胡玉兰', '朱建军', '高雪梅', '林卫东', '何秋菊'];

/** A stable, valid (version 4, RFC 4122 variant) id per item, so the three statements join without a round trip. */
const idOf = (kind: string) => sql`overlay(overlay(md5(${`proposal-2021-${kind}-`} || g.n) placing '4' from 13) placing '8' from 17)::uuid`;

/** `expr` (an integer) picks one of `values`, 0-based: a CASE, so the whole batch stays one statement. */
const pick = (expr: SQL, values: readonly string[]): SQL => sql`(case ${expr} ${sql.join(
  values.map((v, i) => sql`when ${i} then ${v}`),
  sql` `,
)} end)`;

interface Year2021 {
  kind: ProposalKind;
  sessionLabel: string;
  count: number;
  assignedOn: LocalDate;
  /** How many of each category, in order solved / planned (explained takes the rest). */
  solved: number;
  planned: number;
  /** Items answered twice after 不满意, and of them how many stayed 不满意. */
  second: number;
  secondUnsatisfied: number;
  /** Items whose final word was 基本满意 besides the second replies. */
  basic: number;
}

const YEAR_2021: Year2021[] = [
  { kind: 'npc', sessionLabel: '岳阳县第十八届人民代表大会第一次会议', count: 120, assignedOn: '2021-03-30', solved: 54, planned: 48, second: 3, secondUnsatisfied: 1, basic: 6 },
  { kind: 'cppcc', sessionLabel: '政协岳阳县第十一届委员会第一次会议', count: 95, assignedOn: '2021-03-31', solved: 43, planned: 38, second: 2, secondUnsatisfied: 0, basic: 4 },
];

/**
 * One session's closed items in three statements. `r` permutes 0..count-1 (37 and 53 are prime to
 * both counts), so categories and feedback are spread over the lead units instead of following the numbers.
 */
async function insertYear(tx: Tx, r: Replay, y: Year2021, createdBy: string): Promise<void> {
  const n = sql`g.n`;
  const rank = sql`((g.n * 37) % ${y.count})`;
  const fb = sql`((g.n * 53) % ${y.count})`;
  const leadIds = LEADS.map((code) => r.org(code).id);
  const coIds = [...LEADS.slice(5), ...LEADS.slice(0, 5)].map((code) => r.org(code).id);
  const replyDueOn = (await calendarService(r.db).due(DEMO_REGION, y.assignedOn, { unit: 'months', n: 3 }, tx)).due;
  const label = y.kind === 'npc' ? '建议' : '提案';
  const subject = sql`(g.n - 1) % ${SUBJECTS.length}`;
  // Replies between 3 and 11 weeks after 交办, always before the due date; feedback 2–4 weeks later.
  const repliedOn = sql`(${y.assignedOn}::date + 21 + ((g.n * 11) % 57))`;
  const feedbackOn = sql`(${repliedOn} + 14 + (g.n % 14))`;
  const secondOn = sql`(${feedbackOn} + 18)`;
  const isSecond = sql`(${fb} < ${y.second})`;
  await tx.execute(sql`
    insert into ${cases} (id, region_code, case_type, case_no, title, org_id, state, terminal, opened_at, closed_at, created_by, updated_by)
    select ${idOf(y.kind)}, ${DEMO_REGION}, ${PROPOSAL}, ${'2021-' + label} || g.n,
      ${pick(subject, SUBJECTS.map((s) => (y.kind === 'npc' ? s[1] : s[1].replace(/建议$/, '提案'))))}, ${pick(sql`(g.n - 1) % ${leadIds.length}`, leadIds)}::uuid, 'closed', true,
      (${y.assignedOn}::date - 6 + time '09:00') at time zone 'Asia/Shanghai',
      ((case when ${isSecond} then ${secondOn} + 10 else ${feedbackOn} end) + time '17:00') at time zone 'Asia/Shanghai',
      ${createdBy}::uuid, ${createdBy}::uuid
    from generate_series(1, ${y.count}) as g(n)`);
  await tx.execute(sql`
    insert into ${proposals} (case_id, region_code, kind, session_label, year, number, proposers, content, topic, assigned_on,
      reply_category, reply_text, replied_on, reply_due_on, satisfaction, feedback_on, second_reply_text, second_replied_on, second_reply_due_on, second_satisfaction)
    select ${idOf(y.kind)}, ${DEMO_REGION}, ${y.kind}, ${y.sessionLabel}, 2021, g.n::text,
      ${pick(sql`(g.n - 1) % ${PROPOSERS.length}`, PROPOSERS)} || '等' || (2 + g.n % 4) || '人', '请有关部门研究办理。', ${pick(subject, SUBJECTS.map((s) => s[0]))}, ${y.assignedOn}::date,
      case when ${rank} < ${y.solved} then 'solved' when ${rank} < ${y.solved + y.planned} then 'planned' else 'explained' end,
      '承办单位已书面答复，答复函经单位主要负责人签发。', ${repliedOn}, ${replyDueOn}::date,
      case when ${isSecond} then 'unsatisfied' when ${fb} < ${y.second + y.basic} then 'basic' else 'satisfied' end, ${feedbackOn},
      case when ${isSecond} then '承办单位再次研究办理，补充答复。' end, case when ${isSecond} then ${secondOn} end,
      case when ${isSecond} then (${feedbackOn} + interval '1 month')::date end,
      case when ${isSecond} then (case when ${fb} < ${y.secondUnsatisfied} then 'unsatisfied' when ${fb} % 2 = 0 then 'satisfied' else 'basic' end) end
    from generate_series(1, ${y.count}) as g(n)`);
  // The lead unit, and a co-handler with its opinion on every fourth item.
  await tx.execute(sql`
    insert into ${proposalHandlers} (region_code, case_id, org_id, role, assigned_on, opinion, opinion_on, created_by, updated_by)
    select ${DEMO_REGION}, ${idOf(y.kind)}, ${pick(sql`(g.n - 1) % ${leadIds.length}`, leadIds)}::uuid, 'lead', ${y.assignedOn}::date, null, null, ${createdBy}::uuid, ${createdBy}::uuid
    from generate_series(1, ${y.count}) as g(n)
    union all
    select ${DEMO_REGION}, ${idOf(y.kind)}, ${pick(sql`(g.n - 1) % ${coIds.length}`, coIds)}::uuid, 'co', ${y.assignedOn}::date,
      '同意主办单位的办理意见，本单位将在职责范围内配合落实。', ${y.assignedOn}::date + 15, ${createdBy}::uuid, ${createdBy}::uuid
    from generate_series(1, ${y.count}) as g(n) where ${n} % 4 = 0`);
}

/** This year's open items, each played through the real steps on its own day. */
async function playOpen(r: Replay, today: LocalDate): Promise<void> {
  const office = r.actor('sfj');
  const scj = r.actor('scj');
  const year = Number(today.slice(0, 4));
  const session = `岳阳县第十九届人民代表大会第一次会议（${year}年）`;
  const who = { actor: office, meta };
  const open = async (number: string, title: string, topic: string, assign?: { on: LocalDate; lead: string; co?: string[] }) => {
    r.at(assign?.on ?? addDays(today, -2), 9);
    const id = await r.db.transaction((tx) =>
      openProposal(tx, r.deps, who, { kind: 'npc', sessionLabel: session, year, number, title, proposers: '李秀英等3人', content: '建议有关部门研究解决。', topic }),
    );
    if (assign) {
      r.at(assign.on, 10);
      await r.db.transaction((tx) => assignUnits(tx, r.deps, who, id, { version: 1, leadOrgId: r.org(assign.lead).id, coOrgIds: (assign.co ?? []).map((c) => r.org(c).id), assignedOn: assign.on }));
    }
    const [row] = await r.db.select().from(cases).where(eq(cases.id, id));
    return row as CaseRow;
  };
  const monthsAgo = (months: number, days: number) => addDays(addCalendarMonths(today, -months), days);
  // Due within days (yellow), for 县市场监管局's account.
  await open('1', '关于加强校园周边食品安全监管的建议', '市场监管', { on: monthsAgo(3, 2), lead: '430621-D22' });
  // Overdue (red): three months passed without a reply.
  await open('2', '关于整治城区交通拥堵的建议', '交通', { on: monthsAgo(3, -6), lead: '430621-D13' });
  // A 会办 opinion waiting: 荣家湾镇's 待办, the lead 县市场监管局 cannot answer before it.
  await open('3', '关于规范荣家湾镇农贸市场秩序的建议', '市场监管', { on: monthsAgo(1, 3), lead: '430621-D22', co: ['430621-T01'] });
  // Replied by 县市场监管局, waiting for the office's check.
  const replied = await open('4', '关于规范预付式消费的建议', '市场监管', { on: monthsAgo(2, 0), lead: '430621-D22' });
  r.at(addDays(today, -3), 15);
  await r.step(replied, 'reply', scj, { data: { category: 'solved', text: '已开展预付式消费专项检查，建立投诉快速处理机制。' }, document: '关于规范预付式消费的建议的答复函' });
  // Registered, not yet assigned: the office's own 待办.
  await open('5', '关于建设县城智慧停车系统的建议', '城市管理');
}

export async function seedDemoProposals(r: Replay, today: LocalDate): Promise<void> {
  const office = r.actor('sfj');
  await r.db.transaction(async (tx) => {
    for (const y of YEAR_2021) await insertYear(tx, r, y, office.userId);
  });
  await playOpen(r, today);
}
