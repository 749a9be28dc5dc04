import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { EnforcementField, PenaltyKind, PenaltyOutcome } from '../../contracts/enforcement.ts';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import { sm3 } from '../kernel/crypto/sm.ts';
import type { Tx } from '../kernel/db/db.ts';
import { storeFile } from '../kernel/files/files.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { transition } from '../kernel/workflow/transition.ts';
import { caseClocks, caseEvents, cases } from '../kernel/workflow/workflow.tables.ts';
import { discretionBenchmarks, enforcementBodies, enforcementCertificates, enforcementMatters, enforcementOfficers } from '../modules/enforcement/enforcement.tables.ts';
import { PENALTY, PUBLICITY } from '../modules/enforcement-cases/enforcement-cases.permissions.ts';
import { enforcementCaseOfficers, enforcementCases, enforcementPublications } from '../modules/enforcement-cases/enforcement-cases.tables.ts';
import { maskNameIn, maskParty, publicityPeriod } from '../modules/enforcement-cases/publication.ts';
import { filePenaltyCase } from '../modules/enforcement-cases/use-cases/penalty-cases.ts';
import { applicationTitle, insertApplication, newTrackingCode } from '../modules/reconsideration/use-cases/register-application.ts';
import { openCase } from '../kernel/workflow/transition.ts';
import { demoCreditCode, demoIdNumber, type Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 2021 行政处罚 cases as its annual report gives them: 生态环境 23 cases (2 transferred to the
 * judiciary as 涉嫌污染环境犯罪), 市场监管（食品）33, 卫生健康 18 warnings under the 传染病防治法 and one
 * 责令停业整顿. Four market cases are played through the real workflow (general procedure with video
 * evidence, a hearing with 法制审核, 简易程序, 首违不罚) and one of this year's is revoked by 行政复议
 * with its publicity withdrawn; the rest are inserted in bulk as the workflow would have written them
 * (case, its record, officers, clocks, publicity), so the seed stays fast.
 */
export const DEMO_PENALTIES_2021: Record<'environment' | 'market' | 'health', number> = { environment: 23, market: 33, health: 19 };
export const DEMO_TRANSFERRED_2021 = 2;

const ORGS = { market: '430621-D22', environment: '430621-D11', health: '430621-D18' } as const;

interface Place {
  bodyId: string;
  orgId: string;
  officers: { id: string; certificateId: string }[];
}

/** The body of each field and two officers whose certificates run through 2021 and to this day. */
async function placeOf(r: Replay, field: keyof typeof ORGS, today: LocalDate): Promise<Place> {
  const [body] = await r.db
    .select({ id: enforcementBodies.id, orgId: enforcementBodies.orgId })
    .from(enforcementBodies)
    .innerJoin(organisations, eq(organisations.id, enforcementBodies.orgId))
    .where(and(eq(enforcementBodies.regionCode, DEMO_REGION), eq(organisations.code, ORGS[field])));
  if (!body) throw new Error(`demo: no enforcement body of ${ORGS[field]}`);
  const officers = await r.db
    .select({ id: enforcementOfficers.id, certificateId: enforcementCertificates.id })
    .from(enforcementOfficers)
    .innerJoin(enforcementCertificates, eq(enforcementCertificates.officerId, enforcementOfficers.id))
    .where(
      and(
        eq(enforcementOfficers.bodyId, body.id),
        eq(enforcementOfficers.status, 'active'),
        eq(enforcementCertificates.field, field),
        eq(enforcementCertificates.status, 'valid'),
        lte(enforcementCertificates.issuedOn, '2021-01-01'),
        gte(enforcementCertificates.validUntil, today),
      ),
    )
    .orderBy(desc(enforcementCertificates.validUntil), asc(enforcementOfficers.id))
    .limit(2);
  if (officers.length < 2) throw new Error(`demo: fewer than two certified officers in ${field}`);
  return { bodyId: body.id, orgId: body.orgId, officers };
}

async function matterOf(r: Replay, code: string) {
  const [matter] = await r.db.select({ id: enforcementMatters.id, name: enforcementMatters.name }).from(enforcementMatters).where(and(eq(enforcementMatters.regionCode, DEMO_REGION), eq(enforcementMatters.code, code)));
  if (!matter) throw new Error(`demo: matter ${code} is missing`);
  const rows = await r.db.select({ id: discretionBenchmarks.id, level: discretionBenchmarks.level, fineMin: discretionBenchmarks.fineMin, fineMax: discretionBenchmarks.fineMax }).from(discretionBenchmarks).where(eq(discretionBenchmarks.matterId, matter.id)).orderBy(asc(discretionBenchmarks.sortOrder));
  const benchmark = (level: string) => rows.find((b) => b.level === level) ?? rows[0]!;
  return { ...matter, benchmark };
}

/** A 执法记录仪 recording stands in as the smallest valid MP4 (its ftyp box) with a unique tail. */
async function attachVideo(r: Replay, tx: Tx, name: string, by: string): Promise<string> {
  const content = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2', 'latin1'), Buffer.from(crypto.randomUUID())]);
  return (await storeFile(tx, { regionCode: DEMO_REGION, name, content, uploadedBy: by, now: r.clock.now() })).id;
}

const meta = { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' };

async function file(r: Replay, day: LocalDate, place: Place, body: { matterId: string; title: string; partyType: 'person' | 'company'; partyName: string; partyId?: string; facts: string; procedure?: 'general' | 'simple'; firstViolation?: boolean }) {
  r.at(day, 9);
  const staff = r.actor('scj');
  const id = await r.db.transaction((tx) =>
    filePenaltyCase(tx, r.deps, r.sm4, { actor: staff, meta }, { bodyId: place.bodyId, source: 'inspection', filedOn: day, officerIds: place.officers.map((o) => o.id), procedure: 'general', firstViolation: false, ...body }),
  );
  const [row] = await r.db.select().from(cases).where(eq(cases.id, id));
  return row!;
}

/** The publication case the decision opened. */
async function publicationOf(r: Replay, caseId: string): Promise<CaseRow> {
  const [row] = await r.db.select({ c: cases }).from(enforcementPublications).innerJoin(cases, eq(cases.id, enforcementPublications.caseId)).where(eq(enforcementPublications.sourceCaseId, caseId));
  return row!.c;
}

/** The four 2021 market cases played through the workflow; 王芳 of the 司法局 reviews (法律职业资格 on record). */
async function replayed2021(r: Replay, market: Place): Promise<void> {
  const staff = r.actor('scj');
  const head = r.actor('scjz');
  const reviewer = r.actor('fzsh');
  const expired = await matterOf(r, 'SJ-003');

  // 1. General procedure: video of the inspection, notice within the benchmark, statement period run out.
  let c = await file(r, '2021-03-15', market, { matterId: expired.id, title: '岳阳县荣家湾镇佳佳乐超市经营超过保质期食品案', partyType: 'company', partyName: '岳阳县荣家湾镇佳佳乐超市有限公司', partyId: demoCreditCode(211), facts: '2021年3月12日执法人员检查发现该超市货架陈列超过保质期的酸奶12盒、饼干5袋，货值金额236元。' });
  r.at('2021-03-16');
  c = await r.step(c, 'investigate', staff);
  c = await r.db.transaction(async (tx) => {
    const video = await attachVideo(r, tx, '现场检查执法记录仪视频.mp4', staff.userId);
    return transition(tx, r.deps, { caseId: c.id, version: c.version }, 'recordEvidence', { actor: staff, meta }, { data: { kind: 'video', description: '2021年3月12日现场检查全程录像' }, fileIds: [video] });
  });
  c = await r.step(c, 'recordEvidence', staff, { data: { kind: 'record', description: '现场检查笔录、询问笔录' }, document: '现场检查笔录' });
  const general = expired.benchmark('general');
  r.at('2021-03-22');
  c = await r.step(c, 'notify', staff, { data: { penalties: ['fine', 'confiscation'], fine: general.fineMin ?? 50000, benchmarkId: general.id }, document: '行政处罚事先告知书' });
  r.at('2021-03-30');
  c = await r.step(c, 'concludeStatement', staff, { data: {} });
  r.at('2021-04-06');
  c = await r.step(c, 'decide', head, { data: { outcome: 'penalty', penalties: ['fine', 'confiscation'], fine: general.fineMin ?? 50000, decisionNo: '岳县市监罚〔2021〕18号' }, document: '行政处罚决定书' });
  r.at('2021-04-07');
  c = await r.step(c, 'deliver', staff, { data: { deliveredOn: '2021-04-07', method: 'direct' }, document: '送达回证' });
  r.at('2021-04-08');
  await r.step(await publicationOf(r, c.id), 'publish', staff, { data: {} });
  r.at('2021-04-20');
  c = await r.step(c, 'execute', staff, { data: { executedOn: '2021-04-20', note: '罚款已缴入国库，过期食品已没收销毁' } });
  r.at('2021-04-21');
  c = await r.step(c, 'close', staff);
  r.at('2021-04-23');
  await r.step(c, 'archive', staff);

  // 2. A hearing, so 法制审核 before the decision (第五十八条第一款第二项).
  c = await file(r, '2021-06-01', market, { matterId: expired.id, title: '岳阳县新墙镇鑫源食品批发部经营超过保质期食品案', partyType: 'company', partyName: '岳阳县新墙镇鑫源食品批发部', partyId: demoCreditCode(212), facts: '2021年5月28日检查发现该批发部仓库存放超过保质期的饮料86箱，货值金额1.2万元，已售出部分。' });
  r.at('2021-06-02');
  c = await r.step(c, 'investigate', staff);
  c = await r.step(c, 'recordEvidence', staff, { data: { kind: 'document', description: '进货单据、销售记录' }, document: '进货单据' });
  const heavier = expired.benchmark('heavier');
  r.at('2021-06-07');
  c = await r.step(c, 'notify', staff, { data: { penalties: ['fine', 'confiscation'], fine: heavier.fineMax ?? 100000, benchmarkId: heavier.id }, document: '行政处罚听证告知书' });
  r.at('2021-06-10');
  c = await r.step(c, 'requestHearing', staff, { data: { requestedOn: '2021-06-10' } });
  c = await r.step(c, 'scheduleHearing', staff, { data: { hearingOn: '2021-06-22', place: '县市场监督管理局听证室' }, document: '行政处罚听证通知书' });
  r.at('2021-06-22');
  c = await r.step(c, 'holdHearing', staff, { document: '听证笔录' });
  r.at('2021-06-25');
  c = await r.step(c, 'giveLegalityOpinion', reviewer, { data: { conclusion: 'lawful', opinion: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。', reviewer: '王芳' }, document: '法制审核意见书' });
  r.at('2021-06-28');
  c = await r.step(c, 'decide', head, { data: { outcome: 'penalty', penalties: ['fine', 'confiscation'], fine: heavier.fineMax ?? 100000, decisionNo: '岳县市监罚〔2021〕41号' }, document: '行政处罚决定书' });
  r.at('2021-06-29');
  c = await r.step(c, 'deliver', staff, { data: { deliveredOn: '2021-06-29', method: 'mail' }, document: '送达回证' });
  await r.step(await publicationOf(r, c.id), 'publish', staff, { data: {} });
  r.at('2021-07-13');
  c = await r.step(c, 'execute', staff, { data: { executedOn: '2021-07-13' } });
  c = await r.step(c, 'close', staff);
  r.at('2021-07-15');
  await r.step(c, 'archive', staff);

  // 3. 简易程序: 当场处罚 of a person, within 200 yuan.
  const licence = await matterOf(r, 'SJ-005');
  c = await file(r, '2021-09-18', market, { matterId: licence.id, procedure: 'simple', title: '李建军未按规定公示营业执照案', partyType: 'person', partyName: '李建军', partyId: demoIdNumber('19800316', 213), facts: '2021年9月18日检查发现其经营的早餐店未在显著位置公示营业执照。' });
  c = await r.step(c, 'decideOnSpot', staff, { data: { penalties: ['warning', 'fine'], fine: 200, decisionNo: '岳县市监简〔2021〕9号' }, document: '当场行政处罚决定书' });
  r.at('2021-09-22');
  await r.step(await publicationOf(r, c.id), 'publish', staff, { data: {} });
  c = await r.step(c, 'execute', staff, { data: { executedOn: '2021-09-18', note: '当场缴纳罚款' } });
  c = await r.step(c, 'close', staff);
  await r.step(c, 'archive', staff);

  // 4. 首违不罚: a first violation of a matter on the list, not punished (第三十三条第一款).
  const check = await matterOf(r, 'SJ-004');
  c = await file(r, '2021-11-02', market, { matterId: check.id, firstViolation: true, title: '岳阳县筻口镇好又多便利店未查验供货者许可证案', partyType: 'company', partyName: '岳阳县筻口镇好又多便利店', facts: '2021年10月29日检查发现该店购进的散装糕点未查验供货者食品经营许可证，当场补正并说明进货来源。' });
  r.at('2021-11-03');
  c = await r.step(c, 'investigate', staff);
  r.at('2021-11-08');
  c = await r.step(c, 'decide', head, { data: { outcome: 'exempt', penalties: [], decisionNo: '岳县市监不罚〔2021〕3号' }, document: '不予行政处罚决定书' });
  c = await r.step(c, 'deliver', staff, { data: { deliveredOn: '2021-11-08', method: 'direct' }, document: '送达回证' });
  c = await r.step(c, 'close', staff);
  await r.step(c, 'archive', staff);
}

/** This year: a penalty decided, published, then revoked by 行政复议; its publicity withdrawn within 3 working days. */
async function revokedThisYear(r: Replay, market: Place, today: LocalDate): Promise<void> {
  const staff = r.actor('scj');
  const head = r.actor('scjz');
  const officer = r.actor('fuyi');
  const back = async (days: number) => r.workday(addDays(today, -days));
  const expired = await matterOf(r, 'SJ-003');
  const general = expired.benchmark('general');
  const filedOn = await back(110);
  let c = await file(r, filedOn, market, { matterId: expired.id, title: '岳阳县月田镇惠民超市经营超过保质期食品案', partyType: 'company', partyName: '岳阳县月田镇惠民超市有限公司', partyId: demoCreditCode(231), facts: '检查发现该超市冷柜陈列超过保质期的速冻水饺8袋。' });
  r.at(await r.workday(filedOn, 1));
  c = await r.step(c, 'investigate', staff);
  const notifiedOn = await r.workday(filedOn, 3);
  r.at(notifiedOn);
  c = await r.step(c, 'notify', staff, { data: { penalties: ['fine'], fine: general.fineMin ?? 50000, benchmarkId: general.id }, document: '行政处罚事先告知书' });
  r.at(await r.workday(notifiedOn, 6));
  c = await r.step(c, 'concludeStatement', staff, { data: {} });
  const decidedOn = await r.workday(notifiedOn, 8);
  r.at(decidedOn);
  c = await r.step(c, 'decide', head, { data: { outcome: 'penalty', penalties: ['fine'], fine: general.fineMin ?? 50000, decisionNo: `岳县市监罚〔${today.slice(0, 4)}〕66号` }, document: '行政处罚决定书' });
  c = await r.step(c, 'deliver', staff, { data: { deliveredOn: decidedOn, method: 'direct' }, document: '送达回证' });
  r.at(await r.workday(decidedOn, 2));
  await r.step(await publicationOf(r, c.id), 'publish', staff, { data: {} });

  // The company applies for 复议 against the decision at the window.
  const received = await r.workday(decidedOn, 15);
  r.at(received);
  const application = {
    applicantType: 'company' as const,
    applicantName: '岳阳县月田镇惠民超市有限公司',
    identityCode: demoCreditCode(231),
    phone: '13907302231',
    address: '岳阳县月田镇月田街 18 号',
    respondentOrgId: market.orgId,
    actCategory: 'penalty' as const,
    actDescription: `岳县市监罚〔${today.slice(0, 4)}〕66号行政处罚决定书`,
    requests: '撤销该行政处罚决定',
    facts: '涉案水饺系供货商调换包装所致，申请人已尽进货查验义务。',
  };
  const trackingCode = newTrackingCode();
  let rc = await r.db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      r.deps,
      { caseType: 'reconsideration', regionCode: DEMO_REGION, orgId: officer.orgId, title: applicationTitle(application, '县市场监管局'), partyOrgId: market.orgId, assigneeId: officer.userId, trackingCode, receivedOn: received, data: { channel: 'window', receivedOn: received } },
      { actor: officer, meta },
    );
    await insertApplication(tx, r.sm4, { caseId: opened.id, regionCode: DEMO_REGION, channel: 'window', receivedOn: received, application, trackingCode, challengedCaseId: c.id });
    return opened;
  });
  r.at(await r.workday(received, 2));
  rc = await r.step(rc, 'accept', officer, { data: { procedure: 'ordinary' } });
  r.at(await r.workday(received, 4));
  rc = await r.step(rc, 'sendCopy', officer);
  r.at(await r.workday(received, 9));
  rc = await r.step(rc, 'receiveAnswer', officer, { document: '行政复议答复书' });
  const revokedOn = await r.workday(received, 14);
  r.at(revokedOn);
  await r.step(rc, 'decide', officer, { reason: '被申请人认定申请人明知销售过期食品的主要事实不清、证据不足', data: { outcome: 'revoke', decisionNo: `岳县复决〔${today.slice(0, 4)}〕21号`, reDecisionOrdered: false }, document: '行政复议决定书' });
  r.at(await r.workday(revokedOn, 1));
  await r.step(await publicationOf(r, c.id), 'withdraw', staff, { data: { reason: `该行政处罚决定已被岳县复决〔${today.slice(0, 4)}〕21号行政复议决定撤销` } });
}

interface BulkCase {
  field: keyof typeof ORGS;
  matterCode: string;
  filedOn: LocalDate;
  title: string;
  partyType: 'person' | 'company';
  partyName: string;
  facts: string;
  outcome: PenaltyOutcome;
  penalties: PenaltyKind[];
  fine: number | null;
  reviewed: boolean;
}

const townships = ['荣家湾镇', '新墙镇', '筻口镇', '月田镇', '公田镇', '黄沙街镇', '杨林街镇', '张谷英镇', '毛田镇', '步仙镇', '长湖乡', '中洲乡', '麻塘办事处', '新开镇'];
const people = ['张某华', '刘某军', '陈某平', '李某英', '王某明', '周某强', '吴某兰', '黄某生', '赵某红', '彭某林'];
const ADDRESS = (i: number) => townships[i % townships.length]!;

/** The 2021 cases not replayed, spread over the year on working days. */
async function bulkPlan(r: Replay): Promise<BulkCase[]> {
  const plan: BulkCase[] = [];
  const dayOf = async (i: number, n: number) => r.workday(addDays('2021-01-11', Math.floor((i * 330) / n)));
  for (let i = 0; i < 23; i++) {
    const transfer = i < DEMO_TRANSFERRED_2021;
    const heavy = i >= 2 && i < 6;
    const code = transfer || heavy ? 'HB-004' : i % 2 ? 'HB-001' : 'HB-002';
    plan.push({
      field: 'environment',
      matterCode: code,
      filedOn: await dayOf(i, 23),
      title: transfer ? `${ADDRESS(i)}某化工厂通过暗管排放含重金属废水案` : heavy ? `${ADDRESS(i)}某砂石场超标排放水污染物案` : code === 'HB-001' ? `${people[i % 10]}露天焚烧秸秆案` : `${ADDRESS(i)}某养殖场未按规定处置畜禽粪污案`,
      partyType: code === 'HB-001' ? 'person' : 'company',
      partyName: code === 'HB-001' ? people[i % 10]!.replace('某', '') + '某' : `岳阳县${ADDRESS(i)}某${transfer ? '化工' : heavy ? '砂石' : '生态养殖'}有限公司`,
      facts: transfer ? '现场检查发现该厂利用暗管排放含镉、铅废水，经监测超过排放标准十倍以上，涉嫌污染环境犯罪。' : heavy ? '在线监测数据显示化学需氧量持续超标排放。' : code === 'HB-001' ? '在农田露天焚烧秸秆，产生大量烟尘。' : '养殖场粪污未经处理直接排入沟渠。',
      outcome: transfer ? 'transfer' : 'penalty',
      penalties: transfer ? [] : ['fine'],
      fine: transfer ? null : heavy ? 150000 + i * 10000 : code === 'HB-001' ? 500 : 8000 + i * 500,
      reviewed: transfer || heavy,
    });
  }
  for (let i = 0; i < DEMO_PENALTIES_2021.market - 4; i++) {
    const code = ['SJ-003', 'SJ-004', 'SJ-002', 'SJ-007', 'SJ-001'][i % 5]!;
    const person = code === 'SJ-002';
    plan.push({
      field: 'market',
      matterCode: code,
      filedOn: await dayOf(i, 29),
      title: `${ADDRESS(i)}${person ? people[i % 10] : `某${['超市', '食品店', '小作坊', '药店', '餐馆'][i % 5]}`}${['经营超过保质期食品', '未查验供货者许可证', '未办理登记从事食品生产', '未凭处方销售处方药', '未取得食品经营许可从事经营'][i % 5]}案`,
      partyType: person ? 'person' : 'company',
      partyName: person ? people[i % 10]! : `岳阳县${ADDRESS(i)}某${['超市', '食品店', '小作坊', '药店', '餐馆'][i % 5]}`,
      facts: '执法人员依法检查时发现，经调查属实。',
      outcome: 'penalty',
      penalties: code === 'SJ-007' ? ['warning'] : ['fine'],
      fine: code === 'SJ-007' ? null : { 'SJ-003': 50000, 'SJ-004': 5000, 'SJ-002': 1000, 'SJ-001': 60000 }[code]!,
      reviewed: false,
    });
  }
  for (let i = 0; i < 18; i++) {
    plan.push({
      field: 'health',
      matterCode: 'WJ-001',
      filedOn: await dayOf(i, 18),
      title: `${ADDRESS(i)}某诊所未按规定报告传染病疫情案`,
      partyType: 'company',
      partyName: `岳阳县${ADDRESS(i)}某诊所`,
      facts: '对发热病人未按规定登记、报告，违反《中华人民共和国传染病防治法》第三十条。',
      outcome: 'penalty',
      penalties: ['warning'],
      fine: null,
      reviewed: false,
    });
  }
  plan.push({
    field: 'health',
    matterCode: 'WJ-002',
    filedOn: '2021-08-09',
    title: '岳阳县荣家湾镇某宾馆违反疫情防控规定导致传染病传播风险案',
    partyType: 'company',
    partyName: '岳阳县荣家湾镇某宾馆有限公司',
    facts: '疫情防控期间未落实入住人员健康码查验、登记，经责令改正仍不改正。',
    outcome: 'penalty',
    penalties: ['closure'],
    fine: null,
    reviewed: true,
  });
  return plan;
}

const at = (day: LocalDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The bulk: cases with their own rows, officers, clocks and 全过程记录 as the steps would have written
 * them (filed, investigated, noticed, reviewed where required, decided, delivered, executed, closed,
 * archived), and each penalty's publicity published within its period.
 */
async function bulk2021(r: Replay, places: Record<keyof typeof ORGS, Place>): Promise<void> {
  const plan = await bulkPlan(r);
  const codes = [...new Set(plan.map((p) => p.matterCode))];
  const matterRows = await r.db.select({ id: enforcementMatters.id, code: enforcementMatters.code }).from(enforcementMatters).where(and(eq(enforcementMatters.regionCode, DEMO_REGION), inArray(enforcementMatters.code, codes)));
  const matterId = new Map(matterRows.map((m) => [m.code, m.id]));
  // Bulk rows stand for files kept on paper before Fazhi: entered, not stepped by a signed-in user.
  const staff = { userId: null, displayName: '2021年案卷录入' };
  const reviewer = r.actor('fzsh');
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const penaltyRows: (typeof enforcementCases.$inferInsert)[] = [];
  const officerRows: (typeof enforcementCaseOfficers.$inferInsert)[] = [];
  const eventRows: (typeof caseEvents.$inferInsert)[] = [];
  const clockRows: (typeof caseClocks.$inferInsert)[] = [];
  const publicationRows: (typeof enforcementPublications.$inferInsert)[] = [];
  const seqs = new Map<string, number>();
  const event = (caseId: string, day: LocalDate, action: string, from: string | null, to: string, actor: { userId: string | null; displayName: string }, data: unknown = null) => {
    const seq = (seqs.get(caseId) ?? 0) + 1;
    seqs.set(caseId, seq);
    eventRows.push({ regionCode: DEMO_REGION, caseId, seq, at: at(day, 9 + (seq % 8)), actorId: actor.userId, actorName: actor.displayName, action, fromState: from, toState: to, reason: null, data, fileIds: [], clocks: [] });
  };
  const clock = (caseId: string, name: string, period: { unit: string; n: number; basis: string }, startedOn: LocalDate, dueOn: LocalDate, stoppedOn: LocalDate) =>
    clockRows.push({ regionCode: DEMO_REGION, caseId, name, unit: period.unit, n: period.n, basis: period.basis, startedOn, dueOn, anchorOn: startedOn, anchorN: period.n, anchorUnit: period.unit, provisional: false, status: 'stopped', stoppedOn });
  let decisionSeq = 100;
  for (const p of plan) {
    const place = places[p.field];
    const caseId = crypto.randomUUID();
    const wd = (n: number) => r.workday(p.filedOn, n);
    const notified = await wd(3);
    const reviewedOn = p.reviewed ? await wd(12) : null;
    const decided = await wd(p.reviewed ? 15 : 10);
    const delivered = await wd(p.reviewed ? 16 : 11);
    const executed = await wd(p.reviewed ? 25 : 20);
    const closed = p.outcome === 'transfer' ? await wd(8) : await wd(p.reviewed ? 26 : 21);
    const archived = await r.workday(closed, 2);
    const decisionNo = p.outcome === 'transfer' ? null : `岳县${{ market: '市监', environment: '环', health: '卫' }[p.field]}罚〔2021〕${decisionSeq++}号`;
    caseRows.push({ id: caseId, regionCode: DEMO_REGION, caseType: PENALTY, caseNo: decisionNo, title: p.title, orgId: place.orgId, state: 'archived', terminal: true, dueOn: null, openedAt: at(p.filedOn, 9), closedAt: at(archived, 16), createdAt: at(p.filedOn, 9), createdBy: staff.userId, updatedAt: at(archived, 16), updatedBy: staff.userId, version: 9 });
    const triggers = p.outcome === 'transfer' ? ['complex' as const] : p.reviewed ? ['required' as const] : [];
    penaltyRows.push({
      caseId,
      regionCode: DEMO_REGION,
      bodyId: place.bodyId,
      matterId: matterId.get(p.matterCode)!,
      field: p.field as EnforcementField,
      source: 'inspection',
      partyType: p.partyType,
      partyName: p.partyName,
      facts: p.facts,
      filedOn: p.filedOn,
      proposedPenalties: p.penalties,
      proposedFine: p.fine,
      reviewRequired: p.reviewed,
      reviewTriggers: triggers,
      outcome: p.outcome,
      penalties: p.penalties,
      fine: p.fine,
      decidedOn: p.outcome === 'transfer' ? null : decided,
      decisionNo,
      deliveredOn: p.outcome === 'transfer' ? null : delivered,
      executedOn: p.outcome === 'transfer' ? null : executed,
      closedOn: closed,
      archivedOn: archived,
      archiveIndex: { files: [], sm3: sm3(JSON.stringify([])) },
      transferredToJudiciary: p.outcome === 'transfer',
    });
    place.officers.forEach((o, i) => officerRows.push({ caseId, officerId: o.id, regionCode: DEMO_REGION, certificateId: o.certificateId, lead: i === 0, assignedAt: at(p.filedOn, 9) }));
    const head = staff;
    event(caseId, p.filedOn, 'open', null, 'filed', staff, { filedOn: p.filedOn, procedure: 'general' });
    event(caseId, await wd(1), 'investigate', 'filed', 'investigating', staff);
    if (p.outcome === 'transfer') {
      if (reviewedOn) event(caseId, await wd(6), 'giveLegalityOpinion', 'investigating', 'investigating', reviewer, { conclusion: 'lawful', opinion: '涉嫌污染环境犯罪，应当移送公安机关。', reviewer: '王芳' });
      event(caseId, closed, 'transferToJudiciary', 'investigating', 'closed', head);
      eventRows.at(-1)!.reason = '涉嫌污染环境犯罪，依法移送县公安局';
    } else {
      event(caseId, notified, 'notify', 'investigating', 'notified', staff, { penalties: p.penalties, fine: p.fine });
      if (reviewedOn) {
        event(caseId, await wd(9), 'submitForReview', 'notified', 'legalityReview', staff, { waived: false });
        event(caseId, reviewedOn, 'giveLegalityOpinion', 'legalityReview', 'readyToDecide', reviewer, { conclusion: 'lawful', opinion: '事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。', reviewer: '王芳' });
      } else event(caseId, await wd(9), 'concludeStatement', 'notified', 'readyToDecide', staff, {});
      event(caseId, decided, 'decide', 'readyToDecide', 'decided', head, { outcome: p.outcome, penalties: p.penalties, fine: p.fine, decisionNo });
      event(caseId, delivered, 'deliver', 'decided', 'delivered', staff, { deliveredOn: delivered, method: 'direct' });
      event(caseId, executed, 'execute', 'delivered', 'executed', staff, { executedOn: executed });
      event(caseId, closed, 'close', 'executed', 'closed', staff);
    }
    event(caseId, archived, 'archive', 'closed', 'archived', staff);
    clock(caseId, 'decision', { unit: 'days', n: 90, basis: '《行政处罚法》第六十条：自立案之日起九十日内作出决定' }, p.filedOn, addDays(p.filedOn, 90), p.outcome === 'transfer' ? closed : decided);

    if (p.outcome === 'penalty') {
      const pubId = crypto.randomUUID();
      const period = publicityPeriod('penalty');
      const due = await r.workday(decided, period.n);
      const published = await r.workday(decided, 3);
      caseRows.push({ id: pubId, regionCode: DEMO_REGION, caseType: PUBLICITY, caseNo: decisionNo, title: `行政处罚决定公示：${maskNameIn(p.partyType, p.partyName, p.title)}`.slice(0, 200), orgId: place.orgId, state: 'published', terminal: false, dueOn: null, openedAt: at(decided, 10), createdAt: at(decided, 10), createdBy: staff.userId, updatedAt: at(published, 10), updatedBy: staff.userId, version: 2 });
      publicationRows.push({
        caseId: pubId,
        regionCode: DEMO_REGION,
        sourceCaseId: caseId,
        orgId: place.orgId,
        kind: 'penalty',
        title: maskNameIn(p.partyType, p.partyName, p.title),
        decisionNo,
        decidedOn: decided,
        partyMasked: maskParty(p.partyType, p.partyName),
        content: `行政处罚决定书文号：${decisionNo}\n违法行为：${p.facts}\n处罚内容：${p.penalties.map((k) => ({ warning: '警告', fine: '罚款', closure: '责令停产停业' })[k as 'warning'] ?? k).join('、')}${p.fine ? `，罚款 ${p.fine.toLocaleString('zh-CN')} 元` : ''}\n作出决定日期：${decided}`,
        publishedOn: published,
        createdAt: at(decided, 10),
        updatedAt: at(published, 10),
      });
      event(pubId, decided, 'open', null, 'pending', head, { sourceCaseId: caseId, kind: 'penalty', decidedOn: decided });
      event(pubId, published, 'publish', 'pending', 'published', staff, { publicityDueOn: due, late: false });
      clock(pubId, 'publicity', period, decided, due, published);
    }
  }
  await r.db.transaction(async (tx) => {
    const chunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 300) await insert(rows.slice(i, i + 300));
    };
    await chunks(caseRows, (c) => tx.insert(cases).values(c));
    await chunks(penaltyRows, (c) => tx.insert(enforcementCases).values(c));
    await chunks(officerRows, (c) => tx.insert(enforcementCaseOfficers).values(c));
    await chunks(publicationRows, (c) => tx.insert(enforcementPublications).values(c));
    await chunks(eventRows, (c) => tx.insert(caseEvents).values(c));
    await chunks(clockRows, (c) => tx.insert(caseClocks).values(c));
  });
}

/**
 * 王芳 (司法局, account fzsh) signs the demo's 法制审核: her 法律职业资格 is recorded on an officer record
 * of the 市场监管局's body, without an 执法证 (she reviews, she does not enforce).
 */
async function recordReviewer(r: Replay, market: Place): Promise<void> {
  const reviewer = r.actor('fzsh');
  await r.db.insert(enforcementOfficers).values({ regionCode: DEMO_REGION, bodyId: market.bodyId, orgId: market.orgId, name: reviewer.displayName, userId: reviewer.userId, position: '县司法局法制审核员', legalQualificationNo: 'A20144306210017' });
}

export async function seedDemoEnforcementCases(r: Replay, today: LocalDate): Promise<void> {
  const places = { market: await placeOf(r, 'market', today), environment: await placeOf(r, 'environment', today), health: await placeOf(r, 'health', today) };
  await recordReviewer(r, places.market);
  await replayed2021(r, places.market);
  await bulk2021(r, places);
  await revokedThisYear(r, places.market, today);
}
