import { App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { settingsApi } from '../../api/endpoints.ts';
import type { SecuritySettings } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';

type Field = { name: keyof Omit<SecuritySettings, 'version'>; label: string; min: number; max: number; unit: string; extra: string };

/** The bounds are the server's (SecuritySettings in kernel/config/settings.ts); it checks them again. */
const sections: { title: string; fields: Field[] }[] = [
  {
    title: '密码策略',
    fields: [
      { name: 'passwordMinLength', label: '最小长度', min: 8, max: 64, unit: '位', extra: '8–64 位' },
      { name: 'passwordMinClasses', label: '字符种类', min: 2, max: 4, unit: '类', extra: '小写字母、大写字母、数字、符号中至少几类（2–4）' },
      { name: 'passwordHistory', label: '不得重复最近', min: 1, max: 24, unit: '次', extra: '新密码不得与最近几次的密码相同（1–24）' },
    ],
  },
  {
    title: '登录失败锁定',
    fields: [
      { name: 'maxFailedLogins', label: '连续失败次数', min: 3, max: 10, unit: '次', extra: '连续输错密码达到此次数即锁定账号（3–10）' },
      { name: 'lockoutMinutes', label: '锁定时长', min: 5, max: 1440, unit: '分钟', extra: '5–1440 分钟；安全管理员可提前解锁' },
    ],
  },
  {
    title: '会话超时',
    fields: [
      { name: 'idleTimeoutMinutes', label: '空闲超时', min: 5, max: 240, unit: '分钟', extra: '无操作超过此时长须重新登录（5–240）' },
      { name: 'absoluteTimeoutHours', label: '最长登录时长', min: 1, max: 24, unit: '小时', extra: '登录后无论是否操作，超过此时长须重新登录（1–24）' },
    ],
  },
];

export function SecurityPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const [settings, setSettings] = useState<SecuritySettings | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setSettings(await settingsApi.security());
    } catch {
      setSettings(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (values: SecuritySettings) => {
    if (!settings) return;
    setSaving(true);
    try {
      const saved = await settingsApi.saveSecurity({ ...values, version: settings.version });
      void message.success('安全策略已保存，新策略对此后的登录和改密生效');
      if (saved && typeof saved === 'object' && 'version' in saved) setSettings(saved);
      else await load();
    } catch (error) {
      if (reportSaveError(form, error).conflict) await load();
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="安全策略">
      {!settings ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        // Remounted per version, so that a reload after a save or a conflict shows the stored values.
        <Form key={settings.version} form={form} layout="vertical" initialValues={settings} onFinish={submit} data-testid="security-form">
          <Row gutter={[16, 16]}>
            {sections.map((section) => (
              <Col key={section.title} xs={24} xl={8}>
                <Card title={section.title} style={{ height: '100%' }}>
                  {section.fields.map((field) => (
                    <Form.Item key={field.name} name={field.name} label={field.label} extra={field.extra} rules={[{ required: true, message: `请输入${field.label}` }]}>
                      <InputNumber min={field.min} max={field.max} precision={0} suffix={field.unit} style={{ width: '100%' }} />
                    </Form.Item>
                  ))}
                </Card>
              </Col>
            ))}
          </Row>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={saving} {...testId('security-save')}>
              保存
            </Button>
            <Button onClick={() => form.setFieldsValue(settings)}>还原</Button>
            <Typography.Text type="secondary">修改安全策略会记入审计日志。</Typography.Text>
          </Space>
        </Form>
      )}
    </PageContainer>
  );
}
