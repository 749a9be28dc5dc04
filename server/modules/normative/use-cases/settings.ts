import { inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrgNames } from '../../../kernel/org/org.repository.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { MANAGE, READ } from '../normative.permissions.ts';
import { normativeSettingsKey, readNormativeSettings, saveNormativeSettings, type NormativeSettings } from '../normative.settings.ts';

async function view(db: Queryable, regionCode: string) {
  const { value, version, saved } = await readNormativeSettings(db, regionCode);
  const ids = value.numberPrefixes.map((p) => p.orgId);
  const nameOf = await findOrgNames(db, ids);
  return { ...value, regionCode, version, saved, numberPrefixes: value.numberPrefixes.map((p) => ({ ...p, orgName: nameOf.get(p.orgId) ?? '（已删除的机构）' })) };
}

export async function getSettings(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!actor.permissions.has(READ) && !actor.permissions.has(MANAGE)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return view(request.server.db, actor.regionCode);
}

/** One set of rules per county: only a county-wide normative.manage grant may change them. */
export async function putSettings(request: FastifyRequest, body: NormativeSettings & { version: number }) {
  const scope = requirePermission(request.actor, MANAGE);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '规范性文件设置对全县适用，须具有本行政区范围的管理权限');
  const actor = request.actor!;
  const { version, ...value } = body;
  await write(request, async (tx, audit) => {
    const ids = value.numberPrefixes.map((p) => p.orgId);
    const found = ids.length ? await tx.select({ id: organisations.id, regionCode: organisations.regionCode }).from(organisations).where(inArray(organisations.id, ids)) : [];
    if (found.length !== ids.length || found.some((o) => o.regionCode !== actor.regionCode)) throw fieldRefused('numberPrefixes', '文号前缀的制定机关不存在或不属于本行政区');
    const before = await readNormativeSettings(tx, actor.regionCode);
    if (!(await saveNormativeSettings(tx, actor.regionCode, value, version, actor.userId, request.server.clock.now()))) throw versionConflict('规范性文件设置');
    await audit({ action: 'normative.settings', entityType: 'settings', entityId: normativeSettingsKey(actor.regionCode), regionCode: actor.regionCode, before: before.value, after: value });
  });
  return view(request.server.db, actor.regionCode);
}
