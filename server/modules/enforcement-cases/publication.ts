import { eq } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../../kernel/auth/actor.ts';
import type { Db, Tx } from '../../kernel/db/db.ts';
import { loadClocks, nextDue, startClock } from '../../kernel/workflow/clocks.ts';
import { calendarDeadlines } from '../../kernel/workflow/deadlines.ts';
import type { CaseRow } from '../../kernel/workflow/define-workflow.ts';
import { openCase, type WorkflowDeps } from '../../kernel/workflow/transition.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { publicationKindLabels, type PartyType, type PublicationKind } from '../../../contracts/enforcement.ts';
import { PUBLICITY } from './enforcement-cases.permissions.ts';
import { enforcementPublications } from './enforcement-cases.tables.ts';

/**
 * 国办发〔2018〕118号: 行政许可、行政处罚 decisions are published within 7 working days of the decision,
 * other 行政执法 decisions within 20. 行政处罚法 第四十八条第二款: withdrawn within 3 working days of
 * the decision being changed or annulled.
 */
const BASIS_118 = '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）';
export const publicityPeriod = (kind: PublicationKind) =>
  kind === 'other'
    ? { unit: 'workingDays' as const, n: 20, basis: `${BASIS_118}：其他行政执法决定自作出之日起20个工作日内公开` }
    : { unit: 'workingDays' as const, n: 7, basis: `${BASIS_118}：行政许可、行政处罚的执法决定信息自作出之日起7个工作日内公开` };
export const WITHDRAWAL_PERIOD = { unit: 'workingDays' as const, n: 3, basis: '《行政处罚法》第四十八条第二款：行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回公开的行政处罚决定信息并公开说明理由' };

/** The party as the portal shows it: organisations by name, a person as 「张某」; ID numbers never. */
export function maskParty(type: PartyType, name: string): string {
  const trimmed = name.trim();
  if (type !== 'person') return trimmed;
  // A two-character compound surname (欧阳, 司马 …) is rare in a county; the first character is the surname.
  return `${trimmed.slice(0, 1)}某`;
}

/**
 * The deps of a step taken from inside another step's transaction (the decision opening its publicity,
 * a 复议 decision withdrawing it): the time is that step's, and the calendar is read through the open
 * transaction, which every Deadlines call passes as `via` — PGlite has one connection.
 */
export const stepDeps = (tx: Tx, now: Date): WorkflowDeps => ({ clock: { now: () => now }, deadlines: calendarDeadlines(tx as unknown as Db) });

export interface NewPublication {
  regionCode: string;
  orgId: string;
  sourceCaseId: string | null;
  kind: PublicationKind;
  title: string;
  decisionNo: string | null;
  decidedOn: string;
  partyType: PartyType;
  partyName: string;
  content: string;
}

/** Opens the publicity case with its 7- or 20-working-day clock counted from the decision day. */
/** A person's name in a title or text becomes the masked one (「王小虎未公示营业执照案」→「王某未公示营业执照案」). */
export const maskNameIn = (type: PartyType, name: string, text: string): string => (type === 'person' && name.trim() ? text.split(name.trim()).join(maskParty(type, name)) : text);

export async function openPublication(tx: Tx, deps: WorkflowDeps, raw: NewPublication, who: { actor: Actor | null; meta: RequestMeta }): Promise<CaseRow> {
  const partyMasked = maskParty(raw.partyType, raw.partyName);
  const input = { ...raw, title: maskNameIn(raw.partyType, raw.partyName, raw.title), content: maskNameIn(raw.partyType, raw.partyName, raw.content) };
  const opened = await openCase(
    tx,
    deps,
    { caseType: PUBLICITY, regionCode: input.regionCode, orgId: input.orgId, title: `${publicationKindLabels[input.kind]}公示：${input.title}`.slice(0, 200), caseNo: input.decisionNo ?? undefined, data: { sourceCaseId: input.sourceCaseId, kind: input.kind, decidedOn: input.decidedOn } },
    who,
  );
  const now = deps.clock.now();
  await tx.insert(enforcementPublications).values({
    caseId: opened.id,
    regionCode: input.regionCode,
    sourceCaseId: input.sourceCaseId,
    orgId: input.orgId,
    kind: input.kind,
    title: input.title.slice(0, 200),
    decisionNo: input.decisionNo,
    decidedOn: input.decidedOn,
    partyMasked,
    content: input.content,
    createdAt: now,
    createdBy: who.actor?.userId ?? null,
    updatedAt: now,
    updatedBy: who.actor?.userId ?? null,
  });
  await startClock(tx, deps.deadlines, { regionCode: input.regionCode, caseId: opened.id }, 'publicity', publicityPeriod(input.kind), input.decidedOn);
  const [row] = await tx.update(cases).set(nextDue(await loadClocks(tx, opened.id))).where(eq(cases.id, opened.id)).returning();
  return row!;
}
