import { sql, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { LocalDate } from '../../kernel/calendar/local-date.ts';
import { enforcementCertificates } from './enforcement.tables.ts';

/** SQL pieces the registry's lists, indicators and portal share. */

/** `case column when value then label … else column end`: Chinese labels computed in SQL (sorting, exports). */
export function labelOf(column: SQL | unknown, labels: Record<string, string>): SQL<string> {
  const whens = Object.entries(labels).map(([value, text]) => sql`when ${value} then ${text}`);
  return sql<string>`case ${column} ${sql.join(whens, sql` `)} else ${column} end`;
}

/** A row of an organisation (by id) within the actor's scope. */
export const orgScoped = (actor: Actor, scope: DataScope, orgId: SQL | unknown, regionCode: SQL | unknown): SQL =>
  scopeOnOrgId(actor, scope, { orgId, regionCode });

export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/**
 * A certificate's status on a day: what is recorded, except that a 有效 certificate whose validity
 * has ended reads 已过期 (computed, so no daily job can be missed).
 */
export const effectiveStatus = (day: LocalDate): SQL<string> =>
  sql<string>`case when ${enforcementCertificates.status} = 'valid' and ${enforcementCertificates.validUntil} < ${day} then 'expired' else ${enforcementCertificates.status} end`;

/**
 * A certificate (the enforcement_certificates row under `alias`) was in force on `day`: issued by then,
 * valid through it, and not yet replaced (the replacement's issue day), suspended or revoked (the
 * status change's day) by then. Historic figures therefore do not move when a certificate changes later.
 */
export const certificateInForce = (alias: string, day: LocalDate): SQL => {
  const c = sql.identifier(alias);
  return sql`(${c}.issued_on <= ${day} and ${c}.valid_until >= ${day} and (
    ${c}.status = 'valid'
    or (${c}.status = 'replaced' and not exists (select 1 from enforcement_certificates r where r.replaces_id = ${c}.id and r.issued_on <= ${day}))
    or (${c}.status in ('suspended', 'revoked') and (${c}.updated_at at time zone 'Asia/Shanghai')::date > ${day})))`;
};
