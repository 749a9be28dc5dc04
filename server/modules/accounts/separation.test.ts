import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../kernel/auth/auth.tables.ts';
import { AUDITOR, ensureBuiltinRoles, SECADMIN, SYSADMIN } from '../../kernel/auth/builtin-roles.ts';
import { SecuritySettings } from '../../kernel/config/settings.ts';
import { createOrg, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

/** 三员分立 with the built-in roles: each administrator is kept out of the others' work. */
describe('separated administrators', () => {
  let t: TestApp;
  let orgId: string;
  let target: { id: string };
  const admins: Record<string, SignedIn> = {};
  const roleIds: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admins[who]!.headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    await ensureBuiltinRoles(t.db);
    orgId = (await createOrg(t.db, { name: '县司法局' })).id;
    for (const code of [SYSADMIN, SECADMIN, AUDITOR]) {
      roleIds[code] = (await t.db.select().from(roles).where(eq(roles.code, code)))[0]!.id;
      admins[code] = await signIn(t, (await createUser(t.db, { orgId, roleIds: [roleIds[code]!] })).id);
    }
    target = await createUser(t.db, { orgId });
  });
  afterAll(() => t.close());

  const writes = () => ({
    createUser: ['POST', '/api/users', { orgId, username: 'newbie', displayName: '新人', initialPassword: 'Init#Pass2026' }],
    editUser: ['PUT', `/api/users/${target.id}`, { displayName: '改名', orgId, version: 1 }],
    deactivate: ['POST', `/api/users/${target.id}/deactivate`, { version: 1 }],
    assignRoles: ['PUT', `/api/users/${target.id}/roles`, { roleIds: [], version: 1 }],
    unlock: ['POST', `/api/users/${target.id}/unlock`, {}],
    resetPassword: ['POST', `/api/users/${target.id}/reset-password`, { newPassword: 'Temp#Pass2026' }],
    createRole: ['POST', '/api/roles', { code: 'x_role', name: 'x', permissions: [] }],
    settings: ['PUT', '/api/settings/security', { ...SecuritySettings.parse({}), version: 1 }],
    apiToken: ['POST', '/api/api-tokens', { name: 'x', userId: target.id }],
    createOrg: ['POST', '/api/orgs', { code: 'X1', name: '新机构', type: 'department', parentId: orgId, regionCode: '430621' }],
  }) as Record<string, ['POST' | 'PUT', string, object]>;

  const expectDenied = async (who: string, names: string[]) => {
    const all = writes();
    for (const name of names) {
      const [method, url, payload] = all[name]!;
      const res = await call(who, method, url, payload);
      expect([res.statusCode, res.json().code], `${who} ${name}`).toEqual([403, 'FORBIDDEN']);
    }
  };

  it('the system administrator cannot assign roles, change the security policy, manage roles or tokens, or read the audit log', async () => {
    await expectDenied(SYSADMIN, ['assignRoles', 'settings', 'createRole', 'apiToken', 'unlock', 'resetPassword']);
    const audit = await call(SYSADMIN, 'GET', '/api/audit');
    expect(audit.statusCode).toBe(403);
    expect((await call(SYSADMIN, 'GET', '/api/settings/security')).statusCode).toBe(403);
  });

  it('the security administrator cannot create or edit users or organisations, nor read the audit log', async () => {
    await expectDenied(SECADMIN, ['createUser', 'editUser', 'deactivate', 'createOrg']);
    expect((await call(SECADMIN, 'GET', '/api/audit')).statusCode).toBe(403);
    expect((await call(SECADMIN, 'GET', `/api/users/${target.id}/personal`)).statusCode).toBe(403);
  });

  it('the auditor can read the audit log and write nothing', async () => {
    await expectDenied(AUDITOR, Object.keys(writes()));
    expect((await call(AUDITOR, 'GET', '/api/audit')).statusCode).toBe(200);
  });

  it('each can do its own work', async () => {
    expect((await call(SYSADMIN, 'PUT', `/api/users/${target.id}`, { displayName: '改名', orgId, version: 1 })).statusCode).toBe(200);
    expect((await call(SECADMIN, 'PUT', `/api/users/${target.id}/roles`, { roleIds: [roleIds[AUDITOR]], version: 2 })).statusCode).toBe(200);
    // The payloads refused above are valid: their owners get them through.
    const [method, url, payload] = writes().createOrg!;
    expect((await call(SYSADMIN, method, url, payload)).statusCode).toBeLessThan(300);
    expect((await call(SECADMIN, 'PUT', '/api/settings/security', { ...SecuritySettings.parse({}), version: 1 })).statusCode).toBe(200);
  });

  it('the three kinds cannot be combined in one user', async () => {
    const user = await createUser(t.db, { orgId });
    for (const pair of [[SYSADMIN, SECADMIN], [SYSADMIN, AUDITOR], [SECADMIN, AUDITOR]]) {
      const res = await call(SECADMIN, 'PUT', `/api/users/${user.id}/roles`, { roleIds: pair.map((c) => roleIds[c]), version: 1 });
      expect([res.statusCode, res.json().code], pair.join('+')).toEqual([409, 'ADMIN_ROLES_SEPARATED']);
    }
  });

  it('the three kinds cannot be combined in one role', async () => {
    const res = await call(SECADMIN, 'POST', '/api/roles', {
      code: 'all_in_one',
      name: '全能管理员',
      permissions: [
        { permission: 'org.write', scope: 'region' },
        { permission: 'security.settings' },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ADMIN_ROLES_SEPARATED');
    // Nor by editing a built-in administrator role.
    const [sys] = await t.db.select().from(roles).where(eq(roles.code, SYSADMIN));
    const edit = await call(SECADMIN, 'PUT', `/api/roles/${sys!.id}`, {
      name: '系统管理员',
      permissions: [{ permission: 'user.write', scope: 'region' }, { permission: 'audit.read', scope: 'region' }],
      version: sys!.version,
    });
    expect(edit.json().code).toBe('ADMIN_ROLES_SEPARATED');
  });
});
