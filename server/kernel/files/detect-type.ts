import { fileTypes, type FileType } from './file-types.ts';
import { OLE_SIGNATURE, oleEntryNames } from './ole-entries.ts';
import { zipEntryNames } from './zip-entries.ts';

/**
 * What a file is, from its bytes alone (magic numbers and container directories), never from its
 * name or the client's content-type: an executable renamed to .pdf is still an executable.
 */
export type Detection =
  | { ok: true; type: FileType }
  /** `what` names the content when it is recognised (a refused kind); `advice` says what to do instead. */
  | { ok: false; what: string | null; advice?: string };

export function detectFileType(data: Buffer): Detection {
  return detectBinary(data) ?? detectText(data) ?? describeRefused(data);
}

const accept = (type: FileType): Detection => ({ ok: true, type });
const refuse = (what: string, advice?: string): Detection => ({ ok: false, what, advice });

const bytesAt = (data: Buffer, at: number, signature: readonly number[]) =>
  data.length >= at + signature.length && signature.every((b, i) => data[at + i] === b);
const asciiAt = (data: Buffer, at: number, text: string) =>
  data.length >= at + text.length && data.toString('latin1', at, at + text.length) === text;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function detectBinary(data: Buffer): Detection | null {
  if (asciiAt(data, 0, '%PDF-')) return accept(fileTypes.pdf);
  if (bytesAt(data, 0, PNG_SIGNATURE)) return accept(fileTypes.png);
  if (bytesAt(data, 0, [0xff, 0xd8, 0xff])) return accept(fileTypes.jpeg);
  if (asciiAt(data, 0, 'GIF87a') || asciiAt(data, 0, 'GIF89a')) return accept(fileTypes.gif);
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].some((s) => asciiAt(data, 0, s))) return accept(fileTypes.tiff);
  if (asciiAt(data, 0, 'RIFF') && data.length >= 12) return riff(data.toString('latin1', 8, 12));
  if (asciiAt(data, 4, 'ftyp') && data.length >= 12) return isoMedia(data.toString('latin1', 8, 12));
  if (asciiAt(data, 0, '#!AMR-WB\n')) return accept(fileTypes.amrWb);
  if (asciiAt(data, 0, '#!AMR\n')) return accept(fileTypes.amr);
  if (isMp3(data)) return accept(fileTypes.mp3);
  if (bytesAt(data, 0, [0x50, 0x4b, 0x03, 0x04]) || bytesAt(data, 0, [0x50, 0x4b, 0x05, 0x06])) return zipContainer(data);
  if (bytesAt(data, 0, [...OLE_SIGNATURE])) return oleContainer(data);
  return null;
}

function riff(form: string): Detection {
  if (form === 'WEBP') return accept(fileTypes.webp);
  if (form === 'WAVE') return accept(fileTypes.wav);
  if (form === 'AVI ') return refuse('AVI 视频', '请转换为 MP4 后上传');
  return refuse(`RIFF 容器文件（${form.trim()}）`);
}

/** ISO base media files (ISO/IEC 14496-12) name their kind by the major brand of the ftyp box. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'MSNV', 'dash', 'f4v ', 'mmp4', 'XAVC']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

function isoMedia(brand: string): Detection {
  if (brand === 'qt  ') return accept(fileTypes.mov);
  if (brand === 'M4A ' || brand === 'M4B ') return accept(fileTypes.m4a);
  if (brand.startsWith('3gp') || brand.startsWith('3g2')) return accept(fileTypes.threeGp);
  if (MP4_BRANDS.has(brand)) return accept(fileTypes.mp4);
  if (HEIF_BRANDS.has(brand)) return refuse('HEIC/AVIF 图片', '请在手机或电脑上转换为 JPEG 后上传');
  return refuse(`ISO 媒体文件（${brand.trim()}）`);
}

const MP3_BITRATES = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_SAMPLE_RATES = [[11025, 12000, 8000], null, [22050, 24000, 16000], [44100, 48000, 32000]] as const;

/** The length of the MPEG audio layer III frame whose header starts at `at`, or null if none does. */
function mp3FrameLength(data: Buffer, at: number): number | null {
  if (at + 4 > data.length || data[at] !== 0xff || (data[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (data[at + 1]! >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = (data[at + 1]! >> 1) & 3; // 1: layer III
  const bitrateIndex = data[at + 2]! >> 4;
  const rateIndex = (data[at + 2]! >> 2) & 3;
  const rates = MP3_SAMPLE_RATES[version];
  if (!rates || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const kbps = (version === 3 ? MP3_BITRATES.mpeg1 : MP3_BITRATES.mpeg2)[bitrateIndex]!;
  const padding = (data[at + 2]! >> 1) & 1;
  return Math.floor(((version === 3 ? 144_000 : 72_000) * kbps) / rates[rateIndex]!) + padding;
}

/**
 * An ID3v2 tag followed by a frame, or two consecutive frames (one 11-bit sync alone could be chance).
 * The tag's size is "syncsafe": four bytes of 7 bits (ID3v2.4 §3.1).
 */
function isMp3(data: Buffer): boolean {
  if (asciiAt(data, 0, 'ID3') && data.length >= 10) {
    const size = ((data[6]! & 0x7f) << 21) | ((data[7]! & 0x7f) << 14) | ((data[8]! & 0x7f) << 7) | (data[9]! & 0x7f);
    let at = 10 + size + (data[5]! & 0x10 ? 10 : 0);
    const paddingEnd = Math.min(data.length, at + 4096);
    while (at < paddingEnd && data[at] === 0) at++;
    return mp3FrameLength(data, at) !== null;
  }
  const first = mp3FrameLength(data, 0);
  if (first === null) return false;
  return first === data.length || mp3FrameLength(data, first) !== null;
}

function zipContainer(data: Buffer): Detection {
  const names = zipEntryNames(data);
  if (!names) return refuse('损坏或不完整的 ZIP 文件');
  const has = (name: string) => names.includes(name);
  const under = (prefix: string) => names.some((n) => n.startsWith(prefix));
  // Macro-enabled documents (docm/xlsm/pptm) carry VBA code: refused like any other program.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
    return refuse('含宏（VBA 代码）的 Office 文档', '请另存为不含宏的 DOCX、XLSX 或 PPTX 后上传');
  }
  if (has('[Content_Types].xml')) {
    if (under('word/')) return accept(fileTypes.docx);
    if (under('xl/')) return accept(fileTypes.xlsx);
    if (under('ppt/')) return accept(fileTypes.pptx);
    return refuse('Office Open XML 文件（不是 Word、Excel 或 PowerPoint 文档）');
  }
  // GB/T 33190-2016 §7.2: the package's entry file is OFD.xml at its root.
  if (names.some((n) => n.toLowerCase() === 'ofd.xml')) return accept(fileTypes.ofd);
  if (has('AndroidManifest.xml')) return refuse('Android 安装包（APK）');
  if (has('META-INF/MANIFEST.MF')) return refuse('Java 程序包（JAR）');
  if (has('mimetype') && has('content.xml')) return refuse('OpenDocument 文档（ODT/ODS）', '请另存为 DOCX 或 XLSX 后上传');
  return refuse('ZIP 压缩包', '请解压后逐个上传其中的文件');
}

function oleContainer(data: Buffer): Detection {
  const entries = oleEntryNames(data);
  if (!entries) return refuse('损坏或不完整的 Office 97-2003 文档');
  // Compound-file names compare case-insensitively ([MS-CFB] §2.6.4).
  const names = new Set(entries.map((n) => n.toLowerCase()));
  if (names.has('encryptedpackage')) return refuse('设置了打开密码的 Office 文档', '请取消密码保护后上传');
  if (names.has('macros') || names.has('_vba_project_cur')) {
    return refuse('含宏（VBA 代码）的 Office 97-2003 文档', '请另存为不含宏的格式后上传');
  }
  if (names.has('worddocument')) return accept(fileTypes.doc);
  if (names.has('workbook') || names.has('book')) return accept(fileTypes.xls);
  if (names.has('powerpoint document')) return accept(fileTypes.ppt);
  return refuse('OLE 复合文档（如 MSI 安装包、Outlook 邮件），不是 Word、Excel 或 PowerPoint 文档');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Plain text: no control bytes other than tab, line feed, form feed and carriage return, and valid
 * UTF-8 or else valid GB18030 (GB 18030-2022, what Chinese Windows writes as "ANSI"). In both encodings
 * every byte below 0x80 is ASCII, so the control-byte test on raw bytes holds for either.
 */
function detectText(data: Buffer): Detection | null {
  for (let i = 0; i < data.length; i++) {
    const byte = data[i]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return null;
  }
  if (decodes(utf8, data)) return accept(fileTypes.text);
  if (decodes(gb18030, data)) return accept(fileTypes.textGb18030);
  return null;
}

function decodes(decoder: TextDecoder, data: Buffer): boolean {
  try {
    decoder.decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Kinds that are recognised only to say, in the refusal, what the content really is. */
const REFUSED_KINDS: [readonly number[] | string, string, string?][] = [
  ['MZ', 'Windows 可执行程序（EXE/DLL）'],
  ['\x7fELF', 'Linux 可执行程序（ELF）'],
  [[0xfe, 0xed, 0xfa, 0xce], 'macOS 可执行程序（Mach-O）'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'macOS 可执行程序（Mach-O）'],
  [[0xce, 0xfa, 0xed, 0xfe], 'macOS 可执行程序（Mach-O）'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'macOS 可执行程序（Mach-O）'],
  [[0xca, 0xfe, 0xba, 0xbe], 'Java 类文件或 macOS 程序'],
  ['Rar!\x1a\x07', 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩包'],
  ['BZh', 'bzip2 压缩包'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz 压缩包'],
  ['BM', 'BMP 图片', '请转换为 PNG 或 JPEG 后上传'],
  ['fLaC', 'FLAC 音频'],
  ['OggS', 'Ogg 音视频'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'MKV/WebM 视频'],
];

function describeRefused(data: Buffer): Detection {
  for (const [signature, what, advice] of REFUSED_KINDS) {
    if (typeof signature === 'string' ? asciiAt(data, 0, signature) : bytesAt(data, 0, signature)) return refuse(what, advice);
  }
  return { ok: false, what: null };
}
