import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { organisations, type OrgType } from '../../kernel/org/org.tables.ts';
import { caseClocks, caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { reconsiderationCases } from './reconsideration.tables.ts';
import { reconsiderationWorkflow } from './reconsideration.workflow.ts';

/** What the portal reads: no login, so nothing here is scoped by an actor — the tracking code and its verification are. */

/** The organisations a region's applicants may name as 被申请人 on the portal. */
export function findRespondents(db: Queryable, regionCode: string, types: readonly OrgType[]) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active'), inArray(organisations.type, [...types])))
    .orderBy(asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name));
}

/** A case by its portal tracking code, with what the applicant may see of it. */
export async function findTracked(db: Queryable, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      title: cases.title,
      caseNo: cases.caseNo,
      state: cases.state,
      terminal: cases.terminal,
      closedAt: cases.closedAt,
      version: cases.version,
      trackingSecret: reconsiderationCases.trackingSecret,
      receivedOn: reconsiderationCases.receivedOn,
      deemedAccepted: reconsiderationCases.deemedAccepted,
      outcome: reconsiderationCases.outcome,
      decidedOn: reconsiderationCases.decidedOn,
      decisionNo: reconsiderationCases.decisionNo,
      extra: reconsiderationCases.extra,
    })
    .from(cases)
    .innerJoin(reconsiderationCases, eq(reconsiderationCases.caseId, cases.id))
    .where(and(eq(cases.trackingCode, trackingCode), eq(cases.caseType, reconsiderationWorkflow.caseType)));
  return row;
}
export type TrackedRow = NonNullable<Awaited<ReturnType<typeof findTracked>>>;

/** The steps of a case (no actors, no reasons: the caller picks what the public sees) and its clocks. */
export async function findPublicHistory(db: Queryable, caseId: string) {
  const [events, clocks] = await Promise.all([
    db.select({ at: caseEvents.at, action: caseEvents.action, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq)),
    db.select({ name: caseClocks.name, status: caseClocks.status, dueOn: caseClocks.dueOn, provisional: caseClocks.provisional }).from(caseClocks).where(eq(caseClocks.caseId, caseId)),
  ]);
  return { events, clocks };
}
