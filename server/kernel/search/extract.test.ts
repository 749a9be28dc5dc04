import { describe, expect, it } from 'vitest';
import { docx, zip } from '../files/files.test-helpers.ts';
import { minimalPdf } from '../files/minimal-pdf.ts';
import { zipEntry } from '../files/zip-entries.ts';
import { extractText } from './extract.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A one-page PDF whose content stream shows two lines of text in Helvetica. */
function pdfWithText(lines: string[]): Buffer {
  const stream = `BT /F1 12 Tf 72 760 Td ${lines.map((l, i) => `${i ? '0 -16 Td ' : ''}(${l}) Tj`).join(' ')} ET`;
  const objects = [
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>> endobj\n',
    `4 0 obj <</Length ${stream.length}>> stream\n${stream}\nendstream endobj\n`,
    '5 0 obj <</Type /Font /Subtype /Type1 /BaseFont /Helvetica>> endobj\n',
  ];
  return minimalPdf(objects);
}

const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

describe('text of attachments for the search index', () => {
  it('reads a DOCX: paragraphs on lines, entities decoded, deleted runs of tracked changes left out', async () => {
    const file = docx({
      'word/document.xml': documentXml(
        '<w:p><w:r><w:t>岳阳县人民政府关于印发</w:t></w:r><w:r><w:t xml:space="preserve">《规范性文件管理办法》</w:t></w:r></w:p>' +
          '<w:p><w:r><w:t>第一条 为了规范行政机关&amp;部门</w:t></w:r><w:del><w:r><w:delText>已删除的草稿</w:delText></w:r></w:del><w:r><w:tab/><w:t>&#x7B2C;二条</w:t></w:r></w:p>',
      ),
    });
    await expect(extractText(file, DOCX)).resolves.toBe('岳阳县人民政府关于印发《规范性文件管理办法》\n第一条 为了规范行政机关&部门\t第二条\n');
  });

  it('reads the text layer of a PDF', async () => {
    const text = await extractText(pdfWithText(['Administrative reconsideration', 'Decision 2024 No. 12']), 'application/pdf');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Administrative reconsideration Decision 2024 No. 12');
  });

  it('reads plain text, and gives nothing for other types and unreadable files', async () => {
    await expect(extractText(Buffer.from('行政复议申请书', 'utf8'), 'text/plain')).resolves.toBe('行政复议申请书');
    await expect(extractText(Buffer.from('PNG'), 'image/png')).resolves.toBe('');
    await expect(extractText(Buffer.from('not a zip'), DOCX)).resolves.toBe('');
    await expect(extractText(Buffer.from('%PDF-1.7 broken'), 'application/pdf')).resolves.toBe('');
  });

  it('refuses to inflate a ZIP entry past its limit', () => {
    const archive = zip({ 'big.xml': Buffer.alloc(100_000, 0x41) });
    expect(zipEntry(archive, 'big.xml', 200_000)?.length).toBe(100_000);
    expect(zipEntry(archive, 'big.xml', 50_000)).toBeNull();
    expect(zipEntry(archive, 'missing.xml', 200_000)).toBeNull();
  });
});
