import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, type Actor } from '../../kernel/auth/actor.ts';
import { type DataScope, roles, userRoles, users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import type { UserFilter } from './users.schemas.ts';

export type RoleRef = { id: string; code: string; name: string };

const rolesOfUser = sql<RoleRef[]>`coalesce((
  select json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) order by r.code)
  from ${userRoles} ur join ${roles} r on r.id = ur.role_id
  where ur.user_id = ${users.id}), '[]'::json)`;

/** What a list row and a detail show; the organisation's path places the user in the data scope. */
const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  regionCode: users.regionCode,
  phoneMask: users.phoneMask,
  email: users.email,
  title: users.title,
  status: users.status,
  lockedUntil: users.lockedUntil,
  mustChangePassword: users.mustChangePassword,
  isService: users.isService,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  roles: rolesOfUser,
  version: users.version,
};

const sortColumns = {
  username: users.username,
  displayName: users.displayName,
  orgName: organisations.name,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function listConditions(actor: Actor, scope: DataScope, filter: UserFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    scopeCondition(actor, scope, { orgId: users.orgId, orgPath: organisations.path, regionCode: users.regionCode }),
  ];
  if (filter.orgId) {
    conditions.push(
      filter.subtree
        ? sql`${organisations.path} like (select o.path from ${organisations} o where o.id = ${filter.orgId}) || '%'`
        : eq(users.orgId, filter.orgId),
    );
  }
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(or(sql`${users.username} ilike ${pattern}`, sql`${users.displayName} ilike ${pattern}`));
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.roleId) {
    conditions.push(sql`exists (select 1 from ${userRoles} ur where ur.user_id = ${users.id} and ur.role_id = ${filter.roleId})`);
  }
  return and(...conditions)!;
}

function orderOf(filter: UserFilter): SQL[] {
  const column = sortColumns[filter.sort];
  const direction = filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${column} ${direction}`, asc(users.id)];
}

export function findUsers(db: Queryable, actor: Actor, scope: DataScope, filter: UserFilter, paging: Paging) {
  const matched = () => db.select(columns).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(listConditions(actor, scope, filter)).$dynamic();
  return findPage(db, matched, orderOf(filter), paging);
}

/** The export: the list's filters and order, without paging, up to a limit a spreadsheet can hold. */
export function findUsersForExport(db: Queryable, actor: Actor, scope: DataScope, filter: UserFilter, limit: number) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(listConditions(actor, scope, filter))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findUser(db: Queryable, id: string) {
  const [row] = await db.select(columns).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.id, id));
  return row;
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function findSealedPhone(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, id));
  return row?.phoneEnc ?? null;
}

export async function findOrg(db: Queryable, id: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, path: organisations.path, regionCode: organisations.regionCode, status: organisations.status })
    .from(organisations)
    .where(eq(organisations.id, id));
  return org;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return !!row;
}

export async function insertUser(tx: Tx, values: typeof users.$inferInsert): Promise<string> {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

/** Optimistic update: false when the row is gone or another change came first. */
export async function updateUser(
  tx: Tx,
  id: string,
  version: number,
  changes: Partial<typeof users.$inferInsert>,
  by: { userId: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: by.at, updatedBy: by.userId })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Roles by id, each with its permission codes (for the administrator-kind check). */
export async function findRolesWithPermissions(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: roles.id,
      code: roles.code,
      name: roles.name,
      adminKind: roles.adminKind,
      permissions: sql<string[]>`coalesce((select json_agg(rp.permission) from role_permissions rp where rp.role_id = ${roles.id}), '[]'::json)`,
    })
    .from(roles)
    .where(inArray(roles.id, ids));
}

export async function replaceUserRoles(tx: Tx, userId: string, roleIds: string[]): Promise<void> {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId, roleId })));
}

export async function clearLock(tx: Tx, id: string, by: { userId: string; at: Date }): Promise<void> {
  await tx
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null, version: sql`${users.version} + 1`, updatedAt: by.at, updatedBy: by.userId })
    .where(eq(users.id, id));
}
