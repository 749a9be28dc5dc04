import { boolean, date, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import type { CaseSource, CoercionKind, EnforcementField, PartyType, PenaltyKind, PenaltyOutcome, PublicationKind, ReviewTrigger } from '../../../contracts/enforcement.ts';
import { discretionBenchmarks, enforcementBodies, enforcementCertificates, enforcementMatters, enforcementOfficers, leniencyItems } from '../enforcement/enforcement.tables.ts';

/**
 * A 行政处罚 case's own fields beside the kernel's `cases` row (same id; the handling organisation is
 * cases.org_id). Written inside the case's transitions, so the case row's lock and version protect it.
 */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => enforcementBodies.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => enforcementMatters.id),
    field: varchar('field', { length: 20 }).$type<EnforcementField>().notNull(),
    /** general 普通程序 / simple 简易程序 (当场处罚, 第五十一条). */
    procedure: varchar('procedure', { length: 10 }).notNull().default('general'),
    source: varchar('source', { length: 12 }).$type<CaseSource>().notNull(),
    /** The inspection that found it, when it came from one. */
    inspectionId: uuid('inspection_id'),
    /** The 专项整治 campaign it belongs to. */
    campaignId: uuid('campaign_id'),
    partyType: varchar('party_type', { length: 12 }).$type<PartyType>().notNull(),
    partyName: varchar('party_name', { length: 100 }).notNull(),
    /** ID number or credit code, SM4-sealed; the mask is what lists and the publicity show. */
    partyIdEnc: text('party_id_enc'),
    partyIdMask: varchar('party_id_mask', { length: 24 }),
    facts: text('facts').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** 首次违法: with a matching 首违不罚 entry the case is flagged (leniencyItemId). */
    firstViolation: boolean('first_violation').notNull().default(false),
    leniencyItemId: uuid('leniency_item_id').references(() => leniencyItems.id),
    /** The proposed penalty (告知) and the benchmark row it is checked against. */
    proposedPenalties: jsonb('proposed_penalties').$type<PenaltyKind[]>().notNull().default([]),
    proposedFine: numeric('proposed_fine', { precision: 14, scale: 2, mode: 'number' }),
    benchmarkId: uuid('benchmark_id').references(() => discretionBenchmarks.id),
    /** Why the proposal leaves the benchmark's range (required when it does). */
    departureReason: text('departure_reason'),
    /** 法制审核 (第五十八条): whether required and why (rule triggers and the reviewer's own). */
    reviewRequired: boolean('review_required').notNull().default(false),
    reviewTriggers: jsonb('review_triggers').$type<ReviewTrigger[]>().notNull().default([]),
    hearingRequested: boolean('hearing_requested').notNull().default(false),
    hearingOn: date('hearing_on', { mode: 'string' }),
    outcome: varchar('outcome', { length: 12 }).$type<PenaltyOutcome>(),
    penalties: jsonb('penalties').$type<PenaltyKind[]>().notNull().default([]),
    fine: numeric('fine', { precision: 14, scale: 2, mode: 'number' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNo: varchar('decision_no', { length: 60 }),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    executedOn: date('executed_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    archivedOn: date('archived_on', { mode: 'string' }),
    /** 卷内目录 of the archived file: each file with its SM3, and the SM3 of the whole index. */
    archiveIndex: jsonb('archive_index').$type<{ files: { fileId: string; name: string; step: string; sm3: string }[]; sm3: string }>(),
    /** 移送司法机关 (涉嫌犯罪). */
    transferredToJudiciary: boolean('transferred_to_judiciary').notNull().default(false),
    /** Set when a 复议 decision or a judgment changed or annulled the decision. */
    correctedByCaseId: uuid('corrected_by_case_id'),
    correctedOn: date('corrected_on', { mode: 'string' }),
  },
  (t) => [
    index('enforcement_cases_region_filed_idx').on(t.regionCode, t.filedOn),
    index('enforcement_cases_body_idx').on(t.bodyId),
    index('enforcement_cases_campaign_idx').on(t.campaignId),
    index('enforcement_cases_field_idx').on(t.regionCode, t.field, t.filedOn),
  ],
);

/**
 * The officers on a case (第四十二条: at least two with 执法资格), each with the certificate that made
 * them eligible when assigned.
 */
export const enforcementCaseOfficers = pgTable(
  'enforcement_case_officers',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    regionCode: regionCode(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => enforcementCertificates.id),
    lead: boolean('lead').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.officerId] }), index('enforcement_case_officers_officer_idx').on(t.officerId)],
);

/**
 * 执法公示 (事后): a decision's publication as a case of its own (caseType enforcement_publicity), so its
 * 7- or 20-working-day clock and the 3-working-day withdrawal clock reach the 待办 list. Content is the
 * masked text the portal shows.
 */
export const enforcementPublications = pgTable(
  'enforcement_publications',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** The enforcement case whose decision it publishes (null for an entered licence or other decision). */
    sourceCaseId: uuid('source_case_id').references(() => cases.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: varchar('kind', { length: 10 }).$type<PublicationKind>().notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    decisionNo: varchar('decision_no', { length: 60 }),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    partyMasked: varchar('party_masked', { length: 100 }).notNull(),
    content: text('content').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    ...rowMeta(),
  },
  (t) => [index('enforcement_publications_source_idx').on(t.sourceCaseId), index('enforcement_publications_published_idx').on(t.regionCode, t.publishedOn)],
);

/** 行政强制措施 and 强制执行 records (行政强制法), with or without a 行政处罚 case. */
export const coerciveMeasures = pgTable(
  'coercive_measures',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => enforcementBodies.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: varchar('kind', { length: 16 }).$type<CoercionKind>().notNull(),
    partyName: varchar('party_name', { length: 100 }).notNull(),
    subject: text('subject').notNull(),
    basis: text('basis').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** 查封、扣押: 30 days, extendable once by 30 with approval (行政强制法 第二十五条). */
    dueOn: date('due_on', { mode: 'string' }),
    extended: boolean('extended').notNull().default(false),
    releasedOn: date('released_on', { mode: 'string' }),
    officerIds: jsonb('officer_ids').$type<string[]>().notNull().default([]),
    ...rowMeta(),
  },
  (t) => [index('coercive_measures_org_idx').on(t.orgId, t.startedOn), index('coercive_measures_case_idx').on(t.caseId)],
);
