import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type DataScope, rolePermissions, roles, userRoles, users, type AdminKind } from '../kernel/auth/auth.tables.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import { createSession, CSRF_HEADER, SESSION_COOKIE } from '../kernel/auth/sessions.ts';
import type { Db } from '../kernel/db/db.ts';
import { organisations, regions, type OrgType } from '../kernel/org/org.tables.ts';
import type { TestApp } from './harness.ts';

export const TEST_PASSWORD = 'Fazhi@2026test';
let cachedHash: Promise<string> | undefined;
/** Hashing is deliberately slow; factories share one hash of TEST_PASSWORD. */
const testPasswordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function ensureRegion(db: Db, code = '430621', name = '岳阳县'): Promise<void> {
  await db.insert(regions).values({ code, name, level: 3, parentCode: code.slice(0, 4) + '00' }).onConflictDoNothing();
}

export async function createOrg(
  db: Db,
  input: { name: string; type?: OrgType; parentId?: string; regionCode?: string; code?: string; creditCode?: string },
) {
  const regionCode = input.regionCode ?? '430621';
  await ensureRegion(db, regionCode);
  const parent = input.parentId
    ? (await db.select().from(organisations).where(eq(organisations.id, input.parentId)))[0]
    : undefined;
  const id = crypto.randomUUID();
  const [org] = await db
    .insert(organisations)
    .values({
      id,
      regionCode,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      code: input.code ?? `T${randomBytes(4).toString('hex')}`,
      name: input.name,
      type: input.type ?? 'department',
      creditCode: input.creditCode ?? null,
    })
    .returning();
  return org!;
}

export async function createRole(
  db: Db,
  input: { code?: string; name?: string; adminKind?: AdminKind; permissions: Record<string, DataScope> },
) {
  const [role] = await db
    .insert(roles)
    .values({ code: input.code ?? `role_${randomBytes(4).toString('hex')}`, name: input.name ?? '测试角色', adminKind: input.adminKind ?? null })
    .returning();
  const grants = Object.entries(input.permissions).map(([permission, scope]) => ({ roleId: role!.id, permission, scope }));
  if (grants.length) await db.insert(rolePermissions).values(grants);
  return role!;
}

export async function createUser(
  db: Db,
  input: { orgId: string; username?: string; displayName?: string; roleIds?: string[]; mustChangePassword?: boolean; regionCode?: string },
) {
  const [user] = await db
    .insert(users)
    .values({
      orgId: input.orgId,
      regionCode: input.regionCode ?? '430621',
      username: input.username ?? `u${randomBytes(4).toString('hex')}`,
      displayName: input.displayName ?? '测试用户',
      passwordHash: await testPasswordHash(),
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning();
  if (input.roleIds?.length) await db.insert(userRoles).values(input.roleIds.map((roleId) => ({ userId: user!.id, roleId })));
  return user!;
}

export interface SignedIn {
  userId: string;
  /** Headers for app.inject: the session cookie and the CSRF header. */
  headers: Record<string, string>;
}

/** A session for a user without going through the login route (its own tests do that). */
export async function signIn(t: TestApp, userId: string): Promise<SignedIn> {
  const session = await createSession(t.db, t.clock, userId, { ip: '127.0.0.1' });
  return { userId, headers: { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken } };
}

/** One call: an organisation (or the given one), a role with these permissions, a user, a session. */
export async function actorWith(
  t: TestApp,
  permissions: Record<string, DataScope>,
  options: { orgId?: string; adminKind?: AdminKind } = {},
): Promise<SignedIn & { orgId: string }> {
  const orgId = options.orgId ?? (await createOrg(t.db, { name: '测试机构' })).id;
  const role = await createRole(t.db, { permissions, adminKind: options.adminKind });
  const user = await createUser(t.db, { orgId, roleIds: [role.id] });
  return { ...(await signIn(t, user.id)), orgId };
}
