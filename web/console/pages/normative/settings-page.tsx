import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { normativeApi, type Settings } from './normative-api.ts';

type Values = Pick<Settings, 'commentDays' | 'reviewWorkingDays' | 'validityYears' | 'filingDays' | 'expiryReminderMonths'> & { numberPrefixes: { orgId: string; prefix: string }[] };

/**
 * The county's rules for 规范性文件. None of 国办发〔2018〕37号 / 115号 was checked against its text and
 * the 备案 period is set by each province, so each is a setting with the common value as default.
 */
export function NormativeSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saving, setSaving] = useState(false);
  const load = useCallback(async () => {
    const s = await normativeApi.settings();
    setSettings(s);
    form.setFieldsValue({ ...s, numberPrefixes: s.numberPrefixes.map(({ orgId, prefix }) => ({ orgId, prefix })) });
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (values: Values) => {
    if (!settings) return;
    setSaving(true);
    try {
      setSettings(await normativeApi.saveSettings({ ...values, numberPrefixes: values.numberPrefixes ?? [], version: settings.version }));
      void message.success('设置已保存，此后的文件按新设置办理');
    } catch (error) {
      if (reportSaveError(form, error).conflict) await load();
    } finally {
      setSaving(false);
    }
  };

  const number = (name: keyof Values, label: string, min: number, max: number, unit: string, extra: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} addonAfter={unit} style={{ width: 180 }} {...testId(`normative-setting-${name}`)} />
    </Form.Item>
  );

  return (
    <PageContainer title="规范性文件设置">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="以下规则的国家文件（国办发〔2018〕37号、115号）原文未经核对，备案期限由各省规定：均按常见做法设默认值，请按本省、本县规定调整。"
      />
      <Card>
        {!settings ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 640 }}>
            {number('commentDays', '公开征求意见期限', 7, 90, '日', '默认 30 日；少于此期限的须说明理由')}
            {number('reviewWorkingDays', '合法性审查期限', 5, 15, '个工作日', '国办发〔2018〕115号：一般不少于 5 个工作日，最长不超过 15 个工作日')}
            {number('validityYears', '有效期', 1, 10, '年', '自施行之日起算，默认 5 年')}
            {number('filingDays', '备案期限', 5, 60, '日', '自公布之日起按自然日计算（末日为法定休假日的顺延），默认 15 日')}
            {number('expiryReminderMonths', '到期提醒', 1, 12, '个月', '有效期届满前提醒评估，默认 6 个月')}
            <Form.Item label="文号前缀（按制定机关）" extra="统一编号为「前缀〔年份〕序号号」，如 岳县政规〔2021〕3号">
              <Form.List name="numberPrefixes">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'orgId']} rules={[{ required: true, message: '请选择制定机关' }]} style={{ marginBottom: 0 }}>
                          <OrgSelect placeholder="制定机关" style={{ width: 260 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'prefix']} rules={[{ required: true, whitespace: true, message: '请填写前缀' }]} style={{ marginBottom: 0 }}>
                          <Input placeholder="如 岳县政规" maxLength={20} style={{ width: 160 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ prefix: '' })}>
                      添加制定机关
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} {...testId('normative-settings-save')}>
              保存
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
