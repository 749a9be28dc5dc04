import { asc, desc, eq, sql } from 'drizzle-orm';
import { passwordHistory, roles, userRoles, users } from '../../kernel/auth/auth.tables.ts';
import type { AdminKind } from '../../kernel/auth/auth.tables.ts';
import type { SecuritySettings } from '../../kernel/config/settings.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { organisations } from '../../kernel/org/org.tables.ts';

export async function findLoginUser(db: Queryable, username: string) {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      orgId: users.orgId,
      regionCode: users.regionCode,
      passwordHash: users.passwordHash,
      status: users.status,
      isService: users.isService,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.username, username));
  return user;
}
export type LoginUser = NonNullable<Awaited<ReturnType<typeof findLoginUser>>>;

/**
 * Counts a failed login in one statement, so that concurrent attempts cannot both read the same count
 * and slip past the limit. Reaching the limit locks the account and restarts the count for after the
 * lock. Returns the new count and the lock end (a lock set by this very attempt when it is after now).
 */
export async function recordFailedLogin(tx: Tx, userId: string, now: Date, policy: SecuritySettings) {
  const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
  const reached = sql`${users.failedAttempts} + 1 >= ${policy.maxFailedLogins}`;
  const [row] = await tx
    .update(users)
    .set({
      failedAttempts: sql`case when ${reached} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${until.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
  const lockedNow = !!row?.lockedUntil && row.lockedUntil.getTime() === until.getTime();
  return { failedAttempts: lockedNow ? policy.maxFailedLogins : (row?.failedAttempts ?? 0), lockedUntil: lockedNow ? until : null };
}

export async function recordLogin(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
}

/** The signed-in user's profile, organisation and roles (permissions come from the actor). */
export async function findProfile(db: Queryable, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      orgId: users.orgId,
      orgName: organisations.name,
      regionCode: users.regionCode,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(eq(users.id, userId));
  if (!user) return undefined;
  const roleRows = await db
    .select({ id: roles.id, code: roles.code, name: roles.name, adminKind: roles.adminKind })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(roles.code));
  const adminKind: AdminKind | null = roleRows.find((r) => r.adminKind)?.adminKind ?? null;
  return { ...user, adminKind, roles: roleRows.map(({ id, code, name }) => ({ id, code, name })) };
}

export async function findPasswordState(db: Queryable, userId: string) {
  const [row] = await db
    .select({ username: users.username, passwordHash: users.passwordHash, orgId: users.orgId, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/** The newest `count` retired hashes of the user, newest first. */
export async function retiredPasswordHashes(db: Queryable, userId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(count);
  return rows.map((r) => r.hash);
}

/**
 * Retires the current hash into password_history and stores the new one. The user row is locked first
 * so that two concurrent changes do not both retire the same hash.
 */
export async function storeNewPassword(
  tx: Tx,
  input: { userId: string; passwordHash: string; mustChangePassword: boolean; now: Date; by: string },
): Promise<void> {
  const [current] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).for('update');
  if (!current) return;
  await tx.insert(passwordHistory).values({ userId: input.userId, passwordHash: current.hash });
  await tx
    .update(users)
    .set({
      passwordHash: input.passwordHash,
      passwordChangedAt: input.now,
      mustChangePassword: input.mustChangePassword,
      failedAttempts: 0,
      lockedUntil: null,
      version: sql`${users.version} + 1`,
      updatedAt: input.now,
      updatedBy: input.by,
    })
    .where(eq(users.id, input.userId));
}
