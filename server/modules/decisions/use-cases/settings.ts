import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { READ, SETTINGS } from '../decisions.permissions.ts';
import { decisionSettingsKey, readDecisionSettings, saveDecisionSettings, type DecisionSettings } from '../decisions.settings.ts';

async function view(request: FastifyRequest, regionCode: string) {
  const { value, version, saved } = await readDecisionSettings(request.server.db, regionCode);
  return { regionCode, ...value, version, saved };
}

export async function getDecisionSettings(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!actor.permissions.has(READ) && !actor.permissions.has(SETTINGS)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return view(request, actor.regionCode);
}

/** One set of rules per county: only a county-wide decisions.settings grant may change it. */
export async function putDecisionSettings(request: FastifyRequest, body: DecisionSettings & { version: number }) {
  const scope = requirePermission(request.actor, SETTINGS);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '决策程序设置对全县适用，须具有本行政区范围的设置权限');
  const actor = request.actor!;
  const { version, ...value } = body;
  await write(request, async (tx, audit) => {
    const before = await readDecisionSettings(tx, actor.regionCode);
    if (!(await saveDecisionSettings(tx, actor.regionCode, value, version, actor.userId, request.server.clock.now()))) throw versionConflict('决策程序设置');
    await audit({ action: 'decisions.settings', entityType: 'settings', entityId: decisionSettingsKey(actor.regionCode), regionCode: actor.regionCode, before: before.value, after: value });
  });
  return view(request, actor.regionCode);
}
