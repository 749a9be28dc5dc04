import { addCalendarMonths, addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { openCase } from '../kernel/workflow/transition.ts';
import { cleanupStatus, type CleanupDecision } from '../../contracts/normative.ts';
import { NORMATIVE } from '../modules/normative/normative.permissions.ts';
import { changeStatus, indexDocument } from '../modules/normative/normative.repository.ts';
import { saveNormativeSettings } from '../modules/normative/normative.settings.ts';
import { normativeCampaignItems, normativeCampaigns, normativeDocuments } from '../modules/normative/normative.tables.ts';
import { countyExecutiveMeeting } from './demo-decisions.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 规范性文件. 2021 as its annual report states it: 20 documents reviewed and issued, 9 in the
 * name of the 县政府 (discussed at its 常务会议) and 11 of the 县政府办 (at its 主任办公会议), all filed;
 * one special clean-up (长江保护, 行政处罚法, 计划生育) of older documents. Today's open work: a draft
 * out for comment, two in legality review (one overdue), one awaiting 备案, one expiring soon.
 */

const GOVERNMENT = '430621-000';
const OFFICE = '430621-D01';

interface Doc {
  title: string;
  issuer: typeof GOVERNMENT | typeof OFFICE;
  /** The drafting department. */
  drafter: string;
  topics: string[];
  basis: string;
  /** Published with effect a month later (else from publication). */
  laterEffect?: boolean;
  /** The legal office first found it unlawful (a penalty it could not set), then lawful once revised. */
  rejectedOnce?: boolean;
  validityYears?: number;
}

const government2021: Doc[] = [
  { title: '岳阳县城区建设用地储备出让管理办法', issuer: GOVERNMENT, drafter: '430621-D10', topics: ['土地管理'], basis: '《中华人民共和国土地管理法》《土地储备管理办法》' },
  { title: '岳阳县村组小型基础设施建设管理办法', issuer: GOVERNMENT, drafter: '430621-D15', topics: ['乡村振兴'], basis: '《湖南省村庄规划建设管理条例》' },
  { title: '岳阳县城镇居民最低生活保障实施办法', issuer: GOVERNMENT, drafter: '430621-D06', topics: ['社会救助'], basis: '《社会救助暂行办法》《湖南省最低生活保障条例》', laterEffect: true },
  { title: '岳阳县国有土地上房屋征收与补偿实施办法', issuer: GOVERNMENT, drafter: '430621-D12', topics: ['房屋征收'], basis: '《国有土地上房屋征收与补偿条例》' },
  { title: '岳阳县政府投资项目管理办法', issuer: GOVERNMENT, drafter: '430621-D02', topics: ['投资管理'], basis: '《政府投资条例》' },
  { title: '岳阳县农村村民住房建设管理办法', issuer: GOVERNMENT, drafter: '430621-D10', topics: ['土地管理', '乡村振兴'], basis: '《中华人民共和国土地管理法》《湖南省农村住房建设管理办法》', laterEffect: true },
  { title: '岳阳县洞庭湖禁捕退捕渔民安置保障办法', issuer: GOVERNMENT, drafter: '430621-D15', topics: ['长江保护'], basis: '《中华人民共和国长江保护法》' },
  { title: '岳阳县城市道路占用挖掘管理办法', issuer: GOVERNMENT, drafter: '430621-D26', topics: ['城市管理'], basis: '《城市道路管理条例》' },
  { title: '岳阳县城区建筑垃圾处置管理办法', issuer: GOVERNMENT, drafter: '430621-D26', topics: ['城市管理'], basis: '《中华人民共和国固体废物污染环境防治法》《城市建筑垃圾管理规定》' },
];

const office2021: Doc[] = [
  { title: '岳阳县政府购买服务管理实施办法', issuer: OFFICE, drafter: '430621-D08', topics: ['财政管理'], basis: '《政府购买服务管理办法》' },
  { title: '岳阳县县级储备粮管理办法', issuer: OFFICE, drafter: '430621-D16', topics: ['粮食安全'], basis: '《粮食流通管理条例》' },
  { title: '岳阳县城区停车收费管理办法', issuer: OFFICE, drafter: '430621-D26', topics: ['城市管理', '价格'], basis: '《中华人民共和国价格法》', rejectedOnce: true },
  { title: '岳阳县住房公积金缴存管理办法', issuer: OFFICE, drafter: '430621-D37', topics: ['住房保障'], basis: '《住房公积金管理条例》' },
  { title: '岳阳县困难残疾人生活补贴和重度残疾人护理补贴实施办法', issuer: OFFICE, drafter: '430621-D06', topics: ['社会救助'], basis: '《残疾人保障法》', laterEffect: true },
  { title: '岳阳县公共资源交易管理办法', issuer: OFFICE, drafter: '430621-D28', topics: ['公共资源交易'], basis: '《中华人民共和国招标投标法》' },
  { title: '岳阳县农村公路养护管理办法', issuer: OFFICE, drafter: '430621-D13', topics: ['交通运输'], basis: '《公路法》《农村公路养护管理办法》' },
  { title: '岳阳县城乡居民基本医疗保险实施办法', issuer: OFFICE, drafter: '430621-D24', topics: ['医疗保障'], basis: '《中华人民共和国社会保险法》' },
  { title: '岳阳县河长制工作考核办法', issuer: OFFICE, drafter: '430621-D14', topics: ['长江保护', '水利'], basis: '《中华人民共和国长江保护法》《湖南省河长制工作规定》' },
  { title: '岳阳县森林防火管理办法', issuer: OFFICE, drafter: '430621-D25', topics: ['林业'], basis: '《森林防火条例》', laterEffect: true },
  { title: '岳阳县县直机关公务用车管理办法', issuer: OFFICE, drafter: '430621-D31', topics: ['机关事务'], basis: '《党政机关公务用车管理办法》' },
];

/** Documents of earlier years, reviewed by the 2021 clean-up (topics 长江保护, 行政处罚法, 计划生育) or not. */
const older: (Doc & { meetingOn: { year: number; seq: number }; cleanup?: { decision: CleanupDecision; reason: string } })[] = [
  { title: '岳阳县农村独生子女家庭奖励扶助办法', issuer: OFFICE, drafter: '430621-D18', topics: ['计划生育'], basis: '《湖南省人口与计划生育条例》', meetingOn: { year: 2017, seq: 23 }, cleanup: { decision: 'repeal', reason: '与《中华人民共和国人口与计划生育法》（2021年修正）及优化生育政策不一致' } },
  { title: '岳阳县计划生育奖励扶助实施办法', issuer: GOVERNMENT, drafter: '430621-D18', topics: ['计划生育'], basis: '《湖南省人口与计划生育条例》', meetingOn: { year: 2018, seq: 9 }, cleanup: { decision: 'repeal', reason: '社会抚养费等规定已取消，与现行生育政策不一致' } },
  { title: '岳阳县河道采砂管理办法', issuer: GOVERNMENT, drafter: '430621-D14', topics: ['长江保护', '水利'], basis: '《中华人民共和国水法》《湖南省河道采砂管理办法》', meetingOn: { year: 2018, seq: 17 }, cleanup: { decision: 'lapse', reason: '调整对象已由《中华人民共和国长江保护法》和《湖南省河道采砂管理条例》规范，宣布失效' } },
  { title: '岳阳县长江岸线保护和开发利用管理办法', issuer: GOVERNMENT, drafter: '430621-D10', topics: ['长江保护'], basis: '《中华人民共和国水法》《长江岸线保护和开发利用总体规划》', meetingOn: { year: 2019, seq: 13 }, cleanup: { decision: 'keep', reason: '符合《中华人民共和国长江保护法》，继续有效' } },
  { title: '岳阳县行政处罚自由裁量权基准适用办法', issuer: OFFICE, drafter: '430621-D07', topics: ['行政处罚法'], basis: '《中华人民共和国行政处罚法》', meetingOn: { year: 2019, seq: 21 }, cleanup: { decision: 'amend', reason: '依照2021年修订的《中华人民共和国行政处罚法》第三十三条（首违不罚）等规定修改' } },
  { title: '岳阳县城区道路挖掘修复管理办法', issuer: GOVERNMENT, drafter: '430621-D26', topics: ['城市管理'], basis: '《城市道路管理条例》', meetingOn: { year: 2020, seq: 8 } },
];

const text = (d: Doc) => ({
  draftingExplanation: `为规范相关管理工作，根据${d.basis}等规定，结合本县实际，${d.drafter === OFFICE ? '县政府办公室' : '起草单位'}起草了《${d.title}》（送审稿）。起草过程中征求了县直有关部门和乡镇意见。`,
  basis: d.basis,
  body: `第一条 为加强和规范管理，根据${d.basis}等法律法规，结合本县实际，制定本办法。\n第二条 本办法适用于本县行政区域内的相关管理活动。\n第三条 县人民政府有关部门按照职责分工，负责本办法的组织实施。\n第四条 本办法自施行之日起施行，有效期五年。`,
});

async function open(r: Replay, d: Doc, day: LocalDate): Promise<CaseRow> {
  r.at(day, 9);
  const actor = r.actor('sfj');
  const drafter = r.org(d.drafter);
  return r.db.transaction(async (tx) => {
    const opened = await openCase(tx, r.deps, { caseType: NORMATIVE, regionCode: DEMO_REGION, orgId: drafter.id, title: d.title, data: { title: d.title, issuerOrgId: r.org(d.issuer).id } }, { actor, meta: {} });
    const now = r.clock.now();
    await tx.insert(normativeDocuments).values({ caseId: opened.id, regionCode: DEMO_REGION, title: d.title, issuerOrgId: r.org(d.issuer).id, topics: d.topics, ...text(d), createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId });
    await indexDocument(tx, opened.id, now);
    return opened;
  });
}

interface Meeting {
  kind: 'executive' | 'office';
  seq: number;
  heldOn: LocalDate;
}

type Stage = 'review' | 'published' | 'filed';

/** One document from its submission to `until`, around its meeting; returns the case. */
async function play(r: Replay, d: Doc, meeting: Meeting, until: Stage = 'filed', publishOn?: LocalDate): Promise<CaseRow> {
  const handler = r.actor('sfj');
  const reviewer = r.actor('fzsh');
  const submitOn = await r.workday(addDays(meeting.heldOn, -16));
  let c = await open(r, d, addDays(submitOn, -20));
  r.at(submitOn);
  c = await r.step(c, 'submitForReview', handler);
  if (until === 'review') return c;
  if (d.rejectedOnce) {
    r.at(await r.workday(submitOn, 3));
    c = await r.step(c, 'giveLegalityOpinion', reviewer, { data: { conclusion: 'unlawful', opinion: '第十二条设定罚款，超越规范性文件的权限（《行政处罚法》第十六条），应予删除。', reviewer: '王芳' }, document: '合法性审核意见书（不予通过）' });
    r.at(await r.workday(submitOn, 5));
    c = await r.step(c, 'submitForReview', handler);
  }
  r.at(await r.workday(meeting.heldOn, 0).then((m) => addDays(m, -3)));
  c = await r.step(c, 'giveLegalityOpinion', reviewer, { data: { conclusion: 'lawful', opinion: '制定主体适格，程序符合规定，内容未违反上位法，未增加公民、法人和其他组织的义务。', reviewer: '王芳' }, document: '合法性审核意见书' });
  r.at(meeting.heldOn, 15);
  c = await r.step(c, 'recordDiscussion', handler, { data: { meetingKind: meeting.kind, meetingSeq: meeting.seq, meetingOn: meeting.heldOn, outcome: 'adopted' } });
  const numberOn = await r.workday(meeting.heldOn, 2);
  r.at(numberOn);
  c = await r.step(c, 'allocateNumber', handler);
  const publishedOn = publishOn ?? (await r.workday(numberOn, 1));
  r.at(publishedOn);
  const effectiveOn = d.laterEffect ? addDays(publishedOn, 30) : publishedOn;
  c = await r.step(c, 'publish', handler, { data: { publishedOn, effectiveOn, ...(d.validityYears ? { validityYears: d.validityYears } : {}) } });
  if (until === 'published') return c;
  const filedOn = await r.workday(addDays(publishedOn, 7));
  r.at(filedOn);
  return r.step(c, 'file', handler, { data: { filedWithGovernmentOn: filedOn, filedWithCongressOn: filedOn } });
}

async function settings(r: Replay): Promise<void> {
  r.at('2017-01-03');
  await r.db.transaction((tx) =>
    saveNormativeSettings(
      tx,
      DEMO_REGION,
      {
        commentDays: 30,
        reviewWorkingDays: 15,
        validityYears: 5,
        filingDays: 15,
        expiryReminderMonths: 6,
        numberPrefixes: [
          { orgId: r.org(GOVERNMENT).id, prefix: '岳县政规' },
          { orgId: r.org(OFFICE).id, prefix: '岳县政办规' },
        ],
      },
      1,
      r.actor('sfj').userId,
      r.clock.now(),
    ),
  );
}

/** 专项清理 of 2021: the decisions applied together on completion, the lists published on the portal. */
async function cleanup(r: Replay, decided: { id: string; decision: CleanupDecision; reason: string }[]): Promise<void> {
  const by = r.actor('sfj').userId;
  r.at('2021-06-01');
  const title = '岳阳县2021年涉及长江保护、行政处罚法、计划生育内容的规范性文件专项清理';
  await r.db.transaction(async (tx) => {
    const now = r.clock.now();
    const [campaign] = await tx
      .insert(normativeCampaigns)
      .values({
        regionCode: DEMO_REGION,
        title,
        topics: ['长江保护', '行政处罚法', '计划生育'],
        description: '根据《中华人民共和国长江保护法》、新修订的《中华人民共和国行政处罚法》和《中华人民共和国人口与计划生育法》（2021年修正）的施行，对县人民政府及其办公室制发的现行有效规范性文件开展专项清理。',
        state: 'published',
        startedOn: '2021-06-01',
        completedOn: '2021-11-19',
        publishedOn: '2021-11-30',
        version: 1,
        createdAt: now,
        createdBy: by,
        updatedAt: now,
        updatedBy: by,
      })
      .returning();
    await tx.insert(normativeCampaignItems).values(decided.map((d) => ({ regionCode: DEMO_REGION, campaignId: campaign!.id, documentId: d.id, decision: d.decision, reason: d.reason, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by })));
    r.at('2021-11-19');
    for (const d of decided) {
      const status = cleanupStatus[d.decision];
      if (!status) continue;
      await changeStatus(tx, { regionCode: DEMO_REGION, documentId: d.id, status, changedOn: '2021-11-19', byText: title, campaignId: campaign!.id, reason: d.reason }, r.clock.now(), by);
      await indexDocument(tx, d.id, r.clock.now());
    }
  });
}

/** The latest 县政府常务会议 held on or before `day`. */
async function executiveBefore(r: Replay, day: LocalDate): Promise<Meeting> {
  const year = Number(day.slice(0, 4));
  let found: Meeting | undefined;
  for (let seq = 1; seq <= 24; seq++) {
    const m = await countyExecutiveMeeting(r, year, seq);
    if (m.heldOn > day) break;
    found = { kind: 'executive', ...m };
  }
  if (!found) throw new Error(`no executive meeting before ${day}`);
  return found;
}

export async function seedDemoNormative(r: Replay, today: LocalDate): Promise<void> {
  await settings(r);
  const cleaned: { id: string; decision: CleanupDecision; reason: string }[] = [];
  let officeSeq = 0;
  for (const d of older) {
    const meeting: Meeting =
      d.issuer === GOVERNMENT
        ? { kind: 'executive', ...(await countyExecutiveMeeting(r, d.meetingOn.year, d.meetingOn.seq)) }
        : { kind: 'office', seq: d.meetingOn.seq, heldOn: await r.workday(`${d.meetingOn.year}-${String(Math.ceil(d.meetingOn.seq / 2)).padStart(2, '0')}-15`) };
    const c = await play(r, d, meeting);
    if (d.cleanup) cleaned.push({ id: c.id, ...d.cleanup });
  }
  // 2021: the government's documents at its 常务会议 (shared with the decisions demo's numbering of them).
  const governmentMeetings = [3, 5, 6, 8, 9, 11, 12, 14, 16];
  const plays: { d: Doc; meeting: Meeting }[] = [];
  for (const [i, d] of government2021.entries()) plays.push({ d, meeting: { kind: 'executive', ...(await countyExecutiveMeeting(r, 2021, governmentMeetings[i]!)) } });
  for (const [i, d] of office2021.entries()) plays.push({ d, meeting: { kind: 'office', seq: ++officeSeq, heldOn: await r.workday(addDays('2021-01-20', i * 21)) } });
  // Numbers are given in the order of numbering, per issuer: play in meeting order.
  plays.sort((a, b) => a.meeting.heldOn.localeCompare(b.meeting.heldOn));
  for (const { d, meeting } of plays) await play(r, d, meeting);
  await cleanup(r, cleaned);

  // Today's work.
  const expiringFrom = await r.workday(addCalendarMonths(today, -33));
  await play(r, { title: '岳阳县城区违法建设查处办法', issuer: OFFICE, drafter: '430621-D26', topics: ['城市管理'], basis: '《中华人民共和国城乡规划法》', validityYears: 3 }, { kind: 'office', seq: 30, heldOn: await r.workday(addDays(expiringFrom, -10)) }, 'filed', expiringFrom);
  const awaitingFiling = await executiveBefore(r, addDays(today, -12));
  await play(r, { title: '岳阳县城区停车场建设和管理办法', issuer: GOVERNMENT, drafter: '430621-D12', topics: ['城市管理'], basis: '《湖南省城市综合管理条例》' }, awaitingFiling, 'published', await r.workday(addDays(today, -4)));
  await play(r, { title: '岳阳县农村集体经济组织财务管理办法', issuer: GOVERNMENT, drafter: '430621-D15', topics: ['乡村振兴'], basis: '《农村集体经济组织财务制度》' }, { kind: 'executive', seq: 0, heldOn: addDays(today, -24) }, 'review');
  await play(r, { title: '岳阳县住宅专项维修资金管理办法', issuer: OFFICE, drafter: '430621-D12', topics: ['住房保障'], basis: '《住宅专项维修资金管理办法》' }, { kind: 'office', seq: 0, heldOn: addDays(today, 12) }, 'review');
  const comment = await open(r, { title: '岳阳县城镇燃气安全管理办法', issuer: GOVERNMENT, drafter: '430621-D12', topics: ['安全生产'], basis: '《城镇燃气管理条例》' }, await r.workday(addDays(today, -14)));
  r.at(await r.workday(addDays(today, -10)));
  await r.step(comment, 'openComment', r.actor('sfj'), { data: {} });
}
