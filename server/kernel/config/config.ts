import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Set when running on a PostgreSQL server; otherwise the embedded database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Cookies carry Secure when served over HTTPS (behind a TLS-terminating proxy in production). */
  cookieSecure: boolean;
  /** Trust X-Forwarded-For from the proxy in front, for the client address in audit rows. */
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FAZHI_DATA_DIR ?? './data'),
    cookieSecure: env.FAZHI_COOKIE_SECURE === 'true',
    trustProxy: env.FAZHI_TRUST_PROXY === 'true',
  };
}

/**
 * The SM4 master key for personal data: FAZHI_SM4_KEY (hex, 32+ chars) in production; otherwise a key
 * generated once into the data directory, which must then be backed up with the database.
 */
export function loadSm4Key(config: AppConfig, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.FAZHI_SM4_KEY) {
    const key = Buffer.from(env.FAZHI_SM4_KEY, 'hex');
    if (key.length < 16) throw new Error('FAZHI_SM4_KEY must be at least 16 bytes of hex');
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'sm4.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
