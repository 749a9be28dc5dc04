import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { subtreeCondition } from '../../kernel/org/org.repository.ts';
import { organisations, regions } from '../../kernel/org/org.tables.ts';

export async function findRegionName(db: Queryable, code: string): Promise<string | undefined> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name;
}

/** The organisations a reader may pick: the region's, or one subtree (or one organisation) of it. */
export async function findScopeOrgs(db: Queryable, regionCode: string, root?: { id: string; path: string; only: boolean }) {
  const within: SQL | undefined = root ? (root.only ? eq(organisations.id, root.id) : subtreeCondition(root.path)) : undefined;
  return db
    .select({
      id: organisations.id,
      parentId: organisations.parentId,
      name: organisations.name,
      path: organisations.path,
      status: organisations.status,
      sortOrder: organisations.sortOrder,
    })
    .from(organisations)
    .where(and(eq(organisations.regionCode, regionCode), within))
    .orderBy(asc(organisations.depth), asc(organisations.sortOrder), asc(organisations.name));
}
