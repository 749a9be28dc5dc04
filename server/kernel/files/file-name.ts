import { AppError } from '../errors/app-error.ts';
import type { FileType } from './file-types.ts';

/** files.name is varchar(255), which PostgreSQL counts in characters (code points), not bytes. */
const MAX_NAME_CHARS = 255;

/**
 * The display name as stored and later sent back in content-disposition: the last path segment only
 * (browsers on Windows send "C:\fakepath\…"), without control characters or invisible format characters
 * (U+202E right-to-left override makes "报告‮fdp.exe" display as "报告exe.pdf"), without the characters
 * Windows forbids in names, without leading or trailing dots and spaces. Chinese is kept as is.
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  if (!cleaned) throw new AppError('BAD_REQUEST', '文件名为空，或只含不允许的字符（路径分隔符、控制字符等）');
  return truncateName(cleaned);
}

/** The extension, lower case: 1–8 letters or digits after the last dot, at least one a letter ("v1.2" has none). */
export function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{0,7}[a-z][a-z0-9]{0,7})$/i.exec(name);
  return match && match[1]!.length <= 8 ? match[1]!.toLowerCase() : null;
}

/**
 * The name must say what the content is, so that whoever opens the download gets the program they
 * expect. A name without an extension gets the type's own; a contradicting one is refused.
 */
export function nameForType(name: string, type: FileType): string {
  const extension = extensionOf(name);
  if (extension === null) return truncateName(`${name}.${type.extensions[0]}`);
  if (type.extensions.includes(extension)) return name;
  const expected = type.extensions.map((e) => `.${e}`).join('、');
  throw new AppError(
    'BAD_REQUEST',
    `文件名「${name}」的扩展名是 .${extension}，但文件内容是${type.label}，二者不符；请把扩展名改为 ${expected}，或上传正确的文件`,
    { extension, detected: type.code, allowedExtensions: type.extensions },
  );
}

/** Shortens the part before the extension so that the whole name fits, the extension kept. */
function truncateName(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_NAME_CHARS) return name;
  const extension = extensionOf(name);
  const suffix = extension ? `.${extension}` : '';
  return chars.slice(0, MAX_NAME_CHARS - suffix.length).join('') + suffix;
}
