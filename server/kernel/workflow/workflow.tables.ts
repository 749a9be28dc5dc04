import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../db/columns.ts';
import { organisations } from '../org/org.tables.ts';

/**
 * Every case of every module: the part the workflow kernel owns (state, version, clocks' next due
 * date, assignee). A module keeps its own fields in a table keyed by the case id. One table makes the
 * cross-module 待办 list and deadline sorting one indexed query.
 */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    regionCode: regionCode(),
    caseType: varchar('case_type', { length: 40 }).notNull(),
    /** 文号 or 案号 once allocated, e.g. 岳县复〔2026〕12号. */
    caseNo: varchar('case_no', { length: 60 }),
    title: varchar('title', { length: 200 }).notNull(),
    /** The handling organisation: data scope is decided by it. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    state: varchar('state', { length: 40 }).notNull(),
    terminal: boolean('terminal').notNull().default(false),
    /** Earliest due date of the case's running clocks (maintained by transition()), for sorting. */
    dueOn: date('due_on', { mode: 'string' }),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    /**
     * The organisation the case is against or about, when it is not the handler: the 被申请人 of a 复议
     * case. Its staff read the case and take the party's steps (WorkflowDef.partyPermission).
     */
    partyOrgId: uuid('party_org_id').references(() => organisations.id),
    assigneeId: uuid('assignee_id'),
    /** The case this one follows from: a 意见书 or 附带审查 from its 复议 case, a lawsuit after 复议. */
    parentId: uuid('parent_id'),
    /** For the public to follow an application on the portal. */
    trackingCode: varchar('tracking_code', { length: 24 }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...rowMeta(),
  },
  (t) => [
    index('cases_open_due_idx').on(t.regionCode, t.terminal, t.dueOn),
    index('cases_assignee_idx').on(t.assigneeId, t.terminal, t.dueOn),
    index('cases_org_idx').on(t.orgId, t.terminal, t.dueOn),
    index('cases_type_state_idx').on(t.regionCode, t.caseType, t.state),
    uniqueIndex('cases_tracking_uq').on(t.trackingCode),
    index('cases_parent_idx').on(t.parentId),
    index('cases_party_idx').on(t.partyOrgId, t.terminal, t.dueOn),
  ],
);

/** 全过程记录: one append-only row per step of a case (行政处罚法 第四十七条). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 64 }),
    action: varchar('action', { length: 40 }).notNull(),
    fromState: varchar('from_state', { length: 40 }),
    toState: varchar('to_state', { length: 40 }).notNull(),
    reason: text('reason'),
    data: jsonb('data'),
    /** Ids of the files this step added (kernel/files). */
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    /** The clocks as they stood after the step. */
    clocks: jsonb('clocks'),
  },
  (t) => [uniqueIndex('case_events_seq_uq').on(t.caseId, t.seq)],
);

export const clockStatuses = ['running', 'paused', 'stopped'] as const;
export type ClockStatus = (typeof clockStatuses)[number];

/** A statutory period running on a case: started, paused, resumed, restarted, extended once, stopped. */
export const caseClocks = pgTable(
  'case_clocks',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    name: varchar('name', { length: 40 }).notNull(),
    unit: varchar('unit', { length: 12 }).notNull(),
    n: integer('n').notNull(),
    basis: varchar('basis', { length: 120 }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /**
     * dueOn = anchorN anchorUnit after anchorOn (+ the extension unless already included): kept so that
     * a deadline computed before its year's calendar was published can be computed again.
     */
    anchorOn: date('anchor_on', { mode: 'string' }).notNull(),
    anchorN: integer('anchor_n').notNull(),
    anchorUnit: varchar('anchor_unit', { length: 12 }).notNull(),
    /** The due date reaches a year whose official calendar is not yet published. */
    provisional: boolean('provisional').notNull().default(false),
    status: varchar('status', { length: 10 }).$type<ClockStatus>().notNull(),
    pausedOn: date('paused_on', { mode: 'string' }),
    extendedN: integer('extended_n'),
    extensionUnit: varchar('extension_unit', { length: 12 }),
    extensionBasis: varchar('extension_basis', { length: 120 }),
    /** A resumption re-anchors on what was left, extension included. */
    extensionIncluded: boolean('extension_included').notNull().default(false),
    stoppedOn: date('stopped_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('case_clocks_name_uq').on(t.caseId, t.name), index('case_clocks_due_idx').on(t.regionCode, t.status, t.dueOn)],
);

/** Who works on a case. Being assigned grants read access whatever the user's data scope. */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id').notNull(),
    role: varchar('role', { length: 20 }).notNull(),
    regionCode: regionCode(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId, t.role] }), index('case_assignments_user_idx').on(t.userId)],
);
