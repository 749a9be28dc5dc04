import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import {
  appearanceSettingsKey,
  type AppearanceRateDefinition,
  describeAppearanceDefinition,
  readAppearanceDefinition,
  saveAppearanceDefinition,
} from '../litigation.settings.ts';
import { READ, SETTINGS } from '../litigation.permissions.ts';

async function view(request: FastifyRequest, regionCode: string) {
  const { value, version, saved } = await readAppearanceDefinition(request.server.db, regionCode);
  return { regionCode, ...value, version, saved, description: describeAppearanceDefinition(value) };
}

/** The definition of the actor's county: whoever reads its lawsuits or sets it may see it. */
export async function getAppearanceSettings(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!actor.permissions.has(READ) && !actor.permissions.has(SETTINGS)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return view(request, actor.regionCode);
}

/** One definition per county: only a county-wide litigation.settings grant may change it. */
export async function putAppearanceSettings(request: FastifyRequest, body: AppearanceRateDefinition & { version: number }) {
  const scope = requirePermission(request.actor, SETTINGS);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '统计口径对全县适用，须具有本行政区范围的设置权限');
  const actor = request.actor!;
  const { version, ...value } = body;
  await write(request, async (tx, audit) => {
    const before = await readAppearanceDefinition(tx, actor.regionCode);
    if (!(await saveAppearanceDefinition(tx, actor.regionCode, value, version, actor.userId, request.server.clock.now()))) throw versionConflict('统计口径');
    await audit({ action: 'litigation.settings', entityType: 'settings', entityId: appearanceSettingsKey(actor.regionCode), regionCode: actor.regionCode, before: before.value, after: value });
  });
  return view(request, actor.regionCode);
}
