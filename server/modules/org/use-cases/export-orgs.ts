import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import { orgScopeCondition } from '../../../kernel/org/org.repository.ts';
import { orgSheetColumns, treeOrder } from '../org.excel.ts';
import { listOrgsWithParentCode } from '../org.repository.ts';

/** The organisations the actor can see, in the layout the import reads back. */
export async function exportOrgs(request: FastifyRequest, regionCode?: string): Promise<Buffer> {
  const scope = requirePermission(request.actor, 'org.read');
  const rows = await listOrgsWithParentCode(request.server.db, orgScopeCondition(request.actor!, scope), regionCode);
  return toXlsx('机构', orgSheetColumns, treeOrder(rows));
}
