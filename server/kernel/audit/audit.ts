import { eq, sql } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../auth/actor.ts';
import { sm3 } from '../crypto/sm.ts';
import type { Queryable } from '../db/db.ts';
import { auditChainHeads, auditLog } from './audit.tables.ts';

/** The chain of deployment-wide actions (logins of users of no region, settings). */
export const GLOBAL_CHAIN = '000000';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  /** The region whose chain records the row; defaults to the actor's region. */
  regionCode?: string;
  orgId?: string;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditWho {
  actor: Actor | null;
  meta: RequestMeta;
  /** For actions without a signed-in actor (failed logins): the name that was tried. */
  actorName?: string;
}

/** Fields covered by the hash, in a fixed order; jsonb values are canonicalised (sorted keys). */
export function rowDigest(row: {
  chain: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  prevHash: string;
}): string {
  return sm3(
    canonicalJson([
      row.chain,
      row.seq,
      row.at.toISOString(),
      row.actorId,
      row.actorName,
      row.ip,
      row.userAgent,
      row.action,
      row.entityType,
      row.entityId,
      row.orgId,
      row.before ?? null,
      row.after ?? null,
      row.detail ?? null,
      row.prevHash,
    ]),
  );
}

/** JSON with object keys sorted, so that jsonb's reordering does not change the digest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  return value;
}

/**
 * Appends one audit row inside the caller's transaction. The chain head row is locked, so rows of one
 * chain are numbered without gaps in commit order; a rolled-back write leaves no audit row.
 */
export async function writeAudit(tx: Queryable, at: Date, who: AuditWho, entry: AuditEntry): Promise<void> {
  const chain = entry.regionCode ?? who.actor?.regionCode ?? GLOBAL_CHAIN;
  await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain)).for('update');
  if (!head) throw new Error(`audit chain ${chain} has no head`);
  const row = {
    chain,
    seq: head.seq + 1,
    at,
    actorId: who.actor?.userId ?? null,
    actorName: who.actor?.username ?? who.actorName ?? null,
    ip: who.meta.ip?.slice(0, 64) ?? null,
    userAgent: who.meta.userAgent?.slice(0, 300) ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    orgId: entry.orgId ?? null,
    before: jsonSafe(entry.before),
    after: jsonSafe(entry.after),
    detail: jsonSafe(entry.detail),
    prevHash: head.hash,
  };
  const hash = rowDigest(row);
  await tx.insert(auditLog).values({ ...row, hash });
  await tx
    .update(auditChainHeads)
    .set({ seq: row.seq, hash })
    .where(sql`${auditChainHeads.chain} = ${chain}`);
}

/** What is stored is what is hashed: round-trip through canonical JSON (Dates become strings). */
function jsonSafe(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(canonicalJson(value));
}
