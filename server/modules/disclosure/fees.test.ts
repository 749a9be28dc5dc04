import { describe, expect, it } from 'vitest';
import { DisclosureSettings } from './disclosure.settings.ts';
import { pieceFeeFen, volumeFeeFen } from './fees.ts';

const rules = DisclosureSettings.parse({});

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it('按件: ten a month free, ¥100 each from the 11th to the 30th, then ¥100 more per band of ten', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map((n) => pieceFeeFen(n, rules) / 100)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
  });

  it('按量: 30 pages free, then 31–100 at ¥10, 101–200 at ¥20, from 201 at ¥40 a page, band by band', () => {
    expect(volumeFeeFen(0, rules)).toBe(0);
    expect(volumeFeeFen(30, rules)).toBe(0);
    expect(volumeFeeFen(31, rules)).toBe(10_00);
    expect(volumeFeeFen(100, rules)).toBe(700_00);
    expect(volumeFeeFen(101, rules)).toBe(720_00);
    expect(volumeFeeFen(200, rules)).toBe(2700_00);
    expect(volumeFeeFen(201, rules)).toBe(2740_00);
    expect(volumeFeeFen(250, rules)).toBe(4700_00);
  });

  it('follows a county’s own tiers and refuses nonsense', () => {
    const county = DisclosureSettings.parse({ pieceFree: 5, volumeFreePages: 10, volumeBands: [{ upTo: null, yuanPerPage: 0.5 }] });
    expect(pieceFeeFen(6, county)).toBe(100_00);
    expect(volumeFeeFen(12, county)).toBe(1_00);
    expect(() => pieceFeeFen(0, rules)).toThrow(RangeError);
    expect(() => volumeFeeFen(-1, rules)).toThrow(RangeError);
  });
});
