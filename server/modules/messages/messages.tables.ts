import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';

/** 网民诉求: a citizen's message beside the kernel's `cases` row (same id; cases.org_id answers it). */
export const citizenMessages = pgTable(
  'citizen_messages',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    regionCode: regionCode(),
    /** portal 门户网站 / hotline 12345 / mailbox 书记县长信箱 / other: the reply period is set per channel. */
    channel: varchar('channel', { length: 16 }).notNull(),
    /** 咨询 / 建议 / 投诉 / 求助 … */
    category: varchar('category', { length: 16 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The coordinating organisation that took the message in: a mis-routed message goes back to it. */
    intakeOrgId: uuid('intake_org_id')
      .notNull()
      .references(() => organisations.id),
    citizenName: varchar('citizen_name', { length: 60 }),
    citizenPhoneEnc: text('citizen_phone_enc'),
    citizenPhoneMask: varchar('citizen_phone_mask', { length: 16 }),
    content: text('content').notNull(),
    /** The citizen agreed that the message and its reply be shown on the portal. */
    publicConsent: boolean('public_consent').notNull().default(false),
    published: boolean('published').notNull().default(false),
    /** The text shown on the portal: the message as published, personal details taken out by staff. */
    publicContent: text('public_content'),
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    /** satisfied 满意 / basic 基本满意 / unsatisfied 不满意 */
    satisfaction: varchar('satisfaction', { length: 12 }),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    trackingSecret: varchar('tracking_secret', { length: 64 }),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('citizen_messages_received_idx').on(t.regionCode, t.receivedAt), index('citizen_messages_public_idx').on(t.regionCode, t.published, t.repliedOn)],
);

/** 网上调查: a questionnaire open on the portal for a window. */
export const surveys = pgTable('surveys', {
  id: id(),
  regionCode: regionCode(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  title: varchar('title', { length: 200 }).notNull(),
  description: text('description'),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  /** draft 草稿 / published 已发布 / withdrawn 已撤回 (open or closed follows from the window) */
  status: varchar('status', { length: 12 }).notNull(),
  /** Closed surveys show their results on the portal only when staff choose so. */
  resultsPublic: boolean('results_public').notNull().default(false),
  /** Per-survey HMAC key of survey_responses.client_hash: the same address gives unrelated digests in two surveys. */
  salt: varchar('salt', { length: 64 }).notNull(),
  ...rowMeta(),
});

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: id(),
    regionCode: regionCode(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    seq: integer('seq').notNull(),
    /** single 单选 / multiple 多选 / text 填空 */
    kind: varchar('kind', { length: 10 }).notNull(),
    prompt: varchar('prompt', { length: 300 }).notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(true),
  },
  (t) => [index('survey_questions_survey_idx').on(t.surveyId, t.seq)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    regionCode: regionCode(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The Beijing day of submission: one response per client, survey and day (unique). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** HMAC-SM3 of the client address with a per-survey salt: limits ballot stuffing without storing the address. */
    clientHash: varchar('client_hash', { length: 64 }).notNull(),
  },
  (t) => [uniqueIndex('survey_responses_client_day_uq').on(t.surveyId, t.clientHash, t.submittedOn)],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: id(),
    regionCode: regionCode(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id),
    optionIndex: integer('option_index'),
    text: text('text'),
  },
  (t) => [index('survey_answers_question_idx').on(t.questionId, t.optionIndex)],
);
