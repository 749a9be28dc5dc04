import { checkRegionCode } from './region-code.ts';
import { invalid, valid, type CheckResult } from './result.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The 18th character of a 居民身份证号 from the first 17 digits (GB 11643-1999 ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * 居民身份证号 (GB 11643-1999): 6-digit 住址码 (GB/T 2260), 8-digit birth date, 3-digit 顺序码, check
 * character. A lower-case x is accepted (people type it); `today` is the business date, for the
 * "birth date not in the future" rule.
 */
export function checkIdNumber(value: string, today: Date): CheckResult {
  if (value.length !== 18) return invalid(`居民身份证号应为18位，实际为${value.length}位`);
  if (!/^\d{17}[\dXx]$/.test(value)) return invalid('居民身份证号前17位应为数字，最后一位为数字或 X');
  const region = checkRegionCode(value.slice(0, 6));
  if (!region.ok) return invalid(`居民身份证号的地址码有误：${region.reason}`);
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) {
    return invalid(`居民身份证号中的出生日期 ${value.slice(6, 14)} 不是有效日期`);
  }
  // Compare calendar dates in China time, so that a birth "today" is accepted all day long.
  const todayInChina = new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  if (value.slice(6, 14) > todayInChina) return invalid(`居民身份证号中的出生日期 ${value.slice(6, 14)} 晚于今天`);
  const check = idNumberCheckChar(value.slice(0, 17));
  if (value[17]!.toUpperCase() !== check) return invalid(`居民身份证号第18位（校验码）错误，应为“${check}”`);
  return valid;
}

/** The stored form: upper-case X. */
export const normaliseIdNumber = (value: string): string => value.trim().toUpperCase();
