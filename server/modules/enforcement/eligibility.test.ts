import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { officerEligibility } from './eligibility.ts';
import { enforcementBodies, enforcementCertificates, enforcementOfficers } from './enforcement.tables.ts';

/** 行政处罚法 第四十二条: only officers with 执法资格 on the day, in the field, of the region. */
describe('officerEligibility', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    const market = await createOrg(t.db, { name: '岳阳县市场监督管理局' });
    const elsewhere = await createOrg(t.db, { name: '平江县市场监督管理局', regionCode: '430626' });
    const [body] = await t.db.insert(enforcementBodies).values({ regionCode: '430621', orgId: market.id, name: '岳阳县市场监督管理局', kind: 'statutory', fields: ['market', 'health'], legalBasis: '《中华人民共和国食品安全法》' }).returning();
    const [otherBody] = await t.db.insert(enforcementBodies).values({ regionCode: '430626', orgId: elsewhere.id, name: '平江县市场监督管理局', kind: 'statutory', fields: ['market'], legalBasis: '《中华人民共和国食品安全法》' }).returning();
    const officer = async (key: string, certificates: { no: string; field?: 'market' | 'health'; issuedOn?: string; validUntil?: string; status?: 'valid' | 'suspended' | 'revoked' | 'replaced' }[], extra: { status?: string; other?: boolean } = {}) => {
      const b = extra.other ? otherBody! : body!;
      const [o] = await t.db.insert(enforcementOfficers).values({ regionCode: b.regionCode, bodyId: b.id, orgId: b.orgId, name: key, status: extra.status ?? 'active' }).returning();
      ids[key] = o!.id;
      for (const c of certificates)
        await t.db.insert(enforcementCertificates).values({
          regionCode: b.regionCode,
          officerId: o!.id,
          certificateNo: c.no,
          field: c.field ?? 'market',
          issuer: '湖南省人民政府',
          issuedOn: c.issuedOn ?? '2019-01-01',
          validUntil: c.validUntil ?? '2023-12-31',
          status: c.status ?? 'valid',
        });
    };
    await officer('有效', [{ no: 'V1' }]);
    await officer('过期', [{ no: 'E1', validUntil: '2021-06-30' }]);
    await officer('暂扣', [{ no: 'S1', status: 'suspended' }]);
    await officer('换证', [{ no: 'R1', status: 'replaced' }, { no: 'R2', issuedOn: '2021-10-01', validUntil: '2026-09-30' }]);
    await officer('领域不符', [{ no: 'F1', field: 'health' }]);
    await officer('外县', [{ no: 'O1' }], { other: true });
    await officer('停用', [{ no: 'D1' }], { status: 'inactive' });
  });
  afterAll(() => t.close());

  const eligibility = (officerIds: string[], field: 'market' | 'health', day: string) => t.db.transaction((tx) => officerEligibility(tx, '430621', officerIds, field, day));
  const check = (names: string[], day: string) => eligibility(names.map((n) => ids[n]!), 'market', day);

  it('admits an officer holding a valid certificate for the field on the day', async () => {
    expect(await check(['有效'], '2021-09-18')).toEqual([{ officerId: ids['有效'], name: '有效', certificateId: expect.any(String), certificateNo: 'V1', reason: null }]);
  });

  it('refuses an expired certificate, but not on a day it was still valid', async () => {
    expect((await check(['过期'], '2021-07-01'))[0]!.reason).toBe('过期在 2021-07-01 没有本领域有效的行政执法证');
    expect((await check(['过期'], '2021-06-30'))[0]!.certificateNo).toBe('E1');
  });

  it('refuses a suspended certificate and an inactive officer', async () => {
    expect((await check(['暂扣'], '2021-09-18'))[0]!.reason).toBe('暂扣在 2021-09-18 没有本领域有效的行政执法证');
    expect((await check(['停用'], '2021-09-18'))[0]!.reason).toBe('停用已停用');
  });

  it('uses the replacement, never the replaced certificate, and not before it was issued', async () => {
    expect((await check(['换证'], '2021-10-09'))[0]).toMatchObject({ certificateNo: 'R2', reason: null });
    expect((await check(['换证'], '2021-09-30'))[0]!.certificateNo).toBeNull();
  });

  it('refuses a certificate for another field, and an officer of another region', async () => {
    expect((await check(['领域不符'], '2021-09-18'))[0]!.reason).toBe('领域不符在 2021-09-18 没有本领域有效的行政执法证');
    expect(await eligibility([ids['领域不符']!], 'health', '2021-09-18')).toEqual([expect.objectContaining({ certificateNo: 'F1', reason: null })]);
    expect((await check(['外县'], '2021-09-18'))[0]).toEqual({ officerId: ids['外县'], name: '', certificateId: null, certificateNo: null, reason: '不是本行政区登记的执法人员' });
  });

  it('answers several officers in the order asked, and none for none', async () => {
    expect((await check(['停用', '有效', '过期'], '2021-09-18')).map((e) => e.certificateNo)).toEqual([null, 'V1', null]);
    expect(await eligibility([], 'market', '2021-09-18')).toEqual([]);
  });
});
