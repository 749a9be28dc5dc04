import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { getOrgForWrite, lockOrgTree, type OrgRow } from '../../../kernel/org/org.repository.ts';
import { ORG_ENTITY, orgSnapshot } from '../org.audit.ts';
import { getOrgView, insertOrg } from '../org.repository.ts';
import type { CreateOrgBody, Org } from '../org.schemas.ts';
import { assertCreditCode, assertMayCreateRoot, assertRegionExists, assertUnique } from './org-guards.ts';

/** A new organisation under an active parent the actor manages, or a new root of the actor's region. */
export async function createOrg(request: FastifyRequest, input: CreateOrgBody): Promise<Org> {
  const scope = requirePermission(request.actor, 'org.write');
  const actor = request.actor!;
  assertCreditCode(input.creditCode);
  return write(request, async (tx, audit) => {
    await assertRegionExists(tx, input.regionCode);
    await lockOrgTree(tx, input.regionCode);
    let parent: OrgRow | null = null;
    if (input.parentId) {
      parent = await getOrgForWrite(tx, actor, input.parentId);
      if (parent.regionCode !== input.regionCode) {
        throw new AppError('BAD_REQUEST', `上级机构「${parent.name}」不属于行政区划 ${input.regionCode}`);
      }
      if (parent.status !== 'active') throw new AppError('CONFLICT', `上级机构「${parent.name}」已停用，不能在其下新建机构`);
    } else {
      assertMayCreateRoot(actor, scope, input.regionCode);
    }
    await assertUnique(tx, input);
    const { parentId: _parentId, ...fields } = input;
    const row = await insertOrg(tx, { ...fields, id: crypto.randomUUID(), parent }, { at: request.server.clock.now(), by: actor.userId });
    await audit({ action: 'org.create', entityType: ORG_ENTITY, entityId: row.id, orgId: row.id, regionCode: row.regionCode, after: orgSnapshot(row) });
    return getOrgView(tx, row.id);
  });
}
