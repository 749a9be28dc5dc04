import type { SecuritySettings } from '../config/settings.ts';
import { AppError } from '../errors/app-error.ts';
import { verifyPassword } from './password.ts';

export type PasswordPolicy = Pick<SecuritySettings, 'passwordMinLength' | 'passwordMinClasses' | 'passwordHistory'>;

/** The four character classes of the 等保 password rule, in the order the messages list them. */
const characterClasses = [
  { name: '小写字母', test: (c: string) => /[a-z]/.test(c) },
  { name: '大写字母', test: (c: string) => /[A-Z]/.test(c) },
  { name: '数字', test: (c: string) => /[0-9]/.test(c) },
  { name: '符号', test: (c: string) => /[^A-Za-z0-9]/.test(c) },
] as const;

/** What a password lacks under the policy, one Chinese phrase per problem; empty when it complies. */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.passwordMinLength) problems.push(`长度至少 ${policy.passwordMinLength} 位`);
  const missing = characterClasses.filter((c) => !c.test(password)).map((c) => c.name);
  if (characterClasses.length - missing.length < policy.passwordMinClasses) {
    problems.push(
      `须包含小写字母、大写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类（缺少：${missing.join('、')}）`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不能包含用户名');
  return problems;
}

/** The hint shown beside a password field. */
export function describePasswordPolicy(policy: PasswordPolicy): string {
  return (
    `至少 ${policy.passwordMinLength} 位，包含小写字母、大写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类，` +
    `不能包含用户名，不能与最近 ${policy.passwordHistory} 次使用过的密码相同`
  );
}

/** Throws PASSWORD_POLICY naming everything that is missing. */
export function assertPasswordPolicy(password: string, username: string, policy: PasswordPolicy): void {
  const problems = passwordProblems(password, username, policy);
  if (problems.length) throw new AppError('PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`, { problems });
}

/** True when the password matches one of the given hashes (of the user's recent passwords). */
export async function isRecentPassword(password: string, recentHashes: string[]): Promise<boolean> {
  const matches = await Promise.all(recentHashes.map((hash) => verifyPassword(password, hash)));
  return matches.some(Boolean);
}

export const reusedPasswordError = (policy: PasswordPolicy) =>
  new AppError('PASSWORD_POLICY', `新密码不能与最近 ${policy.passwordHistory} 次使用过的密码相同`, { problems: ['与最近使用过的密码相同'] });

/**
 * The last N passwords are the current one and the N−1 newest retired ones; the caller passes the
 * hashes it must still compare (it may already know the new password differs from the current one).
 */
export async function assertNotRecentPassword(password: string, recentHashes: string[], policy: PasswordPolicy): Promise<void> {
  if (await isRecentPassword(password, recentHashes)) throw reusedPasswordError(policy);
}
