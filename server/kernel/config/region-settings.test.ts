import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { regionSettings } from './region-settings.ts';

const Rules = z.object({ commentDays: z.number().int().min(30).default(30), partyConsultation: z.boolean().default(true) });
const rules = regionSettings('test.rules', Rules);
const now = new Date('2021-10-08T02:00:00Z');

describe('regionSettings', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('reads the defaults at version 1 before a region saved, then its own row, per region', async () => {
    expect(rules.key('430621')).toBe('test.rules:430621');
    expect(await rules.read(t.db, '430621')).toEqual({ value: { commentDays: 30, partyConsultation: true }, version: 1, saved: false });
    expect(await t.db.transaction((tx) => rules.save(tx, '430621', { commentDays: 45, partyConsultation: false }, 1, null, now))).toBe(true);
    expect(await rules.read(t.db, '430621')).toEqual({ value: { commentDays: 45, partyConsultation: false }, version: 2, saved: true });
    expect((await rules.read(t.db, '430602')).value.commentDays).toBe(30);
  });

  it('refuses a save based on a stale version and keeps the saved value', async () => {
    expect(await t.db.transaction((tx) => rules.save(tx, '430626', { commentDays: 40, partyConsultation: true }, 1, null, now))).toBe(true);
    expect(await t.db.transaction((tx) => rules.save(tx, '430626', { commentDays: 60, partyConsultation: true }, 1, null, now))).toBe(false);
    expect(await rules.read(t.db, '430626')).toMatchObject({ value: { commentDays: 40 }, version: 2 });
  });
});
