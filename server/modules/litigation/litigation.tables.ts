import { boolean, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/** A 行政应诉 case (one instance of one lawsuit) beside the kernel's `cases` row (same id). */
export const litigationCases = pgTable(
  'litigation_cases',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** first 一审 / appeal 二审 / retrial 再审 */
    instance: varchar('instance', { length: 10 }).notNull(),
    court: varchar('court', { length: 100 }).notNull(),
    /** The court's 案号, e.g. （2021）湘0621行初12号. */
    courtCaseNo: varchar('court_case_no', { length: 60 }),
    plaintiffType: varchar('plaintiff_type', { length: 12 }).notNull(),
    plaintiffName: varchar('plaintiff_name', { length: 100 }).notNull(),
    /** 被告: an organisation in Fazhi. */
    defendantOrgId: uuid('defendant_org_id')
      .notNull()
      .references(() => organisations.id),
    actCategory: varchar('act_category', { length: 20 }).notNull(),
    actDescription: text('act_description').notNull(),
    claims: text('claims'),
    /** 复议后起诉 (the 复议 case is cases.parent_id when it is in Fazhi) or 直接起诉: 年报 table 四. */
    afterReconsideration: boolean('after_reconsideration').notNull().default(false),
    filedOn: date('filed_on', { mode: 'string' }),
    /** 收到起诉状副本: the 15-day defence period runs from it (行政诉讼法 第六十七条). */
    complaintReceivedOn: date('complaint_received_on', { mode: 'string' }).notNull(),
    defenceFiledOn: date('defence_filed_on', { mode: 'string' }),
    /** The challenged act's own case in Fazhi (a 行政处罚 decision of the defendant), when it was made there. */
    challengedCaseId: uuid('challenged_case_id').references(() => cases.id),
    /** 判决/裁定 type, or withdrawn; null while pending. */
    outcome: varchar('outcome', { length: 20 }),
    /** The agency lost (撤销, 确认违法, 履行 …): 败诉率. */
    lost: boolean('lost'),
    judgedOn: date('judged_on', { mode: 'string' }),
    judgmentNo: varchar('judgment_no', { length: 60 }),
    /** The judgment took legal effect (served on appeal; or no appeal within the period): a correction of the act follows from it. */
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** The court summoned the head (最高法 2020 规定 第四条). */
    headSummoned: boolean('head_summoned').notNull().default(false),
  },
  (t) => [index('litigation_defendant_idx').on(t.defendantOrgId), index('litigation_outcome_idx').on(t.regionCode, t.outcome)],
);

/**
 * A hearing and who appeared for the agency (行政诉讼法 第三条第三款; 最高人民法院关于行政机关负责人
 * 出庭应诉若干问题的规定, 2020). The rate's numerator and denominator are taken from these rows.
 */
export const litigationHearings = pgTable(
  'litigation_hearings',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** Who appeared: head 正职 / deputy 副职 / inCharge 分管负责人 / staff 工作人员 / nobody 无人出庭 */
    appearance: varchar('appearance', { length: 10 }).notNull(),
    appearedName: varchar('appeared_name', { length: 64 }),
    appearedTitle: varchar('appeared_title', { length: 64 }),
    /** Why the head did not appear (第八条) and the sealed proof (第九条). */
    excuse: varchar('excuse', { length: 20 }),
    excuseText: text('excuse_text'),
    proofFileId: uuid('proof_file_id'),
    /** 第十二条: one of the five failures, which the court answers with a 司法建议. */
    failure: varchar('failure', { length: 20 }),
    counsel: varchar('counsel', { length: 200 }),
    seq: integer('seq').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    ...rowMeta(),
  },
  (t) => [index('litigation_hearings_case_idx').on(t.caseId)],
);
