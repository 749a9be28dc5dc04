import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { tokenApi, userApi } from '../../api/endpoints.ts';
import type { User } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';

interface TokenFormValues {
  name: string;
  userId: string;
  expiresOn?: Dayjs;
}

/** A token expires at the end of the chosen day, Beijing time. */
const endOfBeijingDay = (day: Dayjs) => new Date(`${day.format('YYYY-MM-DD')}T23:59:59+08:00`).toISOString();

export function TokenCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (token: string, name: string) => void }) {
  const [form] = Form.useForm<TokenFormValues>();
  const [saving, setSaving] = useState(false);
  const [users, setUsers] = useState<User[]>([]);
  const [searching, setSearching] = useState(false);

  const search = async (q?: string) => {
    setSearching(true);
    try {
      const page = await userApi.list({ q: q?.trim() || undefined, status: 'active', pageSize: 100 });
      // Tokens are issued to active service accounts only: a token belongs to an integration, not a person.
      setUsers(page.items.filter((u) => u.isService));
    } catch {
      setUsers([]);
    } finally {
      setSearching(false);
    }
  };

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldValue('expiresOn', dayjs().add(1, 'year'));
    void search();
  }, [open, form]);

  const submit = async (values: TokenFormValues) => {
    setSaving(true);
    try {
      const created = await tokenApi.create({
        name: values.name.trim(),
        userId: values.userId,
        expiresAt: values.expiresOn ? endOfBeijingDay(values.expiresOn) : undefined,
      });
      onCreated(created.token, values.name.trim());
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="新建接口令牌" okText="创建" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={testId('token-form-ok')} forceRender>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="token-form">
        <Form.Item name="name" label="令牌名称" rules={[{ required: true, whitespace: true, message: '请输入令牌名称' }, { max: 100 }]} extra="写明对接的系统，例如“省行政执法平台数据同步”">
          <Input data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="userId"
          label="服务账号"
          rules={[{ required: true, message: '请选择服务账号' }]}
          extra="令牌以该账号的身份和权限访问接口。服务账号在“用户管理”中新建（打开“接口服务账号”开关）。"
        >
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            loading={searching}
            placeholder="搜索用户名或姓名"
            notFoundContent={searching ? undefined : '没有启用中的服务账号'}
            options={users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            data-testid="token-user"
          />
        </Form.Item>
        <Form.Item name="expiresOn" label="到期日期" extra="到期当日 24 时（北京时间）失效；留空表示长期有效，不建议">
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
