import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexEntry, type SearchEntry } from '../../kernel/search/search.ts';
import { registerSearchable } from '../../kernel/search/searchables.ts';
import { actorWith, createOrg } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

const READ = 'test_rule.read';

registerSearchable({
  entityType: 'test_rule',
  label: '测试规则',
  readPermission: READ,
  consolePath: (id) => `/test-rules/${id}`,
  portalPath: (id) => `/rules/${id}`,
  statusLabels: { inForce: '现行有效', draft: '起草中' },
});
// A kind without a portal page: found in the console only.
registerSearchable({ entityType: 'test_memo', label: '测试备忘', readPermission: READ, consolePath: (id) => `/test-memos/${id}` });

interface Hit {
  entityId: string;
  title: string;
  titleParts: { text: string; hit: boolean }[];
  snippet: { text: string; hit: boolean }[];
  link: string | null;
  orgName: string | null;
  statusLabel: string | null;
  typeLabel: string;
}

describe('全文检索: the console finds what the user may read, the portal what is published', () => {
  let t: TestApp;
  let market: string;
  let police: string;
  const ids = { marketDraft: crypto.randomUUID(), policeDraft: crypto.randomUUID(), policePublic: crypto.randomUUID(), memo: crypto.randomUUID(), elsewhere: crypto.randomUUID() };
  let marketReader: Awaited<ReturnType<typeof actorWith>>;
  let countyReader: Awaited<ReturnType<typeof actorWith>>;
  let nobody: Awaited<ReturnType<typeof actorWith>>;

  beforeAll(async () => {
    t = await createTestApp();
    market = (await createOrg(t.db, { name: '岳阳县市场监督管理局' })).id;
    police = (await createOrg(t.db, { name: '岳阳县公安局' })).id;
    const elsewhere = (await createOrg(t.db, { name: '临湘市公安局', regionCode: '430682' })).id;
    marketReader = await actorWith(t, { [READ]: 'own_org' }, { orgId: market });
    countyReader = await actorWith(t, { [READ]: 'region' });
    nobody = await actorWith(t, {});
    const entry = (e: Partial<SearchEntry> & Pick<SearchEntry, 'entityId' | 'title' | 'text'>): SearchEntry => ({
      regionCode: '430621',
      entityType: 'test_rule',
      public: false,
      year: 2026,
      status: 'draft',
      ...e,
    });
    await t.db.transaction(async (tx) => {
      const at = t.clock.now();
      await indexEntry(tx, entry({ entityId: ids.marketDraft, orgId: market, title: '农贸市场管理办法（草案）', text: '为规范农贸市场摊位管理，制定本办法。' }), at);
      await indexEntry(tx, entry({ entityId: ids.policeDraft, orgId: police, title: '烟花爆竹燃放管理规定（草案）', text: '城区禁止燃放烟花爆竹的区域和时段，由县人民政府公布。' }), at);
      await indexEntry(
        tx,
        entry({ entityId: ids.policePublic, orgId: police, public: true, status: 'inForce', year: 2024, title: '岳阳县犬类管理规定', text: '养犬人应当为犬只办理登记，携犬出户应当束犬链，城区禁止饲养烈性犬。' }),
        at,
      );
      await indexEntry(tx, entry({ entityId: ids.memo, entityType: 'test_memo', orgId: police, public: true, status: null, title: '犬类管理工作备忘', text: '犬类管理协调会议纪要。' }), at);
      await indexEntry(tx, entry({ entityId: ids.elsewhere, regionCode: '430682', orgId: elsewhere, public: true, title: '临湘市犬类管理规定', text: '城区禁止饲养烈性犬。' }), at);
    });
  });
  afterAll(() => t.close());

  const consoleSearch = (who: { headers: Record<string, string> }, query: string) => t.app.inject({ method: 'GET', url: `/api/search?${query}`, headers: who.headers });
  const found = async (who: { headers: Record<string, string> }, query: string) => {
    const res = await consoleSearch(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Hit[];
  };
  const portal = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/search?regionCode=430621&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Hit[]; total: number; words: string[] };
  };
  const q = (text: string) => `q=${encodeURIComponent(text)}`;

  it("finds the user's own organisation's entries and public ones, never another organisation's unpublished entry", async () => {
    expect((await found(marketReader, q('草案'))).map((h) => h.entityId)).toEqual([ids.marketDraft]);
    expect((await found(marketReader, q('城区'))).map((h) => h.entityId).sort()).toEqual([ids.policePublic].sort());
    expect((await found(countyReader, q('草案'))).map((h) => h.entityId).sort()).toEqual([ids.marketDraft, ids.policeDraft].sort());
    // Without the kind's permission: the published entries only, of the user's own county.
    expect((await found(nobody, q('犬类管理'))).map((h) => h.entityId).sort()).toEqual([ids.policePublic, ids.memo].sort());
    expect((await found(nobody, q('烟花爆竹'))).map((h) => h.entityId)).toEqual([]);
  });

  it('answers with the label, the marked title and snippet, the issuer, the status and the console link', async () => {
    const [hit] = await found(marketReader, q('摊位管理'));
    expect(hit).toMatchObject({ entityId: ids.marketDraft, typeLabel: '测试规则', orgName: '岳阳县市场监督管理局', statusLabel: '起草中', link: `/test-rules/${ids.marketDraft}` });
    expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['摊位', '管理']);
    expect(hit!.titleParts.map((p) => p.text).join('')).toBe('农贸市场管理办法（草案）');
    expect(hit!.titleParts.filter((p) => p.hit).map((p) => p.text)).toEqual(['管理']);
  });

  it('filters by type, issuer, year and status', async () => {
    expect((await found(countyReader, `${q('犬类管理')}&type=test_memo`)).map((h) => h.entityId)).toEqual([ids.memo]);
    expect((await found(countyReader, `${q('管理')}&orgId=${market}`)).map((h) => h.entityId)).toEqual([ids.marketDraft]);
    expect((await found(countyReader, `${q('管理')}&year=2024`)).map((h) => h.entityId)).toEqual([ids.policePublic]);
    expect((await found(countyReader, `${q('管理')}&status=inForce`)).map((h) => h.entityId)).toEqual([ids.policePublic]);
    const unknown = await consoleSearch(countyReader, `${q('管理')}&type=nothing`);
    expect([unknown.statusCode, unknown.json().message]).toEqual([400, expect.stringContaining('没有这种可检索的记录')]);
  });

  it('pages the results with the total', async () => {
    const first = (await consoleSearch(countyReader, `${q('管理')}&pageSize=2`)).json();
    expect([first.total, first.items.length]).toEqual([4, 2]);
    const last = (await consoleSearch(countyReader, `${q('管理')}&pageSize=2&page=2`)).json();
    expect(last.items).toHaveLength(2);
    expect([...first.items, ...last.items].map((h: Hit) => h.entityId).sort()).toEqual([ids.marketDraft, ids.policeDraft, ids.policePublic, ids.memo].sort());
  });

  it('refuses an empty or overlong query with a Chinese message, and wants a session', async () => {
    const empty = await consoleSearch(countyReader, 'q=%20%20');
    expect([empty.statusCode, empty.json().message]).toEqual([400, expect.stringContaining('检索词：请输入检索词')]);
    const long = await t.app.inject({ method: 'GET', url: `/api/public/search?regionCode=430621&${q('管'.repeat(101))}` });
    expect([long.statusCode, long.json().message]).toEqual([400, expect.stringContaining('检索词：不能超过 100 个字')]);
    expect((await t.app.inject({ method: 'GET', url: `/api/search?${q('管理')}` })).statusCode).toBe(401);
  });

  it('shows the portal the county’s published entries with a portal page only, linked there', async () => {
    const all = await portal(q('管理'));
    expect(all.items.map((h) => h.entityId)).toEqual([ids.policePublic]);
    expect(all.items[0]).toMatchObject({ link: `/rules/${ids.policePublic}`, statusLabel: '现行有效', orgName: '岳阳县公安局' });
    expect((await portal(q('草案'))).items).toEqual([]);
    expect((await portal(q('烈性犬'))).items.map((h) => h.entityId)).toEqual([ids.policePublic]);
    const memo = await t.app.inject({ method: 'GET', url: `/api/public/search?regionCode=430621&${q('犬类')}&type=test_memo` });
    expect(memo.statusCode).toBe(400);
    const types = (await t.app.inject({ method: 'GET', url: '/api/public/search/types' })).json();
    const kinds = types.map((k: { entityType: string }) => k.entityType);
    expect(kinds).toContain('test_rule');
    expect(kinds).not.toContain('test_memo');
  });
});
