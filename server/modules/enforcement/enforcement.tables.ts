import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, regionCode, rowMeta } from '../../kernel/db/columns.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import type { BodyKind, CertificateStatus, DiscretionLevel, EnforcementField, LeniencyList, MatterCategory } from '../../../contracts/enforcement.ts';

/** 执法主体: an organisation (or a unit of it) that enforces in its own name, on its legal basis. */
export const enforcementBodies = pgTable(
  'enforcement_bodies',
  {
    id: id(),
    regionCode: regionCode(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: varchar('name', { length: 100 }).notNull(),
    kind: varchar('kind', { length: 12 }).$type<BodyKind>().notNull(),
    /** 执法领域 (contracts/enforcement.ts), several for a 综合执法 body. */
    fields: text('fields').array().$type<EnforcementField[]>().notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** For an entrusted body: the organisation that entrusted it. */
    entrustedById: uuid('entrusted_by_id').references(() => organisations.id),
    status: varchar('status', { length: 10 }).notNull().default('active'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('enforcement_bodies_name_uq').on(t.regionCode, t.name), index('enforcement_bodies_org_idx').on(t.orgId)],
);

/**
 * 行政执法人员: a person of a body. Personal data stays with staff; the portal's 亮证 listing shows
 * name, certificate number, body and field only. `userId` links an officer who signs in to Fazhi.
 */
export const enforcementOfficers = pgTable(
  'enforcement_officers',
  {
    id: id(),
    regionCode: regionCode(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => enforcementBodies.id),
    /** The body's organisation, copied for data scope. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: varchar('name', { length: 50 }).notNull(),
    userId: uuid('user_id'),
    position: varchar('position', { length: 50 }),
    /** 法律职业资格 (certificate number): needed to sign a first 法制审核 (行政处罚法 第五十八条第二款). */
    legalQualificationNo: varchar('legal_qualification_no', { length: 40 }),
    status: varchar('status', { length: 10 }).notNull().default('active'),
    ...rowMeta(),
  },
  (t) => [index('enforcement_officers_body_idx').on(t.bodyId), index('enforcement_officers_org_idx').on(t.orgId), index('enforcement_officers_user_idx').on(t.userId)],
);

/**
 * 行政执法证: one row per certificate issued; a replacement (换证) is a new row naming the one it
 * replaces, which becomes `replaced`. Expiry is computed from valid_until.
 */
export const enforcementCertificates = pgTable(
  'enforcement_certificates',
  {
    id: id(),
    regionCode: regionCode(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    certificateNo: varchar('certificate_no', { length: 40 }).notNull(),
    field: varchar('field', { length: 20 }).$type<EnforcementField>().notNull(),
    issuer: varchar('issuer', { length: 100 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 10 }).$type<CertificateStatus>().notNull().default('valid'),
    statusReason: text('status_reason'),
    replacesId: uuid('replaces_id'),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex('enforcement_certificates_no_uq').on(t.regionCode, t.certificateNo),
    index('enforcement_certificates_officer_idx').on(t.officerId),
    index('enforcement_certificates_valid_idx').on(t.regionCode, t.status, t.validUntil),
  ],
);

/** Training attended (纲要: ≥ 60 hours per officer per year). */
export const enforcementTrainings = pgTable(
  'enforcement_trainings',
  {
    id: id(),
    regionCode: regionCode(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    attendedOn: date('attended_on', { mode: 'string' }).notNull(),
    course: varchar('course', { length: 200 }).notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    ...rowMeta(),
  },
  (t) => [index('enforcement_trainings_officer_idx').on(t.officerId, t.attendedOn)],
);

/** 执法事项: an item of the 权责清单 that a body enforces, with its legal basis. */
export const enforcementMatters = pgTable(
  'enforcement_matters',
  {
    id: id(),
    regionCode: regionCode(),
    code: varchar('code', { length: 40 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    category: varchar('category', { length: 12 }).$type<MatterCategory>().notNull(),
    field: varchar('field', { length: 20 }).$type<EnforcementField>().notNull(),
    /** The organisation the matter belongs to (its department). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** 违法依据 / 设定依据 and 处罚依据. */
    legalBasis: text('legal_basis').notNull(),
    penaltyBasis: text('penalty_basis'),
    status: varchar('status', { length: 10 }).notNull().default('active'),
    ...rowMeta(),
  },
  (t) => [uniqueIndex('enforcement_matters_code_uq').on(t.regionCode, t.code), index('enforcement_matters_org_idx').on(t.orgId), index('enforcement_matters_field_idx').on(t.regionCode, t.field)],
);

/** 行政处罚裁量基准: for a matter, a violation under given circumstances and the penalty range. */
export const discretionBenchmarks = pgTable(
  'discretion_benchmarks',
  {
    id: id(),
    regionCode: regionCode(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => enforcementMatters.id),
    violation: text('violation').notNull(),
    circumstances: text('circumstances').notNull(),
    level: varchar('level', { length: 10 }).$type<DiscretionLevel>().notNull(),
    /** Fine range in yuan; both null when the level imposes no fine. */
    fineMin: numeric('fine_min', { precision: 14, scale: 2, mode: 'number' }),
    fineMax: numeric('fine_max', { precision: 14, scale: 2, mode: 'number' }),
    /** Other penalties in the range, e.g. 警告、没收违法所得. */
    otherPenalties: text('other_penalties'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...rowMeta(),
  },
  (t) => [index('discretion_benchmarks_matter_idx').on(t.matterId, t.sortOrder)],
);

/** An entry of a 首违不罚 / 轻微违法不予处罚 / 从轻减轻 list: a matter and the conditions. */
export const leniencyItems = pgTable(
  'leniency_items',
  {
    id: id(),
    regionCode: regionCode(),
    list: varchar('list', { length: 16 }).$type<LeniencyList>().notNull(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => enforcementMatters.id),
    conditions: text('conditions').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    status: varchar('status', { length: 10 }).notNull().default('active'),
    ...rowMeta(),
  },
  (t) => [index('leniency_items_matter_idx').on(t.matterId, t.list)],
);

/** 乡镇综合行政执法: a department's matter delegated to a township, from a day (until another, if revoked). */
export const townshipDelegations = pgTable(
  'township_delegations',
  {
    id: id(),
    regionCode: regionCode(),
    townshipOrgId: uuid('township_org_id')
      .notNull()
      .references(() => organisations.id),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => enforcementMatters.id),
    fromOrgId: uuid('from_org_id')
      .notNull()
      .references(() => organisations.id),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
    /** The document that delegated it, e.g. 岳政发〔2021〕5号. */
    documentNo: varchar('document_no', { length: 60 }),
    ...rowMeta(),
  },
  (t) => [
    index('township_delegations_township_idx').on(t.townshipOrgId),
    uniqueIndex('township_delegations_active_uq').on(t.townshipOrgId, t.matterId).where(sql`${t.until} is null`),
  ],
);
