import type { FastifyRequest } from 'fastify';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { getOrgForWrite } from '../../../kernel/org/org.repository.ts';
import { ORG_ENTITY, orgSnapshot } from '../org.audit.ts';
import { getOrgView, updateOrgFields } from '../org.repository.ts';
import type { Org, UpdateOrgBody } from '../org.schemas.ts';
import { assertCreditCode, assertUnique } from './org-guards.ts';

/** Edits an organisation's own fields; its place in the tree and its status have their own actions. */
export async function updateOrg(request: FastifyRequest, id: string, input: UpdateOrgBody): Promise<Org> {
  assertCreditCode(input.creditCode);
  return write(request, async (tx, audit) => {
    const org = await getOrgForWrite(tx, request.actor, id);
    if (org.version !== input.version) throw versionConflict('机构');
    if (input.regionCode !== undefined && input.regionCode !== org.regionCode) {
      throw new AppError('CONFLICT', '机构的行政区划不能修改；如需调整，请在目标行政区新建机构');
    }
    const { version, regionCode: _regionCode, ...fields } = input;
    await assertUnique(tx, { regionCode: org.regionCode, code: fields.code, creditCode: fields.creditCode }, org.id);
    const row = await updateOrgFields(tx, id, version, fields, { at: request.server.clock.now(), by: request.actor!.userId });
    await audit({
      action: 'org.update',
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
