import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { authApi } from '../../api/endpoints.ts';
import { APP_TITLE } from '../../components/page-container.tsx';
import { useSession } from '../../session/session.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** The server says why in words a user can act on (wrong password, locked until when, disabled). */
const describe = (error: unknown) => (error instanceof ApiError ? error.message : '登录失败，请稍后重试');

/** Only paths inside the console: a crafted ?next= must not send the user elsewhere. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/');

export function LoginPage() {
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const { setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  useEffect(() => {
    document.title = `登录 - ${APP_TITLE}`;
  }, []);

  const submit = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const { user } = await authApi.login(username.trim(), password);
      setMe(user);
      navigate(user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (failure) {
      setError(describe(failure));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <div className="login-brand">
          <span className="brand-mark">法</span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {APP_TITLE}
          </Typography.Title>
        </div>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          工作人员登录
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} onFinish={submit} size="large" autoComplete="on" data-testid="login-form">
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
          连续输错密码将临时锁定账号；忘记密码请联系安全管理员重置。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
