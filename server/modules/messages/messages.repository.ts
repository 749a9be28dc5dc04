import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { beijingDay } from '../../kernel/indicators/indicators.repository.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { caseClocks, cases } from '../../kernel/workflow/workflow.tables.ts';
import { MESSAGE } from './messages.permissions.ts';
import type { MessageFilter } from './messages.schemas.ts';
import { citizenMessages } from './messages.tables.ts';

export type MessageRow = typeof citizenMessages.$inferSelect;

/** The message's own row (inside a step: the case row is locked, so this one is too). */
export async function getMessage(tx: Queryable, caseId: string): Promise<MessageRow> {
  const [row] = await tx.select().from(citizenMessages).where(eq(citizenMessages.caseId, caseId));
  if (!row) throw new AppError('NOT_FOUND', '留言不存在');
  return row;
}

export async function updateMessage(tx: Tx, caseId: string, changes: Partial<MessageRow>): Promise<void> {
  await tx.update(citizenMessages).set(changes).where(eq(citizenMessages.caseId, caseId));
}

/** The region's top organisation (the county government): where messages from the portal are taken in. */
export async function findIntakeOrg(db: Queryable, regionCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), eq(organisations.status, 'active')))
    .orderBy(asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name))
    .limit(1);
  return row?.id;
}

const receivedOn = beijingDay(citizenMessages.receivedAt);
/** The reply clock's due date: the deadline even after the case moved on (cases.due_on then follows other clocks). */
const replyDue = sql<string | null>`(select ${caseClocks.dueOn} from ${caseClocks} where ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = 'reply')`;
const replyStopped = sql<string | null>`(select ${caseClocks.stoppedOn} from ${caseClocks} where ${caseClocks.caseId} = ${cases.id} and ${caseClocks.name} = 'reply')`;

const columns = (dates: MarkDates) => ({
  id: cases.id,
  title: cases.title,
  state: cases.state,
  version: cases.version,
  dueOn: cases.dueOn,
  mark: markSql(cases.dueOn, dates, sql`not ${cases.terminal}`),
  orgId: cases.orgId,
  orgName: organisations.name,
  trackingCode: cases.trackingCode,
  channel: citizenMessages.channel,
  category: citizenMessages.category,
  receivedOn: sql<string>`${receivedOn}`,
  citizenName: citizenMessages.citizenName,
  citizenPhoneMask: citizenMessages.citizenPhoneMask,
  content: citizenMessages.content,
  publicConsent: citizenMessages.publicConsent,
  published: citizenMessages.published,
  publicContent: citizenMessages.publicContent,
  replyText: citizenMessages.replyText,
  repliedOn: citizenMessages.repliedOn,
  replyDueOn: replyDue,
  onTime: sql<boolean | null>`case when ${replyStopped} is null then null else ${replyStopped} <= ${replyDue} end`,
  satisfaction: citizenMessages.satisfaction,
});

export type MessageListRow = Awaited<ReturnType<typeof findMessages>>['items'][number];

const base = (db: Queryable, dates: MarkDates) =>
  db.select(columns(dates)).from(cases).innerJoin(citizenMessages, eq(citizenMessages.caseId, cases.id)).innerJoin(organisations, eq(organisations.id, cases.orgId));

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function conditions(actor: Actor, filter: Partial<MessageFilter>, dates: MarkDates): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const open = sql`not ${cases.terminal}`;
  return and(
    eq(cases.caseType, MESSAGE),
    readableCondition(actor, [getWorkflow(MESSAGE)]),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.channel ? eq(citizenMessages.channel, filter.channel) : undefined,
    filter.category ? eq(citizenMessages.category, filter.category) : undefined,
    filter.orgId ? sql`${organisations.path} like (select o.path || '%' from ${organisations} o where o.id = ${filter.orgId})` : undefined,
    filter.mark ? markFilter(cases.dueOn, filter.mark, dates, open) : undefined,
    filter.from ? sql`${receivedOn} >= ${filter.from}` : undefined,
    filter.to ? sql`${receivedOn} <= ${filter.to}` : undefined,
    filter.toPublish ? sql`${citizenMessages.publicConsent} and not ${citizenMessages.published} and ${cases.state} in ('replied', 'closed')` : undefined,
    filter.satisfaction ? eq(citizenMessages.satisfaction, filter.satisfaction) : undefined,
    pattern ? or(sql`${cases.title} ilike ${pattern}`, sql`${citizenMessages.content} ilike ${pattern}`, sql`${cases.trackingCode} ilike ${pattern}`) : undefined,
  )!;
}

const sorts = { receivedOn: citizenMessages.receivedAt, dueOn: cases.dueOn, repliedOn: citizenMessages.repliedOn, title: cases.title };
const orderOf = (filter: MessageFilter): SQL[] => [sql`${sorts[filter.sort]} ${filter.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`}`, asc(cases.id)];

export function findMessages(db: Queryable, actor: Actor, filter: MessageFilter, dates: MarkDates, paging: Paging) {
  return findPage(db, () => base(db, dates).where(conditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}

export function findMessagesForExport(db: Queryable, actor: Actor, filter: MessageFilter, dates: MarkDates, limit: number) {
  return base(db, dates)
    .where(conditions(actor, filter, dates))
    .orderBy(...orderOf(filter))
    .limit(limit);
}

export async function findReadableMessage(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await base(db, dates).where(and(eq(cases.id, caseId), conditions(actor, {}, dates)));
  return row;
}

/** The sealed phone of a message whose organisation is within `scope` of the actor (own_org: the responsible organisation). */
export async function findPhoneEnc(db: Queryable, actor: Actor, scope: DataScope, caseId: string): Promise<string | null | undefined> {
  const [row] = await db
    .select({ enc: citizenMessages.citizenPhoneEnc })
    .from(cases)
    .innerJoin(citizenMessages, eq(citizenMessages.caseId, cases.id))
    .where(and(eq(cases.id, caseId), scopeOnOrgId(actor, scope, { orgId: cases.orgId, regionCode: cases.regionCode })));
  return row?.enc;
}

/** A message by its portal tracking code, with what the citizen may see of it. */
export async function findTracked(db: Queryable, trackingCode: string) {
  const [row] = await db
    .select({
      id: cases.id,
      title: cases.title,
      state: cases.state,
      version: cases.version,
      trackingSecret: citizenMessages.trackingSecret,
      receivedOn: sql<string>`${receivedOn}`,
      channel: citizenMessages.channel,
      category: citizenMessages.category,
      content: citizenMessages.content,
      replyText: citizenMessages.replyText,
      repliedOn: citizenMessages.repliedOn,
      replyDueOn: replyDue,
      satisfaction: citizenMessages.satisfaction,
      publicConsent: citizenMessages.publicConsent,
      published: citizenMessages.published,
      orgName: organisations.name,
    })
    .from(cases)
    .innerJoin(citizenMessages, eq(citizenMessages.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.trackingCode, trackingCode), eq(cases.caseType, MESSAGE)));
  return row;
}
export type TrackedRow = NonNullable<Awaited<ReturnType<typeof findTracked>>>;

/** Published messages: never a name, phone or tracking code — only what staff made public and the reply. */
const publicColumns = {
  id: cases.id,
  title: cases.title,
  category: citizenMessages.category,
  channel: citizenMessages.channel,
  receivedOn: sql<string>`${receivedOn}`,
  content: sql<string>`coalesce(${citizenMessages.publicContent}, '')`,
  replyText: sql<string>`coalesce(${citizenMessages.replyText}, '')`,
  repliedOn: sql<string>`${citizenMessages.repliedOn}::text`,
  orgName: organisations.name,
};
const publicCondition = (regionCode?: string) =>
  and(eq(cases.caseType, MESSAGE), regionCode ? eq(citizenMessages.regionCode, regionCode) : undefined, eq(citizenMessages.published, true), eq(citizenMessages.publicConsent, true), sql`${cases.state} in ('replied', 'closed')`)!;

export function findPublicMessages(db: Queryable, regionCode: string, filter: { category?: string; q?: string }, paging: Paging) {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  const matched = () =>
    db
      .select(publicColumns)
      .from(cases)
      .innerJoin(citizenMessages, eq(citizenMessages.caseId, cases.id))
      .innerJoin(organisations, eq(organisations.id, cases.orgId))
      .where(and(publicCondition(regionCode), filter.category ? eq(citizenMessages.category, filter.category) : undefined, pattern ? or(sql`${cases.title} ilike ${pattern}`, sql`${citizenMessages.publicContent} ilike ${pattern}`) : undefined))
      .$dynamic();
  return findPage(db, matched, [sql`${citizenMessages.repliedOn} desc`, asc(cases.id)], paging);
}

export async function findPublicMessage(db: Queryable, id: string) {
  const [row] = await db
    .select(publicColumns)
    .from(cases)
    .innerJoin(citizenMessages, eq(citizenMessages.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.id, id), publicCondition()));
  return row;
}
