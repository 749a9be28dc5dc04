import { addDays, type LocalDate } from '../kernel/calendar/local-date.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { openCase } from '../kernel/workflow/transition.ts';
import { actCategoryLabels, instanceLabels, type Outcome } from '../../contracts/litigation.ts';
import { insertHearing, insertLitigationCase } from '../modules/litigation/litigation.repository.ts';
import type { Replay } from './replay.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * 岳阳县's 行政应诉 cases. 2021 reproduces the report: 8 first-instance cases, 5 concluded in the year
 * (驳回起诉 2, 驳回诉讼请求 2, 撤诉 1), a 负责人 at every hearing; the other 3 were judged in 2022. The
 * current year has a defence due soon, one overdue, and a hearing where only staff appeared although
 * the court had summoned the head.
 */

const COURT = '岳阳市岳阳楼区人民法院';

interface Script {
  complaintOn: LocalDate;
  defendant: string;
  /** The account that handles it for the defendant. */
  handler: string;
  plaintiff: string;
  plaintiffType: 'person' | 'company';
  category: 'penalty' | 'expropriation' | 'confirmation' | 'inaction' | 'disclosure';
  act: string;
  /** Hearing held this many days after the complaint, and who appeared. */
  hearing?: { after: number; appearance: 'head' | 'deputy' | 'inCharge' | 'staff'; name: string; title: string };
  headSummoned?: boolean;
  /** Calendar days from the complaint to the judgment, and its outcome. */
  ending?: { after: number; outcome: Outcome };
  /** Defence filed this many working days after the complaint; absent: not yet filed. */
  defenceAfter?: number;
}

const history: Script[] = [
  { complaintOn: '2021-02-03', defendant: '430621-D10', handler: 'sfj', plaintiff: '胡国平', plaintiffType: 'person', category: 'expropriation', act: '集体土地征收补偿安置决定', hearing: { after: 40, appearance: 'deputy', name: '彭志远', title: '副局长' }, ending: { after: 70, outcome: 'rejectClaims' }, defenceAfter: 8 },
  { complaintOn: '2021-03-15', defendant: '430621-D09', handler: 'sfj', plaintiff: '岳阳县恒通物流有限公司', plaintiffType: 'company', category: 'confirmation', act: '不予认定工伤决定', ending: { after: 35, outcome: 'dismissSuit' }, defenceAfter: 9 },
  { complaintOn: '2021-04-20', defendant: '430621-D05', handler: 'sfj', plaintiff: '罗卫东', plaintiffType: 'person', category: 'penalty', act: '治安管理处罚决定（行政拘留十日）', hearing: { after: 45, appearance: 'inCharge', name: '邓海波', title: '分管副局长' }, ending: { after: 80, outcome: 'rejectClaims' }, defenceAfter: 10 },
  { complaintOn: '2021-06-08', defendant: '430621-T01', handler: 'rjw', plaintiff: '梁春梅', plaintiffType: 'person', category: 'inaction', act: '不履行违法建设查处职责', ending: { after: 30, outcome: 'withdrawn' }, defenceAfter: 7 },
  { complaintOn: '2021-07-12', defendant: '430621-D10', handler: 'sfj', plaintiff: '宋德胜', plaintiffType: 'person', category: 'expropriation', act: '责令交出土地决定', ending: { after: 40, outcome: 'dismissSuit' }, defenceAfter: 9 },
  { complaintOn: '2021-10-18', defendant: '430621-D22', handler: 'scj', plaintiff: '岳阳县百福超市有限公司', plaintiffType: 'company', category: 'penalty', act: '行政处罚决定（罚款五万元）', hearing: { after: 50, appearance: 'head', name: '许光明', title: '局长' }, ending: { after: 95, outcome: 'rejectClaims' }, defenceAfter: 10 },
  { complaintOn: '2021-11-09', defendant: '430621-D10', handler: 'sfj', plaintiff: '曾玉兰', plaintiffType: 'person', category: 'expropriation', act: '房屋征收补偿决定', hearing: { after: 45, appearance: 'deputy', name: '彭志远', title: '副局长' }, ending: { after: 90, outcome: 'revoke' }, defenceAfter: 8 },
  { complaintOn: '2021-12-06', defendant: '430621-D09', handler: 'sfj', plaintiff: '袁小红', plaintiffType: 'person', category: 'confirmation', act: '工伤认定决定', hearing: { after: 55, appearance: 'head', name: '沈永福', title: '局长' }, ending: { after: 100, outcome: 'rejectClaims' }, defenceAfter: 9 },
];

async function open(r: Replay, s: Script, seq: number): Promise<CaseRow> {
  const defendant = r.org(s.defendant);
  const actor = r.actor(s.handler);
  const year = s.complaintOn.slice(0, 4);
  const courtCaseNo = `（${year}）湘0602行初${100 + seq}号`;
  const filedOn = await r.workday(addDays(s.complaintOn, -6));
  r.at(s.complaintOn, 9);
  return r.db.transaction(async (tx) => {
    const title = `${s.plaintiff}诉${defendant.name}${actCategoryLabels[s.category]}案（${instanceLabels.first}）`;
    const opened = await openCase(
      tx,
      r.deps,
      { caseType: 'litigation', regionCode: DEMO_REGION, orgId: defendant.id, title, caseNo: courtCaseNo, receivedOn: s.complaintOn, data: { instance: 'first', court: COURT, courtCaseNo } },
      { actor, meta: {} },
    );
    await insertLitigationCase(tx, {
      caseId: opened.id,
      regionCode: DEMO_REGION,
      instance: 'first',
      court: COURT,
      courtCaseNo,
      plaintiffType: s.plaintiffType,
      plaintiffName: s.plaintiff,
      defendantOrgId: defendant.id,
      actCategory: s.category,
      actDescription: `${defendant.name}作出的${s.act}`,
      claims: '请求依法撤销被诉行政行为',
      afterReconsideration: false,
      filedOn,
      complaintReceivedOn: s.complaintOn,
      headSummoned: s.headSummoned ?? false,
    });
    return opened;
  });
}

async function play(r: Replay, s: Script, seq: number): Promise<void> {
  const actor = r.actor(s.handler);
  let c = await open(r, s, seq);
  if (s.defenceAfter === undefined) return;
  const defenceOn = await r.workday(s.complaintOn, s.defenceAfter);
  r.at(defenceOn);
  c = await r.step(c, 'fileDefence', actor, { data: { filedOn: defenceOn }, document: '行政诉讼答辩状及证据清单' });
  if (s.hearing) {
    const heldOn = await r.workday(addDays(s.complaintOn, s.hearing.after));
    r.at(heldOn, 16);
    const principal = s.hearing.appearance !== 'staff';
    await r.db.transaction(async (tx) => {
      const proof = principal ? null : await r.attach(tx, '负责人不能出庭的情况说明（加盖公章）', actor);
      await insertHearing(tx, {
        regionCode: DEMO_REGION,
        caseId: c.id,
        seq: 1,
        heldOn,
        appearance: s.hearing!.appearance,
        appearedName: s.hearing!.name,
        appearedTitle: s.hearing!.title,
        excuse: principal ? null : 'officialDuty',
        excuseText: principal ? null : '开庭当日负责人参加县政府常务会议，无法出庭',
        proofFileId: proof,
        failure: null,
        counsel: '湖南岳州律师事务所 方律师',
        at: r.clock.now(),
        by: actor.userId,
      });
    });
  }
  if (!s.ending) return;
  const judgedOn = await r.workday(addDays(s.complaintOn, s.ending.after));
  r.at(judgedOn, 15);
  const no = c.caseNo ?? '';
  if (s.ending.outcome === 'withdrawn') {
    await r.step(c, 'withdrawnByPlaintiff', actor, { data: { judgedOn, rulingNo: no }, document: '准予撤诉行政裁定书' });
  } else {
    await r.step(c, 'recordJudgment', actor, { data: { outcome: s.ending.outcome, judgmentNo: no, judgedOn }, document: s.ending.outcome === 'dismissSuit' ? '驳回起诉行政裁定书' : '行政判决书' });
  }
}

/** Today's lawsuits: a defence due within days, one overdue, one where only staff appeared although summoned. */
function current(today: LocalDate): Script[] {
  return [
    { complaintOn: addDays(today, -13), defendant: '430621-D22', handler: 'scj', plaintiff: '岳阳县荣湾餐饮管理有限公司', plaintiffType: 'company', category: 'penalty', act: '行政处罚决定（没收违法所得并罚款）' },
    { complaintOn: addDays(today, -18), defendant: '430621-D10', handler: 'sfj', plaintiff: '唐淑珍', plaintiffType: 'person', category: 'expropriation', act: '征收补偿决定' },
    { complaintOn: addDays(today, -60), defendant: '430621-T01', handler: 'rjw', plaintiff: '冯红军', plaintiffType: 'person', category: 'inaction', act: '不履行查处职责', defenceAfter: 8, headSummoned: true, hearing: { after: 40, appearance: 'staff', name: '刘晓燕', title: '党政办干部' } },
    { complaintOn: addDays(today, -150), defendant: '430621-D05', handler: 'sfj', plaintiff: '程志强', plaintiffType: 'person', category: 'penalty', act: '治安管理处罚决定', defenceAfter: 9, hearing: { after: 45, appearance: 'deputy', name: '邓海波', title: '副局长' }, ending: { after: 90, outcome: 'rejectClaims' } },
  ];
}

export async function seedDemoLitigation(r: Replay, today: LocalDate): Promise<void> {
  for (const [i, s] of history.entries()) await play(r, s, i + 1);
  for (const [i, s] of current(today).entries()) await play(r, s, 50 + i);
}
