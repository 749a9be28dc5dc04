import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { AdjustmentKind, CatalogueState, DecisionCategory, ExemptableGate, Gate, GateStatus, MeetingKind, MeetingOutcome, RiskLevel } from '../../../contracts/decisions.ts';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * 决策事项目录 of one government (or, by analogy, a department: 条例 第四十二条) for one year. It is
 * approved with the same-level Party committee's consent and published (第三条第三款); once published,
 * items change only by an adjustment with a written reason, kept and shown publicly.
 */
export const decisionCatalogues = pgTable(
  'decision_catalogues',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    state: varchar('state', { length: 12 }).$type<CatalogueState>().notNull().default('drafted'),
    /** 同级党委同意: the date and its record (文号 or meeting). */
    partyConsentOn: date('party_consent_on', { mode: 'string' }),
    partyConsentRef: varchar('party_consent_ref', { length: 200 }),
    approvedOn: date('approved_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('decision_catalogues_org_year_uq').on(t.orgId, t.year), index('decision_catalogues_region_idx').on(t.regionCode, t.year)],
);

/**
 * An item of a catalogue. `exemptions` names the procedures the item leaves out and the legal ground
 * of each (e.g. 依法不予公开, 条例 第十四条); every other procedure is required.
 */
export const decisionCatalogueItems = pgTable(
  'decision_catalogue_items',
  {
    id: id(),
    regionCode: regionCode(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => decisionCatalogues.id),
    seq: integer('seq').notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    category: varchar('category', { length: 16 }).$type<DecisionCategory>().notNull(),
    /** 承办单位. */
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => organisations.id),
    /** 计划完成时间, as the catalogue states it (e.g. 2021年第三季度). */
    plannedTime: varchar('planned_time', { length: 40 }).notNull(),
    exemptions: jsonb('exemptions').$type<Partial<Record<ExemptableGate, string>>>().notNull().default({}),
    /** Taken out of a published catalogue by an adjustment: kept for its history. */
    removed: boolean('removed').notNull().default(false),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('decision_catalogue_items_seq_uq').on(t.catalogueId, t.seq)],
);

/** 目录调整: one change to a published catalogue, with its written reason (shown on the portal). */
export const decisionCatalogueAdjustments = pgTable(
  'decision_catalogue_adjustments',
  {
    id: id(),
    regionCode: regionCode(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => decisionCatalogues.id),
    seq: integer('seq').notNull(),
    kind: varchar('kind', { length: 8 }).$type<AdjustmentKind>().notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => decisionCatalogueItems.id),
    itemTitle: varchar('item_title', { length: 200 }).notNull(),
    reason: text('reason').notNull(),
    /** The item's fields before and after (null before an addition, after a removal). */
    before: jsonb('before'),
    after: jsonb('after'),
    adjustedOn: date('adjusted_on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: uuid('by'),
  },
  (t) => [uniqueIndex('decision_catalogue_adjustments_seq_uq').on(t.catalogueId, t.seq)],
);

/** Where a procedure stands on a decision: done on a date, or exempted on a stated legal ground. */
export interface GateRecord {
  status: GateStatus;
  on: string | null;
  ground: string | null;
}
export type Gates = Record<Gate, GateRecord>;

/** A major decision beside its `cases` row (same id): cases.org_id is the 承办单位. */
export const decisions = pgTable(
  'decisions',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    catalogueItemId: uuid('catalogue_item_id')
      .notNull()
      .references(() => decisionCatalogueItems.id),
    /** 决策机关: the government (or department) whose meeting decides; the catalogue's organisation. */
    deciderOrgId: uuid('decider_org_id')
      .notNull()
      .references(() => organisations.id),
    category: varchar('category', { length: 16 }).$type<DecisionCategory>().notNull(),
    /** 决策草案及说明 in brief. */
    summary: text('summary').notNull(),
    gates: jsonb('gates').$type<Gates>().notNull(),
    /** The comment round's length and why it is shorter than the rule's minimum (第十五条), shown publicly. */
    commentDays: integer('comment_days'),
    shortenedReason: text('shortened_reason'),
    riskLevel: varchar('risk_level', { length: 8 }).$type<RiskLevel>(),
    riskMeasures: text('risk_measures'),
    legalityConclusion: varchar('legality_conclusion', { length: 20 }),
    /** 向同级党委请示报告 before the decision (第三十一条). */
    partyConsultedOn: date('party_consulted_on', { mode: 'string' }),
    partyConsultationNote: text('party_consultation_note'),
    meetingItemId: uuid('meeting_item_id'),
    meetingKind: varchar('meeting_kind', { length: 12 }).$type<MeetingKind>(),
    meetingOutcome: varchar('meeting_outcome', { length: 16 }).$type<MeetingOutcome>(),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionText: text('decision_text'),
    /** 采纳情况说明 (第三十二条): generated from the comments and experts' opinions, edited by staff. */
    adoptionStatement: text('adoption_statement'),
    documentNo: varchar('document_no', { length: 60 }),
    publishedOn: date('published_on', { mode: 'string' }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex('decisions_catalogue_item_uq').on(t.catalogueItemId),
    index('decisions_decided_idx').on(t.regionCode, t.decidedOn),
    index('decisions_published_idx').on(t.regionCode, t.publishedOn),
  ],
);

/** 专家论证: one expert's opinion and whether it was adopted (第十九条至第二十一条). */
export const decisionExperts = pgTable(
  'decision_experts',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    name: varchar('name', { length: 64 }).notNull(),
    title: varchar('title', { length: 64 }).notNull(),
    affiliation: varchar('affiliation', { length: 100 }).notNull(),
    opinion: text('opinion').notNull(),
    adopted: boolean('adopted').notNull(),
    adoptionNote: text('adoption_note'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('decision_experts_seq_uq').on(t.caseId, t.seq)],
);

/** 听证会 (第十六条、第十七条): when, where, who took part and its record. */
export const decisionHearings = pgTable(
  'decision_hearings',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: varchar('place', { length: 100 }).notNull(),
    participants: text('participants').notNull(),
    record: text('record').notNull(),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('decision_hearings_seq_uq').on(t.caseId, t.seq)],
);
