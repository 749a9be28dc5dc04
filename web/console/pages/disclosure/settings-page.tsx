import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { disclosureSettingsApi, type DisclosureSettings } from './disclosure-api.ts';

/**
 * The county's rules for 依申请公开: the 补正 period a notice sets by default (第三十条: 合理的补正期限),
 * the fee tiers of 国办函〔2020〕109号 (a province may set its own) and the reply letters' 文号 prefixes.
 */
export function DisclosureSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<DisclosureSettings>();
  const [version, setVersion] = useState<number>();
  const [saving, setSaving] = useState(false);
  const load = useCallback(async () => {
    const s = await disclosureSettingsApi.get();
    setVersion(s.version);
    form.setFieldsValue(s.value);
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (values: DisclosureSettings) => {
    if (version === undefined) return;
    setSaving(true);
    try {
      const saved = await disclosureSettingsApi.save({ ...values, agencyNumberPrefixes: values.agencyNumberPrefixes ?? [] }, version);
      setVersion(saved.version);
      void message.success('设置已保存，此后的申请按新设置办理');
    } catch (error) {
      if (reportSaveError(form, error).conflict) await load();
    } finally {
      setSaving(false);
    }
  };

  const number = (name: keyof DisclosureSettings, label: string, min: number, max: number, unit: string, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={min} max={max} addonAfter={unit} style={{ width: 200 }} {...testId(`disclosure-setting-${name}`)} />
    </Form.Item>
  );

  return (
    <PageContainer title="依申请公开设置">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="收费标准按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）设默认值，补正期限由各地确定，请按本省、本县规定调整。" />
      <Card>
        {version === undefined ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }}>
            {number('correctionWorkingDays', '补正期限（默认）', 1, 60, '个工作日', '补正通知未另行载明期限的，按此期限；逾期不补正的视为放弃申请')}
            {number('feeWorkingDays', '缴费期限', 1, 60, '个工作日', '自收到收费通知之日起，逾期未缴纳的不再处理')}
            <Divider titlePlacement="start" plain>
              按件计收（同一申请人一个自然月内）
            </Divider>
            <Space wrap size={16}>
              {number('pieceFree', '免费件数', 0, 1000, '件')}
              {number('pieceFirstBandEnd', '第一档截止', 1, 1000, '件')}
              {number('pieceYuan', '第一档每件', 0, 100000, '元')}
              {number('pieceBandSize', '此后每档', 1, 1000, '件', '每增加一档，每件加收第一档的金额')}
            </Space>
            <Divider titlePlacement="start" plain>
              按量计收（同一申请）
            </Divider>
            {number('volumeFreePages', '免费页数', 0, 100000, '页')}
            <Form.Item label="分档收费（各档页数按该档标准计收）">
              <Form.List name="volumeBands">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical">
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'upTo']} style={{ marginBottom: 0 }}>
                          <InputNumber min={1} addonBefore="至" addonAfter="页" placeholder="以上" style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'yuanPerPage']} rules={[{ required: true, message: '请填写' }]} style={{ marginBottom: 0 }}>
                          <InputNumber min={0} addonAfter="元/页" style={{ width: 160 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ upTo: null, yuanPerPage: 0 })}>
                      添加一档（最后一档不填页数）
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Divider titlePlacement="start" plain>
              答复书文号
            </Divider>
            <Form.Item name="replyNumberPrefix" label="默认文号前缀" rules={[{ required: true, whitespace: true, message: '请填写文号前缀' }, { max: 20 }]} extra="答复书文号为「前缀〔年份〕序号号」，如 岳县政公〔2021〕3号">
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label="各机关的文号前缀">
              <Form.List name="agencyNumberPrefixes">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline">
                        <Form.Item name={[field.name, 'orgId']} rules={[{ required: true, message: '请选择机关' }]} style={{ marginBottom: 0 }}>
                          <OrgSelect placeholder="机关" style={{ width: 280 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'prefix']} rules={[{ required: true, whitespace: true, message: '请填写前缀' }]} style={{ marginBottom: 0 }}>
                          <Input placeholder="如 岳县市监公" maxLength={20} style={{ width: 160 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ prefix: '' })}>
                      添加机关
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} {...testId('disclosure-settings-save')}>
              保存
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
