import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Space, Switch } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';
import { MESSAGES, messagesApi, type MessageSettings } from './messages-api.ts';

const days = (name: keyof MessageSettings, label: string, extra?: string) => (
  <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: '请填写' }]}>
    <InputNumber min={1} max={60} addonAfter="个工作日" style={{ width: 200 }} {...testId(`message-settings-${name}`)} />
  </Form.Item>
);

/**
 * The county's rules for 网民诉求: no national statute sets them (⚠), so each county keeps its own — reply
 * periods per channel, whether replies are reviewed before the citizen sees them, and the months after
 * which an unanswered message costs points or is a veto (国办秘函〔2019〕19号 uses 2 and 3).
 */
export function MessageSettingsPage() {
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const [form] = Form.useForm<MessageSettings>();
  const [settings, setSettings] = useState<{ value: MessageSettings; version: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const loaded = await messagesApi.settings();
      setSettings(loaded);
      form.setFieldsValue(loaded.value);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (value: MessageSettings) => {
    if (!settings) return;
    setSaving(true);
    try {
      setSettings(await messagesApi.saveSettings(value, settings.version));
      void message.success('已保存；此后收到的诉求按新期限计算');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        modal.warning({ title: '设置已被他人修改', content: '页面已显示最新设置，请核对后再修改。' });
        await load();
      } else reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="网民诉求设置">
      {failed && !settings ? (
        <Alert type="error" showIcon title="设置加载失败" action={<Button onClick={() => void load()}>重试</Button>} />
      ) : !settings ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 760 }}>
          <Alert type="warning" showIcon title="以下期限没有全国统一的法定标准，由本县自行设置（默认值参照常见做法和国办秘函〔2019〕19号）。" />
          <Card>
            <Form form={form} layout="vertical" disabled={!can(MESSAGES.coordinate)} onFinish={(v) => void submit(v)}>
              {days('portalDays', '门户网站留言答复期限')}
              {days('hotlineDays', '12345热线答复期限')}
              {days('mailboxDays', '书记县长信箱答复期限')}
              {days('otherDays', '其他渠道答复期限')}
              <Form.Item name="reviewReplies" label="答复须经统筹部门审核后发出" valuePropName="checked">
                <Switch />
              </Form.Item>
              {days('revisionDays', '退回修改答复的期限')}
              <Form.Item name="deductMonths" label="超过几个月未答复扣分" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={12} addonAfter="个月" style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="vetoMonths" label="超过几个月未答复单项否决" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={12} addonAfter="个月" style={{ width: 200 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} {...testId('message-settings-save')}>
                保存
              </Button>
            </Form>
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
