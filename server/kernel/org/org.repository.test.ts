import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import type { Actor } from '../auth/actor.ts';
import type { DataScope } from '../auth/auth.tables.ts';
import { findOrgNames, getOrgForActor, getOrgForWrite, isInSubtree, lockOrgTree, orgScopeCondition, pathIds, subtreeCondition } from './org.repository.ts';
import { organisations } from './org.tables.ts';

describe('organisation tree helpers', () => {
  let t: TestDatabase;
  let county: Awaited<ReturnType<typeof createOrg>>;
  let town: typeof county;
  let village: typeof county;
  let otherTown: typeof county;

  const actorAt = (org: typeof county, permissions: Record<string, DataScope>): Actor => ({
    userId: crypto.randomUUID(),
    username: 'u',
    displayName: '测试',
    orgId: org.id,
    orgPath: org.path,
    regionCode: org.regionCode,
    permissions: new Map(Object.entries(permissions)),
    mustChangePassword: false,
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    county = await createOrg(t.db, { name: '县政府', type: 'government' });
    town = await createOrg(t.db, { name: '甲镇', type: 'township', parentId: county.id });
    village = await createOrg(t.db, { name: '甲村', type: 'village', parentId: town.id });
    otherTown = await createOrg(t.db, { name: '乙镇', type: 'township', parentId: county.id });
  });
  afterAll(() => t.close());

  it('selects a subtree by its path prefix, the root included', async () => {
    const rows = await t.db.select({ name: organisations.name }).from(organisations).where(subtreeCondition(town.path)).orderBy(asc(organisations.depth));
    expect(rows.map((r) => r.name)).toEqual(['甲镇', '甲村']);
    expect(isInSubtree(village.path, town.path)).toBe(true);
    expect(isInSubtree(otherTown.path, town.path)).toBe(false);
    expect(pathIds(village.path)).toEqual([county.id, town.id, village.id]);
  });

  it('names organisations by id, skipping unknown ids', async () => {
    const names = await findOrgNames(t.db, [town.id, village.id, town.id, crypto.randomUUID()]);
    expect([...names.entries()].sort()).toEqual([[town.id, '甲镇'], [village.id, '甲村']].sort());
    expect((await findOrgNames(t.db, [])).size).toBe(0);
  });

  it('restricts by the actor’s scope', async () => {
    const names = async (scope: DataScope) =>
      (await t.db.select({ name: organisations.name }).from(organisations).where(orgScopeCondition(actorAt(town, {}), scope))).map((r) => r.name).sort();
    expect(await names('own_org')).toEqual(['甲镇']);
    expect(await names('org_subtree')).toEqual(['甲村', '甲镇'].sort());
    expect(await names('region')).toHaveLength(4);
  });

  it('answers NOT_FOUND outside the read scope and FORBIDDEN for what is seen but not managed', async () => {
    const local = actorAt(town, { 'org.read': 'org_subtree', 'org.write': 'org_subtree' });
    expect((await getOrgForActor(t.db, local, village.id)).id).toBe(village.id);
    await expect(getOrgForActor(t.db, local, otherTown.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOrgForWrite(t.db, local, otherTown.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const wide = actorAt(town, { 'org.read': 'region', 'org.write': 'org_subtree' });
    await expect(getOrgForWrite(t.db, wide, otherTown.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getOrgForActor(t.db, null, village.id)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('locks a region’s tree for the rest of a transaction', async () => {
    await t.db.transaction(async (tx) => {
      await lockOrgTree(tx, county.regionCode);
      await lockOrgTree(tx, county.regionCode);
    });
  });
});
