import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { publicationStateLabels, type PublicationState } from '../../../contracts/enforcement.ts';
import { onActCorrected } from '../../kernel/workflow/act-corrections.ts';
import { defineWorkflow, no, ok } from '../../kernel/workflow/define-workflow.ts';
import { transition } from '../../kernel/workflow/transition.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { CORRECTION, PENALTY, PUBLICITY, PUBLICITY_HANDLE, READ } from './enforcement-cases.permissions.ts';
import { publicationsOf, updatePenalty } from './enforcement-cases.repository.ts';
import { enforcementPublications } from './enforcement-cases.tables.ts';
import { stepDeps, WITHDRAWAL_PERIOD } from './publication.ts';

/**
 * 执法决定公示 as a case of its own, opened by the decision (enforcement-cases.workflow.ts): published
 * within its clock, withdrawn within 3 working days once the decision is changed or annulled.
 */
export const publicityWorkflow = defineWorkflow<PublicationState>({
  caseType: PUBLICITY,
  label: '执法决定公示',
  readPermission: READ,
  states: {
    pending: { label: publicationStateLabels.pending },
    published: { label: publicationStateLabels.published },
    withdrawalDue: { label: publicationStateLabels.withdrawalDue },
    withdrawn: { label: publicationStateLabels.withdrawn, terminal: true },
  },
  initial: 'pending',
  clockLabels: { publicity: '公示期限', withdrawal: '撤回公示期限' },
  actions: {
    publish: {
      label: '公示',
      from: ['pending'],
      to: 'published',
      permission: PUBLICITY_HANDLE,
      input: z.object({ content: z.string().trim().min(1).max(5000).optional().meta({ title: '公示内容（修改时填写）', widget: 'textarea', description: '不得含身份证号码；自然人以「张某」形式显示' }) }),
      guard(ctx) {
        const content = (ctx.input as { content?: string } | undefined)?.content;
        return content && /\d{17}[\dXx]|\d{15}/.test(content) ? no('公示内容不得含有身份证号码') : ok;
      },
      clocks: { stop: ['publicity'] },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === 'publicity')?.dueOn ?? null;
        return { publicityDueOn: dueOn, late: dueOn !== null && ctx.today > dueOn };
      },
      async effect(ctx) {
        const content = (ctx.input as { content?: string }).content;
        await ctx.tx
          .update(enforcementPublications)
          .set({ publishedOn: ctx.today, ...(content ? { content } : {}), updatedAt: ctx.case.updatedAt, updatedBy: ctx.actor?.userId ?? null })
          .where(eq(enforcementPublications.caseId, ctx.case.id));
      },
    },
    correct: {
      label: '决定已变更或撤销，待撤回公示',
      from: ['published'],
      to: 'withdrawalDue',
      permission: CORRECTION,
      inPanel: true,
      reasonRequired: true,
      clocks: { start: { withdrawal: WITHDRAWAL_PERIOD } },
    },
    cancel: {
      label: '决定已变更或撤销，不再公示',
      from: ['pending'],
      to: 'withdrawn',
      permission: CORRECTION,
      inPanel: true,
      reasonRequired: true,
      clocks: { stop: 'all' },
      async effect(ctx) {
        await ctx.tx.update(enforcementPublications).set({ withdrawnOn: ctx.today }).where(eq(enforcementPublications.caseId, ctx.case.id));
      },
    },
    withdraw: {
      label: '撤回公示',
      from: ['published', 'withdrawalDue'],
      offeredIn: ['withdrawalDue'],
      to: 'withdrawn',
      permission: PUBLICITY_HANDLE,
      input: z.object({ reason: z.string().trim().min(1).max(2000).meta({ title: '撤回理由（公开说明）', widget: 'textarea' }) }),
      clocks: { stop: 'all' },
      record(ctx) {
        const dueOn = ctx.clocks.find((c) => c.name === 'withdrawal')?.dueOn ?? null;
        return { withdrawalDueOn: dueOn, late: dueOn !== null && ctx.today > dueOn };
      },
      async effect(ctx) {
        await ctx.tx
          .update(enforcementPublications)
          .set({ withdrawnOn: ctx.today, withdrawalReason: (ctx.input as { reason: string }).reason, updatedAt: ctx.case.updatedAt, updatedBy: ctx.actor?.userId ?? null })
          .where(eq(enforcementPublications.caseId, ctx.case.id));
      },
    },
  },
});

/**
 * A 复议 decision (or another correcting case) changed or annulled a penalty decision: recorded on the
 * case, and its publication is to be withdrawn within 3 working days (or never published). The
 * publicity step is taken through transition() by the user whose decision made the correction,
 * holding for that step only the correction permission no role has.
 */
onActCorrected(PENALTY, async (c) => {
  if (!c.actor) throw new Error('an act correction needs the deciding user');
  await updatePenalty(c.tx, c.caseId, { correctedByCaseId: c.byCaseId, correctedOn: c.decidedOn });
  const [by] = await c.tx.select({ at: cases.updatedAt }).from(cases).where(eq(cases.id, c.byCaseId));
  const actor = { ...c.actor, permissions: new Map([[CORRECTION, 'region' as const]]) };
  for (const pub of await publicationsOf(c.tx, [c.caseId])) {
    const action = pub.state === 'published' ? 'correct' : pub.state === 'pending' ? 'cancel' : null;
    if (!action) continue;
    await transition(c.tx, stepDeps(c.tx, by!.at), { caseId: pub.caseId, version: pub.version }, action, { actor, meta: {} }, { reason: c.description, data: { byCaseId: c.byCaseId, decidedOn: c.decidedOn } });
    if (action === 'cancel') await c.tx.update(enforcementPublications).set({ withdrawalReason: c.description }).where(eq(enforcementPublications.caseId, pub.caseId));
  }
});
