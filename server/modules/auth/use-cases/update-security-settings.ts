import type { FastifyRequest } from 'fastify';
import { GLOBAL_CHAIN } from '../../../kernel/audit/audit.ts';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { forgetCachedSettings, type SecuritySettings } from '../../../kernel/config/settings.ts';
import { versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { readSecuritySettings, updateSecuritySettings } from '../settings.repository.ts';

/** The policy is deployment-wide, so its audit row goes to the deployment chain. */
export async function saveSecuritySettings(request: FastifyRequest, value: SecuritySettings, version: number) {
  requirePermission(request.actor, 'security.settings');
  const { db, clock } = request.server;
  await write(request, async (tx, audit) => {
    const { version: _, ...before } = await readSecuritySettings(tx);
    if (!(await updateSecuritySettings(tx, value, version, request.actor!.userId, clock.now()))) throw versionConflict('安全策略');
    await audit({ action: 'settings.security', entityType: 'settings', entityId: 'security', regionCode: GLOBAL_CHAIN, before, after: value });
  });
  // This process applies the change at once; others when their cache expires (settings.ts).
  forgetCachedSettings(db);
  return readSecuritySettings(db);
}
