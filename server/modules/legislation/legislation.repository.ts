import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import type { DraftSource } from './legislation.draft.ts';
import { CONSULTATION, REQUEST } from './legislation.permissions.ts';
import type { ConsultationFilter, RequestFilter } from './legislation.schemas.ts';
import { legislationConsultations, legislationRequests, legislationResearch } from './legislation.tables.ts';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
const yearBetween = (column: SQL | unknown, year: number) => sql`${column} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

const requestCase = alias(cases, 'request_case');
const countRequests = (condition: SQL) =>
  sql<number>`(select count(*)::int from ${legislationRequests} inner join ${cases} request_case on ${requestCase.id} = ${legislationRequests.caseId}
    where ${legislationRequests.consultationId} = ${cases.id} and ${condition})`;

/** A list row and the head of a consultation's page. */
const consultationColumns = (dates: MarkDates) => ({
  id: cases.id,
  title: cases.title,
  state: cases.state,
  terminal: cases.terminal,
  version: cases.version,
  dueOn: cases.dueOn,
  regionCode: cases.regionCode,
  orgId: cases.orgId,
  orgName: organisations.name,
  orgPath: organisations.path,
  mark: markSql(cases.dueOn, dates, sql`not ${cases.terminal}`),
  fromBody: legislationConsultations.fromBody,
  documentTitle: legislationConsultations.documentTitle,
  documentNo: legislationConsultations.documentNo,
  draftTitle: legislationConsultations.draftTitle,
  receivedOn: legislationConsultations.receivedOn,
  replyDueOn: legislationConsultations.replyDueOn,
  summary: legislationConsultations.summary,
  consolidatedText: legislationConsultations.consolidatedText,
  consolidatedOn: legislationConsultations.consolidatedOn,
  replySentOn: legislationConsultations.replySentOn,
  replyDocumentNo: legislationConsultations.replyDocumentNo,
  lateReason: legislationConsultations.lateReason,
  askedCount: countRequests(sql`true`),
  answeredCount: countRequests(sql`${requestCase.state} = 'answered'`),
  outstandingCount: countRequests(sql`not ${requestCase.terminal}`),
  overdueCount: countRequests(sql`not ${requestCase.terminal} and ${legislationRequests.dueOn} < ${dates.today}`),
  researchCount: sql<number>`(select count(*)::int from ${legislationResearch} where ${legislationResearch.consultationId} = ${cases.id})`,
});

export type ConsultationRow = Awaited<ReturnType<typeof findConsultations>>['items'][number];

const consultationBase = (db: Queryable, dates: MarkDates) =>
  db
    .select(consultationColumns(dates))
    .from(cases)
    .innerJoin(legislationConsultations, eq(legislationConsultations.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId));

const readableConsultation = (actor: Actor): SQL => and(eq(cases.caseType, CONSULTATION), readableCondition(actor, [getWorkflow(CONSULTATION)]))!;

function consultationConditions(actor: Actor, filter: ConsultationFilter, dates: MarkDates): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    readableConsultation(actor),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.year ? yearBetween(legislationConsultations.receivedOn, filter.year) : undefined,
    filter.replied !== undefined ? (filter.replied ? eq(cases.state, 'replied') : sql`${cases.state} <> 'replied'`) : undefined,
    markFilter(cases.dueOn, filter.mark, dates, sql`not ${cases.terminal}`),
    pattern
      ? or(
          sql`${legislationConsultations.draftTitle} ilike ${pattern}`,
          sql`${legislationConsultations.documentTitle} ilike ${pattern}`,
          sql`${legislationConsultations.documentNo} ilike ${pattern}`,
          sql`${legislationConsultations.fromBody} ilike ${pattern}`,
          sql`${legislationConsultations.replyDocumentNo} ilike ${pattern}`,
        )
      : undefined,
  )!;
}

const consultationSorts = {
  receivedOn: legislationConsultations.receivedOn,
  replyDueOn: legislationConsultations.replyDueOn,
  replySentOn: legislationConsultations.replySentOn,
  dueOn: cases.dueOn,
  fromBody: legislationConsultations.fromBody,
};

const orderOf = (sort: keyof typeof consultationSorts, order: 'asc' | 'desc'): SQL[] => [
  sql`${consultationSorts[sort]} ${order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`,
  asc(cases.id),
];

export function findConsultations(db: Queryable, actor: Actor, filter: ConsultationFilter, dates: MarkDates, paging: Paging) {
  return findPage(db, () => consultationBase(db, dates).where(consultationConditions(actor, filter, dates)).$dynamic(), orderOf(filter.sort, filter.order), paging);
}

export function findConsultationsForExport(db: Queryable, actor: Actor, filter: ConsultationFilter, dates: MarkDates, limit: number) {
  return consultationBase(db, dates)
    .where(consultationConditions(actor, filter, dates))
    .orderBy(...orderOf(filter.sort, filter.order))
    .limit(limit);
}

export async function findReadableConsultation(db: Queryable, actor: Actor, caseId: string, dates: MarkDates): Promise<ConsultationRow | undefined> {
  const [row] = await consultationBase(db, dates).where(and(eq(cases.id, caseId), readableConsultation(actor)));
  return row;
}

/** The consultation's case row locked for a write beside the workflow (distribution, research). */
export async function lockConsultation(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ id: cases.id, regionCode: cases.regionCode, orgId: cases.orgId, orgPath: organisations.path, state: cases.state, terminal: cases.terminal, version: cases.version, title: cases.title, draftTitle: legislationConsultations.draftTitle, replyDueOn: legislationConsultations.replyDueOn, receivedOn: legislationConsultations.receivedOn })
    .from(cases)
    .innerJoin(legislationConsultations, eq(legislationConsultations.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(eq(cases.id, caseId))
    .for('update', { of: cases });
  return row;
}

export async function insertConsultation(tx: Tx, values: typeof legislationConsultations.$inferInsert): Promise<void> {
  await tx.insert(legislationConsultations).values(values);
}

const requestOrg = alias(organisations, 'request_org');
const parentCase = alias(cases, 'parent_case');

/** A request (one organisation's part) with its organisation, its case and the consultation it belongs to. */
const requestColumns = (dates: MarkDates) => ({
  id: cases.id,
  caseVersion: cases.version,
  state: cases.state,
  terminal: cases.terminal,
  mark: markSql(legislationRequests.dueOn, dates, sql`not ${cases.terminal}`),
  version: legislationRequests.version,
  consultationId: legislationRequests.consultationId,
  consultationTitle: parentCase.title,
  orgId: legislationRequests.orgId,
  orgName: requestOrg.name,
  dueOn: legislationRequests.dueOn,
  note: legislationRequests.note,
  askedOn: sql<string>`to_char(${cases.openedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
  answeredOn: legislationRequests.answeredOn,
  noOpinion: legislationRequests.noOpinion,
  opinion: legislationRequests.opinion,
  contact: legislationRequests.contact,
  late: legislationRequests.late,
  adopted: legislationRequests.adopted,
  adoptionNote: legislationRequests.adoptionNote,
  reminders: sql<number>`(select count(*)::int from ${caseEvents} where ${caseEvents.caseId} = ${cases.id} and ${caseEvents.action} = 'remind')`,
  lapseReason: sql<string | null>`(select ${caseEvents.reason} from ${caseEvents} where ${caseEvents.caseId} = ${cases.id} and ${caseEvents.action} = 'lapse' limit 1)`,
});

export type RequestRow = Awaited<ReturnType<typeof findRequestsOf>>[number];

const requestBase = (db: Queryable, dates: MarkDates) =>
  db
    .select(requestColumns(dates))
    .from(legislationRequests)
    .innerJoin(cases, eq(cases.id, legislationRequests.caseId))
    .innerJoin(requestOrg, eq(requestOrg.id, legislationRequests.orgId))
    .innerJoin(parentCase, eq(parentCase.id, legislationRequests.consultationId));

/** Every request of a consultation (its reader sees them all), late ones first among the open. */
export function findRequestsOf(db: Queryable, consultationId: string, dates: MarkDates) {
  return requestBase(db, dates).where(eq(legislationRequests.consultationId, consultationId)).orderBy(asc(cases.terminal), asc(legislationRequests.dueOn), asc(requestOrg.name));
}

const readableRequest = (actor: Actor): SQL => and(eq(cases.caseType, REQUEST), readableCondition(actor, [getWorkflow(REQUEST)]))!;

/** The requests the actor may read (a department: its own), open ones first by their date. */
export function findRequests(db: Queryable, actor: Actor, filter: RequestFilter, dates: MarkDates, paging: Paging) {
  const conditions = and(
    readableRequest(actor),
    filter.open !== undefined ? eq(cases.terminal, !filter.open) : undefined,
    markFilter(legislationRequests.dueOn, filter.mark, dates, sql`not ${cases.terminal}`),
  );
  return findPage(db, () => requestBase(db, dates).where(conditions).$dynamic(), [asc(cases.terminal), asc(legislationRequests.dueOn), asc(cases.id)], paging);
}

export async function findReadableRequest(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await requestBase(db, dates).where(and(eq(cases.id, caseId), readableRequest(actor)));
  return row;
}

/** The consultation a request belongs to, for the department's view of it (it may not read the case itself). */
export async function findConsultationOfRequest(db: Queryable, consultationId: string) {
  const [row] = await db.select().from(legislationConsultations).where(eq(legislationConsultations.caseId, consultationId));
  return row;
}

export async function requestedOrgIds(tx: Tx, consultationId: string): Promise<Set<string>> {
  const rows = await tx.select({ orgId: legislationRequests.orgId }).from(legislationRequests).where(eq(legislationRequests.consultationId, consultationId));
  return new Set(rows.map((r) => r.orgId));
}

export async function insertRequest(tx: Tx, values: typeof legislationRequests.$inferInsert): Promise<void> {
  await tx.insert(legislationRequests).values(values);
}

/** Optimistic update of the 司法局's decision on an opinion. */
export async function updateAdoption(tx: Tx, caseId: string, version: number, values: { adopted: boolean; adoptionNote: string | null; by: string }) {
  const [row] = await tx
    .update(legislationRequests)
    .set({ adopted: values.adopted, adoptionNote: values.adoptionNote, version: sql`${legislationRequests.version} + 1`, updatedAt: sql`now()`, updatedBy: values.by })
    .where(and(eq(legislationRequests.caseId, caseId), eq(legislationRequests.version, version)))
    .returning();
  return row;
}

/**
 * What the reply's draft is made of: the consultation, the county (the root of the 司法局's tree),
 * the organisations asked, and the opinions not rejected (an opinion counts as adopted until the
 * 司法局 marks it otherwise).
 */
export async function draftSource(db: Queryable, consultationId: string): Promise<DraftSource> {
  const county = alias(organisations, 'county');
  const [head] = await db
    .select({ c: legislationConsultations, countyName: county.name })
    .from(legislationConsultations)
    .innerJoin(cases, eq(cases.id, legislationConsultations.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(county, sql`${county.id} = split_part(${organisations.path}, '/', 2)::uuid`)
    .where(eq(legislationConsultations.caseId, consultationId));
  if (!head) throw new Error(`legislation case ${consultationId} has no details row`);
  const requests = await db
    .select({ orgName: organisations.name, state: cases.state, noOpinion: legislationRequests.noOpinion, opinion: legislationRequests.opinion, adopted: legislationRequests.adopted })
    .from(legislationRequests)
    .innerJoin(cases, eq(cases.id, legislationRequests.caseId))
    .innerJoin(organisations, eq(organisations.id, legislationRequests.orgId))
    .where(eq(legislationRequests.consultationId, consultationId))
    .orderBy(asc(cases.openedAt), asc(organisations.name));
  const answered = requests.filter((r) => r.state === 'answered');
  return {
    countyName: head.countyName,
    fromBody: head.c.fromBody,
    documentTitle: head.c.documentTitle,
    documentNo: head.c.documentNo,
    draftTitle: head.c.draftTitle,
    askedCount: requests.length,
    noOpinionOrgs: answered.filter((r) => r.noOpinion).map((r) => r.orgName),
    adopted: answered.filter((r) => !r.noOpinion && r.opinion && r.adopted !== false).map((r) => ({ orgName: r.orgName, opinion: r.opinion! })),
  };
}

export function findResearch(db: Queryable, consultationId: string) {
  return db.select().from(legislationResearch).where(eq(legislationResearch.consultationId, consultationId)).orderBy(asc(legislationResearch.heldOn), asc(legislationResearch.createdAt));
}

export async function insertResearch(tx: Tx, values: typeof legislationResearch.$inferInsert) {
  const [row] = await tx.insert(legislationResearch).values(values).returning();
  return row!;
}

/** kernel/files grant: the files of a consultation (its letter, the draft) for whoever reads one of its requests. */
export async function fileOfReadableRequest(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(legislationRequests)
    .innerJoin(cases, eq(cases.id, legislationRequests.caseId))
    .innerJoin(caseEvents, eq(caseEvents.caseId, legislationRequests.consultationId))
    .where(and(sql`${caseEvents.fileIds} @> ${JSON.stringify([fileId])}::jsonb`, readableRequest(actor)))
    .limit(1);
  return row !== undefined;
}

/** The files of the consultation's registration (来文 and draft), for the department's view. */
export async function consultationFileIds(db: Queryable, consultationId: string): Promise<string[]> {
  const rows = await db.select({ fileIds: caseEvents.fileIds }).from(caseEvents).where(and(eq(caseEvents.caseId, consultationId), eq(caseEvents.action, 'accept')));
  return rows.flatMap((r) => r.fileIds);
}

/** kernel/files grant: the files of a 立法调研 record for whoever reads its consultation. */
export async function researchFileOnReadableConsultation(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(legislationResearch)
    .innerJoin(cases, eq(cases.id, legislationResearch.consultationId))
    .where(and(sql`${fileId} = any(${legislationResearch.fileIds})`, readableConsultation(actor)))
    .limit(1);
  return row !== undefined;
}
