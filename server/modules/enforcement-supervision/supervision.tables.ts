import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import type { EnforcementField, EvaluationFileState, EvaluationGrade, InspectionResult } from '../../../contracts/enforcement.ts';
import { enforcementBodies, enforcementMatters } from '../enforcement/enforcement.tables.ts';

/**
 * 专项整治: a campaign (e.g. 涉砂涉矿, 食品安全"护苗") that groups inspections and cases; its results are
 * counted from them.
 */
export const specialCampaigns = pgTable(
  'special_campaigns',
  {
    id: id(),
    regionCode: regionCode(),
    title: varchar('title', { length: 200 }).notNull(),
    field: varchar('field', { length: 20 }).$type<EnforcementField>().notNull(),
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    description: text('description').notNull().default(''),
    ...rowMeta(),
  },
  (t) => [index('special_campaigns_region_idx').on(t.regionCode, t.startsOn)],
);

/**
 * 行政检查: one inspection of one target on one day. The largest table of Fazhi (millions per province),
 * so narrow, append-mostly, and counted by the indexes below.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    bodyId: uuid('body_id').references(() => enforcementBodies.id),
    matterId: uuid('matter_id').references(() => enforcementMatters.id),
    field: varchar('field', { length: 20 }).$type<EnforcementField>().notNull(),
    campaignId: uuid('campaign_id').references(() => specialCampaigns.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    targetName: varchar('target_name', { length: 100 }).notNull(),
    /** What kind of place or business, e.g. 农资经营店, 学校食堂: campaigns count targets by it. */
    targetType: varchar('target_type', { length: 40 }),
    targetCreditCode: varchar('target_credit_code', { length: 18 }),
    place: varchar('place', { length: 200 }),
    result: varchar('result', { length: 16 }).$type<InspectionResult>().notNull(),
    /** 责令整改通知书 issued. */
    rectificationOrdered: boolean('rectification_ordered').notNull().default(false),
    hazardsFound: integer('hazards_found').notNull().default(0),
    /** The 行政处罚 case it led to. */
    caseId: uuid('case_id').references(() => cases.id),
    /** 关停、取缔 (a den or an illegal business closed) and 拆除 (illegal works demolished). */
    placeClosed: boolean('place_closed').notNull().default(false),
    demolished: boolean('demolished').notNull().default(false),
    /** 执法文书 issued on the spot (e.g. 卫生监督意见书), counted by the health campaigns. */
    documentsIssued: integer('documents_issued').notNull().default(0),
    transferredToJudiciary: boolean('transferred_to_judiciary').notNull().default(false),
    officerNames: varchar('officer_names', { length: 100 }),
    notes: text('notes'),
    /** The Excel import that brought it in, for undoing a wrong file. */
    importId: uuid('import_id'),
    ...rowMeta(),
  },
  (t) => [
    index('inspections_region_day_idx').on(t.regionCode, t.inspectedOn),
    index('inspections_org_day_idx').on(t.orgId, t.inspectedOn),
    index('inspections_campaign_idx').on(t.campaignId),
    // The county's flagged lists and campaign figures read a few percent of its rows (bench/enforcement.ts:
    // whole-county hazards count 19.7 → 2.3 ms, campaign figure 14.7 → 1.9 ms on 5,000,000 rows).
    index('inspections_hazards_idx').on(t.regionCode, t.inspectedOn).where(sql`${t.hazardsFound} > 0`),
    index('inspections_rectification_idx').on(t.regionCode, t.inspectedOn).where(sql`${t.rectificationOrdered}`),
    index('inspections_region_campaign_idx').on(t.regionCode, t.inspectedOn, t.campaignId).where(sql`${t.campaignId} is not null`),
    // Undoing an import and listing its rows; most rows are entered by hand, so only imported ones are indexed.
    index('inspections_import_idx').on(t.importId).where(sql`${t.importId} is not null`),
  ],
);

/** A 案卷评查 scoring sheet: items with their maximum scores, and the grade thresholds. */
export const evaluationSheets = pgTable('evaluation_sheets', {
  id: id(),
  regionCode: regionCode(),
  name: varchar('name', { length: 100 }).notNull(),
  items: jsonb('items').$type<{ code: string; title: string; maxScore: number; group: string }[]>().notNull(),
  /** Totals at or above: 优秀, 合格 (below: 不合格). */
  excellentFrom: numeric('excellent_from', { precision: 6, scale: 1, mode: 'number' }).notNull(),
  qualifiedFrom: numeric('qualified_from', { precision: 6, scale: 1, mode: 'number' }).notNull(),
  ...rowMeta(),
});

/** A 案卷评查 campaign: which year's closed cases, how many sampled per department, on which sheet. */
export const evaluationCampaigns = pgTable(
  'evaluation_campaigns',
  {
    id: id(),
    regionCode: regionCode(),
    title: varchar('title', { length: 200 }).notNull(),
    year: integer('year').notNull(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => evaluationSheets.id),
    samplePerOrg: integer('sample_per_org').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    ...rowMeta(),
  },
  (t) => [index('evaluation_campaigns_region_idx').on(t.regionCode, t.year)],
);

/** One sampled case file, its scores per sheet item, problems found and their rectification. */
export const evaluationFiles = pgTable(
  'evaluation_files',
  {
    id: id(),
    regionCode: regionCode(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => evaluationCampaigns.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    state: varchar('state', { length: 12 }).$type<EvaluationFileState>().notNull().default('sampled'),
    evaluatorId: uuid('evaluator_id'),
    scores: jsonb('scores').$type<Record<string, number>>(),
    total: numeric('total', { precision: 6, scale: 1, mode: 'number' }),
    grade: varchar('grade', { length: 12 }).$type<EvaluationGrade>(),
    problems: text('problems'),
    rectificationDueOn: date('rectification_due_on', { mode: 'string' }),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    rectificationNote: text('rectification_note'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('evaluation_files_case_uq').on(t.campaignId, t.caseId), index('evaluation_files_org_idx').on(t.campaignId, t.orgId)],
);
