import { join } from 'node:path';
import { loadConfig, loadSm4Key, type AppConfig } from './kernel/config/config.ts';
import { lockDataDir } from './kernel/db/data-dir-lock.ts';
import { connect, type Database } from './kernel/db/db.ts';
import { AppError } from './kernel/errors/app-error.ts';

// Only light modules are imported statically: the heavy ones (startup, app) load while PGlite starts.
const usage = `用法: fazhi <命令>
  serve          启动服务（默认）：迁移数据库，首次启动时载入演示县
  migrate        只执行数据库迁移
  seed-demo      载入演示县（岳阳县），已有数据时跳过
  verify-audit   校验审计日志哈希链，报告第一个断点
环境变量: PORT, HOST, DATABASE_URL, FAZHI_DATA_DIR, FAZHI_SM4_KEY, FAZHI_DEMO=false`;

/** Opens the configured database; the embedded one only after taking its directory's lock. */
async function open(config: AppConfig, purpose: string): Promise<{ database: Database; release: () => void }> {
  if (config.databaseUrl) {
    return { database: await connect({ databaseUrl: config.databaseUrl }), release: () => undefined };
  }
  const release = lockDataDir(config.dataDir, purpose);
  try {
    return { database: await connect({ dataDir: join(config.dataDir, 'pglite') }), release };
  } catch (error) {
    release();
    throw error;
  }
}

async function serve(config: AppConfig): Promise<void> {
  const started = Date.now();
  // The app's modules load while the embedded database starts.
  const appModule = import('./app.ts');
  const startupModule = import('./startup.ts');
  const { database, release } = await open(config, 'serve');
  const { prepare, hasAnyOrganisation, loadDemo, DEMO_PASSWORD, demoAccounts } = await startupModule;
  await prepare(config, database);
  let seeded = false;
  if (process.env.FAZHI_DEMO !== 'false' && !(await hasAnyOrganisation(database.db))) {
    console.log('首次启动：正在载入演示县（岳阳县）及其 2021 年和本年度的案件…');
    await loadDemo(database.db, loadSm4Key(config));
    seeded = true;
  }
  const { buildApp } = await appModule;
  const app = await buildApp({ database, config, sm4Key: loadSm4Key(config), logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  const shutdown = async () => {
    await app.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const base = `http://localhost:${config.port}`;
  const lines = [
    `Fazhi 已启动（${database.kind === 'pglite' ? `内置数据库 ${config.dataDir}` : 'PostgreSQL'}，用时 ${Date.now() - started} ms）`,
    `  工作台（工作人员）: ${base}/console/`,
    `  公众门户:           ${base}/portal/`,
    `  接口文档:           ${base}/api/docs`,
  ];
  if (seeded || process.env.FAZHI_DEMO !== 'false') {
    lines.push(`  演示账号（初始密码 ${DEMO_PASSWORD}，首次登录须修改）:`);
    for (const account of demoAccounts) lines.push(`    ${account.username.padEnd(10)} ${account.roleName}（${account.orgName}）`);
  }
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'serve';
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
    case 'seed-demo':
    case 'verify-audit': {
      const { database, release } = await open(config, command);
      try {
        if (command === 'verify-audit') {
          const { formatVerifyReport, verifyAudit } = await import('./kernel/audit/verify.ts');
          const result = await verifyAudit(database.db);
          console.log(formatVerifyReport(result));
          process.exitCode = result.ok ? 0 : 1;
          return;
        }
        const { prepare, hasAnyOrganisation, loadDemo } = await import('./startup.ts');
        await prepare(config, database);
        if (command === 'seed-demo') {
          console.log((await hasAnyOrganisation(database.db)) ? '已有机构数据，跳过演示数据' : (await loadDemo(database.db, loadSm4Key(config)), '已载入演示县（岳阳县）'));
        } else {
          console.log('数据库迁移完成');
        }
      } finally {
        await database.close();
        release();
      }
      return;
    }
    default:
      console.log(usage);
      process.exitCode = command === 'help' || command === '--help' ? 0 : 2;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `错误：${error.message}` : error);
  process.exit(1);
});
