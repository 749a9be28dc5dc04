import { zipEntry } from '../files/zip-entries.ts';

/** Text beyond this is not indexed: a document's first few hundred pages say what it is about. */
export const MAX_TEXT = 1_000_000;
/** A DOCX's document part may not inflate beyond this (a small archive can inflate enormously). */
const MAX_DOCX_XML = 50 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (entities[name] ?? whole),
  );

/** The text of word/document.xml: paragraphs on lines, tabs and breaks kept, markup dropped. */
function docxText(content: Buffer): string {
  const xml = zipEntry(content, 'word/document.xml', MAX_DOCX_XML);
  if (!xml) return '';
  return decodeXml(
    xml
      .toString('utf8')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:(br|cr)\/>|<\/w:p>/g, '\n')
      // Deleted runs of tracked changes are not the document's text.
      .replace(/<w:delText[^>]*>[\s\S]*?<\/w:delText>/g, '')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The text layer of every page, a line per text line (a scanned PDF has none: no OCR here). */
async function pdfText(content: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(content), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= document.numPages && length < MAX_TEXT; n++) {
      const page = await document.getPage(n);
      const { items } = await page.getTextContent();
      const text = items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text);
      length += text.length;
    }
    return pages.join('\n');
  } finally {
    await document.destroy();
  }
}

/**
 * The plain text of an attachment for the search index: text files, DOCX and PDF (its text layer).
 * Other types, and files that cannot be read, give '' — indexing never fails on an attachment.
 */
export async function extractText(content: Buffer, mime: string): Promise<string> {
  try {
    const text = mime.startsWith('text/') ? content.toString('utf8') : mime === DOCX ? docxText(content) : mime === 'application/pdf' ? await pdfText(content) : '';
    return text.slice(0, MAX_TEXT);
  } catch {
    return '';
  }
}
