import type { FastifyRequest } from 'fastify';
import type { Actor, RequestMeta } from '../auth/actor.ts';
import { writeAudit, type AuditEntry } from '../audit/audit.ts';
import type { Clock } from '../clock/clock.ts';
import type { Sm4Box } from '../crypto/sm.ts';
import type { Database, Db, Tx } from '../db/db.ts';
import type { AppConfig } from '../config/config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    db: Db;
    clock: Clock;
    sm4: Sm4Box;
    config: AppConfig;
  }
  interface FastifyRequest {
    actor: Actor | null;
    meta: RequestMeta;
  }
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * Every write: one transaction that also appends the audit row, so a change and its audit record
 * commit together or not at all.
 */
export async function write<T>(request: FastifyRequest, work: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  const { db, clock } = request.server;
  return db.transaction(async (tx) => {
    const audit: Audit = (entry) => writeAudit(tx, clock.now(), { actor: request.actor, meta: request.meta }, entry);
    return work(tx, audit);
  });
}

/** Records a read of personal data (shown in clear), in its own small transaction. */
export async function auditRead(request: FastifyRequest, entry: AuditEntry): Promise<void> {
  const { db, clock } = request.server;
  await db.transaction((tx) => writeAudit(tx, clock.now(), { actor: request.actor, meta: request.meta }, entry));
}
