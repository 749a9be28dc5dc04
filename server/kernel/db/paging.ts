import { sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Queryable } from './db.ts';

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * A page of a filtered list and the list's total. `matched` builds the filtered query (joins and
 * conditions, no order): once for the ordered page, once counted as a subquery — PostgreSQL drops the
 * columns the count does not read, so a list's correlated columns cost nothing there.
 */
export async function findPage<T extends PgSelect>(db: Queryable, matched: () => T, order: SQL[], paging: Paging) {
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    matched()
      .orderBy(...order)
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(sql`(${matched()}) as matched`),
  ]);
  return { items: items as Awaited<T>, total };
}
