import { and, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../kernel/audit/audit.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import { due } from '../kernel/calendar/periods.ts';
import { maskPhone, hmacSm3 } from '../kernel/crypto/sm.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { caseClocks, caseEvents, cases } from '../kernel/workflow/workflow.tables.ts';
import { messageCategories, satisfactions, type MessageChannel } from '../../contracts/messages.ts';
import { MESSAGE } from '../modules/messages/messages.permissions.ts';
import { MessageSettings, replyPeriod } from '../modules/messages/messages.settings.ts';
import { citizenMessages, surveyAnswers, surveyQuestions, surveyResponses, surveys } from '../modules/messages/messages.tables.ts';
import { openMessage, trackingSecret } from '../modules/messages/use-cases/messages.ts';
import { newTrackingCode } from '../modules/reconsideration/use-cases/register-application.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * The demo county's 网民诉求 and 网上调查. 2021 as its annual report gives them: 693 messages answered
 * (portal, 12345 hotline, 书记县长信箱, other channels; to departments and townships; nearly all within
 * the channel's period; rated with a spread of satisfaction) and 6 online surveys with their answers.
 * The 693 are written set-based, a handful of statements with the rows the workflow would have written
 * (case, reply clock, 全过程记录, message) — not indexed for 全文检索, which would take seconds of the
 * demo's start; today's open messages are played through the workflow (and indexed by it).
 */

export const DEMO_MESSAGES_2021 = 693;
const COUNTY = '430621-000';
const SUBJECTS = [
  ['小区周边夜市噪音扰民', '某小区门口夜市每晚经营至凌晨，噪音大，影响居民休息。'],
  ['农村道路破损严重', '村组公路多处坑洼，雨天积水，群众出行不便，希望尽快修复。'],
  ['咨询新生入学政策', '孩子今年上小学，户籍不在本县，请问需要准备哪些材料？'],
  ['反映农贸市场缺斤少两', '农贸市场个别摊位电子秤不准，购买时缺斤少两。'],
  ['建议增设公交站点', '县城新区居民较多，公交线路少，建议增设站点和班次。'],
  ['医保异地报销咨询', '在外地住院，医保异地报销的流程和需要的材料是什么？'],
  ['河道垃圾清理', '新墙河沿岸有生活垃圾堆放，影响环境，请尽快清理。'],
  ['拖欠农民工工资', '在某工地务工，工资被拖欠三个月，请求帮助追讨。'],
  ['路灯不亮', '某路段路灯长期不亮，夜间行走存在安全隐患。'],
  ['养老保险缴费咨询', '灵活就业人员如何缴纳城镇职工养老保险？'],
] as const;
const REPLY = '您好！您反映的问题已收悉。经我单位调查核实，已安排专人处理，相关情况已按规定办理完毕。感谢您对我县工作的关心和支持！';
const DEPARTMENTS = ['D03', 'D05', 'D06', 'D09', 'D10', 'D12', 'D13', 'D14', 'D15', 'D18', 'D22', 'D24', 'D26'].map((d) => `430621-${d}`);
const TOWNSHIPS = Array.from({ length: 14 }, (_, i) => `430621-T${String(i + 1).padStart(2, '0')}`);

/** The n-th message's channel: about 40% portal, 35% hotline, 15% mailbox, 10% other. */
const channelOf = (n: number): MessageChannel => (['portal', 'portal', 'portal', 'portal', 'hotline', 'hotline', 'hotline', 'hotline', 'mailbox', 'other'] as const)[(n * 7) % 10]!;
/** 70% 满意, 20% 基本满意, 6% 不满意, 4% not rated. */
const satisfactionOf = (n: number) => {
  const r = (n * 37) % 100;
  return r < 70 ? satisfactions[0] : r < 90 ? satisfactions[1] : r < 96 ? satisfactions[2] : null;
};
const phoneOf = (n: number) => `139${String(74000000 + n * 131).padStart(8, '0')}`;
const at = (day: LocalDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

async function seed2021Messages(replay: Replay): Promise<void> {
  const { db, sm4 } = replay;
  const calendar = await calendarService(db).snapshot(DEMO_REGION);
  const settings = MessageSettings.parse({});
  const codes = [...DEPARTMENTS, ...TOWNSHIPS];
  const orgRows = await db.select({ id: organisations.id, code: organisations.code }).from(organisations).where(inArray(organisations.code, [...codes, COUNTY]));
  const orgId = new Map(orgRows.map((o) => [o.code, o.id]));
  const coordinator = replay.actor('sfj');
  const rows = Array.from({ length: DEMO_MESSAGES_2021 }, (_, i) => {
    const n = i + 1;
    const channel = channelOf(n);
    const receivedOn = addDays('2021-01-04', Math.floor((i * 355) / DEMO_MESSAGES_2021));
    const period = replyPeriod(settings, channel);
    const { due: dueOn } = due(calendar, receivedOn, period);
    // One in twenty-five answered two working days late; the others within the period.
    const late = n % 25 === 0;
    const repliedOn = due(calendar, receivedOn, { unit: 'workingDays', n: late ? period.n + 2 : 1 + (n % period.n) }).due;
    const [subject, content] = SUBJECTS[n % SUBJECTS.length]!;
    const satisfaction = satisfactionOf(n);
    const consent = n % 5 < 3;
    return { n, channel, receivedOn, dueOn, repliedOn, period, subject, content, satisfaction, consent, org: orgId.get(codes[(n * 11) % codes.length]!)!, trackingCode: newTrackingCode() };
  });
  const county = orgId.get(COUNTY)!;
  const created = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(cases)
      .values(
        rows.map((r) => ({
          regionCode: DEMO_REGION,
          caseType: MESSAGE,
          title: r.subject,
          orgId: r.org,
          state: 'closed',
          terminal: true,
          trackingCode: r.trackingCode,
          openedAt: at(r.receivedOn, 9),
          closedAt: at(r.repliedOn, 16),
          version: 4,
          createdAt: at(r.receivedOn, 9),
          updatedAt: at(r.repliedOn, 16),
        })),
      )
      .returning({ id: cases.id });
    const withIds = rows.map((r, i) => ({ ...r, caseId: inserted[i]!.id }));
    await tx.insert(caseClocks).values(
      withIds.map((r) => ({
        regionCode: DEMO_REGION,
        caseId: r.caseId,
        name: 'reply',
        unit: r.period.unit,
        n: r.period.n,
        basis: r.period.basis,
        startedOn: r.receivedOn,
        dueOn: r.dueOn,
        anchorOn: r.receivedOn,
        anchorN: r.period.n,
        anchorUnit: r.period.unit,
        status: 'stopped' as const,
        stoppedOn: r.repliedOn,
      })),
    );
    await tx.insert(citizenMessages).values(
      withIds.map((r) => ({
        caseId: r.caseId,
        regionCode: DEMO_REGION,
        channel: r.channel,
        category: messageCategories[r.n % messageCategories.length]!,
        receivedAt: at(r.receivedOn, 9),
        intakeOrgId: county,
        citizenName: r.n % 3 === 0 ? null : `网民${r.n}`,
        citizenPhoneEnc: sm4.encrypt(phoneOf(r.n)),
        citizenPhoneMask: maskPhone(phoneOf(r.n)),
        content: r.content,
        publicConsent: r.consent,
        published: r.consent,
        publicContent: r.consent ? r.content : null,
        replyText: REPLY,
        repliedOn: r.repliedOn,
        satisfaction: r.satisfaction,
        ratedAt: r.satisfaction ? at(r.repliedOn, 20) : null,
        trackingSecret: trackingSecret(r.trackingCode, phoneOf(r.n)),
      })),
    );
    // 全过程记录 from the rows just written, in SQL: open (the citizen on the portal), route, reply, then rate or close.
    const day = (d: unknown, hour: number) => sql`((${d})::date + make_interval(hours => ${hour}))::timestamp at time zone 'Asia/Shanghai'`;
    await tx.execute(sql`
      insert into ${caseEvents} (region_code, case_id, seq, at, actor_id, actor_name, action, from_state, to_state, data, file_ids)
      select m.region_code, m.case_id, e.seq, e.at, e.actor_id, e.actor_name, e.action, e.from_state, e.to_state, e.data, '[]'::jsonb
      from ${citizenMessages} m
      inner join ${cases} c on c.id = m.case_id
      cross join lateral (values
        (1, ${day(sql`m.received_at at time zone 'Asia/Shanghai'`, 9)}, case when m.channel = 'portal' then null else ${coordinator.userId}::uuid end,
            case when m.channel = 'portal' then '申请人（网上）' else ${coordinator.displayName} end, 'open', null, 'received',
            jsonb_build_object('channel', m.channel, 'receivedOn', to_char(m.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))),
        (2, ${day(sql`m.received_at at time zone 'Asia/Shanghai'`, 10)}, ${coordinator.userId}::uuid, ${coordinator.displayName}, 'route', 'received', 'routed', jsonb_build_object('orgId', c.org_id)),
        (3, ${day(sql`m.replied_on`, 16)}, null::uuid, '承办单位', 'reply', 'routed', 'replied', jsonb_build_object('replyText', m.reply_text)),
        (4, ${day(sql`m.replied_on`, 17)}, case when m.satisfaction is null then ${coordinator.userId}::uuid end, case when m.satisfaction is null then ${coordinator.displayName} else '申请人（网上）' end,
            case when m.satisfaction is null then 'close' else 'rate' end, 'replied', 'closed',
            case when m.satisfaction is null then null else jsonb_build_object('satisfaction', m.satisfaction) end)
      ) as e(seq, at, actor_id, actor_name, action, from_state, to_state, data)
      where c.case_type = ${MESSAGE} and c.region_code = ${DEMO_REGION} and m.received_at < ${at('2022-01-01', 0).toISOString()}::timestamptz`);
    await writeAudit(tx, replay.clock.now(), { actor: coordinator, meta: { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' } }, { action: 'messages.demo', entityType: MESSAGE, regionCode: DEMO_REGION, detail: { year: 2021, messages: rows.length } });
    return withIds.length;
  });
  if (created !== DEMO_MESSAGES_2021) throw new Error('demo messages not all written');
}

interface DemoSurvey {
  title: string;
  orgCode: string;
  opensOn: LocalDate;
  closesOn: LocalDate;
  responses: number;
  questions: { kind: 'single' | 'multiple' | 'text'; prompt: string; options?: string[]; required?: boolean }[];
}

const SATISFACTION_OPTIONS = ['满意', '比较满意', '一般', '不满意'];
export const demoSurveys2021: DemoSurvey[] = [
  { title: '2021年岳阳县法治政府建设群众满意度调查', orgCode: '430621-D07', opensOn: '2021-03-01', closesOn: '2021-03-31', responses: 120, questions: [
    { kind: 'single', prompt: '您对我县法治政府建设总体情况是否满意？', options: SATISFACTION_OPTIONS },
    { kind: 'multiple', prompt: '您认为哪些方面需要加强？', options: ['行政执法规范', '政务公开', '矛盾纠纷化解', '普法宣传'] },
    { kind: 'text', prompt: '您的意见和建议', required: false },
  ] },
  { title: '“八五”普法规划意见征集问卷', orgCode: '430621-D07', opensOn: '2021-05-10', closesOn: '2021-06-10', responses: 86, questions: [
    { kind: 'multiple', prompt: '您最希望了解哪些法律知识？', options: ['民法典', '劳动法', '消费者权益保护法', '土地管理法', '道路交通安全法'] },
    { kind: 'single', prompt: '您最常通过什么渠道学习法律？', options: ['电视广播', '微信抖音', '现场普法活动', '法律服务中心'] },
  ] },
  { title: '县城停车设施需求调查', orgCode: '430621-D12', opensOn: '2021-06-01', closesOn: '2021-06-30', responses: 64, questions: [
    { kind: 'single', prompt: '您在县城停车是否困难？', options: ['很困难', '有时困难', '不困难'] },
    { kind: 'text', prompt: '您建议在哪些位置增设停车位？', required: false },
  ] },
  { title: '政务服务“一件事一次办”满意度调查', orgCode: '430621-D28', opensOn: '2021-08-02', closesOn: '2021-08-31', responses: 95, questions: [
    { kind: 'single', prompt: '您对办事效率是否满意？', options: SATISFACTION_OPTIONS },
    { kind: 'single', prompt: '办理时是否需要重复提交材料？', options: ['没有', '有时', '经常'] },
  ] },
  { title: '农村人居环境整治意见征集', orgCode: '430621-D15', opensOn: '2021-09-01', closesOn: '2021-09-30', responses: 48, questions: [
    { kind: 'multiple', prompt: '您认为村里最需要整治的是？', options: ['垃圾处理', '污水排放', '厕所改造', '村容村貌'] },
    { kind: 'text', prompt: '其他意见', required: false },
  ] },
  { title: '校园周边食品安全满意度调查', orgCode: '430621-D22', opensOn: '2021-10-11', closesOn: '2021-11-10', responses: 72, questions: [
    { kind: 'single', prompt: '您对校园周边食品安全状况是否满意？', options: SATISFACTION_OPTIONS },
  ] },
];
const TEXT_ANSWERS = ['建议多开展进村入户的宣传活动', '希望办事流程更简便', '建议增加夜间执法巡查', '希望网上能办理更多事项', '加强对老年人的法律服务'];

async function seed2021Surveys(replay: Replay): Promise<void> {
  const { db } = replay;
  const orgRows = await db.select({ id: organisations.id, code: organisations.code }).from(organisations).where(and(eq(organisations.regionCode, DEMO_REGION), inArray(organisations.code, demoSurveys2021.map((s) => s.orgCode))));
  const orgId = new Map(orgRows.map((o) => [o.code, o.id]));
  const coordinator = replay.actor('sfj');
  await db.transaction(async (tx) => {
    const made = await tx
      .insert(surveys)
      .values(
        demoSurveys2021.map((s, i) => ({
          regionCode: DEMO_REGION,
          orgId: orgId.get(s.orgCode)!,
          title: s.title,
          description: '欢迎广大群众积极参与，调查结果将作为改进工作的参考。',
          opensAt: at(s.opensOn, 0),
          closesAt: at(addDays(s.closesOn, 1), 0),
          status: 'published',
          resultsPublic: i % 2 === 0,
          salt: hmacSm3(Buffer.from('fazhi-demo'), s.title).toString('hex'),
          version: 2,
          createdBy: coordinator.userId,
          updatedBy: coordinator.userId,
        })),
      )
      .returning({ id: surveys.id });
    const questions = await tx
      .insert(surveyQuestions)
      .values(demoSurveys2021.flatMap((s, i) => s.questions.map((q, j) => ({ regionCode: DEMO_REGION, surveyId: made[i]!.id, seq: j + 1, kind: q.kind, prompt: q.prompt, options: q.options ?? [], required: q.required ?? true }))))
      .returning({ id: surveyQuestions.id, surveyId: surveyQuestions.surveyId, seq: surveyQuestions.seq });
    const responses = demoSurveys2021.flatMap((s, i) =>
      Array.from({ length: s.responses }, (_, k) => ({
        regionCode: DEMO_REGION,
        surveyId: made[i]!.id,
        submittedAt: at(addDays(s.opensOn, k % 28), 12),
        submittedOn: addDays(s.opensOn, k % 28),
        clientHash: hmacSm3(Buffer.from(s.title), `10.${i}.${k}`).toString('hex'),
      })),
    );
    const stored = await tx.insert(surveyResponses).values(responses).returning({ id: surveyResponses.id, surveyId: surveyResponses.surveyId });
    type Answer = typeof surveyAnswers.$inferInsert;
    const answers = stored.flatMap((r, k): Answer[] => {
      const s = demoSurveys2021[made.findIndex((m) => m.id === r.surveyId)]!;
      return s.questions.flatMap((q, j): Answer[] => {
        const questionId = questions.find((x) => x.surveyId === r.surveyId && x.seq === j + 1)!.id;
        const size = q.options?.length ?? 0;
        if (q.kind === 'text') return k % 4 === 0 ? [{ regionCode: DEMO_REGION, responseId: r.id, questionId, optionIndex: null, text: TEXT_ANSWERS[k % TEXT_ANSWERS.length]! }] : [];
        // Answers lean to the first options, as satisfaction surveys do.
        const first = (k * k + j) % (size + 2) < 2 ? 0 : ((k * 7 + j) % size);
        const picks = q.kind === 'multiple' && k % 3 === 0 ? [first, (first + 1) % size] : [first];
        return picks.map((optionIndex) => ({ regionCode: DEMO_REGION, responseId: r.id, questionId, optionIndex, text: null }));
      });
    });
    await tx.insert(surveyAnswers).values(answers);
    await writeAudit(tx, replay.clock.now(), { actor: coordinator, meta: { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' } }, { action: 'messages.survey.demo', entityType: 'survey', regionCode: DEMO_REGION, detail: { year: 2021, surveys: made.length, responses: stored.length } });
  });
}

/** Today's open messages, through the workflow: one overdue, one due soon, one to route, one replied awaiting publication. */
async function seedOpenMessages(replay: Replay, today: LocalDate): Promise<void> {
  const { db, sm4, deps } = replay;
  const county = replay.org(COUNTY).id;
  const coordinator = replay.actor('sfj');
  const market = replay.actor('scj');
  const meta = { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' };
  const open = async (day: LocalDate, channel: MessageChannel, n: number, consent: boolean) => {
    replay.at(day, 9);
    const [subject, content] = SUBJECTS[n % SUBJECTS.length]!;
    const opened = await db.transaction((tx) =>
      openMessage(tx, deps, sm4, { regionCode: DEMO_REGION, intakeOrgId: county, channel, category: messageCategories[n % messageCategories.length]!, subject, content, name: `网民${n}`, phone: phoneOf(9000 + n), publicConsent: consent, receivedOn: day }, {
        actor: channel === 'portal' ? null : coordinator,
        meta,
      }),
    );
    return (await db.select().from(cases).where(eq(cases.id, opened.id)))[0]!;
  };
  const route = async (c: Awaited<ReturnType<typeof open>>, day: LocalDate, code: string) => {
    replay.at(day, 11);
    return replay.step(c, 'route', coordinator, { data: { orgId: replay.org(code).id, note: '请按期答复' } });
  };
  // Received 8 working days ago from the portal and routed to the 市场监管局: past its 5 working days.
  const overdueDay = await workdaysBefore(replay, today, 8);
  await route(await open(overdueDay, 'portal', 3, true), overdueDay, '430621-D22');
  // From the hotline 3 working days ago: due within the yellow mark.
  const soonDay = await workdaysBefore(replay, today, 3);
  await route(await open(soonDay, 'hotline', 8, false), soonDay, '430621-D22');
  // Left today on the portal: waiting to be routed.
  await open(today, 'portal', 1, true);
  // Answered yesterday, the citizen agreed to publication: the coordinator's 待公开 list.
  const earlier = await workdaysBefore(replay, today, 4);
  const replied = await route(await open(earlier, 'portal', 9, true), earlier, '430621-D22');
  const yesterday = await workdaysBefore(replay, today, 1);
  replay.at(yesterday, 15);
  await replay.step(replied, 'reply', market, { data: { replyText: '您好！经核查，该路段路灯线路老化，已安排更换，三日内恢复照明。感谢您的监督！' } });
}

/** The working day `n` working days before `day` (the calendar counts forward, so step back until it lands). */
async function workdaysBefore(replay: Replay, day: LocalDate, n: number): Promise<LocalDate> {
  let from = addDays(day, -Math.ceil(n * 1.5) - 3);
  for (;;) {
    const reached = await replay.workday(from, n);
    if (reached >= day) return from;
    from = addDays(from, 1);
  }
}

export async function seedDemoMessages(replay: Replay, today: LocalDate): Promise<void> {
  await seed2021Messages(replay);
  await seed2021Surveys(replay);
  await seedOpenMessages(replay, today);
}
