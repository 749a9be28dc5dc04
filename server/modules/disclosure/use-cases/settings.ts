import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { write } from '../../../kernel/http/context.ts';
import { READ, SETTINGS } from '../disclosure.permissions.ts';
import { disclosureSettings, type DisclosureSettings } from '../disclosure.settings.ts';

export async function getSettings(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!actor.permissions.has(READ) && !actor.permissions.has(SETTINGS)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  const { value, version } = await disclosureSettings.read(request.server.db, actor.regionCode);
  return { value, version };
}

/** One set of rules per county: only a region-wide grant may change them. */
export async function putSettings(request: FastifyRequest, body: DisclosureSettings & { version: number }) {
  const scope = requirePermission(request.actor, SETTINGS);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '依申请公开设置对全县适用，须具有本行政区范围的权限');
  const actor = request.actor!;
  const { version, ...value } = body;
  await write(request, async (tx, audit) => {
    const ids = [...new Set(value.agencyNumberPrefixes.map((p) => p.orgId))];
    const found = ids.length ? await tx.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, ids), eq(organisations.regionCode, actor.regionCode))) : [];
    if (found.length !== ids.length || ids.length !== value.agencyNumberPrefixes.length) throw fieldRefused('agencyNumberPrefixes', '答复书文号前缀：机关不属于本行政区或重复设置');
    const before = await disclosureSettings.read(tx, actor.regionCode);
    if (!(await disclosureSettings.save(tx, actor.regionCode, value, version, actor.userId, request.server.clock.now()))) throw versionConflict('依申请公开设置');
    await audit({ action: 'disclosure.settings', entityType: 'settings', entityId: disclosureSettings.key(actor.regionCode), regionCode: actor.regionCode, before: before.value, after: value });
  });
  return getSettings(request);
}
