import { and, eq, sql } from 'drizzle-orm';
import { SECURITY_SETTINGS_KEY, SecuritySettings } from '../../kernel/config/settings.ts';
import { settings } from '../../kernel/config/settings.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';

/** The stored policy with its version; before anyone saved it, the defaults at version 1. */
export async function readSecuritySettings(db: Queryable): Promise<SecuritySettings & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SECURITY_SETTINGS_KEY));
  return { ...SecuritySettings.parse(row?.value ?? {}), version: row?.version ?? 1 };
}

/** Optimistic update; the row is created at version 1 first, so the defaults can be edited like a stored row. */
export async function updateSecuritySettings(
  tx: Tx,
  value: SecuritySettings,
  version: number,
  by: string,
  now: Date,
): Promise<boolean> {
  await tx.insert(settings).values({ key: SECURITY_SETTINGS_KEY, value: SecuritySettings.parse({}), updatedAt: now }).onConflictDoNothing();
  const rows = await tx
    .update(settings)
    .set({ value, version: sql`${settings.version} + 1`, updatedAt: now, updatedBy: by })
    .where(and(eq(settings.key, SECURITY_SETTINGS_KEY), eq(settings.version, version)))
    .returning({ key: settings.key });
  return rows.length > 0;
}
