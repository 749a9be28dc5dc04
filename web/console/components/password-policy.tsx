import { Alert } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { authApi } from '../api/endpoints.ts';
import type { PasswordPolicy } from '../api/types.ts';

const classTests = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The policy from GET /api/auth/password-policy; null while loading or when the server does not say. */
export function usePasswordPolicy(): PasswordPolicy | null {
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null);
  useEffect(() => {
    authApi.passwordPolicy().then(setPolicy, () => setPolicy(null));
  }, []);
  return policy;
}

export function policyText(policy: PasswordPolicy | null): string {
  if (!policy) return '密码须符合本系统的安全策略（长度、字符种类、不得与近期使用过的密码相同）；不符合时会提示具体原因。';
  if (policy.description) return `${policy.description}。`;
  return `至少 ${policy.passwordMinLength} 位，包含小写字母、大写字母、数字、符号中的至少 ${policy.passwordMinClasses} 类，且不得与最近 ${policy.passwordHistory} 次使用过的密码相同。`;
}

export function PasswordPolicyHint({ policy }: { policy: PasswordPolicy | null }) {
  return <Alert type="info" showIcon title="密码要求" description={policyText(policy)} style={{ marginBottom: 16 }} />;
}

/** Checks what the browser can check (length, classes); the server checks history and decides. */
export function passwordRules(policy: PasswordPolicy | null): Rule[] {
  return [
    { required: true, message: '请输入新密码' },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value || !policy) return;
        if (value.length < policy.passwordMinLength) throw new Error(`密码至少 ${policy.passwordMinLength} 位`);
        const classes = classTests.filter((test) => test.test(value)).length;
        if (classes < policy.passwordMinClasses) throw new Error(`密码须包含至少 ${policy.passwordMinClasses} 类字符（小写、大写、数字、符号）`);
      },
    },
  ];
}

export function confirmRule(field: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (value && value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });
}
