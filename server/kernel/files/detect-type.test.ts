import { describe, expect, it } from 'vitest';
import { detectFileType } from './detect-type.ts';
import type { FileTypeCode } from './file-types.ts';
import * as build from './files.test-helpers.ts';
import { oleEntryNames } from './ole-entries.ts';
import { zipEntryNames } from './zip-entries.ts';

const detected = (data: Buffer) => {
  const result = detectFileType(data);
  return result.ok ? result.type.code : null;
};
const refusal = (data: Buffer) => {
  const result = detectFileType(data);
  if (result.ok) throw new Error(`accepted as ${result.type.code}`);
  return result;
};

describe('content type detection', () => {
  const accepted: [FileTypeCode, () => Buffer | Promise<Buffer>][] = [
    ['pdf', build.pdf],
    ['docx', () => build.docx()],
    ['xlsx', build.xlsx],
    ['pptx', build.pptx],
    ['ofd', build.ofd],
    ['doc', () => build.ole(['WordDocument', '1Table'])],
    ['xls', () => build.ole(['Workbook'])],
    ['xls', () => build.ole(['Book'])],
    ['ppt', () => build.ole(['PowerPoint Document', 'Current User'])],
    ['jpeg', build.jpeg],
    ['png', build.png],
    ['gif', build.gif],
    ['webp', build.webp],
    ['tiff', build.tiff],
    ['mp4', () => build.isoMedia('isom')],
    ['mp4', () => build.isoMedia('mp42')],
    ['mov', () => build.isoMedia('qt  ')],
    ['m4a', () => build.isoMedia('M4A ')],
    ['threeGp', () => build.isoMedia('3gp5')],
    ['mp3', () => build.mp3()],
    ['mp3', () => build.mp3({ id3: true })],
    ['wav', build.wav],
    ['amr', build.amr],
    ['amrWb', () => Buffer.concat([Buffer.from('#!AMR-WB\n'), Buffer.alloc(20)])],
    ['text', () => Buffer.from('行政复议决定书\r\n申请人：张三\t被申请人：某局\n')],
    ['text', () => Buffer.from('\ufeffUTF-8 with a byte order mark, 附 BOM\n')],
    ['textGb18030', () => new Uint8Array([0xd0, 0xd0, 0xd5, 0xfe, 0xb8, 0xb4, 0xd2, 0xe9, 0x0d, 0x0a]) as Buffer], // 行政复议, GBK bytes
  ];
  it.each(accepted)('recognises %s', async (code, make) => {
    expect(detected(Buffer.from(await make()))).toBe(code);
  });

  it('tells a DOCX, an XLSX and a PPTX apart by their parts, not by order or compression', async () => {
    const names = zipEntryNames(await build.xlsx());
    expect(names).toContain('[Content_Types].xml');
    expect(names!.some((n) => n.startsWith('xl/'))).toBe(true);
    expect(zipEntryNames(build.docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('reads a ZIP whose end record is followed by an archive comment', () => {
    const plain = build.docx();
    const comment = Buffer.from('由某系统生成');
    const withComment = Buffer.concat([plain.subarray(0, plain.length - 2), Buffer.from([comment.length, 0]), comment]);
    expect(detected(withComment)).toBe('docx');
  });

  it('refuses an executable, whatever it is named, and says what it is', () => {
    expect(refusal(build.exe())).toMatchObject({ what: 'Windows 可执行程序（EXE/DLL）' });
    expect(refusal(build.elf())).toMatchObject({ what: 'Linux 可执行程序（ELF）' });
  });

  it('refuses archives and programs hidden in ZIP containers', () => {
    expect(refusal(build.zip({ 'a.txt': 'x', 'b.exe': build.exe() }))).toMatchObject({ what: 'ZIP 压缩包', advice: expect.stringContaining('解压') });
    expect(refusal(build.zip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n', 'A.class': 'x' })).what).toContain('JAR');
    expect(refusal(build.zip({ 'AndroidManifest.xml': 'x', 'META-INF/MANIFEST.MF': 'x', 'classes.dex': 'x' })).what).toContain('APK');
    expect(refusal(build.zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' })).what).toContain('OpenDocument');
    expect(refusal(build.zip({ '[Content_Types].xml': '<Types/>', 'visio/document.xml': '<x/>' })).what).toContain('Office Open XML');
  });

  it('refuses macro-enabled Office documents, new and legacy', () => {
    expect(refusal(build.docx({ 'word/vbaProject.bin': 'VBA' })).what).toContain('宏');
    expect(refusal(build.ole(['WordDocument', 'Macros'])).what).toContain('宏');
    expect(refusal(build.ole(['Workbook', '_VBA_PROJECT_CUR'])).what).toContain('宏');
  });

  it('refuses compound files that are not Office documents, and password-protected ones', () => {
    expect(refusal(build.ole(['\u0005SummaryInformation', '\u4840\u3b3f'])).what).toContain('MSI');
    expect(refusal(build.ole(['EncryptedInfo', 'EncryptedPackage'])).what).toContain('密码');
    expect(oleEntryNames(build.ole(['WordDocument']))).toEqual(['Root Entry', 'WordDocument']);
  });

  it('refuses truncated containers instead of guessing', () => {
    expect(refusal(build.docx().subarray(0, 200)).what).toContain('ZIP');
    expect(refusal(build.ole(['WordDocument']).subarray(0, 700)).what).toContain('97-2003');
    const loop = build.ole(['WordDocument']);
    loop.writeUInt32LE(1, 512 + 4); // the directory sector's FAT entry points at itself
    expect(oleEntryNames(loop)).toBeNull();
  });

  it('refuses other media and images, with advice where there is a usual fix', () => {
    expect(refusal(build.isoMedia('heic'))).toMatchObject({ what: expect.stringContaining('HEIC'), advice: expect.stringContaining('JPEG') });
    expect(refusal(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI LIST')])).what).toContain('AVI');
    expect(refusal(Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])).what).toContain('BMP');
    expect(refusal(Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, 0x00])).what).toBe('RAR 压缩包');
    expect(refusal(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00])).what).toBe('gzip 压缩包');
  });

  it('does not take a lone MPEG sync word, or binary noise, for audio or text', () => {
    const lone = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(500, 1)]);
    expect(refusal(lone)).toEqual({ ok: false, what: null });
    expect(refusal(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]))).toEqual({ ok: false, what: null });
  });

  it('refuses text with control bytes, and bytes that are neither UTF-8 nor GB18030', () => {
    expect(detected(Buffer.from('正文\u0000隐藏'))).toBeNull();
    expect(detected(Buffer.from('escape \u001b[31m red'))).toBeNull();
    expect(detected(Buffer.from([0x41, 0xff, 0x42]))).toBeNull(); // 0xff: invalid in both
  });

  it('does not take text that merely begins like an executable for one', () => {
    expect(detected(Buffer.from('MZ 号码簿\n'))).toBe('text');
  });
});
