import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { requirePermission, scopeOnOrgId } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { enforcementBodies, enforcementCertificates, enforcementMatters, enforcementOfficers } from '../../enforcement/enforcement.tables.ts';
import { HANDLE } from '../enforcement-cases.permissions.ts';

/**
 * What the 立案 form offers: the active bodies the user handles cases for, each with its 行政处罚
 * matters (of its fields and organisation) and its officers certified in its fields today. The registry module's own lists
 * need its read permission; a case handler needs only these.
 */
export async function caseOptions(request: FastifyRequest) {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const db = request.server.db;
  const today = beijingToday(request.server.clock);
  const bodies = await db
    .select({ id: enforcementBodies.id, name: enforcementBodies.name, orgId: enforcementBodies.orgId, fields: enforcementBodies.fields })
    .from(enforcementBodies)
    .where(and(eq(enforcementBodies.status, 'active'), scopeOnOrgId(actor, scope, { orgId: enforcementBodies.orgId, regionCode: enforcementBodies.regionCode })))
    .orderBy(asc(enforcementBodies.name));
  const ids = bodies.map((b) => b.id);
  const [matters, officers] = ids.length
    ? await Promise.all([
        db
          .select({ id: enforcementMatters.id, code: enforcementMatters.code, name: enforcementMatters.name, field: enforcementMatters.field, orgId: enforcementMatters.orgId })
          .from(enforcementMatters)
          .where(and(eq(enforcementMatters.regionCode, actor.regionCode), eq(enforcementMatters.category, 'penalty'), eq(enforcementMatters.status, 'active'), inArray(enforcementMatters.orgId, bodies.map((b) => b.orgId))))
          .orderBy(asc(enforcementMatters.code)),
        // Only officers holding a certificate of one of the body's fields valid today: the ones that can be assigned.
        db
          .select({ id: enforcementOfficers.id, name: enforcementOfficers.name, bodyId: enforcementOfficers.bodyId })
          .from(enforcementOfficers)
          .where(
            and(
              inArray(enforcementOfficers.bodyId, ids),
              eq(enforcementOfficers.status, 'active'),
              sql`exists (select 1 from ${enforcementCertificates} c inner join ${enforcementBodies} b on b.id = ${enforcementOfficers.bodyId}
                where c.officer_id = ${enforcementOfficers.id} and c.status = 'valid' and c.issued_on <= ${today} and c.valid_until >= ${today} and c.field = any(b.fields))`,
            ),
          )
          .orderBy(asc(sql`convert_to(${enforcementOfficers.name}, 'UTF8')`)),
      ])
    : [[], []];
  return bodies.map((b) => ({
    id: b.id,
    name: b.name,
    matters: matters.filter((m) => m.orgId === b.orgId && b.fields.includes(m.field)).map(({ orgId: _o, ...m }) => m),
    officers: officers.filter((o) => o.bodyId === b.id).map(({ bodyId: _b, ...o }) => o),
  }));
}
