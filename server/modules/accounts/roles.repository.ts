import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AdminKind, type DataScope, rolePermissions, roles, userRoles, users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';

const columns = {
  id: roles.id,
  code: roles.code,
  name: roles.name,
  description: roles.description,
  adminKind: roles.adminKind,
  builtin: roles.builtin,
  userCount: sql<number>`(select count(*)::int from ${userRoles} ur where ur.role_id = ${roles.id})`,
  permissions: sql<{ permission: string; scope: DataScope }[]>`coalesce((
    select json_agg(json_build_object('permission', rp.permission, 'scope', rp.scope) order by rp.permission)
    from ${rolePermissions} rp where rp.role_id = ${roles.id}), '[]'::json)`,
  version: roles.version,
};

export function listRoles(db: Queryable) {
  return db.select(columns).from(roles).orderBy(desc(roles.builtin), asc(roles.code));
}

export async function findRole(db: Queryable, id: string) {
  const [row] = await db.select(columns).from(roles).where(eq(roles.id, id));
  return row;
}
export type RoleRow = NonNullable<Awaited<ReturnType<typeof findRole>>>;

export async function roleCodeTaken(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.code, code));
  return !!row;
}

export async function actorHoldsRole(db: Queryable, userId: string, roleId: string): Promise<boolean> {
  const [row] = await db.select({ roleId: userRoles.roleId }).from(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.roleId, roleId)));
  return !!row;
}

/**
 * Holders of this role who also hold a role of another administrator kind: giving this role `kind`
 * would make them hold two.
 */
export async function holdersWithOtherAdminKind(db: Queryable, roleId: string, kind: AdminKind): Promise<string[]> {
  const other = alias(userRoles, 'other');
  const rows = await db
    .selectDistinct({ displayName: users.displayName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(other, and(eq(other.userId, userRoles.userId), ne(other.roleId, userRoles.roleId)))
    .innerJoin(roles, eq(roles.id, other.roleId))
    .where(and(eq(userRoles.roleId, roleId), isNotNull(roles.adminKind), ne(roles.adminKind, kind)))
    .orderBy(users.displayName)
    .limit(5);
  return rows.map((r) => r.displayName);
}

export type RoleValues = { name: string; description: string | null; adminKind: AdminKind | null };
type Grants = { permission: string; scope: DataScope }[];

export async function insertRole(tx: Tx, values: RoleValues & { code: string }, grants: Grants, by: { userId: string; at: Date }): Promise<string> {
  const [row] = await tx
    .insert(roles)
    .values({ ...values, createdAt: by.at, createdBy: by.userId, updatedAt: by.at, updatedBy: by.userId })
    .returning({ id: roles.id });
  await replaceGrants(tx, row!.id, grants);
  return row!.id;
}

/** Optimistic update; false when another change came first. */
export async function updateRole(tx: Tx, id: string, version: number, values: RoleValues, grants: Grants, by: { userId: string; at: Date }): Promise<boolean> {
  const rows = await tx
    .update(roles)
    .set({ ...values, version: sql`${roles.version} + 1`, updatedAt: by.at, updatedBy: by.userId })
    .where(and(eq(roles.id, id), eq(roles.version, version)))
    .returning({ id: roles.id });
  if (!rows.length) return false;
  await replaceGrants(tx, id, grants);
  return true;
}

async function replaceGrants(tx: Tx, roleId: string, grants: Grants): Promise<void> {
  await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId));
  if (grants.length) await tx.insert(rolePermissions).values(grants.map((g) => ({ roleId, ...g })));
}

/** Deletes a custom role nobody holds; the condition is re-checked in the statement itself. */
export async function deleteUnusedRole(tx: Tx, id: string): Promise<boolean> {
  const unused = sql`not exists (select 1 from ${userRoles} ur where ur.role_id = ${roles.id})`;
  const [role] = await tx.select({ id: roles.id }).from(roles).where(and(eq(roles.id, id), eq(roles.builtin, false), unused)).for('update');
  if (!role) return false;
  await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
  await tx.delete(roles).where(eq(roles.id, id));
  return true;
}
