import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { getOrgForWrite, isInSubtree, lockOrgTree, type OrgRow } from '../../../kernel/org/org.repository.ts';
import { ORG_ENTITY } from '../org.audit.ts';
import { getOrgView, lockOrgVersion, moveSubtree } from '../org.repository.ts';
import type { Org } from '../org.schemas.ts';
import { assertMayCreateRoot } from './org-guards.ts';

const position = (row: Pick<OrgRow, 'parentId' | 'path' | 'depth'>) => ({ parentId: row.parentId, path: row.path, depth: row.depth });

/**
 * Re-hangs an organisation (with its subtree) under another active parent of the same region, or makes
 * it a root. The region's tree is locked so that no concurrent move can close a cycle.
 */
export async function moveOrg(request: FastifyRequest, id: string, parentId: string | null, version: number): Promise<Org> {
  const scope = requirePermission(request.actor, 'org.write');
  const actor = request.actor!;
  return write(request, async (tx, audit) => {
    const { regionCode } = await getOrgForWrite(tx, actor, id);
    await lockOrgTree(tx, regionCode);
    const org = await lockOrgVersion(tx, id, version);
    let parent: OrgRow | null = null;
    if (parentId) {
      parent = await getOrgForWrite(tx, actor, parentId);
      if (parent.id === org.id || isInSubtree(parent.path, org.path)) {
        throw new AppError('CONFLICT', `不能把「${org.name}」移到它自身或它的下级机构「${parent.name}」之下`);
      }
      if (parent.regionCode !== org.regionCode) throw new AppError('BAD_REQUEST', '不能把机构移到其他行政区划的机构之下');
      if (parent.status !== 'active') throw new AppError('CONFLICT', `上级机构「${parent.name}」已停用，不能移入`);
    } else {
      assertMayCreateRoot(actor, scope, org.regionCode);
    }
    if ((parent?.id ?? null) === org.parentId) return getOrgView(tx, id);
    const rows = await moveSubtree(tx, org, parent, { at: request.server.clock.now(), by: actor.userId });
    const moved = await getOrgView(tx, id);
    await audit({
      action: 'org.move',
      entityType: ORG_ENTITY,
      entityId: id,
      orgId: id,
      regionCode: org.regionCode,
      before: position(org),
      after: position(moved),
      detail: { subtreeSize: rows, toParentName: parent?.name ?? null },
    });
    return moved;
  });
}
