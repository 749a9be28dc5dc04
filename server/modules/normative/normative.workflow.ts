import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../../kernel/calendar/local-date.ts';
import { closeConsultation, commentCounts, consultationsOf, isOpen, openConsultation } from '../../kernel/consultation/consultation.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { nextNumber } from '../../kernel/numbering/numbering.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { defineWorkflow, no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { meetingKindLabels, meetingOutcomeLabels, type ProcedureState } from '../../../contracts/normative.ts';
import { recordMeetingItem } from '../meetings/meetings.ts';
import { LEGALITY_CLOCK, LEGALITY_REVIEW, LEGALITY_STATE, LegalityOpinionInput } from '../legality/legality.ts';
import { validUntilOf } from './normative.dates.ts';
import { HANDLE, NORMATIVE, READ } from './normative.permissions.ts';
import { changeStatus, getDocument, indexDocument, updateDocument, type DocumentRow } from './normative.repository.ts';
import { readNormativeSettings } from './normative.settings.ts';

/**
 * 行政规范性文件 as a workflow (国办发〔2018〕37号): 起草 → (公开征求意见) → 合法性审核 → 集体审议 →
 * 统一登记、统一编号 → 公布 → 备案 → in force. Every step is gated: a step taken before its turn is
 * refused with the first missing gate named, so the console shows why on the disabled button.
 */

// The legality state must carry the shared name (modules/legality): the legal office's queue lists
// every case type's cases in it.
const REVIEW = LEGALITY_STATE as 'legalityReview';

/** How far the procedure has come: a step needs its predecessor's stage. */
const stage: Record<ProcedureState, number> = { drafting: 0, consultation: 0, legalityReview: 1, reviewed: 2, adopted: 3, numbered: 4, published: 5, inForce: 6, withdrawn: -1 };

/** The gate missing before `what` at the case's stage, in the words the drafting unit reads. */
function gate(state: string, needed: number, what: string): GuardResult {
  const at = stage[state as ProcedureState] ?? -1;
  if (at >= needed) return ok;
  if (at < 2) return no(`尚未完成合法性审查，不能${what}`);
  if (at < 3) return no(`尚未经集体讨论通过，不能${what}`);
  if (at < 4) return no(`尚未统一登记编号，不能${what}`);
  return no(`尚未公布，不能${what}`);
}

const before = (state: ProcedureState): ProcedureState[] => (Object.keys(stage) as ProcedureState[]).filter((s) => stage[s] >= 0 && stage[s] <= stage[state]);

const doc = (ctx: GuardContext): Promise<DocumentRow> => getDocument(ctx.tx, ctx.case.id);
const settingsOf = async (ctx: GuardContext) => (await readNormativeSettings(ctx.tx, ctx.case.regionCode)).value;
const stamp = (ctx: GuardContext) => ctx.case.updatedAt;

/** What the draft must hold before anyone outside the drafting unit sees it. */
function draftGaps(d: DocumentRow, what: string): GuardResult {
  const missing = [!d.body.trim() && '正文', !d.draftingExplanation.trim() && '起草说明', !d.basis.trim() && '制定依据'].filter(Boolean);
  return missing.length ? no(`缺少${missing.join('、')}，不能${what}`) : ok;
}

const day = z.iso.date();

const CommentInput = z.object({
  days: z.number().int().min(1).max(90).optional().meta({ title: '征求意见期限（日）', description: '不填按本县设置（默认 30 日）；少于设置天数的须说明理由' }),
  shortenedReason: z.string().trim().max(500).optional().meta({ title: '缩短期限的理由', widget: 'textarea', description: '公开展示' }),
});

const MeetingInput = z.object({
  meetingKind: z.enum(['executive', 'plenary', 'office']).meta({ title: '会议类型', optionLabels: meetingKindLabels }),
  meetingSeq: z.number().int().min(1).max(999).meta({ title: '会议届次（本年第几次）' }),
  meetingOn: day.meta({ title: '会议日期' }),
  outcome: z.enum(['adopted', 'adoptedAmended', 'deferred', 'rejected']).meta({ title: '审议结果', optionLabels: meetingOutcomeLabels }),
  notes: z.string().trim().max(2000).optional().meta({ title: '会议纪要要点', widget: 'textarea' }),
});

const PublishInput = z.object({
  publishedOn: day.meta({ title: '公布日期' }),
  effectiveOn: day.meta({ title: '施行日期' }),
  validityYears: z.number().int().min(1).max(10).optional().meta({ title: '有效期（年）', description: '不填按本县设置（默认 5 年），自施行之日起算' }),
});

const FileInput = z.object({
  filedWithGovernmentOn: day.meta({ title: '报市人民政府备案日期' }),
  filedWithCongressOn: day.meta({ title: '报县人大常委会备案日期' }),
});

type CommentInput = z.infer<typeof CommentInput>;
type MeetingInput = z.infer<typeof MeetingInput>;
type PublishInput = z.infer<typeof PublishInput>;
type FileInput = z.infer<typeof FileInput>;

const notAfterToday = (label: string, value: string, today: string): GuardResult => (value > today ? no(`${label}不能晚于今天`) : ok);

export const normativeWorkflow = defineWorkflow<ProcedureState>({
  caseType: NORMATIVE,
  label: '规范性文件',
  readPermission: READ,
  states: {
    drafting: { label: '起草中' },
    consultation: { label: '公开征求意见' },
    legalityReview: { label: '合法性审查中' },
    reviewed: { label: '审查通过，待集体讨论' },
    adopted: { label: '集体讨论通过，待统一登记编号' },
    numbered: { label: '已登记编号，待公布' },
    published: { label: '已公布，待备案' },
    inForce: { label: '已备案', terminal: true },
    withdrawn: { label: '已终止起草', terminal: true },
  },
  initial: 'drafting',
  clockLabels: { [LEGALITY_CLOCK]: '合法性审查期限', filing: '备案期限（报市政府和县人大常委会）' },
  actions: {
    openComment: {
      label: '公开征求意见',
      from: ['drafting'],
      to: 'consultation',
      permission: HANDLE,
      input: CommentInput,
      async guard(ctx) {
        const gaps = draftGaps(await doc(ctx), '公开征求意见');
        if (!gaps.ok) return gaps;
        const input = ctx.input as CommentInput | undefined;
        if (!input?.days) return ok;
        const { commentDays } = await settingsOf(ctx);
        return input.days < commentDays && !input.shortenedReason ? no(`征求意见期限少于 ${commentDays} 日的，须说明理由`) : ok;
      },
      async effect(ctx) {
        const input = ctx.input as CommentInput;
        const d = await doc(ctx);
        const days = input.days ?? (await settingsOf(ctx)).commentDays;
        await openConsultation(
          ctx.tx,
          {
            regionCode: d.regionCode,
            entityType: NORMATIVE,
            entityId: d.caseId,
            orgId: ctx.case.orgId,
            title: `关于公开征求《${d.title}（征求意见稿）》意见的公告`.slice(0, 200),
            explanation: d.draftingExplanation,
            draftText: d.body,
            opensOn: ctx.today,
            closesOn: addDays(ctx.today, days),
            shortenedReason: input.shortenedReason ?? null,
          },
          stamp(ctx),
          ctx.actor?.userId ?? null,
        );
      },
    },
    submitForReview: {
      label: '提交合法性审查',
      from: ['drafting', 'consultation'],
      to: REVIEW,
      permission: HANDLE,
      async guard(ctx) {
        const gaps = draftGaps(await doc(ctx), '提交合法性审查');
        if (!gaps.ok || ctx.case.state !== 'consultation') return gaps;
        const [latest] = await consultationsOf(ctx.tx, NORMATIVE, ctx.case.id);
        if (latest && isOpen(latest, ctx.today)) return no(`公开征求意见期至 ${latest.closesOn} 届满，尚未结束，不能提交合法性审查`);
        const { pending } = await commentCounts(ctx.tx, NORMATIVE, ctx.case.id);
        return pending > 0 ? no(`尚有 ${pending} 条公众意见未审核，全部审核后才能提交合法性审查`) : ok;
      },
      clocks: {
        start: {
          [LEGALITY_CLOCK]: async (ctx) => ({
            unit: 'workingDays',
            n: (await settingsOf(ctx)).reviewWorkingDays,
            basis: '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）：审核时间一般不少于5个工作日，最长不超过15个工作日（本县设置）',
          }),
        },
      },
    },
    giveLegalityOpinion: {
      label: '出具合法性审查意见',
      from: [REVIEW],
      to: (ctx) => ((ctx.input as LegalityOpinionInput).conclusion === 'unlawful' ? 'drafting' : 'reviewed'),
      permission: LEGALITY_REVIEW,
      input: LegalityOpinionInput,
      // The signed 合法性审核意见书: it goes into the 备案 package.
      minFiles: 1,
      clocks: { stop: [LEGALITY_CLOCK] },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === LEGALITY_CLOCK)?.dueOn ?? null;
        return { reviewDueOn: dueOn, late: dueOn !== null && ctx.today > dueOn };
      },
    },
    recordDiscussion: {
      label: '集体讨论',
      from: before('reviewed'),
      offeredIn: ['reviewed'],
      to: (ctx) => {
        const outcome = (ctx.input as MeetingInput).outcome;
        return outcome === 'rejected' ? 'drafting' : outcome === 'deferred' ? 'reviewed' : 'adopted';
      },
      permission: HANDLE,
      input: MeetingInput,
      async guard(ctx) {
        const passed = gate(ctx.case.state, stage.reviewed, '提交集体讨论');
        const input = ctx.input as MeetingInput | undefined;
        return !passed.ok || !input ? passed : notAfterToday('会议日期', input.meetingOn, ctx.today);
      },
      // 集体审议: the item is recorded on the issuing body's meeting (县政府常务会议, 县政府办主任办公会议).
      async effect(ctx) {
        const input = ctx.input as MeetingInput;
        const d = await doc(ctx);
        const recorded = await recordMeetingItem(
          ctx.tx,
          { regionCode: d.regionCode, orgId: d.issuerOrgId, kind: input.meetingKind, year: Number(input.meetingOn.slice(0, 4)), seq: input.meetingSeq, heldOn: input.meetingOn },
          { title: `审议《${d.title}》`.slice(0, 200), lawRelated: true, caseId: d.caseId, outcome: input.outcome, notes: input.notes ?? null },
          stamp(ctx),
          ctx.actor?.userId ?? null,
        );
        if ('conflict' in recorded) throw new AppError('CONFLICT', recorded.conflict);
      },
    },
    allocateNumber: {
      label: '统一登记编号',
      from: before('adopted'),
      offeredIn: ['adopted'],
      to: 'numbered',
      permission: HANDLE,
      async guard(ctx) {
        const passed = gate(ctx.case.state, stage.adopted, '统一登记编号');
        if (!passed.ok) return passed;
        const d = await doc(ctx);
        if ((await settingsOf(ctx)).numberPrefixes.some((p) => p.orgId === d.issuerOrgId)) return ok;
        const [issuer] = await ctx.tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, d.issuerOrgId));
        return no(`未设置制定机关「${issuer?.name ?? ''}」的文号前缀，请先在规范性文件设置中填写`);
      },
      // 统一编号: one series per issuing body and year, taken under the series row's lock in this
      // transaction, so numbers are never duplicated or skipped (a rolled-back step gives its number back).
      async effect(ctx) {
        const d = await doc(ctx);
        const prefix = (await settingsOf(ctx)).numberPrefixes.find((p) => p.orgId === d.issuerOrgId)!.prefix;
        const year = Number(ctx.today.slice(0, 4));
        const seq = await nextNumber(ctx.tx, d.regionCode, `normative:${d.issuerOrgId}`, year);
        const docNo = `${prefix}〔${year}〕${seq}号`;
        await updateDocument(ctx.tx, d.caseId, { docNo, docYear: year, docSeq: seq, numberedOn: ctx.today }, stamp(ctx));
        await ctx.tx.update(cases).set({ caseNo: docNo }).where(eq(cases.id, d.caseId));
        await indexDocument(ctx.tx, d.caseId, stamp(ctx));
      },
    },
    publish: {
      label: '公布',
      from: before('numbered'),
      offeredIn: ['numbered'],
      to: 'published',
      permission: HANDLE,
      input: PublishInput,
      async guard(ctx) {
        const passed = gate(ctx.case.state, stage.numbered, '公布');
        const input = ctx.input as PublishInput | undefined;
        if (!passed.ok || !input) return passed;
        const d = await doc(ctx);
        if (input.publishedOn > ctx.today) return no('公布日期不能晚于今天');
        if (d.numberedOn && input.publishedOn < d.numberedOn) return no(`公布日期不能早于登记编号日期（${d.numberedOn}）`);
        return input.effectiveOn < input.publishedOn ? no('施行日期不能早于公布日期') : ok;
      },
      clocks: {
        // 备案: counted in calendar days from publication, the last day rolled off a holiday.
        start: {
          filing: async (ctx) => ({
            unit: 'days',
            n: (await settingsOf(ctx)).filingDays,
            basis: '规范性文件自公布之日起报送备案（报上一级人民政府和本级人大常委会；期限由本省规定，本县设置）',
            from: (ctx.input as PublishInput).publishedOn,
          }),
        },
      },
      async effect(ctx) {
        const input = ctx.input as PublishInput;
        const d = await doc(ctx);
        const years = input.validityYears ?? (await settingsOf(ctx)).validityYears;
        const [filing] = await ctx.tx.select({ dueOn: caseClocks.dueOn }).from(caseClocks).where(and(eq(caseClocks.caseId, d.caseId), eq(caseClocks.name, 'filing')));
        const at = stamp(ctx);
        const by = ctx.actor?.userId ?? null;
        await updateDocument(ctx.tx, d.caseId, { publishedOn: input.publishedOn, effectiveOn: input.effectiveOn, validUntil: validUntilOf(input.effectiveOn, years), filingDueOn: filing?.dueOn ?? null }, at, by);
        await changeStatus(ctx.tx, { regionCode: d.regionCode, documentId: d.caseId, status: 'valid', changedOn: input.effectiveOn, byText: '公布施行' }, at, by);
        // The documents it amends or repeals change status from its effective day.
        for (const affected of d.affects) {
          await changeStatus(ctx.tx, { regionCode: d.regionCode, documentId: affected.documentId, status: affected.effect, changedOn: input.effectiveOn, byDocumentId: d.caseId }, at, by);
          await indexDocument(ctx.tx, affected.documentId, at);
        }
        await indexDocument(ctx.tx, d.caseId, at);
      },
    },
    file: {
      label: '报送备案',
      from: before('published'),
      offeredIn: ['published'],
      to: 'inForce',
      permission: HANDLE,
      input: FileInput,
      async guard(ctx) {
        const passed = gate(ctx.case.state, stage.published, '报送备案');
        const input = ctx.input as FileInput | undefined;
        if (!passed.ok || !input) return passed;
        const d = await doc(ctx);
        for (const [label, value] of [['报市人民政府备案日期', input.filedWithGovernmentOn], ['报县人大常委会备案日期', input.filedWithCongressOn]] as const) {
          const later = notAfterToday(label, value, ctx.today);
          if (!later.ok) return later;
          if (d.publishedOn && value < d.publishedOn) return no(`${label}不能早于公布日期（${d.publishedOn}）`);
        }
        return ok;
      },
      clocks: { stop: ['filing'] },
      record(ctx) {
        const input = ctx.input as FileInput;
        const dueOn = ctx.clocks.find((c) => c.name === 'filing')?.dueOn ?? null;
        const last = input.filedWithGovernmentOn > input.filedWithCongressOn ? input.filedWithGovernmentOn : input.filedWithCongressOn;
        return { filingDueOn: dueOn, late: dueOn !== null && last > dueOn };
      },
      effect: (ctx) => updateDocument(ctx.tx, ctx.case.id, { ...(ctx.input as FileInput) }, stamp(ctx), ctx.actor?.userId ?? null),
    },
    withdraw: {
      label: '终止起草',
      from: ['drafting', 'consultation', 'reviewed', 'adopted'],
      to: 'withdrawn',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { stop: 'all' },
      async effect(ctx) {
        for (const c of await consultationsOf(ctx.tx, NORMATIVE, ctx.case.id)) if (c.closedAt === null) await closeConsultation(ctx.tx, c.id, stamp(ctx), ctx.actor?.userId ?? null);
        await indexDocument(ctx.tx, ctx.case.id, stamp(ctx));
      },
    },
  },
});
