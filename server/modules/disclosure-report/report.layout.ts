import type { DocBlock, DocTable, DocTableCell } from '../../kernel/documents/official-docx.ts';
import { chineseDate } from '../../kernel/documents/official-docx.ts';
import { interpretationFormLabels, proactiveCategories, proactiveCategoryLabels, tableFourBlocks, tableFourResultLabels, tableFourResults } from '../../../contracts/disclosure.ts';
import {
  reportSectionLabels,
  reportSections,
  tableThreeColumnLabels,
  tableThreeRows,
  type ReportFigures,
  type ReportSection,
} from '../../../contracts/disclosure-report.ts';

/**
 * The report's layout in the 国办公开办函〔2021〕30号 format, once: as document blocks (headings,
 * paragraphs, tables with their merged header cells) that the .docx writer and the HTML preview both
 * render, so the console, the portal and the printed report cannot drift apart.
 */

export interface ReportDocument {
  title: string;
  orgName: string;
  figures: ReportFigures;
  sections: Partial<Record<ReportSection, string>>;
  /** The 落款 date: publication, or today for a draft. */
  date: string;
  draft: boolean;
}

const c = (text: string | number, extra: Partial<DocTableCell> = {}): DocTableCell => ({ text: String(text), ...extra });
const left = (text: string, extra: Partial<DocTableCell> = {}) => c(text, { align: 'left', ...extra });
/** 万元 with up to four decimals, without trailing zeros. */
export const tenThousand = (n: number) => String(Number(n.toFixed(4)));

export function tableTwoModel(f: ReportFigures): DocTable {
  const t = f.tableTwo;
  const head = (block: string, columns: string[]): DocTableCell[][] => [
    [c(block, { colSpan: 4, bold: true })],
    [c('信息内容', { bold: true }), ...columns.map((col) => c(col, { bold: true, colSpan: columns.length === 1 ? 3 : 1 }))],
  ];
  const one = (label: string, value: string | number) => [left(label), c(value, { colSpan: 3 })];
  return {
    widths: [34, 22, 22, 22],
    header: [],
    body: [
      ...head('第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数']),
      [left('规章'), c(t.regulations.issued), c(t.regulations.repealed), c(t.regulations.inForce)],
      [left('行政规范性文件'), c(t.normativeDocuments.issued), c(t.normativeDocuments.repealed), c(t.normativeDocuments.inForce)],
      ...head('第二十条第（五）项', ['本年处理决定数量']),
      one('行政许可', t.licences.decisions),
      ...head('第二十条第（六）项', ['本年处理决定数量']),
      one('行政处罚', t.penalties.decisions),
      one('行政强制', t.coercion.decisions),
      ...head('第二十条第（八）项', ['本年收费金额（单位：万元）']),
      one('行政事业性收费', tenThousand(t.fees.amountTenThousand)),
    ],
  };
}

/** Table 三: 7 numeric columns beside a wide label column; the header merges 申请人情况 and 法人或其他组织. */
export function tableThreeModel(f: ReportFigures): DocTable {
  const labels = Object.values(tableThreeColumnLabels);
  return {
    widths: [40, 8, 8, 8, 8, 8, 8, 8],
    fontSize: 20,
    header: [
      [c('本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', { rowSpan: 3, bold: true }), c('申请人情况', { colSpan: 7, bold: true })],
      [c(labels[0]!, { rowSpan: 2, bold: true }), c('法人或其他组织', { colSpan: 5, bold: true }), c(labels[6]!, { rowSpan: 2, bold: true })],
      labels.slice(1, 6).map((l) => c(l, { bold: true })),
    ],
    body: tableThreeRows.map((row) => {
      const values = f.tableThree[row.code];
      const label = left(row.depth === 2 ? `　　${row.label}` : row.depth === 1 ? `　${row.label}` : row.label, { bold: row.depth === 0 });
      return values ? [label, ...values.map((v) => c(v))] : [label, c('', { colSpan: 7 })];
    }),
  };
}

/** Table 四: 15 numeric columns under a three-level header. */
export function tableFourModel(f: ReportFigures): DocTable {
  const results = tableFourResults.map((r) => tableFourResultLabels[r]);
  return {
    widths: Array<number>(15).fill(1),
    fontSize: 18,
    header: [
      [c('行政复议', { colSpan: 5, bold: true }), c('行政诉讼', { colSpan: 10, bold: true })],
      [...results.map((r) => c(r, { rowSpan: 2, bold: true })), c('未经复议直接起诉', { colSpan: 5, bold: true }), c('复议后起诉', { colSpan: 5, bold: true })],
      [...results, ...results].map((r) => c(r, { bold: true })),
    ],
    body: [tableFourBlocks.flatMap((b) => tableFourResults.map((r) => c(f.tableFour[b][r])))],
  };
}

/** 二's opening sentence, from the 主动公开 records. */
export function proactiveSummary(f: ReportFigures): string {
  const p = f.proactive;
  const topics = proactiveCategories.filter((cat) => p.byCategory[cat] > 0).map((cat) => `${proactiveCategoryLabels[cat]}${p.byCategory[cat]}条`);
  const forms = (['text', 'chart', 'video', 'other'] as const).filter((form) => p.interpretations[form] > 0).map((form) => `${interpretationFormLabels[form]}${p.interpretations[form]}篇`);
  return (
    `${f.year}年，主动公开政府信息${p.total}条` +
    (topics.length ? `，其中${topics.join('、')}` : '') +
    `。发布政策解读${p.interpretations.total}篇` +
    (forms.length ? `，其中${forms.join('、')}` : '') +
    '。'
  );
}

/** 六's sentence on 信息处理费 (国办函〔2020〕109号). */
export function feesSummary(f: ReportFigures): string {
  const fees = f.processingFees;
  return fees.applications
    ? `${f.year}年，依据《政府信息公开信息处理费管理办法》收取信息处理费${fees.applications}件，共计${fees.amountYuan.toFixed(2)}元。`
    : `${f.year}年，未收取信息处理费。`;
}

const PENDING = '【待填写】';

/** The report as blocks: each section's heading, its generated sentences and tables, then its narrative. */
export function reportBlocks(doc: ReportDocument): DocBlock[] {
  const blocks: DocBlock[] = [];
  const narrative = (section: ReportSection) => {
    const text = doc.sections[section]?.trim();
    if (text) blocks.push({ kind: 'paragraph', text });
    else if (doc.draft) blocks.push({ kind: 'paragraph', text: PENDING });
  };
  for (const section of reportSections) {
    blocks.push({ kind: 'heading', level: 1, text: reportSectionLabels[section] });
    if (section === 'proactive') blocks.push({ kind: 'paragraph', text: proactiveSummary(doc.figures) });
    if (section === 'other') blocks.push({ kind: 'paragraph', text: feesSummary(doc.figures) });
    // 二、三、四 have a narrative only when staff wrote one: their tables carry them.
    const tabled = section === 'proactive' || section === 'requests' || section === 'remedies';
    if (!tabled || doc.sections[section]?.trim()) narrative(section);
    if (section === 'proactive') blocks.push({ kind: 'table', table: tableTwoModel(doc.figures) });
    if (section === 'requests') blocks.push({ kind: 'table', table: tableThreeModel(doc.figures) });
    if (section === 'remedies') blocks.push({ kind: 'table', table: tableFourModel(doc.figures) });
  }
  return blocks;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function tableHtml(table: DocTable): string {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const cols = table.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const cell = (tag: 'th' | 'td', x: DocTableCell) =>
    `<${tag}${x.colSpan ? ` colspan="${x.colSpan}"` : ''}${x.rowSpan ? ` rowspan="${x.rowSpan}"` : ''}${x.align === 'left' ? ' class="l"' : ''}>${x.bold && tag === 'td' ? `<b>${escape(x.text)}</b>` : escape(x.text)}</${tag}>`;
  const rows = (list: DocTableCell[][], tag: 'th' | 'td') => list.map((r) => `<tr>${r.map((x) => cell(x.bold && tag === 'td' && x.align !== 'left' ? 'th' : tag, x)).join('')}</tr>`).join('');
  // Tables 三 and 四 keep their columns readable on a phone by scrolling sideways; table 二 fits.
  const wide = table.widths.length > 4 ? ' class="wide"' : '';
  return `<div class="t"><table${wide}><colgroup>${cols}</colgroup>${table.header.length ? `<thead>${rows(table.header, 'th')}</thead>` : ''}<tbody>${rows(table.body, 'td')}</tbody></table></div>`;
}

/** Styles of the HTML view: readable on a phone (tables scroll sideways inside their box). */
const STYLE = `.dr{font-family:"FangSong","仿宋",serif;font-size:16px;line-height:1.9;color:#222;max-width:820px;margin:0 auto}
.dr h1{font-size:22px;text-align:center;font-family:"SimHei","黑体",sans-serif;margin:8px 0 16px}
.dr h2{font-size:17px;font-family:"SimHei","黑体",sans-serif;margin:18px 0 6px}
.dr p{text-indent:2em;margin:4px 0}.dr .sig{text-align:right;text-indent:0}
.dr .t{overflow-x:auto;margin:8px 0}.dr table{border-collapse:collapse;width:100%;font-size:13px;line-height:1.4}.dr table.wide{min-width:560px}
.dr th,.dr td{border:1px solid #555;padding:3px 4px;text-align:center}.dr td.l,.dr th.l{text-align:left}.dr .draft{color:#c00;text-align:center;text-indent:0}`;

export function reportHtml(doc: ReportDocument): string {
  const body = reportBlocks(doc)
    .map((b) =>
      b.kind === 'heading'
        ? `<h2>${escape(b.text)}</h2>`
        : b.kind === 'paragraph'
          ? b.text
              .split(/\r?\n/)
              .map((line) => `<p>${escape(line)}</p>`)
              .join('')
          : tableHtml(b.table),
    )
    .join('');
  return `<style>${STYLE}</style><article class="dr">${doc.draft ? '<p class="draft">（草稿，未发布）</p>' : ''}<h1>${escape(doc.title)}</h1>${body}<p class="sig">${escape(doc.orgName)}</p><p class="sig">${escape(chineseDate(doc.date))}</p></article>`;
}
