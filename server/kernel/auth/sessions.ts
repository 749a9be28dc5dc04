import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { getSecuritySettings } from '../config/settings.ts';
import { sm3 } from '../crypto/sm.ts';
import type { Queryable } from '../db/db.ts';
import { StatementCache } from '../db/statements.ts';
import { organisations } from '../org/org.tables.ts';
import type { Actor, RequestMeta } from './actor.ts';
import { actorColumns, toActor } from './actor.repository.ts';
import { apiTokens, sessions, users } from './auth.tables.ts';

export const SESSION_COOKIE = 'fazhi_session';
export const CSRF_COOKIE = 'fazhi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** lastSeenAt is written at most this often, so that reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Queryable, clock: Clock, userId: string, meta: RequestMeta): Promise<NewSession> {
  const policy = await getSecuritySettings(db);
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteTimeoutHours * 3_600_000);
  const [row] = await db
    .insert(sessions)
    .values({
      tokenHash: sm3(token),
      csrfToken,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip?.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300),
    })
    .returning({ id: sessions.id });
  return { id: row!.id, token, csrfToken, expiresAt };
}

export type SessionCheck =
  | { ok: true; sessionId: string; userId: string; csrfToken: string; actor: Actor | null }
  | { ok: false; reason: 'unknown' | 'revoked' | 'idle' | 'absolute' };

const sessionQuery = (db: Queryable) =>
  db
    .select({ session: sessions, actor: actorColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('fazhi_check_session');

/** Every request runs it: built once per database handle. */
const sessionStatements = new StatementCache<ReturnType<typeof sessionQuery>>(1);
const sessionStatement = (db: Queryable) => sessionStatements.get(db, 'session', () => sessionQuery(db));

/**
 * Validates a session token against the idle and absolute timeouts, touching it when still valid, and
 * loads its user as an actor (null when the account is no longer active) in the same query.
 */
export async function checkSession(db: Queryable, clock: Clock, token: string): Promise<SessionCheck> {
  const [found] = await sessionStatement(db).execute({ tokenHash: sm3(token) });
  if (!found) return { ok: false, reason: 'unknown' };
  const row = found.session;
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  const now = clock.now();
  const policy = await getSecuritySettings(db);
  if (now.getTime() >= row.expiresAt.getTime()) return { ok: false, reason: 'absolute' };
  if (now.getTime() - row.lastSeenAt.getTime() >= policy.idleTimeoutMinutes * 60_000) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, row.id));
    return { ok: false, reason: 'idle' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return { ok: true, sessionId: row.id, userId: row.userId, csrfToken: row.csrfToken, actor: toActor(found.actor) };
}

export async function revokeSession(db: Queryable, clock: Clock, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: clock.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** "Log out everywhere", and what a password change or reset does to the other sessions. */
export async function revokeUserSessions(db: Queryable, clock: Clock, userId: string, exceptSessionId?: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: clock.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  const others = revoked.filter((r) => r.id !== exceptSessionId);
  if (exceptSessionId && others.length !== revoked.length) {
    await db.update(sessions).set({ revokedAt: null }).where(eq(sessions.id, exceptSessionId));
  }
  return others.length;
}

export const API_TOKEN_PREFIX = 'fzt_';

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: sm3(token), prefix: token.slice(0, 12) };
}

/** Resolves a bearer token to its service user as an actor, if valid now. */
export async function checkApiToken(db: Queryable, clock: Clock, token: string): Promise<{ tokenId: string; actor: Actor | null } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt, actor: actorColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(apiTokens.tokenHash, sm3(token)));
  const now = clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { tokenId: row.id, actor: toActor(row.actor) };
}
