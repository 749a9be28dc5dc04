import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { P } from '../../kernel/calendar/periods.ts';
import { defineWorkflow, no, ok, type ClockStart, type GuardContext } from '../../kernel/workflow/define-workflow.ts';
import type { ProposalState } from '../../../contracts/proposals.ts';
import { AssignInput, ExtendInput, FeedbackInput, ReopenInput, ReplyInput, ReturnInput, SecondReplyInput } from './proposals.inputs.ts';
import { ANSWER, HANDLE, PROPOSAL, READ } from './proposals.permissions.ts';
import { dateIn, dueOf, openOpinions, proposalOf, withinReturnWindow } from './proposals.rules.ts';
import { readProposalSettings, settingBasis } from './proposals.settings.ts';
import { proposalHandlers, proposals } from './proposals.tables.ts';
// The 会办 child cases' workflow, registered with this one.
import './opinion.workflow.ts';

/**
 * 建议提案办理 on the workflow kernel. A proposal is a case whose organisation is its lead unit (主办单位)
 * from 交办 on; each 会办单位 gets a child case (cases.parent_id) of its own, so its opinion is its
 * 待办 and its steps are checked against its own scope. The reply period is 代表法 第五十一条's three
 * months (six once extended) for 人大代表建议, the county's setting for 政协提案; the return window and
 * the second reply after 不满意 are the county's settings.
 */

const replyPeriod = async (ctx: GuardContext<{ assignedOn?: string }>): Promise<ClockStart> => {
  const row = await proposalOf(ctx, ctx.case.id);
  const from = ctx.input.assignedOn ?? ctx.today;
  if (row.kind === 'npc') return { ...P.proposalNpcReply, from };
  const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
  return { unit: 'months', n: value.cppccReplyMonths, basis: settingBasis.cppccReply, from };
};

export const proposalWorkflow = defineWorkflow<ProposalState>({
  caseType: PROPOSAL,
  label: '建议提案',
  readPermission: READ,
  states: {
    registered: { label: '已登记待交办' },
    handling: { label: '办理中' },
    returned: { label: '退回待重新交办' },
    replied: { label: '已答复待审核' },
    awaitingFeedback: { label: '待代表（委员）反馈' },
    secondHandling: { label: '不满意，重新办理' },
    secondReplied: { label: '再次答复待审核' },
    closed: { label: '已办结', terminal: true },
  },
  initial: 'registered',
  clockLabels: { reply: '答复期限', secondReply: '再次答复期限' },
  actions: {
    // Taken by POST /api/proposals/:id/assign, which also opens the co-handlers' cases.
    assign: {
      label: '交办',
      inPanel: true,
      from: ['registered'],
      to: 'handling',
      permission: HANDLE,
      input: AssignInput,
      guard: (ctx) => dateIn('交办日期', (ctx.input as AssignInput | undefined)?.assignedOn, ctx.today, null, ''),
      clocks: { start: { reply: replyPeriod } },
    },
    // A new 交办 after a return (or a change of units): the reply period runs again from it.
    reassign: {
      label: '重新交办',
      inPanel: true,
      from: ['returned', 'handling'],
      offeredIn: ['returned'],
      to: 'handling',
      permission: HANDLE,
      input: AssignInput,
      guard: (ctx) => dateIn('交办日期', (ctx.input as AssignInput | undefined)?.assignedOn, ctx.today, null, ''),
      clocks: { start: { reply: replyPeriod } },
    },
    returnAssignment: {
      label: '退回（交办不当）',
      from: ['handling'],
      offeredIn: [],
      to: 'returned',
      permission: ANSWER,
      input: ReturnInput,
      async guard(ctx) {
        const row = await proposalOf(ctx, ctx.case.id);
        return row.assignedOn ? withinReturnWindow(ctx, row.assignedOn) : ok;
      },
      clocks: { stop: 'all' },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ReturnInput>;
        await ctx.tx
          .update(proposalHandlers)
          .set({ returnedOn: ctx.today, returnReason: input.reason, active: false, version: sql`${proposalHandlers.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.actor?.userId ?? null })
          .where(and(eq(proposalHandlers.caseId, ctx.case.id), eq(proposalHandlers.role, 'lead'), eq(proposalHandlers.active, true)));
      },
    },
    // The lead unit asks, the office approves: once, to six months (代表法 第五十一条) or the county's CPPCC maximum.
    extend: {
      label: '批准延期答复',
      from: ['handling'],
      offeredIn: [],
      to: 'handling',
      permission: HANDLE,
      input: ExtendInput,
      async guard(ctx) {
        const row = await proposalOf(ctx, ctx.case.id);
        if (row.extensionReason) return no('答复期限已延长过一次，不能再次延长');
        if (row.kind === 'cppcc') {
          const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
          if (value.cppccMaxMonths <= value.cppccReplyMonths) return no('本县设置的政协提案答复期限不允许延长');
        }
        return ok;
      },
      clocks: {
        extend: {
          reply: async (ctx) => {
            const row = await proposalOf(ctx, ctx.case.id);
            if (row.kind === 'npc') return P.proposalNpcExtension;
            const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
            return { unit: 'months', n: value.cppccMaxMonths - value.cppccReplyMonths, basis: settingBasis.cppccExtension };
          },
        },
      },
      async effect(ctx) {
        await ctx.tx.update(proposals).set({ extensionReason: (ctx.input as z.infer<typeof ExtendInput>).reason }).where(eq(proposals.caseId, ctx.case.id));
      },
    },
    reply: {
      label: '答复代表（委员）',
      from: ['handling'],
      to: 'replied',
      permission: ANSWER,
      input: ReplyInput,
      minFiles: 1,
      async guard(ctx) {
        const waiting = await openOpinions(ctx, ctx.case.id);
        if (waiting.length) return no(`会办单位尚未提出会办意见（${waiting.map((w) => w.orgName).join('、')}），不能答复`);
        const row = await proposalOf(ctx, ctx.case.id);
        return dateIn('答复日期', (ctx.input as z.infer<typeof ReplyInput> | undefined)?.repliedOn, ctx.today, row.assignedOn, '交办日期');
      },
      // The office's check does not count against the unit: the period waits until it is approved or sent back.
      clocks: { pause: ['reply'] },
      record(ctx) {
        const repliedOn = (ctx.input as z.infer<typeof ReplyInput>).repliedOn ?? ctx.today;
        const dueOn = dueOf(ctx, 'reply');
        return { repliedOn, dueOn, late: dueOn !== null && repliedOn > dueOn };
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof ReplyInput>;
        await ctx.tx
          .update(proposals)
          .set({ replyCategory: input.category, replyText: input.text, repliedOn: input.repliedOn ?? ctx.today, replyDueOn: dueOf(ctx, 'reply') })
          .where(eq(proposals.caseId, ctx.case.id));
      },
    },
    approveReply: {
      label: '审核通过答复',
      from: ['replied', 'secondReplied'],
      to: 'awaitingFeedback',
      permission: HANDLE,
      clocks: { stop: 'all' },
    },
    returnReply: {
      label: '退回修改答复',
      from: ['replied'],
      to: 'handling',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { resume: ['reply'] },
      async effect(ctx) {
        await ctx.tx.update(proposals).set({ replyCategory: null, replyText: null, repliedOn: null, replyDueOn: null }).where(eq(proposals.caseId, ctx.case.id));
      },
    },
    returnSecondReply: {
      label: '退回修改再次答复',
      from: ['secondReplied'],
      to: 'secondHandling',
      permission: HANDLE,
      reasonRequired: true,
      clocks: { resume: ['secondReply'] },
      async effect(ctx) {
        await ctx.tx.update(proposals).set({ secondReplyText: null, secondRepliedOn: null, secondReplyDueOn: null }).where(eq(proposals.caseId, ctx.case.id));
      },
    },
    recordFeedback: {
      label: '登记代表（委员）意见',
      from: ['awaitingFeedback'],
      to: 'closed',
      permission: HANDLE,
      input: FeedbackInput,
      async guard(ctx) {
        const input = ctx.input as z.infer<typeof FeedbackInput> | undefined;
        const row = await proposalOf(ctx, ctx.case.id);
        const second = row.secondRepliedOn !== null;
        if (input?.satisfaction === 'unsatisfied' && !second) return no('代表（委员）对答复不满意的，请选择“不满意，重新办理”');
        return dateIn('反馈日期', input?.feedbackOn, ctx.today, second ? row.secondRepliedOn : row.repliedOn, '答复日期');
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof FeedbackInput>;
        const row = await proposalOf(ctx, ctx.case.id);
        await ctx.tx
          .update(proposals)
          .set(row.secondRepliedOn !== null ? { secondSatisfaction: input.satisfaction } : { satisfaction: input.satisfaction, feedbackOn: input.feedbackOn ?? ctx.today })
          .where(eq(proposals.caseId, ctx.case.id));
      },
    },
    reopen: {
      label: '不满意，重新办理',
      from: ['awaitingFeedback'],
      to: 'secondHandling',
      permission: HANDLE,
      input: ReopenInput,
      async guard(ctx) {
        const row = await proposalOf(ctx, ctx.case.id);
        if (row.secondRepliedOn !== null) return no('已再次答复过，请登记代表（委员）对再次答复的意见');
        return dateIn('反馈日期', (ctx.input as z.infer<typeof ReopenInput> | undefined)?.feedbackOn, ctx.today, row.repliedOn, '答复日期');
      },
      clocks: {
        start: {
          secondReply: async (ctx) => {
            const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
            return { unit: 'months', n: value.secondReplyMonths, basis: settingBasis.secondReplyMonths, from: (ctx.input as z.infer<typeof ReopenInput>).feedbackOn ?? ctx.today };
          },
        },
      },
      async effect(ctx) {
        await ctx.tx
          .update(proposals)
          .set({ satisfaction: 'unsatisfied', feedbackOn: (ctx.input as z.infer<typeof ReopenInput>).feedbackOn ?? ctx.today })
          .where(eq(proposals.caseId, ctx.case.id));
      },
    },
    secondReply: {
      label: '再次答复',
      from: ['secondHandling'],
      to: 'secondReplied',
      permission: ANSWER,
      input: SecondReplyInput,
      minFiles: 1,
      async guard(ctx) {
        const row = await proposalOf(ctx, ctx.case.id);
        return dateIn('答复日期', (ctx.input as z.infer<typeof SecondReplyInput> | undefined)?.repliedOn, ctx.today, row.feedbackOn, '不满意反馈日期');
      },
      clocks: { pause: ['secondReply'] },
      record(ctx) {
        const repliedOn = (ctx.input as z.infer<typeof SecondReplyInput>).repliedOn ?? ctx.today;
        const dueOn = dueOf(ctx, 'secondReply');
        return { repliedOn, dueOn, late: dueOn !== null && repliedOn > dueOn };
      },
      async effect(ctx) {
        const input = ctx.input as z.infer<typeof SecondReplyInput>;
        await ctx.tx
          .update(proposals)
          .set({ secondReplyText: input.text, secondRepliedOn: input.repliedOn ?? ctx.today, secondReplyDueOn: dueOf(ctx, 'secondReply') })
          .where(eq(proposals.caseId, ctx.case.id));
      },
    },
  },
});
