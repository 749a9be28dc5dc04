import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import type { MeetingKind, MeetingOutcome } from '../../../contracts/decisions.ts';

// 常务会议, 全体会议 of a government; 办公会议 of a department or office (局务会议, 主任办公会议: 条例 第四十二条).
export { meetingKinds, type MeetingKind, meetingOutcomes, type MeetingOutcome } from '../../../contracts/decisions.ts';

/**
 * A meeting that decides collectively (集体讨论决定), numbered per organisation, kind and year, e.g.
 * 县政府2021年第12次常务会议.
 */
export const governmentMeetings = pgTable(
  'government_meetings',
  {
    id: id(),
    regionCode: regionCode(),
    /** The government or department that met. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: varchar('kind', { length: 12 }).$type<MeetingKind>().notNull(),
    year: integer('year').notNull(),
    /** 第N次 within the organisation, kind and year. */
    seq: integer('seq').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    chair: varchar('chair', { length: 64 }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('government_meetings_no_uq').on(t.orgId, t.kind, t.year, t.seq), index('government_meetings_held_idx').on(t.regionCode, t.heldOn)],
);

/**
 * An item (议题) on a meeting's agenda. Law-related items (涉法议题: a major decision, a 规范性文件, a
 * contract …) carry the legality review they had; the annual report counts them.
 */
export const meetingItems = pgTable(
  'meeting_items',
  {
    id: id(),
    regionCode: regionCode(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governmentMeetings.id),
    seq: integer('seq').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    lawRelated: boolean('law_related').notNull().default(false),
    /** The record discussed, when it is in Fazhi: a decision's or a 规范性文件's case. */
    caseId: uuid('case_id'),
    outcome: varchar('outcome', { length: 16 }).$type<MeetingOutcome>().notNull(),
    notes: text('notes'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('meeting_items_seq_uq').on(t.meetingId, t.seq), index('meeting_items_case_idx').on(t.caseId)],
);
