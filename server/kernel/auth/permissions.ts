import type { AdminKind, DataScope } from './auth.tables.ts';

export interface PermissionDef {
  /** Stable code, "<module>.<action>", e.g. "org.write". */
  code: string;
  /** Chinese name shown in the role editor. */
  name: string;
  /** Administrator permissions belong to exactly one of the three separated kinds (三员分立). */
  adminKind?: AdminKind;
  /** Permissions whose subject is the deployment itself take no data scope. */
  scoped?: boolean;
}

const registry = new Map<string, PermissionDef>();

/** Modules declare their permissions once; role editing and checks consult this registry. */
export function definePermissions(defs: PermissionDef[]): PermissionDef[] {
  for (const def of defs) {
    const existing = registry.get(def.code);
    if (existing && existing !== def) throw new Error(`permission ${def.code} defined twice`);
    registry.set(def.code, def);
  }
  return defs;
}

export function getPermission(code: string): PermissionDef | undefined {
  return registry.get(code);
}

export function allPermissions(): PermissionDef[] {
  return [...registry.values()];
}

export const scopeRank: Record<DataScope, number> = { own_org: 1, org_subtree: 2, region: 3, all: 4 };
