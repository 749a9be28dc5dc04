import type { FastifyRequest } from 'fastify';
import { inScope, type Actor } from '../../kernel/auth/actor.ts';
import { calendarService } from '../../kernel/calendar/calendar.service.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { AppError, fieldRefused, versionConflict } from '../../kernel/errors/app-error.ts';
import { toXlsx } from '../../kernel/excel/excel.ts';
import { write } from '../../kernel/http/context.ts';
import type { Paging } from '../../kernel/db/paging.ts';
import { evaluationFileStateLabels, evaluationGradeLabels, type EvaluationFileState, type EvaluationGrade } from '../../../contracts/enforcement.ts';
import { EVALUATION_FILE_ENTITY, EVALUATION_RECTIFY, EVALUATION_SCORE } from './evaluations.permissions.ts';
import { findFile, findFileHistory, findFiles, findFilesForExport, findSheet, lockFile, lockSheet, updateFile } from './evaluations.repository.ts';
import type { FileFilter, FileItem, RectifyBody, ScoreBody, SendBackBody } from './evaluations.schemas.ts';
import { evaluationSettings } from './evaluations.settings.ts';
import { gradeOf, presentSheet } from './evaluations.sheets.ts';
import { evaluationCampaigns } from './supervision.tables.ts';
import { eq } from 'drizzle-orm';

const today = (request: FastifyRequest) => beijingToday(request.server.clock);

type Row = Awaited<ReturnType<typeof findFiles>>['items'][number];

const present = ({ regionCode: _r, orgPath: _p, ...f }: Row): FileItem => ({
  ...f,
  state: f.state as EvaluationFileState,
  stateLabel: evaluationFileStateLabels[f.state as EvaluationFileState],
  grade: f.grade as EvaluationGrade | null,
  gradeLabel: f.grade ? evaluationGradeLabels[f.grade as EvaluationGrade] : null,
  total: f.total === null ? null : Number(f.total),
  caseTitle: f.caseTitle,
});

/** Whether the actor holds `permission` in a scope covering the file's department. */
function may(actor: Actor, permission: string, file: { orgId: string; orgPath: string; regionCode: string }): boolean {
  const scope = actor.permissions.get(permission);
  return !!scope && inScope(actor, scope, file);
}

function signedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  return request.actor;
}

export async function listFiles(request: FastifyRequest, query: FileFilter & Paging) {
  const { page, pageSize, ...filter } = query;
  const found = await findFiles(request.server.db, signedIn(request), filter, { page, pageSize }, today(request));
  return { items: found.items.map(present), total: found.total, page, pageSize };
}

export async function exportFiles(request: FastifyRequest, filter: FileFilter): Promise<Buffer> {
  const rows = (await findFilesForExport(request.server.db, signedIn(request), filter, today(request), 10_000)).map(present);
  return toXlsx(
    '评查案卷',
    [
      { header: '评查活动', width: 30, value: (f: FileItem) => f.campaignTitle },
      { header: '执法部门', width: 24, value: (f) => f.orgName },
      { header: '案号', width: 22, value: (f) => f.caseNo },
      { header: '案件名称', width: 40, value: (f) => f.caseTitle },
      { header: '处罚决定书文号', width: 24, value: (f) => f.decisionNo },
      { header: '结案日期', width: 12, value: (f) => f.closedOn },
      { header: '状态', width: 14, value: (f) => f.stateLabel },
      { header: '得分', width: 8, value: (f) => f.total },
      { header: '等次', width: 8, value: (f) => f.gradeLabel },
      { header: '存在问题', width: 48, value: (f) => f.problems },
      { header: '整改期限', width: 12, value: (f) => f.rectificationDueOn },
      { header: '整改完成日期', width: 12, value: (f) => f.rectifiedOn },
      { header: '整改逾期', width: 8, value: (f) => (f.overdue ? '是' : '') },
    ],
    rows,
  );
}

const actionLabels: Record<string, string> = {
  'enforcement.evaluation.score': '评分',
  'enforcement.evaluation.sendBack': '退回整改',
  'enforcement.evaluation.rectify': '登记整改',
};

export async function getFile(request: FastifyRequest, id: string) {
  const actor = signedIn(request);
  const db = request.server.db;
  const row = await findFile(db, actor, id, today(request));
  if (!row) throw new AppError('NOT_FOUND', '评查案卷不存在或无权访问');
  const { scores, rectificationNote, sheetId, archiveIndex, ...item } = row;
  const sheet = (await findSheet(db, sheetId))!;
  const history = (await findFileHistory(db, id)).map((h) => ({ at: h.at.toISOString(), actorName: h.actorName, action: h.action, actionLabel: actionLabels[h.action] ?? h.action, detail: h.after }));
  const score = may(actor, EVALUATION_SCORE, row);
  return {
    ...present(item),
    scores,
    rectificationNote,
    archiveIndex,
    sheet: presentSheet(sheet.sheet, sheet.usedBy),
    history,
    can: { score, sendBack: score && (row.state === 'scored' || row.state === 'rectified'), rectify: may(actor, EVALUATION_RECTIFY, row) && row.state === 'rectifying' },
  };
}

/** Loads the file for a step: visible, in the scope of `permission`, at the version the user saw. */
async function fileFor(request: FastifyRequest, tx: Parameters<typeof lockFile>[0], id: string, version: number, permission: string) {
  const actor = signedIn(request);
  const seen = await findFile(tx, actor, id, today(request));
  if (!seen) throw new AppError('NOT_FOUND', '评查案卷不存在或无权访问');
  if (!may(actor, permission, seen)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  const file = (await lockFile(tx, id))!;
  if (file.version !== version) throw versionConflict('评查案卷');
  return { actor, file };
}

/**
 * 评分 (or 复评): every item of the campaign's sheet, each within its maximum; the total and the grade
 * follow. A re-score keeps the file's place in the rectification flow; each score is in the history.
 */
export async function scoreFile(request: FastifyRequest, id: string, body: ScoreBody) {
  await write(request, async (tx, audit) => {
    const { actor, file } = await fileFor(request, tx, id, body.version, EVALUATION_SCORE);
    const [campaign] = await tx.select({ sheetId: evaluationCampaigns.sheetId }).from(evaluationCampaigns).where(eq(evaluationCampaigns.id, file.campaignId));
    const sheet = (await lockSheet(tx, campaign!.sheetId))!;
    const codes = new Set(sheet.items.map((i) => i.code));
    for (const code of Object.keys(body.scores)) if (!codes.has(code)) throw fieldRefused('scores', `评查表中没有编码为「${code}」的项目`);
    let total = 0;
    for (const item of sheet.items) {
      const value = body.scores[item.code];
      if (value === undefined) throw fieldRefused(`scores.${item.code}`, `「${item.code} ${item.title}」尚未评分`);
      if (value > item.maxScore) throw fieldRefused(`scores.${item.code}`, `「${item.code} ${item.title}」得分 ${value} 超过该项分值 ${item.maxScore} 分`);
      total += value;
    }
    total = Math.round(total * 10) / 10;
    const grade = gradeOf(total, sheet);
    const values = {
      scores: body.scores,
      total,
      grade,
      problems: body.problems?.trim() || null,
      evaluatorId: actor.userId,
      state: file.state === 'sampled' ? ('scored' as const) : file.state,
    };
    await updateFile(tx, id, values, request.server.clock.now(), actor.userId);
    await audit({
      action: 'enforcement.evaluation.score',
      entityType: EVALUATION_FILE_ENTITY,
      entityId: id,
      orgId: file.orgId,
      before: file.total === null ? undefined : { scores: file.scores, total: file.total, grade: file.grade, problems: file.problems },
      after: { scores: body.scores, total, grade, problems: values.problems },
    });
  });
  return getFile(request, id);
}

/** 退回整改: the department gets the problems and a due date counted in working days by the calendar. */
export async function sendBack(request: FastifyRequest, id: string, body: SendBackBody) {
  await write(request, async (tx, audit) => {
    const { actor, file } = await fileFor(request, tx, id, body.version, EVALUATION_SCORE);
    if (file.state !== 'scored' && file.state !== 'rectified')
      throw new AppError('CONFLICT', file.state === 'sampled' ? '案卷尚未评分，不能退回整改' : '案卷已退回整改，等待部门整改');
    const problems = body.problems?.trim() || file.problems?.trim();
    if (!problems) throw fieldRefused('problems', '退回整改须写明存在的问题');
    const days = body.workingDays ?? (await evaluationSettings.read(tx, file.regionCode)).value.rectificationWorkingDays;
    const due = await calendarService(request.server.db).due(file.regionCode, today(request), { unit: 'workingDays', n: days }, tx);
    await updateFile(tx, id, { state: 'rectifying', problems, rectificationDueOn: due.due, rectifiedOn: null, rectificationNote: null }, request.server.clock.now(), actor.userId);
    await audit({ action: 'enforcement.evaluation.sendBack', entityType: EVALUATION_FILE_ENTITY, entityId: id, orgId: file.orgId, after: { problems, workingDays: days, dueOn: due.due } });
  });
  return getFile(request, id);
}

/** 登记整改: the department's own staff record what they corrected. */
export async function rectify(request: FastifyRequest, id: string, body: RectifyBody) {
  const on = body.rectifiedOn ?? today(request);
  if (on > today(request)) throw fieldRefused('rectifiedOn', '整改完成日期不能晚于今天');
  await write(request, async (tx, audit) => {
    const { actor, file } = await fileFor(request, tx, id, body.version, EVALUATION_RECTIFY);
    if (file.state !== 'rectifying') throw new AppError('CONFLICT', '案卷未处于退回整改状态，不需登记整改');
    const [campaign] = await tx.select({ startsOn: evaluationCampaigns.startsOn }).from(evaluationCampaigns).where(eq(evaluationCampaigns.id, file.campaignId));
    if (on < campaign!.startsOn) throw fieldRefused('rectifiedOn', `整改完成日期不能早于评查开始日期（${campaign!.startsOn}）`);
    await updateFile(tx, id, { state: 'rectified', rectifiedOn: on, rectificationNote: body.note }, request.server.clock.now(), actor.userId);
    await audit({ action: 'enforcement.evaluation.rectify', entityType: EVALUATION_FILE_ENTITY, entityId: id, orgId: file.orgId, after: { rectifiedOn: on, note: body.note, dueOn: file.rectificationDueOn } });
  });
  return getFile(request, id);
}
