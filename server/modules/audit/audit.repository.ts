import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import type { AuditFilter, AuditRow } from './audit.schemas.ts';

/**
 * Audit rows within the auditor's scope: region = the rows of the auditor's region chain, all = every
 * chain; narrower scopes see the rows about organisations in them.
 */
export function auditScope(actor: Actor, scope: DataScope): SQL {
  return scopeCondition(actor, scope, {
    orgId: auditLog.orgId,
    orgPath: sql`(select o.path from organisations o where o.id = "audit_log"."org_id")`,
    regionCode: auditLog.chain,
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => '\\' + c);

/** A bare day is the whole day in Beijing time (UTC+8 all year). */
const startOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);
const endOf = (value: string) =>
  value.length === 10 ? new Date(new Date(`${value}T00:00:00+08:00`).getTime() + 86_400_000) : new Date(new Date(value).getTime() + 1);

function conditions(scope: SQL, filter: AuditFilter): SQL | undefined {
  return and(
    scope,
    filter.from ? gte(auditLog.at, startOf(filter.from)) : undefined,
    filter.to ? lt(auditLog.at, endOf(filter.to)) : undefined,
    filter.actor ? sql`${auditLog.actorName} ilike ${'%' + escapeLike(filter.actor) + '%'}` : undefined,
    filter.action ? sql`(${auditLog.action} = ${filter.action} or ${auditLog.action} like ${escapeLike(filter.action) + '.%'})` : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.chain ? eq(auditLog.chain, filter.chain) : undefined,
  );
}

const columns = {
  chain: auditLog.chain,
  seq: auditLog.seq,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  orgId: auditLog.orgId,
  orgName: organisations.name,
  before: auditLog.before,
  after: auditLog.after,
  detail: auditLog.detail,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

/** Newest first. */
export async function findAuditRows(db: Queryable, scope: SQL, filter: AuditFilter, limit: number, offset = 0): Promise<AuditRow[]> {
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
    .where(conditions(scope, filter))
    .orderBy(desc(auditLog.at), desc(auditLog.seq), desc(auditLog.chain))
    .limit(limit)
    .offset(offset);
}

export async function countAuditRows(db: Queryable, scope: SQL, filter: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(conditions(scope, filter));
  return row?.n ?? 0;
}
