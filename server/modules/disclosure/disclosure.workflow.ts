import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { storeFile } from '../../kernel/files/files.ts';
import { nextNumber } from '../../kernel/numbering/numbering.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { loadClocks } from '../../kernel/workflow/clocks.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { defineWorkflow, no, ok, type ClockRow, type GuardContext } from '../../kernel/workflow/define-workflow.ts';
import type { DisclosureOutcome } from '../../../contracts/disclosure.ts';
import { ConsultInput, CorrectionInput, CorrectionNotice, ExtendInput, FeeInput, OpinionInput, ReplyInput } from './disclosure.inputs.ts';
import { APPROVE_EXTENSION, DISCLOSURE, HANDLE, READ } from './disclosure.permissions.ts';
import { correctionPeriod, disclosureSettings, feePeriod, numberPrefixOf } from './disclosure.settings.ts';
import { disclosureConsultations, disclosureRequests } from './disclosure.tables.ts';
import { pieceFeeFen, volumeFeeFen } from './fees.ts';
import { extensionDocx, replyDocx, type LetterFacts } from './letters.ts';

/**
 * 依申请公开 (政府信息公开条例 2019, arts 29–45) as a workflow. Clocks: reply 答复 (20 WD from receipt,
 * art. 33; restarted in full by a correction, art. 30; paused while a third party or another agency is
 * consulted, art. 33 ¶3; extended once by ≤20 WD), correction 补正 (the notice's period), consultation
 * 征求意见 (15 WD, arts 32 and 34), fee 缴费 (109号文). Every ending records exactly one table-三 leaf.
 */

const clock = (ctx: GuardContext, name: string): ClockRow | undefined => ctx.clocks.find((c) => c.name === name);
const running = (c: ClockRow | undefined): c is ClockRow => c?.status === 'running';

async function details(ctx: Pick<GuardContext, 'tx' | 'case'>) {
  const [row] = await ctx.tx.select().from(disclosureRequests).where(eq(disclosureRequests.caseId, ctx.case.id));
  if (!row) throw new Error(`disclosure request ${ctx.case.id} has no details row`);
  return row;
}

async function update(ctx: Pick<GuardContext, 'tx' | 'case'>, values: Partial<typeof disclosureRequests.$inferInsert>): Promise<void> {
  await ctx.tx.update(disclosureRequests).set(values).where(eq(disclosureRequests.caseId, ctx.case.id));
}

/** The one write of the outcome: only while none is recorded, so a case can never be counted twice in table 三. */
async function conclude(ctx: Pick<GuardContext, 'tx' | 'case' | 'today'>, values: Partial<typeof disclosureRequests.$inferInsert> & { outcome: DisclosureOutcome }): Promise<void> {
  const done = await ctx.tx
    .update(disclosureRequests)
    .set({ repliedOn: ctx.today, ...values })
    .where(and(eq(disclosureRequests.caseId, ctx.case.id), isNull(disclosureRequests.outcome)))
    .returning({ id: disclosureRequests.caseId });
  if (!done.length) throw new AppError('CONFLICT', '本申请已记录办理结果，不能重复记录');
}

async function letterFacts(ctx: Pick<GuardContext, 'tx' | 'case'>): Promise<LetterFacts & { row: typeof disclosureRequests.$inferSelect }> {
  const row = await details(ctx);
  const [org] = await ctx.tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.case.orgId));
  return { row, agencyName: org?.name ?? '', applicantName: row.applicantName, receivedOn: row.receivedOn, description: row.description };
}

/** A generated letter in the file store; dated by the step's own time (the case row's updated_at). */
async function storeLetter(ctx: GuardContext, name: string, content: Buffer): Promise<string> {
  const file = await storeFile(ctx.tx, { regionCode: ctx.case.regionCode, name, content, uploadedBy: ctx.actor?.userId ?? null, now: ctx.case.updatedAt });
  return file.id;
}

export const disclosureWorkflow = defineWorkflow({
  caseType: DISCLOSURE,
  label: '依申请公开',
  readPermission: READ,
  states: {
    received: { label: '办理中' },
    correcting: { label: '待补正' },
    consulting: { label: '征求意见中' },
    replied: { label: '已答复', terminal: true },
    closed: { label: '已办结（不再处理）', terminal: true },
  },
  initial: 'received',
  initialClocks: { reply: P.disclosureReply },
  clockLabels: { reply: '答复期限', correction: '申请人补正期限', consultation: '征求意见期限', fee: '缴费期限' },
  actions: {
    requestCorrection: {
      label: '告知补正',
      from: ['received'],
      to: 'correcting',
      permission: HANDLE,
      input: CorrectionNotice,
      async guard(ctx) {
        const row = await details(ctx);
        if (row.extra.correctionItems) return no('补正应一次性告知，本申请已告知过补正');
        const notice = await ctx.due(row.receivedOn, P.disclosureCorrectionNotice);
        if (ctx.today > notice.due) return no(`告知补正的期限已于 ${notice.due} 届满（收到申请之日起七个工作日，第三十条）`);
        if (running(clock(ctx, 'fee'))) return no('已发出收费通知，不能再告知补正');
        return ok;
      },
      // 第三十条: the reply period runs again from the correction's receipt, so it stops here.
      clocks: {
        stop: ['reply'],
        start: {
          correction: async (ctx) => {
            const days = (ctx.input as z.infer<typeof CorrectionNotice>).workingDays ?? (await disclosureSettings.read(ctx.tx, ctx.case.regionCode)).value.correctionWorkingDays;
            return correctionPeriod(days);
          },
        },
      },
      async effect(ctx) {
        const row = await details(ctx);
        const input = ctx.input as z.infer<typeof CorrectionNotice>;
        await update(ctx, { extra: { ...row.extra, correctionItems: input.items, correctionRequestedOn: ctx.today } });
      },
    },
    submitCorrection: {
      label: '提交补正',
      from: ['correcting'],
      to: 'received',
      permission: HANDLE,
      byApplicant: true,
      input: CorrectionInput,
      guard(ctx) {
        const correction = clock(ctx, 'correction');
        if (correction && correction.dueOn < ctx.today) return no(`补正期限已于 ${correction.dueOn} 届满，视为放弃申请`);
        return ok;
      },
      clocks: { stop: ['correction'], start: { reply: P.disclosureReply } },
      async effect(ctx) {
        const row = await details(ctx);
        await update(ctx, { extra: { ...row.extra, correction: (ctx.input as z.infer<typeof CorrectionInput>).content, correctedOn: ctx.today } });
      },
    },
    correctionLapsed: {
      label: '逾期未补正（不再处理）',
      from: ['correcting'],
      to: 'closed',
      permission: HANDLE,
      guard(ctx) {
        const correction = clock(ctx, 'correction');
        if (correction && correction.dueOn >= ctx.today) return no(`补正期限至 ${correction.dueOn} 届满，届满后才能按逾期不补正处理`);
        return ok;
      },
      clocks: { stop: 'all' },
      effect: (ctx) => conclude(ctx, { outcome: 'otherNoCorrection', outcomeReason: '申请人无正当理由逾期不补正，视为放弃申请（第三十条）' }),
    },
    consult: {
      label: '征求意见',
      from: ['received'],
      to: 'consulting',
      permission: HANDLE,
      input: ConsultInput,
      guard: (ctx) => (running(clock(ctx, 'reply')) ? ok : no('答复期限未在计算中')),
      // 第三十三条第三款: the consultation's time is not counted in the reply period.
      clocks: {
        pause: ['reply'],
        start: { consultation: (ctx) => ((ctx.input as z.infer<typeof ConsultInput>).kind === 'agency' ? P.disclosureAgency : P.disclosureThirdParty) },
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ConsultInput>;
        await ctx.tx.insert(disclosureConsultations).values({
          regionCode: ctx.case.regionCode,
          caseId: ctx.case.id,
          kind: input.kind,
          partyName: input.partyName,
          sentOn: ctx.today,
          createdBy: ctx.actor?.userId ?? null,
          updatedBy: ctx.actor?.userId ?? null,
        });
      },
    },
    recordOpinion: {
      label: '登记征求意见答复',
      from: ['consulting'],
      to: 'received',
      permission: HANDLE,
      input: OpinionInput,
      clocks: { stop: ['consultation'], resume: ['reply'] },
      effect: (ctx) => answerConsultation(ctx, (ctx.input as z.infer<typeof OpinionInput>).opinion, (ctx.input as z.infer<typeof OpinionInput>).note ?? null),
    },
    consultationLapsed: {
      label: '征求意见逾期未答复',
      from: ['consulting'],
      to: 'received',
      permission: HANDLE,
      guard(ctx) {
        const c = clock(ctx, 'consultation');
        if (c && c.dueOn >= ctx.today) return no(`征求意见期限至 ${c.dueOn} 届满，届满后才能按逾期未提出意见处理`);
        return ok;
      },
      // The reply period counts on from the consultation period's last day, however late the lapse is recorded.
      clocks: { stop: ['consultation'], resume: ['reply'], resumeFrom: (ctx) => clock(ctx, 'consultation')?.dueOn ?? ctx.today },
      async effect(ctx) {
        const [open] = await openConsultation(ctx);
        // 第三十二条: a silent third party leaves the decision to the agency; 第三十四条: a silent agency consents.
        const note = open?.kind === 'agency' ? '逾期未提出意见，视为同意（第三十四条）' : '第三方逾期未提出意见，由本机关依照条例规定决定是否公开（第三十二条）';
        await answerConsultation(ctx, 'silent', note);
      },
    },
    extend: {
      label: '延长答复期限',
      from: ['received', 'consulting'],
      to: (ctx) => ctx.case.state as 'received' | 'consulting',
      permission: APPROVE_EXTENSION,
      input: ExtendInput,
      guard(ctx) {
        const reply = clock(ctx, 'reply');
        if (!reply || reply.status === 'stopped') return no('答复期限未在计算中');
        if (reply.extendedN !== null) return no('答复期限已延长过一次，不能再次延长');
        if (reply.status === 'running' && reply.dueOn < ctx.today) return no(`答复期限已于 ${reply.dueOn} 届满，不能再延长`);
        return ok;
      },
      clocks: { extend: { reply: (ctx) => ({ ...P.disclosureExtension, n: (ctx.input as z.infer<typeof ExtendInput>).days }) } },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ExtendInput>;
        const facts = await letterFacts(ctx);
        const reply = (await loadClocks(ctx.tx, ctx.case.id)).find((c) => c.name === 'reply')!;
        const content = await extensionDocx({ ...facts, noticeOn: ctx.today, days: input.days, newDueOn: reply.dueOn, reason: input.reason });
        const fileId = await storeLetter(ctx, '延期答复告知书.docx', content);
        await update(ctx, { extended: true, extra: { ...facts.row.extra, extensionDays: input.days, extensionReason: input.reason, extendedOn: ctx.today, extensionFileId: fileId } });
      },
    },
    noticeFee: {
      label: '发出收费通知',
      from: ['received'],
      to: 'received',
      permission: HANDLE,
      input: FeeInput,
      async guard(ctx) {
        const row = await details(ctx);
        return row.feeNoticedOn ? no('本申请已发出过收费通知') : ok;
      },
      clocks: { start: { fee: async (ctx) => feePeriod((await disclosureSettings.read(ctx.tx, ctx.case.regionCode)).value.feeWorkingDays) } },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof FeeInput>;
        const rules = (await disclosureSettings.read(ctx.tx, ctx.case.regionCode)).value;
        const row = await details(ctx);
        const ordinal = input.ordinal ?? (await ordinalInMonth(ctx, row));
        const feeFen = input.mode === 'volume' ? volumeFeeFen(input.pages!, rules) : pieceFeeFen(ordinal, rules);
        if (feeFen === 0) throw new AppError('CONFLICT', input.mode === 'volume' ? `${input.pages} 页在免费范围内，无需收费` : `本月第 ${ordinal} 件申请在免费范围内，无需收费`);
        await update(ctx, { feeFen, feeNoticedOn: ctx.today, pages: input.pages ?? null, extra: { ...row.extra, feeMode: input.mode, feeOrdinal: input.mode === 'piece' ? ordinal : null } });
      },
    },
    recordFeePaid: {
      label: '登记已缴费',
      from: ['received'],
      to: 'received',
      permission: HANDLE,
      guard: (ctx) => (running(clock(ctx, 'fee')) ? ok : no('没有待缴的信息处理费')),
      clocks: { stop: ['fee'] },
      effect: (ctx) => update(ctx, { feePaidOn: ctx.today }),
    },
    feeLapsed: {
      label: '逾期未缴费（不再处理）',
      from: ['received'],
      to: 'closed',
      permission: HANDLE,
      guard(ctx) {
        const fee = clock(ctx, 'fee');
        if (!running(fee)) return no('没有待缴的信息处理费');
        if (fee.dueOn >= ctx.today) return no(`缴费期限至 ${fee.dueOn} 届满，届满后才能按逾期未缴费处理`);
        return ok;
      },
      clocks: { stop: 'all' },
      effect: (ctx) => conclude(ctx, { outcome: 'otherFeeUnpaid', outcomeReason: '申请人逾期未按收费通知要求缴纳费用，视为放弃申请' }),
    },
    reply: {
      label: '答复',
      from: ['received'],
      to: 'replied',
      permission: HANDLE,
      input: ReplyInput,
      inPanel: true,
      async guard(ctx) {
        if (running(clock(ctx, 'fee'))) return no('已发出收费通知，申请人缴费或逾期后才能答复');
        const input = ctx.input as ReplyInput | undefined;
        if (input?.outcome === 'unableUnclear' && !(await details(ctx)).extra.correctedOn) return no('“补正后申请内容仍不明确”仅适用于申请人已补正的申请');
        return ok;
      },
      clocks: { stop: 'all' },
      async effect(ctx) {
        const input = ctx.input as ReplyInput;
        const facts = await letterFacts(ctx);
        const prefix = input.numberPrefix ?? numberPrefixOf((await disclosureSettings.read(ctx.tx, ctx.case.regionCode)).value, ctx.case.orgId);
        const year = Number(ctx.today.slice(0, 4));
        const replyNo = `${prefix}〔${year}〕${await nextNumber(ctx.tx, ctx.case.regionCode, `disclosure.reply:${prefix}`, year)}号`;
        const letter = {
          ...facts,
          outcome: input.outcome,
          reason: input.reason,
          replyNo,
          repliedOn: ctx.today,
          referredTo: input.referredTo ?? null,
          deliveryForm: input.deliveryForm ?? null,
          deliveryMethod: input.deliveryMethod ?? null,
        };
        const replyFileId = await storeLetter(ctx, `政府信息公开申请答复书（${replyNo}）.docx`, await replyDocx(letter));
        await ctx.tx.update(cases).set({ caseNo: replyNo }).where(eq(cases.id, ctx.case.id));
        await conclude(ctx, {
          outcome: input.outcome,
          outcomeReason: input.reason,
          referredTo: letter.referredTo,
          deliveryForm: letter.deliveryForm,
          deliveryMethod: letter.deliveryMethod,
          replyNo,
          replyFileId,
        });
      },
    },
    withdraw: {
      label: '申请人撤回申请',
      from: ['received', 'correcting', 'consulting'],
      to: 'closed',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { stop: 'all' },
      effect: (ctx) => conclude(ctx, { outcome: 'otherOther', outcomeReason: '申请人撤回申请' }),
    },
  },
});

function openConsultation(ctx: GuardContext) {
  return ctx.tx
    .select()
    .from(disclosureConsultations)
    .where(and(eq(disclosureConsultations.caseId, ctx.case.id), isNull(disclosureConsultations.opinion)))
    .orderBy(desc(disclosureConsultations.createdAt))
    .limit(1);
}

async function answerConsultation(ctx: GuardContext, opinion: string, note: string | null): Promise<void> {
  const [open] = await openConsultation(ctx);
  if (!open) throw new Error(`disclosure request ${ctx.case.id} is consulting without an open consultation`);
  await ctx.tx
    .update(disclosureConsultations)
    .set({ opinion, note, answeredOn: opinion === 'silent' ? null : ctx.today, version: open.version + 1, updatedAt: ctx.case.updatedAt, updatedBy: ctx.actor?.userId ?? null })
    .where(eq(disclosureConsultations.id, open.id));
}

/** 按件计收: which application of the natural month this is for the applicant (same kind and name), by receipt. */
async function ordinalInMonth(ctx: GuardContext, row: typeof disclosureRequests.$inferSelect): Promise<number> {
  const month = row.receivedOn.slice(0, 7);
  const [found] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureRequests)
    .innerJoin(cases, eq(cases.id, disclosureRequests.caseId))
    .where(
      and(
        eq(disclosureRequests.regionCode, row.regionCode),
        eq(disclosureRequests.applicantKind, row.applicantKind),
        eq(disclosureRequests.applicantName, row.applicantName),
        sql`to_char(${disclosureRequests.receivedOn}, 'YYYY-MM') = ${month}`,
        sql`(${disclosureRequests.receivedOn}, ${cases.openedAt}) <= (${row.receivedOn}::date, ${ctx.case.openedAt})`,
      ),
    );
  return found?.n ?? 1;
}
