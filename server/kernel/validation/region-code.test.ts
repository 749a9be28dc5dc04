import { describe, expect, it } from 'vitest';
import { checkRegionCode, regionLevel } from './region-code.ts';

describe('行政区划代码 (GB/T 2260)', () => {
  it.each(['430621', '110000', '430600', '820000', '429004'])('accepts %s', (code) => {
    expect(checkRegionCode(code)).toEqual({ ok: true });
  });

  it.each([
    ['43062', '6位数字'],
    ['43062a', '6位数字'],
    ['4306210', '6位数字'],
    ['100000', '省级代码“10”不存在'],
    ['830000', '省级代码“83”不存在'],
    ['990101', '省级代码“99”不存在'],
    ['430021', '地级代码为00'],
  ])('rejects %s', (code, reason) => {
    const result = checkRegionCode(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('tells the level', () => {
    expect(regionLevel('430000')).toBe(1);
    expect(regionLevel('430600')).toBe(2);
    expect(regionLevel('430621')).toBe(3);
  });
});
