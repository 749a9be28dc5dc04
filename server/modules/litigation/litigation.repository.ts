import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { files } from '../../kernel/files/files.tables.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { caseAssignments, caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { principalRoles } from './litigation.labels.ts';
import type { CaseFilter } from './litigation.schemas.ts';
import { litigationCases, litigationHearings } from './litigation.tables.ts';
import { caseWarns, defenceLate, hearingWarningKinds } from './litigation.warnings.ts';
import { LITIGATION } from './litigation.permissions.ts';

const defenceClock = alias(caseClocks, 'defence_clock');

/** A list row and the head of a detail: the kernel's case, the module's fields, hearing aggregates. */
const columns = {
  id: cases.id,
  caseNo: cases.caseNo,
  title: cases.title,
  state: cases.state,
  terminal: cases.terminal,
  version: cases.version,
  dueOn: cases.dueOn,
  parentId: cases.parentId,
  regionCode: cases.regionCode,
  orgPath: organisations.path,
  instance: litigationCases.instance,
  court: litigationCases.court,
  courtCaseNo: litigationCases.courtCaseNo,
  plaintiffType: litigationCases.plaintiffType,
  plaintiffName: litigationCases.plaintiffName,
  defendantOrgId: litigationCases.defendantOrgId,
  defendantOrgName: organisations.name,
  actCategory: litigationCases.actCategory,
  actDescription: litigationCases.actDescription,
  claims: litigationCases.claims,
  afterReconsideration: litigationCases.afterReconsideration,
  filedOn: litigationCases.filedOn,
  complaintReceivedOn: litigationCases.complaintReceivedOn,
  defenceDueOn: defenceClock.dueOn,
  defenceFiledOn: litigationCases.defenceFiledOn,
  defenceLate,
  outcome: litigationCases.outcome,
  lost: litigationCases.lost,
  judgedOn: litigationCases.judgedOn,
  judgmentNo: litigationCases.judgmentNo,
  effectiveOn: litigationCases.effectiveOn,
  challengedCaseId: litigationCases.challengedCaseId,
  headSummoned: litigationCases.headSummoned,
  hearingCount: sql<number>`(select count(*)::int from ${litigationHearings} where ${litigationHearings.caseId} = ${cases.id})`,
  principalAppeared: sql<boolean>`exists (select 1 from ${litigationHearings} where ${litigationHearings.caseId} = ${cases.id}
    and ${litigationHearings.appearance} in ${[...principalRoles]})`,
  warning: caseWarns,
};

export type LitigationRow = Awaited<ReturnType<typeof findLitigationCases>>['items'][number];

const base = (db: Queryable) =>
  db
    .select(columns)
    .from(cases)
    .innerJoin(litigationCases, eq(litigationCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .leftJoin(defenceClock, and(eq(defenceClock.caseId, cases.id), eq(defenceClock.name, 'defence')));

/** Litigation cases the actor may read: litigation.read in scope of the defendant, or assigned. */
const readable = (actor: Actor): SQL => and(eq(cases.caseType, LITIGATION), readableCondition(actor, [getWorkflow(LITIGATION)]))!;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function listConditions(actor: Actor, filter: CaseFilter): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    readable(actor),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.outcome ? eq(litigationCases.outcome, filter.outcome) : undefined,
    filter.instance ? eq(litigationCases.instance, filter.instance) : undefined,
    filter.defendantOrgId ? eq(litigationCases.defendantOrgId, filter.defendantOrgId) : undefined,
    filter.year ? sql`${litigationCases.complaintReceivedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    filter.lost !== undefined ? eq(litigationCases.lost, filter.lost) : undefined,
    filter.warning !== undefined ? (filter.warning ? caseWarns : sql`not ${caseWarns}`) : undefined,
    filter.afterReconsideration !== undefined ? eq(litigationCases.afterReconsideration, filter.afterReconsideration) : undefined,
    pattern
      ? or(
          sql`${litigationCases.plaintiffName} ilike ${pattern}`,
          sql`${litigationCases.courtCaseNo} ilike ${pattern}`,
          sql`${litigationCases.judgmentNo} ilike ${pattern}`,
          sql`${cases.title} ilike ${pattern}`,
        )
      : undefined,
  )!;
}

const sortColumns = {
  complaintReceivedOn: litigationCases.complaintReceivedOn,
  dueOn: cases.dueOn,
  judgedOn: litigationCases.judgedOn,
  filedOn: litigationCases.filedOn,
  courtCaseNo: litigationCases.courtCaseNo,
  defendantOrgName: organisations.name,
  plaintiffName: litigationCases.plaintiffName,
};

function orderOf(filter: CaseFilter): SQL[] {
  const direction = filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${sortColumns[filter.sort]} ${direction}`, asc(cases.id)];
}

export function findLitigationCases(db: Queryable, actor: Actor, filter: CaseFilter, paging: Paging) {
  return findPage(db, () => base(db).where(listConditions(actor, filter)).$dynamic(), orderOf(filter), paging);
}

/** The export: the list's filters and order without paging, up to a limit a spreadsheet can hold. */
export function findLitigationCasesForExport(db: Queryable, actor: Actor, filter: CaseFilter, limit: number) {
  return base(db)
    .where(listConditions(actor, filter))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findReadableLitigationCase(db: Queryable, actor: Actor, caseId: string): Promise<LitigationRow | undefined> {
  const [row] = await base(db).where(and(eq(cases.id, caseId), readable(actor)));
  return row;
}

/** A case's hearings in order, with their warning kinds and the proof file's name. */
export function findHearings(db: Queryable, caseId: string) {
  return db
    .select({
      hearing: litigationHearings,
      warningKinds: hearingWarningKinds,
      proofName: files.name,
      proofSize: files.size,
      proofMime: files.mime,
    })
    .from(litigationHearings)
    .innerJoin(litigationCases, eq(litigationCases.caseId, litigationHearings.caseId))
    .leftJoin(files, eq(files.id, litigationHearings.proofFileId))
    .where(eq(litigationHearings.caseId, caseId))
    .orderBy(asc(litigationHearings.seq));
}

/** The case this one follows from (a 复议 case or the instance below) and the cases that follow it. */
export async function findRelatedCases(db: Queryable, row: { id: string; parentId: string | null }) {
  const [parent, followUps] = await Promise.all([
    row.parentId
      ? db.select({ id: cases.id, caseType: cases.caseType, title: cases.title, caseNo: cases.caseNo }).from(cases).where(eq(cases.id, row.parentId))
      : Promise.resolve([]),
    db
      .select({ id: cases.id, title: cases.title, state: cases.state, instance: litigationCases.instance })
      .from(cases)
      .innerJoin(litigationCases, eq(litigationCases.caseId, cases.id))
      .where(eq(cases.parentId, row.id))
      .orderBy(asc(cases.openedAt)),
  ]);
  return { parent: parent[0] ?? null, followUps };
}

/** The litigation case (or any case, for a 复议 link) with what registration checks about it. */
export async function findCaseForLink(db: Queryable, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, caseType: cases.caseType, regionCode: cases.regionCode, state: cases.state, details: litigationCases })
    .from(cases)
    .leftJoin(litigationCases, eq(litigationCases.caseId, cases.id))
    .where(eq(cases.id, caseId));
  return row;
}

/**
 * Whether a court's 案号 is already registered in the region, holding a lock on that 案号 until the
 * transaction ends: there is no unique index, so two registrations of one 案号 must not both pass.
 */
export async function courtCaseNoTaken(tx: Tx, regionCode: string, courtCaseNo: string, exceptCaseId?: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`litigation.courtCaseNo:${regionCode}:${courtCaseNo}`}))`);
  const [row] = await tx
    .select({ id: litigationCases.caseId })
    .from(litigationCases)
    .where(
      and(
        eq(litigationCases.regionCode, regionCode),
        eq(litigationCases.courtCaseNo, courtCaseNo),
        exceptCaseId ? sql`${litigationCases.caseId} <> ${exceptCaseId}` : undefined,
      ),
    );
  return row !== undefined;
}

export async function insertLitigationCase(tx: Tx, values: typeof litigationCases.$inferInsert): Promise<void> {
  await tx.insert(litigationCases).values(values);
}

/**
 * Locks the case row for a hearing write (so hearings' seq cannot race, and a concurrent judgment
 * waits), if the actor may read it; with the details a hearing is checked against.
 */
export async function lockReadableCase(tx: Tx, actor: Actor, caseId: string) {
  const [row] = await tx
    .select({
      id: cases.id,
      regionCode: cases.regionCode,
      orgId: cases.orgId,
      orgPath: organisations.path,
      state: cases.state,
      complaintReceivedOn: litigationCases.complaintReceivedOn,
      judgedOn: litigationCases.judgedOn,
    })
    .from(cases)
    .innerJoin(litigationCases, eq(litigationCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.id, caseId), readable(actor)))
    .for('update', { of: cases });
  return row;
}

export async function isAssigned(db: Queryable, caseId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ caseId: caseAssignments.caseId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, userId)))
    .limit(1);
  return row !== undefined;
}

export async function fileInRegion(db: Queryable, fileId: string, regionCode: string): Promise<boolean> {
  const [row] = await db.select({ id: files.id }).from(files).where(and(eq(files.id, fileId), eq(files.regionCode, regionCode)));
  return row !== undefined;
}

export async function findHearing(db: Queryable, caseId: string, hearingId: string) {
  const [row] = await db
    .select({ hearing: litigationHearings, warningKinds: hearingWarningKinds })
    .from(litigationHearings)
    .innerJoin(litigationCases, eq(litigationCases.caseId, litigationHearings.caseId))
    .where(and(eq(litigationHearings.caseId, caseId), eq(litigationHearings.id, hearingId)));
  return row;
}

export async function nextHearingSeq(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${litigationHearings.seq}), 0)::int + 1` })
    .from(litigationHearings)
    .where(eq(litigationHearings.caseId, caseId));
  return row?.next ?? 1;
}

export type HearingValues = Pick<
  typeof litigationHearings.$inferInsert,
  'heldOn' | 'appearance' | 'appearedName' | 'appearedTitle' | 'excuse' | 'excuseText' | 'proofFileId' | 'failure' | 'counsel'
>;

export async function insertHearing(tx: Tx, values: HearingValues & { regionCode: string; caseId: string; seq: number; at: Date; by: string }) {
  const { at, by, ...rest } = values;
  const [row] = await tx.insert(litigationHearings).values({ ...rest, recordedAt: at, createdAt: at, updatedAt: at, createdBy: by, updatedBy: by }).returning();
  return row!;
}

/** Optimistic update: nothing is written unless the row is still at `version`. */
export async function updateHearing(tx: Tx, hearingId: string, version: number, values: HearingValues & { at: Date; by: string }) {
  const { at, by, ...rest } = values;
  const [row] = await tx
    .update(litigationHearings)
    .set({ ...rest, version: sql`${litigationHearings.version} + 1`, updatedAt: at, updatedBy: by })
    .where(and(eq(litigationHearings.id, hearingId), eq(litigationHearings.version, version)))
    .returning();
  return row;
}

/** kernel/files grant: whoever may read a case may read the proof files of its hearings. */
export async function proofFileOnReadableCase(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: cases.id })
    .from(litigationHearings)
    .innerJoin(cases, eq(cases.id, litigationHearings.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(litigationHearings.proofFileId, fileId), readable(actor)))
    .limit(1);
  return row !== undefined;
}
