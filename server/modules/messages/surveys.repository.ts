import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { scopeCondition, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { beijingDay } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { surveyAnswers, surveyQuestions, surveyResponses, surveys } from './messages.tables.ts';

/** Where a published survey stands at `now`: its window is [opens_at, closes_at). */
export const phaseSql = (now: Date) =>
  sql<'upcoming' | 'open' | 'closed' | null>`case when ${surveys.status} <> 'published' then null when ${surveys.opensAt} > ${now.toISOString()}::timestamptz then 'upcoming'
    when ${surveys.closesAt} <= ${now.toISOString()}::timestamptz then 'closed' else 'open' end`;

const responseCount = sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.surveyId} = ${surveys.id})`;

const itemColumns = (now: Date) => ({
  id: surveys.id,
  title: surveys.title,
  description: surveys.description,
  orgId: surveys.orgId,
  orgName: organisations.name,
  regionCode: surveys.regionCode,
  opensOn: sql<string>`${beijingDay(surveys.opensAt)}`,
  // closes_at is the start of the day after the last day.
  closesOn: sql<string>`${beijingDay(sql`(${surveys.closesAt} - interval '1 day')`)}`,
  status: surveys.status,
  phase: phaseSql(now),
  resultsPublic: surveys.resultsPublic,
  responses: responseCount,
  version: surveys.version,
  salt: surveys.salt,
});
export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

const base = (db: Queryable, now: Date) => db.select(itemColumns(now)).from(surveys).innerJoin(organisations, eq(organisations.id, surveys.orgId));

export const surveyScope = (actor: Actor, scope: DataScope) => scopeCondition(actor, scope, { orgId: surveys.orgId, orgPath: organisations.path, regionCode: surveys.regionCode });

export function findSurveys(db: Queryable, now: Date, where: SQL, paging: Paging) {
  return findPage(db, () => base(db, now).where(where).$dynamic(), [desc(surveys.opensAt), asc(surveys.id)], paging);
}

export async function findSurvey(db: Queryable, now: Date, id: string, where?: SQL) {
  const [row] = await base(db, now).where(and(eq(surveys.id, id), where));
  return row;
}

export function findQuestions(db: Queryable, surveyId: string) {
  return db
    .select({ id: surveyQuestions.id, seq: surveyQuestions.seq, kind: surveyQuestions.kind, prompt: surveyQuestions.prompt, options: surveyQuestions.options, required: surveyQuestions.required })
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.seq));
}

const TEXTS_PER_QUESTION = 200;

/** The counts behind a survey's results, in SQL: answers per option, respondents and text answers per question. */
export async function findResults(db: Queryable, surveyId: string) {
  const questionIds = sql`(select ${surveyQuestions.id} from ${surveyQuestions} where ${surveyQuestions.surveyId} = ${surveyId})`;
  const [counts, answered, texts] = await Promise.all([
    db
      .select({ questionId: surveyAnswers.questionId, optionIndex: surveyAnswers.optionIndex, count: sql<number>`count(*)::int` })
      .from(surveyAnswers)
      .where(and(sql`${surveyAnswers.questionId} in ${questionIds}`, sql`${surveyAnswers.optionIndex} is not null`))
      .groupBy(surveyAnswers.questionId, surveyAnswers.optionIndex),
    db
      .select({ questionId: surveyAnswers.questionId, answered: sql<number>`count(distinct ${surveyAnswers.responseId})::int`, texts: sql<number>`count(${surveyAnswers.text})::int` })
      .from(surveyAnswers)
      .where(sql`${surveyAnswers.questionId} in ${questionIds}`)
      .groupBy(surveyAnswers.questionId),
    db.execute(sql`select question_id, text from (
        select ${surveyAnswers.questionId} as question_id, ${surveyAnswers.text} as text,
               row_number() over (partition by ${surveyAnswers.questionId} order by ${surveyResponses.submittedAt} desc, ${surveyAnswers.id}) as n
        from ${surveyAnswers} inner join ${surveyResponses} on ${surveyResponses.id} = ${surveyAnswers.responseId}
        where ${surveyAnswers.questionId} in ${questionIds} and ${surveyAnswers.text} is not null) t
      where n <= ${TEXTS_PER_QUESTION} order by question_id, n`),
  ]);
  return { counts, answered, texts: (texts as unknown as { rows: { question_id: string; text: string }[] }).rows };
}
