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
