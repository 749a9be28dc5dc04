import { describe, expect, it } from 'vitest';
import { extensionOf, nameForType, sanitiseFileName } from './file-name.ts';
import { fileTypes } from './file-types.ts';

describe('file names', () => {
  it('keeps Chinese names as they are', () => {
    expect(sanitiseFileName('岳阳县司法局 行政复议决定书（2024）第12号.pdf')).toBe('岳阳县司法局 行政复议决定书（2024）第12号.pdf');
  });

  it('keeps only the last path segment', () => {
    expect(sanitiseFileName('C:\\fakepath\\证据材料.docx')).toBe('证据材料.docx');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control and invisible format characters, and characters Windows forbids', () => {
    expect(sanitiseFileName('报告\u202Efdp.exe')).toBe('报告fdp.exe');
    expect(sanitiseFileName('a\u0000b\r\nc.txt')).toBe('abc.txt');
    expect(sanitiseFileName('问题:答复?.pdf')).toBe('问题_答复_.pdf');
    expect(sanitiseFileName('  ..隐藏.pdf. ')).toBe('隐藏.pdf');
  });

  it('refuses a name with nothing left', () => {
    expect(() => sanitiseFileName('../')).toThrow('文件名为空');
    expect(() => sanitiseFileName('\u0001\u0002')).toThrow('文件名为空');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = sanitiseFileName('长'.repeat(300) + '.pdf');
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('长.pdf')).toBe(true);
  });

  it('finds the extension, which must contain a letter', () => {
    expect(extensionOf('a.PDF')).toBe('pdf');
    expect(extensionOf('录音.3gp')).toBe('3gp');
    expect(extensionOf('2024.10.12')).toBeNull();
    expect(extensionOf('会议纪要')).toBeNull();
  });

  it('accepts any of the type’s extensions, appends one when missing, refuses a contradicting one', () => {
    expect(nameForType('照片.JPEG', fileTypes.jpeg)).toBe('照片.JPEG');
    expect(nameForType('扫描件', fileTypes.pdf)).toBe('扫描件.pdf');
    expect(nameForType('会议 2024.10.12', fileTypes.pdf)).toBe('会议 2024.10.12.pdf');
    expect(() => nameForType('决定书.pdf', fileTypes.png)).toThrow(/扩展名是 \.pdf，但文件内容是PNG 图片.*\.png/);
  });
});
