import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../../kernel/calendar/local-date.ts';
import { P } from '../../kernel/calendar/periods.ts';
import { nextNumber } from '../../kernel/numbering/numbering.ts';
import { defineWorkflow, no, ok, type ClockRow, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { actCorrected } from '../../kernel/workflow/act-corrections.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import {
  annullingOutcomes,
  decisionOutcomeLabels,
  decisionOutcomes,
  outcomeLabels,
  simpleGroundLabels,
  simpleGrounds,
  suspendGroundLabels,
  suspendGrounds,
  terminationGroundLabels,
  terminationGrounds,
  type Outcome,
} from './reconsideration.labels.ts';
import { reconsiderationCases } from './reconsideration.tables.ts';

/**
 * 行政复议 (行政复议法 2023, in force 2024-01-01) as a workflow. Clocks: review 受理审查 (5 WD, art. 30),
 * correction 申请人补正 (10 WD, art. 31), copy 发送副本 (7 / 3 WD, arts. 48, 54), answer 被申请人答复
 * (10 / 5 WD), decision 审理期限 (60 days + 30 once, or 30 days simple, art. 62).
 */

export const READ = 'reconsideration.read';
export const HANDLE = 'reconsideration.handle';
/** 复议机构负责人: extension, and the steps that end a case. */
export const APPROVE = 'reconsideration.approve';
/** 被申请人 (the case's party organisation): reads the case, submits its 答复, reports corrections (意见书). */
export const RESPOND = 'reconsideration.respond';

const clock = (ctx: GuardContext, name: string): ClockRow | undefined => ctx.clocks.find((c) => c.name === name);
const running = (c: ClockRow | undefined): c is ClockRow => c?.status === 'running';

async function details(ctx: GuardContext) {
  const [row] = await ctx.tx.select().from(reconsiderationCases).where(eq(reconsiderationCases.caseId, ctx.case.id));
  if (!row) throw new Error(`reconsideration case ${ctx.case.id} has no details row`);
  return row;
}

async function update(ctx: GuardContext, values: Partial<typeof reconsiderationCases.$inferInsert>): Promise<void> {
  await ctx.tx.update(reconsiderationCases).set(values).where(eq(reconsiderationCases.caseId, ctx.case.id));
}

/**
 * The acceptance review ran out without a refusal: the application is accepted by law, from the
 * review period's last day (art. 30 ¶3: 审查期限届满之日起视为受理).
 */
const reviewLapsed = (ctx: GuardContext): ClockRow | undefined => {
  const review = clock(ctx, 'review');
  return running(review) && review.dueOn < ctx.today ? review : undefined;
};

const AcceptInput = z
  .object({
    procedure: z.enum(['ordinary', 'simple']).meta({ title: '审理程序', optionLabels: { ordinary: '普通程序', simple: '简易程序' } }),
    simpleGround: z
      .enum(simpleGrounds)
      .optional()
      .meta({ title: '适用简易程序的情形', optionLabels: simpleGroundLabels, showWhen: { field: 'procedure', values: ['simple'] }, description: '《行政复议法》第五十三条' }),
  })
  .refine((v) => v.procedure === 'ordinary' || v.simpleGround, { message: '适用简易程序须选择第五十三条规定的情形', path: ['simpleGround'] });

const CorrectionNotice = z.object({
  items: z.string().trim().min(1).max(2000).meta({ title: '需要补正的事项', widget: 'textarea', description: '一次性列明全部补正事项（第三十一条）' }),
});

const CorrectionInput = z.object({
  content: z.string().trim().min(1).max(5000).meta({ title: '补正内容', widget: 'textarea' }),
});

const AnswerInput = z.object({
  summary: z.string().trim().min(1).max(5000).meta({ title: '答复要点', widget: 'textarea', description: '书面答复书、作出行政行为的证据和依据作为附件上传（第四十八条）' }),
});

const HearingNotice = z.object({
  hearingOn: z.iso.date().meta({ title: '听证日期' }),
  place: z.string().trim().min(1).max(100).meta({ title: '听证地点' }),
  matters: z.string().trim().min(1).max(1000).meta({ title: '拟听证事项', widget: 'textarea' }),
});

const HearingRecord = z.object({
  heldOn: z.iso.date().meta({ title: '听证日期' }),
  participants: z.string().trim().min(1).max(500).meta({ title: '参加人员', widget: 'textarea' }),
});

const SuspendInput = z.object({ ground: z.enum(suspendGrounds).meta({ title: '中止情形', optionLabels: suspendGroundLabels, description: '《行政复议法》第三十九条' }) });

const TerminateInput = z.object({ ground: z.enum(terminationGrounds).meta({ title: '终止情形', optionLabels: terminationGroundLabels, description: '《行政复议法》第四十一条' }) });

/** Outcomes after which the respondent must act again (art. 64): the order is recorded. */
const reDecisionOutcomes = ['revoke', 'partialRevoke', 'confirmIllegal'] as const;

const DecideInput = z.object({
  outcome: z.enum(decisionOutcomes).meta({ title: '决定类型', optionLabels: decisionOutcomeLabels, description: '《行政复议法》第六十三条至第六十九条、第三十三条' }),
  decisionNo: z.string().trim().min(1).max(60).meta({ title: '决定书文号' }),
  reDecisionOrdered: z
    .boolean()
    .optional()
    .meta({ title: '责令被申请人重新作出行政行为', showWhen: { field: 'outcome', values: [...reDecisionOutcomes] }, description: '第六十四条' }),
});

const MediateInput = z.object({
  decisionNo: z.string().trim().min(1).max(60).meta({ title: '调解书文号' }),
});

/** The 答复 is awaited: the copy went out and no answer is recorded yet. */
const answerAwaited = (ctx: GuardContext): GuardResult =>
  running(clock(ctx, 'answer')) ? ok : clock(ctx, 'answer') ? no('已登记被申请人答复') : no('复议机构尚未发送申请书副本');

/** The respondent had its chance to answer: the answer was received or its period has run (art. 48). */
function respondentHeard(ctx: GuardContext): GuardResult {
  const copy = clock(ctx, 'copy');
  if (running(copy)) return no(`尚未向被申请人发送申请书副本（应于 ${copy.dueOn} 前发送）`);
  const answer = clock(ctx, 'answer');
  if (running(answer) && answer.dueOn >= ctx.today) return no(`被申请人答复期限至 ${answer.dueOn} 届满，尚未收到答复`);
  return ok;
}

export const reconsiderationWorkflow = defineWorkflow({
  caseType: 'reconsideration',
  label: '行政复议',
  readPermission: READ,
  partyPermission: RESPOND,
  states: {
    received: { label: '受理审查' },
    correcting: { label: '待补正' },
    accepted: { label: '审理中' },
    suspended: { label: '中止审理' },
    decided: { label: '已作出复议决定', terminal: true },
    mediated: { label: '调解结案', terminal: true },
    terminated: { label: '已终止', terminal: true },
    notAccepted: { label: '不予受理', terminal: true },
    withdrawn: { label: '已撤回', terminal: true },
  },
  initial: 'received',
  initialClocks: { review: P.reconsiderationAcceptanceReview },
  clockLabels: {
    review: '受理审查期限',
    correction: '申请人补正期限',
    copy: '发送申请书副本期限',
    answer: '被申请人答复期限',
    decision: '审理期限',
  },
  actions: {
    requestCorrection: {
      label: '通知补正',
      from: ['received'],
      to: 'correcting',
      permission: HANDLE,
      input: CorrectionNotice,
      async guard(ctx) {
        const row = await details(ctx);
        if (row.extra.correctionItems) return no('补正通知应一次性告知全部事项，本案已通知过补正');
        const notice = await ctx.due(row.receivedOn, P.reconsiderationCorrectionNotice);
        if (ctx.today > notice.due) return no(`通知补正的期限已于 ${notice.due} 届满（收到申请之日起五个工作日）`);
        return ok;
      },
      clocks: { stop: ['review'], start: { correction: P.reconsiderationCorrection } },
      async effect(ctx) {
        const row = await details(ctx);
        await update(ctx, { extra: { ...row.extra, correctionItems: (ctx.input as z.infer<typeof CorrectionNotice>).items, correctionRequestedOn: ctx.today } });
      },
    },
    submitCorrection: {
      label: '提交补正材料',
      from: ['correcting'],
      to: 'received',
      permission: HANDLE,
      byApplicant: true,
      input: CorrectionInput,
      guard(ctx) {
        const correction = clock(ctx, 'correction');
        if (correction && correction.dueOn < ctx.today) return no(`补正期限已于 ${correction.dueOn} 届满，视为申请人放弃行政复议申请`);
        return ok;
      },
      // The review period starts again from the day the corrected application is received (art. 31 ¶1).
      clocks: { stop: ['correction'], start: { review: P.reconsiderationAcceptanceReview } },
      async effect(ctx) {
        const row = await details(ctx);
        await update(ctx, { extra: { ...row.extra, correction: (ctx.input as z.infer<typeof CorrectionInput>).content, correctedOn: ctx.today } });
      },
    },
    correctionLapsed: {
      label: '逾期未补正（视为放弃）',
      from: ['correcting'],
      to: 'withdrawn',
      permission: HANDLE,
      guard(ctx) {
        const correction = clock(ctx, 'correction');
        if (correction && correction.dueOn >= ctx.today) return no(`补正期限至 ${correction.dueOn} 届满，届满后才能按放弃申请处理`);
        return ok;
      },
      clocks: { stop: 'all' },
      effect: (ctx) => update(ctx, { outcome: 'withdrawn', terminationGround: 'correctionLapsed' }),
    },
    accept: {
      label: '受理',
      from: ['received'],
      to: 'accepted',
      permission: HANDLE,
      input: AcceptInput,
      clocks: {
        stop: ['review'],
        start: {
          // 视为受理: the periods count from the last day of the review period, the day of acceptance.
          decision: (ctx) => ({ ...(ctx.input.procedure === 'simple' ? P.reconsiderationSimpleDecision : P.reconsiderationDecision), from: reviewLapsed(ctx)?.dueOn }),
          copy: (ctx) => ({ ...(ctx.input.procedure === 'simple' ? P.reconsiderationSimpleCopy : P.reconsiderationCopyToRespondent), from: reviewLapsed(ctx)?.dueOn }),
        },
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof AcceptInput>;
        const lapsed = reviewLapsed(ctx);
        const acceptedOn = lapsed?.dueOn ?? ctx.today;
        const year = Number(acceptedOn.slice(0, 4));
        const n = await nextNumber(ctx.tx, ctx.case.regionCode, 'reconsideration', year);
        await ctx.tx.update(cases).set({ caseNo: `行复〔${year}〕${n}号` }).where(eq(cases.id, ctx.case.id));
        await update(ctx, { procedure: input.procedure, simpleGround: input.procedure === 'simple' ? (input.simpleGround ?? null) : null, acceptedOn, deemedAccepted: !!lapsed });
      },
    },
    reject: {
      label: '不予受理',
      from: ['received'],
      to: 'notAccepted',
      permission: APPROVE,
      reasonRequired: true,
      minFiles: 1,
      guard(ctx) {
        const lapsed = reviewLapsed(ctx);
        return lapsed ? no(`受理审查期限已于 ${lapsed.dueOn} 届满，依法视为受理，不能再决定不予受理`) : ok;
      },
      clocks: { stop: 'all' },
      effect: (ctx) => update(ctx, { outcome: 'notAccepted', decidedOn: ctx.today }),
    },
    withdraw: {
      label: '申请人撤回申请',
      from: ['received', 'correcting'],
      to: 'withdrawn',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { stop: 'all' },
      effect: (ctx) => update(ctx, { outcome: 'withdrawn', terminationGround: 'withdrawn' }),
    },
    sendCopy: {
      label: '发送申请书副本',
      from: ['accepted'],
      to: 'accepted',
      permission: HANDLE,
      guard: (ctx) => (running(clock(ctx, 'copy')) ? ok : no('已向被申请人发送申请书副本')),
      clocks: {
        stop: ['copy'],
        start: { answer: async (ctx) => ((await details(ctx)).procedure === 'simple' ? P.reconsiderationSimpleAnswer : P.reconsiderationAnswer) },
      },
    },
    receiveAnswer: {
      label: '收到被申请人答复',
      from: ['accepted'],
      to: 'accepted',
      permission: HANDLE,
      guard: answerAwaited,
      clocks: { stop: ['answer'] },
    },
    submitAnswer: {
      label: '提交书面答复',
      from: ['accepted'],
      to: 'accepted',
      permission: RESPOND,
      byParty: true,
      whileRunning: 'answer',
      input: AnswerInput,
      // 答复书 and the evidence and documents the act was based on (第四十八条).
      minFiles: 1,
      guard: answerAwaited,
      clocks: { stop: ['answer'] },
    },
    noticeHearing: {
      label: '通知听证',
      from: ['accepted'],
      to: 'accepted',
      permission: HANDLE,
      input: HearingNotice,
      async guard(ctx) {
        if (!ctx.input) return ok;
        const earliest = await ctx.due(ctx.today, P.reconsiderationHearingNotice);
        const hearingOn = (ctx.input as z.infer<typeof HearingNotice>).hearingOn;
        return hearingOn < earliest.due ? no(`听证日期至少应在通知后五个工作日，即不早于 ${earliest.due}（第五十一条）`) : ok;
      },
    },
    recordHearing: {
      label: '记录听证',
      from: ['accepted'],
      to: 'accepted',
      permission: HANDLE,
      input: HearingRecord,
      minFiles: 1,
      guard: (ctx) => (ctx.input && (ctx.input as z.infer<typeof HearingRecord>).heldOn > ctx.today ? no('听证日期不能晚于今天') : ok),
    },
    extend: {
      label: '延长审理期限',
      from: ['accepted'],
      to: 'accepted',
      permission: APPROVE,
      reasonRequired: true,
      async guard(ctx) {
        if ((await details(ctx)).procedure === 'simple') return no('简易程序案件不能延长审理期限，情况复杂的可转为普通程序');
        const decision = clock(ctx, 'decision');
        if (decision?.extendedN !== null && decision?.extendedN !== undefined) return no('审理期限已延长过一次（最多三十日）');
        if (decision && decision.dueOn < ctx.today) return no(`审理期限已于 ${decision.dueOn} 届满，不能再延长`);
        return ok;
      },
      clocks: { extend: { decision: P.reconsiderationExtension } },
    },
    convertToOrdinary: {
      label: '转为普通程序',
      from: ['accepted'],
      to: 'accepted',
      permission: APPROVE,
      reasonRequired: true,
      async guard(ctx) {
        return (await details(ctx)).procedure === 'simple' ? ok : no('本案已适用普通程序');
      },
      // Art. 55: the ordinary period, counted from the acceptance.
      clocks: { start: { decision: async (ctx) => ({ ...P.reconsiderationDecision, from: (await details(ctx)).acceptedOn ?? ctx.today }) } },
      effect: (ctx) => update(ctx, { procedure: 'ordinary' }),
    },
    suspend: {
      label: '中止审理',
      from: ['accepted'],
      to: 'suspended',
      permission: APPROVE,
      input: SuspendInput,
      reasonRequired: true,
      clocks: { pause: ['decision'] },
      effect: (ctx) => update(ctx, { terminationGround: (ctx.input as z.infer<typeof SuspendInput>).ground }),
    },
    resume: {
      label: '恢复审理',
      from: ['suspended'],
      to: 'accepted',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { resume: ['decision'] },
      effect: (ctx) => update(ctx, { terminationGround: null }),
    },
    terminate: {
      label: '终止审理',
      from: ['accepted', 'suspended'],
      to: 'terminated',
      permission: APPROVE,
      input: TerminateInput,
      reasonRequired: true,
      minFiles: 1,
      guard(ctx) {
        if ((ctx.input as z.infer<typeof TerminateInput> | undefined)?.ground !== 'suspendedTooLong') return ok;
        const decision = clock(ctx, 'decision');
        const since = decision?.pausedOn;
        if (ctx.case.state !== 'suspended' || !since) return no('本案未处于中止状态');
        return addDays(since, 60) <= ctx.today ? ok : no(`中止满六十日（${addDays(since, 60)}）后原因仍未消除的，才能终止（第四十一条）`);
      },
      clocks: { stop: 'all' },
      effect: (ctx) => update(ctx, { outcome: 'terminated', terminationGround: (ctx.input as z.infer<typeof TerminateInput>).ground, decidedOn: ctx.today }),
    },
    mediate: {
      label: '制作调解书结案',
      from: ['accepted', 'suspended'],
      to: 'mediated',
      permission: APPROVE,
      input: MediateInput,
      minFiles: 1,
      clocks: { stop: 'all' },
      effect: (ctx) => update(ctx, { outcome: 'mediation', decisionNo: (ctx.input as z.infer<typeof MediateInput>).decisionNo, decidedOn: ctx.today, terminationGround: null }),
    },
    decide: {
      label: '作出复议决定',
      from: ['accepted'],
      to: 'decided',
      permission: APPROVE,
      input: DecideInput,
      reasonRequired: true,
      minFiles: 1,
      guard: respondentHeard,
      clocks: { stop: 'all' },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof DecideInput>;
        const orders = (reDecisionOutcomes as readonly string[]).includes(input.outcome);
        await update(ctx, { outcome: input.outcome, decisionNo: input.decisionNo, reDecisionOrdered: orders ? (input.reDecisionOrdered ?? false) : null, decidedOn: ctx.today });
        const [own] = await ctx.tx.select({ challenged: reconsiderationCases.challengedCaseId }).from(reconsiderationCases).where(eq(reconsiderationCases.caseId, ctx.case.id));
        if (own?.challenged && (annullingOutcomes as readonly string[]).includes(input.outcome)) {
          const description = `行政复议决定${input.decisionNo ? ` ${input.decisionNo}` : ''}：${outcomeLabels[input.outcome as Outcome]}`;
          await actCorrected({ tx: ctx.tx, caseId: own.challenged, byCaseId: ctx.case.id, description, decidedOn: ctx.today, actor: ctx.actor });
        }
      },
    },
  },
});
