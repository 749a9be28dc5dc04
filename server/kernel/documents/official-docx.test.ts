import { describe, expect, it } from 'vitest';
import { zipEntry, zipEntryNames } from '../files/zip-entries.ts';
import { chineseDate, officialDocx, officialDocxFromText } from './official-docx.ts';

const documentXml = (docx: Buffer) => zipEntry(docx, 'word/document.xml', 10_000_000)!.toString('utf8');

/** Each <w:p> of the body: its text, alignment, first-line indent and run fonts. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => ({
    text: [...p!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    align: /<w:jc w:val="(\w+)"/.exec(p!)?.[1],
    firstLine: /<w:ind w:firstLine="(\d+)"/.exec(p!)?.[1],
    eastAsia: /w:eastAsia="([^"]+)"/.exec(p!)?.[1],
    size: /<w:sz w:val="(\d+)"/.exec(p!)?.[1],
    line: /<w:spacing [^>]*w:line="(\d+)"[^>]*w:lineRule="(\w+)"/.exec(p!)?.slice(1).join('/'),
  }));
}

describe('officialDocx', () => {
  it('writes dates the 公文 way', () => {
    expect(chineseDate('2021-03-01')).toBe('2021年3月1日');
    expect(chineseDate('2021-10-08')).toBe('2021年10月8日');
  });

  it('lays a 公文 out after GB/T 9704: title, 主送机关, body, 附件, 落款; A4 with its margins', async () => {
    const docx = await officialDocx({
      title: '关于报送备案的报告',
      to: '岳阳市人民政府',
      paragraphs: ['现将文件报送备案。\n特此报告。'],
      attachments: ['正式文本', '起草说明'],
      signature: { org: '平江县人民政府', date: '2021-10-08' },
    });
    expect(zipEntryNames(docx)).toContain('word/document.xml');
    const xml = documentXml(docx);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);

    const [title, ...body] = paragraphs(xml);
    expect(title).toMatchObject({ text: '关于报送备案的报告', align: 'center', eastAsia: '方正小标宋简体', size: '44' });
    expect(body.map((p) => p.text)).toEqual(['岳阳市人民政府：', '现将文件报送备案。', '特此报告。', '', '附件：1. 正式文本', '　　　2. 起草说明', '', '平江县人民政府', '2021年10月8日']);
    expect(body.map((p) => p.firstLine ?? '-')).toEqual(['-', '640', '640', '-', '640', '640', '-', '-', '-']);
    expect(body.slice(-2).map((p) => p.align)).toEqual(['right', 'right']);
    for (const p of body) expect(p).toMatchObject({ eastAsia: '仿宋_GB2312', size: '32', line: '560/exact' });
  });

  it('reads edited text: first line the title, indented lines indented, the rest flush', async () => {
    const xml = documentXml(await officialDocxFromText('关于征求意见的反馈意见\n\n岳阳市司法局：\n    我县意见如下：\n    一、建议明确职权。\n\n平江县司法局'));
    const [title, ...body] = paragraphs(xml);
    expect(title).toMatchObject({ text: '关于征求意见的反馈意见', align: 'center', eastAsia: '方正小标宋简体' });
    expect(body.map((p) => [p.text, p.firstLine ?? '-'])).toEqual([
      ['', '-'],
      ['岳阳市司法局：', '-'],
      ['我县意见如下：', '640'],
      ['一、建议明确职权。', '640'],
      ['', '-'],
      ['平江县司法局', '-'],
    ]);
    expect(xml).toMatch(/<w:pgMar w:top="2098"/);
  });
});
