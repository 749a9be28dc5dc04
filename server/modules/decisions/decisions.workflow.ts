import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decisionStateLabels, gateLabels, meetingKindLabels, type DecisionState, type Gate } from '../../../contracts/decisions.ts';
import { approvedComments, closeConsultation, commentCounts, consultationsOf, openConsultation } from '../../kernel/consultation/consultation.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { defineWorkflow, no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { LEGALITY_CLOCK, LEGALITY_REVIEW, LEGALITY_STATE, LegalityOpinionInput } from '../legality/legality.ts';
import { recordMeetingItem } from '../meetings/meetings.ts';
import {
  CloseInput,
  CollectiveInput,
  DatedInput,
  EvaluationInput,
  ExemptInput,
  ExpertInput,
  HearingInput,
  OpenCommentInput,
  PartyInput,
  PublishInput,
  ReportInput,
  RiskInput,
  SubmitLegalityInput,
} from './decisions.inputs.ts';
import { isOpenGate, missingBefore, missingText, reopenedGates, withGate } from './decisions.gates.ts';
import { DECIDE, DECISION, HANDLE, READ, SUSPEND } from './decisions.permissions.ts';
import { indexDecision } from './decisions.search.ts';
import { readDecisionSettings } from './decisions.settings.ts';
import { decisionExperts, decisionHearings, decisions } from './decisions.tables.ts';

/**
 * 重大行政决策 as a workflow (重大行政决策程序暂行条例). The 承办单位 (cases.org_id) runs the procedures in
 * the regulation's order — 公众参与, 专家论证, 风险评估, 合法性审查 — and the 决策机关's meeting decides
 * (集体讨论决定). Each procedure's step is offered from every state before the decision, so that an
 * out-of-order attempt is refused by its guard with the missing procedures named, not by the state.
 */

/** The states before the decision, from which every procedure's step is offered. */
const BEFORE: DecisionState[] = ['drafting', 'publicComment', LEGALITY_STATE as 'legalityReview', 'awaitingDecision'];
/** Those steps are the drafting unit's work (its 待办) except while the legal office reviews the draft. */
const HANDLER_TURN: DecisionState[] = ['drafting', 'publicComment', 'awaitingDecision'];

type Row = typeof decisions.$inferSelect;

async function details(ctx: GuardContext): Promise<Row> {
  const [row] = await ctx.tx.select().from(decisions).where(eq(decisions.caseId, ctx.case.id));
  if (!row) throw new Error(`decision ${ctx.case.id} has no details row`);
  return row;
}

async function update(ctx: GuardContext, values: Partial<typeof decisions.$inferInsert>): Promise<void> {
  await ctx.tx
    .update(decisions)
    .set({ ...values, version: sql`${decisions.version} + 1`, updatedAt: new Date(), updatedBy: ctx.actor?.userId ?? null })
    .where(eq(decisions.caseId, ctx.case.id));
}

/**
 * The common checks of a procedure's step: the procedures before it are done or exempted, it is still
 * open, and (for every step but the comment round's own) no comment round is running.
 */
async function gateGuard(ctx: GuardContext, gate: Gate, options: { duringComment?: boolean } = {}): Promise<GuardResult> {
  const row = await details(ctx);
  const missing = missingBefore(row.gates, gate);
  if (missing.length) return no(missingText(missing));
  const own = row.gates[gate];
  if (own.status === 'exempted') return no(`${gateLabels[gate]}已依法免予履行：${own.ground}`);
  if (own.status === 'done') return no(`${gateLabels[gate]}已完成`);
  if (ctx.case.state === 'publicComment' && !options.duringComment) return no('公开征求意见期间，请先结束征求意见');
  return ok;
}

const dayNotFuture = (ctx: GuardContext, label: string, value: string | undefined): GuardResult => (value && value > ctx.today ? no(`${label}不能晚于今天`) : ok);

/** A government decides at its 常务会议 or 全体会议, a department at its 办公会议 (条例 第三十条, 第四十二条). */
async function meetingFits(ctx: GuardContext, deciderOrgId: string, kind: string): Promise<GuardResult> {
  const [org] = await ctx.tx.select({ type: organisations.type, name: organisations.name }).from(organisations).where(eq(organisations.id, deciderOrgId));
  const government = org?.type === 'government' || org?.type === 'township' || org?.type === 'street';
  if (government && kind === 'office') return no(`${org!.name}的重大行政决策应经政府常务会议或者全体会议讨论（条例 第三十条）`);
  if (!government && kind !== 'office') return no(`${org?.name ?? '决策机关'}不是人民政府，应经本机关办公会议讨论（条例 第四十二条）`);
  return ok;
}

export const decisionWorkflow = defineWorkflow<DecisionState>({
  caseType: DECISION,
  label: '重大行政决策',
  readPermission: READ,
  states: {
    drafting: { label: decisionStateLabels.drafting },
    publicComment: { label: decisionStateLabels.publicComment },
    legalityReview: { label: decisionStateLabels.legalityReview },
    awaitingDecision: { label: decisionStateLabels.awaitingDecision },
    decided: { label: decisionStateLabels.decided },
    // Concluded (办结) once published: implementation reports and post-evaluation follow it, a
    // suspension or a change reopens it.
    published: { label: decisionStateLabels.published, terminal: true },
    suspended: { label: decisionStateLabels.suspended },
    closed: { label: decisionStateLabels.closed, terminal: true },
    notAdopted: { label: decisionStateLabels.notAdopted, terminal: true },
  },
  initial: 'drafting',
  clockLabels: { publicComment: '公开征求意见期限', [LEGALITY_CLOCK]: '合法性审查期限' },
  actions: {
    openPublicComment: {
      label: '公开征求意见',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: 'publicComment',
      permission: HANDLE,
      input: OpenCommentInput,
      async guard(ctx) {
        const gate = await gateGuard(ctx, 'publicParticipation');
        const input = ctx.input as z.infer<typeof OpenCommentInput> | undefined;
        if (!gate.ok || !input) return gate;
        const { value } = await readDecisionSettings(ctx.tx, ctx.case.regionCode);
        if (input.days < value.commentDays && !input.shortenedReason) return no(`征求意见期限少于 ${value.commentDays} 日的，须说明缩短期限的理由并向社会公开（条例 第十五条）`);
        return ok;
      },
      clocks: { start: { publicComment: (ctx) => ({ unit: 'days', n: (ctx.input as z.infer<typeof OpenCommentInput>).days, basis: '《重大行政决策程序暂行条例》第十五条' }) } },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof OpenCommentInput>;
        const row = await details(ctx);
        // The round closes on the clock's due date: the period counted as the calendar counts it.
        const closesOn = (await ctx.due(ctx.today, { unit: 'days', n: input.days })).due;
        const { value } = await readDecisionSettings(ctx.tx, ctx.case.regionCode);
        const shortened = input.days < value.commentDays ? (input.shortenedReason ?? null) : null;
        await openConsultation(
          ctx.tx,
          { regionCode: ctx.case.regionCode, entityType: DECISION, entityId: ctx.case.id, orgId: ctx.case.orgId, title: `关于《${ctx.case.title}（征求意见稿）》公开征求意见`, explanation: input.explanation, draftText: input.draftText ?? row.summary, opensOn: ctx.today, closesOn, shortenedReason: shortened },
          new Date(),
          ctx.actor?.userId ?? null,
        );
        await update(ctx, { commentDays: input.days, shortenedReason: shortened });
      },
    },
    recordHearing: {
      label: '登记听证会',
      from: ['drafting', 'publicComment'],
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: HearingInput,
      async guard(ctx) {
        const row = await details(ctx);
        if (!isOpenGate(row.gates.publicParticipation)) return no('公众参与已完成，不能再登记听证会');
        return dayNotFuture(ctx, '听证日期', (ctx.input as z.infer<typeof HearingInput> | undefined)?.heldOn);
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof HearingInput>;
        const [last] = await ctx.tx.select({ n: sql<number>`coalesce(max(${decisionHearings.seq}), 0)::int` }).from(decisionHearings).where(eq(decisionHearings.caseId, ctx.case.id));
        await ctx.tx.insert(decisionHearings).values({ ...input, regionCode: ctx.case.regionCode, caseId: ctx.case.id, seq: (last?.n ?? 0) + 1, createdBy: ctx.actor?.userId ?? null, updatedBy: ctx.actor?.userId ?? null });
      },
    },
    closePublicComment: {
      label: '结束征求意见（公众参与完成）',
      from: ['publicComment'],
      to: 'drafting',
      permission: HANDLE,
      async guard(ctx) {
        const [round] = await consultationsOf(ctx.tx, DECISION, ctx.case.id);
        if (round && round.closedAt === null && ctx.today <= round.closesOn) return no(`征求意见期至 ${round.closesOn}，尚未届满`);
        const counts = await commentCounts(ctx.tx, DECISION, ctx.case.id);
        if (counts.pending > 0) return no(`尚有 ${counts.pending} 条公众意见未审核`);
        return ok;
      },
      clocks: { stop: ['publicComment'] },
      async effect(ctx) {
        const row = await details(ctx);
        const [round] = await consultationsOf(ctx.tx, DECISION, ctx.case.id);
        if (round) await closeConsultation(ctx.tx, round.id, new Date(), ctx.actor?.userId ?? null);
        await update(ctx, { gates: withGate(row.gates, 'publicParticipation', { status: 'done', on: ctx.today, ground: null }) });
      },
    },
    exemptGate: {
      label: '依法免予履行程序',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: ExemptInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof ExemptInput> | undefined;
        if (!input) return ctx.case.state === 'drafting' ? ok : no('仅在履行决策程序中可以免予履行程序');
        const row = await details(ctx);
        if (!isOpenGate(row.gates[input.gate])) return no(`${gateLabels[input.gate]}已${row.gates[input.gate].status === 'done' ? '完成' : '免予履行'}`);
        if (ctx.case.state !== 'drafting') return no('仅在履行决策程序中可以免予履行程序');
        return ok;
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ExemptInput>;
        const row = await details(ctx);
        await update(ctx, { gates: withGate(row.gates, input.gate, { status: 'exempted', on: ctx.today, ground: input.ground }) });
      },
    },
    addExpertOpinion: {
      label: '登记专家论证意见',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: ExpertInput,
      guard: (ctx) => gateGuard(ctx, 'expertReview'),
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ExpertInput>;
        const [last] = await ctx.tx.select({ n: sql<number>`coalesce(max(${decisionExperts.seq}), 0)::int` }).from(decisionExperts).where(eq(decisionExperts.caseId, ctx.case.id));
        await ctx.tx.insert(decisionExperts).values({ ...input, adoptionNote: input.adoptionNote ?? null, regionCode: ctx.case.regionCode, caseId: ctx.case.id, seq: (last?.n ?? 0) + 1, createdBy: ctx.actor?.userId ?? null, updatedBy: ctx.actor?.userId ?? null });
      },
    },
    completeExpertReview: {
      label: '完成专家论证',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      async guard(ctx) {
        const gate = await gateGuard(ctx, 'expertReview');
        if (!gate.ok) return gate;
        const [row] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(decisionExperts).where(eq(decisionExperts.caseId, ctx.case.id));
        return (row?.n ?? 0) > 0 ? ok : no('尚未登记专家论证意见');
      },
      async effect(ctx) {
        const row = await details(ctx);
        await update(ctx, { gates: withGate(row.gates, 'expertReview', { status: 'done', on: ctx.today, ground: null }) });
      },
    },
    recordRiskAssessment: {
      label: '登记风险评估',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: RiskInput,
      minFiles: 1,
      guard: (ctx) => gateGuard(ctx, 'riskAssessment'),
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof RiskInput>;
        const row = await details(ctx);
        await update(ctx, { riskLevel: input.level, riskMeasures: input.measures, gates: withGate(row.gates, 'riskAssessment', { status: 'done', on: ctx.today, ground: null }) });
      },
    },
    submitForLegality: {
      label: '送请合法性审查',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: LEGALITY_STATE as 'legalityReview',
      permission: HANDLE,
      input: SubmitLegalityInput,
      async guard(ctx) {
        const gate = await gateGuard(ctx, 'legalityReview');
        if (!gate.ok) return gate;
        if (ctx.case.state !== 'drafting') return no(ctx.case.state === LEGALITY_STATE ? '已送请合法性审查' : `案件当前为「${decisionStateLabels[ctx.case.state as DecisionState]}」`);
        const days = (ctx.input as z.infer<typeof SubmitLegalityInput> | undefined)?.days;
        if (days !== undefined && days < 7) return no('送请合法性审查应当保证必要的审查时间，不得少于 7 个工作日（条例 第二十六条）');
        return ok;
      },
      clocks: {
        start: {
          async [LEGALITY_CLOCK](ctx) {
            const days = (ctx.input as z.infer<typeof SubmitLegalityInput>).days ?? (await readDecisionSettings(ctx.tx, ctx.case.regionCode)).value.legalityReviewDays;
            return { unit: 'workingDays', n: days, basis: '《重大行政决策程序暂行条例》第二十六条：一般不少于7个工作日' };
          },
        },
      },
    },
    giveLegalityOpinion: {
      label: '出具合法性审查意见',
      from: BEFORE,
      offeredIn: [LEGALITY_STATE as 'legalityReview'],
      to: (ctx) => ((ctx.input as LegalityOpinionInput).conclusion === 'unlawful' ? 'drafting' : 'awaitingDecision'),
      permission: LEGALITY_REVIEW,
      input: LegalityOpinionInput,
      minFiles: 0,
      async guard(ctx) {
        const row = await details(ctx);
        const missing = missingBefore(row.gates, 'legalityReview');
        // 不得以征求意见等方式代替合法性审查 (条例 第二十五条): the opinion answers a submission of its own.
        if (missing.length) return no(`${missingText(missing)}；合法性审查须在上述程序完成后送请，不得以征求意见代替`);
        if (ctx.case.state !== LEGALITY_STATE) return no(row.gates.legalityReview.status === 'done' ? '合法性审查已完成' : '尚未送请合法性审查');
        return ok;
      },
      clocks: { stop: [LEGALITY_CLOCK] },
      record(ctx) {
        const clock = ctx.clocks.find((c) => c.name === LEGALITY_CLOCK);
        return { reviewStartedOn: clock?.startedOn ?? null, reviewDueOn: clock?.dueOn ?? null };
      },
      async effect(ctx) {
        const input = ctx.input as LegalityOpinionInput;
        const row = await details(ctx);
        // 经审查不合法的，不得提交决策机关讨论 (第二十五条): the draft goes back and must be reviewed again.
        const gate = input.conclusion === 'unlawful' ? { status: 'pending' as const, on: null, ground: null } : { status: 'done' as const, on: ctx.today, ground: null };
        await update(ctx, { legalityConclusion: input.conclusion, gates: withGate(row.gates, 'legalityReview', gate) });
      },
    },
    recordPartyConsultation: {
      label: '登记向党委请示报告',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: PartyInput,
      guard: (ctx) => dayNotFuture(ctx, '请示报告日期', (ctx.input as z.infer<typeof PartyInput> | undefined)?.consultedOn),
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof PartyInput>;
        await update(ctx, { partyConsultedOn: input.consultedOn, partyConsultationNote: input.note });
      },
    },
    recordCollectiveDecision: {
      label: '登记集体讨论决定',
      from: BEFORE,
      offeredIn: HANDLER_TURN,
      to: (ctx) => {
        const outcome = (ctx.input as z.infer<typeof CollectiveInput>).outcome;
        return outcome === 'deferred' ? 'awaitingDecision' : outcome === 'rejected' ? 'notAdopted' : 'decided';
      },
      permission: DECIDE,
      input: CollectiveInput,
      async guard(ctx) {
        const row = await details(ctx);
        const missing = missingBefore(row.gates, 'collectiveDecision');
        if (missing.length) return no(missingText(missing));
        const { value } = await readDecisionSettings(ctx.tx, ctx.case.regionCode);
        if (value.partyConsultationRequired && !row.partyConsultedOn) return no('尚未完成：向同级党委请示报告（条例 第三十一条）');
        const input = ctx.input as z.infer<typeof CollectiveInput> | undefined;
        if (!input) return ok;
        const future = dayNotFuture(ctx, '会议日期', input.heldOn);
        if (!future.ok) return future;
        if (row.partyConsultedOn && input.heldOn < row.partyConsultedOn) return no(`会议日期不能早于向党委请示报告之日（${row.partyConsultedOn}）`);
        return meetingFits(ctx, row.deciderOrgId, input.meetingKind);
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof CollectiveInput>;
        const row = await details(ctx);
        const recorded = await recordMeetingItem(
          ctx.tx,
          { regionCode: ctx.case.regionCode, orgId: row.deciderOrgId, kind: input.meetingKind, year: Number(input.heldOn.slice(0, 4)), seq: input.meetingSeq, heldOn: input.heldOn },
          { title: ctx.case.title, lawRelated: true, caseId: ctx.case.id, outcome: input.outcome, notes: input.decisionText ?? null },
          new Date(),
          ctx.actor?.userId ?? null,
        );
        if ('conflict' in recorded) throw new AppError('CONFLICT', `第 ${input.meetingSeq} 次${meetingKindLabels[input.meetingKind]}：${recorded.conflict}`);
        const adopted = input.outcome === 'adopted' || input.outcome === 'adoptedAmended';
        await update(ctx, {
          meetingItemId: recorded.itemId,
          meetingKind: input.meetingKind,
          meetingOutcome: input.outcome,
          decidedOn: adopted ? input.heldOn : null,
          decisionText: input.decisionText ?? row.decisionText,
          gates: adopted ? withGate(row.gates, 'collectiveDecision', { status: 'done', on: input.heldOn, ground: null }) : row.gates,
        });
        await indexDecision(ctx.tx, ctx.case.id, new Date());
      },
    },
    publishDecision: {
      label: '公布决策',
      from: ['decided'],
      to: 'published',
      permission: DECIDE,
      input: PublishInput,
      async guard(ctx) {
        const row = await details(ctx);
        if (!row.adoptionStatement?.trim()) return no('尚未编辑公众意见、专家论证意见采纳情况说明（条例 第三十二条）');
        const unmarked = (await approvedComments(ctx.tx, DECISION, ctx.case.id)).filter((c) => c.adoption === null).length;
        if (unmarked) return no(`尚有 ${unmarked} 条公众意见未标注采纳情况`);
        const input = ctx.input as z.infer<typeof PublishInput> | undefined;
        if (input?.publishedOn && row.decidedOn && input.publishedOn < row.decidedOn) return no(`公布日期不能早于决定日期（${row.decidedOn}）`);
        return dayNotFuture(ctx, '公布日期', input?.publishedOn);
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof PublishInput>;
        await update(ctx, { publishedOn: input.publishedOn ?? ctx.today, documentNo: input.documentNo ?? null });
        await indexDecision(ctx.tx, ctx.case.id, new Date());
      },
    },
    reportImplementation: {
      label: '报告执行情况',
      from: ['published'],
      to: 'published',
      permission: HANDLE,
      input: ReportInput,
      guard: (ctx) => dayNotFuture(ctx, '报告日期', (ctx.input as z.infer<typeof ReportInput> | undefined)?.reportedOn),
    },
    recordEvaluation: {
      label: '登记决策后评估',
      from: ['published', 'suspended'],
      to: (ctx) => ctx.case.state as DecisionState,
      permission: HANDLE,
      input: EvaluationInput,
      minFiles: 1,
      guard: (ctx) => dayNotFuture(ctx, '评估日期', (ctx.input as z.infer<typeof EvaluationInput> | undefined)?.evaluatedOn),
    },
    suspend: {
      label: '中止执行',
      from: ['published'],
      to: 'suspended',
      permission: SUSPEND,
      input: DatedInput('中止执行日期'),
      reasonRequired: true,
      guard: (ctx) => dayNotFuture(ctx, '中止执行日期', (ctx.input as { on?: string } | undefined)?.on),
      effect: (ctx) => indexDecision(ctx.tx, ctx.case.id, new Date()),
    },
    resume: {
      label: '恢复执行',
      from: ['suspended'],
      to: 'published',
      permission: SUSPEND,
      reasonRequired: true,
      effect: (ctx) => indexDecision(ctx.tx, ctx.case.id, new Date()),
    },
    change: {
      label: '变更决策（重新履行程序）',
      from: ['published', 'suspended'],
      to: 'drafting',
      permission: DECIDE,
      reasonRequired: true,
      // A material change goes through the procedures again (条例 第五章): each one done is reopened;
      // a procedure exempted on its legal ground stays exempted.
      async effect(ctx) {
        const row = await details(ctx);
        await update(ctx, {
          gates: reopenedGates(row.gates),
          legalityConclusion: null,
          meetingItemId: null,
          meetingKind: null,
          meetingOutcome: null,
          decidedOn: null,
          partyConsultedOn: null,
          partyConsultationNote: null,
          publishedOn: null,
          adoptionStatement: null,
        });
        await indexDecision(ctx.tx, ctx.case.id, new Date());
      },
    },
    close: {
      label: '终结（执行完毕或废止）',
      from: ['published', 'suspended'],
      to: 'closed',
      permission: DECIDE,
      input: CloseInput,
      reasonRequired: true,
      guard: (ctx) => dayNotFuture(ctx, '日期', (ctx.input as z.infer<typeof CloseInput> | undefined)?.on),
      effect: (ctx) => indexDecision(ctx.tx, ctx.case.id, new Date()),
    },
  },
});
