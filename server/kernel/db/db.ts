import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from '../../schema.ts';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database handle or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball. */
  dump?: () => Promise<Blob>;
}

export interface ConnectOptions {
  /** postgres://… — when absent, the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: start from a dumped data directory (tests start from a migrated template). */
  loadDataDir?: Blob;
}

/** pool.end() resolves before its connections have closed; wait for each one so the caller may drop the database. */
async function endPool(pool: import('pg').Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/** Each driver is loaded only when used: start-up of the embedded database does not pay for pg, nor the reverse. */
export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) {
    const [{ default: pg }, { drizzle: drizzleNodePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Timestamps are compared in UTC, whatever the server's own time zone. No JIT: it compiles for 4–6 ms
      // to save less on a list's count (bench/enforcement.ts).
      options: '-c TimeZone=UTC -c jit=off',
    });
    // An idle connection the server drops (restart, failover) must not crash the process: the pool replaces it.
    pool.on('error', (error) => console.error(`数据库空闲连接中断：${error.message}`));
    await pool.query('select 1');
    return {
      db: drizzleNodePg({ client: pool, schema }) as unknown as Db,
      kind: 'postgres',
      close: () => endPool(pool),
    };
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await client.exec("SET TIME ZONE 'UTC'");
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
  };
}
