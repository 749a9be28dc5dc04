import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { indexEntry } from '../../kernel/search/search.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { inForceStatuses, legalStatusLabels, procedureStateLabels, type LegalStatus, type ProcedureState } from '../../../contracts/normative.ts';
import { reconsiderationFollowUps } from '../reconsideration/reconsideration.tables.ts';
import { NORMATIVE } from './normative.permissions.ts';
import type { DocumentFilter } from './normative.schemas.ts';
import { normativeDocuments, normativeStatusChanges } from './normative.tables.ts';

export type DocumentRow = typeof normativeDocuments.$inferSelect;

/** The draft's own fields may change while it is drafted, and after a 修改后合法 review before discussion. */
export const editableStates = ['drafting', 'reviewed'];

const issuer = alias(organisations, 'issuer');
const drafter = alias(organisations, 'drafter');

/**
 * The legal status as of `today`: a document in force whose validity has ended has lapsed (已失效) by
 * itself, without anyone recording it, so the status is computed rather than swept by a job.
 */
export const effectiveStatusSql = (today: string) =>
  sql<LegalStatus | null>`case when ${normativeDocuments.status} in ${[...inForceStatuses]} and ${normativeDocuments.validUntil} < ${today} then 'expired' else ${normativeDocuments.status} end`;

export const effectiveStatus = (doc: Pick<DocumentRow, 'status' | 'validUntil'>, today: string): LegalStatus | null =>
  doc.status && inForceStatuses.includes(doc.status as LegalStatus) && doc.validUntil && doc.validUntil < today ? 'expired' : (doc.status as LegalStatus | null);

const columns = (today: string) => ({
  id: cases.id,
  state: cases.state,
  terminal: cases.terminal,
  caseVersion: cases.version,
  dueOn: cases.dueOn,
  regionCode: cases.regionCode,
  orgId: cases.orgId,
  orgName: drafter.name,
  orgPath: drafter.path,
  title: normativeDocuments.title,
  issuerOrgId: normativeDocuments.issuerOrgId,
  issuerName: issuer.name,
  topics: normativeDocuments.topics,
  docNo: normativeDocuments.docNo,
  docYear: normativeDocuments.docYear,
  numberedOn: normativeDocuments.numberedOn,
  publishedOn: normativeDocuments.publishedOn,
  effectiveOn: normativeDocuments.effectiveOn,
  validUntil: normativeDocuments.validUntil,
  filingDueOn: normativeDocuments.filingDueOn,
  filedWithGovernmentOn: normativeDocuments.filedWithGovernmentOn,
  filedWithCongressOn: normativeDocuments.filedWithCongressOn,
  status: effectiveStatusSql(today),
  version: normativeDocuments.version,
  openedAt: cases.openedAt,
});

export type DocumentListRow = Awaited<ReturnType<typeof findDocuments>>['items'][number];

const base = (db: Queryable, today: string) =>
  db
    .select(columns(today))
    .from(normativeDocuments)
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .innerJoin(issuer, eq(issuer.id, normativeDocuments.issuerOrgId))
    .innerJoin(drafter, eq(drafter.id, cases.orgId));

/** Documents the actor may read: normative.read in scope of the drafting unit, or assigned. */
export const readableDocuments = (actor: Actor): SQL => and(eq(cases.caseType, NORMATIVE), readableCondition(actor, [getWorkflow(NORMATIVE)]))!;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** Published documents (portal and registry): publication is the line between a draft and a document. */
export const published = sql`${normativeDocuments.publishedOn} is not null`;

export function filterConditions(filter: DocumentFilter, today: string): SQL | undefined {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    filter.issuerOrgId ? eq(normativeDocuments.issuerOrgId, filter.issuerOrgId) : undefined,
    filter.status ? sql`${effectiveStatusSql(today)} = ${filter.status}` : undefined,
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.year ? eq(sql`extract(year from ${normativeDocuments.publishedOn})::int`, filter.year) : undefined,
    filter.topic ? sql`${normativeDocuments.topics} @> ${JSON.stringify([filter.topic])}::jsonb` : undefined,
    filter.published !== undefined ? (filter.published ? published : sql`not (${published})`) : undefined,
    pattern ? or(sql`${normativeDocuments.title} ilike ${pattern}`, sql`${normativeDocuments.docNo} ilike ${pattern}`) : undefined,
  );
}

const sortColumns = {
  publishedOn: normativeDocuments.publishedOn,
  docNo: normativeDocuments.docYear,
  title: normativeDocuments.title,
  validUntil: normativeDocuments.validUntil,
  openedAt: cases.openedAt,
  dueOn: cases.dueOn,
};
export type DocumentSort = keyof typeof sortColumns;

export function orderOf(sort: DocumentSort, order: 'asc' | 'desc'): SQL[] {
  const direction = order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  if (sort === 'docNo') return [sql`${normativeDocuments.docYear} ${direction}`, sql`${issuer.name} asc`, sql`${normativeDocuments.docSeq} ${direction}`, asc(cases.id)];
  return [sql`${sortColumns[sort]} ${direction}`, asc(cases.id)];
}

export function findDocuments(db: Queryable, actor: Actor, filter: DocumentFilter, today: string, paging: Paging) {
  return findPage(db, () => base(db, today).where(and(readableDocuments(actor), filterConditions(filter, today))).$dynamic(), orderOf(filter.sort, filter.order), paging);
}

export function findDocumentsForExport(db: Queryable, actor: Actor, filter: DocumentFilter, today: string, limit: number) {
  return base(db, today)
    .where(and(readableDocuments(actor), filterConditions(filter, today)))
    .orderBy(...orderOf(filter.sort, filter.order))
    .limit(limit);
}

/** The portal: published documents of a region, anyone may read. */
export function findPublicDocuments(db: Queryable, regionCode: string | undefined, filter: DocumentFilter, today: string, paging: Paging) {
  const where = and(eq(cases.caseType, NORMATIVE), published, regionCode ? eq(cases.regionCode, regionCode) : undefined, filterConditions(filter, today));
  return findPage(db, () => base(db, today).where(where).$dynamic(), orderOf(filter.sort, filter.order), paging);
}

export async function findPublicDocument(db: Queryable, id: string, today: string) {
  const [row] = await base(db, today).where(and(eq(cases.id, id), eq(cases.caseType, NORMATIVE), published));
  return row;
}

export async function findReadableDocument(db: Queryable, actor: Actor, id: string, today: string) {
  const [row] = await base(db, today).where(and(eq(cases.id, id), readableDocuments(actor)));
  return row;
}

/** In force today and ending within the reminder window (today .. limit). */
export function findExpiring(db: Queryable, actor: Actor, today: string, limit: string) {
  return base(db, today)
    .where(
      and(
        readableDocuments(actor),
        sql`${normativeDocuments.status} in ${[...inForceStatuses]}`,
        sql`${normativeDocuments.validUntil} between ${today} and ${limit}`,
      ),
    )
    .orderBy(asc(normativeDocuments.validUntil), asc(cases.id));
}

export async function getDocument(db: Queryable, caseId: string): Promise<DocumentRow> {
  const [row] = await db.select().from(normativeDocuments).where(eq(normativeDocuments.caseId, caseId));
  if (!row) throw new Error(`normative document ${caseId} has no details row`);
  return row;
}

export async function updateDocument(tx: Tx, caseId: string, values: Partial<typeof normativeDocuments.$inferInsert>, at?: Date, by?: string | null): Promise<void> {
  await tx
    .update(normativeDocuments)
    .set({ ...values, version: sql`${normativeDocuments.version} + 1`, ...(at ? { updatedAt: at } : {}), ...(by !== undefined ? { updatedBy: by } : {}) })
    .where(eq(normativeDocuments.caseId, caseId));
}

/** The status history of a document, with the registered document that changed it. */
export function findStatusChanges(db: Queryable, documentId: string) {
  const by = alias(normativeDocuments, 'by_doc');
  return db
    .select({
      id: normativeStatusChanges.id,
      status: normativeStatusChanges.status,
      changedOn: normativeStatusChanges.changedOn,
      byDocumentId: normativeStatusChanges.byDocumentId,
      byDocumentTitle: by.title,
      byDocumentNo: by.docNo,
      byText: normativeStatusChanges.byText,
      campaignId: normativeStatusChanges.campaignId,
      reason: normativeStatusChanges.reason,
    })
    .from(normativeStatusChanges)
    .leftJoin(by, eq(by.caseId, normativeStatusChanges.byDocumentId))
    .where(eq(normativeStatusChanges.documentId, documentId))
    .orderBy(asc(normativeStatusChanges.changedOn), asc(normativeStatusChanges.createdAt));
}

/** The documents this one changed (its 'affects' once published). */
export function findChangedBy(db: Queryable, documentId: string) {
  return db
    .select({ documentId: normativeStatusChanges.documentId, title: normativeDocuments.title, docNo: normativeDocuments.docNo, status: normativeStatusChanges.status, changedOn: normativeStatusChanges.changedOn })
    .from(normativeStatusChanges)
    .innerJoin(normativeDocuments, eq(normativeDocuments.caseId, normativeStatusChanges.documentId))
    .where(eq(normativeStatusChanges.byDocumentId, documentId))
    .orderBy(asc(normativeStatusChanges.changedOn));
}

export interface StatusChange {
  regionCode: string;
  documentId: string;
  status: LegalStatus;
  changedOn: string;
  byDocumentId?: string | null;
  byText?: string | null;
  campaignId?: string | null;
  reason?: string | null;
}

/** Records a status change and makes it the document's status, in the caller's transaction. */
export async function changeStatus(tx: Tx, change: StatusChange, at: Date, by: string | null): Promise<void> {
  await tx.insert(normativeStatusChanges).values({
    regionCode: change.regionCode,
    documentId: change.documentId,
    status: change.status,
    changedOn: change.changedOn,
    byDocumentId: change.byDocumentId ?? null,
    byText: change.byText ?? null,
    campaignId: change.campaignId ?? null,
    reason: change.reason ?? null,
    createdAt: at,
    createdBy: by,
  });
  await updateDocument(tx, change.documentId, { status: change.status }, at, by);
}

/** Locks documents (their case rows) in id order, so that two writers never wait on each other crosswise. */
export async function lockDocuments(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: cases.id,
      regionCode: cases.regionCode,
      orgId: cases.orgId,
      orgPath: drafter.path,
      state: cases.state,
      status: normativeDocuments.status,
      validUntil: normativeDocuments.validUntil,
      title: normativeDocuments.title,
      docNo: normativeDocuments.docNo,
      version: normativeDocuments.version,
    })
    .from(cases)
    .innerJoin(normativeDocuments, eq(normativeDocuments.caseId, cases.id))
    .innerJoin(drafter, eq(drafter.id, cases.orgId))
    .where(inArray(cases.id, ids))
    .orderBy(asc(cases.id))
    .for('update', { of: cases });
}

/** Search: a draft is found by the readers of its drafting unit; a published document by everyone. */
export async function indexDocument(tx: Queryable, caseId: string, at: Date): Promise<void> {
  const [row] = await tx
    .select({ doc: normativeDocuments, orgId: cases.orgId, state: cases.state })
    .from(normativeDocuments)
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .where(eq(normativeDocuments.caseId, caseId));
  if (!row) return;
  const { doc } = row;
  const isPublished = doc.publishedOn !== null;
  await indexEntry(
    tx,
    {
      regionCode: doc.regionCode,
      entityType: NORMATIVE,
      entityId: doc.caseId,
      orgId: row.orgId,
      title: doc.docNo ? `${doc.title}（${doc.docNo}）` : doc.title,
      text: [doc.body, doc.draftingExplanation, doc.basis, doc.topics.join(' ')].filter(Boolean).join('\n'),
      public: isPublished,
      year: doc.publishedOn ? Number(doc.publishedOn.slice(0, 4)) : null,
      status: isPublished ? doc.status : 'draft',
    },
    at,
  );
}

/** Labels for search results and lists: the legal status once published, else the procedure's state. */
export const searchStatusLabels: Record<string, string> = { ...legalStatusLabels, draft: '草案（未公布）' };

export const stateLabel = (state: string): string => procedureStateLabels[state as ProcedureState] ?? state;

/**
 * The 附带审查 follow-ups of 行政复议 cases that concern a document (reconsideration's table records the
 * link, normative_document_id), those the actor may read.
 */
export function findReviewsOf(db: Queryable, actor: Actor, documentId: string) {
  return db
    .select({ id: cases.id, title: cases.title, state: cases.state, caseType: cases.caseType, result: reconsiderationFollowUps.result, openedAt: cases.openedAt })
    .from(reconsiderationFollowUps)
    .innerJoin(cases, eq(cases.id, reconsiderationFollowUps.caseId))
    .where(and(eq(reconsiderationFollowUps.normativeDocumentId, documentId), readableCondition(actor)))
    .orderBy(desc(cases.openedAt));
}
