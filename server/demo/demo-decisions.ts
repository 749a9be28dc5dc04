import { eq } from 'drizzle-orm';
import type { DecisionCategory, ExemptableGate } from '../../contracts/decisions.ts';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import { publicComments, publicConsultations, type AdoptionState } from '../kernel/consultation/consultation.tables.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { findItem } from '../modules/decisions/catalogue.repository.ts';
import { findDecisionRow } from '../modules/decisions/decisions.repository.ts';
import { decisionCatalogueAdjustments, decisionCatalogueItems, decisionCatalogues, decisions } from '../modules/decisions/decisions.tables.ts';
import { openDecision, statementDraft } from '../modules/decisions/use-cases/decisions.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 重大行政决策. 2021 as its report states it: 52 decisions reviewed for legality — 20 decided at
 * the county government's 常务会议 (with the 9 规范性文件 recorded there by the normative demo, the
 * report's 29 law-related items) and 32 decided by departments at their own 局务会议 — each played
 * through the five procedures and published with its adoption statement. Today's open work: one draft
 * out for comment, one in legality review, one waiting on its expert review.
 */

const GOVERNMENT = '430621-000';

interface Item {
  title: string;
  category: DecisionCategory;
  host: string;
  /** Procedures the catalogue leaves out, with their legal ground. */
  exemptions?: Partial<Record<ExemptableGate, string>>;
}

const NOT_TECHNICAL = '专业性、技术性不强，不需组织专家论证（条例 第十九条）';

const county: Item[] = [
  { title: '关于进一步规范全县招投标工作的实施意见', category: 'publicPolicy', host: '430621-D02' },
  { title: '岳阳县村组小型基础设施建设管理办法', category: 'publicPolicy', host: '430621-D15' },
  { title: '岳阳县建设用地储备出让规则', category: 'resources', host: '430621-D10' },
  { title: '岳阳县校外培训机构专项整治工作方案', category: 'publicPolicy', host: '430621-D03' },
  { title: '岳阳县招商引资优惠政策若干规定', category: 'publicPolicy', host: '430621-D16' },
  { title: '岳阳县优化营商环境三年行动方案（2021—2023年）', category: 'publicPolicy', host: '430621-D02' },
  { title: '岳阳县城乡供水一体化项目实施方案', category: 'publicProject', host: '430621-D14' },
  { title: '岳阳高新技术产业园区赋权事项实施方案', category: 'other', host: '430621-D40' },
  { title: '岳阳县国土空间总体规划（2021—2035年）', category: 'plan', host: '430621-D10' },
  { title: '岳阳县“十四五”生态环境保护规划', category: 'plan', host: '430621-D11' },
  { title: '岳阳县城区停车设施建设与管理实施方案', category: 'publicProject', host: '430621-D12' },
  { title: '岳阳县农村人居环境整治提升五年行动方案', category: 'publicPolicy', host: '430621-D15' },
  { title: '岳阳县城区管道燃气价格调整方案', category: 'publicPolicy', host: '430621-D02' },
  { title: '岳阳县公共租赁住房保障管理办法', category: 'publicPolicy', host: '430621-D12' },
  { title: '岳阳县县城污水处理厂提质改造项目', category: 'publicProject', host: '430621-D12' },
  { title: '岳阳县东洞庭湖湿地保护实施方案', category: 'resources', host: '430621-D25' },
  { title: '岳阳县城区道路交通综合治理方案', category: 'publicPolicy', host: '430621-D13' },
  { title: '岳阳县国有企业改革实施方案', category: 'other', host: '430621-D08' },
  { title: '岳阳县新型城镇化建设实施方案', category: 'plan', host: '430621-D02' },
];
/**
 * Added to the published catalogue in June, with its reason: the adjustment the portal shows. The
 * report names it among the 常务会议 items that took all five procedures, as every county item here.
 */
const added: Item = { title: '湖南岳阳巴陵农村商业银行股份有限公司改革发展方案', category: 'other', host: '430621-D38' };

const departments: [string, string[]][] = [
  ['430621-D03', ['岳阳县中小学学区划分调整方案', '岳阳县义务教育阶段招生入学工作方案', '岳阳县中小学教师“县管校聘”管理改革实施方案']],
  ['430621-D10', ['岳阳县农村集体经营性建设用地入市试点方案', '岳阳县农村宅基地审批管理实施细则']],
  ['430621-D12', ['岳阳县物业服务企业信用管理办法', '岳阳县城区老旧小区改造实施方案']],
  ['430621-D22', ['岳阳县农贸市场提质改造实施方案', '岳阳县食品小作坊集中加工区建设方案']],
  ['430621-D09', ['岳阳县就业困难人员认定管理办法']],
  ['430621-D18', ['岳阳县基层医疗卫生机构绩效考核办法', '岳阳县县域医共体建设实施方案']],
  ['430621-D13', ['岳阳县农村客运班线公交化改造方案']],
  ['430621-D14', ['岳阳县河道采砂规划（2021—2025年）', '岳阳县农村饮水安全工程运行管护办法']],
  ['430621-D15', ['岳阳县高标准农田建设项目管理办法', '岳阳县稻虾综合种养产业发展方案']],
  ['430621-D06', ['岳阳县城乡最低生活保障审核确认办法', '岳阳县殡葬改革实施方案']],
  ['430621-D26', ['岳阳县城区户外广告设置规划', '岳阳县城区建筑渣土运输管理办法']],
  ['430621-D25', ['岳阳县森林防火网格化管理实施方案']],
  ['430621-D17', ['张谷英村旅游发展规划']],
  ['430621-D24', ['岳阳县医疗保障定点医药机构管理办法']],
  ['430621-D16', ['岳阳县县域商业体系建设实施方案']],
  ['430621-D20', ['岳阳县安全生产风险分级管控办法']],
  ['430621-D08', ['岳阳县政府投资项目评审管理办法', '岳阳县县级预算绩效管理办法']],
  ['430621-D28', ['岳阳县工程建设项目审批制度改革实施方案']],
  ['430621-D32', ['岳阳县政务数据共享管理办法']],
  ['430621-D11', ['岳阳县重点排污单位名录管理办法']],
  ['430621-D19', ['岳阳县退役军人就业创业扶持办法']],
];

const categoryOf = (title: string): DecisionCategory => (/规划/.test(title) ? 'plan' : /项目|改造|建设方案/.test(title) ? 'publicProject' : /用地|采砂|湿地|排污|森林/.test(title) ? 'resources' : 'publicPolicy');

/**
 * The county government's 常务会议 of a year: the n-th is held on the first working day on or after
 * the 8th (odd n) or the 22nd (even n) of its month. The normative demo records its 规范性文件 on
 * these same meetings, so the two never register one meeting number with two dates.
 */
export async function countyExecutiveMeeting(r: Replay, year: number, seq: number): Promise<{ seq: number; heldOn: LocalDate }> {
  const month = Math.ceil(seq / 2);
  return { seq, heldOn: await r.workday(`${year}-${String(month).padStart(2, '0')}-${seq % 2 ? '08' : '22'}`) };
}

/** The first 常务会议 of the year held on or after `day`. */
async function nextExecutiveMeeting(r: Replay, day: LocalDate) {
  const year = Number(day.slice(0, 4));
  for (let seq = 1; seq <= 24; seq++) {
    const m = await countyExecutiveMeeting(r, year, seq);
    if (m.heldOn >= day) return m;
  }
  throw new Error(`no executive meeting after ${day}`);
}

async function createCatalogue(r: Replay, orgCode: string, year: number, items: Item[], dates: { consent: LocalDate; approved: LocalDate; published: LocalDate }) {
  const org = r.org(orgCode);
  const by = r.actor('sfj').userId;
  r.at(dates.published);
  return r.db.transaction(async (tx) => {
    const now = r.clock.now();
    const [cat] = await tx
      .insert(decisionCatalogues)
      .values({
        regionCode: DEMO_REGION,
        orgId: org.id,
        year,
        title: `${org.name}${year}年度重大行政决策事项目录`,
        state: 'published',
        partyConsentOn: dates.consent,
        partyConsentRef: orgCode === GOVERNMENT ? `中共岳阳县委常委会会议纪要〔${year}〕2号` : `${org.name}党组会议纪要〔${year}〕1号`,
        approvedOn: dates.approved,
        publishedOn: dates.published,
        createdAt: now,
        createdBy: by,
        updatedAt: now,
        updatedBy: by,
      })
      .returning();
    const rows = await tx
      .insert(decisionCatalogueItems)
      .values(items.map((item, i) => ({ regionCode: DEMO_REGION, catalogueId: cat!.id, seq: i + 1, title: item.title, category: item.category, hostOrgId: r.org(item.host).id, plannedTime: `${year}年第${Math.min(4, Math.floor(i / 6) + 1)}季度`, exemptions: item.exemptions ?? {}, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by })))
      .returning({ id: decisionCatalogueItems.id });
    return { catalogueId: cat!.id, itemIds: rows.map((x) => x.id) };
  });
}

/** 目录调整: an item added to the published catalogue with its written reason. */
async function addToCatalogue(r: Replay, catalogueId: string, item: Item, day: LocalDate, reason: string): Promise<string> {
  r.at(day);
  const by = r.actor('sfj').userId;
  return r.db.transaction(async (tx) => {
    const now = r.clock.now();
    const existing = await tx.select({ seq: decisionCatalogueItems.seq }).from(decisionCatalogueItems).where(eq(decisionCatalogueItems.catalogueId, catalogueId));
    const fields = { title: item.title, category: item.category, hostOrgId: r.org(item.host).id, plannedTime: `${day.slice(0, 4)}年第四季度`, exemptions: item.exemptions ?? {} };
    const [row] = await tx
      .insert(decisionCatalogueItems)
      .values({ regionCode: DEMO_REGION, catalogueId, seq: existing.length + 1, ...fields, createdAt: now, createdBy: by, updatedAt: now, updatedBy: by })
      .returning();
    await tx.insert(decisionCatalogueAdjustments).values({ regionCode: DEMO_REGION, catalogueId, seq: 1, kind: 'add', itemId: row!.id, itemTitle: item.title, reason, before: null, after: fields, adjustedOn: day, at: now, by });
    return row!.id;
  });
}

async function open(r: Replay, itemId: string, day: LocalDate): Promise<CaseRow> {
  r.at(day, 9);
  const actor = r.actor('sfj');
  return r.db.transaction(async (tx) => {
    const found = (await findItem(tx, itemId))!;
    const id = await openDecision(tx, r.deps, found, `${found.item.title}（草案）已由${found.hostOrgName}起草完成，拟按程序提请决策。`, { actor, meta: {} }, r.clock.now());
    const [row] = await tx.select().from(cases).where(eq(cases.id, id));
    return row!;
  });
}

const commentsByTopic: [string, AdoptionState, string][] = [
  ['建议明确各部门的职责分工和完成时限。', 'adopted', '已在第三部分明确责任单位和时限'],
  ['建议加大对乡镇的资金支持力度。', 'partly', '在现有财力范围内适当倾斜'],
  ['建议取消所有审批环节。', 'notAdopted', '部分审批为法律、法规设定，不能取消'],
];

/** The comments the moderation helper would leave: approved, with their adoption marks. */
async function comments(r: Replay, c: CaseRow, n: number): Promise<void> {
  await r.db.transaction(async (tx) => {
    const [round] = await tx.select().from(publicConsultations).where(eq(publicConsultations.entityId, c.id));
    const by = r.actor('sfj').userId;
    for (const [i, [content, adoption, note]] of commentsByTopic.slice(0, n).entries()) {
      await tx.insert(publicComments).values({ regionCode: DEMO_REGION, consultationId: round!.id, authorName: ['张先生', '李女士', '王先生'][i]!, content, submittedAt: r.clock.now(), moderation: 'approved', moderatedBy: by, moderatedAt: r.clock.now(), adoption, adoptionNote: note });
    }
  });
}

type Stage = 'comment' | 'legality' | 'experts' | 'published';

/**
 * Plays one decision from `start` up to `until`; returns the day its last step was taken. Every
 * procedure the catalogue did not exempt is taken in the regulation's order.
 */
async function play(r: Replay, itemId: string, start: LocalDate, until: Stage, meeting: (after: LocalDate) => Promise<{ kind: 'executive' | 'office'; seq: number; heldOn: LocalDate }>, docNo?: string): Promise<void> {
  const handler = r.actor('sfj');
  let c = await open(r, itemId, start);
  const gates = (await r.db.select({ gates: decisions.gates }).from(decisions).where(eq(decisions.caseId, c.id)))[0]!.gates;
  let day = start;
  if (gates.publicParticipation.status === 'pending') {
    c = await r.step(c, 'openPublicComment', handler, { data: { explanation: '本草案起草的背景、依据和主要内容说明。', days: 30 } });
    if (until === 'comment') return;
    r.at(addDays(day, 6));
    await comments(r, c, 3);
    const [round] = await r.db.select({ closesOn: publicConsultations.closesOn }).from(publicConsultations).where(eq(publicConsultations.entityId, c.id));
    day = await r.workday(addDays(round!.closesOn, 1));
    r.at(day);
    c = await r.step(c, 'closePublicComment', handler);
  }
  if (gates.expertReview.status === 'pending') {
    day = await r.workday(day, 3);
    r.at(day);
    c = await r.step(c, 'addExpertOpinion', handler, { data: { name: '刘建国', title: '教授', affiliation: '湖南理工学院', opinion: '方案总体可行，建议细化配套措施。', adopted: true } });
    if (until === 'experts') return;
    c = await r.step(c, 'addExpertOpinion', handler, { data: { name: '陈志华', title: '律师', affiliation: '湖南岳州律师事务所', opinion: '建议删除个别限制市场主体的条款。', adopted: false, adoptionNote: '相关条款已另行论证，确有必要保留' } });
    c = await r.step(c, 'completeExpertReview', handler);
  }
  if (gates.riskAssessment.status === 'pending') {
    day = await r.workday(day, 3);
    r.at(day);
    c = await r.step(c, 'recordRiskAssessment', handler, { data: { level: 'low', summary: '风险总体可控。', measures: '做好政策解读，建立舆情监测和矛盾调处机制。' }, document: '社会稳定风险评估报告' });
  }
  day = await r.workday(day, 2);
  r.at(day);
  c = await r.step(c, 'submitForLegality', handler, { data: {} });
  if (until === 'legality') return;
  day = await r.workday(day, 6);
  r.at(day, 15);
  c = await r.step(c, 'giveLegalityOpinion', r.actor('fzsh'), { data: { conclusion: 'lawfulWithChanges', opinion: '经审查，草案内容符合法律、法规规定，建议对个别表述作修改后提请审议。', reviewer: '王芳' }, document: '合法性审查意见书' });
  day = await r.workday(day, 1);
  r.at(day);
  c = await r.step(c, 'recordPartyConsultation', handler, { data: { consultedOn: day, note: '同级党委（党组）同意提请集体讨论决定' } });
  const m = await meeting(await r.workday(day, 1));
  r.at(m.heldOn, 16);
  c = await r.step(c, 'recordCollectiveDecision', handler, { data: { meetingKind: m.kind, meetingSeq: m.seq, heldOn: m.heldOn, outcome: 'adopted', decisionText: '会议原则通过，由承办单位按会议意见修改后组织实施。' } });
  // 采纳情况说明: drafted from the comments and experts, then saved as staff would after editing it.
  const row = (await findDecisionRow(r.db, c.id))!;
  const statement = await statementDraft(r.db, row);
  await r.db.update(decisions).set({ adoptionStatement: statement }).where(eq(decisions.caseId, c.id));
  const published = await r.workday(m.heldOn, 5);
  r.at(published);
  c = await r.step(c, 'publishDecision', handler, { data: { documentNo: docNo, publishedOn: published } });
}

export async function seedDemoDecisions(r: Replay, today: LocalDate): Promise<void> {
  const y = 2021;
  const main = await createCatalogue(r, GOVERNMENT, y, county, { consent: '2021-01-22', approved: '2021-01-28', published: '2021-02-01' });
  const bank = await addToCatalogue(r, main.catalogueId, added, '2021-06-10', '根据省地方金融监管局关于农村商业银行改革的部署，增列本事项');
  const itemIds = [...main.itemIds, bank];
  const executive = async (after: LocalDate) => ({ kind: 'executive' as const, ...(await nextExecutiveMeeting(r, after)) });
  for (const [i, itemId] of itemIds.entries()) {
    const start = i === itemIds.length - 1 ? '2021-06-15' : addDays('2021-02-22', i * 12);
    await play(r, itemId, await r.workday(start), 'published', executive, `岳政发〔2021〕${i + 3}号`);
  }
  let n = 0;
  for (const [code, titles] of departments) {
    const dept = await createCatalogue(r, code, y, titles.map((title) => ({ title, category: categoryOf(title), host: code, exemptions: { expertReview: NOT_TECHNICAL } })), { consent: '2021-02-05', approved: '2021-02-08', published: '2021-02-10' });
    let seq = 0;
    const office = async (after: LocalDate) => ({ kind: 'office' as const, seq: ++seq, heldOn: after });
    for (const itemId of dept.itemIds) {
      await play(r, itemId, await r.workday(addDays('2021-03-01', (n % 16) * 14 + Math.floor(n / 16) * 5)), 'published', office);
      n++;
    }
  }
  // Today's open work, in the current year's catalogue.
  const now = Number(today.slice(0, 4));
  const current = await createCatalogue(
    r,
    GOVERNMENT,
    now,
    [
      { title: `岳阳县${now}年城区学校布局调整方案`, category: 'publicPolicy', host: '430621-D03' },
      { title: '岳阳县城市更新行动实施方案', category: 'plan', host: '430621-D12', exemptions: { expertReview: NOT_TECHNICAL } },
      { title: '岳阳县生活垃圾分类处理项目实施方案', category: 'publicProject', host: '430621-D26' },
    ],
    { consent: `${now}-01-20`, approved: `${now}-01-26`, published: `${now}-02-01` },
  );
  const [comment, legality, blocked] = current.itemIds as [string, string, string];
  await play(r, comment, await r.workday(addDays(today, -10)), 'comment', executive);
  await play(r, legality, await r.workday(addDays(today, -42)), 'legality', executive);
  await play(r, blocked, await r.workday(addDays(today, -45)), 'experts', executive);
}
