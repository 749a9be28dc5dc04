import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { getSecuritySettings } from '../config/settings.ts';
import { sm3 } from '../crypto/sm.ts';
import type { Queryable } from '../db/db.ts';
import type { RequestMeta } from './actor.ts';
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
  | { ok: true; sessionId: string; userId: string; csrfToken: string }
  | { ok: false; reason: 'unknown' | 'revoked' | 'idle' | 'absolute' };

/** Validates a session token against the idle and absolute timeouts, touching it when still valid. */
export async function checkSession(db: Queryable, clock: Clock, token: string): Promise<SessionCheck> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, sm3(token)));
  if (!row) return { ok: false, reason: 'unknown' };
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
  return { ok: true, sessionId: row.id, userId: row.userId, csrfToken: row.csrfToken };
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

/** Resolves a bearer token to its service user, if valid now. */
export async function checkApiToken(db: Queryable, clock: Clock, token: string): Promise<{ tokenId: string; userId: string } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, status: users.status })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sm3(token)));
  const now = clock.now();
  if (!row || row.revokedAt || row.status !== 'active' || (row.expiresAt && row.expiresAt <= now)) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return { tokenId: row.id, userId: row.userId };
}
