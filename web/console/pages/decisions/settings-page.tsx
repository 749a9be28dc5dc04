import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { decisionsApi, type DecisionSettings } from './decisions-api.ts';

type Values = Pick<DecisionSettings, 'commentDays' | 'legalityReviewDays' | 'partyConsultationRequired'>;

/** The county's rules for its major decisions; the statutory floors (30 days, 7 working days) cannot be lowered. */
export function DecisionSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [settings, setSettings] = useState<DecisionSettings | null>(null);
  const load = async () => {
    const s = await decisionsApi.settings();
    setSettings(s);
    form.setFieldsValue(s);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const submit = async (values: Values) => {
    if (!settings) return;
    try {
      const saved = await decisionsApi.saveSettings({ ...values, version: settings.version });
      setSettings(saved);
      void message.success('设置已保存');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') await load();
      reportSaveError(form, error);
    }
  };
  return (
    <PageContainer title="重大行政决策程序设置">
      {!settings ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Card style={{ maxWidth: 720 }}>
          {!settings.saved && <Alert style={{ marginBottom: 16 }} type="info" showIcon title="尚未设置，按默认值执行" />}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item name="commentDays" label="公开征求意见期限（日）" extra="不得少于 30 日（条例 第十五条）；少于本设置的须说明理由并公开" rules={[{ required: true, type: 'number' }]}>
              <InputNumber min={30} max={180} data-testid="settings-comment-days" />
            </Form.Item>
            <Form.Item name="legalityReviewDays" label="合法性审查时间（工作日）" extra="不得少于 7 个工作日（条例 第二十六条）" rules={[{ required: true, type: 'number' }]}>
              <InputNumber min={7} max={60} data-testid="settings-legality-days" />
            </Form.Item>
            <Form.Item name="partyConsultationRequired" label="集体讨论决定前须登记向同级党委请示报告（条例 第三十一条）" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="settings-save">
              保存
            </Button>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
