import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dayNumber } from '../../kernel/calendar/local-date.ts';
import { nextNumber } from '../../kernel/numbering/numbering.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { defineWorkflow, no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { draftSource } from './legislation.repository.ts';
import { draftReply } from './legislation.draft.ts';
import { indexConsultation } from './legislation.search.ts';
import { ANSWER, CONSULTATION, HANDLE, READ, REQUEST } from './legislation.permissions.ts';
import { legislationConsultations, legislationRequests } from './legislation.tables.ts';

/**
 * 立法建议 on the workflow kernel. A consultation (征求意见) from a higher body is a case of the
 * 司法局, with the county's reply date as its clock. Each department or township asked is a child case
 * of its own (cases.parent_id) handled by that organisation: its staff find it in their 待办 with the
 * date the 司法局 set, marked yellow and red like any deadline. No statute sets these periods: the
 * higher body's letter sets the county's, the 司法局's letter the departments'.
 */

const day = z.iso.date();
const dayDiff = (from: string, to: string) => dayNumber(to) - dayNumber(from);

async function consultation(ctx: GuardContext) {
  const [row] = await ctx.tx.select().from(legislationConsultations).where(eq(legislationConsultations.caseId, ctx.case.id));
  if (!row) throw new Error(`legislation case ${ctx.case.id} has no details row`);
  return row;
}

/** The consultation's requests still waiting for an opinion, with the organisations' names. */
export async function outstandingRequests(ctx: Pick<GuardContext, 'tx'>, consultationId: string) {
  return ctx.tx
    .select({ caseId: cases.id, version: cases.version, orgName: organisations.name })
    .from(legislationRequests)
    .innerJoin(cases, eq(cases.id, legislationRequests.caseId))
    .innerJoin(organisations, eq(organisations.id, legislationRequests.orgId))
    .where(and(eq(legislationRequests.consultationId, consultationId), eq(cases.terminal, false)))
    .orderBy(asc(organisations.name));
}

const AcceptInput = z.object({
  replyDueOn: day.meta({ title: '上级要求的反馈日期', description: '来文要求县政府反馈意见的截止日期' }),
});

const ConsolidateInput = z.object({
  text: z
    .string()
    .trim()
    .max(20000)
    .optional()
    .meta({ title: '汇总意见（县政府反馈意见稿）', widget: 'textarea', description: '不填则按已采纳的部门意见自动生成初稿，可再次汇总修改' }),
});

const SendReplyInput = z
  .object({
    sentOn: day.optional().meta({ title: '报送日期', description: '不填为今天' }),
    documentNo: z.string().trim().min(1).max(60).optional().meta({ title: '答复文号', description: '已有文号的直接填写，如岳政函〔2021〕35号' }),
    numberPrefix: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[\u4e00-\u9fa5A-Za-z]+$/, '文号前缀只能是汉字或字母')
      .optional()
      .meta({ title: '按本县文号系列编号', description: '填写文号前缀（如“岳政函”），系统按年度顺序编号；与“答复文号”二选一' }),
    lateReason: z.string().trim().max(2000).optional().meta({ title: '未等待部分单位反馈的理由', widget: 'textarea' }),
  })
  .refine((v) => !(v.documentNo && v.numberPrefix), { message: '答复文号和文号前缀只能填一项', path: ['numberPrefix'] });

function dateInRange(label: string, value: string, today: string, from: string, fromLabel: string): GuardResult {
  if (value > today) return no(`${label}不能晚于今天`);
  if (value < from) return no(`${label}不能早于${fromLabel}（${from}）`);
  return ok;
}

type ConsultationState = 'received' | 'handling' | 'consolidated' | 'replied';

export const consultationWorkflow = defineWorkflow<ConsultationState>({
  caseType: CONSULTATION,
  label: '立法建议（征求意见）',
  readPermission: READ,
  states: {
    received: { label: '已收文' },
    handling: { label: '征求意见中' },
    consolidated: { label: '已汇总意见' },
    replied: { label: '已报送反馈意见', terminal: true },
  },
  initial: 'received',
  clockLabels: { reply: '县政府反馈期限' },
  actions: {
    // Taken by registration itself (POST /api/legislation/consultations), right after the case opens.
    accept: {
      label: '拟办（登记反馈期限）',
      from: ['received'],
      to: 'handling',
      permission: HANDLE,
      input: AcceptInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof AcceptInput> | undefined;
        if (!input) return ok;
        const { receivedOn } = await consultation(ctx);
        return input.replyDueOn < receivedOn ? no(`反馈日期不能早于收文日期（${receivedOn}）`) : ok;
      },
      // Counted from the day the letter came, to the date it names (moved off a 法定休假日 like any deadline).
      clocks: {
        start: {
          reply: async (ctx) => {
            const { receivedOn } = await consultation(ctx);
            const { replyDueOn } = ctx.input as z.infer<typeof AcceptInput>;
            return { unit: 'days', n: dayDiff(receivedOn, replyDueOn), basis: '来文要求的反馈期限', from: receivedOn };
          },
        },
      },
      async effect(ctx) {
        await ctx.tx.update(legislationConsultations).set({ replyDueOn: (ctx.input as z.infer<typeof AcceptInput>).replyDueOn }).where(eq(legislationConsultations.caseId, ctx.case.id));
        await indexConsultation(ctx.tx, ctx.case.id, ctx.toState, ctx.case.updatedAt);
      },
    },
    consolidate: {
      label: '汇总意见',
      inPanel: true,
      from: ['handling', 'consolidated'],
      to: 'consolidated',
      permission: HANDLE,
      input: ConsolidateInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof ConsolidateInput> | undefined;
        if (input?.text) return ok;
        // Without a text of its own the draft is generated: it must have something to say.
        const source = await draftSource(ctx.tx, ctx.case.id);
        return input && source.askedCount === 0 ? no('尚未征求部门意见，请填写汇总意见') : ok;
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ConsolidateInput>;
        const text = input.text || draftReply(await draftSource(ctx.tx, ctx.case.id));
        await ctx.tx.update(legislationConsultations).set({ consolidatedText: text, consolidatedOn: ctx.today }).where(eq(legislationConsultations.caseId, ctx.case.id));
        await indexConsultation(ctx.tx, ctx.case.id, ctx.toState, ctx.case.updatedAt);
      },
    },
    sendReply: {
      label: '报送反馈意见',
      inPanel: true,
      from: ['consolidated'],
      to: 'replied',
      permission: HANDLE,
      input: SendReplyInput,
      minFiles: 1,
      async guard(ctx) {
        // Requests still open are closed (with the reason) by POST /api/legislation/consultations/:id/reply first.
        const waiting = await outstandingRequests(ctx, ctx.case.id);
        if (waiting.length > 0) {
          return no(`尚有${waiting.length}个单位未反馈意见（${waiting.map((w) => w.orgName).join('、')}）：须在立法建议页面“报送反馈意见”中说明未等待其反馈的理由`);
        }
        const input = ctx.input as z.infer<typeof SendReplyInput> | undefined;
        if (!input?.sentOn) return ok;
        return dateInRange('报送日期', input.sentOn, ctx.today, (await consultation(ctx)).receivedOn, '收文日期');
      },
      clocks: { stop: 'all' },
      async record(ctx) {
        const input = ctx.input as z.infer<typeof SendReplyInput>;
        const sentOn = input.sentOn ?? ctx.today;
        const dueOn = ctx.clocks.find((c) => c.name === 'reply')?.dueOn ?? null;
        return { sentOn, replyDueOn: dueOn, late: dueOn !== null && sentOn > dueOn };
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof SendReplyInput>;
        const sentOn = input.sentOn ?? ctx.today;
        // 文号 from the county's own series: allocated in this transaction, never skipped or duplicated.
        const documentNo = input.numberPrefix
          ? `${input.numberPrefix}〔${sentOn.slice(0, 4)}〕${await nextNumber(ctx.tx, ctx.case.regionCode, `legislation.reply:${input.numberPrefix}`, Number(sentOn.slice(0, 4)))}号`
          : (input.documentNo ?? null);
        await ctx.tx
          .update(legislationConsultations)
          .set({ replySentOn: sentOn, replyDocumentNo: documentNo, lateReason: input.lateReason || null })
          .where(eq(legislationConsultations.caseId, ctx.case.id));
        await indexConsultation(ctx.tx, ctx.case.id, ctx.toState, ctx.case.updatedAt);
      },
    },
  },
});

async function request(ctx: GuardContext) {
  const [row] = await ctx.tx.select().from(legislationRequests).where(eq(legislationRequests.caseId, ctx.case.id));
  if (!row) throw new Error(`legislation request ${ctx.case.id} has no details row`);
  return row;
}

const SendInput = z.object({
  dueOn: day.meta({ title: '反馈截止日期' }),
});

const opinionFields = {
  noOpinion: z.boolean().default(false).meta({ title: '无意见' }),
  opinion: z.string().trim().max(10000).optional().meta({ title: '意见和建议', widget: 'textarea', description: '逐条写明修改意见及理由；无意见的勾选“无意见”' }),
  contact: z.string().trim().max(100).optional().meta({ title: '联系人及电话' }),
};
const AnswerInput = z.object(opinionFields);
const RecordOpinionInput = z.object({ ...opinionFields, answeredOn: day.meta({ title: '收到意见日期' }) });
const RemindInput = z.object({
  how: z.string().trim().min(1).max(500).meta({ title: '催办方式和内容', description: '如电话催办，联系人及答复' }),
});

function opinionGiven(input: { noOpinion: boolean; opinion?: string } | undefined): GuardResult {
  if (!input) return ok;
  if (input.noOpinion && input.opinion) return no('选择“无意见”的，不再填写意见');
  return input.noOpinion || input.opinion ? ok : no('请填写意见和建议，或选择“无意见”');
}

async function saveOpinion(ctx: GuardContext, answeredOn: string) {
  const input = ctx.input as z.infer<typeof AnswerInput>;
  const row = await request(ctx);
  await ctx.tx
    .update(legislationRequests)
    .set({
      answeredOn,
      noOpinion: input.noOpinion,
      opinion: input.noOpinion ? null : (input.opinion ?? null),
      contact: input.contact ?? null,
      late: answeredOn > row.dueOn,
      version: row.version + 1,
      updatedAt: sql`now()`,
      updatedBy: ctx.actor?.userId ?? null,
    })
    .where(eq(legislationRequests.caseId, ctx.case.id));
}

const lateness = async (ctx: GuardContext, answeredOn: string) => {
  const { dueOn } = await request(ctx);
  return { answeredOn, dueOn, late: answeredOn > dueOn };
};

type RequestState = 'pending' | 'requested' | 'answered' | 'lapsed';

export const requestWorkflow = defineWorkflow<RequestState>({
  caseType: REQUEST,
  label: '立法征求意见（部门反馈）',
  readPermission: READ,
  states: {
    pending: { label: '待发出' },
    requested: { label: '待反馈' },
    answered: { label: '已反馈', terminal: true },
    lapsed: { label: '未反馈（已报送）', terminal: true },
  },
  initial: 'pending',
  clockLabels: { reply: '反馈期限' },
  // A request is its organisation's 待办. The 司法局 follows the requests from the consultation (its own
  // 待办 item) and the overdue-requests list: its steps on them are offered in neither.
  actions: {
    // Taken by distribution itself, right after the case opens.
    send: {
      label: '发出征求意见函',
      from: ['pending'],
      to: 'requested',
      permission: HANDLE,
      input: SendInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof SendInput> | undefined;
        if (!input) return ok;
        if (input.dueOn <= ctx.today) return no('反馈截止日期应晚于今天');
        // A date the 司法局 chooses itself: a working day, so that nobody has to answer on a holiday.
        const { due } = await ctx.due(input.dueOn, { unit: 'days', n: 0 });
        return due === input.dueOn ? ok : no(`反馈截止日期 ${input.dueOn} 是法定休假日，请改为工作日（如 ${due}）`);
      },
      clocks: {
        start: {
          reply: (ctx) => ({ unit: 'days', n: dayDiff(ctx.today, (ctx.input as z.infer<typeof SendInput>).dueOn), basis: '县司法局征求意见函确定的反馈期限' }),
        },
      },
    },
    answer: {
      label: '提交反馈意见',
      from: ['requested'],
      to: 'answered',
      permission: ANSWER,
      input: AnswerInput,
      guard: (ctx) => opinionGiven(ctx.input as z.infer<typeof AnswerInput> | undefined),
      clocks: { stop: 'all' },
      record: (ctx) => lateness(ctx, ctx.today),
      effect: (ctx) => saveOpinion(ctx, ctx.today),
    },
    // An opinion that came on paper or by fax, recorded by the 司法局 with the letter attached.
    recordOpinion: {
      label: '登记收到的书面意见',
      from: ['requested'],
      offeredIn: [],
      to: 'answered',
      permission: HANDLE,
      input: RecordOpinionInput,
      minFiles: 1,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof RecordOpinionInput> | undefined;
        if (!input) return ok;
        const given = opinionGiven(input);
        if (!given.ok) return given;
        const startedOn = ctx.clocks.find((c) => c.name === 'reply')?.startedOn ?? ctx.today;
        return dateInRange('收到意见日期', input.answeredOn, ctx.today, startedOn, '发出征求意见函之日');
      },
      clocks: { stop: 'all' },
      record: (ctx) => lateness(ctx, (ctx.input as z.infer<typeof RecordOpinionInput>).answeredOn),
      effect: (ctx) => saveOpinion(ctx, (ctx.input as z.infer<typeof RecordOpinionInput>).answeredOn),
    },
    remind: {
      label: '催办',
      from: ['requested'],
      offeredIn: [],
      to: 'requested',
      permission: HANDLE,
      input: RemindInput,
    },
    // The county's reply goes without this organisation's opinion; the reason stays on its record.
    lapse: {
      label: '不再等待反馈',
      from: ['requested'],
      offeredIn: [],
      to: 'lapsed',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { stop: 'all' },
    },
  },
});
