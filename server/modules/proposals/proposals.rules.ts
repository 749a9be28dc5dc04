import { and, eq } from 'drizzle-orm';
import { organisations } from '../../kernel/org/org.tables.ts';
import { no, ok, type GuardContext, type GuardResult } from '../../kernel/workflow/define-workflow.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { OPINION } from './proposals.permissions.ts';
import { readProposalSettings } from './proposals.settings.ts';
import { proposalHandlers, proposals } from './proposals.tables.ts';

/** What both workflows of 建议提案 check: the proposal's row, its units, the return window, dates. */

export async function proposalOf(ctx: Pick<GuardContext, 'tx'>, caseId: string) {
  const [row] = await ctx.tx.select().from(proposals).where(eq(proposals.caseId, caseId));
  if (!row) throw new Error(`proposal case ${caseId} has no details row`);
  return row;
}

/** The active handler row of an organisation on a proposal. */
export async function handlerOf(ctx: Pick<GuardContext, 'tx'>, proposalId: string, orgId: string) {
  const [row] = await ctx.tx
    .select()
    .from(proposalHandlers)
    .where(and(eq(proposalHandlers.caseId, proposalId), eq(proposalHandlers.orgId, orgId), eq(proposalHandlers.active, true)));
  return row;
}

/** The co-handlers' child cases still waiting for an opinion, with the units' names. */
export async function openOpinions(ctx: Pick<GuardContext, 'tx'>, proposalId: string) {
  return ctx.tx
    .select({ caseId: cases.id, version: cases.version, orgId: cases.orgId, orgName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.parentId, proposalId), eq(cases.caseType, OPINION), eq(cases.terminal, false)));
}

/**
 * A unit may return a mis-assigned item within the county's days of its 交办 (calendar days, the
 * last day moved off a 法定休假日); after that it must handle it.
 */
export async function withinReturnWindow(ctx: GuardContext, assignedOn: string): Promise<GuardResult> {
  const { value } = await readProposalSettings(ctx.tx, ctx.case.regionCode);
  const { due } = await ctx.due(assignedOn, { unit: 'days', n: value.returnDays });
  return ctx.today <= due ? ok : no(`已超过退回期限（交办之日 ${assignedOn} 起${value.returnDays}日内，至 ${due}），不能退回，请按交办办理或与县政府办协商`);
}

export function dateIn(label: string, value: string | undefined, today: string, from: string | null, fromLabel: string): GuardResult {
  if (!value) return ok;
  if (value > today) return no(`${label}不能晚于今天`);
  if (from && value < from) return no(`${label}不能早于${fromLabel}（${from}）`);
  return ok;
}

export const dueOf = (ctx: GuardContext, name: string) => ctx.clocks.find((c) => c.name === name)?.dueOn ?? null;
