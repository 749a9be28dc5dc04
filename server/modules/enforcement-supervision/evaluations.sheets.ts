import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../kernel/auth/actor.ts';
import type { Tx } from '../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../kernel/errors/app-error.ts';
import { write } from '../../kernel/http/context.ts';
import type { EvaluationGrade } from '../../../contracts/enforcement.ts';
import { EVALUATION_MANAGE, EVALUATION_RECTIFY, EVALUATION_SCORE, SHEET_ENTITY } from './evaluations.permissions.ts';
import { findSheet, findSheets, insertSheet, lockSheet, sheetHasScores, updateSheet, type SheetRow } from './evaluations.repository.ts';
import type { SheetBody, SheetItem, UpdateSheetBody } from './evaluations.schemas.ts';
import { defaultSheet, evaluationSettings } from './evaluations.settings.ts';

/** The full score of a sheet: the sum of its items' maximum scores (kept to one decimal). */
export const sheetTotal = (items: readonly SheetItem[]): number => Math.round(items.reduce((sum, i) => sum + i.maxScore, 0) * 10) / 10;

/** 优秀 at or above excellentFrom, 合格 at or above qualifiedFrom, else 不合格. */
export function gradeOf(total: number, sheet: Pick<SheetRow, 'excellentFrom' | 'qualifiedFrom'>): EvaluationGrade {
  if (total >= sheet.excellentFrom) return 'excellent';
  if (total >= sheet.qualifiedFrom) return 'qualified';
  return 'unqualified';
}

/** A sheet must add up to its stated total, with unique item codes and thresholds inside it. */
export function checkSheet(body: SheetBody): void {
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    const code = item.code.toUpperCase();
    if (seen.has(code)) throw fieldRefused(`items.${i}.code`, `评查项目编码「${item.code}」重复`);
    seen.add(code);
  });
  const total = sheetTotal(body.items);
  if (total !== body.totalScore) throw fieldRefused('items', `各评查项目分值之和为 ${total} 分，应等于满分 ${body.totalScore} 分`);
  if (body.qualifiedFrom <= 0) throw fieldRefused('qualifiedFrom', '合格分数线应大于 0');
  if (body.excellentFrom > body.totalScore) throw fieldRefused('excellentFrom', `优秀分数线不能高于满分 ${body.totalScore} 分`);
  if (body.qualifiedFrom >= body.excellentFrom) throw fieldRefused('qualifiedFrom', '合格分数线应低于优秀分数线');
}

export const presentSheet = (sheet: SheetRow, usedBy: number) => ({
  id: sheet.id,
  name: sheet.name,
  items: sheet.items,
  totalScore: sheetTotal(sheet.items),
  excellentFrom: sheet.excellentFrom,
  qualifiedFrom: sheet.qualifiedFrom,
  version: sheet.version,
  usedBy,
});

/** Sheets, campaigns and the sample are the county's: they need the manage permission county-wide. */
export function manager(request: FastifyRequest): Actor {
  const scope = requirePermission(request.actor, EVALUATION_MANAGE);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '案卷评查对全县组织，须具有本行政区范围的管理权限');
  return request.actor!;
}

/** Anyone working on evaluations reads the county's sheets (a department sees how it was scored). */
function reader(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (![EVALUATION_MANAGE, EVALUATION_SCORE, EVALUATION_RECTIFY].some((p) => actor.permissions.has(p))) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return actor;
}

export async function listSheets(request: FastifyRequest) {
  const actor = reader(request);
  return (await findSheets(request.server.db, actor.regionCode)).map((r) => presentSheet(r.sheet, r.usedBy));
}

export async function getSheet(request: FastifyRequest, id: string) {
  const actor = reader(request);
  const found = await findSheet(request.server.db, id);
  if (!found || found.sheet.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '评查表不存在或无权访问');
  return presentSheet(found.sheet, found.usedBy);
}

const sheetValues = (body: SheetBody) => ({ name: body.name, items: body.items, excellentFrom: body.excellentFrom, qualifiedFrom: body.qualifiedFrom });

/** Inserts a checked sheet for the region (the API and the demo). */
export async function insertCheckedSheet(tx: Tx, regionCode: string, body: SheetBody, at: Date, by: string | null): Promise<SheetRow> {
  checkSheet(body);
  return insertSheet(tx, { regionCode, ...sheetValues(body), createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
}

export async function createSheet(request: FastifyRequest, body: SheetBody) {
  const actor = manager(request);
  checkSheet(body);
  const id = await write(request, async (tx, audit) => {
    const row = await insertCheckedSheet(tx, actor.regionCode, body, request.server.clock.now(), actor.userId);
    await audit({ action: 'enforcement.evaluation.sheet.create', entityType: SHEET_ENTITY, entityId: row.id, after: body });
    return row.id;
  });
  return getSheet(request, id);
}

/** A copy of the county's default sheet, to start from. */
export const createDefaultSheet = (request: FastifyRequest) => createSheet(request, defaultSheet);

export async function editSheet(request: FastifyRequest, id: string, body: UpdateSheetBody) {
  const actor = manager(request);
  checkSheet(body);
  await write(request, async (tx, audit) => {
    const sheet = await lockSheet(tx, id);
    if (!sheet || sheet.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '评查表不存在或无权访问');
    if (sheet.version !== body.version) throw versionConflict('评查表');
    // Scores already given refer to its items and grades to its thresholds.
    if (await sheetHasScores(tx, id)) throw new AppError('CONFLICT', '已有案卷按本评查表评分，不能再修改；请新建评查表');
    await updateSheet(tx, id, sheetValues(body), request.server.clock.now(), actor.userId);
    await audit({ action: 'enforcement.evaluation.sheet.update', entityType: SHEET_ENTITY, entityId: id, before: sheetValues({ ...sheet, totalScore: sheetTotal(sheet.items) }), after: body });
  });
  return getSheet(request, id);
}

export async function getEvaluationSettings(request: FastifyRequest) {
  const actor = reader(request);
  const { value, version } = await evaluationSettings.read(request.server.db, actor.regionCode);
  return { ...value, version };
}

export async function putEvaluationSettings(request: FastifyRequest, body: { version: number; rectificationWorkingDays: number }) {
  const actor = manager(request);
  const { version, ...value } = body;
  await write(request, async (tx, audit) => {
    if (!(await evaluationSettings.save(tx, actor.regionCode, value, version, actor.userId, request.server.clock.now()))) throw versionConflict('案卷评查设置');
    await audit({ action: 'enforcement.evaluation.settings', entityType: 'settings', entityId: evaluationSettings.key(actor.regionCode), after: value });
  });
  return getEvaluationSettings(request);
}
