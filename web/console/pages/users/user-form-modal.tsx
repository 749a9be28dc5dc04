import { Col, Form, Input, Modal, Row, Switch, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { userApi, type UserCreateInput } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { PasswordPolicyHint, passwordRules, usePasswordPolicy } from '../../components/password-policy.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import type { OrgSelectNode } from '../../lib/org-tree.ts';

export type UserFormTarget = { mode: 'create'; orgId?: string } | { mode: 'edit'; user: User };

type UserFormValues = UserCreateInput;

/** A mobile number or a landline with its area code (the server's rule). */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const optional = (value?: string) => (value && value.trim() ? value.trim() : undefined);

export function UserFormModal({
  target,
  orgOptions,
  onClose,
  onSaved,
}: {
  target: UserFormTarget | null;
  orgOptions: OrgSelectNode[];
  onClose: () => void;
  onSaved: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const [saving, setSaving] = useState(false);
  const policy = usePasswordPolicy();
  const editing = target?.mode === 'edit' ? target.user : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { user } = target;
      form.setFieldsValue({ orgId: user.orgId, displayName: user.displayName, email: user.email ?? undefined, title: user.title ?? undefined });
    } else {
      form.setFieldsValue({ orgId: target.orgId, isService: false });
    }
  }, [target, form]);

  const submit = async (values: UserFormValues) => {
    setSaving(true);
    const common = { orgId: values.orgId, displayName: values.displayName.trim(), phone: optional(values.phone) };
    try {
      if (editing) {
        // The form never holds the clear phone number: blank keeps it; cleared email or title is removed.
        await userApi.update(editing.id, { ...common, email: optional(values.email) ?? null, title: optional(values.title) ?? null, version: editing.version });
      } else {
        await userApi.create({
          ...common,
          email: optional(values.email),
          title: optional(values.title),
          username: values.username.trim(),
          initialPassword: values.initialPassword,
          isService: values.isService,
        });
      }
      onSaved(true);
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? `编辑用户：${editing.displayName}` : '新建用户'}
      width={720}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={testId('user-form-ok')}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="user-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
              <TreeSelect treeData={orgOptions} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll placeholder="选择机构" data-testid="user-org" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label="用户名"
              rules={editing ? [] : [{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,63}$/, message: '以字母开头，3～64 位字母、数字、下划线、点或连字符' }]}
              extra={editing ? '用户名创建后不能修改' : '登录用，创建后不能修改'}
            >
              <Input disabled={!!editing} placeholder={editing?.username} autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}>
              <Input data-testid="user-display-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label="职务" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label="手机号"
              rules={[{ pattern: PHONE, message: '应为 11 位手机号或带区号的固定电话' }]}
              extra={editing ? `当前：${editing.phoneMask ?? '未填写'}；留空表示不修改。加密存储。` : '加密存储，列表中只显示部分号码'}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '请输入正确的电子邮箱' }, { max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          {!editing && (
            <>
              <Col span={24}>
                <PasswordPolicyHint policy={policy} />
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="initialPassword" label="初始密码" rules={passwordRules(policy)} extra="用户首次登录时须修改">
                  <Input.Password autoComplete="new-password" data-testid="user-password" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="isService" label="接口服务账号" valuePropName="checked" extra="仅用于系统对接，凭接口令牌访问，不能登录控制台">
                  <Switch />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
