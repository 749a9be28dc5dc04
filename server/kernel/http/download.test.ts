import { describe, expect, it } from 'vitest';
import { attachment } from './download.ts';

describe('attachment', () => {
  it('sends the Chinese name as filename* and an ASCII fallback', () => {
    expect(attachment('备案材料.zip', 'filing-package.zip')).toBe(`attachment; filename="filing-package.zip"; filename*=UTF-8''%E5%A4%87%E6%A1%88%E6%9D%90%E6%96%99.zip`);
  });

  it('escapes what a user title may bring: quotes, apostrophes, brackets, separators', () => {
    const header = attachment(`关于"'优化(营商)环境'"的意见;*.docx`);
    const [, fallback, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(.*)$/.exec(header)!;
    expect(fallback).toBe(`___'__(__)__'_____*.docx`);
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded!)).toBe(`关于"'优化(营商)环境'"的意见;*.docx`);
  });
});
