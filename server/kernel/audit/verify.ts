import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/db.ts';
import { GENESIS_HASH, GLOBAL_CHAIN, rowDigest } from './audit.ts';
import { auditChainHeads, auditLog } from './audit.tables.ts';

/** 内容被篡改: a row's hash does not match its content; 记录缺失: a seq is missing; 链接断裂: prev_hash or head mismatch. */
export type BreakReason = '内容被篡改' | '记录缺失' | '链接断裂';

export interface ChainBreak {
  chain: string;
  /** The seq where the chain stops being trustworthy (for a missing row: the seq that is missing). */
  seq: number;
  reason: BreakReason;
  /** One Chinese sentence on what was found. */
  detail: string;
}

export interface ChainReport {
  chain: string;
  /** Rows checked and found intact, from seq 1 up to the first break. */
  rows: number;
  /** The seq recorded in audit_chain_heads (0 when the head row is missing). */
  headSeq: number;
  broken?: ChainBreak;
}

export interface VerifyResult {
  ok: boolean;
  chains: ChainReport[];
  firstBroken?: ChainBreak;
}

export interface VerifyOptions {
  /** Only these chains (region codes); all chains when absent. */
  chains?: string[];
  /** Rows read per query: the log is walked in keyset pages, never loaded whole. */
  batchSize?: number;
}

/**
 * Walks every audit chain in seq order and checks, row by row, that the stored hash is the digest of
 * the row (content untouched), that seq runs 1, 2, 3… without gaps (a deleted row shows as a gap), that
 * each prev_hash is the previous row's hash, and finally that the chain head names the last row (so a
 * deleted last row, which leaves no gap, is caught too).
 */
export async function verifyAudit(db: Queryable, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 1000;
  const chains = await listChains(db, options.chains);
  const reports: ChainReport[] = [];
  for (const chain of chains) reports.push(await verifyChain(db, chain, batchSize));
  const firstBroken = reports.find((r) => r.broken)?.broken;
  return { ok: !firstBroken, chains: reports, ...(firstBroken ? { firstBroken } : {}) };
}

/** Chains named by a head or by any row: a chain whose head row was deleted is still checked. */
async function listChains(db: Queryable, only?: string[]): Promise<string[]> {
  if (only && !only.length) return [];
  const heads = await db
    .select({ chain: auditChainHeads.chain })
    .from(auditChainHeads)
    .where(only ? inArray(auditChainHeads.chain, only) : undefined);
  const logged = await db
    .selectDistinct({ chain: auditLog.chain })
    .from(auditLog)
    .where(only ? inArray(auditLog.chain, only) : undefined);
  return [...new Set([...heads, ...logged].map((r) => r.chain))].sort();
}

/**
 * The walk stops at the head read first, so that rows appended meanwhile by ordinary writes do not look
 * like forgeries; rows past the head as it stands afterwards were not appended by the writer (it moves
 * the head in the same transaction as it inserts).
 */
async function verifyChain(db: Queryable, chain: string, batchSize: number): Promise<ChainReport> {
  const head = await readHead(db, chain);
  const report: ChainReport = { chain, rows: 0, headSeq: head?.seq ?? 0 };
  const broken = (seq: number, reason: BreakReason, detail: string): ChainReport => ({ ...report, broken: { chain, seq, reason, detail } });
  const limit = head?.seq ?? Number.MAX_SAFE_INTEGER;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.seq, expectedSeq - 1), lte(auditLog.seq, limit)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        const last = row.seq - 1;
        return broken(expectedSeq, '记录缺失', `第 ${expectedSeq}${last > expectedSeq ? `–${last}` : ''} 条记录缺失`);
      }
      if (rowDigest(row) !== row.hash) return broken(row.seq, '内容被篡改', `第 ${row.seq} 条记录的内容与其哈希值不符`);
      if (row.prevHash !== prevHash) return broken(row.seq, '链接断裂', `第 ${row.seq} 条记录的前序哈希与第 ${row.seq - 1} 条记录的哈希不符`);
      prevHash = row.hash;
      expectedSeq++;
      report.rows++;
    }
    if (batch.length < batchSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (!head) return broken(lastSeq + 1, '链接断裂', '链头记录缺失');
  if (head.seq > lastSeq) return broken(lastSeq + 1, '记录缺失', `链头记到第 ${head.seq} 条，实际只有 ${lastSeq} 条，末尾记录缺失`);
  if (head.hash !== prevHash) return broken(lastSeq, '链接断裂', `链头哈希与第 ${lastSeq} 条记录的哈希不符`);
  const [max] = await db.select({ seq: sql<number | null>`max(${auditLog.seq})::int8` }).from(auditLog).where(eq(auditLog.chain, chain));
  const now = await readHead(db, chain);
  const maxSeq = Number(max?.seq ?? 0);
  if (now && maxSeq > now.seq) return broken(now.seq + 1, '链接断裂', `第 ${now.seq + 1} 条及以后的记录在链头之外，不是由审计写入程序追加的`);
  return report;
}

async function readHead(db: Queryable, chain: string) {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain));
  return head;
}

const chainName = (chain: string) => (chain === GLOBAL_CHAIN ? `${chain}（全局）` : chain);

/** The CLI's report (`fazhi verify-audit`), in Chinese. */
export function formatVerifyReport(result: VerifyResult): string {
  const lines = ['审计日志哈希链校验（SM3）', ''];
  if (!result.chains.length) lines.push('尚无审计记录。');
  for (const c of result.chains) {
    const status = c.broken ? `✗ 第 ${c.broken.seq} 条起不可信：${c.broken.reason}（${c.broken.detail}）` : '✓ 完整';
    lines.push(`链 ${chainName(c.chain)}：已校验 ${c.rows} 条，链头序号 ${c.headSeq}，${status}`);
  }
  lines.push('');
  if (result.ok) {
    lines.push(`结论：全部 ${result.chains.length} 条链完整，共 ${result.chains.reduce((n, c) => n + c.rows, 0)} 条记录未被篡改。`);
  } else {
    const b = result.firstBroken!;
    lines.push(`结论：发现断点。第一个断点在链 ${chainName(b.chain)} 第 ${b.seq} 条：${b.reason}。请立即报告安全管理员并保全数据库。`);
  }
  return lines.join('\n');
}
