import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { LocalDate } from '../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { effectiveStatus, likePattern, orgScoped } from './enforcement.sql.ts';
import type { BodyFilter, CertificateFilter, OfficerFilter } from './enforcement.schemas.ts';
import { enforcementBodies, enforcementCertificates, enforcementOfficers, enforcementTrainings } from './enforcement.tables.ts';

/** The registry's lists of bodies, officers and certificates: each a filtered, scoped query for its page and its Excel export. */

const entrustedBy = alias(organisations, 'entrusted_by');
const replaced = alias(enforcementCertificates, 'replaced');
export const direction = (order: 'asc' | 'desc') => (order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`);
export const ordered = (column: SQL | unknown, order: 'asc' | 'desc', id: SQL | unknown): SQL[] => [sql`${column} ${direction(order)}`, sql`${id} asc`];

export interface ListContext {
  actor: Actor;
  scope: DataScope;
  today: LocalDate;
}

// ——— 执法主体 ———
const bodyColumns = {
  id: enforcementBodies.id,
  regionCode: enforcementBodies.regionCode,
  name: enforcementBodies.name,
  kind: enforcementBodies.kind,
  fields: enforcementBodies.fields,
  legalBasis: enforcementBodies.legalBasis,
  orgId: enforcementBodies.orgId,
  orgName: organisations.name,
  entrustedById: enforcementBodies.entrustedById,
  entrustedByName: entrustedBy.name,
  status: enforcementBodies.status,
  officerCount: sql<number>`(select count(*)::int from ${enforcementOfficers} where ${enforcementOfficers.bodyId} = ${enforcementBodies.id} and ${enforcementOfficers.status} = 'active')`,
  version: enforcementBodies.version,
};
export type BodyRow = Awaited<ReturnType<typeof bodiesBase>>[number];
const bodiesBase = (db: Queryable) =>
  db
    .select(bodyColumns)
    .from(enforcementBodies)
    .innerJoin(organisations, eq(organisations.id, enforcementBodies.orgId))
    .leftJoin(entrustedBy, eq(entrustedBy.id, enforcementBodies.entrustedById));

export const bodyReadable = (ctx: Pick<ListContext, 'actor' | 'scope'>) => orgScoped(ctx.actor, ctx.scope, enforcementBodies.orgId, enforcementBodies.regionCode);

function bodyConditions(ctx: ListContext, f: BodyFilter): SQL {
  return and(
    bodyReadable(ctx),
    f.q ? sql`${enforcementBodies.name} ilike ${likePattern(f.q)}` : undefined,
    f.field ? sql`${f.field} = any(${enforcementBodies.fields})` : undefined,
    f.kind ? eq(enforcementBodies.kind, f.kind) : undefined,
    f.orgId ? eq(enforcementBodies.orgId, f.orgId) : undefined,
    f.status ? eq(enforcementBodies.status, f.status) : undefined,
  )!;
}
const bodySorts = { name: enforcementBodies.name, orgName: organisations.name, kind: enforcementBodies.kind, officerCount: bodyColumns.officerCount };
const bodyOrder = (f: BodyFilter) => ordered(bodySorts[f.sort], f.order, enforcementBodies.id);

export const findBodies = (db: Queryable, ctx: ListContext, f: BodyFilter, paging: Paging) =>
  findPage(db, () => bodiesBase(db).where(bodyConditions(ctx, f)).$dynamic(), bodyOrder(f), paging);
export const findBodiesForExport = (db: Queryable, ctx: ListContext, f: BodyFilter, limit: number) =>
  bodiesBase(db).where(bodyConditions(ctx, f)).orderBy(...bodyOrder(f)).limit(limit);
export const findBodyRow = async (db: Queryable, id: string) => (await bodiesBase(db).where(eq(enforcementBodies.id, id)))[0];

// ——— 执法人员 (with the certificate that speaks for them now) ———

/** The officer's current certificate: the latest-ending one not replaced (有效 first). */
const currentCertificate = sql`(select c.id from ${enforcementCertificates} c where c.officer_id = ${enforcementOfficers.id} and c.status <> 'replaced'
  order by (c.status = 'valid') desc, c.valid_until desc, c.issued_on desc limit 1)`;

const trainingHours = (year: number) =>
  sql<number>`(select coalesce(sum(${enforcementTrainings.hours}), 0)::float8 from ${enforcementTrainings} where ${enforcementTrainings.officerId} = ${enforcementOfficers.id}
    and ${enforcementTrainings.attendedOn} between ${`${year}-01-01`} and ${`${year}-12-31`})`;

const officerColumns = (today: LocalDate, year: number) => ({
  id: enforcementOfficers.id,
  regionCode: enforcementOfficers.regionCode,
  name: enforcementOfficers.name,
  bodyId: enforcementOfficers.bodyId,
  bodyName: enforcementBodies.name,
  orgId: enforcementOfficers.orgId,
  orgName: organisations.name,
  position: enforcementOfficers.position,
  legalQualificationNo: enforcementOfficers.legalQualificationNo,
  userId: enforcementOfficers.userId,
  status: enforcementOfficers.status,
  certificateId: enforcementCertificates.id,
  certificateNo: enforcementCertificates.certificateNo,
  field: enforcementCertificates.field,
  issuer: enforcementCertificates.issuer,
  issuedOn: enforcementCertificates.issuedOn,
  validUntil: enforcementCertificates.validUntil,
  certificateStatus: sql<string | null>`${effectiveStatus(today)}`,
  trainingHours: trainingHours(year),
  version: enforcementOfficers.version,
});
export type OfficerRow = Awaited<ReturnType<ReturnType<typeof officersBase>['execute']>>[number];
const officersBase = (db: Queryable, today: LocalDate, year: number) =>
  db
    .select(officerColumns(today, year))
    .from(enforcementOfficers)
    .innerJoin(enforcementBodies, eq(enforcementBodies.id, enforcementOfficers.bodyId))
    .innerJoin(organisations, eq(organisations.id, enforcementOfficers.orgId))
    .leftJoin(enforcementCertificates, sql`${enforcementCertificates.id} = ${currentCertificate}`);

export const officerReadable = (ctx: Pick<ListContext, 'actor' | 'scope'>) => orgScoped(ctx.actor, ctx.scope, enforcementOfficers.orgId, enforcementOfficers.regionCode);

export const yearOf = (f: { year?: number }, today: LocalDate) => f.year ?? Number(today.slice(0, 4));

function officerConditions(ctx: ListContext, f: OfficerFilter): SQL {
  const year = yearOf(f, ctx.today);
  const pattern = f.q ? likePattern(f.q) : undefined;
  return and(
    officerReadable(ctx),
    pattern
      ? or(
          sql`${enforcementOfficers.name} ilike ${pattern}`,
          sql`exists (select 1 from ${enforcementCertificates} c where c.officer_id = ${enforcementOfficers.id} and c.certificate_no ilike ${pattern})`,
        )
      : undefined,
    f.bodyId ? eq(enforcementOfficers.bodyId, f.bodyId) : undefined,
    f.orgId ? eq(enforcementOfficers.orgId, f.orgId) : undefined,
    f.field ? eq(enforcementCertificates.field, f.field) : undefined,
    f.certificateStatus === 'none' ? sql`${enforcementCertificates.id} is null` : f.certificateStatus ? sql`${effectiveStatus(ctx.today)} = ${f.certificateStatus}` : undefined,
    f.expiringWithin
      ? sql`${enforcementCertificates.status} = 'valid' and ${enforcementCertificates.validUntil} between ${ctx.today} and (${ctx.today}::date + ${f.expiringWithin}::int)`
      : undefined,
    f.belowTraining !== undefined ? sql`${trainingHours(year)} ${f.belowTraining ? sql`<` : sql`>=`} 60` : undefined,
  )!;
}
const officerOrder = (f: OfficerFilter, year: number) => {
  const sorts = { name: enforcementOfficers.name, bodyName: enforcementBodies.name, validUntil: enforcementCertificates.validUntil, trainingHours: trainingHours(year), certificateNo: enforcementCertificates.certificateNo };
  return ordered(sorts[f.sort], f.order, enforcementOfficers.id);
};

export const findOfficers = (db: Queryable, ctx: ListContext, f: OfficerFilter, paging: Paging) => {
  const year = yearOf(f, ctx.today);
  return findPage(db, () => officersBase(db, ctx.today, year).where(officerConditions(ctx, f)).$dynamic(), officerOrder(f, year), paging);
};
export const findOfficersForExport = (db: Queryable, ctx: ListContext, f: OfficerFilter, limit: number) => {
  const year = yearOf(f, ctx.today);
  return officersBase(db, ctx.today, year).where(officerConditions(ctx, f)).orderBy(...officerOrder(f, year)).limit(limit);
};
export const findOfficerRow = async (db: Queryable, id: string, today: LocalDate, condition?: SQL) =>
  (await officersBase(db, today, Number(today.slice(0, 4))).where(and(eq(enforcementOfficers.id, id), condition)))[0];

// ——— 执法证 ———
const certificateColumns = (today: LocalDate) => ({
  id: enforcementCertificates.id,
  regionCode: enforcementCertificates.regionCode,
  officerId: enforcementCertificates.officerId,
  officerName: enforcementOfficers.name,
  orgId: enforcementOfficers.orgId,
  bodyName: enforcementBodies.name,
  certificateNo: enforcementCertificates.certificateNo,
  field: enforcementCertificates.field,
  issuer: enforcementCertificates.issuer,
  issuedOn: enforcementCertificates.issuedOn,
  validUntil: enforcementCertificates.validUntil,
  status: effectiveStatus(today),
  statusReason: enforcementCertificates.statusReason,
  replacesId: enforcementCertificates.replacesId,
  replacesNo: replaced.certificateNo,
  version: enforcementCertificates.version,
});
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof certificatesBase>['execute']>>[number];
const certificatesBase = (db: Queryable, today: LocalDate) =>
  db
    .select(certificateColumns(today))
    .from(enforcementCertificates)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
    .innerJoin(enforcementBodies, eq(enforcementBodies.id, enforcementOfficers.bodyId))
    .leftJoin(replaced, eq(replaced.id, enforcementCertificates.replacesId));

function certificateConditions(ctx: ListContext, f: CertificateFilter): SQL {
  const pattern = f.q ? likePattern(f.q) : undefined;
  return and(
    officerReadable(ctx),
    pattern ? or(sql`${enforcementCertificates.certificateNo} ilike ${pattern}`, sql`${enforcementOfficers.name} ilike ${pattern}`) : undefined,
    f.officerId ? eq(enforcementCertificates.officerId, f.officerId) : undefined,
    f.bodyId ? eq(enforcementOfficers.bodyId, f.bodyId) : undefined,
    f.field ? eq(enforcementCertificates.field, f.field) : undefined,
    f.status ? sql`${effectiveStatus(ctx.today)} = ${f.status}` : undefined,
    f.replacedIn
      ? sql`${enforcementCertificates.replacesId} is not null and ${enforcementCertificates.issuedOn} between ${`${f.replacedIn}-01-01`} and ${`${f.replacedIn}-12-31`}`
      : undefined,
  )!;
}
const certificateSorts = { certificateNo: enforcementCertificates.certificateNo, issuedOn: enforcementCertificates.issuedOn, validUntil: enforcementCertificates.validUntil, officerName: enforcementOfficers.name };
const certificateOrder = (f: CertificateFilter) => ordered(certificateSorts[f.sort], f.order, enforcementCertificates.id);

export const findCertificates = (db: Queryable, ctx: ListContext, f: CertificateFilter, paging: Paging) =>
  findPage(db, () => certificatesBase(db, ctx.today).where(certificateConditions(ctx, f)).$dynamic(), certificateOrder(f), paging);
export const findCertificatesForExport = (db: Queryable, ctx: ListContext, f: CertificateFilter, limit: number) =>
  certificatesBase(db, ctx.today).where(certificateConditions(ctx, f)).orderBy(...certificateOrder(f)).limit(limit);
export const findCertificateRow = async (db: Queryable, id: string, today: LocalDate) =>
  (await certificatesBase(db, today).where(eq(enforcementCertificates.id, id)))[0];
export const findOfficerCertificates = (db: Queryable, officerId: string, today: LocalDate) =>
  certificatesBase(db, today).where(eq(enforcementCertificates.officerId, officerId)).orderBy(sql`${enforcementCertificates.issuedOn} desc`, asc(enforcementCertificates.id));

/** 有效 certificates ending within `days` days of today, soonest first. */
const expiring = (ctx: ListContext, days: number) =>
  and(
    officerReadable(ctx),
    eq(enforcementCertificates.status, 'valid'),
    sql`${enforcementCertificates.validUntil} between ${ctx.today} and (${ctx.today}::date + ${days}::int)`,
    eq(enforcementOfficers.status, 'active'),
  );

export const findExpiringCertificates = (db: Queryable, ctx: ListContext, days: number, limit: number) =>
  certificatesBase(db, ctx.today)
    .where(expiring(ctx, days))
    .orderBy(asc(enforcementCertificates.validUntil), asc(enforcementCertificates.id))
    .limit(limit);

export async function countExpiringCertificates(db: Queryable, ctx: ListContext, days: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enforcementCertificates)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
    .where(expiring(ctx, days));
  return row?.n ?? 0;
}

const shortOfTraining = (ctx: ListContext, year: number, hours: number) =>
  and(
    officerReadable(ctx),
    eq(enforcementOfficers.status, 'active'),
    sql`exists (select 1 from ${enforcementCertificates} c where c.officer_id = ${enforcementOfficers.id} and c.status = 'valid' and c.valid_until >= ${ctx.today})`,
    sql`${trainingHours(year)} < ${hours}`,
  );

export async function countTrainingShortfall(db: Queryable, ctx: ListContext, year: number, hours: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(enforcementOfficers).where(shortOfTraining(ctx, year, hours));
  return row?.n ?? 0;
}

/** Active officers holding a certificate in force today whose training this year is below `hours`, fewest first. */
export async function findTrainingShortfall(db: Queryable, ctx: ListContext, year: number, hours: number, limit: number) {
  const sum = trainingHours(year);
  const where = shortOfTraining(ctx, year, hours);
  const query = () =>
    db
      .select({ officerId: enforcementOfficers.id, name: enforcementOfficers.name, bodyName: enforcementBodies.name, hours: sum })
      .from(enforcementOfficers)
      .innerJoin(enforcementBodies, eq(enforcementBodies.id, enforcementOfficers.bodyId))
      .where(where)
      .$dynamic();
  return findPage(db, query, [sql`${sum} asc`, asc(enforcementOfficers.name), asc(enforcementOfficers.id)], { page: 1, pageSize: limit });
}

export const findTrainings = (db: Queryable, officerId: string) =>
  db
    .select({ id: enforcementTrainings.id, attendedOn: enforcementTrainings.attendedOn, course: enforcementTrainings.course, hours: enforcementTrainings.hours })
    .from(enforcementTrainings)
    .where(eq(enforcementTrainings.officerId, officerId))
    .orderBy(sql`${enforcementTrainings.attendedOn} desc`);
