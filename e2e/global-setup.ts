import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The demo county is loaded once, into a data directory each test file's server starts from a copy
 * of (startServer): loading it takes most of a minute, nine files would spend most of the run on it.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-demo-'));
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'seed-demo'], { env: { ...process.env, FAZHI_DATA_DIR: dir }, stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error(`seed-demo exited with ${seeded.status}`);
  project.provide('demoDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string;
  }
}
