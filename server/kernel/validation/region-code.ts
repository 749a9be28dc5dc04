import { invalid, valid, type CheckResult } from './result.ts';

/**
 * GB/T 2260 province-level codes (first two digits): 华北 11–15, 东北 21–23, 华东 31–37, 中南 41–46,
 * 西南 50–54, 西北 61–65, 台湾 71, 香港 81, 澳门 82.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** 行政区划代码 (GB/T 2260): six digits, positions 1–2 a province, 3–4 a prefecture, 5–6 a county. */
export function checkRegionCode(value: string): CheckResult {
  if (!/^\d{6}$/.test(value)) return invalid('行政区划代码应为6位数字');
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return invalid(`行政区划代码的省级代码“${value.slice(0, 2)}”不存在`);
  if (value.slice(2, 4) === '00' && value.slice(4) !== '00') return invalid('行政区划代码的地级代码为00时县级代码也应为00');
  return valid;
}

/** 1 province (xx0000), 2 prefecture (xxxx00), 3 county. */
export function regionLevel(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}
