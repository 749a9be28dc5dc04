import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { nextNumber } from './numbering.ts';

describe('number series', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('gives 1, 2, 3 … per region, series and year', async () => {
    const take = (region: string, series: string, year: number) => t.db.transaction((tx) => nextNumber(tx, region, series, year));
    expect([await take('430621', 'reconsideration', 2026), await take('430621', 'reconsideration', 2026)]).toEqual([1, 2]);
    expect(await take('430621', 'reconsideration', 2027)).toBe(1);
    expect(await take('430602', 'reconsideration', 2026)).toBe(1);
    expect(await take('430621', 'normative', 2026)).toBe(1);
  });

  it('never duplicates or skips a number under concurrent requests, and gives back a rolled-back one', async () => {
    const rolledBack = await t.db
      .transaction(async (tx) => {
        await nextNumber(tx, '430621', 'concurrent', 2026);
        throw new Error('the document was not saved');
      })
      .catch((e: Error) => e.message);
    expect(rolledBack).toBe('the document was not saved');
    const numbers = await Promise.all(Array.from({ length: 30 }, () => t.db.transaction((tx) => nextNumber(tx, '430621', 'concurrent', 2026))));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});
