import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import { users } from '../../kernel/auth/auth.tables.ts';
import { publicComments, publicConsultations, type AdoptionState, type ModerationState } from '../../kernel/consultation/consultation.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import type { ConsultationStatus } from '../../../contracts/consultation.ts';
import { MODERATE, PERSONAL } from './consultation.permissions.ts';

const c = publicConsultations;
const pc = publicComments;

/** Comments are taken while open: opened, not past closesOn, not closed early (kernel isOpen, in SQL). */
const openSql = (today: string) => and(isNull(c.closedAt), sql`${c.opensOn} <= ${today}`, sql`${c.closesOn} >= ${today}`)!;
const closedSql = (today: string) => or(isNotNull(c.closedAt), sql`${c.closesOn} < ${today}`)!;

export function statusCondition(status: ConsultationStatus, today: string): SQL {
  if (status === 'open') return openSql(today);
  if (status === 'closed') return closedSql(today);
  return and(isNull(c.closedAt), sql`${c.opensOn} > ${today}`)!;
}

export function statusOf(row: { opensOn: string; closesOn: string; closedAt: Date | null }, today: string): ConsultationStatus {
  if (row.closedAt !== null || row.closesOn < today) return 'closed';
  return row.opensOn > today ? 'upcoming' : 'open';
}

/** Consultations whose organisation is in the scope of the actor's consultation.moderate (or another of its permissions). */
export function moderatable(actor: Actor, permission = MODERATE): SQL {
  const scope = actor.permissions.get(permission);
  return scope ? scopeOnOrgId(actor, scope, { orgId: c.orgId, regionCode: c.regionCode }) : sql`false`;
}

const countOf = (state: ModerationState) =>
  sql<number>`(select count(*)::int from ${pc} where ${pc.consultationId} = ${c.id} and ${pc.moderation} = ${state})`;

const itemColumns = {
  id: c.id,
  regionCode: c.regionCode,
  entityType: c.entityType,
  entityId: c.entityId,
  orgId: c.orgId,
  orgName: organisations.name,
  title: c.title,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  shortenedReason: c.shortenedReason,
  closedAt: c.closedAt,
  closedReason: c.closedReason,
  version: c.version,
  pending: countOf('pending'),
  approved: countOf('approved'),
  rejected: countOf('rejected'),
};

const items = (db: Queryable) => db.select(itemColumns).from(c).innerJoin(organisations, eq(organisations.id, c.orgId));
export type ConsultationItemRow = Awaited<ReturnType<ReturnType<typeof items>['execute']>>[number];

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;

/** The portal's list: published rounds of the county, open ones first (closing soonest), then those closed since `closedSince`. */
export function findPublicConsultations(db: Queryable, q: { regionCode: string; status?: 'open' | 'closed' }, today: string, closedSince: string, paging: Paging) {
  const recentlyClosed = and(closedSql(today), sql`coalesce((${c.closedAt} at time zone 'Asia/Shanghai')::date, ${c.closesOn}) >= ${closedSince}`)!;
  const where = and(
    eq(c.regionCode, q.regionCode),
    sql`${c.opensOn} <= ${today}`,
    q.status === 'open' ? openSql(today) : q.status === 'closed' ? recentlyClosed : or(openSql(today), recentlyClosed),
  );
  return findPage(db, () => items(db).where(where).$dynamic(), [sql`(${openSql(today)}) desc`, sql`case when ${openSql(today)} then ${c.closesOn} end asc`, desc(c.closesOn), asc(c.id)], paging);
}

/** A published round (opened already), for the portal. */
export async function findPublishedConsultation(db: Queryable, id: string, today: string) {
  const [row] = await db
    .select({ ...itemColumns, explanation: c.explanation, draftText: c.draftText, fileIds: c.fileIds })
    .from(c)
    .innerJoin(organisations, eq(organisations.id, c.orgId))
    .where(and(eq(c.id, id), sql`${c.opensOn} <= ${today}`));
  return row;
}

export function findApprovedComments(db: Queryable, consultationId: string) {
  return db
    .select({ id: pc.id, authorName: pc.authorName, content: pc.content, submittedAt: pc.submittedAt })
    .from(pc)
    .where(and(eq(pc.consultationId, consultationId), eq(pc.moderation, 'approved')))
    .orderBy(asc(pc.submittedAt), asc(pc.id));
}

/** Locks the round while a comment is taken: a concurrent early close waits, so no comment lands after it. */
export async function lockConsultation(tx: Tx, id: string) {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

export async function insertComment(tx: Tx, values: typeof pc.$inferInsert) {
  const [row] = await tx.insert(pc).values(values).returning({ id: pc.id });
  return row!;
}

/* ------------------------------------------------------------------ console */

export interface StaffListFilter {
  status?: ConsultationStatus;
  orgId?: string;
  q?: string;
  pendingOnly?: boolean;
}

export function findModeratableConsultations(db: Queryable, actor: Actor, filter: StaffListFilter, today: string, paging: Paging) {
  const where = and(
    moderatable(actor),
    filter.status ? statusCondition(filter.status, today) : undefined,
    filter.orgId ? eq(c.orgId, filter.orgId) : undefined,
    filter.q ? ilike(c.title, likePattern(filter.q)) : undefined,
    filter.pendingOnly ? sql`exists (select 1 from ${pc} where ${pc.consultationId} = ${c.id} and ${pc.moderation} = 'pending')` : undefined,
  );
  return findPage(db, () => items(db).where(where).$dynamic(), [desc(c.opensOn), desc(c.createdAt), asc(c.id)], paging);
}

export async function findModeratableConsultation(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ ...itemColumns, explanation: c.explanation, draftText: c.draftText, fileIds: c.fileIds })
    .from(c)
    .innerJoin(organisations, eq(organisations.id, c.orgId))
    .where(and(eq(c.id, id), moderatable(actor)));
  return row;
}

const commentColumns = {
  id: pc.id,
  consultationId: pc.consultationId,
  consultationTitle: c.title,
  authorName: pc.authorName,
  contactMask: pc.contactMask,
  hasContact: sql<boolean>`${pc.contactCipher} is not null`,
  content: pc.content,
  submittedAt: pc.submittedAt,
  moderation: pc.moderation,
  moderatedByName: users.displayName,
  moderatedAt: pc.moderatedAt,
  rejectReason: pc.rejectReason,
  adoption: pc.adoption,
  adoptionNote: pc.adoptionNote,
  version: pc.version,
};

const comments = (db: Queryable) => db.select(commentColumns).from(pc).innerJoin(c, eq(c.id, pc.consultationId)).leftJoin(users, eq(users.id, pc.moderatedBy));
export type CommentRow = Awaited<ReturnType<ReturnType<typeof comments>['execute']>>[number];

/** Every comment of a round, in the order received. */
export function findComments(db: Queryable, consultationId: string): Promise<CommentRow[]> {
  return comments(db).where(eq(pc.consultationId, consultationId)).orderBy(asc(pc.submittedAt), asc(pc.id));
}

/** The moderation queue: comments of the rounds the actor moderates, oldest first (they wait longest). */
export function findQueue(db: Queryable, actor: Actor, q: { moderation: ModerationState; consultationId?: string }, paging: Paging) {
  const where = and(moderatable(actor), eq(pc.moderation, q.moderation), q.consultationId ? eq(pc.consultationId, q.consultationId) : undefined);
  const order = q.moderation === 'pending' ? [asc(pc.submittedAt), asc(pc.id)] : [desc(pc.moderatedAt), asc(pc.id)];
  return findPage(db, () => comments(db).where(where).$dynamic(), order, paging);
}

/** Comments of the rounds the actor moderates, locked for a moderation or adoption write. */
export async function lockModeratableComments(tx: Tx, actor: Actor, ids: string[]) {
  return tx
    .select({
      id: pc.id,
      consultationId: pc.consultationId,
      regionCode: pc.regionCode,
      orgId: c.orgId,
      moderation: pc.moderation,
      rejectReason: pc.rejectReason,
      adoption: pc.adoption,
      adoptionNote: pc.adoptionNote,
      contactCipher: pc.contactCipher,
      version: pc.version,
    })
    .from(pc)
    .innerJoin(c, eq(c.id, pc.consultationId))
    .where(and(inArray(pc.id, ids), moderatable(actor)))
    .for('update', { of: pc });
}

/** Optimistic update: nothing is written unless the comment is still at `version`. */
export async function updateComment(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<{ moderation: ModerationState; moderatedBy: string; moderatedAt: Date; rejectReason: string | null; adoption: AdoptionState; adoptionNote: string | null }>,
): Promise<boolean> {
  const rows = await tx
    .update(pc)
    .set({ ...values, version: sql`${pc.version} + 1` })
    .where(and(eq(pc.id, id), eq(pc.version, version)))
    .returning({ id: pc.id });
  return rows.length === 1;
}

export async function lockModeratableConsultation(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(c).where(and(eq(c.id, id), moderatable(actor))).for('update');
  return row;
}


/** A comment's sealed contact, if the actor moderates its round and holds consultation.personal over it. */
export async function findCommentContact(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({ regionCode: pc.regionCode, orgId: c.orgId, contactCipher: pc.contactCipher })
    .from(pc)
    .innerJoin(c, eq(c.id, pc.consultationId))
    .where(and(eq(pc.id, id), moderatable(actor), moderatable(actor, PERSONAL)));
  return row;
}
