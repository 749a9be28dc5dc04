import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/**
 * PGlite has no cross-process lock: a second process on the same directory silently loses its
 * commits. So exactly one process owns a data directory, recorded in a lock file created with O_EXCL.
 * A lock left by a dead process on this host is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'fazhi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && isAlive(holder)) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dataDir} 正由另一个 Fazhi 进程使用（进程 ${holder.pid}，${holder.purpose ?? ''}，自 ${holder.since ?? '未知'}）。` +
            '内置数据库只允许一个进程打开；请先停止该进程，或用 FAZHI_DATA_DIR 指定其他目录。',
        );
      }
      unlinkSync(file);
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法取得数据目录 ${dataDir} 的锁`);
}

interface Holder {
  pid: number;
  host?: string;
  purpose?: string;
  since?: string;
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

function isAlive(holder: Holder): boolean {
  // A lock from another host (a shared volume) cannot be probed: treat it as held.
  if (holder.host && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
