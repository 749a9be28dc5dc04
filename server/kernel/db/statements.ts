import type { Queryable } from './db.ts';

/**
 * Prepared statements of the hottest queries, kept per database handle and key. Building a drizzle
 * query costs more than PostgreSQL takes to run an indexed one, so a request that repeats a query's
 * shape reuses the built SQL and only binds new values. The least recently used are dropped beyond `max`.
 */
export class StatementCache<S> {
  private readonly byDb = new WeakMap<Queryable, Map<string, S>>();

  constructor(private readonly max: number) {}

  get(db: Queryable, key: string, build: () => S): S {
    let statements = this.byDb.get(db);
    if (!statements) this.byDb.set(db, (statements = new Map()));
    const hit = statements.get(key);
    if (hit) {
      // Map keeps insertion order: moving the hit to the end makes the first entry the least recent.
      statements.delete(key);
      statements.set(key, hit);
      return hit;
    }
    const statement = build();
    statements.set(key, statement);
    if (statements.size > this.max) statements.delete(statements.keys().next().value!);
    return statement;
  }
}
