import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * 人大代表建议 or 政协提案 beside the kernel's `cases` row (same id; cases.org_id is the lead unit 主办单位).
 */
export const proposals = pgTable(
  'proposals',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** npc 人大代表建议 / cppcc 政协提案 */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** e.g. 县第十八届人民代表大会第一次会议 */
    sessionLabel: varchar('session_label', { length: 80 }).notNull(),
    year: integer('year').notNull(),
    /** 建议/提案 number within the session, e.g. 第12号 */
    number: varchar('number', { length: 30 }).notNull(),
    proposers: varchar('proposers', { length: 300 }).notNull(),
    content: text('content').notNull(),
    topic: varchar('topic', { length: 24 }),
    /** 交办 date (null until assigned): the reply period runs from it. */
    assignedOn: date('assigned_on', { mode: 'string' }),
    /** The reply period was extended to 6 months, with this reason. */
    extensionReason: text('extension_reason'),
    /** solved 已解决 / planned 列入计划 / explained 解释说明 */
    replyCategory: varchar('reply_category', { length: 12 }),
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    /** The reply clock's due date when the reply came (with any extension): on time = replied_on <= reply_due_on. */
    replyDueOn: date('reply_due_on', { mode: 'string' }),
    /** satisfied 满意 / basic 基本满意 / unsatisfied 不满意 */
    satisfaction: varchar('satisfaction', { length: 12 }),
    feedbackOn: date('feedback_on', { mode: 'string' }),
    /** 不满意: the unit answers again within the county's period (provincial rules: one month). */
    secondReplyText: text('second_reply_text'),
    secondRepliedOn: date('second_replied_on', { mode: 'string' }),
    secondReplyDueOn: date('second_reply_due_on', { mode: 'string' }),
    secondSatisfaction: varchar('second_satisfaction', { length: 12 }),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex('proposals_number_uq').on(t.regionCode, t.kind, t.sessionLabel, t.number), index('proposals_year_idx').on(t.regionCode, t.year, t.kind)],
);

/** 主办 and 会办 units of a proposal; a mis-assigned unit returns it within the configured period. */
export const proposalHandlers = pgTable(
  'proposal_handlers',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** lead 主办 / co 会办 */
    role: varchar('role', { length: 8 }).notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    returnedOn: date('returned_on', { mode: 'string' }),
    returnReason: text('return_reason'),
    /** A co-handler's written opinion to the lead unit. */
    opinion: text('opinion'),
    opinionOn: date('opinion_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    ...rowMeta(),
  },
  (t) => [index('proposal_handlers_case_idx').on(t.caseId), index('proposal_handlers_org_idx').on(t.orgId, t.active)],
);
