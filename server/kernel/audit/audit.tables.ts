import { bigint, index, jsonb, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only, SM3 hash-chained. One chain per region (plus '000000' for deployment-wide actions), so
 * writers of different counties do not serialise on one chain head and Citus can co-locate by region.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    chain: varchar('chain', { length: 6 }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 64 }),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
    action: varchar('action', { length: 64 }).notNull(),
    entityType: varchar('entity_type', { length: 64 }),
    entityId: varchar('entity_id', { length: 64 }),
    orgId: uuid('org_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    detail: jsonb('detail'),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chain, t.seq] }),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: varchar('chain', { length: 6 }).primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
});
