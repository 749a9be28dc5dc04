import { inArray } from 'drizzle-orm';
import { writeAudit } from '../kernel/audit/audit.ts';
import { roles, userRoles, users } from '../kernel/auth/auth.tables.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import { systemClock, type Clock } from '../kernel/clock/clock.ts';
import type { Db, Tx } from '../kernel/db/db.ts';
import { organisations, regions } from '../kernel/org/org.tables.ts';
import { DEMO_REGION, demoAccounts, demoOrgTree, demoRegions, type DemoOrg } from './yueyang.ts';

export { demoAccounts };
export const DEMO_PASSWORD = 'Fazhi@2026';

export async function hasAnyOrganisation(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return row !== undefined;
}

/** Loads the demo county in one transaction; built-in roles must exist (ensureBuiltinRoles). */
export async function seedDemo(db: Db, clock: Clock = systemClock): Promise<{ organisations: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.insert(regions).values(demoRegions.map((r) => ({ ...r }))).onConflictDoNothing();
    const ids = new Map<string, string>();
    let orgCount = 0;
    const insertTree = async (nodes: DemoOrg[], parent: { id: string; path: string; depth: number } | null) => {
      for (const [index, node] of nodes.entries()) {
        const id = crypto.randomUUID();
        const path = `${parent?.path ?? '/'}${id}/`;
        await tx.insert(organisations).values({
          id,
          regionCode: DEMO_REGION,
          parentId: parent?.id ?? null,
          path,
          depth: (parent?.depth ?? -1) + 1,
          code: node.code,
          name: node.name,
          shortName: node.shortName ?? null,
          type: node.type,
          sortOrder: index + 1,
        });
        ids.set(node.code, id);
        orgCount++;
        if (node.children) await insertTree(node.children, { id, path, depth: (parent?.depth ?? -1) + 1 });
      }
    };
    await insertTree(demoOrgTree, null);

    const roleRows = await tx.select({ id: roles.id, code: roles.code }).from(roles).where(inArray(roles.code, [...new Set(demoAccounts.map((a) => a.role))]));
    const roleIds = new Map(roleRows.map((r) => [r.code, r.id]));
    for (const account of demoAccounts) {
      const roleId = roleIds.get(account.role);
      if (!roleId) throw new Error(`built-in role ${account.role} is missing: run ensureBuiltinRoles first`);
      const [user] = await tx
        .insert(users)
        .values({
          regionCode: DEMO_REGION,
          orgId: ids.get(account.orgCode)!,
          username: account.username,
          displayName: account.displayName,
          title: account.title ?? null,
          passwordHash,
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: user!.id, roleId });
    }
    await auditSeed(tx, clock, orgCount);
    return { organisations: orgCount, users: demoAccounts.length };
  });
}

async function auditSeed(tx: Tx, clock: Clock, orgCount: number): Promise<void> {
  await writeAudit(tx, clock.now(), { actor: null, meta: {}, actorName: 'system' }, {
    action: 'demo.seed',
    regionCode: DEMO_REGION,
    detail: { organisations: orgCount, users: demoAccounts.map((a) => a.username) },
  });
}
