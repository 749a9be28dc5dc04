import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { addDays, beijingToday } from '../../../kernel/calendar/local-date.ts';
import { hmacSm3 } from '../../../kernel/crypto/sm.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { questionKindLabels, surveyPhaseLabels, surveyStatusLabels, type QuestionKind, type SurveyPhase, type SurveyStatus } from '../../../../contracts/messages.ts';
import { SURVEYS } from '../messages.permissions.ts';
import type { SubmitSurveyBody, SurveyBody, SurveyDetail, SurveyFilter, SurveyItem, SurveyResults } from '../messages.schemas.ts';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from '../messages.tables.ts';
import { findQuestions, findResults, findSurvey, findSurveys, surveyScope, type SurveyRow } from '../surveys.repository.ts';

/** A window of Beijing days as instants: from the first day's start to the start of the day after the last. */
const windowOf = (opensOn: string, closesOn: string) => ({ opensAt: new Date(`${opensOn}T00:00:00+08:00`), closesAt: new Date(`${addDays(closesOn, 1)}T00:00:00+08:00`) });

export function presentSurvey(row: SurveyRow): SurveyItem {
  const status = row.status as SurveyStatus;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    orgName: row.orgName,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status,
    statusLabel: surveyStatusLabels[status] ?? status,
    phase: row.phase,
    phaseLabel: row.phase ? surveyPhaseLabels[row.phase as SurveyPhase] : null,
    resultsPublic: row.resultsPublic,
    responses: row.responses,
    version: row.version,
  };
}

function checkWindow(body: SurveyBody) {
  if (body.closesOn < body.opensOn) throw fieldRefused('closesOn', '截止日期不能早于开始日期');
}

async function insertQuestions(tx: Tx, regionCode: string, surveyId: string, body: SurveyBody) {
  await tx.insert(surveyQuestions).values(body.questions.map((q, i) => ({ regionCode, surveyId, seq: i + 1, kind: q.kind, prompt: q.prompt, options: q.kind === 'text' ? [] : q.options, required: q.required })));
}

/** The survey in the actor's scope, or the one 404. */
async function readable(request: FastifyRequest, id: string) {
  const scope = requirePermission(request.actor, SURVEYS);
  const row = await findSurvey(request.server.db, request.server.clock.now(), id, surveyScope(request.actor!, scope));
  if (!row) throw new AppError('NOT_FOUND', '调查不存在或无权访问');
  return row;
}

export async function getSurvey(request: FastifyRequest, id: string): Promise<SurveyDetail> {
  const row = await readable(request, id);
  const questions = await findQuestions(request.server.db, id);
  return { ...presentSurvey(row), questions: questions.map((q) => ({ ...q, kind: q.kind as QuestionKind })) };
}

export async function listSurveys(request: FastifyRequest, query: SurveyFilter) {
  const scope = requirePermission(request.actor, SURVEYS);
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : undefined;
  const where = and(
    surveyScope(request.actor!, scope),
    query.status ? eq(surveys.status, query.status) : undefined,
    pattern ? sql`${surveys.title} ilike ${pattern}` : undefined,
    query.year ? sql`extract(year from ${surveys.opensAt} at time zone 'Asia/Shanghai') = ${query.year}` : undefined,
  )!;
  const { items, total } = await findSurveys(request.server.db, request.server.clock.now(), where, query);
  return { items: items.map(presentSurvey), total, page: query.page, pageSize: query.pageSize };
}

/** 新建调查 as a draft of the actor's organisation, with a fresh salt for its respondents' digests. */
export async function createSurvey(request: FastifyRequest, body: SurveyBody): Promise<SurveyDetail> {
  requirePermission(request.actor, SURVEYS);
  const actor = request.actor!;
  checkWindow(body);
  const now = request.server.clock.now();
  const id = await write(request, async (tx, audit) => {
    const [row] = await tx
      .insert(surveys)
      .values({ regionCode: actor.regionCode, orgId: actor.orgId, title: body.title, description: body.description || null, ...windowOf(body.opensOn, body.closesOn), status: 'draft', resultsPublic: body.resultsPublic, salt: randomBytes(32).toString('hex'), createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })
      .returning({ id: surveys.id });
    await insertQuestions(tx, actor.regionCode, row!.id, body);
    await audit({ action: 'messages.survey.create', entityType: 'survey', entityId: row!.id, orgId: actor.orgId, after: { title: body.title, questions: body.questions.length } });
    return row!.id;
  });
  return getSurvey(request, id);
}

/** Locks the survey row and checks the version the caller saw. */
async function lockSurvey(tx: Tx, id: string, version: number) {
  const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', '调查不存在或无权访问');
  if (row.version !== version) throw versionConflict('调查');
  return row;
}

/** A draft's text, window and questions; once published the questions are fixed (answers refer to them). */
export async function updateSurvey(request: FastifyRequest, id: string, body: SurveyBody & { version: number }): Promise<SurveyDetail> {
  await readable(request, id);
  checkWindow(body);
  const actor = request.actor!;
  await write(request, async (tx, audit) => {
    const row = await lockSurvey(tx, id, body.version);
    if (row.status !== 'draft') throw new AppError('CONFLICT', '已发布的调查不能修改问题，可撤回后另建');
    await tx
      .update(surveys)
      .set({ title: body.title, description: body.description || null, ...windowOf(body.opensOn, body.closesOn), resultsPublic: body.resultsPublic, version: row.version + 1, updatedAt: request.server.clock.now(), updatedBy: actor.userId })
      .where(eq(surveys.id, id));
    await tx.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, id));
    await insertQuestions(tx, row.regionCode, id, body);
    await audit({ action: 'messages.survey.update', entityType: 'survey', entityId: id, orgId: row.orgId, before: { title: row.title }, after: { title: body.title, questions: body.questions.length } });
  });
  return getSurvey(request, id);
}

type SurveyStep = 'publish' | 'withdraw' | 'showResults' | 'hideResults';

/** 发布 (a draft whose window has not ended), 撤回 (off the portal), and whether the portal shows the results once closed. */
export async function surveyStep(request: FastifyRequest, id: string, step: SurveyStep, version: number): Promise<SurveyDetail> {
  await readable(request, id);
  const actor = request.actor!;
  const today = beijingToday(request.server.clock);
  await write(request, async (tx, audit) => {
    const row = await lockSurvey(tx, id, version);
    let changes: Partial<typeof surveys.$inferInsert>;
    if (step === 'publish') {
      if (row.status !== 'draft') throw new AppError('CONFLICT', '只有草稿可以发布');
      if (row.closesAt.getTime() <= new Date(`${today}T00:00:00+08:00`).getTime()) throw new AppError('CONFLICT', '调查截止日期已过，请先修改调查时间');
      changes = { status: 'published' };
    } else if (step === 'withdraw') {
      if (row.status !== 'published') throw new AppError('CONFLICT', '只有已发布的调查可以撤回');
      changes = { status: 'withdrawn' };
    } else changes = { resultsPublic: step === 'showResults' };
    await tx.update(surveys).set({ ...changes, version: row.version + 1, updatedAt: request.server.clock.now(), updatedBy: actor.userId }).where(eq(surveys.id, id));
    await audit({ action: `messages.survey.${step}`, entityType: 'survey', entityId: id, orgId: row.orgId, before: { status: row.status, resultsPublic: row.resultsPublic }, after: changes });
  });
  return getSurvey(request, id);
}

/** Per question: counts per option (SQL GROUP BY), respondents, and the latest text answers. */
export async function resultsOf(db: FastifyRequest['server']['db'], row: SurveyRow): Promise<SurveyResults> {
  const [questions, results] = await Promise.all([findQuestions(db, row.id), findResults(db, row.id)]);
  const count = new Map(results.counts.map((c) => [`${c.questionId}:${c.optionIndex}`, c.count]));
  const answered = new Map(results.answered.map((a) => [a.questionId, a]));
  return {
    survey: presentSurvey(row),
    responses: row.responses,
    questions: questions.map((q) => ({
      id: q.id,
      seq: q.seq,
      kind: q.kind as QuestionKind,
      prompt: q.prompt,
      answered: answered.get(q.id)?.answered ?? 0,
      options: q.options.map((label, i) => ({ label, count: count.get(`${q.id}:${i}`) ?? 0 })),
      texts: results.texts.filter((t) => t.question_id === q.id).map((t) => t.text),
      textCount: answered.get(q.id)?.texts ?? 0,
    })),
  };
}

export async function surveyResults(request: FastifyRequest, id: string): Promise<SurveyResults> {
  return resultsOf(request.server.db, await readable(request, id));
}

interface ResultLine {
  question: string;
  kind: string;
  answer: string;
  count: number | null;
  share: string;
}

const resultColumns: Column<ResultLine>[] = [
  { header: '问题', width: 40, value: (r) => r.question },
  { header: '题型', width: 8, value: (r) => r.kind },
  { header: '选项 / 回答', width: 50, value: (r) => r.answer },
  { header: '人数', width: 10, value: (r) => r.count },
  { header: '占答题人数', width: 12, value: (r) => r.share },
];

export async function exportSurveyResults(request: FastifyRequest, id: string): Promise<{ title: string; xlsx: Buffer }> {
  const results = await surveyResults(request, id);
  const lines = results.questions.flatMap((q): ResultLine[] => {
    const question = `${q.seq}. ${q.prompt}`;
    const kind = questionKindLabels[q.kind];
    if (q.kind === 'text') return q.texts.map((text) => ({ question, kind, answer: text, count: null, share: '' }));
    return q.options.map((o) => ({ question, kind, answer: o.label, count: o.count, share: q.answered ? `${((o.count / q.answered) * 100).toFixed(1)}%` : '' }));
  });
  return { title: results.survey.title, xlsx: await toXlsx('调查结果', resultColumns, lines) };
}

/** The answers checked against the questions: required ones given, options in range, one for 单选, text for 填空. */
export function checkAnswers(questions: { id: string; seq: number; kind: string; prompt: string; options: string[]; required: boolean }[], body: SubmitSurveyBody) {
  const given = new Map<string, SubmitSurveyBody['answers'][number]>();
  for (const a of body.answers) {
    if (given.has(a.questionId)) throw new AppError('VALIDATION_FAILED', '同一问题只能回答一次');
    given.set(a.questionId, a);
  }
  const known = new Set(questions.map((q) => q.id));
  if ([...given.keys()].some((id) => !known.has(id))) throw new AppError('VALIDATION_FAILED', '回答了本调查没有的问题');
  const rows: { questionId: string; optionIndex: number | null; text: string | null }[] = [];
  for (const q of questions) {
    const a = given.get(q.id);
    const label = `第${q.seq}题「${q.prompt}」`;
    if (q.kind === 'text') {
      const text = a?.text?.trim();
      if (a?.options?.length) throw new AppError('VALIDATION_FAILED', `${label}为填空题`);
      if (!text) {
        if (q.required) throw new AppError('VALIDATION_FAILED', `${label}为必答题`);
        continue;
      }
      rows.push({ questionId: q.id, optionIndex: null, text });
      continue;
    }
    const picked = [...new Set(a?.options ?? [])];
    if (a?.text) throw new AppError('VALIDATION_FAILED', `${label}为选择题`);
    if (picked.length === 0) {
      if (q.required) throw new AppError('VALIDATION_FAILED', `${label}为必答题`);
      continue;
    }
    if (picked.length !== (a?.options ?? []).length) throw new AppError('VALIDATION_FAILED', `${label}的选项重复`);
    if (q.kind === 'single' && picked.length > 1) throw new AppError('VALIDATION_FAILED', `${label}为单选题，只能选一项`);
    if (picked.some((i) => i >= q.options.length)) throw new AppError('VALIDATION_FAILED', `${label}没有所选的选项`);
    for (const i of picked) rows.push({ questionId: q.id, optionIndex: i, text: null });
  }
  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', '请至少回答一个问题');
  return rows;
}

/**
 * One response per client, survey and Beijing day: the client is the HMAC-SM3 of its address under the
 * survey's salt (the address itself is never stored), and the unique index decides between racing requests.
 */
export async function submitSurvey(request: FastifyRequest, id: string, body: SubmitSurveyBody): Promise<{ ok: true }> {
  const now = request.server.clock.now();
  const row = await findSurvey(request.server.db, now, id);
  if (!row || row.status !== 'published') throw new AppError('NOT_FOUND', '调查不存在或已撤回');
  if (row.phase !== 'open') throw new AppError('CONFLICT', row.phase === 'upcoming' ? '调查尚未开始' : '调查已结束');
  const answers = checkAnswers(await findQuestions(request.server.db, id), body);
  const clientHash = hmacSm3(Buffer.from(row.salt, 'hex'), request.ip).toString('hex');
  await request.server.db.transaction(async (tx) => {
    const [response] = await tx
      .insert(surveyResponses)
      .values({ regionCode: row.regionCode, surveyId: id, submittedAt: now, submittedOn: beijingToday(request.server.clock), clientHash })
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id });
    if (!response) throw new AppError('RATE_LIMITED', '您今天已参加过本次调查，感谢参与');
    await tx.insert(surveyAnswers).values(answers.map((a) => ({ ...a, regionCode: row.regionCode, responseId: response.id })));
  });
  return { ok: true };
}

/** The portal's surveys: published ones open now or upcoming, and closed ones whose results staff made public. */
export async function listPortalSurveys(request: FastifyRequest, query: { region: string; page: number; pageSize: number }) {
  const now = request.server.clock.now();
  const where = and(
    eq(surveys.regionCode, query.region),
    eq(surveys.status, 'published'),
    sql`(${surveys.closesAt} > ${now.toISOString()}::timestamptz or ${surveys.resultsPublic})`,
  )!;
  const { items, total } = await findSurveys(request.server.db, now, where, query);
  return { items: items.map(presentSurvey), total, page: query.page, pageSize: query.pageSize };
}

async function publicSurvey(request: FastifyRequest, id: string) {
  const row = await findSurvey(request.server.db, request.server.clock.now(), id, eq(surveys.status, 'published'));
  if (!row) throw new AppError('NOT_FOUND', '调查不存在或已撤回');
  return row;
}

export async function getPortalSurvey(request: FastifyRequest, id: string): Promise<SurveyDetail> {
  const row = await publicSurvey(request, id);
  const questions = await findQuestions(request.server.db, id);
  return { ...presentSurvey(row), questions: questions.map((q) => ({ ...q, kind: q.kind as QuestionKind })) };
}

export async function portalSurveyResults(request: FastifyRequest, id: string): Promise<SurveyResults> {
  const row = await publicSurvey(request, id);
  if (row.phase !== 'closed' || !row.resultsPublic) throw new AppError('NOT_FOUND', '本调查的结果尚未公开');
  return resultsOf(request.server.db, row);
}
