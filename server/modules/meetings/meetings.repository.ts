import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { governmentMeetings, meetingItems } from './meetings.tables.ts';
import type { MeetingFilter } from './meetings.schemas.ts';

const columns = {
  itemId: meetingItems.id,
  itemSeq: meetingItems.seq,
  title: meetingItems.title,
  lawRelated: meetingItems.lawRelated,
  caseId: meetingItems.caseId,
  caseType: cases.caseType,
  outcome: meetingItems.outcome,
  notes: meetingItems.notes,
  meetingId: governmentMeetings.id,
  orgId: governmentMeetings.orgId,
  orgName: organisations.name,
  kind: governmentMeetings.kind,
  year: governmentMeetings.year,
  seq: governmentMeetings.seq,
  heldOn: governmentMeetings.heldOn,
  chair: governmentMeetings.chair,
};

export type MeetingItemRow = Awaited<ReturnType<typeof findMeetingItemsForExport>>[number];

const base = (db: Queryable) =>
  db
    .select(columns)
    .from(meetingItems)
    .innerJoin(governmentMeetings, eq(governmentMeetings.id, meetingItems.meetingId))
    .innerJoin(organisations, eq(organisations.id, governmentMeetings.orgId))
    .leftJoin(cases, eq(cases.id, meetingItems.caseId));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(actor: Actor, scope: DataScope, filter: MeetingFilter): SQL {
  return and(
    scopeOnOrgId(actor, scope, { orgId: governmentMeetings.orgId, regionCode: governmentMeetings.regionCode }),
    filter.orgId ? eq(governmentMeetings.orgId, filter.orgId) : undefined,
    filter.kind ? eq(governmentMeetings.kind, filter.kind) : undefined,
    filter.year ? eq(governmentMeetings.year, filter.year) : undefined,
    filter.lawRelated !== undefined ? eq(meetingItems.lawRelated, filter.lawRelated) : undefined,
    filter.q ? sql`${meetingItems.title} ilike ${likePattern(filter.q)}` : undefined,
  )!;
}

const order = (filter: MeetingFilter): SQL[] => [
  filter.order === 'asc' ? asc(governmentMeetings.heldOn) : desc(governmentMeetings.heldOn),
  asc(governmentMeetings.orgId),
  asc(governmentMeetings.seq),
  asc(meetingItems.seq),
];

export function findMeetingItems(db: Queryable, actor: Actor, scope: DataScope, filter: MeetingFilter, paging: Paging) {
  return findPage(db, () => base(db).where(conditions(actor, scope, filter)).$dynamic(), order(filter), paging);
}

export function findMeetingItemsForExport(db: Queryable, actor: Actor, scope: DataScope, filter: MeetingFilter, limit: number) {
  return base(db)
    .where(conditions(actor, scope, filter))
    .orderBy(...order(filter))
    .limit(limit);
}

export async function findMeeting(db: Queryable, id: string) {
  const [row] = await db
    .select({ meeting: governmentMeetings, orgName: organisations.name, orgPath: organisations.path })
    .from(governmentMeetings)
    .innerJoin(organisations, eq(organisations.id, governmentMeetings.orgId))
    .where(eq(governmentMeetings.id, id));
  return row;
}

export function findItemsOf(db: Queryable, meetingId: string) {
  return base(db).where(eq(meetingItems.meetingId, meetingId)).orderBy(asc(meetingItems.seq));
}
