import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg, getOrgForWrite, lockOrgTree } from '../../../kernel/org/org.repository.ts';
import type { OrgStatus } from '../../../kernel/org/org.tables.ts';
import { ORG_ENTITY, orgSnapshot } from '../org.audit.ts';
import { countActiveChildren, countActiveUsers, getOrgView, lockOrgVersion, updateOrgFields } from '../org.repository.ts';
import type { Org } from '../org.schemas.ts';

/**
 * Organisations are never deleted (their history stays attached to cases and audit rows): they are
 * deactivated, which keeps the tree consistent — an active organisation always has an active parent,
 * and no active account belongs to an inactive organisation.
 */
export async function setOrgStatus(request: FastifyRequest, id: string, status: OrgStatus, version: number): Promise<Org> {
  return write(request, async (tx, audit) => {
    const { regionCode } = await getOrgForWrite(tx, request.actor, id);
    await lockOrgTree(tx, regionCode);
    const org = await lockOrgVersion(tx, id, version);
    if (org.status === status) throw new AppError('CONFLICT', `「${org.name}」已经是${status === 'active' ? '启用' : '停用'}状态`);
    if (status === 'inactive') {
      const children = await countActiveChildren(tx, id);
      if (children) throw new AppError('CONFLICT', `「${org.name}」还有 ${children} 个启用的下级机构，请先停用或移走下级机构`);
      const accounts = await countActiveUsers(tx, id);
      if (accounts) throw new AppError('CONFLICT', `「${org.name}」还有 ${accounts} 个启用的用户账号，请先停用或调走这些账号`);
    } else if (org.parentId) {
      const parent = await findOrg(tx, org.parentId);
      if (parent?.status !== 'active') throw new AppError('CONFLICT', `上级机构「${parent?.name ?? ''}」已停用，请先启用上级机构`);
    }
    const row = await updateOrgFields(tx, id, version, { status }, { at: request.server.clock.now(), by: request.actor!.userId });
    await audit({
      action: status === 'active' ? 'org.activate' : 'org.deactivate',
      entityType: ORG_ENTITY,
      entityId: id,
      orgId: id,
      regionCode: row.regionCode,
      before: orgSnapshot(org),
      after: orgSnapshot(row),
    });
    return getOrgView(tx, id);
  });
}
