import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../kernel/db/db.ts';
import { migrate } from '../kernel/db/migrate.ts';

/** Per run, so that two runs against one server do not drop each other's template. */
const TEMPLATE_DB = `fazhi_test_template_${process.pid}`;

/**
 * Migrates once per run; every test file then starts from a copy of the migrated database: a PGlite
 * data-dir dump, or a PostgreSQL database created from a template. TEST_DATABASE_URL names a database
 * on the PostgreSQL server to test against; without it the tests run on PGlite.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const database = await connect({ databaseUrl: templateUrl, poolSize: 1 });
    await migrate(database, templateUrl);
    await database.close();
    project.provide('testDb', { kind: 'postgres', url, template: TEMPLATE_DB });
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  const database = await connect({});
  await migrate(database);
  const dumpFile = join(dir, 'template.tar');
  writeFileSync(dumpFile, Buffer.from(await (await database.dump!()).arrayBuffer()));
  await database.close();
  project.provide('testDb', { kind: 'pglite', dumpFile });
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'postgres'; url: string; template: string } | { kind: 'pglite'; dumpFile: string };
  }
}
