import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { orgStatuses, orgTypes, type OrgStatus, type OrgType } from '../../../contracts/labels.ts';
import { id, regionCode, rowMeta } from '../db/columns.ts';

/** GB/T 2260 administrative divisions known to the deployment (a Citus reference table). */
export const regions = pgTable('regions', {
  code: varchar('code', { length: 6 }).primaryKey(),
  name: varchar('name', { length: 50 }).notNull(),
  /** 1 province, 2 prefecture city, 3 county */
  level: smallint('level').notNull(),
  parentCode: varchar('parent_code', { length: 6 }),
});

export { orgStatuses, orgTypes, type OrgStatus, type OrgType };

/**
 * The organisation tree of a region. `path` is the materialised chain of ancestor ids ("/a/b/c/"),
 * so that a subtree is one indexed prefix match; moving a node rewrites its subtree's paths.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    regionCode: regionCode(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    code: varchar('code', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    shortName: varchar('short_name', { length: 50 }),
    type: varchar('type', { length: 20 }).$type<OrgType>().notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    contactPerson: varchar('contact_person', { length: 50 }),
    contactPhone: varchar('contact_phone', { length: 30 }),
    address: varchar('address', { length: 200 }),
    status: varchar('status', { length: 10 }).$type<OrgStatus>().notNull().default('active'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex('organisations_region_code_uq').on(t.regionCode, t.code),
    uniqueIndex('organisations_credit_code_uq').on(t.creditCode).where(sql`${t.creditCode} is not null`),
    index('organisations_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('organisations_parent_idx').on(t.parentId),
  ],
);
