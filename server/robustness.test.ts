import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from './kernel/auth/auth.tables.ts';
import { allPermissions } from './kernel/auth/permissions.ts';
import { actorWith, signIn, type SignedIn } from './test/factories.ts';
import { createTestApp, type TestApp } from './test/harness.ts';

/**
 * Every documented route, called by an actor holding every permission, with malformed input: missing
 * and wrong-typed bodies, broken JSON, bad ids, junk query parameters. None may answer 5xx, and every
 * error must have the one error shape with a Chinese message.
 */
describe('no request produces a server error', () => {
  let t: TestApp;
  let actor: SignedIn;
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    const grants: Record<string, DataScope> = {};
    for (const p of allPermissions()) if (p.adminKind !== 'security' && p.adminKind !== 'audit') grants[p.code] = 'all';
    actor = await actorWith(t, grants);
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  const ids = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', "1' or '1'='1"];
  const bodies: { payload?: string; type?: string }[] = [
    {},
    { payload: '{}', type: 'application/json' },
    { payload: '{"name":', type: 'application/json' },
    { payload: '[1,2,3]', type: 'application/json' },
    { payload: JSON.stringify({ name: 123, version: 'x', id: {}, parentId: 'nope', code: 'x'.repeat(5000) }), type: 'application/json' },
    { payload: 'garbage', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    { payload: '<x/>', type: 'application/xml' },
  ];

  it('covers the documented API', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers malformed input with 4xx and a Chinese message', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const route of routes) {
      for (const id of ids) {
        const url = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id)) + '?page=-1&pageSize=abc&from=notadate&sort=%27;drop&subtree=maybe';
        for (const body of route.method === 'GET' ? [{}] : bodies) {
          // A fresh session per call: logout and logout-all must not sign the rest of the run out.
          const { headers } = await signIn(t, actor.userId);
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: { ...headers, ...(body.type ? { 'content-type': body.type } : {}) },
            payload: body.payload,
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) failures.push(`${route.method} ${url} ${body.type ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400) {
            const error = res.json() as { code?: string; message?: string };
            if (!error.code || !/[\u4e00-\u9fa5]/.test(error.message ?? '')) failures.push(`${route.method} ${url} → ${res.statusCode} without a Chinese error: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The calls reached the handlers' validation, not just the sign-in check.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(routes.length);
    expect(statuses.get(401) ?? 0).toBe(0);
  }, 120_000);
});
