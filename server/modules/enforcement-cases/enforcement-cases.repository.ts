import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { discretionBenchmarks, enforcementBodies, enforcementMatters, enforcementOfficers, leniencyItems } from '../enforcement/enforcement.tables.ts';
import { enforcementCaseOfficers, enforcementCases, enforcementPublications } from './enforcement-cases.tables.ts';

export type PenaltyRow = typeof enforcementCases.$inferSelect;
export type PublicationRow = typeof enforcementPublications.$inferSelect;

export async function getPenalty(db: Queryable, caseId: string): Promise<PenaltyRow> {
  const [row] = await db.select().from(enforcementCases).where(eq(enforcementCases.caseId, caseId));
  if (!row) throw new Error(`enforcement case ${caseId} has no row`);
  return row;
}

export async function updatePenalty(tx: Tx, caseId: string, changes: Partial<typeof enforcementCases.$inferInsert>): Promise<void> {
  await tx.update(enforcementCases).set(changes).where(eq(enforcementCases.caseId, caseId));
}

export async function getPublication(db: Queryable, caseId: string): Promise<PublicationRow> {
  const [row] = await db.select().from(enforcementPublications).where(eq(enforcementPublications.caseId, caseId));
  if (!row) throw new Error(`publication ${caseId} has no row`);
  return row;
}

/** The officers on a case with their names, lead first. */
export function caseOfficers(db: Queryable, caseId: string) {
  return db
    .select({ officerId: enforcementCaseOfficers.officerId, name: enforcementOfficers.name, certificateId: enforcementCaseOfficers.certificateId, lead: enforcementCaseOfficers.lead })
    .from(enforcementCaseOfficers)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCaseOfficers.officerId))
    .where(eq(enforcementCaseOfficers.caseId, caseId))
    .orderBy(desc(enforcementCaseOfficers.lead), asc(enforcementOfficers.name));
}

export async function findBody(db: Queryable, regionCode: string, id: string) {
  const [row] = await db.select().from(enforcementBodies).where(and(eq(enforcementBodies.id, id), eq(enforcementBodies.regionCode, regionCode)));
  return row;
}

export async function findMatter(db: Queryable, regionCode: string, id: string) {
  const [row] = await db.select().from(enforcementMatters).where(and(eq(enforcementMatters.id, id), eq(enforcementMatters.regionCode, regionCode)));
  return row;
}

export async function findBenchmark(db: Queryable, id: string) {
  const [row] = await db.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id));
  return row;
}

/** The active 首违不罚 entry for a matter, if the county's list has one. */
export async function firstViolationEntry(db: Queryable, regionCode: string, matterId: string) {
  const [row] = await db
    .select({ id: leniencyItems.id, conditions: leniencyItems.conditions })
    .from(leniencyItems)
    .where(and(eq(leniencyItems.regionCode, regionCode), eq(leniencyItems.matterId, matterId), eq(leniencyItems.list, 'firstViolation'), eq(leniencyItems.status, 'active')))
    .limit(1);
  return row;
}

/** Whether a passing 法制审核 opinion was given after the case's latest 告知 (a later proposal needs a new review). */
export async function reviewPassed(db: Queryable, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.action, 'giveLegalityOpinion'),
        sql`${caseEvents.data}->>'conclusion' <> 'unlawful'`,
        sql`${caseEvents.seq} > coalesce((select max(e.seq) from case_events e where e.case_id = ${caseId} and e.action = 'notify'), 0)`,
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** How many 法制审核 opinions the user has signed on 行政处罚 cases (第五十八条第二款: the first needs 法律职业资格). */
export async function opinionsSignedBy(db: Queryable, userId: string, caseType: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.actorId, userId), eq(caseEvents.action, 'giveLegalityOpinion'), eq(cases.caseType, caseType)));
  return row?.n ?? 0;
}

/** The 法律职业资格 number of the officer record linked to the user, if any. */
export async function legalQualificationOf(db: Queryable, regionCode: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ no: enforcementOfficers.legalQualificationNo })
    .from(enforcementOfficers)
    .where(and(eq(enforcementOfficers.regionCode, regionCode), eq(enforcementOfficers.userId, userId), eq(enforcementOfficers.status, 'active'), sql`${enforcementOfficers.legalQualificationNo} is not null`))
    .limit(1);
  return row?.no ?? null;
}

/** The publications of a case's decision (normally one). */
export function publicationsOf(db: Queryable, sourceCaseIds: string[]) {
  if (sourceCaseIds.length === 0) return Promise.resolve([]);
  return db
    .select({ caseId: enforcementPublications.caseId, sourceCaseId: enforcementPublications.sourceCaseId, state: cases.state, version: cases.version })
    .from(enforcementPublications)
    .innerJoin(cases, eq(cases.id, enforcementPublications.caseId))
    .where(inArray(enforcementPublications.sourceCaseId, sourceCaseIds));
}
