import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * A 行政规范性文件 beside its procedure's `cases` row (same id; the drafting unit is cases.org_id). The
 * procedure's fields are written by its workflow steps; the draft's own fields by the drafting unit
 * while it is drafted. `status` is the legal status once published (null before).
 */
export const normativeDocuments = pgTable(
  'normative_documents',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    title: varchar('title', { length: 200 }).notNull(),
    /** 制定机关: the county government, its office or a department, in whose name it is issued. */
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    draftingExplanation: text('drafting_explanation').notNull().default(''),
    /** 制定依据: the laws and higher documents it rests on. */
    basis: text('basis').notNull().default(''),
    body: text('body').notNull().default(''),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    /** Registered documents this one amends or repeals once published (applied by the publish step). */
    affects: jsonb('affects').$type<{ documentId: string; effect: 'amended' | 'repealed' }[]>().notNull().default([]),
    /** 统一编号, e.g. 岳县政规〔2021〕3号: prefix per issuer, then year and a gapless sequence. */
    docNo: varchar('doc_no', { length: 60 }),
    docYear: integer('doc_year'),
    docSeq: integer('doc_seq'),
    numberedOn: date('numbered_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** Last day in force (有效期), null for documents without a fixed validity. */
    validUntil: date('valid_until', { mode: 'string' }),
    /** 备案: due date (the filing clock's) and the days filed with the 市政府 and the 县人大常委会. */
    filingDueOn: date('filing_due_on', { mode: 'string' }),
    filedWithGovernmentOn: date('filed_with_government_on', { mode: 'string' }),
    filedWithCongressOn: date('filed_with_congress_on', { mode: 'string' }),
    /** Legal status (contracts/normative.ts legalStatuses); 已失效 by expiry is computed from validUntil. */
    status: varchar('status', { length: 10 }),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex('normative_documents_no_uq').on(t.regionCode, t.docNo),
    uniqueIndex('normative_documents_seq_uq').on(t.regionCode, t.issuerOrgId, t.docYear, t.docSeq),
    index('normative_documents_issuer_idx').on(t.issuerOrgId),
    index('normative_documents_published_idx').on(t.regionCode, t.publishedOn),
    index('normative_documents_valid_idx').on(t.regionCode, t.validUntil),
  ],
);

/**
 * Each change of a document's legal status, with the document or clean-up that made it (《…》 amended by
 * 岳县政规〔2022〕2号). Append-only; the document's `status` holds the latest.
 */
export const normativeStatusChanges = pgTable(
  'normative_status_changes',
  {
    id: id(),
    regionCode: regionCode(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => normativeDocuments.caseId),
    status: varchar('status', { length: 10 }).notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    /** The registered document that changed it, if any. */
    byDocumentId: uuid('by_document_id').references(() => normativeDocuments.caseId),
    /** The change's instrument in words when it is not a registered document (a clean-up decision, a higher law). */
    byText: varchar('by_text', { length: 200 }),
    campaignId: uuid('campaign_id'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('normative_status_changes_doc_idx').on(t.documentId, t.changedOn), index('normative_status_changes_by_idx').on(t.byDocumentId)],
);

/** 专项清理: a campaign over chosen documents on given topics (长江保护, 行政处罚法 …). */
export const normativeCampaigns = pgTable(
  'normative_campaigns',
  {
    id: id(),
    regionCode: regionCode(),
    title: varchar('title', { length: 200 }).notNull(),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    /** open / completed / published (contracts/normative.ts campaignStates). */
    state: varchar('state', { length: 10 }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    ...rowMeta(),
  },
  (t) => [index('normative_campaigns_region_idx').on(t.regionCode, t.startedOn)],
);

export const normativeCampaignItems = pgTable(
  'normative_campaign_items',
  {
    id: id(),
    regionCode: regionCode(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => normativeCampaigns.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => normativeDocuments.caseId),
    /** keep / amend / repeal / lapse; null until decided. */
    decision: varchar('decision', { length: 10 }),
    reason: text('reason'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('normative_campaign_items_uq').on(t.campaignId, t.documentId), index('normative_campaign_items_doc_idx').on(t.documentId)],
);
