import { invalid, valid, type CheckResult } from './result.ts';

/** GB 32100-2015 code characters: digits and capital letters without I, O, Z, S, V; value = index. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714-1997 组织机构代码 weights over its 8 body characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a 统一社会信用代码 computed from the first 17 (GB 32100-2015 §5). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * The check character of a 组织机构代码 (GB 11714-1997) from its 8 body characters, where a letter is
 * worth 10 + its place in the alphabet (A=10 … Z=35): 11 − (sum mod 11), written X for 10 and 0 for 11.
 */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * 统一社会信用代码 (GB 32100-2015): 1 登记管理部门代码, 2 机构类别代码, 3–8 登记管理机关行政区划码,
 * 9–17 主体标识码 (a 组织机构代码 with its own check character at 17), 18 校验码.
 */
export function checkCreditCode(value: string): CheckResult {
  if (value.length !== 18) return invalid(`统一社会信用代码应为18位，实际为${value.length}位`);
  for (let i = 0; i < 18; i++) {
    if (!CHARSET.includes(value[i]!)) {
      return invalid(`统一社会信用代码第${i + 1}位“${value[i]}”不是合法字符（只能是数字和除 I、O、Z、S、V 以外的大写字母）`);
    }
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return invalid('统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字');
  const orgCheck = orgCodeCheckChar(value.slice(8, 16));
  if (value[16] !== orgCheck) {
    return invalid(`统一社会信用代码第17位（组织机构代码校验码）错误，应为“${orgCheck}”`);
  }
  const check = creditCodeCheckChar(value.slice(0, 17));
  if (value[17] !== check) return invalid(`统一社会信用代码第18位（校验码）错误，应为“${check}”`);
  return valid;
}
