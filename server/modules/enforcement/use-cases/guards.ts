import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, forbidden, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { MANAGE, READ } from '../enforcement.permissions.ts';
import type { ListContext } from '../enforcement.repository.ts';
import { orgScoped } from '../enforcement.sql.ts';

/** Who reads the registry, in which scope, on which day. */
export function readContext(request: FastifyRequest): ListContext {
  const scope = requirePermission(request.actor, READ);
  return { actor: request.actor!, scope, today: beijingToday(request.server.clock) };
}

export function manageContext(request: FastifyRequest): ListContext {
  const scope = requirePermission(request.actor, MANAGE);
  return { actor: request.actor!, scope, today: beijingToday(request.server.clock) };
}

export interface OrgRef {
  id: string;
  name: string;
  type: string;
  regionCode: string;
}

/**
 * An organisation the actor may manage the registry of: within its enforcement.manage scope. One of
 * the region outside that scope is refused by name; others do not exist for the actor.
 */
export async function orgForManage(db: Queryable, actor: Actor, scope: DataScope, orgId: string, field = 'orgId'): Promise<OrgRef> {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type, regionCode: organisations.regionCode, inScope: sql<boolean>`${orgScoped(actor, scope, organisations.id, organisations.regionCode)}` })
    .from(organisations)
    .where(and(eq(organisations.id, orgId), eq(organisations.regionCode, actor.regionCode)));
  if (!org) throw fieldRefused(field, '机构不存在或不属于本行政区', 'NOT_FOUND');
  if (!org.inScope) throw forbidden(`「${org.name}」不在您的管理范围内`);
  return { id: org.id, name: org.name, type: org.type, regionCode: org.regionCode };
}

/** An existing row of the actor's region, or 404; then its organisation must be in the manage scope. */
export async function rowForManage<T extends { regionCode: string; orgId: string }>(db: Queryable, actor: Actor, scope: DataScope, row: T | undefined, what: string): Promise<T> {
  if (!row || row.regionCode !== actor.regionCode) throw notFound(what);
  await orgForManage(db, actor, scope, row.orgId);
  return row;
}

export function checkVersion(current: number, given: number, what: string): void {
  if (current !== given) throw versionConflict(what);
}

/** An UPDATE … WHERE version = given that touched no row lost a race with another edit. */
export function updated<T>(rows: T[], what: string): T {
  if (!rows[0]) throw versionConflict(what);
  return rows[0];
}

export function checkValidity(issuedOn: string, validUntil: string): void {
  if (validUntil < issuedOn) throw fieldRefused('validUntil', '有效期至不能早于发证日期');
}

export const duplicate = (field: string, message: string) => fieldRefused(field, message, 'DUPLICATE');
export const conflict = (message: string) => new AppError('CONFLICT', message);
