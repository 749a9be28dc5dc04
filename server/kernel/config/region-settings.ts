import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable, Tx } from '../db/db.ts';
import { settings } from './settings.tables.ts';

/**
 * A module's per-region rules (the ⚠ values of domain.md): one settings row per region under
 * `<prefix>:<region code>`, read with its version for optimistic locking. Every field of the schema
 * has a default, so a region that never saved reads the defaults at version 1.
 */
export function regionSettings<S extends z.ZodType<object>>(prefix: string, schema: S) {
  const key = (regionCode: string) => `${prefix}:${regionCode}`;
  const defaults = (): z.output<S> => schema.parse({});
  return {
    key,
    defaults,
    async read(db: Queryable, regionCode: string): Promise<{ value: z.output<S>; version: number; saved: boolean }> {
      const [row] = await db.select().from(settings).where(eq(settings.key, key(regionCode)));
      return { value: schema.parse(row?.value ?? {}), version: row?.version ?? 1, saved: row !== undefined };
    },
    /**
     * Optimistic update; the row is created with the defaults at version 1 first, so they are edited
     * like a saved row. False when `version` is stale.
     */
    async save(tx: Tx, regionCode: string, value: z.output<S>, version: number, by: string | null, now: Date): Promise<boolean> {
      const k = key(regionCode);
      await tx.insert(settings).values({ key: k, value: defaults(), updatedAt: now, updatedBy: by }).onConflictDoNothing();
      const rows = await tx
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, updatedAt: now, updatedBy: by })
        .where(and(eq(settings.key, k), eq(settings.version, version)))
        .returning({ key: settings.key });
      return rows.length > 0;
    },
  };
}
