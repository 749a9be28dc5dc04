import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { settings } from './settings.tables.ts';

/** Security policy (等保 2.0 level 3 habits); the 安全管理员 changes it in the console. */
export const SecuritySettings = z.object({
  passwordMinLength: z.number().int().min(8).max(64).default(8),
  /** Of four classes: lower case, upper case, digits, symbols. */
  passwordMinClasses: z.number().int().min(2).max(4).default(3),
  /** A new password may not equal any of the last N. */
  passwordHistory: z.number().int().min(1).max(24).default(5),
  maxFailedLogins: z.number().int().min(3).max(10).default(5),
  lockoutMinutes: z.number().int().min(5).max(1440).default(15),
  idleTimeoutMinutes: z.number().int().min(5).max(240).default(30),
  absoluteTimeoutHours: z.number().int().min(1).max(24).default(12),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const SECURITY_SETTINGS_KEY = 'security';

const cache = new WeakMap<object, { value: SecuritySettings; at: number }>();
/** Several processes may serve one database: a change reaches the others within this time. */
const CACHE_MS = 10_000;

export async function getSecuritySettings(db: Queryable, fresh = false): Promise<SecuritySettings> {
  const hit = cache.get(db);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const [row] = await db.select().from(settings).where(eq(settings.key, SECURITY_SETTINGS_KEY));
  const value = SecuritySettings.parse(row?.value ?? {});
  cache.set(db, { value, at: Date.now() });
  return value;
}

export function forgetCachedSettings(db: Queryable): void {
  cache.delete(db);
}
