import type { Actor } from '../auth/actor.ts';
import type { DataScope } from '../auth/auth.tables.ts';
import type { Queryable } from '../db/db.ts';

/**
 * Work that is due but is not a case with a clock, so the 待办 list cannot show it: certificates
 * about to expire, officers short of training hours, rectifications past their date. Each module
 * declares its reminders; the 工作台 shows those the user holds the permission for, with their count
 * and a link to the page that lists the records.
 */
export interface ReminderDef {
  /** "<module>.<name>" */
  code: string;
  /** e.g. 90日内到期的执法证 */
  label: string;
  permission: string;
  /** warning: due soon (yellow); overdue: already late (red). */
  level: 'warning' | 'overdue';
  /** Console path of the list behind the count. */
  link: string;
  /** Records due, within the actor's scope of `permission`. */
  count(db: Queryable, actor: Actor, scope: DataScope, today: string): Promise<number>;
}

const registry = new Map<string, ReminderDef>();

export function registerReminders(defs: ReminderDef[]): void {
  for (const def of defs) {
    if (registry.has(def.code) && registry.get(def.code) !== def) throw new Error(`reminder ${def.code} registered twice`);
    registry.set(def.code, def);
  }
}

export interface ReminderCount {
  code: string;
  label: string;
  level: ReminderDef['level'];
  link: string;
  count: number;
}

/** The actor's reminders that have something due, overdue ones first. */
export async function remindersFor(db: Queryable, actor: Actor, today: string): Promise<ReminderCount[]> {
  const visible = [...registry.values()].filter((def) => actor.permissions.has(def.permission));
  const counted = await Promise.all(
    visible.map(async (def) => ({ code: def.code, label: def.label, level: def.level, link: def.link, count: await def.count(db, actor, actor.permissions.get(def.permission)!, today) })),
  );
  return counted.filter((r) => r.count > 0).sort((a, b) => (a.level === b.level ? 0 : a.level === 'overdue' ? -1 : 1));
}
