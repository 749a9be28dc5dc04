import type { FastifyRequest } from 'fastify';
import type { users } from '../../../kernel/auth/auth.tables.ts';
import { maskPhone } from '../../../kernel/crypto/sm.ts';
import { AppError, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { auditSnapshot, getOrgInScope, getUserInScope } from '../user-access.ts';
import { findUser, updateUser as updateUserRow, type UserRow } from '../users.repository.ts';
import type { UpdateUserBody } from '../users.schemas.ts';

/** Edits the profile and may move the user to another organisation within the actor's scope. */
export async function updateUser(request: FastifyRequest, id: string, input: UpdateUserBody): Promise<UserRow> {
  const { actor, scope, user } = await getUserInScope(request, id, 'user.write');
  const { clock, sm4 } = request.server;
  const org = input.orgId === user.orgId ? null : await getOrgInScope(request, actor, scope, input.orgId);
  if (org && org.status !== 'active') throw new AppError('CONFLICT', `机构“${org.name}”已停用，不能调入用户`);

  const changes: Partial<typeof users.$inferInsert> = { displayName: input.displayName };
  if (input.phone !== undefined) {
    changes.phoneEnc = input.phone ? sm4.encrypt(input.phone) : null;
    changes.phoneMask = input.phone ? maskPhone(input.phone) : null;
  }
  if (input.email !== undefined) changes.email = input.email;
  if (input.title !== undefined) changes.title = input.title;
  if (org) Object.assign(changes, { orgId: org.id, regionCode: org.regionCode });

  return write(request, async (tx, audit) => {
    if (!(await updateUserRow(tx, id, input.version, changes, { userId: actor.userId, at: clock.now() }))) throw versionConflict('用户');
    const after = (await findUser(tx, id))!;
    await audit({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgId: after.orgId,
      regionCode: after.regionCode,
      before: auditSnapshot(user),
      after: auditSnapshot(after),
      detail: input.phone !== undefined ? { phoneChanged: true } : undefined,
    });
    return after;
  });
}
