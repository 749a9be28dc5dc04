import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { caseClocks, caseEvents, cases } from '../../kernel/workflow/workflow.tables.ts';
import { outcomeGroups } from '../../../contracts/disclosure.ts';
import { DISCLOSURE } from './disclosure.permissions.ts';
import type { RequestFilter } from './disclosure.schemas.ts';
import { disclosureConsultations, disclosureRequests } from './disclosure.tables.ts';

/** The organisations that answer applications: the region's governments, departments and townships. */
export const agencyTypes = ['government', 'department', 'township', 'street'] as const;

export function findAgencies(db: Queryable, regionCode: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active'), inArray(organisations.type, [...agencyTypes])))
    .orderBy(asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name));
}

export async function findActiveAgency(db: Queryable, regionCode: string, orgId: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.id, orgId), eq(organisations.regionCode, regionCode), eq(organisations.status, 'active'), inArray(organisations.type, [...agencyTypes])));
  return row;
}

const columns = {
  id: cases.id,
  caseNo: cases.caseNo,
  title: cases.title,
  state: cases.state,
  terminal: cases.terminal,
  orgId: cases.orgId,
  orgName: organisations.name,
  dueOn: cases.dueOn,
  dueProvisional: cases.dueProvisional,
  version: cases.version,
  channel: disclosureRequests.channel,
  receivedOn: disclosureRequests.receivedOn,
  applicantKind: disclosureRequests.applicantKind,
  applicantName: disclosureRequests.applicantName,
  outcome: disclosureRequests.outcome,
  repliedOn: disclosureRequests.repliedOn,
  replyNo: disclosureRequests.replyNo,
  extended: disclosureRequests.extended,
};

const sortColumns = { receivedOn: disclosureRequests.receivedOn, dueOn: cases.dueOn, repliedOn: disclosureRequests.repliedOn };
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
const markOf = (dates: MarkDates) => markSql(cases.dueOn, dates, sql`not ${cases.terminal}`);

function conditions(actor: Actor, f: RequestFilter, dates: MarkDates): SQL {
  const q = f.q ? likePattern(f.q) : undefined;
  const leaves = f.outcomeGroup ? outcomeGroups.find((g) => g.code === f.outcomeGroup)?.leaves : undefined;
  return and(
    eq(cases.caseType, DISCLOSURE),
    readableCondition(actor, [getWorkflow(DISCLOSURE)]),
    f.state ? eq(cases.state, f.state) : undefined,
    f.orgId ? eq(cases.orgId, f.orgId) : undefined,
    f.channel ? eq(disclosureRequests.channel, f.channel) : undefined,
    f.applicantKind ? eq(disclosureRequests.applicantKind, f.applicantKind) : undefined,
    f.outcome ? eq(disclosureRequests.outcome, f.outcome) : undefined,
    leaves ? inArray(disclosureRequests.outcome, [...leaves]) : undefined,
    f.receivedFrom ? sql`${disclosureRequests.receivedOn} >= ${f.receivedFrom}` : undefined,
    f.receivedTo ? sql`${disclosureRequests.receivedOn} <= ${f.receivedTo}` : undefined,
    q ? or(sql`${disclosureRequests.applicantName} ilike ${q}`, sql`${disclosureRequests.description} ilike ${q}`, sql`${cases.caseNo} ilike ${q}`) : undefined,
    markFilter(cases.dueOn, f.mark, dates, sql`not ${cases.terminal}`),
  )!;
}

const orderOf = (f: RequestFilter): SQL[] => [sql`${sortColumns[f.sort]} ${f.order === 'asc' ? sql`asc` : sql`desc`} nulls last`, desc(cases.openedAt), asc(cases.id)];

const selectRequests = (db: Queryable, dates: MarkDates) =>
  db
    .select({ ...columns, mark: markOf(dates) })
    .from(cases)
    .innerJoin(disclosureRequests, eq(disclosureRequests.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId));

export function findRequests(db: Queryable, actor: Actor, filter: RequestFilter, paging: Paging, dates: MarkDates) {
  return findPage(db, () => selectRequests(db, dates).where(conditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}
export type RequestRow = Awaited<ReturnType<typeof findRequests>>['items'][number];

export function findRequestsForExport(db: Queryable, actor: Actor, filter: RequestFilter, dates: MarkDates, limit: number) {
  return selectRequests(db, dates).where(conditions(actor, filter, dates)).orderBy(...orderOf(filter)).limit(limit);
}

/** One application the actor may read, with its own fields; undefined when not readable. */
export async function findRequest(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await db
    .select({
      ...columns,
      mark: markOf(dates),
      orgPath: organisations.path,
      regionCode: cases.regionCode,
      trackingCode: cases.trackingCode,
      applicantIdMask: disclosureRequests.applicantIdMask,
      applicantPhoneMask: disclosureRequests.applicantPhoneMask,
      applicantEmail: disclosureRequests.applicantEmail,
      description: disclosureRequests.description,
      purpose: disclosureRequests.purpose,
      deliveryForm: disclosureRequests.deliveryForm,
      deliveryMethod: disclosureRequests.deliveryMethod,
      outcomeReason: disclosureRequests.outcomeReason,
      referredTo: disclosureRequests.referredTo,
      replyFileId: disclosureRequests.replyFileId,
      feeFen: disclosureRequests.feeFen,
      feeNoticedOn: disclosureRequests.feeNoticedOn,
      feePaidOn: disclosureRequests.feePaidOn,
      pages: disclosureRequests.pages,
      extra: disclosureRequests.extra,
    })
    .from(cases)
    .innerJoin(disclosureRequests, eq(disclosureRequests.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.id, caseId), eq(cases.caseType, DISCLOSURE), readableCondition(actor, [getWorkflow(DISCLOSURE)])));
  return row;
}

export function findConsultations(db: Queryable, caseId: string) {
  return db.select().from(disclosureConsultations).where(eq(disclosureConsultations.caseId, caseId)).orderBy(asc(disclosureConsultations.sentOn), asc(disclosureConsultations.createdAt));
}

export async function findSealed(db: Queryable, caseId: string) {
  const [row] = await db
    .select({ idEnc: disclosureRequests.applicantIdEnc, phoneEnc: disclosureRequests.applicantPhoneEnc, addressEnc: disclosureRequests.applicantAddressEnc })
    .from(disclosureRequests)
    .where(eq(disclosureRequests.caseId, caseId));
  return row;
}

// The portal: no login, so nothing here is scoped by an actor — the tracking code and its verification are.

export async function findTracked(db: Queryable, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      state: cases.state,
      terminal: cases.terminal,
      version: cases.version,
      agencyName: organisations.name,
      trackingSecret: disclosureRequests.trackingSecret,
      receivedOn: disclosureRequests.receivedOn,
      description: disclosureRequests.description,
      outcome: disclosureRequests.outcome,
      repliedOn: disclosureRequests.repliedOn,
      replyNo: disclosureRequests.replyNo,
      replyFileId: disclosureRequests.replyFileId,
      feeFen: disclosureRequests.feeFen,
      feeNoticedOn: disclosureRequests.feeNoticedOn,
      feePaidOn: disclosureRequests.feePaidOn,
      extra: disclosureRequests.extra,
    })
    .from(cases)
    .innerJoin(disclosureRequests, eq(disclosureRequests.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.trackingCode, trackingCode), eq(cases.caseType, DISCLOSURE)));
  return row;
}
export type TrackedRow = NonNullable<Awaited<ReturnType<typeof findTracked>>>;

export async function findPublicHistory(db: Queryable, caseId: string) {
  const [events, clocks] = await Promise.all([
    db.select({ at: caseEvents.at, action: caseEvents.action, data: caseEvents.data }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq)),
    db.select({ name: caseClocks.name, status: caseClocks.status, dueOn: caseClocks.dueOn, provisional: caseClocks.provisional }).from(caseClocks).where(eq(caseClocks.caseId, caseId)),
  ]);
  return { events, clocks };
}
