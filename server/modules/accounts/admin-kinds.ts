import { adminKindLabels, type AdminKind } from '../../../contracts/labels.ts';
import { getPermission } from '../../kernel/auth/permissions.ts';
import { AppError } from '../../kernel/errors/app-error.ts';

/** The administrator kinds the given permissions belong to, each with the permission names that need it. */
export function adminKindsOfPermissions(codes: Iterable<string>): Map<AdminKind, string[]> {
  const kinds = new Map<AdminKind, string[]>();
  for (const code of codes) {
    const def = getPermission(code);
    if (def?.adminKind) kinds.set(def.adminKind, [...(kinds.get(def.adminKind) ?? []), def.name]);
  }
  return kinds;
}

/**
 * 三员分立 (等保 2.0: separate system, security and audit administrators): one role, and one user,
 * holds at most one administrator kind. `clash` maps each kind to what brings it in (permission or
 * role names) for the message.
 */
export function assertSingleAdminKind(clash: Map<AdminKind, string[]>, subject: '角色' | '用户'): AdminKind | null {
  const kinds = [...clash.keys()];
  if (kinds.length <= 1) return kinds[0] ?? null;
  const parts = kinds.map((k) => `${adminKindLabels[k]}（${[...new Set(clash.get(k))].join('、')}）`);
  throw new AppError(
    'ADMIN_ROLES_SEPARATED',
    `三员分立：同一${subject}不能兼有${parts.join('与')}的职责`,
    { adminKinds: kinds },
  );
}
