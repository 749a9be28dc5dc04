import type { ApplicationFields } from '../modules/reconsideration/reconsideration.schemas.ts';
import { insertApplication, newTrackingCode, applicationTitle } from '../modules/reconsideration/use-cases/register-application.ts';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { openCase } from '../kernel/workflow/transition.ts';
import { demoCreditCode, demoIdNumber, type Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 行政复议 cases. 2021 reproduces the annual report: 37 received, 27 concluded in the year —
 * 维持 5, 撤销 13, 终止或撤回 5, and 4 more the report leaves out (确认违法 2, 责令履行 1, 驳回复议请求 1) —
 * the other 10 carried into 2022. The current year holds open cases due soon and overdue today.
 * (2021's cases were handled under the 2017 law; they are replayed through today's procedure, whose
 * periods for these steps are the same.)
 */

const OFFICE = '430621-D07';
const RESPONDENTS = {
  market: '430621-D22',
  police: '430621-D05',
  land: '430621-D10',
  hr: '430621-D09',
  housing: '430621-D12',
  urban: '430621-D26',
  approvals: '430621-D28',
  office: '430621-D01',
  rongjiawan: '430621-T01',
  xinqiang: '430621-T03',
} as const;
type Respondent = keyof typeof RESPONDENTS;

const surnames = '李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭';
const givenNames = ['建国', '秀英', '志强', '桂兰', '海波', '丽华', '国平', '春梅', '卫东', '小红', '德胜', '玉兰', '永福', '美玲', '光明', '淑珍', '红军', '晓燕'];
const companies = ['岳阳县鑫盛建材有限公司', '岳阳县洞庭渔业专业合作社', '岳阳县荣湾餐饮管理有限公司', '岳阳县新墙河砂石有限公司', '岳阳县百福超市有限公司', '岳阳县恒通物流有限公司'];

/** What each respondent's cases are about. */
const acts: Record<Respondent, { category: ApplicationFields['actCategory']; act: string; request: string }> = {
  market: { category: 'penalty', act: '岳县市监处罚〔{y}〕{n}号行政处罚决定书（销售过期食品，罚款二万元）', request: '请求撤销该行政处罚决定' },
  police: { category: 'penalty', act: '岳县公（治）决字〔{y}〕{n}号行政处罚决定书（行政拘留五日）', request: '请求撤销该行政处罚决定' },
  land: { category: 'expropriation', act: '集体土地征收补偿安置决定（岳县自然资征补〔{y}〕{n}号）', request: '请求撤销该补偿安置决定并重新作出' },
  hr: { category: 'confirmation', act: '岳县人社工伤认字〔{y}〕{n}号不予认定工伤决定书', request: '请求撤销该决定，责令重新作出工伤认定' },
  housing: { category: 'licence', act: '不予办理商品房预售许可的决定（岳县住建许〔{y}〕{n}号）', request: '请求撤销该决定，责令依法作出许可' },
  urban: { category: 'enforcement', act: '限期拆除违法建设决定书（岳县城执拆〔{y}〕{n}号）', request: '请求确认该强制拆除行为违法' },
  approvals: { category: 'licence', act: '不予行政许可决定书（岳县审批〔{y}〕{n}号）', request: '请求撤销不予许可决定' },
  office: { category: 'disclosure', act: '政府信息公开申请答复书（岳县政办公开〔{y}〕{n}号）', request: '请求责令被申请人公开所申请的政府信息' },
  rongjiawan: { category: 'inaction', act: '对违法占用耕地举报未依法查处（不履行法定职责）', request: '请求责令被申请人依法履行查处职责' },
  xinqiang: { category: 'expropriation', act: '房屋征收补偿协议履行（新墙镇人民政府）', request: '请求责令被申请人履行补偿协议' },
};

type Ending =
  | { kind: 'decide'; outcome: 'maintain' | 'revoke' | 'partialRevoke' | 'change' | 'confirmIllegal' | 'orderPerform' | 'rejectClaims' }
  | { kind: 'terminate'; ground: 'withdrawn' | 'settled' }
  | { kind: 'withdraw' }
  | { kind: 'mediate' };

interface Script {
  received: LocalDate;
  respondent: Respondent;
  channel: ApplicationFields extends never ? never : 'window' | 'mail' | 'online';
  company?: boolean;
  correction?: boolean;
  simple?: boolean;
  extend?: boolean;
  /** Calendar days from acceptance to the ending. */
  after: number;
  ending: Ending;
}

const d = (outcome: Extract<Ending, { kind: 'decide' }>['outcome']): Ending => ({ kind: 'decide', outcome });
const respondentCycle: Respondent[] = ['market', 'land', 'police', 'hr', 'urban', 'housing', 'rongjiawan', 'approvals', 'office', 'xinqiang'];

/** 2021: 27 cases concluded in the year, then 10 received from late October carried into 2022. */
function scripts2021(): Script[] {
  const concluded: Ending[] = [
    ...Array.from({ length: 13 }, () => d('revoke')),
    ...Array.from({ length: 5 }, () => d('maintain')),
    d('confirmIllegal'),
    d('confirmIllegal'),
    d('orderPerform'),
    d('rejectClaims'),
    { kind: 'terminate', ground: 'withdrawn' },
    { kind: 'terminate', ground: 'withdrawn' },
    { kind: 'terminate', ground: 'settled' },
    { kind: 'terminate', ground: 'withdrawn' },
    { kind: 'withdraw' },
  ];
  // Spread the endings over the year rather than in blocks.
  const order = concluded.map((_, i) => (i * 11) % concluded.length);
  const early: Script[] = order.map((k, i) => ({
    received: addDays('2021-01-06', i * 10),
    respondent: respondentCycle[i % respondentCycle.length]!,
    channel: i % 4 === 0 ? 'mail' : i % 7 === 3 ? 'online' : 'window',
    company: i % 5 === 2,
    correction: i % 6 === 1,
    simple: respondentCycle[i % respondentCycle.length] === 'office',
    after: 35 + ((i * 7) % 20),
    ending: concluded[k]!,
  }));
  const carried: Ending[] = [d('maintain'), d('revoke'), d('maintain'), d('change'), d('revoke'), { kind: 'mediate' }, d('maintain'), d('rejectClaims'), d('revoke'), { kind: 'terminate', ground: 'withdrawn' }];
  const late: Script[] = carried.map((ending, i) => ({
    received: addDays('2021-10-25', i * 7),
    respondent: respondentCycle[(i + 3) % respondentCycle.length]!,
    channel: i % 3 === 0 ? 'mail' : 'window',
    company: i % 4 === 1,
    // The first three ran past the year end on an approved extension.
    extend: i < 3,
    after: i < 3 ? 75 : 52,
    ending,
  }));
  return [...early, ...late];
}

function application(r: Replay, s: Script, i: number): ApplicationFields {
  const year = s.received.slice(0, 4);
  const act = acts[s.respondent];
  const person = `${surnames[(i * 7) % surnames.length]}${givenNames[(i * 5) % givenNames.length]}`;
  return {
    applicantType: s.company ? 'company' : 'person',
    applicantName: s.company ? companies[i % companies.length]! : person,
    identityCode: s.company ? demoCreditCode(i + 1) : demoIdNumber(`19${60 + (i % 35)}0${1 + (i % 9)}1${i % 10}`, 100 + i),
    phone: `139${String(73000000 + i * 4099).slice(-8)}`,
    address: `湖南省岳阳县荣家湾镇建设路${10 + i}号`,
    respondentOrgId: r.org(RESPONDENTS[s.respondent]).id,
    actCategory: act.category,
    actDescription: act.act.replace('{y}', year).replace('{n}', String(10 + i)),
    requests: act.request,
    facts: '申请人认为被申请人作出的行政行为认定事实不清、适用依据错误、程序违法，侵犯了申请人的合法权益，故依法申请行政复议。',
  };
}

async function open(r: Replay, s: Script, i: number): Promise<CaseRow> {
  const officer = r.actor('fuyi');
  const a = application(r, s, i);
  const trackingCode = newTrackingCode();
  r.at(s.received, 9);
  return r.db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      r.deps,
      {
        caseType: 'reconsideration',
        regionCode: DEMO_REGION,
        orgId: r.org(OFFICE).id,
        title: applicationTitle(a, r.org(RESPONDENTS[s.respondent]).name),
        partyOrgId: r.org(RESPONDENTS[s.respondent]).id,
        assigneeId: officer.userId,
        trackingCode,
        receivedOn: s.received,
        data: { channel: s.channel, receivedOn: s.received },
      },
      { actor: s.channel === 'online' ? null : officer, meta: {} },
    );
    await insertApplication(tx, r.sm4, { caseId: opened.id, regionCode: DEMO_REGION, channel: s.channel, receivedOn: s.received, application: a, trackingCode });
    return opened;
  });
}

/** Plays a case from receipt to its ending (or as far as `until`, a day not reached). */
async function play(r: Replay, s: Script, i: number, decisionNo: () => string, until?: LocalDate): Promise<CaseRow> {
  const officer = r.actor('fuyi');
  let c = await open(r, s, i);
  const reached = (day: LocalDate) => !until || day < until;
  let day = s.received;
  if (s.correction) {
    day = await r.workday(day, 2);
    if (!reached(day)) return c;
    r.at(day);
    c = await r.step(c, 'requestCorrection', officer, { data: { items: '1. 提供被申请复议的行政行为的决定书复印件；2. 写明具体的行政复议请求。' } });
    day = await r.workday(day, 4);
    if (!reached(day)) return c;
    r.at(day);
    c = await r.step(c, 'submitCorrection', officer, { data: { content: '补交行政处罚决定书复印件一份，复议请求为撤销该决定。' } });
  }
  if (s.ending.kind === 'withdraw') {
    day = await r.workday(day, 2);
    r.at(day);
    return r.step(c, 'withdraw', officer, { reason: '申请人书面申请撤回行政复议申请' });
  }
  day = await r.workday(day, 3);
  if (!reached(day)) return c;
  r.at(day);
  c = await r.step(c, 'accept', officer, { data: s.simple ? { procedure: 'simple', simpleGround: 'disclosure' } : { procedure: 'ordinary' } });
  const accepted = day;
  day = await r.workday(day, 2);
  if (!reached(day)) return c;
  r.at(day);
  c = await r.step(c, 'sendCopy', officer);
  day = await r.workday(day, s.simple ? 4 : 8);
  if (!reached(day)) return c;
  r.at(day);
  c = await r.step(c, 'receiveAnswer', officer, { document: '行政复议答复书' });
  if (s.extend) {
    day = await r.workday(addDays(accepted, 50));
    if (!reached(day)) return c;
    r.at(day);
    c = await r.step(c, 'extend', officer, { reason: '案情复杂，需现场勘验，经行政复议机构负责人批准延长审理期限三十日' });
  }
  day = await r.workday(addDays(accepted, s.after));
  if (!reached(day)) return c;
  r.at(day, 15);
  switch (s.ending.kind) {
    case 'decide':
      return r.step(c, 'decide', officer, {
        data: { outcome: s.ending.outcome, decisionNo: decisionNo(), ...(['revoke', 'confirmIllegal'].includes(s.ending.outcome) ? { reDecisionOrdered: s.ending.outcome === 'revoke' } : {}) },
        reason: '经审理，依据《中华人民共和国行政复议法》作出本决定',
        document: '行政复议决定书',
      });
    case 'terminate':
      return r.step(c, 'terminate', officer, {
        data: { ground: s.ending.ground },
        reason: s.ending.ground === 'settled' ? '双方当事人自愿达成和解，申请人撤回申请' : '申请人书面申请撤回行政复议申请',
        document: '终止行政复议决定书',
      });
    case 'mediate':
      return r.step(c, 'mediate', officer, { data: { decisionNo: decisionNo() }, document: '行政复议调解书' });
    default:
      return c;
  }
}

/** Today's open cases: one per situation the 待办 list must show (due soon, overdue, awaiting correction …). */
async function currentCases(r: Replay, today: LocalDate, start: number): Promise<void> {
  const back = async (days: number) => r.workday(addDays(today, -days));
  const year = today.slice(0, 4);
  let n = 0;
  const decisionNo = () => `岳府复决〔${year}〕${++n}号`;
  const scripts: { script: Script; until: LocalDate }[] = [];
  const add = (script: Script, until: LocalDate = addDays(today, 1)) => scripts.push({ script, until });
  // Received three working days ago and not yet reviewed: due within 3 working days (yellow).
  add({ received: await backWorking(r, today, 3), respondent: 'market', channel: 'mail', after: 40, ending: d('maintain') });
  // Received seven working days ago and forgotten: the review period has run out (red).
  add({ received: await backWorking(r, today, 7), respondent: 'police', channel: 'window', after: 40, ending: d('maintain') });
  // Correction requested: the applicant's 10 working days are nearly over (yellow).
  add({ received: await backWorking(r, today, 9), respondent: 'hr', channel: 'window', correction: true, after: 40, ending: d('maintain') }, await backWorking(r, today, 2));
  // Accepted, the copy sent three working days ago: the 县市场监管局's 答复 is awaited (its 待办, via the console).
  add({ received: await backWorking(r, today, 8), respondent: 'market', channel: 'window', after: 40, ending: d('maintain') });
  // Accepted 58 days ago, answer in: the 60-day decision period ends in two days (yellow).
  add({ received: await back(63), respondent: 'land', channel: 'mail', company: true, after: 80, ending: d('revoke') });
  // Accepted 66 days ago, never extended: overdue (red).
  add({ received: await back(71), respondent: 'urban', channel: 'window', after: 90, ending: d('confirmIllegal') });
  // Simple procedure on a disclosure reply, well within its 30 days.
  add({ received: await back(12), respondent: 'office', channel: 'online', simple: true, after: 25, ending: d('orderPerform') });
  // Concluded earlier this year.
  const concluded: Ending[] = [d('revoke'), d('maintain'), d('rejectClaims'), d('revoke'), { kind: 'mediate' }, { kind: 'terminate', ground: 'withdrawn' }];
  for (const [i, ending] of concluded.entries()) {
    add({ received: await back(240 - i * 30), respondent: respondentCycle[i % respondentCycle.length]!, channel: i % 2 ? 'mail' : 'window', after: 45, ending });
  }
  for (const [i, { script, until }] of scripts.entries()) await play(r, script, start + i, decisionNo, until);
}

/** The working day `n` working days before `day`. */
async function backWorking(r: Replay, day: LocalDate, n: number): Promise<LocalDate> {
  let from = addDays(day, -Math.ceil(n * 1.6) - 4);
  for (;;) {
    const candidate = await r.workday(from);
    if ((await r.workday(candidate, n)) >= day) return candidate;
    from = addDays(candidate, 1);
  }
}

export async function seedDemoReconsideration(r: Replay, today: LocalDate): Promise<void> {
  const history = scripts2021();
  let n2021 = 0;
  let n2022 = 0;
  const decisionNo = (s: Script) => () => (s.received < '2021-10-25' ? `岳府复决〔2021〕${++n2021}号` : `岳府复决〔2022〕${++n2022}号`);
  for (const [i, s] of history.entries()) await play(r, s, i, decisionNo(s));
  await currentCases(r, today, history.length);
}
