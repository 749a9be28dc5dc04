import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { hashPassword } from '../../../kernel/auth/password.ts';
import { assertPasswordPolicy } from '../../../kernel/auth/password-policy.ts';
import { getSecuritySettings } from '../../../kernel/config/settings.ts';
import { maskPhone } from '../../../kernel/crypto/sm.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { auditSnapshot, getOrgInScope } from '../user-access.ts';
import { findUser, insertUser, usernameTaken, type UserRow } from '../users.repository.ts';
import type { CreateUserBody } from '../users.schemas.ts';

const duplicate = (username: string) => new AppError('DUPLICATE', `用户名“${username}”已被使用`, [{ field: 'username', message: '用户名已被使用' }]);

/** A new account; its organisation must lie in the actor's user.write scope. */
export async function createUser(request: FastifyRequest, input: CreateUserBody): Promise<UserRow> {
  const scope = requirePermission(request.actor, 'user.write');
  const actor = request.actor!;
  const { db, clock, sm4 } = request.server;
  const org = await getOrgInScope(request, actor, scope, input.orgId);
  if (org.status !== 'active') throw new AppError('CONFLICT', `机构“${org.name}”已停用，不能新增用户`);
  if (await usernameTaken(db, input.username)) throw duplicate(input.username);
  assertPasswordPolicy(input.initialPassword, input.username, await getSecuritySettings(db));
  const passwordHash = await hashPassword(input.initialPassword);
  try {
    return await write(request, async (tx, audit) => {
      const now = clock.now();
      const id = await insertUser(tx, {
        regionCode: org.regionCode,
        orgId: org.id,
        username: input.username,
        displayName: input.displayName,
        phoneEnc: input.phone ? sm4.encrypt(input.phone) : null,
        phoneMask: input.phone ? maskPhone(input.phone) : null,
        email: input.email ?? null,
        title: input.title || null,
        passwordHash,
        // A person changes the initial password at first sign-in; a service account never signs in.
        mustChangePassword: !input.isService,
        isService: input.isService,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      });
      const user = (await findUser(tx, id))!;
      await audit({ action: 'user.create', entityType: 'user', entityId: id, orgId: org.id, regionCode: org.regionCode, after: auditSnapshot(user) });
      return user;
    });
  } catch (error) {
    // Two administrators creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate(input.username);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
