import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import { P } from '../kernel/calendar/periods.ts';
import { maskIdNumber, maskPhone } from '../kernel/crypto/sm.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { openCase } from '../kernel/workflow/transition.ts';
import { caseClocks, caseEvents, cases } from '../kernel/workflow/workflow.tables.ts';
import type { ApplicantKind, DisclosureChannel, DisclosureOutcome } from '../../contracts/disclosure.ts';
import { DISCLOSURE } from '../modules/disclosure/disclosure.permissions.ts';
import type { ApplicationFields } from '../modules/disclosure/disclosure.schemas.ts';
import { disclosureSettings } from '../modules/disclosure/disclosure.settings.ts';
import { disclosureRequests } from '../modules/disclosure/disclosure.tables.ts';
import { insertRequest, newTrackingCode, requestTitle, trackingSecret } from '../modules/disclosure/use-cases/register-request.ts';
import { demoCreditCode, demoIdNumber, type Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 依申请公开 in 2021: 18 applications to the county government and five departments, every one
 * answered within its period — 10 予以公开, 3 部分公开, 3 本机关不掌握, 1 重复申请, 1 逾期不补正 (the spread
 * is illustrative; the report's cells follow from it). Three of the 市场监管局's are played through the
 * workflow (a reply with its letter, a 补正 left unanswered, a third party consulted); the rest are
 * entered as the steps would have written them. Today: two open applications for the 待办.
 */

type Bulk = { org: string; received: LocalDate; after: number; kind: ApplicantKind; name: string; channel: DisclosureChannel; description: string; outcome: DisclosureOutcome; reason: string };

const GOV = '430621-000';
const prefixes: Record<string, string> = { [GOV]: '岳县政公', '430621-D03': '岳县教公', '430621-D09': '岳县人社公', '430621-D10': '岳县自然资源公', '430621-D12': '岳县住建公', '430621-D22': '岳县市监公' };

const DISCLOSED = '该信息属于公开范围，已按申请人要求的形式提供。';
const bulk: Bulk[] = [
  { org: GOV, received: '2021-02-22', after: 8, kind: 'person', name: '李建华', channel: 'online', description: '岳阳县2020年度财政预算执行情况报告', outcome: 'disclose', reason: DISCLOSED },
  { org: GOV, received: '2021-04-06', after: 12, kind: 'legalService', name: '湖南岳州律师事务所', channel: 'registeredMail', description: '荣家湾镇城南片区棚户区改造项目的征收决定及补偿方案', outcome: 'partial', reason: '补偿方案附件中的被征收人身份信息属于个人隐私，已作区分处理后提供其余内容。' },
  { org: GOV, received: '2021-06-15', after: 10, kind: 'person', name: '王秀英', channel: 'window', description: '岳阳县人民政府2021年第5次常务会议纪要', outcome: 'unableNotHeld', reason: '本机关未制作该次会议纪要的公开文本，经检索未找到所申请信息。' },
  { org: GOV, received: '2021-08-09', after: 5, kind: 'person', name: '王秀英', channel: 'online', description: '岳阳县人民政府2021年第5次常务会议纪要', outcome: 'notHandledRepeat', reason: '申请人已于2021年6月就相同内容提出申请，本机关已依法答复。' },
  { org: GOV, received: '2021-10-18', after: 9, kind: 'person', name: '陈志强', channel: 'online', description: '岳阳县“十四五”规划纲要全文', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D10', received: '2021-03-16', after: 14, kind: 'company', name: '岳阳县洞庭置业有限公司', channel: 'window', description: '2020年度国有建设用地供应计划', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D10', received: '2021-07-05', after: 16, kind: 'person', name: '刘桂兰', channel: 'registeredMail', description: '筻口镇某村集体土地征收的批准文件', outcome: 'partial', reason: '批准文件附图中的第三方权属信息已作区分处理。' },
  { org: '430621-D10', received: '2021-11-22', after: 10, kind: 'person', name: '周国平', channel: 'online', description: '1998年某宗地的出让合同原件', outcome: 'unableNotHeld', reason: '该宗地由原县国土局办理，档案已移交县档案馆，本机关不掌握，可向县档案馆查询。' },
  { org: '430621-D12', received: '2021-01-25', after: 9, kind: 'person', name: '黄小明', channel: 'online', description: '某小区二次供水改造工程的招标文件', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D12', received: '2021-05-17', after: 11, kind: 'company', name: '岳阳县安居物业服务有限公司', channel: 'email', description: '2020年度物业服务企业信用评价结果', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D12', received: '2021-09-13', after: 13, kind: 'person', name: '吴芳', channel: 'window', description: '某楼盘预售资金监管账户的资金使用明细', outcome: 'unableNotHeld', reason: '预售资金由监管银行按协议管理，本机关未制作或获取该明细。' },
  { org: '430621-D09', received: '2021-04-19', after: 7, kind: 'person', name: '赵磊', channel: 'online', description: '2021年事业单位公开招聘面试成绩', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D09', received: '2021-08-23', after: 8, kind: 'person', name: '孙丽', channel: 'online', description: '2021年岳阳县最低工资标准执行文件', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D03', received: '2021-07-26', after: 6, kind: 'person', name: '钱伟', channel: 'online', description: '2021年城区义务教育学校招生划片范围', outcome: 'disclose', reason: DISCLOSED },
  { org: '430621-D22', received: '2021-03-08', after: 9, kind: 'person', name: '郑敏', channel: 'online', description: '2020年第四季度食品安全监督抽检结果', outcome: 'disclose', reason: DISCLOSED },
];

const at = (day: LocalDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const meta = { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' };

function applicant(seq: number, kind: ApplicantKind, name: string, description: string): Omit<ApplicationFields, 'orgId'> {
  return {
    applicantKind: kind,
    applicantName: name,
    identityCode: kind === 'person' ? demoIdNumber(`19${70 + (seq % 25)}0${1 + (seq % 9)}1${seq % 10}`, 100 + seq) : demoCreditCode(500 + seq),
    phone: `1390730${String(1000 + seq * 37).slice(-4)}`,
    address: `岳阳县荣家湾镇建设路 ${seq} 号`,
    description,
    deliveryForm: 'electronic',
    deliveryMethod: 'online',
  };
}

export async function seedDemoDisclosure(r: Replay, today: LocalDate): Promise<void> {
  // Each agency numbers its replies under its own prefix (the county's settings, 依申请公开设置).
  await r.db.transaction(async (tx) => {
    const value = { ...disclosureSettings.defaults(), replyNumberPrefix: prefixes[GOV]!, agencyNumberPrefixes: Object.entries(prefixes).map(([code, prefix]) => ({ orgId: r.org(code).id, prefix })) };
    await disclosureSettings.save(tx, DEMO_REGION, value, 1, null, r.clock.now());
  });
  await bulk2021(r);
  await replays2021(r);
  await open(r, today);
}

/** The 2021 applications as their steps would have written them: received, replied within the period. */
async function bulk2021(r: Replay): Promise<void> {
  const clerk = { userId: null, displayName: '2021年台账录入' };
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const requestRows: (typeof disclosureRequests.$inferInsert)[] = [];
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const clockRows: (typeof caseClocks.$inferInsert)[] = [];
  const numbers = new Map<string, number>();
  for (const [i, b] of bulk.entries()) {
    const caseId = crypto.randomUUID();
    const repliedOn = await r.workday(b.received, b.after);
    const dueOn = await r.workday(b.received, P.disclosureReply.n);
    const n = (numbers.get(b.org) ?? 0) + 1;
    numbers.set(b.org, n);
    const replyNo = `${prefixes[b.org]}〔2021〕${n + 20}号`;
    const a = applicant(i + 1, b.kind, b.name, b.description);
    const trackingCode = newTrackingCode();
    caseRows.push({ id: caseId, regionCode: DEMO_REGION, caseType: DISCLOSURE, caseNo: replyNo, title: requestTitle(a), orgId: r.org(b.org).id, state: 'replied', terminal: true, dueOn: null, trackingCode, openedAt: at(b.received, 9), closedAt: at(repliedOn, 16), createdAt: at(b.received, 9), updatedAt: at(repliedOn, 16), version: 2 });
    requestRows.push({
      caseId,
      regionCode: DEMO_REGION,
      channel: b.channel,
      receivedOn: b.received,
      applicantKind: b.kind,
      applicantName: b.name,
      applicantIdEnc: r.sm4.encrypt(a.identityCode),
      applicantIdMask: maskIdNumber(a.identityCode),
      applicantPhoneEnc: r.sm4.encrypt(a.phone),
      applicantPhoneMask: maskPhone(a.phone),
      applicantAddressEnc: r.sm4.encrypt(a.address),
      description: b.description,
      deliveryForm: ['disclose', 'partial'].includes(b.outcome) ? 'electronic' : null,
      deliveryMethod: ['disclose', 'partial'].includes(b.outcome) ? 'online' : null,
      outcome: b.outcome,
      outcomeReason: b.reason,
      repliedOn,
      replyNo,
      trackingSecret: trackingSecret(trackingCode, a.identityCode.slice(-6)),
    });
    eventRows.push(
      { regionCode: DEMO_REGION, caseId, seq: 1, at: at(b.received, 9), actorId: clerk.userId, actorName: clerk.displayName, action: 'open', fromState: null, toState: 'received', data: { channel: b.channel, receivedOn: b.received }, fileIds: [], clocks: [] },
      { regionCode: DEMO_REGION, caseId, seq: 2, at: at(repliedOn, 16), actorId: clerk.userId, actorName: clerk.displayName, action: 'reply', fromState: 'received', toState: 'replied', data: { outcome: b.outcome, reason: b.reason }, fileIds: [], clocks: [] },
    );
    const p = P.disclosureReply;
    clockRows.push({ regionCode: DEMO_REGION, caseId, name: 'reply', unit: p.unit, n: p.n, basis: p.basis, startedOn: b.received, dueOn, anchorOn: b.received, anchorN: p.n, anchorUnit: p.unit, provisional: false, status: 'stopped', stoppedOn: repliedOn });
  }
  await r.db.transaction(async (tx) => {
    await tx.insert(cases).values(caseRows);
    await tx.insert(disclosureRequests).values(requestRows);
    await tx.insert(caseEvents).values(eventRows);
    await tx.insert(caseClocks).values(clockRows);
  });
}

async function register(r: Replay, org: string, receivedOn: LocalDate, channel: DisclosureChannel, a: Omit<ApplicationFields, 'orgId'>, who = r.actor('scj')): Promise<CaseRow> {
  r.at(receivedOn, 9);
  const trackingCode = newTrackingCode();
  return r.db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      r.deps,
      { caseType: DISCLOSURE, regionCode: DEMO_REGION, orgId: r.org(org).id, title: requestTitle(a), trackingCode, receivedOn, data: { channel, receivedOn } },
      { actor: channel === 'online' ? null : who, meta },
    );
    await insertRequest(tx, r.sm4, { caseId: opened.id, regionCode: DEMO_REGION, channel, receivedOn, application: a, trackingCode });
    return opened;
  });
}

/** The 市场监管局's three, stepped by its clerk 刘洋 (scj). */
async function replays2021(r: Replay): Promise<void> {
  const scj = r.actor('scj');
  const market = '430621-D22';
  let c = await register(r, market, '2021-06-08', 'window', applicant(31, 'person', '张建军', '荣家湾镇农贸市场2021年第一季度食品安全抽检结果'));
  r.at(await r.workday('2021-06-08', 8), 15);
  await r.step(c, 'reply', scj, { data: { outcome: 'disclose', reason: '该信息属于主动公开范围，已在县政府门户网站公布，现将抽检结果通报提供给你。', deliveryForm: 'electronic', deliveryMethod: 'online' } });

  c = await register(r, market, '2021-09-28', 'online', applicant(32, 'company', '岳阳县某食品贸易有限公司', '有关企业的全部监管资料'));
  r.at('2021-09-30', 10);
  c = await r.step(c, 'requestCorrection', scj, { data: { items: '申请内容不明确：请写明所需信息的名称、文号或形成时间等特征性描述。', workingDays: 10 } });
  // 10 working days from 9-30 (10-9 a working Saturday) end on 10-20.
  r.at('2021-10-21', 10);
  await r.step(c, 'correctionLapsed', scj);

  c = await register(r, market, '2021-11-15', 'registeredMail', applicant(33, 'person', '刘志远', '某超市2021年行政处罚决定书及其执行情况'));
  r.at('2021-11-17', 10);
  c = await r.step(c, 'consult', scj, { data: { kind: 'thirdParty', partyName: '岳阳县某超市有限公司' } });
  r.at('2021-11-26', 10);
  c = await r.step(c, 'recordOpinion', scj, { data: { opinion: 'object', note: '认为执行情况中的账户信息涉及商业秘密' } });
  r.at('2021-12-03', 15);
  await r.step(c, 'reply', scj, {
    data: { outcome: 'partial', reason: '执行情况中的银行账户信息涉及第三方商业秘密，已作区分处理，其余内容予以公开。', deliveryForm: 'paper', deliveryMethod: 'mail' },
  });
}

/** Today's work: one application whose reply falls due within days, one just asked to correct. */
async function open(r: Replay, today: LocalDate): Promise<void> {
  const scj = r.actor('scj');
  const market = '430621-D22';
  const soon = await r.workday(today, 3);
  let received = addDays(today, -26);
  for (let k = 26; k < 34; k++) {
    const candidate = addDays(today, -k);
    if ((await r.workday(candidate)) !== candidate) continue;
    const due = await r.workday(candidate, P.disclosureReply.n);
    if (due >= today && due <= soon) {
      received = candidate;
      break;
    }
  }
  await register(r, market, received, 'online', applicant(41, 'person', '何静', `${today.slice(0, 4)}年县城区校园周边食品经营户检查结果`));
  let recent = addDays(today, -3);
  while ((await r.workday(recent)) !== recent) recent = addDays(recent, -1);
  const c = await register(r, market, recent, 'window', applicant(42, 'person', '罗强', '某餐馆的投诉处理情况'));
  r.at(today, 10);
  await r.step(c, 'requestCorrection', scj, { data: { items: '请写明餐馆名称、地址以及投诉的时间。' } });
}
