import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { minimalPdf } from './minimal-pdf.ts';

/**
 * Minimal but well-formed files of every kind the detector knows, built byte by byte so that no binary
 * fixture is committed. Each one opens in (or is recognised by) the usual tools: `file`, `unzip -l`.
 */

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const ascii = (s: string) => Buffer.from(s, 'latin1');

/** A ZIP archive (deflated entries, correct CRCs, central directory and end record). */
export function zip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(entries)) {
    const data = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const common = Buffer.concat([u16(20), u16(0x0800), u16(8), u16(0), u16(0x21), u32(crc32(data)), u32(packed.length), u32(data.length), u16(nameBytes.length), u16(0)]);
    const local = Buffer.concat([u32(0x04034b50), common, nameBytes, packed]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string, mime: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/${main}" ContentType="${mime}"/></Types>`;
const rootRels = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

export function docx(extra: Record<string, string> = {}): Buffer {
  return zip({
    '[Content_Types].xml': contentTypes('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    '_rels/.rels': rootRels('word/document.xml'),
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:body><w:p><w:r><w:t>行政复议申请书</w:t></w:r></w:p></w:body></w:document>',
    ...extra,
  });
}

export function pptx(): Buffer {
  return zip({
    '[Content_Types].xml': contentTypes('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'),
    '_rels/.rels': rootRels('ppt/presentation.xml'),
    'ppt/presentation.xml': '<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  });
}

/** A real workbook written by exceljs. */
export async function xlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('案件').addRow(['案号', '申请人']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** GB/T 33190-2016: OFD.xml at the root points at the document. */
export function ofd(): Buffer {
  return zip({
    'OFD.xml':
      '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">' +
      '<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
    'Doc_0/Document.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
  });
}

/**
 * An OLE2 compound file (MS-CFB v3, 512-byte sectors): sector 0 holds the FAT, sector 1 the directory
 * with a root entry and the given (empty) streams.
 */
export function ole(streams: string[]): Buffer {
  if (streams.length > 3) throw new Error('one directory sector holds four entries');
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is a FAT sector
  fat.writeUInt32LE(END, 4); // the directory is one sector long

  const directory = Buffer.alloc(512, 0);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = index * 128;
    Buffer.from(name + '\0', 'utf16le').copy(directory, at);
    directory.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(FREE, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(END, at + 0x74);
  };
  entry(0, 'Root Entry', 5, streams.length ? 1 : FREE, FREE);
  streams.forEach((name, i) => entry(i + 1, name, 2, FREE, i + 2 <= streams.length ? i + 2 : FREE));
  return Buffer.concat([header, fat, directory]);
}

export function pdf(): Buffer {
  return minimalPdf([
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n',
  ]);
}

/** A 1×1 PNG: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => Buffer.concat([u32be(data.length), ascii(type), data, u32be(crc32(Buffer.concat([ascii(type), data])))]);
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** JPEG/JFIF markers: SOI, APP0 "JFIF", SOF0 for 1×1 greyscale, EOI. */
export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    ascii('JFIF\0'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** The classic 1×1 transparent GIF89a. */
export function gif(): Buffer {
  return Buffer.concat([
    ascii('GIF89a'),
    Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0x21, 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b]),
  ]);
}

const riff = (form: string, chunks: Buffer) => Buffer.concat([ascii('RIFF'), u32(4 + chunks.length), ascii(form), chunks]);

/** A lossless (VP8L) 1×1 WebP. */
export function webp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0, 0, 0, 0, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0]);
  return riff('WEBP', Buffer.concat([ascii('VP8L'), u32(vp8l.length), vp8l]));
}

/** A little-endian TIFF with one IFD: 1×1, 8-bit greyscale, one strip. */
export function tiff(): Buffer {
  const tags: [number, number, number][] = [
    [256, 3, 1], // ImageWidth
    [257, 3, 1], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: black is zero
    [273, 4, 8 + 2 + 7 * 12 + 4], // StripOffsets: just after the IFD
    [279, 4, 1], // StripByteCounts
  ];
  const ifd = Buffer.concat([u16(tags.length), ...tags.map(([tag, type, value]) => Buffer.concat([u16(tag), u16(type), u32(1), type === 3 ? Buffer.concat([u16(value), u16(0)]) : u32(value)])), u32(0)]);
  return Buffer.concat([ascii('II*\0'), u32(8), ifd, Buffer.from([0x80])]);
}

/** An ISO base media file: ftyp with the given major brand, then an empty mdat. */
export function isoMedia(brand: string): Buffer {
  const ftyp = Buffer.concat([u32be(24), ascii('ftyp'), ascii(brand), u32be(0x200), ascii(brand), ascii('isom')]);
  return Buffer.concat([ftyp, u32be(8), ascii('mdat')]);
}

/** 16-bit mono PCM WAV, 8 kHz, a few samples of silence. */
export function wav(): Buffer {
  const samples = Buffer.alloc(16);
  const fmt = Buffer.concat([u16(1), u16(1), u32(8000), u32(16000), u16(2), u16(16)]);
  return riff('WAVE', Buffer.concat([ascii('fmt '), u32(fmt.length), fmt, ascii('data'), u32(samples.length), samples]));
}

/** MPEG-1 layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each), optionally after an ID3v2.3 tag. */
export function mp3(options: { id3?: boolean } = {}): Buffer {
  const frame = Buffer.alloc(417);
  Buffer.from([0xff, 0xfb, 0x90, 0x64]).copy(frame);
  const frames = Buffer.concat([frame, frame, frame]);
  if (!options.id3) return frames;
  const title = Buffer.concat([Buffer.from([0]), ascii('hearing')]);
  const tit2 = Buffer.concat([ascii('TIT2'), u32be(title.length), Buffer.from([0, 0]), title]);
  return Buffer.concat([ascii('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, tit2.length]), tit2, frames]);
}

/** AMR narrow-band (RFC 4867 §5): the magic line, then one 12.2 kbit/s frame of silence. */
export function amr(): Buffer {
  return Buffer.concat([ascii('#!AMR\n'), Buffer.from([0x3c]), Buffer.alloc(31)]);
}

/** A Windows PE executable's headers: MZ, e_lfanew → "PE\0\0", a COFF header for x86-64. */
export function exe(): Buffer {
  const file = Buffer.alloc(512);
  ascii('MZ').copy(file, 0);
  file.writeUInt32LE(0x80, 0x3c);
  ascii('This program cannot be run in DOS mode.').copy(file, 0x4e);
  ascii('PE\0\0').copy(file, 0x80);
  file.writeUInt16LE(0x8664, 0x84);
  return file;
}

export function elf(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
}
