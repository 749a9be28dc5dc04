import { and, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db/db.ts';
import { governmentMeetings, meetingItems, type MeetingKind, type MeetingOutcome } from './meetings.tables.ts';

export interface MeetingRef {
  regionCode: string;
  orgId: string;
  kind: MeetingKind;
  year: number;
  seq: number;
  heldOn: string;
}

export interface NewMeetingItem {
  title: string;
  lawRelated: boolean;
  caseId: string | null;
  outcome: MeetingOutcome;
  notes?: string | null;
}

/**
 * Records an item on a meeting, creating the meeting when it is not yet registered; called from a
 * procedure's collective-decision step in its transaction. A registered meeting's date must agree.
 */
export async function recordMeetingItem(tx: Tx, meeting: MeetingRef, item: NewMeetingItem, at: Date, by: string | null): Promise<{ meetingId: string; itemId: string } | { conflict: string }> {
  await tx
    .insert(governmentMeetings)
    .values({ ...meeting, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by })
    .onConflictDoNothing({ target: [governmentMeetings.orgId, governmentMeetings.kind, governmentMeetings.year, governmentMeetings.seq] });
  const [row] = await tx
    .select()
    .from(governmentMeetings)
    .where(and(eq(governmentMeetings.orgId, meeting.orgId), eq(governmentMeetings.kind, meeting.kind), eq(governmentMeetings.year, meeting.year), eq(governmentMeetings.seq, meeting.seq)))
    .for('update');
  if (row!.heldOn !== meeting.heldOn) return { conflict: `该次会议已登记的召开日期为 ${row!.heldOn}` };
  const [last] = await tx.select({ seq: max(meetingItems.seq) }).from(meetingItems).where(eq(meetingItems.meetingId, row!.id));
  const [inserted] = await tx
    .insert(meetingItems)
    .values({ regionCode: meeting.regionCode, meetingId: row!.id, seq: (last?.seq ?? 0) + 1, ...item, notes: item.notes ?? null, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by })
    .returning({ id: meetingItems.id });
  await tx.update(governmentMeetings).set({ updatedAt: at, updatedBy: by, version: sql`${governmentMeetings.version} + 1` }).where(eq(governmentMeetings.id, row!.id));
  return { meetingId: row!.id, itemId: inserted!.id };
}
