import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, orgCodeCheckChar } from './credit-code.ts';

/**
 * Check characters worked out by hand, independently of the implementation: the GB 32100 character
 * values of positions 1–17 (A=10 … H=17, J=18 … N=22, P=23, Q=24, R=25, T=26, U=27, W=28, X=29, Y=30),
 * their weighted sum, and 31 − (sum mod 31) looked up in the character set.
 */
const handWorked = [
  {
    code: '91350100M000100Y43', // the worked example of GB 32100-2015 itself
    values: [9, 1, 3, 5, 0, 1, 0, 0, 21, 0, 0, 0, 1, 0, 0, 30, 4],
    sum: 1640, // 1640 mod 31 = 28 → 31 − 28 = 3 → '3'
    check: '3',
    // GB 11714 over "M000100Y" (M=22, Y=34): 66+0+0+0+5+0+0+68 = 139, 139 mod 11 = 7 → 11 − 7 = 4
    orgSum: 139,
    orgCheck: '4',
  },
  {
    code: '91110000802100433B',
    values: [9, 1, 1, 1, 0, 0, 0, 0, 8, 0, 2, 1, 0, 0, 4, 3, 3],
    sum: 485, // 485 mod 31 = 20 → 11 → 'B'
    check: 'B',
    orgSum: 74, // 24+0+18+10+0+0+16+6 = 74, 74 mod 11 = 8 → 3
    orgCheck: '3',
  },
  {
    code: '91440300708461136T',
    values: [9, 1, 4, 4, 0, 3, 0, 0, 7, 0, 8, 4, 6, 1, 1, 3, 6],
    sum: 966, // 966 mod 31 = 5 → 26 → 'T'
    check: 'T',
    orgSum: 181, // 21+0+72+40+30+8+4+6 = 181, 181 mod 11 = 5 → 6
    orgCheck: '6',
  },
];
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(handWorked)('$code: the hand computation and the implementation agree', ({ code, values, sum, check, orgSum, orgCheck }) => {
    expect(values.reduce((acc, v, i) => acc + v * WEIGHTS[i]!, 0)).toBe(sum);
    expect(CHARS[31 - (sum % 31)]).toBe(check);
    expect(code[17]).toBe(check);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(check);
    expect(11 - (orgSum % 11)).toBe(Number(orgCheck));
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(orgCheck);
    expect(checkCreditCode(code)).toEqual({ ok: true });
  });

  it('writes 10 as X and 11 as 0 in the 组织机构代码 check', () => {
    // "00000003": 3×2 = 6 → 11 − 6 = 5; "00000000": 0 → 11 → '0'; "00000030": 3×4 = 12 → 12 mod 11 = 1 → 10 → 'X'
    expect(orgCodeCheckChar('00000003')).toBe('5');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('00000030')).toBe('X');
  });

  it('reports the published code given for 岳阳县人民政府, 11430621006139008A, as not verifying', () => {
    // 00613900 → 0+0+54+10+15+72+0+0 = 151, 151 mod 11 = 8 → 3, not the 8 at position 17
    const result = checkCreditCode('11430621006139008A');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('第17位') });
  });

  it('rejects a wrong length, naming it', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: expect.stringContaining('应为18位，实际为17位') });
    expect(checkCreditCode('')).toMatchObject({ ok: false });
  });

  it.each([
    ['I', '91350100I000100Y43'],
    ['O', '91350100M000100O43'],
    ['Z', '91350100Z000100Y43'],
    ['S', '91350100M000100S43'],
    ['V', '91350100M000100V43'],
    ['lower case', '91350100m000100y43'],
  ])('rejects the illegal character %s', (_what, code) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, reason: expect.stringContaining('不是合法字符') });
  });

  it('rejects letters in the region part', () => {
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ ok: false, reason: expect.stringContaining('行政区划码') });
  });

  it.each([
    ['last character changed', '91350100M000100Y44', '第18位'],
    ['two characters swapped', '91530100M000100Y43', '第18位'],
    ['one body digit changed', '91110000802100434B', '第17位'],
    ['organisation code body changed', '91110000802100533B', '第17位'],
  ])('rejects a mutation (%s) and names the wrong position', (_what, code, position) => {
    const result = checkCreditCode(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(position);
  });

  it('names the expected check character', () => {
    expect(checkCreditCode('91350100M000100Y4A')).toEqual({ ok: false, reason: expect.stringContaining('应为“3”') });
  });
});
