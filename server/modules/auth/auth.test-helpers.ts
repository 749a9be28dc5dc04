import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../kernel/audit/audit.tables.ts';
import { CSRF_HEADER } from '../../kernel/auth/sessions.ts';
import type { TestApp } from '../../test/harness.ts';

/** Signs in through the real login route; returns the response and headers for the next requests. */
export async function loginThroughRoute(t: TestApp, username: string, password: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookies = new Map(res.cookies.map((c) => [c.name, c]));
  const session = cookies.get('fazhi_session');
  const csrf = cookies.get('fazhi_csrf');
  const headers: Record<string, string> = session && csrf ? { cookie: `fazhi_session=${session.value}`, [CSRF_HEADER]: csrf.value } : {};
  return { res, cookies, headers };
}

/** The newest audit rows of an action, newest first. */
export function auditRows(t: TestApp, action: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.at), desc(auditLog.seq));
}
