import type { Paragraph as DocxParagraph } from 'docx';
import type { LocalDate } from '../calendar/local-date.ts';

/**
 * Official documents (公文) as .docx, laid out after GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm, a
 * 156 × 225 mm 版心 (so 26 mm right and 35 mm bottom margins); 二号方正小标宋 title, centred; 三号仿宋
 * body (16 pt) on a fixed 28 pt line, first lines indented two characters. Fonts name a Windows
 * fallback for Latin text, which the 方正/GB2312 fonts lack on most machines.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** docx takes a while to load: only when a document is first made, not at start-up. */
const loadDocx = () => import('docx');

export interface OfficialDoc {
  title: string;
  /** 主送机关, e.g. 岳阳市人民政府. */
  to?: string;
  /** Body paragraphs; a line break inside one starts a new paragraph. */
  paragraphs: string[];
  /** 附件 list. */
  attachments?: string[];
  /** 落款: the issuing body and the date (written out as 2021年3月1日). */
  signature?: { org: string; date: LocalDate };
}

/** One body paragraph as laid out. */
interface Block {
  text: string;
  indent: boolean;
  right?: boolean;
}

const TITLE_FONT = { eastAsia: '方正小标宋简体', ascii: 'SimHei', hAnsi: 'SimHei' };
const BODY_FONT = { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' };
/** Twips (1/1440 inch): 37, 35, 28 and 26 mm. */
const PAGE_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
/** A4 in twips. */
const PAGE_SIZE = { width: 11906, height: 16838 };
/** Half-points: 二号 22 pt, 三号 16 pt. */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
/** Twips: a fixed 28 pt line gives the standard's 22 lines a page. */
const LINE = 560;
/** Two characters of 三号. */
const FIRST_LINE_INDENT = 640;

/** 2021-03-01 → 2021年3月1日, the way dates are written in 公文. */
export const chineseDate = (day: LocalDate): string => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

async function render(title: string, blocks: Block[]): Promise<Buffer> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } = await loadDocx();
  const children: DocxParagraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title, font: TITLE_FONT, size: TITLE_SIZE })] }),
    ...blocks.map(
      (b) =>
        new Paragraph({
          alignment: b.right ? AlignmentType.RIGHT : undefined,
          indent: b.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: b.text, font: BODY_FONT, size: BODY_SIZE })],
        }),
    ),
  ];
  const document = new Document({ creator: 'Fazhi', title, sections: [{ properties: { page: { size: PAGE_SIZE, margin: PAGE_MARGIN } }, children }] });
  return Packer.toBuffer(document);
}

/** A 公文 from its parts: 主送机关, indented body, 附件 list, then the 落款 on the right. */
export function officialDocx(doc: OfficialDoc): Promise<Buffer> {
  const blocks: Block[] = [];
  if (doc.to) blocks.push({ text: `${doc.to}：`, indent: false });
  for (const text of doc.paragraphs) for (const line of text.split(/\r?\n/)) blocks.push({ text: line, indent: true });
  if (doc.attachments?.length) {
    blocks.push({ text: '', indent: false });
    doc.attachments.forEach((a, i) => blocks.push({ text: `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${a}`, indent: true }));
  }
  if (doc.signature) {
    blocks.push({ text: '', indent: false });
    blocks.push({ text: doc.signature.org, indent: false, right: true });
    blocks.push({ text: chineseDate(doc.signature.date), indent: false, right: true });
  }
  return render(doc.title, blocks);
}

/**
 * A 公文 from edited plain text, as users write one in a text box: the first line is the title, a line
 * starting with white space is an indented paragraph, any other line (主送机关, 落款) is not indented.
 */
export function officialDocxFromText(text: string): Promise<Buffer> {
  const [title = '', ...lines] = text.split(/\r?\n/);
  return render(
    title,
    lines.map((line) => {
      const trimmed = line.replace(/^\s+/, '');
      return { text: trimmed, indent: trimmed.length !== line.length };
    }),
  );
}

/** A table cell of a document's table: text, spans, and whether it is a heading or a label cell. */
export interface DocTableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Label cells are left-aligned; figures and headings centred. */
  align?: 'left' | 'center';
  bold?: boolean;
}

/** A table that fits the 版心 (156 mm): column widths are relative and scaled to it. */
export interface DocTable {
  widths: number[];
  /** Header rows, repeated at the top of each page the table runs onto. */
  header: DocTableCell[][];
  body: DocTableCell[][];
  /** Half-points: 21 is 五号 (the default), 18 小五 for wide tables. */
  fontSize?: number;
}

/** A block of a long report: headings by level (一、 黑体; （一） 楷体), body paragraphs, tables. */
export type DocBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; table: DocTable; caption?: string };

const HEADING_FONTS = { 1: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei' }, 2: { eastAsia: '楷体_GB2312', ascii: 'KaiTi', hAnsi: 'KaiTi' } } as const;
/** Twips: the 版心's width (A4 less the 28 mm and 26 mm margins). */
const TEXT_WIDTH = PAGE_SIZE.width - PAGE_MARGIN.left - PAGE_MARGIN.right;

/**
 * A long official document with headings and tables (an annual report): the same page and fonts as
 * officialDocx; tables take the full 版心 width with fixed column widths, single-spaced in 五号 (or the
 * size given), so that a many-rowed table breaks over pages with its header repeated.
 */
export async function officialReportDocx(doc: { title: string; blocks: DocBlock[]; signature?: { org: string; date: LocalDate } }): Promise<Buffer> {
  const { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } = await loadDocx();
  const bodyParagraph = (text: string, options: { indent?: boolean; right?: boolean; font?: typeof BODY_FONT; bold?: boolean } = {}) =>
    new Paragraph({
      alignment: options.right ? AlignmentType.RIGHT : undefined,
      indent: options.indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, font: options.font ?? BODY_FONT, size: BODY_SIZE, bold: options.bold })],
    });
  const table = (model: DocTable) => {
    const total = model.widths.reduce((a, b) => a + b, 0);
    const widths = model.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
    const size = model.fontSize ?? 21;
    // Columns still covered by a cell spanning rows from above: a row's own cells start after them.
    const covered = Array<number>(widths.length).fill(0);
    const cell = (c: DocTableCell, start: number) =>
      new TableCell({
        columnSpan: c.colSpan,
        rowSpan: c.rowSpan,
        width: { size: widths.slice(start, start + (c.colSpan ?? 1)).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 60, right: 60 },
        children: [
          new Paragraph({
            alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
            children: [new TextRun({ text: c.text, font: BODY_FONT, size, bold: c.bold })],
          }),
        ],
      });
    const row = (cells: DocTableCell[], header: boolean) => {
      let column = 0;
      const made = cells.map((c) => {
        while (covered[column]) column++;
        const built = cell(c, column);
        for (let i = 0; i < (c.colSpan ?? 1); i++) covered[column + i] = c.rowSpan ?? 1;
        column += c.colSpan ?? 1;
        return built;
      });
      for (let i = 0; i < covered.length; i++) covered[i] = Math.max(0, covered[i]! - 1);
      return new TableRow({ tableHeader: header, cantSplit: true, children: made });
    };
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [...model.header.map((r) => row(r, true)), ...model.body.map((r) => row(r, false))],
    });
  };
  const children: (DocxParagraph | InstanceType<typeof Table>)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: doc.title, font: TITLE_FONT, size: TITLE_SIZE })] }),
  ];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') children.push(bodyParagraph(block.text, { indent: true, font: HEADING_FONTS[block.level] }));
    else if (block.kind === 'paragraph') for (const line of block.text.split(/\r?\n/)) children.push(bodyParagraph(line, { indent: true }));
    else {
      if (block.caption) children.push(bodyParagraph(block.caption, { indent: true, font: HEADING_FONTS[2] }));
      children.push(table(block.table));
    }
  }
  if (doc.signature) {
    children.push(bodyParagraph(''));
    children.push(bodyParagraph(doc.signature.org, { right: true }));
    children.push(bodyParagraph(chineseDate(doc.signature.date), { right: true }));
  }
  const document = new Document({ creator: 'Fazhi', title: doc.title, sections: [{ properties: { page: { size: PAGE_SIZE, margin: PAGE_MARGIN } }, children }] });
  return Packer.toBuffer(document);
}
