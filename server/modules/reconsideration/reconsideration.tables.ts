import { boolean, date, index, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { regionCode } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * A 行政复议 case's own fields beside the kernel's `cases` row (same id). Written only inside the
 * case's transitions (and its registration), so the case row's lock and version protect it.
 */
export const reconsiderationCases = pgTable(
  'reconsideration_cases',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** window 窗口 / mail 邮寄 / online 网上 / other (fax, transferred …) */
    channel: varchar('channel', { length: 12 }).notNull(),
    /** 复议法 第二十二条 and the channel's receipt rule: the day the 复议机构 received it. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** person 自然人 / company 法人 / organisation 其他组织 */
    applicantType: varchar('applicant_type', { length: 12 }).notNull(),
    applicantName: varchar('applicant_name', { length: 100 }).notNull(),
    /** ID number or credit code, SM4-sealed; the mask is what lists show. */
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMask: varchar('applicant_id_mask', { length: 24 }),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMask: varchar('applicant_phone_mask', { length: 16 }),
    applicantAddress: varchar('applicant_address', { length: 200 }),
    /** 被申请人: an organisation in Fazhi. */
    respondentOrgId: uuid('respondent_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The kind of act challenged (行政处罚, 政府信息公开 …): statistics and the simple-procedure check. */
    actCategory: varchar('act_category', { length: 20 }).notNull(),
    actDescription: text('act_description').notNull(),
    /** The challenged act's own case in Fazhi (a 行政处罚 decision), when it was made there. */
    challengedCaseId: uuid('challenged_case_id').references(() => cases.id),
    requests: text('requests').notNull(),
    facts: text('facts'),
    /** ordinary 普通程序 / simple 简易程序, set on acceptance (复议法 第五十三条). */
    procedure: varchar('procedure', { length: 10 }),
    simpleGround: varchar('simple_ground', { length: 20 }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    /** Not refused within the 5 working days: accepted by law (复议法 第三十条第三款). */
    deemedAccepted: boolean('deemed_accepted').notNull().default(false),
    /** How the case ended: a decision type, mediation, termination, refusal or withdrawal. */
    outcome: varchar('outcome', { length: 20 }),
    /** 终止 ground (复议法 第四十一条) or 中止 ground while suspended (第三十九条). */
    terminationGround: varchar('termination_ground', { length: 20 }),
    /** 撤销/确认违法 with an order to the respondent to act again (第六十四条). */
    reDecisionOrdered: boolean('re_decision_ordered'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNo: varchar('decision_no', { length: 60 }),
    /** SM3 of the portal verification (last 6 of the ID number or phone): the tracking code alone reveals nothing. */
    trackingSecret: varchar('tracking_secret', { length: 64 }),
    /** What the applicant wrote when correcting online, and the notice's items. */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('reconsideration_respondent_idx').on(t.respondentOrgId), index('reconsideration_outcome_idx').on(t.regionCode, t.outcome)],
);

/**
 * 行政复议意见书 (第七十六条) and 附带审查 of a 规范性文件 (第十三条、第五十六至六十条): cases of their own
 * (their own clocks in the 待办 list) following from a 复议 case (cases.parent_id).
 */
export const reconsiderationFollowUps = pgTable('reconsideration_follow_ups', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id),
  regionCode: regionCode(),
  /** opinion 意见书 / review 附带审查 */
  kind: varchar('kind', { length: 10 }).notNull(),
  /** The organisation that must act: the respondent (意见书) or the document's maker (附带审查). */
  targetOrgId: uuid('target_org_id').references(() => organisations.id),
  /** The reviewed 规范性文件: title and 文号 (issue 4 links the registry record). */
  documentTitle: varchar('document_title', { length: 200 }),
  documentNo: varchar('document_no', { length: 60 }),
  /** 附带审查: the reviewed document's record in the 规范性文件 registry (its case id), when it is registered. */
  normativeDocumentId: uuid('normative_document_id').references(() => cases.id),
  /** 意见书: the problems and what to correct; 附带审查: the applicant's grounds. */
  content: text('content').notNull(),
  /** 附带审查: legal / illegal (停止执行, 责令修改 …); 意见书: reported correction. */
  result: varchar('result', { length: 20 }),
  resultText: text('result_text'),
});
