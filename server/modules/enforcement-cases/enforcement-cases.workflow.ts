import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { fileIndex } from '../../kernel/files/files.ts';
import { defineWorkflow, no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import {
  discretionLevelLabels,
  penaltyKindLabels,
  penaltyStateLabels,
  reviewTriggerLabels,
  type PenaltyKind,
  type PenaltyState,
  type ReviewTrigger,
} from '../../../contracts/enforcement.ts';
import { officerEligibility } from '../enforcement/eligibility.ts';
import { LEGALITY_CLOCK, LEGALITY_REVIEW, LEGALITY_STATE, LegalityOpinionInput } from '../legality/legality.ts';
import { EvidenceInput, NotifyInput, HearingRequestInput, HearingInput, SubmitInput, RequireReviewInput, DecideInput, ExtendInput, DeliverInput, ExecuteInput, OnSpotInput } from './enforcement-cases.inputs.ts';
import { APPROVE, HANDLE, PENALTY, READ } from './enforcement-cases.permissions.ts';
import { caseOfficers, findBenchmark, getPenalty, legalQualificationOf, opinionsSignedBy, reviewPassed, updatePenalty, type PenaltyRow } from './enforcement-cases.repository.ts';
import { readPenaltySettings, SIMPLE_FINE_LIMIT } from './enforcement-cases.settings.ts';
import { openPublication, stepDeps } from './publication.ts';

/**
 * 行政处罚 (行政处罚法 第五章): 立案 → 调查取证 → 告知 (陈述、申辩；听证) → 法制审核 where 第五十八条
 * requires it → 决定 → 送达 → 执行 → 结案 → 归档, with the 90-day clock from 立案 (第六十条). Every
 * step's record and files are the case's 全过程记录 (第四十七条).
 */

// The legality state and clock carry the shared names: the legal office's queue lists these cases too.
const REVIEW = LEGALITY_STATE as 'legalityReview';

const beforeDecision: PenaltyState[] = ['filed', 'investigating', 'notified', 'hearing', 'legalityReview', 'readyToDecide'];
const penaltyOf = (ctx: GuardContext): Promise<PenaltyRow> => getPenalty(ctx.tx, ctx.case.id);
const settingsOf = async (ctx: GuardContext) => (await readPenaltySettings(ctx.tx, ctx.case.regionCode)).value;
const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;


const notAfterToday = (label: string, value: string, today: string): GuardResult => (value > today ? no(`${label}不能晚于今天`) : ok);

/** Fine and penalty kinds agree: a fine amount exactly when 罚款 is among the kinds. */
function fineMatches(penalties: readonly PenaltyKind[], fine: number | undefined): GuardResult {
  if (penalties.includes('fine') && !fine) return no('处罚种类含罚款的，须填写罚款金额');
  if (!penalties.includes('fine') && fine) return no('处罚种类不含罚款，不能填写罚款金额');
  return ok;
}

/** 第四十二条: at least two officers holding a valid certificate of the case's field on the day. */
export async function officersGate(ctx: Pick<GuardContext, 'tx'>, p: PenaltyRow, dayOn: string, what: string): Promise<GuardResult> {
  const ids = (await caseOfficers(ctx.tx, p.caseId)).map((o) => o.officerId);
  const checks = await officerEligibility(ctx.tx, p.regionCode, ids, p.field, dayOn);
  const valid = checks.filter((c) => c.certificateId);
  if (valid.length >= 2) return ok;
  const reasons = checks.filter((c) => !c.certificateId).map((c) => c.reason);
  return no(`执法人员不得少于两人且均应具有本领域有效的行政执法证（行政处罚法第四十二条），${dayOn} 仅 ${valid.length} 人符合，不能${what}${reasons.length ? `：${reasons.join('；')}` : ''}`);
}

/** The proposal against the discretion benchmark row: a fine outside its range or another level's kinds needs a reason. */
export async function benchmarkGate(ctx: Pick<GuardContext, 'tx'>, p: PenaltyRow, input: NotifyInput): Promise<GuardResult> {
  const fine = fineMatches(input.penalties, input.fine);
  if (!fine.ok) return fine;
  const benchmark = await findBenchmark(ctx.tx, input.benchmarkId);
  if (!benchmark || benchmark.matterId !== p.matterId) return no('裁量基准条目不属于本案的执法事项');
  const departures: string[] = [];
  if (input.fine !== undefined) {
    if (benchmark.fineMin === null && benchmark.fineMax === null) departures.push(`基准「${discretionLevelLabels[benchmark.level]}」不处罚款`);
    else if ((benchmark.fineMin !== null && input.fine < benchmark.fineMin) || (benchmark.fineMax !== null && input.fine > benchmark.fineMax)) {
      departures.push(`拟罚款 ${yuan(input.fine)} 超出基准「${discretionLevelLabels[benchmark.level]}」的幅度（${yuan(benchmark.fineMin ?? 0)}至${benchmark.fineMax === null ? '不限' : yuan(benchmark.fineMax)}）`);
    }
  }
  if (benchmark.level === 'none' && input.penalties.length > 0) departures.push('基准为不予处罚');
  if (departures.length && !input.departureReason) return no(`${departures.join('；')}，须说明偏离裁量基准的理由`);
  return ok;
}

/** 第五十八条 triggers decided by rule from the proposal: 较大数额罚款 (本县设置), 吊销许可证件, 责令停产停业, matters the county lists. */
async function ruleTriggers(ctx: GuardContext, p: PenaltyRow, input: NotifyInput): Promise<ReviewTrigger[]> {
  const s = await settingsOf(ctx);
  const limit = p.partyType === 'person' ? s.reviewFinePerson : s.reviewFineCompany;
  const required = (input.fine ?? 0) >= limit && limit > 0;
  const heavy = input.penalties.some((k) => k === 'licenceRevocation' || k === 'closure');
  return required || heavy || s.reviewMatterIds.includes(p.matterId) ? ['required'] : [];
}

const withTriggers = (p: PenaltyRow, more: readonly ReviewTrigger[]): ReviewTrigger[] => [...new Set([...p.reviewTriggers, ...more])];

const legalityClock = {
  [LEGALITY_CLOCK]: async (ctx: GuardContext) => ({ unit: 'workingDays' as const, n: (await settingsOf(ctx)).reviewWorkingDays, basis: '《行政处罚法》第五十八条：作出决定前进行法制审核（审核期限按本县设置）' }),
};

/** The 陈述、申辩 and hearing-request window of 第六十四条 has passed, or the party waived it in writing. */
function statementOver(ctx: GuardContext, waived: boolean | undefined): GuardResult {
  if (waived) return ok;
  const window = ctx.clocks.find((c) => c.name === 'hearingRequest');
  if (window?.dueOn && ctx.today <= window.dueOn) return no(`当事人可在 ${window.dueOn} 前提出听证要求（行政处罚法第六十四条），期满或当事人明确放弃后方可进入下一程序`);
  return ok;
}

/** What must happen before a decision, in the words the case handler reads. */
async function decisionGate(ctx: GuardContext): Promise<GuardResult> {
  const state = ctx.case.state as PenaltyState;
  const input = ctx.input as DecideInput | undefined;
  const proposing = !input || input.outcome === 'penalty';
  if (state === 'filed' || state === 'investigating') {
    if (proposing) return no('尚未告知当事人拟作出的行政处罚及陈述、申辩、听证权利（行政处罚法第四十四条），不能作出处罚决定');
  } else if (state === 'notified') return statementOver(ctx, false).ok ? no('陈述申辩期已满，请先确认陈述申辩情况（或提交法制审核）再作出决定') : statementOver(ctx, false);
  else if (state === 'hearing') return no('听证程序尚未结束，不能作出决定');
  else if (state === REVIEW) return no('法制审核尚未完成，不能作出决定（行政处罚法第五十八条）');
  const p = await penaltyOf(ctx);
  if (p.reviewRequired && !(await reviewPassed(ctx.tx, p.caseId))) return no(`本案须经法制审核（${p.reviewTriggers.map((t) => reviewTriggerLabels[t]).join('；')}），未经审核或审核未通过的，不得作出决定`);
  const officers = await officersGate(ctx, p, ctx.today, '作出决定');
  if (!officers.ok || !input) return officers;
  if (input.outcome === 'penalty') {
    if (input.penalties.length === 0) return no('给予行政处罚的，须选择处罚种类');
    const fine = fineMatches(input.penalties, input.fine);
    if (!fine.ok) return fine;
    if (p.proposedFine !== null && (input.fine ?? 0) > p.proposedFine) return no(`决定的罚款（${yuan(input.fine ?? 0)}）高于告知的拟罚款（${yuan(p.proposedFine)}），应当重新告知`);
    const added = input.penalties.filter((k) => !p.proposedPenalties.includes(k));
    if (added.length) return no(`决定增加了告知时未提出的处罚种类（${added.map((k) => penaltyKindLabels[k]).join('、')}），应当重新告知`);
  } else if (input.penalties.length || input.fine) return no('不予处罚的决定不能填写处罚种类或罚款');
  return ok;
}

/** 卷内目录: every file of the case's record in order, each with its SM3, and the SM3 of the index itself. */
export async function buildArchiveIndex(tx: GuardContext['tx'], caseId: string) {
  const events = await tx.select({ action: caseEvents.action, fileIds: caseEvents.fileIds }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.seq);
  const attached: { fileId: string; step: string }[] = [];
  const seen = new Set<string>();
  for (const e of events) for (const fileId of e.fileIds) if (!seen.has(fileId)) (seen.add(fileId), attached.push({ fileId, step: stepLabel(e.action) }));
  const index = await fileIndex(tx, attached.map((a) => a.fileId));
  const files = index.map((f, i) => ({ fileId: f.id, name: f.name, step: attached[i]!.step, sm3: f.sm3 }));
  return { files, sm3: indexDigest(files) };
}

export const indexDigest = (files: { fileId: string; name: string; step: string; sm3: string }[]) => sm3(JSON.stringify(files.map((f) => [f.fileId, f.name, f.step, f.sm3])));

export const stepLabel = (action: string): string => (action === 'open' ? '立案' : (penaltyWorkflow.actions[action]?.label ?? action));

async function decidePublication(ctx: GuardContext, p: PenaltyRow, decidedOn: string, penalties: PenaltyKind[], fine: number | null, decisionNo: string): Promise<void> {
  const [org] = await ctx.tx.select({ orgId: cases.orgId }).from(cases).where(eq(cases.id, p.caseId));
  const content = [
    `行政处罚决定书文号：${decisionNo}`,
    `违法行为：${maskIds(p.facts)}`,
    `处罚内容：${penalties.map((k) => penaltyKindLabels[k]).join('、')}${fine ? `，罚款 ${yuan(fine)}` : ''}`,
    `作出决定日期：${decidedOn}`,
  ].join('\n');
  await openPublication(
    ctx.tx,
    stepDeps(ctx.tx, ctx.case.updatedAt),
    { regionCode: p.regionCode, orgId: org!.orgId, sourceCaseId: p.caseId, kind: 'penalty', title: ctx.case.title, decisionNo, decidedOn, partyType: p.partyType, partyName: p.partyName, content },
    { actor: ctx.actor, meta: {} },
  );
}

/** ID numbers never reach the portal: 18- and 15-digit runs in free text are masked. */
export const maskIds = (text: string) => text.replace(/\d{17}[\dXx]|\d{15}/g, (m) => `${m.slice(0, 6)}********${m.slice(-4)}`);

export const penaltyWorkflow = defineWorkflow<PenaltyState>({
  caseType: PENALTY,
  label: '行政处罚',
  readPermission: READ,
  states: {
    filed: { label: penaltyStateLabels.filed },
    investigating: { label: penaltyStateLabels.investigating },
    notified: { label: penaltyStateLabels.notified },
    hearing: { label: penaltyStateLabels.hearing },
    legalityReview: { label: penaltyStateLabels.legalityReview },
    readyToDecide: { label: penaltyStateLabels.readyToDecide },
    decided: { label: penaltyStateLabels.decided },
    delivered: { label: penaltyStateLabels.delivered },
    executed: { label: penaltyStateLabels.executed },
    closed: { label: penaltyStateLabels.closed },
    archived: { label: penaltyStateLabels.archived, terminal: true },
    dropped: { label: penaltyStateLabels.dropped, terminal: true },
  },
  initial: 'filed',
  initialClocks: { decision: P.penaltyDecision },
  clockLabels: { decision: '作出处罚决定期限', hearingRequest: '听证申请期限', [LEGALITY_CLOCK]: '法制审核期限', delivery: '送达期限' },
  actions: {
    investigate: { label: '调查取证', from: ['filed'], to: 'investigating', permission: HANDLE },
    recordEvidence: {
      label: '记录证据和执法过程',
      from: ['investigating', 'notified', 'hearing', 'decided', 'delivered'],
      to: (ctx) => ctx.case.state as PenaltyState,
      permission: HANDLE,
      input: EvidenceInput,
      minFiles: 1,
    },
    notify: {
      label: '告知拟处罚（陈述申辩、听证权利）',
      from: ['investigating'],
      to: 'notified',
      permission: HANDLE,
      input: NotifyInput,
      minFiles: 1,
      async guard(ctx) {
        if (!ctx.input) return ok;
        return benchmarkGate(ctx, await penaltyOf(ctx), ctx.input as NotifyInput);
      },
      clocks: { start: { hearingRequest: P.penaltyHearingRequest } },
      async record(ctx) {
        const input = ctx.input as NotifyInput;
        const triggers = await ruleTriggers(ctx, await penaltyOf(ctx), input);
        return { reviewTriggers: triggers };
      },
      async effect(ctx) {
        const input = ctx.input as NotifyInput;
        const p = await penaltyOf(ctx);
        const triggers = withTriggers({ ...p, reviewTriggers: p.reviewTriggers.filter((t) => t !== 'required') }, await ruleTriggers(ctx, p, input));
        await updatePenalty(ctx.tx, p.caseId, {
          proposedPenalties: input.penalties,
          proposedFine: input.fine ?? null,
          benchmarkId: input.benchmarkId,
          departureReason: input.departureReason || null,
          reviewTriggers: triggers,
          reviewRequired: triggers.length > 0,
        });
      },
    },
    requestHearing: {
      label: '当事人申请听证',
      from: ['notified'],
      to: 'hearing',
      permission: HANDLE,
      input: HearingRequestInput,
      guard(ctx) {
        const input = ctx.input as z.infer<typeof HearingRequestInput> | undefined;
        if (!input) return ok;
        const window = ctx.clocks.find((c) => c.name === 'hearingRequest');
        const late = notAfterToday('提出听证要求之日', input.requestedOn, ctx.today);
        if (!late.ok) return late;
        if (window && input.requestedOn < window.startedOn) return no(`提出听证要求之日不能早于告知之日（${window.startedOn}）`);
        if (window?.dueOn && input.requestedOn > window.dueOn) return no(`当事人应当在告知后五个工作日内（${window.dueOn} 前）提出听证要求（行政处罚法第六十四条第一项），已逾期`);
        return ok;
      },
      clocks: { stop: ['hearingRequest'] },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { hearingRequested: true }),
    },
    scheduleHearing: {
      label: '通知听证',
      from: ['hearing'],
      to: 'hearing',
      permission: HANDLE,
      input: HearingInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof HearingInput> | undefined;
        if (!input) return ok;
        const { due } = await ctx.due(ctx.today, { unit: 'workingDays', n: 7 });
        return input.hearingOn < due ? no(`应当在举行听证的七个工作日前通知当事人（行政处罚法第六十四条第二项），今天通知的听证最早在 ${due} 举行`) : ok;
      },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { hearingOn: (ctx.input as z.infer<typeof HearingInput>).hearingOn }),
    },
    holdHearing: {
      label: '举行听证',
      from: ['hearing'],
      to: REVIEW,
      permission: HANDLE,
      // 听证笔录 (第六十五条), signed by the parties.
      minFiles: 1,
      async guard(ctx) {
        const p = await penaltyOf(ctx);
        if (!p.hearingOn) return no('尚未通知听证的时间和地点');
        return p.hearingOn > ctx.today ? no(`听证定于 ${p.hearingOn} 举行，尚未到期`) : ok;
      },
      clocks: { start: legalityClock },
      async effect(ctx) {
        const p = await penaltyOf(ctx);
        await updatePenalty(ctx.tx, p.caseId, { reviewTriggers: withTriggers(p, ['hearingHeld']), reviewRequired: true });
      },
    },
    submitForReview: {
      label: '提交法制审核',
      from: ['notified'],
      to: REVIEW,
      permission: HANDLE,
      input: SubmitInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof SubmitInput> | undefined;
        const window = statementOver(ctx, input?.waived);
        if (!window.ok) return window;
        const p = await penaltyOf(ctx);
        return p.reviewRequired || (input?.triggers?.length ?? 0) > 0 || !input ? ok : no('本案不属于须经法制审核的情形；如案情疑难复杂或涉及重大公共利益，请选择相应情形');
      },
      clocks: { stop: ['hearingRequest'], start: legalityClock },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof SubmitInput>;
        const p = await penaltyOf(ctx);
        const triggers = withTriggers(p, input.triggers ?? []);
        await updatePenalty(ctx.tx, p.caseId, { reviewTriggers: triggers, reviewRequired: triggers.length > 0 });
      },
    },
    concludeStatement: {
      label: '陈述申辩完毕，提请决定',
      from: ['notified'],
      to: 'readyToDecide',
      permission: HANDLE,
      input: SubmitInput.pick({ waived: true }),
      async guard(ctx) {
        const window = statementOver(ctx, (ctx.input as { waived?: boolean } | undefined)?.waived);
        if (!window.ok) return window;
        const p = await penaltyOf(ctx);
        return p.reviewRequired ? no(`本案须经法制审核（${p.reviewTriggers.map((t) => reviewTriggerLabels[t]).join('；')}），请提交法制审核`) : ok;
      },
      clocks: { stop: ['hearingRequest'] },
    },
    requireReview: {
      label: '决定前法制审核',
      from: ['readyToDecide'],
      to: REVIEW,
      permission: LEGALITY_REVIEW,
      input: RequireReviewInput,
      reasonRequired: true,
      clocks: { start: legalityClock },
      async effect(ctx) {
        const p = await penaltyOf(ctx);
        const triggers = withTriggers(p, (ctx.input as z.infer<typeof RequireReviewInput>).triggers);
        await updatePenalty(ctx.tx, p.caseId, { reviewTriggers: triggers, reviewRequired: true });
      },
    },
    giveLegalityOpinion: {
      label: '出具法制审核意见',
      from: [REVIEW],
      to: (ctx) => ((ctx.input as LegalityOpinionInput).conclusion === 'unlawful' ? 'investigating' : 'readyToDecide'),
      permission: LEGALITY_REVIEW,
      input: LegalityOpinionInput,
      // The signed 法制审核意见书.
      minFiles: 1,
      async guard(ctx) {
        if (!ctx.actor) return no('此操作须由法制审核人员办理');
        if ((await opinionsSignedBy(ctx.tx, ctx.actor.userId, PENALTY)) > 0) return ok;
        return (await legalQualificationOf(ctx.tx, ctx.case.regionCode, ctx.actor.userId))
          ? ok
          : no('初次从事行政处罚决定法制审核的人员，应当取得法律职业资格（行政处罚法第五十八条第二款）；您的账号未关联登记了法律职业资格证书编号的执法人员');
      },
      clocks: { stop: [LEGALITY_CLOCK] },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === LEGALITY_CLOCK)?.dueOn ?? null;
        return { reviewDueOn: dueOn, late: dueOn !== null && ctx.today > dueOn };
      },
    },
    decide: {
      label: '作出决定',
      from: beforeDecision.filter((s) => s !== 'filed'),
      offeredIn: ['readyToDecide'],
      to: 'decided',
      permission: APPROVE,
      input: DecideInput,
      // The signed 行政处罚决定书 (or 不予行政处罚决定书).
      minFiles: 1,
      guard: decisionGate,
      clocks: { stop: ['decision', 'hearingRequest'], start: { delivery: P.penaltyDelivery } },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === 'decision')?.dueOn ?? null;
        return { decisionDueOn: dueOn, late: dueOn !== null && ctx.today > dueOn };
      },
      async effect(ctx) {
        const input = ctx.input as DecideInput;
        const p = await penaltyOf(ctx);
        await updatePenalty(ctx.tx, p.caseId, { outcome: input.outcome, penalties: input.penalties, fine: input.fine ?? null, decisionNo: input.decisionNo, decidedOn: ctx.today });
        await ctx.tx.update(cases).set({ caseNo: input.decisionNo }).where(eq(cases.id, p.caseId));
        if (input.outcome === 'penalty') await decidePublication(ctx, p, ctx.today, input.penalties, input.fine ?? null, input.decisionNo);
      },
    },
    decideOnSpot: {
      label: '当场作出处罚决定（简易程序）',
      from: ['filed'],
      to: 'delivered',
      permission: HANDLE,
      input: OnSpotInput,
      minFiles: 1,
      async guard(ctx) {
        const p = await penaltyOf(ctx);
        if (p.procedure !== 'simple') return no('本案适用普通程序，不能当场作出处罚决定');
        const officers = await officersGate(ctx, p, ctx.today, '当场作出处罚决定');
        const input = ctx.input as OnSpotInput | undefined;
        if (!officers.ok || !input) return officers;
        const fine = fineMatches(input.penalties, input.fine);
        if (!fine.ok) return fine;
        const limit = SIMPLE_FINE_LIMIT[p.partyType];
        return (input.fine ?? 0) > limit ? no(`当场处罚的罚款，对${p.partyType === 'person' ? '公民' : '法人或者其他组织'}不得超过 ${yuan(limit)}（行政处罚法第五十一条），请适用普通程序`) : ok;
      },
      clocks: { stop: ['decision'] },
      async effect(ctx) {
        const input = ctx.input as OnSpotInput;
        const p = await penaltyOf(ctx);
        await updatePenalty(ctx.tx, p.caseId, { outcome: 'penalty', penalties: input.penalties, fine: input.fine ?? null, decisionNo: input.decisionNo, decidedOn: ctx.today, deliveredOn: ctx.today, proposedPenalties: input.penalties, proposedFine: input.fine ?? null });
        await ctx.tx.update(cases).set({ caseNo: input.decisionNo }).where(eq(cases.id, p.caseId));
        await decidePublication(ctx, p, ctx.today, input.penalties, input.fine ?? null, input.decisionNo);
      },
    },
    transferToJudiciary: {
      label: '移送司法机关',
      from: ['investigating', 'notified', 'hearing', 'readyToDecide'],
      to: 'closed',
      permission: APPROVE,
      reasonRequired: true,
      // 涉嫌犯罪案件移送书 (行政处罚法 第二十七条).
      minFiles: 1,
      clocks: { stop: 'all' },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { outcome: 'transfer', transferredToJudiciary: true, closedOn: ctx.today }),
    },
    extendDecision: {
      label: '延长办案期限',
      from: beforeDecision,
      to: (ctx) => ctx.case.state as PenaltyState,
      permission: APPROVE,
      input: ExtendInput,
      reasonRequired: true,
      async guard(ctx) {
        const clock = ctx.clocks.find((c) => c.name === 'decision');
        if (!clock || clock.status !== 'running') return no('办案期限未在计算中');
        if (clock.extendedN !== null) return no('办案期限已经延长过');
        const input = ctx.input as z.infer<typeof ExtendInput> | undefined;
        const max = (await settingsOf(ctx)).extensionMaxDays;
        return input && input.days > max ? no(`延长不能超过 ${max} 日（本县设置）`) : ok;
      },
      clocks: {
        extend: {
          decision: (ctx) => ({ unit: 'days', n: (ctx.input as z.infer<typeof ExtendInput>).days, basis: '《行政处罚法》第六十条：法律、法规、规章另有规定的，从其规定；经行政机关负责人批准延长' }),
        },
      },
    },
    deliver: {
      label: '送达决定书',
      from: ['decided'],
      to: 'delivered',
      permission: HANDLE,
      input: DeliverInput,
      // 送达回证.
      minFiles: 1,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof DeliverInput> | undefined;
        if (!input) return ok;
        const p = await penaltyOf(ctx);
        const late = notAfterToday('送达日期', input.deliveredOn, ctx.today);
        return !late.ok ? late : p.decidedOn && input.deliveredOn < p.decidedOn ? no(`送达日期不能早于决定日期（${p.decidedOn}）`) : ok;
      },
      clocks: { stop: ['delivery'] },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === 'delivery')?.dueOn ?? null;
        return { deliveryDueOn: dueOn, late: dueOn !== null && (ctx.input as z.infer<typeof DeliverInput>).deliveredOn > dueOn };
      },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { deliveredOn: (ctx.input as z.infer<typeof DeliverInput>).deliveredOn }),
    },
    execute: {
      label: '执行完毕',
      from: ['delivered'],
      to: 'executed',
      permission: HANDLE,
      input: ExecuteInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof ExecuteInput> | undefined;
        if (!input) return ok;
        const p = await penaltyOf(ctx);
        const late = notAfterToday('执行完毕日期', input.executedOn, ctx.today);
        return !late.ok ? late : p.deliveredOn && input.executedOn < p.deliveredOn ? no(`执行完毕日期不能早于送达日期（${p.deliveredOn}）`) : ok;
      },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { executedOn: (ctx.input as z.infer<typeof ExecuteInput>).executedOn }),
    },
    close: {
      label: '结案',
      from: ['delivered', 'executed'],
      to: 'closed',
      permission: HANDLE,
      async guard(ctx) {
        const p = await penaltyOf(ctx);
        return ctx.case.state === 'delivered' && p.outcome === 'penalty' ? no('处罚决定尚未执行完毕，不能结案') : ok;
      },
      effect: (ctx) => updatePenalty(ctx.tx, ctx.case.id, { closedOn: ctx.today }),
    },
    archive: {
      label: '归档',
      from: ['closed'],
      to: 'archived',
      permission: HANDLE,
      async effect(ctx) {
        await updatePenalty(ctx.tx, ctx.case.id, { archivedOn: ctx.today, archiveIndex: await buildArchiveIndex(ctx.tx, ctx.case.id) });
      },
    },
    drop: {
      label: '撤销立案',
      from: beforeDecision,
      to: 'dropped',
      permission: APPROVE,
      reasonRequired: true,
      clocks: { stop: 'all' },
    },
  },
});
