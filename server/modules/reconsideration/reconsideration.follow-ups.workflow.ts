import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { defineWorkflow, no, ok, type ClockRow, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { reviewResultLabels, reviewResults } from './reconsideration.labels.ts';
import { reconsiderationFollowUps } from './reconsideration.tables.ts';
import { APPROVE, HANDLE, READ, RESPOND } from './reconsideration.workflow.ts';

/**
 * The cases that follow from a 复议 case (cases.parent_id): the 意见书 to the respondent (第七十六条)
 * and the incidental review of a 规范性文件 (第十三条、第五十六条至第六十条). Each has its own clocks, so
 * it stands in the 待办 list of whoever must act.
 */

const clock = (ctx: GuardContext, name: string): ClockRow | undefined => ctx.clocks.find((c) => c.name === name);

async function record(ctx: GuardContext, values: Partial<typeof reconsiderationFollowUps.$inferInsert>): Promise<void> {
  await ctx.tx.update(reconsiderationFollowUps).set(values).where(eq(reconsiderationFollowUps.caseId, ctx.case.id));
}

const ReportInput = z.object({
  measures: z.string().trim().min(1).max(5000).meta({ title: '纠正措施和结果', widget: 'textarea', description: '《行政复议法》第七十六条：自收到意见书之日起六十日内报送' }),
});

export const opinionWorkflow = defineWorkflow({
  caseType: 'reconsideration_opinion',
  label: '行政复议意见书',
  readPermission: READ,
  states: {
    issued: { label: '待报送纠正情况' },
    reported: { label: '已报送纠正情况', terminal: true },
  },
  initial: 'issued',
  initialClocks: { rectification: P.reconsiderationOpinionRectification },
  clockLabels: { rectification: '报送纠正情况期限' },
  actions: {
    report: {
      label: '报送纠正情况',
      from: ['issued'],
      to: 'reported',
      permission: RESPOND,
      input: ReportInput,
      minFiles: 1,
      clocks: { stop: 'all' },
      effect: (ctx) => record(ctx, { result: 'reported', resultText: (ctx.input as z.infer<typeof ReportInput>).measures }),
    },
  },
});

const ConcludeInput = z.object({
  result: z.enum(reviewResults).meta({ title: '处理结论', optionLabels: reviewResultLabels, description: '《行政复议法》第五十九条' }),
  text: z.string().trim().min(1).max(5000).meta({ title: '处理意见', widget: 'textarea' }),
});

const TransferInput = z.object({
  transferee: z.string().trim().min(1).max(100).meta({ title: '接受转送的机关', description: '有权处理该规范性文件的行政机关或者国家机关（第五十六条、第五十七条）' }),
});

const ReplyInput = z.object({
  result: z.enum(reviewResults).meta({ title: '处理意见结论', optionLabels: reviewResultLabels }),
  text: z.string().trim().min(1).max(5000).meta({ title: '回复的处理意见', widget: 'textarea', description: '《行政复议法》第六十条' }),
});

/** 第五十八条: the maker was asked for its written answer, and it came or its 10 working days ran out. */
function makerHeard(ctx: GuardContext): GuardResult {
  const answer = clock(ctx, 'makerAnswer');
  if (!answer) return no('须先书面通知制定机关就相关条款的合法性提出书面答复（第五十八条）');
  if (answer.status === 'running' && answer.dueOn >= ctx.today) return no(`制定机关答复期限至 ${answer.dueOn} 届满，尚未收到答复`);
  return ok;
}

export const reviewWorkflow = defineWorkflow({
  caseType: 'reconsideration_review',
  label: '规范性文件附带审查',
  readPermission: READ,
  states: {
    reviewing: { label: '审查处理中' },
    transferred: { label: '已转送有权机关' },
    concluded: { label: '已处理', terminal: true },
  },
  initial: 'reviewing',
  // 第五十六条: handle within 30 days, or transfer within 7 working days; the step taken ends the other.
  initialClocks: { review: P.reconsiderationDocumentReview, transfer: P.reconsiderationDocumentTransfer },
  clockLabels: { review: '处理期限', transfer: '转送期限', makerAnswer: '制定机关答复期限', reply: '接受转送机关回复期限' },
  actions: {
    askMaker: {
      label: '通知制定机关答复',
      from: ['reviewing'],
      to: 'reviewing',
      permission: HANDLE,
      guard: (ctx) => (clock(ctx, 'makerAnswer') ? no('已通知制定机关提出书面答复') : ok),
      // Asking the maker means this organ handles the document itself: no transfer.
      clocks: { stop: ['transfer'], start: { makerAnswer: P.reconsiderationMakerAnswer } },
    },
    receiveMakerAnswer: {
      label: '收到制定机关答复',
      from: ['reviewing'],
      to: 'reviewing',
      permission: HANDLE,
      minFiles: 1,
      guard: (ctx) => (clock(ctx, 'makerAnswer')?.status === 'running' ? ok : clock(ctx, 'makerAnswer') ? no('已登记制定机关的答复') : no('尚未通知制定机关答复')),
      clocks: { stop: ['makerAnswer'] },
    },
    conclude: {
      label: '作出处理结论',
      from: ['reviewing'],
      to: 'concluded',
      permission: APPROVE,
      input: ConcludeInput,
      guard: makerHeard,
      clocks: { stop: 'all' },
      effect: (ctx) => {
        const input = ctx.input as z.infer<typeof ConcludeInput>;
        return record(ctx, { result: input.result, resultText: input.text });
      },
    },
    transfer: {
      label: '转送有权机关处理',
      from: ['reviewing'],
      to: 'transferred',
      permission: APPROVE,
      input: TransferInput,
      reasonRequired: true,
      clocks: { stop: 'all', start: { reply: P.reconsiderationTransfereeReply } },
      effect: (ctx) => record(ctx, { result: 'transferred', resultText: `转送${(ctx.input as z.infer<typeof TransferInput>).transferee}` }),
    },
    receiveReply: {
      label: '收到处理意见回复',
      from: ['transferred'],
      to: 'concluded',
      permission: HANDLE,
      input: ReplyInput,
      minFiles: 1,
      clocks: { stop: 'all' },
      effect: (ctx) => {
        const input = ctx.input as z.infer<typeof ReplyInput>;
        return record(ctx, { result: input.result, resultText: input.text });
      },
    },
  },
});
