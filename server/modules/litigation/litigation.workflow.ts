import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { defineWorkflow, no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { actCorrected } from '../../kernel/workflow/act-corrections.ts';
import { annullingOutcomes, judgmentOutcomes, lostOutcomes, outcomeLabels, reDecisionOutcomes, type Outcome } from './litigation.labels.ts';
import { HANDLE, LITIGATION, READ } from './litigation.permissions.ts';
import { courtCaseNoTaken } from './litigation.repository.ts';
import { litigationCases, litigationHearings } from './litigation.tables.ts';

/**
 * 行政应诉 as a workflow: the sued agency's side of one instance of a lawsuit. The case's organisation
 * is the defendant, so the defendant's own staff handle it. The agency's only statutory clock is the
 * defence: evidence, the 规范性文件 relied on and the 答辩状 within 15 days of receiving the complaint
 * (行政诉讼法 第六十七条). The courts' own time limits (第八十一条, 第八十八条) bind the court and are shown
 * on the case as information, not as clocks.
 */

type LitigationState = 'received' | 'defended' | 'judged';

async function details(ctx: GuardContext) {
  const [row] = await ctx.tx.select().from(litigationCases).where(eq(litigationCases.caseId, ctx.case.id));
  if (!row) throw new Error(`litigation case ${ctx.case.id} has no details row`);
  return row;
}

async function update(ctx: GuardContext, values: Partial<typeof litigationCases.$inferInsert>): Promise<void> {
  await ctx.tx.update(litigationCases).set(values).where(eq(litigationCases.caseId, ctx.case.id));
}

const day = z.iso.date();
const EFFECTIVE_HELP = '二审、再审的判决和裁定自送达之日起生效；一审判决在上诉期满无人上诉后生效。尚未生效的不填，生效后用“登记裁判生效”补记';

const FileDefenceInput = z.object({
  filedOn: day.optional().meta({ title: '提交日期', description: '向人民法院提交答辩状和证据的日期，不填为今天' }),
  normativeDocuments: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .meta({ title: '所依据的规范性文件', widget: 'textarea', description: '《行政诉讼法》第六十七条：被告应当提供作出行政行为的证据和所依据的规范性文件' }),
});

const JudgmentInput = z.object({
  outcome: z.enum(judgmentOutcomes).meta({
    title: '裁判结果',
    optionLabels: outcomeLabels,
    description: '二审、再审维持原判的，按原判的裁判类型登记；调解仅适用于行政赔偿、补偿及行政机关行使自由裁量权的案件（第六十条）',
  }),
  judgmentNo: z.string().trim().min(1).max(60).meta({ title: '裁判文书号', description: '如（2024）湘0621行初12号' }),
  judgedOn: day.meta({ title: '裁判日期' }),
  reDecisionOrdered: z
    .boolean()
    .optional()
    .meta({ title: '判决被告重新作出行政行为', showWhen: { field: 'outcome', values: [...reDecisionOutcomes] }, description: '《行政诉讼法》第七十条' }),
  effectiveOn: day.optional().meta({ title: '生效日期', description: EFFECTIVE_HELP }),
});

const EffectiveInput = z.object({ effectiveOn: day.meta({ title: '生效日期', description: EFFECTIVE_HELP }) });

const WithdrawalInput = z.object({
  judgedOn: day.meta({ title: '准予撤诉裁定日期' }),
  rulingNo: z.string().trim().min(1).max(60).optional().meta({ title: '裁定书文号' }),
});

const AmendInput = z
  .object({
    court: z.string().trim().min(1).max(100).optional().meta({ title: '审理法院' }),
    courtCaseNo: z.string().trim().min(1).max(60).optional().meta({ title: '法院案号' }),
    headSummoned: z.boolean().optional().meta({ title: '法院通知负责人出庭', description: '《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第四条' }),
    claims: z.string().trim().max(2000).optional().meta({ title: '诉讼请求', widget: 'textarea' }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '请至少更正一项' });

/** A date of the case's own record: not in the future, not before the complaint reached the agency. */
function dateInRange(label: string, value: string, today: string, complaintReceivedOn: string): GuardResult {
  if (value > today) return no(`${label}不能晚于今天`);
  if (value < complaintReceivedOn) return no(`${label}不能早于收到起诉状副本之日（${complaintReceivedOn}）`);
  return ok;
}

async function lastHearingOn(ctx: GuardContext): Promise<string | null> {
  const [row] = await ctx.tx.select({ on: max(litigationHearings.heldOn) }).from(litigationHearings).where(eq(litigationHearings.caseId, ctx.case.id));
  return row?.on ?? null;
}

/** The day the instance ended: after every recorded hearing (hearings are checked the other way round). */
async function endedOnGuard(ctx: GuardContext, label: string, value: string): Promise<GuardResult> {
  const row = await details(ctx);
  const range = dateInRange(label, value, ctx.today, row.complaintReceivedOn);
  if (!range.ok) return range;
  const last = await lastHearingOn(ctx);
  return last && value < last ? no(`${label}不能早于已登记的庭审日期（${last}）`) : ok;
}

/**
 * A judgment in effect that changed or annulled a decision made in Fazhi (the registration linked it):
 * the deciding module reacts, e.g. 执法公示 withdraws the published decision.
 */
async function correctChallengedAct(ctx: GuardContext, effectiveOn: string): Promise<void> {
  const row = await details(ctx);
  if (!row.challengedCaseId || !row.outcome || !annullingOutcomes.includes(row.outcome as Outcome)) return;
  const description = `人民法院${row.judgmentNo ? ` ${row.judgmentNo}` : ''}：${outcomeLabels[row.outcome as Outcome]}（${effectiveOn}生效）`;
  await actCorrected({ tx: ctx.tx, caseId: row.challengedCaseId, byCaseId: ctx.case.id, description, decidedOn: effectiveOn, actor: ctx.actor });
}

export const litigationWorkflow = defineWorkflow<LitigationState>({
  caseType: LITIGATION,
  label: '行政应诉',
  readPermission: READ,
  states: {
    received: { label: '已收到起诉状' },
    defended: { label: '已答辩（审理中）' },
    judged: { label: '已审结', terminal: true },
  },
  initial: 'received',
  // Counted from the day the complaint's copy was received (openCase's receivedOn).
  initialClocks: { defence: P.litigationDefence },
  clockLabels: { defence: '答辩期限（提交证据、规范性文件和答辩状）' },
  actions: {
    fileDefence: {
      label: '提交答辩状',
      from: ['received'],
      to: 'defended',
      permission: HANDLE,
      input: FileDefenceInput,
      minFiles: 1,
      async guard(ctx) {
        const filedOn = (ctx.input as z.infer<typeof FileDefenceInput> | undefined)?.filedOn;
        return filedOn ? dateInRange('提交日期', filedOn, ctx.today, (await details(ctx)).complaintReceivedOn) : ok;
      },
      clocks: { stop: ['defence'] },
      // A defence after the 15 days is still filed (the court decides what follows), and marked late.
      record(ctx) {
        const filedOn = (ctx.input as z.infer<typeof FileDefenceInput>).filedOn ?? ctx.today;
        const dueOn = ctx.clocks.find((c) => c.name === 'defence')?.dueOn ?? null;
        return { filedOn, defenceDueOn: dueOn, late: dueOn !== null && filedOn > dueOn };
      },
      effect: (ctx) => update(ctx, { defenceFiledOn: (ctx.input as z.infer<typeof FileDefenceInput>).filedOn ?? ctx.today }),
    },
    recordJudgment: {
      label: '登记裁判结果',
      from: ['received', 'defended'],
      to: 'judged',
      permission: HANDLE,
      input: JudgmentInput,
      minFiles: 1,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof JudgmentInput> | undefined;
        if (!input) return ok;
        if (input.outcome === 'remanded' && (await details(ctx)).instance === 'first') return no('一审案件不能登记为发回重审');
        if (input.effectiveOn && (input.effectiveOn < input.judgedOn || input.effectiveOn > ctx.today)) return no('生效日期应在裁判日期与今天之间');
        return endedOnGuard(ctx, '裁判日期', input.judgedOn);
      },
      clocks: { stop: 'all' },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof JudgmentInput>;
        await update(ctx, { outcome: input.outcome, lost: lostOutcomes.includes(input.outcome), judgedOn: input.judgedOn, judgmentNo: input.judgmentNo, effectiveOn: input.effectiveOn ?? null });
        if (input.effectiveOn) await correctChallengedAct(ctx, input.effectiveOn);
      },
    },
    recordEffective: {
      label: '登记裁判生效',
      from: ['judged'],
      to: 'judged',
      permission: HANDLE,
      input: EffectiveInput,
      // Taken when the appeal period has run out, not a deadline of the agency's.
      offeredIn: [],
      async guard(ctx) {
        const row = await details(ctx);
        if (row.effectiveOn) return no(`已登记生效（${row.effectiveOn}）`);
        if (row.outcome === 'withdrawn') return no('撤诉结案的案件无需登记裁判生效');
        const input = ctx.input as z.infer<typeof EffectiveInput> | undefined;
        if (input && row.judgedOn && (input.effectiveOn < row.judgedOn || input.effectiveOn > ctx.today)) return no(`生效日期应在裁判日期（${row.judgedOn}）与今天之间`);
        return ok;
      },
      async effect(ctx) {
        const { effectiveOn } = ctx.input as z.infer<typeof EffectiveInput>;
        await update(ctx, { effectiveOn });
        await correctChallengedAct(ctx, effectiveOn);
      },
    },
    withdrawnByPlaintiff: {
      label: '原告撤诉',
      from: ['received', 'defended'],
      to: 'judged',
      permission: HANDLE,
      input: WithdrawalInput,
      minFiles: 1,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof WithdrawalInput> | undefined;
        return input ? endedOnGuard(ctx, '准予撤诉裁定日期', input.judgedOn) : ok;
      },
      clocks: { stop: 'all' },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof WithdrawalInput>;
        const outcome: Outcome = 'withdrawn';
        await update(ctx, { outcome, lost: false, judgedOn: input.judgedOn, judgmentNo: input.rulingNo ?? null });
      },
    },
    amendRegistration: {
      label: '更正立案信息',
      from: ['received', 'defended', 'judged'],
      to: (ctx) => ctx.case.state as LitigationState,
      permission: HANDLE,
      input: AmendInput,
      reasonRequired: true,
      async guard(ctx) {
        const courtCaseNo = (ctx.input as z.infer<typeof AmendInput> | undefined)?.courtCaseNo;
        if (!courtCaseNo) return ok;
        const taken = await courtCaseNoTaken(ctx.tx, ctx.case.regionCode, courtCaseNo, ctx.case.id);
        return taken ? no(`法院案号 ${courtCaseNo} 已登记在另一案件中`) : ok;
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof AmendInput>;
        await update(ctx, input);
        if (input.courtCaseNo) await ctx.tx.update(cases).set({ caseNo: input.courtCaseNo }).where(eq(cases.id, ctx.case.id));
      },
    },
  },
});
