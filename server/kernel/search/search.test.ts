import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.ts';
import { indexEntries, indexEntry, removeEntry, searchIndex, snippet } from './search.ts';
import { indexWords, queryWords } from './segment.ts';

/** A labelled set: real-sounding county documents, and for each query the documents that answer it. */
const DOCS: Record<string, { title: string; text: string; public?: boolean; year?: number }> = {
  d1: {
    title: '岳阳县人民政府关于印发《岳阳县行政规范性文件管理办法》的通知',
    text: '为加强行政规范性文件管理，规范制定程序，本县行政规范性文件实行合法性审查、统一登记、统一编号、统一印发制度，并于印发之日起十五日内报送备案。',
  },
  d2: {
    title: '岳阳县重大行政决策程序规定',
    text: '重大行政决策应当履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。决策事项目录每年向社会公布。',
  },
  d3: {
    title: '关于开展长江保护法相关规范性文件专项清理工作的通知',
    text: '根据《中华人民共和国长江保护法》，对涉及长江流域生态环境保护的现行文件开展专项清理，提出继续有效、修改或者废止的意见。',
  },
  d4: {
    title: '关于开展行政处罚法涉及文件清理的通知',
    text: '新修订的《行政处罚法》于2021年7月15日起施行，各单位开展专项清理，对与其不一致的规范性文件予以修改或者废止。',
  },
  d5: { title: '岳阳县城区停车管理办法（征求意见稿）', text: '现向社会公开征求意见，征求意见期限为三十日，公众可以通过门户网站提交意见。' },
  d6: { title: '岳阳县农村宅基地管理暂行办法', text: '农村村民申请宅基地，应当以户为单位向所在村民小组提出，经乡镇人民政府审批。' },
  d7: { title: '关于废止部分计划生育规范性文件的决定', text: '经清理，对涉及计划生育的十二件文件予以废止，自公布之日起停止执行。' },
  d8: { title: '岳阳县行政复议工作规程', text: '行政复议机构收到行政复议申请后，应当在五个工作日内进行审查，决定是否受理。' },
  d9: { title: '岳阳县政府信息公开工作办法', text: '对依申请公开的政府信息，行政机关应当在二十个工作日内予以答复，答复期限需要延长的应当经负责人同意。' },
  d10: { title: '岳阳县优化营商环境若干措施', text: '全面推行证明事项告知承诺制，公布证明事项清单，压减审批时限。' },
  d11: { title: '岳阳县安全生产领域行政执法裁量基准', text: '对安全生产违法行为实施行政处罚，应当按照本裁量基准确定处罚种类和幅度。' },
  d12: { title: '岳阳县城乡生活垃圾分类管理办法', text: '生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾。' },
  d13: { title: '岳阳县政府法律顾问工作规则', text: '政府法律顾问参与重大行政决策的合法性审查，列席常务会议，提出法律意见。' },
  d14: { title: '岳阳县征地补偿安置办法（内部讨论稿）', text: '征收土地应当依法给予公平、合理的补偿。', public: false },
  d15: { title: '岳阳县人民调解工作办法', text: '人民调解员由村民委员会、居民委员会成员和群众推选产生，调解民间纠纷。', year: 2020 },
};

const EXPECTED: [string, string[]][] = [
  ['规范性文件', ['d1', 'd3', 'd4', 'd7']],
  ['合法性审查', ['d1', 'd2', 'd13']],
  ['重大行政决策', ['d2', 'd13']],
  ['长江保护', ['d3']],
  ['行政处罚法', ['d4']],
  ['计划生育', ['d7']],
  ['行政复议', ['d8']],
  ['征求意见', ['d5']],
  ['宅基地', ['d6']],
  ['告知承诺制', ['d10']],
  ['裁量基准', ['d11']],
  ['垃圾分类', ['d12']],
  ['法律顾问', ['d13']],
  ['人民调解员', ['d15']],
  ['专项清理', ['d3', 'd4']],
  ['依申请公开 答复期限', ['d9']],
  // Both words, anywhere: 文件 and 清理 (d3 and d7 hold them apart, d4 together).
  ['文件清理', ['d3', 'd4', 'd7']],
];

describe('search: Chinese words, the index and its recall', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};
  const keyOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
  const search = async (q: string, filter = {}) => {
    const found = await searchIndex(t.db, q, { regionCode: '430621', ...filter }, { page: 1, pageSize: 50 });
    return found.items.map((i) => keyOf(i.entityId));
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const [key, doc] of Object.entries(DOCS)) {
      ids[key] = randomUUID();
      await indexEntry(
        t.db,
        { regionCode: '430621', entityType: 'test_document', entityId: ids[key]!, title: doc.title, text: doc.text, public: doc.public ?? true, year: doc.year ?? 2021, status: 'inForce' },
        new Date('2021-12-31T00:00:00Z'),
      );
    }
  });
  afterAll(() => t.close());

  it('keeps legal terms whole, and finds a term inside a longer word', () => {
    expect(queryWords('合法性审查办法')).toEqual(['合法性审查', '办法']);
    expect(queryWords('行政复议机构的审查')).toEqual(['行政复议机构', '审查']);
    expect(indexWords('行政规范性文件')).toEqual(expect.arrayContaining(['行政规范性文件', '规范性文件', '规范性', '文件']));
    expect(queryWords('的，和')).toEqual([]);
  });

  it('finds what the labelled set expects: recall 1.0 and no stray hit', async () => {
    let expected = 0;
    let found = 0;
    for (const [q, wanted] of EXPECTED) {
      const hits = await search(q);
      expected += wanted.length;
      found += wanted.filter((k) => hits.includes(k)).length;
      expect([q, [...hits].sort()]).toEqual([q, [...wanted].sort()]);
    }
    expect(found / expected).toBe(1);
  });

  it('ranks title matches above text matches, with a snippet marking the words', async () => {
    const hits = await search('规范性文件');
    expect(hits.at(-1)).toBe('d4');
    const found = await searchIndex(t.db, '行政复议', { regionCode: '430621' }, { page: 1, pageSize: 10 });
    expect(found.items[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['行政复议', '行政复议']);
    expect(found.items[0]!.snippet.map((p) => p.text).join('')).toBe(DOCS.d8!.text);
  });

  it('filters by publication, year and region, and pages with the total', async () => {
    expect(await search('补偿')).toEqual(['d14']);
    expect(await search('补偿', { publicOnly: true })).toEqual([]);
    expect(await search('人民调解员', { year: 2021 })).toEqual([]);
    expect(await search('规范性文件', { regionCode: '430682' })).toEqual([]);
    expect(await search('规范性文件', { status: 'repealed' })).toEqual([]);
    expect(await search('行政复议', { status: 'inForce', entityTypes: ['other_kind', 'test_document'] })).toEqual(['d8']);
    expect(await search('行政复议', { entityTypes: ['other_kind'] })).toEqual([]);
    expect(await search('行政复议', { entityTypes: [] })).toEqual([]);
    const page = await searchIndex(t.db, '规范性文件', { regionCode: '430621' }, { page: 2, pageSize: 3 });
    expect([page.total, page.items.length]).toEqual([4, 1]);
    const past = await searchIndex(t.db, '规范性文件', { regionCode: '430621' }, { page: 3, pageSize: 3 });
    expect([past.total, past.items.length]).toEqual([4, 0]);
  });

  it('replaces an entry when its record changes, and removes it', async () => {
    const entry = { regionCode: '430621', entityType: 'test_document', entityId: ids.d6!, title: '岳阳县农村住房建设管理办法', text: '农村村民建住房应当符合国土空间规划。', public: true };
    await indexEntry(t.db, entry, new Date());
    expect(await search('宅基地')).toEqual([]);
    expect(await search('农村住房')).toEqual(['d6']);
    await removeEntry(t.db, 'test_document', ids.d6!);
    expect(await search('农村住房')).toEqual([]);
  });

  it('marks every query word in a snippet window, longest first', () => {
    const parts = snippet('一二三四五六七八九十行政复议机构收到行政复议申请', ['行政复议', '行政复议机构'], 12);
    expect(parts).toEqual([
      { text: '…', hit: false },
      { text: '八九十', hit: false },
      { text: '行政复议机构', hit: true },
      { text: '收到行', hit: false },
      { text: '…', hit: false },
    ]);
  });
});

describe('search: a common word, read in result order', () => {
  let t: TestDatabase;
  const REGION = '430999';
  interface Doc {
    entityId: string;
    title: string;
    text: string;
    public: boolean;
    year: number;
    at: Date;
  }
  const docs: Doc[] = [];
  // Result order: title matches first, then year, indexing time and id, all descending.
  const order = (titleHit: (d: Doc) => boolean) => (a: Doc, b: Doc) =>
    Number(titleHit(b)) - Number(titleHit(a)) || b.year - a.year || b.at.getTime() - a.at.getTime() || (a.entityId < b.entityId ? 1 : -1);
  const ids = (found: { items: { entityId: string }[] }) => found.items.map((i) => i.entityId);

  beforeAll(async () => {
    t = await createTestDatabase();
    // 4,000 documents: 备案 in nine of ten texts and one title in ten. 土地 and 养老 are each in three
    // of four: together in the 2,000 oldest only, so that the newest hold one or the other.
    for (let i = 0; i < 4000; i++) {
      const old = i < 2000;
      const year = old ? 2015 : 2016 + (i % 10);
      const words = [i % 10 !== 3 ? '备案' : '登记', old || i % 2 === 0 ? '土地' : '', old || i % 2 === 1 ? '养老' : ''].filter(Boolean);
      docs.push({
        entityId: randomUUID(),
        title: i % 10 === 0 ? `第${i}号文件备案审查办法` : `第${i}号工作规则`,
        text: `本规则涉及${words.join('、')}事项。`,
        public: i % 7 !== 0,
        year,
        at: new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 500) * 86_400_000),
      });
    }
    for (let from = 0; from < docs.length; from += 500) {
      const batch = docs.slice(from, from + 500);
      await indexEntries(t.db, batch.map((d) => ({ regionCode: REGION, entityType: 'test_document', ...d })), batch[0]!.at);
    }
    // The choice follows the planner's word statistics (PGlite has no autovacuum to gather them).
    await t.db.execute(sql`analyze search_entries`);
  }, 120_000);
  afterAll(() => t.close());

  it('pages a word most documents hold in the order of the exact ranking, with an estimated total', async () => {
    const matches = docs.filter((d) => d.public && d.text.includes('备案')).sort(order((d) => d.title.includes('备案')));
    const search = (page: number) => searchIndex(t.db, '备案', { regionCode: REGION, publicOnly: true }, { page, pageSize: 20 });
    const first = await search(1);
    expect(first.totalExact).toBe(false);
    expect(Math.abs(first.total - matches.length) / matches.length).toBeLessThan(0.25);
    expect(ids(first)).toEqual(matches.slice(0, 20).map((d) => d.entityId));
    // The page where the title matches end and the text matches begin.
    const titled = matches.filter((d) => d.title.includes('备案')).length;
    const crossing = Math.floor(titled / 20) + 1;
    const page = await search(crossing);
    expect(ids(page)).toEqual(matches.slice((crossing - 1) * 20, crossing * 20).map((d) => d.entityId));
    expect(page.items.map((i) => i.titleHit)).toContain(true);
    expect(page.items.map((i) => i.titleHit)).toContain(false);
  });

  it('counts a selective search exactly, in the same order', async () => {
    const matches = docs.filter((d) => d.year === 2019 && d.text.includes('备案')).sort(order((d) => d.title.includes('备案')));
    const found = await searchIndex(t.db, '备案', { regionCode: REGION, year: 2019 }, { page: 1, pageSize: 50 });
    expect([found.totalExact, found.total]).toEqual([true, matches.length]);
    expect(ids(found)).toEqual(matches.slice(0, 50).map((d) => d.entityId));
  });

  it('falls back to counting when the words are common apart but rare together', async () => {
    const matches = docs.filter((d) => d.text.includes('土地') && d.text.includes('养老')).sort(order(() => false));
    // The planner, supposing the words independent, expects more than ESTIMATE_ABOVE: the scan in order is tried first.
    const plan = (await t.db.execute(sql`explain (format json) select 1 from search_entries where words @@ $$'土地' & '养老' & '~region:430999'$$::tsquery`)) as unknown as { rows: { 'QUERY PLAN': unknown }[] };
    const raw = plan.rows[0]!['QUERY PLAN'];
    expect((typeof raw === 'string' ? JSON.parse(raw) : raw)[0].Plan['Plan Rows']).toBeGreaterThan(2000);
    const found = await searchIndex(t.db, '土地 养老', { regionCode: REGION }, { page: 1, pageSize: 20 });
    expect([found.totalExact, found.total]).toEqual([true, matches.length]);
    expect(ids(found)).toEqual(matches.slice(0, 20).map((d) => d.entityId));
  });
});
