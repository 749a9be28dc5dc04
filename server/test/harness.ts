import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { FakeClock } from '../kernel/clock/clock.ts';
import { loadConfig } from '../kernel/config/config.ts';
import { connect, type Database, type Db } from '../kernel/db/db.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  database: Database;
  db: Db;
  close(): Promise<void>;
}

/** A fresh migrated database for one test file, on PGlite or on the PostgreSQL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const target = inject('testDb');
  if (target.kind === 'pglite') {
    const database = await connect({ loadDataDir: new Blob([readFileSync(target.dumpFile)]) });
    return { database, db: database.db, close: () => database.close() };
  }
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
  await admin.end();
  const database = await connect({ databaseUrl: withDatabase(target.url, name), poolSize: 4 });
  return {
    database,
    db: database.db,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: target.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  clock: FakeClock;
}

/** The whole app on a fresh database with a fake clock; close() in afterAll. */
export async function createTestApp(): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new FakeClock();
  const app = await buildApp({
    database: testDb.database,
    config: { ...loadConfig({}), dataDir: '/nonexistent' },
    sm4Key: Buffer.alloc(32, 7),
    clock,
    webDist: '/nonexistent',
  });
  await app.ready();
  return {
    ...testDb,
    app,
    clock,
    close: async () => {
      await app.close();
      await testDb.close();
    },
  };
}
