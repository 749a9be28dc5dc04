import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { proposalsApi, type Settings } from './proposals-api.ts';

type Values = Omit<Settings, 'version' | 'saved' | 'defaults'>;

/** The county's local periods; each shows the default it replaces (a provincial or local rule, not a statute). */
const fields: { name: keyof Values; label: string; unit: string; max: number; note: string }[] = [
  { name: 'returnDays', label: '交办不当退回期限', unit: '日', max: 30, note: '省级规定多为 10 日（浙江 14 日），自交办之日起算，末日遇法定休假日顺延' },
  { name: 'coOpinionMonths', label: '会办意见期限', unit: '个月', max: 3, note: '会办单位向主办单位提出会办意见的期限' },
  { name: 'secondReplyMonths', label: '不满意再次答复期限', unit: '个月', max: 3, note: '浙江、山东等省规定：一个月内再次答复' },
  { name: 'cppccReplyMonths', label: '政协提案答复期限', unit: '个月', max: 6, note: '地方政协提案办理办法：一般为三个月' },
  { name: 'cppccMaxMonths', label: '政协提案最长答复期限（延期后）', unit: '个月', max: 12, note: '地方政协提案办理办法：一般不超过六个月' },
];

export function ProposalSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [settings, setSettings] = useState<Settings>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    proposalsApi.settings().then((s) => {
      setSettings(s);
      form.setFieldsValue(s);
    }, showError);
  }, [form]);
  const save = async (v: Values) => {
    if (!settings) return;
    setSaving(true);
    try {
      const saved = await proposalsApi.saveSettings({ ...v, version: settings.version });
      setSettings(saved);
      form.setFieldsValue(saved);
      void message.success('已保存');
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <PageContainer title="建议提案办理期限设置">
      <Card loading={!settings}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="人大代表建议的答复期限由《代表法》第五十一条规定：自交办之日起三个月内答复，涉及面广、处理难度大的，六个月内答复，不能在此修改。以下为省级和本县的规定，括号内为系统默认值，本县可按实际调整。"
        />
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }} data-testid="proposal-settings-form">
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={`${f.label}（默认 ${settings?.defaults[f.name] ?? ''} ${f.unit}）`}
              extra={<Typography.Text type="secondary">{f.note}</Typography.Text>}
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={1} max={f.max} addonAfter={f.unit} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
