import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { caseClocks, caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';

/** One case the actor may read (by scope or assignment), or undefined. */
export async function findReadableCase(db: Queryable, actor: Actor, caseId: string) {
  const [row] = await db
    .select({ case: cases, orgName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.id, caseId), readableCondition(actor)));
  return row;
}

export async function findCaseHistory(db: Queryable, caseId: string) {
  const [events, clocks] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq)),
    db.select().from(caseClocks).where(eq(caseClocks.caseId, caseId)).orderBy(asc(caseClocks.startedOn), asc(caseClocks.name)),
  ]);
  return { events, clocks };
}

