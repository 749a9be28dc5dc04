import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints.ts';
import { APP_TITLE, PageContainer } from '../../components/page-container.tsx';
import { confirmRule, PasswordPolicyHint, passwordRules, usePasswordPolicy } from '../../components/password-policy.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function PasswordFormCard({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<PasswordForm>();
  const policy = usePasswordPolicy();
  const [saving, setSaving] = useState(false);
  const submit = async (values: PasswordForm) => {
    setSaving(true);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      onDone();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ maxWidth: 480 }}>
      <PasswordPolicyHint policy={policy} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="password-form">
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={passwordRules(policy)} hasFeedback>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
          修改密码
        </Button>
      </Form>
    </div>
  );
}

/**
 * 修改密码. Standalone when the password must be changed (first sign-in or after a reset), when the
 * user may do nothing else; otherwise a page inside the console reached from the user menu.
 */
export function ChangePasswordPage({ standalone = false }: { standalone?: boolean }) {
  const { refresh, setMe } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  useEffect(() => {
    if (standalone) document.title = `首次登录修改密码 - ${APP_TITLE}`;
  }, [standalone]);
  const done = async () => {
    void message.success('密码已修改');
    const me = await refresh();
    navigate(me ? '/' : '/login', { replace: true });
  };
  const signOut = async () => {
    await authApi.logout().catch(() => undefined);
    navigate('/login', { replace: true });
    setMe(null);
  };

  if (!standalone) {
    return (
      <PageContainer title="修改密码">
        <Card>
          <PasswordFormCard onDone={done} />
        </Card>
      </PageContainer>
    );
  }
  return (
    <div className="login-page">
      <Card className="login-card" style={{ width: 480 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          首次登录修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          为保障账号安全，初始密码或被重置的密码须修改后才能使用系统。
        </Typography.Paragraph>
        <PasswordFormCard onDone={done} />
        <Button type="link" onClick={signOut} style={{ paddingInline: 0, marginTop: 16 }}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}
