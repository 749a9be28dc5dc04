import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { userApi } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { confirmRule, PasswordPolicyHint, passwordRules, usePasswordPolicy } from '../../components/password-policy.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';

export function ResetPasswordModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [saving, setSaving] = useState(false);
  const policy = usePasswordPolicy();
  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    setSaving(true);
    try {
      await userApi.resetPassword(user.id, newPassword);
      onSaved();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={`重置密码：${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      okText="重置"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={testId('reset-password-ok')}
      forceRender
    >
      <PasswordPolicyHint policy={policy} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="newPassword" label="新密码" rules={passwordRules(policy)} extra="用户下次登录时须修改此密码。">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, confirmRule('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
