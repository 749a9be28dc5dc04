import type { DisclosureSettings } from './disclosure.settings.ts';

/**
 * 信息处理费 (条例 第四十二条; 国办函〔2020〕109号 ◐), in fen. 按件计收: the applicant's n-th application
 * of the natural month — up to `pieceFree` free, then ¥100 each up to the 30th, and each further band
 * of 10 costs ¥100 more per application (31–40 ¥200, 41–50 ¥300 …). 按量计收: one application's pages —
 * up to 30 free, then the pages of each band at its rate (31–100 ¥10, 101–200 ¥20, from 201 ¥40
 * a page). Pure: the tiers come from the county's settings.
 */
export type FeeRules = Pick<DisclosureSettings, 'pieceFree' | 'pieceFirstBandEnd' | 'pieceYuan' | 'pieceBandSize' | 'volumeFreePages' | 'volumeBands'>;

export function pieceFeeFen(ordinalInMonth: number, r: FeeRules): number {
  if (!Number.isInteger(ordinalInMonth) || ordinalInMonth < 1) throw new RangeError('ordinal must be a positive integer');
  if (ordinalInMonth <= r.pieceFree) return 0;
  if (ordinalInMonth <= r.pieceFirstBandEnd) return r.pieceYuan * 100;
  const band = Math.ceil((ordinalInMonth - r.pieceFirstBandEnd) / r.pieceBandSize);
  return r.pieceYuan * (band + 1) * 100;
}

export function volumeFeeFen(pages: number, r: FeeRules): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  // 「…的部分」: each band's pages at that band's rate, like a progressive tariff.
  let fen = 0;
  let from = r.volumeFreePages;
  for (const band of r.volumeBands) {
    if (pages <= from) break;
    const to = band.upTo === null ? pages : Math.min(pages, band.upTo);
    fen += Math.round(band.yuanPerPage * 100) * Math.max(0, to - from);
    from = band.upTo ?? pages;
  }
  return fen;
}
