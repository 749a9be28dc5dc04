import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../kernel/org/org.tables.ts';
import { defineWorkflow, no, ok, type ActionDef, type GuardContext } from '../../kernel/workflow/define-workflow.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { messageStateLabels, satisfactionLabels, satisfactions, type MessageState } from '../../../contracts/messages.ts';
import { COORDINATE, HANDLE, MESSAGE, READ } from './messages.permissions.ts';
import { getMessage, updateMessage } from './messages.repository.ts';
import { indexMessage } from './messages.search.ts';
import { readMessageSettings } from './messages.settings.ts';

/**
 * 网民诉求: received → routed (the coordinator names the responsible organisation; it may send a
 * mis-routed message back with a reason) → replied (through the coordinator's review when the county
 * asks for one) → closed once the citizen rated the reply or the coordinator closed it. The reply
 * clock runs from receipt (its length per channel, set by the county) until the reply.
 */

export const RouteInput = z.object({
  orgId: z.uuid().meta({ title: '承办单位', widget: 'org' }),
  note: z.string().trim().max(500).optional().meta({ title: '交办意见' }),
});
export const ReplyInput = z.object({ replyText: z.string().trim().min(10, '答复内容至少10个字').max(5000).meta({ title: '答复内容', widget: 'textarea' }) });
export const PublishInput = z.object({
  publicContent: z.string().trim().min(4).max(3000).optional().meta({ title: '公开的留言内容', description: '可删去姓名、电话、住址等个人信息；不填则公开原文', widget: 'textarea' }),
});
export const RateInput = z.object({
  satisfaction: z.enum(satisfactions).meta({ title: '满意度', optionLabels: satisfactionLabels }),
  comment: z.string().trim().max(500).optional().meta({ title: '评价意见' }),
});

const messageOf = (ctx: GuardContext) => getMessage(ctx.tx, ctx.case.id);
const settingsOf = async (ctx: GuardContext) => (await readMessageSettings(ctx.tx, ctx.case.regionCode)).value;

async function routable(ctx: GuardContext<z.infer<typeof RouteInput> | undefined>) {
  if (!ctx.input) return ok;
  const [org] = await ctx.tx
    .select({ id: organisations.id, status: organisations.status })
    .from(organisations)
    .where(and(eq(organisations.id, ctx.input.orgId), eq(organisations.regionCode, ctx.case.regionCode)));
  if (!org || org.status !== 'active') return no('承办单位须为本行政区内启用的机构');
  const m = await messageOf(ctx);
  if (org.id === m.intakeOrgId) return no('请交办给具体承办单位');
  return ok;
}

/** Every step re-indexes the message for 全文检索 after its own writes: organisation, state, reply and publication all show there. */
function indexed(actions: Record<string, ActionDef<MessageState, any>>): Record<string, ActionDef<MessageState, any>> {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      {
        ...action,
        effect: async (ctx: Parameters<NonNullable<ActionDef<MessageState, any>['effect']>>[0]) => {
          await action.effect?.(ctx);
          await indexMessage(ctx.tx, ctx.case.id, ctx.case.updatedAt);
        },
      },
    ]),
  );
}

export const messageWorkflow = defineWorkflow<MessageState>({
  caseType: MESSAGE,
  label: '网民诉求',
  readPermission: READ,
  // The organisation that returned a message as mis-routed keeps reading it (cases.party_org_id) until it is routed again.
  partyPermission: READ,
  states: {
    received: { label: messageStateLabels.received },
    routed: { label: messageStateLabels.routed },
    reviewing: { label: messageStateLabels.reviewing },
    replied: { label: messageStateLabels.replied },
    closed: { label: messageStateLabels.closed, terminal: true },
  },
  initial: 'received',
  clockLabels: { reply: '答复期限', revision: '修改答复期限' },
  actions: indexed({
    route: {
      label: '交办',
      from: ['received'],
      to: 'routed',
      permission: COORDINATE,
      input: RouteInput,
      guard: routable,
      record: async (ctx) => {
        const input = ctx.input as z.infer<typeof RouteInput>;
        const [org] = await ctx.tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.orgId));
        return { orgName: org?.name };
      },
      // The responsible organisation handles the case from now: its staff see it in their scope and 待办.
      effect: async (ctx) => {
        await ctx.tx.update(cases).set({ orgId: (ctx.input as z.infer<typeof RouteInput>).orgId, partyOrgId: null }).where(eq(cases.id, ctx.case.id));
      },
    },
    returnMisrouted: {
      label: '退回（非本单位职责）',
      from: ['routed'],
      to: 'received',
      permission: HANDLE,
      reasonRequired: true,
      effect: async (ctx) => {
        const m = await messageOf(ctx);
        await ctx.tx.update(cases).set({ orgId: m.intakeOrgId, partyOrgId: ctx.case.orgId }).where(eq(cases.id, ctx.case.id));
      },
    },
    reply: {
      label: '答复',
      from: ['routed'],
      to: 'replied',
      permission: HANDLE,
      input: ReplyInput,
      guard: async (ctx) => ((await settingsOf(ctx)).reviewReplies ? no('本县要求答复经统筹部门审核后发出，请「提交答复审核」') : ok),
      clocks: { stop: ['reply', 'revision'] },
      effect: async (ctx) => updateMessage(ctx.tx, ctx.case.id, { replyText: (ctx.input as z.infer<typeof ReplyInput>).replyText, repliedOn: ctx.today }),
    },
    // The org met its period when it submitted the reply; the citizen sees it once approved.
    submitReply: {
      label: '提交答复审核',
      from: ['routed'],
      to: 'reviewing',
      permission: HANDLE,
      input: ReplyInput,
      guard: async (ctx) => ((await settingsOf(ctx)).reviewReplies ? ok : no('本县未要求审核答复，请直接「答复」')),
      clocks: { stop: ['reply', 'revision'] },
      effect: async (ctx) => updateMessage(ctx.tx, ctx.case.id, { replyText: (ctx.input as z.infer<typeof ReplyInput>).replyText }),
    },
    approveReply: {
      label: '审核通过答复',
      from: ['reviewing'],
      to: 'replied',
      permission: COORDINATE,
      effect: (ctx) => updateMessage(ctx.tx, ctx.case.id, { repliedOn: ctx.today }),
    },
    returnReply: {
      label: '退回修改答复',
      from: ['reviewing'],
      to: 'routed',
      permission: COORDINATE,
      reasonRequired: true,
      clocks: { start: { revision: async (ctx) => ({ unit: 'workingDays', n: (await settingsOf(ctx)).revisionDays, basis: '本县设置：退回修改的答复应在规定工作日内重新答复' }) } },
    },
    publish: {
      label: '公开答复',
      from: ['replied', 'closed'],
      to: (ctx) => ctx.case.state as MessageState,
      offeredIn: [],
      permission: COORDINATE,
      input: PublishInput,
      guard: async (ctx) => {
        const m = await messageOf(ctx);
        if (!m.publicConsent) return no('留言人未同意公开，不能在门户网站公开');
        if (m.published) return no('已公开');
        return ok;
      },
      effect: async (ctx) => {
        const m = await messageOf(ctx);
        const input = ctx.input as z.infer<typeof PublishInput>;
        await updateMessage(ctx.tx, ctx.case.id, { published: true, publicContent: input.publicContent ?? m.content });
      },
    },
    unpublish: {
      label: '撤下公开',
      from: ['replied', 'closed'],
      to: (ctx) => ctx.case.state as MessageState,
      offeredIn: [],
      permission: COORDINATE,
      reasonRequired: true,
      guard: async (ctx) => ((await messageOf(ctx)).published ? ok : no('尚未公开')),
      effect: (ctx) => updateMessage(ctx.tx, ctx.case.id, { published: false }),
    },
    rate: {
      label: '登记满意度',
      // A citizen rates once, after the reply, also after the coordinator closed the message.
      from: ['replied', 'closed'],
      to: 'closed',
      offeredIn: [],
      permission: COORDINATE,
      byApplicant: true,
      input: RateInput,
      guard: async (ctx) => ((await messageOf(ctx)).satisfaction ? no('已评价，不能重复评价') : ok),
      effect: async (ctx) => {
        const input = ctx.input as z.infer<typeof RateInput>;
        // The case row after the step carries the step's time.
        await updateMessage(ctx.tx, ctx.case.id, { satisfaction: input.satisfaction, ratedAt: ctx.case.updatedAt });
      },
    },
    // 回访 done without a rating: closed from the list's 待办结 filter, not the 待办.
    close: {
      label: '办结',
      from: ['replied'],
      to: 'closed',
      offeredIn: [],
      permission: COORDINATE,
    },
  }),
});
