import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { rowDigest, writeAudit } from './audit.ts';
import { auditChainHeads, auditLog } from './audit.tables.ts';
import { formatVerifyReport, verifyAudit } from './verify.ts';

describe('verifyAudit', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  /** A chain of `n` rows written the way the application writes them. */
  async function chainOf(chain: string, n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      await t.db.transaction((tx) =>
        writeAudit(tx, new Date(Date.UTC(2026, 0, 5, 1, 0, i, 123)), { actor: null, meta: { ip: '10.0.0.1' }, actorName: 'tester' }, {
          action: 'test.write',
          entityType: 'thing',
          entityId: String(i),
          regionCode: chain,
          before: { n: i - 1, nested: { b: 1, a: [1, 'x'] } },
          after: { n: i, when: new Date('2026-01-05T00:00:00Z') },
        }),
      );
    }
  }

  /** Tampering needs the append-only trigger out of the way, as a superuser would do it. */
  async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    try {
      await t.db.execute(statement);
    } finally {
      await t.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    }
  }

  it('verifies clean chains, in batches smaller than the chain', async () => {
    await chainOf('110101', 7);
    await chainOf('110102', 3);
    const result = await verifyAudit(t.db, { chains: ['110101', '110102'], batchSize: 2 });
    expect(result).toEqual({
      ok: true,
      chains: [
        { chain: '110101', rows: 7, headSeq: 7 },
        { chain: '110102', rows: 3, headSeq: 3 },
      ],
    });
    expect(formatVerifyReport(result)).toContain('全部 2 条链完整，共 10 条记录');
  });

  it('refuses to let the application edit or delete rows', async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'x' where chain = '110101'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where chain = '110101'`)).rejects.toThrow();
  });

  it('reports an edited row at its seq as 内容被篡改', async () => {
    await chainOf('120101', 6);
    await tamper(sql`update audit_log set detail = '{"note":"改过"}'::jsonb where chain = '120101' and seq = 4`);
    const result = await verifyAudit(t.db, { chains: ['120101'], batchSize: 2 });
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ chain: '120101', seq: 4, reason: '内容被篡改' });
    expect(result.chains[0]!.rows).toBe(3);
    expect(formatVerifyReport(result)).toContain('第一个断点在链 120101 第 4 条：内容被篡改');
  });

  it('reports a row whose hash was recomputed after editing as a broken link at the next row', async () => {
    await chainOf('120102', 4);
    // Editing the actor and forging a matching hash still breaks the next row's prev_hash.
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.chain, '120102'), eq(auditLog.seq, 2)));
    const forged = rowDigest({ ...row!, actorName: 'someone-else' });
    await tamper(sql`update audit_log set actor_name = 'someone-else', hash = ${forged} where chain = '120102' and seq = 2`);
    const result = await verifyAudit(t.db, { chains: ['120102'] });
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: '链接断裂' });
  });

  it('reports a deleted middle row as 记录缺失 at the missing seq', async () => {
    await chainOf('130101', 5);
    await tamper(sql`delete from audit_log where chain = '130101' and seq = 3`);
    const result = await verifyAudit(t.db, { chains: ['130101'], batchSize: 2 });
    expect(result.firstBroken).toMatchObject({ chain: '130101', seq: 3, reason: '记录缺失' });
  });

  it('reports a deleted last row through the chain head', async () => {
    await chainOf('130102', 5);
    await tamper(sql`delete from audit_log where chain = '130102' and seq = 5`);
    const result = await verifyAudit(t.db, { chains: ['130102'] });
    expect(result.firstBroken).toMatchObject({ chain: '130102', seq: 5, reason: '记录缺失' });
    expect(result.chains[0]).toMatchObject({ rows: 4, headSeq: 5 });
  });

  it('reports a row appended behind the writer’s back, past the head', async () => {
    await chainOf('130103', 2);
    const [last] = await t.db.select().from(auditLog).where(and(eq(auditLog.chain, '130103'), eq(auditLog.seq, 2)));
    await t.db.insert(auditLog).values({ ...last!, seq: 3, prevHash: last!.hash });
    const result = await verifyAudit(t.db, { chains: ['130103'] });
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: '链接断裂' });
  });

  it('reports a head that does not name the last row', async () => {
    await chainOf('130104', 3);
    await t.db.update(auditChainHeads).set({ hash: 'f'.repeat(64) }).where(eq(auditChainHeads.chain, '130104'));
    const result = await verifyAudit(t.db, { chains: ['130104'] });
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: '链接断裂' });
  });

  it('checks every chain when none is named, and names the first broken one', async () => {
    const result = await verifyAudit(t.db);
    expect(result.ok).toBe(false);
    expect(result.chains.map((c) => c.chain)).toEqual(['110101', '110102', '120101', '120102', '130101', '130102', '130103', '130104']);
    expect(result.firstBroken?.chain).toBe('120101');
    expect(formatVerifyReport(result)).toMatch(/链 110101：已校验 7 条，链头序号 7，✓ 完整/);
  });
});
