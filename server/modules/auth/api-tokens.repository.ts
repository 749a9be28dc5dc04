import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  userId: apiTokens.userId,
  username: users.username,
  displayName: users.displayName,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  createdBy: apiTokens.createdBy,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export function listApiTokens(db: Queryable) {
  return db.select(columns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).orderBy(desc(apiTokens.createdAt), apiTokens.name);
}

export async function findApiToken(db: Queryable, id: string) {
  const [row] = await db.select(columns).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.id, id));
  return row;
}

export async function findTokenUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, status: users.status, isService: users.isService, orgId: users.orgId, regionCode: users.regionCode })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function insertApiToken(
  tx: Tx,
  values: { name: string; userId: string; tokenHash: string; prefix: string; createdAt: Date; createdBy: string; expiresAt: Date | null },
): Promise<string> {
  const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id });
  return row!.id;
}

/** Revocation is one-way; returns false when the token was already revoked. */
export async function revokeApiToken(tx: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
