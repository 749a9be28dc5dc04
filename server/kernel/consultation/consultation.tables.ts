import { date, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../db/columns.ts';
import { organisations } from '../org/org.tables.ts';

/**
 * A draft published on the portal for public comment (公众参与): a 规范性文件 draft, a major decision's
 * draft and its explanation. The module that owns the draft opens it; the portal shows it while
 * today is within opensOn..closesOn and it was not closed early.
 */
export const publicConsultations = pgTable(
  'public_consultations',
  {
    id: id(),
    regionCode: regionCode(),
    /** The owning record, e.g. normative_document / decision and its case id. */
    entityType: varchar('entity_type', { length: 40 }).notNull(),
    entityId: uuid('entity_id').notNull(),
    /** The organisation that asks for comments (the drafting unit). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    title: varchar('title', { length: 200 }).notNull(),
    /** 起草说明: what the draft does and why, shown with it. */
    explanation: text('explanation').notNull(),
    /** The draft's text, shown on the portal. */
    draftText: text('draft_text'),
    /** Attachments offered for download (kernel/files ids). */
    fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** Why the period is shorter than the rule's minimum (重大行政决策程序暂行条例 第十五条), shown publicly. */
    shortenedReason: text('shortened_reason'),
    /** Closed before closesOn (withdrawn draft); comments are no longer accepted. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Why it was closed early, shown publicly with the period. */
    closedReason: text('closed_reason'),
    ...rowMeta(),
  },
  (t) => [index('public_consultations_entity_idx').on(t.entityType, t.entityId), index('public_consultations_open_idx').on(t.regionCode, t.closesOn)],
);

export const moderationStates = ['pending', 'approved', 'rejected'] as const;
export type ModerationState = (typeof moderationStates)[number];

/** 采纳情况 of a comment, the input of the adoption statement (采纳情况说明). */
export const adoptionStates = ['adopted', 'partly', 'notAdopted'] as const;
export type AdoptionState = (typeof adoptionStates)[number];

/** A comment from the public; shown on the portal only once a moderator approved it. */
export const publicComments = pgTable(
  'public_comments',
  {
    id: id(),
    regionCode: regionCode(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => publicConsultations.id),
    authorName: varchar('author_name', { length: 64 }).notNull(),
    /** Phone or e-mail, SM4-encrypted (kernel/crypto); never shown on the portal. */
    contactCipher: text('contact_cipher'),
    /** What the console shows without consultation.personal (138****1234, z***@example.com). */
    contactMask: varchar('contact_mask', { length: 80 }),
    content: text('content').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** HMAC of the client address, for rate limiting without keeping the address. */
    clientKey: varchar('client_key', { length: 64 }),
    moderation: varchar('moderation', { length: 10 }).$type<ModerationState>().notNull().default('pending'),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    rejectReason: varchar('reject_reason', { length: 200 }),
    adoption: varchar('adoption', { length: 12 }).$type<AdoptionState>(),
    adoptionNote: text('adoption_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('public_comments_consultation_idx').on(t.consultationId, t.moderation, t.submittedAt), index('public_comments_client_idx').on(t.clientKey, t.submittedAt)],
);
