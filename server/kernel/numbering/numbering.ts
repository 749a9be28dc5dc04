import { sql } from 'drizzle-orm';
import type { Tx } from '../db/db.ts';
import { numberSeries } from './numbering.tables.ts';

/** The next number of a series for a region and year, e.g. 12 for 行复〔2026〕12号. Call inside the writing transaction. */
export async function nextNumber(tx: Tx, regionCode: string, series: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(numberSeries)
    .values({ regionCode, series, year, last: 1 })
    .onConflictDoUpdate({ target: [numberSeries.regionCode, numberSeries.series, numberSeries.year], set: { last: sql`${numberSeries.last} + 1` } })
    .returning({ last: numberSeries.last });
  return row!.last;
}
