import { beforeAll, describe, expect, it } from 'vitest';
import { SecuritySettings } from '../config/settings.ts';
import { hashPassword } from './password.ts';
import {
  assertNotRecentPassword,
  assertPasswordPolicy,
  describePasswordPolicy,
  isRecentPassword,
  passwordProblems,
} from './password-policy.ts';

const defaults = SecuritySettings.parse({});

describe('password policy', () => {
  it('defaults to at least 8 characters of at least 3 classes', () => {
    expect(defaults).toMatchObject({ passwordMinLength: 8, passwordMinClasses: 3, passwordHistory: 5 });
    expect(passwordProblems('Abcdef12', 'zhang', defaults)).toEqual([]);
    expect(passwordProblems('abc!def1', 'zhang', defaults)).toEqual([]);
  });

  it('names what is missing, in Chinese', () => {
    expect(passwordProblems('Ab1', 'zhang', defaults)).toEqual(['长度至少 8 位']);
    expect(passwordProblems('abcdefgh', 'zhang', defaults)).toEqual([
      '须包含小写字母、大写字母、数字、符号中的至少 3 类（缺少：大写字母、数字、符号）',
    ]);
    expect(passwordProblems('abc', 'zhang', defaults)).toHaveLength(2);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(passwordProblems('Zhang3@2026', 'zhang3', defaults)).toEqual(['不能包含用户名']);
    expect(passwordProblems('xxZHANG3xx!A', 'zhang3', defaults)).toEqual(['不能包含用户名']);
  });

  it('follows the settings', () => {
    const strict = { ...defaults, passwordMinLength: 12, passwordMinClasses: 4 };
    expect(passwordProblems('Abcdef12', 'zhang', strict)).toEqual([
      '长度至少 12 位',
      '须包含小写字母、大写字母、数字、符号中的至少 4 类（缺少：符号）',
    ]);
    expect(passwordProblems('Abcdef12!xyz', 'zhang', strict)).toEqual([]);
    expect(describePasswordPolicy(strict)).toContain('至少 12 位');
  });

  it('throws PASSWORD_POLICY with the problems', () => {
    expect(() => assertPasswordPolicy('short', 'zhang', defaults)).toThrow(/密码不符合要求：长度至少 8 位/);
    expect(() => assertPasswordPolicy('Good#Pass1', 'zhang', defaults)).not.toThrow();
  });

  describe('history', () => {
    let hashes: string[];
    beforeAll(async () => {
      hashes = await Promise.all(['Old#Pass1', 'Old#Pass2'].map(hashPassword));
    });

    it('recognises a recent password', async () => {
      expect(await isRecentPassword('Old#Pass2', hashes)).toBe(true);
      expect(await isRecentPassword('New#Pass3', hashes)).toBe(false);
    });

    it('throws PASSWORD_POLICY for a recent password', async () => {
      const policy = { ...defaults, passwordHistory: 3 };
      await expect(assertNotRecentPassword('Old#Pass1', hashes, policy)).rejects.toThrow('新密码不能与最近 3 次使用过的密码相同');
      await expect(assertNotRecentPassword('New#Pass3', hashes, policy)).resolves.toBeUndefined();
    });
  });
});
