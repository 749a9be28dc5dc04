import type { FastifyRequest } from 'fastify';
import { writeAudit, type AuditEntry } from '../../../kernel/audit/audit.ts';
import { loadActor } from '../../../kernel/auth/actor.repository.ts';
import { DUMMY_HASH, verifyPassword } from '../../../kernel/auth/password.ts';
import { createSession, type NewSession } from '../../../kernel/auth/sessions.ts';
import { getSecuritySettings } from '../../../kernel/config/settings.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { beijingTime } from '../../../kernel/clock/clock.ts';
import { findLoginUser, recordFailedLogin, recordLogin, type LoginUser } from '../auth.repository.ts';

/** One message for an unknown user and a wrong password, so that usernames cannot be probed. */
const badCredentials = () => new AppError('BAD_CREDENTIALS', '用户名或密码错误');

const accountLocked = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请于 ${beijingTime(until)}（北京时间）后再试，或联系安全管理员解锁`, {
    lockedUntil: until.toISOString(),
  });

type Failure = Omit<AuditEntry, 'action'>;

/** A failed attempt is recorded under the name that was tried, since nobody is signed in. */
const auditAttempt = (request: FastifyRequest, tx: Tx, username: string, action: string, entry: Failure) =>
  writeAudit(tx, request.server.clock.now(), { actor: null, meta: request.meta, actorName: username }, { action, ...entry });

/** Checks the credentials under the lockout policy and opens a session. Every outcome is audited. */
export async function login(request: FastifyRequest, username: string, password: string): Promise<NewSession> {
  const { db, clock } = request.server;
  const now = clock.now();
  const user = await findLoginUser(db, username);
  const fail = (entry: Failure) => db.transaction((tx) => auditAttempt(request, tx, username, 'auth.login_failed', entry));

  if (!user) {
    // Spend the same time as for a real user before answering.
    await verifyPassword(password, DUMMY_HASH);
    await fail({ detail: { reason: 'unknown_user' } });
    throw badCredentials();
  }
  const about = { entityType: 'user', entityId: user.id, orgId: user.orgId, regionCode: user.regionCode };
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail({ ...about, detail: { reason: 'locked' } });
    throw accountLocked(user.lockedUntil);
  }
  if (!(await verifyPassword(password, user.passwordHash))) return rejectPassword(request, user, about);
  if (user.status !== 'active' || user.isService) {
    await fail({ ...about, detail: { reason: user.isService ? 'service_account' : 'inactive' } });
    throw new AppError('FORBIDDEN', user.isService ? '服务账号只能通过接口令牌访问，不能登录' : '账号已停用，请联系系统管理员');
  }

  const actor = await loadActor(db, user.id);
  if (!actor) throw badCredentials();
  request.actor = actor;
  return write(request, async (tx, audit) => {
    await recordLogin(tx, user.id, now);
    const session = await createSession(tx, clock, user.id, request.meta);
    request.actor = { ...actor, sessionId: session.id };
    await audit({ action: 'auth.login', ...about, detail: { sessionId: session.id } });
    return session;
  });
}

/** Counts the failure and, at the limit, locks the account (both audited with the failure itself). */
async function rejectPassword(request: FastifyRequest, user: LoginUser, about: Failure): Promise<never> {
  const { db, clock } = request.server;
  const policy = await getSecuritySettings(db);
  const lockedUntil = await db.transaction(async (tx) => {
    const result = await recordFailedLogin(tx, user.id, clock.now(), policy);
    const detail = { reason: 'bad_password', failedAttempts: result.failedAttempts };
    await auditAttempt(request, tx, user.username, 'auth.login_failed', { ...about, detail });
    if (result.lockedUntil) {
      await auditAttempt(request, tx, user.username, 'auth.lockout', {
        ...about,
        detail: { failedAttempts: result.failedAttempts, lockedUntil: result.lockedUntil, minutes: policy.lockoutMinutes },
      });
    }
    return result.lockedUntil;
  });
  if (lockedUntil) throw accountLocked(lockedUntil);
  throw badCredentials();
}
