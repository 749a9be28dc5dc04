import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * 立法建议: a higher body's request for the county's comments on a draft law or regulation (征求意见),
 * beside its kernel `cases` row (same id). The 司法局 handles it; state and clocks are the kernel's.
 */
export const legislationConsultations = pgTable(
  'legislation_consultations',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** 来文机关, e.g. 岳阳市司法局. */
    fromBody: varchar('from_body', { length: 100 }).notNull(),
    /** 来文标题 (the letter asking for comments). */
    documentTitle: varchar('document_title', { length: 200 }).notNull(),
    /** 来文文号, also cases.case_no. */
    documentNo: varchar('document_no', { length: 60 }),
    /** The draft commented on, e.g. 《地方各级人民代表大会和地方各级人民政府组织法（修正草案）》. */
    draftTitle: varchar('draft_title', { length: 200 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** The date the higher body wants the county's reply by (the case's `reply` clock). */
    replyDueOn: date('reply_due_on', { mode: 'string' }).notNull(),
    summary: text('summary'),
    /** The consolidated reply (汇总意见稿), generated from adopted opinions and edited by the 司法局. */
    consolidatedText: text('consolidated_text'),
    consolidatedOn: date('consolidated_on', { mode: 'string' }),
    replySentOn: date('reply_sent_on', { mode: 'string' }),
    replyDocumentNo: varchar('reply_document_no', { length: 60 }),
    /** Why the reply went before every department answered (the late departments are the lapsed requests). */
    lateReason: text('late_reason'),
  },
  (t) => [index('legislation_consultations_received_idx').on(t.regionCode, t.receivedOn), index('legislation_consultations_sent_idx').on(t.regionCode, t.replySentOn)],
);

/**
 * One department's or township's part in a consultation: a child case (cases.parent_id = the
 * consultation) handled by that organisation, so its staff see it in their 待办 with the reply clock.
 */
export const legislationRequests = pgTable(
  'legislation_requests',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => cases.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** The date the 司法局 asked for the opinion by (a working day). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** 无意见. */
    noOpinion: boolean('no_opinion'),
    opinion: text('opinion'),
    contact: varchar('contact', { length: 100 }),
    late: boolean('late'),
    /** Whether the consolidated reply takes the opinion up; null until the 司法局 decides. */
    adopted: boolean('adopted'),
    adoptionNote: text('adoption_note'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('legislation_requests_org_uq').on(t.consultationId, t.orgId), index('legislation_requests_answered_idx').on(t.regionCode, t.answeredOn)],
);

/** 立法调研: a meeting held for a consultation with departments, townships and business representatives. */
export const legislationResearch = pgTable(
  'legislation_research',
  {
    id: id(),
    regionCode: regionCode(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => cases.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: varchar('place', { length: 100 }),
    /** 县直部门和乡镇 taking part (count; the organisations named where known). */
    orgCount: integer('org_count').notNull().default(0),
    orgNames: text('org_names'),
    /** 企业代表: how many kinds and which, e.g. 建筑类、科技型、外贸商务流通类、制造类. */
    companyKinds: integer('company_kinds').notNull().default(0),
    companyNames: text('company_names'),
    summary: text('summary').notNull(),
    fileIds: text('file_ids').array().notNull().default([]),
    ...rowMeta(),
  },
  (t) => [index('legislation_research_consultation_idx').on(t.consultationId)],
);
