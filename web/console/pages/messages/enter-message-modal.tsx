import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { messageCategoryLabels, messageChannelLabels } from '../../../../contracts/messages.ts';
import { testId } from '../../components/guarded.tsx';
import { options } from '../../lib/labels.ts';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { messagesApi, type NewMessage } from './messages-api.ts';

/** 登记 a message from the 12345 hotline, the 书记县长信箱 or another channel; its reply period follows the channel. */
export function EnterMessageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewMessage>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
  }, [open, form]);

  const submit = async (values: NewMessage) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const created = await messagesApi.enter({ ...values, name: values.name?.trim() || undefined, publicConsent: values.publicConsent ?? false });
      void message.success(`已登记，查询码 ${created.trackingCode}`);
      onClose();
      navigate(`/messages/${created.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };

  const channels = options(messageChannelLabels).filter((o) => o.value !== 'portal');
  return (
    <Modal open={open} title="登记网民诉求" width={680} okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('message-enter-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ channel: 'hotline', category: 'consultation', receivedOn: beijingToday(), publicConsent: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="channel" label="渠道">
          <Radio.Group options={channels} optionType="button" />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" extra="答复期限自收到之日起按本县对该渠道的设置计算" rules={[{ required: true, message: '请填写收到日期' }]}>
          <Input type="date" {...testId('message-received-on')} />
        </Form.Item>
        <Form.Item name="category" label="类别">
          <Select options={options(messageCategoryLabels)} />
        </Form.Item>
        <Form.Item name="subject" label="标题" rules={[{ required: true, whitespace: true, min: 4, message: '请填写标题（至少4个字）' }]}>
          <Input maxLength={60} {...testId('message-subject')} />
        </Form.Item>
        <Form.Item name="content" label="诉求内容" rules={[{ required: true, whitespace: true, min: 10, message: '请填写诉求内容（至少10个字）' }]}>
          <Input.TextArea rows={4} maxLength={3000} showCount {...testId('message-content')} />
        </Form.Item>
        <Form.Item name="name" label="姓名（可不填）">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" extra="加密保存，列表中只显示部分号码；留言人凭查询码和电话后四位查询答复" rules={[{ required: true, pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写11位手机号码或带区号的固定电话' }]}>
          <Input maxLength={16} {...testId('message-phone')} />
        </Form.Item>
        <Form.Item name="publicConsent" valuePropName="checked">
          <Checkbox>留言人同意在门户网站公开诉求内容和答复（不公开姓名和电话）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
