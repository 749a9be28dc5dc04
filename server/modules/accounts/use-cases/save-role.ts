import type { FastifyRequest } from 'fastify';
import { adminKindLabels } from '../../../../contracts/labels.ts';
import { GLOBAL_CHAIN } from '../../../kernel/audit/audit.ts';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import type { AdminKind, DataScope } from '../../../kernel/auth/auth.tables.ts';
import { getPermission } from '../../../kernel/auth/permissions.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { adminKindsOfPermissions, assertSingleAdminKind } from '../admin-kinds.ts';
import {
  actorHoldsRole,
  findRole,
  holdersWithOtherAdminKind,
  insertRole,
  roleCodeTaken,
  updateRole,
  type RoleRow,
} from '../roles.repository.ts';
import type { CreateRoleBody, GrantInput, UpdateRoleBody } from '../roles.schemas.ts';

/**
 * Checks a role's grants against the permission registry: known codes, each once, a scope where the
 * permission takes one ('all' where it does not), and at most one administrator kind, which becomes
 * the role's admin_kind.
 */
export function normaliseGrants(input: GrantInput[]): { grants: { permission: string; scope: DataScope }[]; adminKind: AdminKind | null } {
  const unknown = input.filter((g) => !getPermission(g.permission)).map((g) => g.permission);
  if (unknown.length) throw new AppError('BAD_REQUEST', `未知的权限：${unknown.join('、')}`, { unknownPermissions: unknown });
  const codes = input.map((g) => g.permission);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length) throw new AppError('BAD_REQUEST', `权限重复：${[...new Set(repeated)].join('、')}`);
  const grants = input.map((g) => {
    const def = getPermission(g.permission)!;
    if (def.scoped === false) return { permission: g.permission, scope: 'all' as const };
    if (!g.scope) throw new AppError('BAD_REQUEST', `权限“${def.name}”需要指定数据范围`, [{ field: 'scope', message: '请选择数据范围' }]);
    return { permission: g.permission, scope: g.scope };
  });
  const adminKind = assertSingleAdminKind(adminKindsOfPermissions(codes), '角色');
  return { grants: grants.sort((a, b) => a.permission.localeCompare(b.permission)), adminKind };
}

const snapshot = (r: { code: string; name: string; description: string | null; adminKind: AdminKind | null; permissions: { permission: string; scope: DataScope }[] }) => ({
  code: r.code,
  name: r.name,
  description: r.description,
  adminKind: r.adminKind,
  permissions: r.permissions,
});

export async function createRole(request: FastifyRequest, input: CreateRoleBody): Promise<RoleRow> {
  requirePermission(request.actor, 'role.manage');
  const actor = request.actor!;
  const { grants, adminKind } = normaliseGrants(input.permissions);
  if (await roleCodeTaken(request.server.db, input.code)) throw new AppError('DUPLICATE', `角色代码“${input.code}”已被使用`);
  return write(request, async (tx, audit) => {
    const values = { code: input.code, name: input.name, description: input.description || null, adminKind };
    const id = await insertRole(tx, values, grants, { userId: actor.userId, at: request.server.clock.now() });
    await audit({ action: 'role.create', entityType: 'role', entityId: id, regionCode: GLOBAL_CHAIN, after: snapshot({ ...values, permissions: grants }) });
    return (await findRole(tx, id))!;
  });
}

/**
 * Nobody edits a role they hold (that would be granting to oneself), and a change that would give a
 * holder two administrator kinds is refused.
 */
export async function updateRoleDefinition(request: FastifyRequest, id: string, input: UpdateRoleBody): Promise<RoleRow> {
  requirePermission(request.actor, 'role.manage');
  const actor = request.actor!;
  const { db, clock } = request.server;
  const before = await findRole(db, id);
  if (!before) throw notFound('角色');
  if (await actorHoldsRole(db, actor.userId, id)) throw forbidden('不能修改自己持有的角色');
  const { grants, adminKind } = normaliseGrants(input.permissions);
  return write(request, async (tx, audit) => {
    if (adminKind) {
      const clashing = await holdersWithOtherAdminKind(tx, id, adminKind);
      if (clashing.length) {
        throw new AppError(
          'ADMIN_ROLES_SEPARATED',
          `三员分立：${clashing.join('、')}等用户另有其他管理员角色，本角色不能再包含${adminKindLabels[adminKind]}权限`,
          { users: clashing },
        );
      }
    }
    const values = { name: input.name, description: input.description || null, adminKind };
    if (!(await updateRole(tx, id, input.version, values, grants, { userId: actor.userId, at: clock.now() }))) throw versionConflict('角色');
    const after = (await findRole(tx, id))!;
    await audit({ action: 'role.update', entityType: 'role', entityId: id, regionCode: GLOBAL_CHAIN, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}
