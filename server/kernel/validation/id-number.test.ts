import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar, normaliseIdNumber } from './id-number.ts';

const today = new Date('2026-01-05T09:00:00+08:00');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

describe('居民身份证号 (GB 11643-1999)', () => {
  it.each([
    // 1×7+1×9+0+1×5+0+5×4+1×2+9×1+4×6+9×3+1×7+2×9+3×10+1×5+0+0+2×2 = 167, 167 mod 11 = 2 → 'X'
    { id: '11010519491231002X', sum: 167, check: 'X' },
    // 4×7+4×9+0+5×5+2×8+4×4+1×2+8×1+8×6+0+0+1×9+0+1×5+0+0+1×2 = 195, 195 mod 11 = 8 → '4'
    { id: '440524188001010014', sum: 195, check: '4' },
  ])('accepts $id; the hand computation agrees', ({ id, sum, check }) => {
    expect([...id.slice(0, 17)].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0)).toBe(sum);
    expect('10X98765432'[sum % 11]).toBe(check);
    expect(idNumberCheckChar(id.slice(0, 17))).toBe(check);
    expect(checkIdNumber(id, today)).toEqual({ ok: true });
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(checkIdNumber('11010519491231002x', today)).toEqual({ ok: true });
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it.each([
    ['wrong check digit', '110105194912310021', '第18位'],
    ['swapped digits', '110105194912310200', '第18位'],
    ['17 characters', '11010519491231002', '应为18位'],
    ['a letter inside', '1101051949123100AX', '前17位应为数字'],
    ['30 February', '110105194902300021', '不是有效日期'],
    ['month 13', '110105194913010021', '不是有效日期'],
    ['born after today', '110105202601060012', '晚于今天'],
    ['unknown province', '990105194912310021', '地址码'],
  ])('rejects %s', (_what, id, reason) => {
    const result = checkIdNumber(id, today);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('accepts someone born today (China time) but not tomorrow', () => {
    const born = '11010520260105' + '001';
    expect(checkIdNumber(born + idNumberCheckChar(born), today)).toEqual({ ok: true });
    const unborn = '11010520260106' + '001';
    expect(checkIdNumber(unborn + idNumberCheckChar(unborn), today).ok).toBe(false);
  });
});
