import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { lockDataDir } from './data-dir-lock.ts';

describe('embedded data directory lock', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('refuses a second owner while the first holds the directory', () => {
    const dir = fresh();
    const release = lockDataDir(dir, 'serve');
    expect(() => lockDataDir(dir, 'migrate')).toThrow(AppError);
    try {
      lockDataDir(dir, 'migrate');
    } catch (error) {
      expect((error as AppError).code).toBe('DATA_DIR_LOCKED');
      expect((error as AppError).message).toContain(`进程 ${process.pid}`);
    }
    release();
    lockDataDir(dir, 'migrate')();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'fazhi.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), purpose: 'serve' }));
    const release = lockDataDir(dir, 'serve');
    expect(JSON.parse(readFileSync(join(dir, 'fazhi.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('treats a lock from another host as held', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'fazhi.lock'), JSON.stringify({ pid: 1, host: 'other-host', purpose: 'serve' }));
    expect(() => lockDataDir(dir, 'serve')).toThrow(/正由另一个 Fazhi 进程使用/);
  });
});
