import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { defineWorkflow, no, type GuardContext } from '../../kernel/workflow/define-workflow.ts';
import { OpinionInput, ReturnInput } from './proposals.inputs.ts';
import { ANSWER, HANDLE, OPINION, READ } from './proposals.permissions.ts';
import { handlerOf, proposalOf, withinReturnWindow } from './proposals.rules.ts';
import { readProposalSettings, settingBasis } from './proposals.settings.ts';
import { proposalHandlers } from './proposals.tables.ts';

type OpinionState = 'pending' | 'open' | 'given' | 'returned' | 'withdrawn';

async function parentProposal(ctx: GuardContext) {
  if (!ctx.case.parentId) throw new Error(`proposal opinion ${ctx.case.id} has no parent`);
  return proposalOf(ctx, ctx.case.parentId);
}

/** A 会办单位's part: its opinion to the lead unit, or its return of a mis-assigned item. */
export const opinionWorkflow = defineWorkflow<OpinionState>({
  caseType: OPINION,
  label: '建议提案会办',
  readPermission: READ,
  states: {
    pending: { label: '待发出' },
    open: { label: '待提出会办意见' },
    given: { label: '已提出会办意见', terminal: true },
    returned: { label: '已退回', terminal: true },
    withdrawn: { label: '已撤销会办', terminal: true },
  },
  initial: 'pending',
  clockLabels: { opinion: '会办意见期限' },
  actions: {
    // Taken by 交办 itself, right after the case opens.
    issue: {
      label: '交办会办',
      from: ['pending'],
      offeredIn: [],
      to: 'open',
      permission: HANDLE,
      clocks: {
        start: {
          opinion: async (ctx) => {
            const parent = await parentProposal(ctx);
            const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
            return { unit: 'months', n: value.coOpinionMonths, basis: settingBasis.coOpinionMonths, from: parent.assignedOn ?? ctx.today };
          },
        },
      },
    },
    giveOpinion: {
      label: '提出会办意见',
      from: ['open'],
      to: 'given',
      permission: ANSWER,
      input: OpinionInput,
      clocks: { stop: 'all' },
      async effect(ctx) {
        await ctx.tx
          .update(proposalHandlers)
          .set({ opinion: (ctx.input as z.infer<typeof OpinionInput>).opinion, opinionOn: ctx.today, version: sql`${proposalHandlers.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.actor?.userId ?? null })
          .where(and(eq(proposalHandlers.caseId, ctx.case.parentId!), eq(proposalHandlers.orgId, ctx.case.orgId), eq(proposalHandlers.active, true)));
      },
    },
    returnAssignment: {
      label: '退回（交办不当）',
      from: ['open'],
      offeredIn: [],
      to: 'returned',
      permission: ANSWER,
      input: ReturnInput,
      async guard(ctx) {
        const handler = await handlerOf(ctx, ctx.case.parentId!, ctx.case.orgId);
        return handler ? withinReturnWindow(ctx, handler.assignedOn) : no('本单位不是该件的会办单位');
      },
      clocks: { stop: 'all' },
      async effect(ctx) {
        await ctx.tx
          .update(proposalHandlers)
          .set({ returnedOn: ctx.today, returnReason: (ctx.input as z.infer<typeof ReturnInput>).reason, active: false, version: sql`${proposalHandlers.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.actor?.userId ?? null })
          .where(and(eq(proposalHandlers.caseId, ctx.case.parentId!), eq(proposalHandlers.orgId, ctx.case.orgId), eq(proposalHandlers.active, true)));
      },
    },
    // The office took the unit off the item (重新交办): its opinion is no longer asked for.
    withdraw: {
      label: '撤销会办',
      from: ['pending', 'open'],
      offeredIn: [],
      to: 'withdrawn',
      permission: HANDLE,
      clocks: { stop: 'all' },
    },
  },
});
