import { and, eq } from 'drizzle-orm';
import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { cases } from '../kernel/workflow/workflow.tables.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { legislationRequests } from '../modules/legislation/legislation.tables.ts';
import { insertResearch, lockConsultation } from '../modules/legislation/legislation.repository.ts';
import { askOrganisations } from '../modules/legislation/use-cases/distribute.ts';
import { openConsultation } from '../modules/legislation/use-cases/register-consultation.ts';
import { replyTo } from '../modules/legislation/use-cases/send-reply.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 立法建议, as the 2021 report tells them (积极配合上级立法): the 市司法局's consultation on the
 * revision of the 地方组织法, answered with the county's written opinions on the 监察委员会's leadership
 * and the adjustment of government powers; the 《湖南省优化营商环境规定》 research with 23 departments
 * and townships and 5 kinds of private companies. Dates and letter numbers are illustrative; the report
 * gives none. The current year has a consultation open: two answers in, one department overdue, a
 * township's answer due within days.
 */

const meta = { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' };

/** What an organisation answers; an account answers for itself, the 司法局 records the others' letters. */
type Answer = { org: string; opinion?: string; after: number; by?: string };

interface Script {
  receivedOn: LocalDate;
  fromBody: string;
  documentTitle: string;
  documentNo: string;
  draftTitle: string;
  summary: string;
  /** The county's reply due this many calendar days after receipt. */
  replyWithin: number;
  /** Asked this many working days after receipt, to answer within `answerWithin` working days. */
  askAfter: number;
  answerWithin: number;
  answers: Answer[];
  /** Asked but silent. */
  silent?: string[];
  research?: { after: number; orgCount: number; companyKinds: number; companyNames: string; summary: string };
  reply?: { after: number; documentNo: string; lateReason?: string };
}

const ORGANISATION_LAW_OPINIONS = {
  supervision: '建议在第八条中明确地方各级监察委员会由本级人民代表大会产生、对本级人民代表大会及其常务委员会和上一级监察委员会负责，与《监察法》的领导体制相衔接。',
  powers: '建议对县级人民政府与乡镇人民政府的职权划分作出原则性规定，明确乡镇人民政府承接县级赋权事项的程序和保障，避免“权责不对等”。',
};

const history: Script[] = [
  {
    receivedOn: '2021-04-12',
    fromBody: '岳阳市司法局',
    documentTitle: '关于开展《湖南省优化营商环境规定（草案）》立法调研的通知',
    documentNo: '岳市司函〔2021〕19号',
    draftTitle: '《湖南省优化营商环境规定（草案）》',
    summary: '受省司法厅委托，请各县市区组织相关部门、乡镇和企业代表开展立法调研，提出针对性、实用性建议。',
    replyWithin: 18,
    askAfter: 1,
    answerWithin: 8,
    answers: [
      { org: '430621-D22', by: 'scj', after: 5, opinion: '建议对市场主体登记“一照多址”“证照分离”作出明确规定，并规定包容审慎监管的具体情形。' },
      { org: '430621-T01', by: 'rjw', after: 6 },
      { org: '430621-D02', after: 6, opinion: '建议规定涉企优惠政策“免申即享”，明确政策兑现时限。' },
      { org: '430621-D28', after: 7, opinion: '建议将“一件事一次办”和政务服务事项“全程网办”写入规定。' },
      { org: '430621-D12', after: 7, opinion: '建议明确工程建设项目审批各环节的办理时限，推行联合验收。' },
      { org: '430621-D16', after: 7, opinion: '建议对外贸企业通关便利和出口信用保险支持作出规定。' },
      ...['430621-D04', '430621-D08', '430621-D09', '430621-D10', '430621-D11', '430621-D13', '430621-D14', '430621-D15', '430621-D24', '430621-D37', '430621-D40'].map((org) => ({ org, after: 7 })),
      ...['430621-T02', '430621-T03', '430621-T04', '430621-T05', '430621-T06', '430621-T07'].map((org) => ({ org, after: 8, by: org === '430621-T03' ? 'xinqiang' : undefined })),
    ],
    research: {
      after: 6,
      orgCount: 23,
      companyKinds: 5,
      companyNames: '建筑类、科技型、外贸商务流通类、制造类等5类民营中小企业代表负责人',
      summary: '县司法局组织召开《湖南省优化营商环境规定（草案）》立法调研座谈会，23个县直相关部门和乡镇分管负责人、5类民营中小企业代表负责人参加，为本地区、本行业营商环境中存在的问题提出针对性、实用性建议。',
    },
    reply: { after: 13, documentNo: '岳政函〔2021〕21号' },
  },
  {
    receivedOn: '2021-10-25',
    fromBody: '岳阳市司法局',
    documentTitle: '关于征求《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（修正草案）》修改意见的函',
    documentNo: '岳市司函〔2021〕58号',
    draftTitle: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法（修正草案）》',
    summary: '请县政府结合实际，重点就地方国家机构的设置、职权和工作制度提出修改意见。',
    replyWithin: 16,
    askAfter: 1,
    answerWithin: 6,
    answers: [
      { org: '430621-D01', after: 5, opinion: ORGANISATION_LAW_OPINIONS.supervision },
      { org: '430621-D28', after: 5, opinion: ORGANISATION_LAW_OPINIONS.powers },
      { org: '430621-D06', after: 5 },
      { org: '430621-D08', after: 6 },
      { org: '430621-D22', by: 'scj', after: 4 },
      { org: '430621-T01', by: 'rjw', after: 6 },
    ],
    reply: { after: 11, documentNo: '岳政函〔2021〕63号' },
  },
];

async function play(r: Replay, s: Script, today: LocalDate): Promise<void> {
  const sfj = r.actor('sfj');
  const who = (actor: Actor) => ({ actor, meta });
  r.at(s.receivedOn, 9);
  const letter = await r.db.transaction((tx) => r.attach(tx, s.documentTitle, sfj));
  const id = await r.db.transaction((tx) =>
    openConsultation(tx, r.deps, who(sfj), r.org('430621-D07').id, {
      fromBody: s.fromBody,
      documentTitle: s.documentTitle,
      documentNo: s.documentNo,
      draftTitle: s.draftTitle,
      receivedOn: s.receivedOn,
      replyDueOn: addDays(s.receivedOn, s.replyWithin),
      summary: s.summary,
      fileIds: [letter],
    }),
  );
  const askedOn = await r.workday(s.receivedOn, s.askAfter);
  r.at(askedOn, 10);
  const dueOn = await r.workday(askedOn, s.answerWithin);
  const orgs = [...s.answers.map((a) => a.org), ...(s.silent ?? [])];
  await r.db.transaction(async (tx) => {
    const parent = (await lockConsultation(tx, id))!;
    await askOrganisations(tx, r.deps, who(sfj), parent, { orgIds: orgs.map((code) => r.org(code).id), dueOn, note: '请认真研究，于截止日期前书面反馈；无意见的也请反馈。' });
  });
  const requestOf = async (code: string): Promise<CaseRow> => {
    const [row] = await r.db
      .select({ c: cases })
      .from(legislationRequests)
      .innerJoin(cases, eq(cases.id, legislationRequests.caseId))
      .where(and(eq(legislationRequests.consultationId, id), eq(legislationRequests.orgId, r.org(code).id)));
    return row!.c;
  };
  for (const a of [...s.answers].sort((x, y) => x.after - y.after)) {
    const on = await r.workday(askedOn, a.after);
    if (on > today) continue;
    r.at(on, 15);
    const data = { noOpinion: !a.opinion, ...(a.opinion ? { opinion: a.opinion } : {}) };
    const c = await requestOf(a.org);
    if (a.by) await r.step(c, 'answer', r.actor(a.by), { data });
    else await r.step(c, 'recordOpinion', sfj, { data: { ...data, answeredOn: on }, document: `${r.org(a.org).name}反馈意见` });
  }
  if (s.research) {
    const heldOn = await r.workday(s.receivedOn, s.research.after);
    r.at(heldOn, 16);
    await r.db.transaction(async (tx) => {
      const minutes = await r.attach(tx, '立法调研座谈会会议纪要', sfj);
      const { after: _a, ...fields } = s.research!;
      await insertResearch(tx, { ...fields, regionCode: DEMO_REGION, consultationId: id, heldOn, place: '县政府第三会议室', orgNames: null, fileIds: [minutes], createdBy: sfj.userId, updatedBy: sfj.userId });
    });
  }
  if (!s.reply) return;
  const consolidatedOn = await r.workday(s.receivedOn, s.reply.after - 2);
  r.at(consolidatedOn, 11);
  let c = (await r.db.select().from(cases).where(eq(cases.id, id)))[0]!;
  c = await r.step(c, 'consolidate', sfj, { data: {} });
  const sentOn = await r.workday(s.receivedOn, s.reply.after);
  r.at(sentOn, 10);
  const reply = s.reply;
  await r.db.transaction(async (tx) => {
    const file = await r.attach(tx, `${reply.documentNo}（反馈意见）`, sfj);
    await replyTo(tx, r.deps, who(sfj), id, { version: c.version, sentOn, documentNo: reply.documentNo, lateReason: reply.lateReason, fileIds: [file] });
  });
}

/** This year's open consultation: received 12 days ago; two answers in, one overdue, one due soon. */
async function current(r: Replay, today: LocalDate): Promise<void> {
  const receivedOn = await r.workday(addDays(today, -14));
  await play(
    r,
    {
      receivedOn,
      fromBody: '岳阳市人大常委会法制工作委员会',
      documentTitle: '关于征求《岳阳市城乡建设管理条例（草案征求意见稿）》意见的函',
      documentNo: `岳人法工函〔${today.slice(0, 4)}〕7号`,
      draftTitle: '《岳阳市城乡建设管理条例（草案征求意见稿）》',
      summary: '请围绕城乡建设与管理中的突出问题提出修改意见和立法建议。',
      replyWithin: 24,
      askAfter: 1,
      answerWithin: 6,
      answers: [
        { org: '430621-D22', by: 'scj', after: 3, opinion: '建议对占道经营的管理主体和处罚标准作出衔接性规定，避免与《城市市容和环境卫生管理条例》重复。' },
        { org: '430621-T03', by: 'xinqiang', after: 4 },
      ],
      silent: ['430621-D12'],
    },
    today,
  );
  // A township asked later, its answer due within days.
  const sfj = r.actor('sfj');
  const askedOn = await r.workday(addDays(today, -3));
  r.at(askedOn, 10);
  const [row] = await r.db.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, `岳人法工函〔${today.slice(0, 4)}〕7号`));
  await r.db.transaction(async (tx) => {
    const parent = (await lockConsultation(tx, row!.id))!;
    await askOrganisations(tx, r.deps, { actor: sfj, meta }, parent, { orgIds: [r.org('430621-T01').id], dueOn: await r.workday(today, 2), note: '请结合集镇建设管理实际提出意见。' });
  });
}

export async function seedDemoLegislation(r: Replay, today: LocalDate): Promise<void> {
  for (const s of history) await play(r, s, today);
  await current(r, today);
}
