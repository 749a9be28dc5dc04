import { boolean, date, index, integer, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/**
 * A 依申请公开 application beside the kernel's `cases` row (same id; cases.org_id is the agency that
 * answers it). Written only inside the case's transitions and its registration.
 */
export const disclosureRequests = pgTable(
  'disclosure_requests',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** contracts/disclosure.ts disclosureChannels */
    channel: varchar('channel', { length: 16 }).notNull(),
    /** 条例 第三十一条: the receipt date by the channel's rule; the reply period runs from it. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Table 三's column: contracts/disclosure.ts applicantKinds. */
    applicantKind: varchar('applicant_kind', { length: 16 }).notNull(),
    applicantName: varchar('applicant_name', { length: 100 }).notNull(),
    /** ID number or unified credit code, SM4-sealed; lists show the mask. */
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMask: varchar('applicant_id_mask', { length: 24 }),
    applicantPhoneEnc: text('applicant_phone_enc'),
    applicantPhoneMask: varchar('applicant_phone_mask', { length: 16 }),
    applicantAddressEnc: text('applicant_address_enc'),
    applicantEmail: varchar('applicant_email', { length: 100 }),
    /** 所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述 (第二十九条). */
    description: text('description').notNull(),
    purpose: text('purpose'),
    /** paper 纸质 / electronic 电子; how to get it: pickup 自行领取 / mail 邮寄 / email / online 网上获取. */
    deliveryForm: varchar('delivery_form', { length: 12 }),
    deliveryMethod: varchar('delivery_method', { length: 12 }),
    /** The one table-三 leaf row (contracts/disclosure.ts disclosureOutcomes); null until answered. */
    outcome: varchar('outcome', { length: 24 }),
    /** The reply's reasons and legal basis, as written in the reply letter. */
    outcomeReason: text('outcome_reason'),
    /** 不属于本机关: the agency named to the applicant (第三十六条第五项). */
    referredTo: varchar('referred_to', { length: 100 }),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyNo: varchar('reply_no', { length: 60 }),
    /** The reply letter (.docx/.pdf) in the file store. */
    replyFileId: uuid('reply_file_id'),
    extended: boolean('extended').notNull().default(false),
    /** 信息处理费 (国办函〔2020〕109号), in fen; pages for 按量计收. */
    feeFen: integer('fee_fen'),
    feeNoticedOn: date('fee_noticed_on', { mode: 'string' }),
    feePaidOn: date('fee_paid_on', { mode: 'string' }),
    pages: integer('pages'),
    /** SM3 of the portal verification (last 6 of the ID number): the tracking code alone reveals nothing. */
    trackingSecret: varchar('tracking_secret', { length: 64 }),
    /** The 补正 notice's items and the applicant's correction text, and similar step details. */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('disclosure_requests_received_idx').on(t.regionCode, t.receivedOn), index('disclosure_requests_outcome_idx').on(t.regionCode, t.repliedOn, t.outcome)],
);

/** 征求意见: a third party (第三十二条) or another agency (第三十四条); 15 working days, excluded from the reply period. */
export const disclosureConsultations = pgTable(
  'disclosure_consultations',
  {
    id: id(),
    regionCode: regionCode(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** thirdParty 第三方 / agency 其他机关 */
    kind: varchar('kind', { length: 12 }).notNull(),
    partyName: varchar('party_name', { length: 100 }).notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** consent 同意 / object 不同意 / silent 逾期未答复（机关视为同意） */
    opinion: varchar('opinion', { length: 12 }),
    note: text('note'),
    ...rowMeta(),
  },
  (t) => [index('disclosure_consultations_case_idx').on(t.caseId)],
);
