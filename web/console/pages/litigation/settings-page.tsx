import { Alert, App, Button, Card, Checkbox, Form, Radio, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { appearanceDenominatorLabels, appearanceLabels, principalRoles, type AppearanceDenominator, type PrincipalRole } from '../../../../contracts/litigation.ts';
import { ApiError } from '../../api/client.ts';
import { litigationApi, type AppearanceSettings } from '../../api/litigation.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';

interface Values {
  numeratorRoles: PrincipalRole[];
  denominator: AppearanceDenominator;
  countCasesWithoutHearing: boolean;
}

/**
 * 负责人出庭应诉率's 统计口径 for the county. The law gives no formula (规定 第七条 only says that one
 * appearance per instance meets the duty), so the county decides who counts as having appeared and
 * what is counted; the indicator follows whatever is saved here when it is computed.
 */
export function LitigationSettingsPage() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [settings, setSettings] = useState<AppearanceSettings | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setSettings(await litigationApi.settings());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async (values: Values) => {
    if (!settings) return;
    setSaving(true);
    try {
      // In the order the regulation lists them, whatever order they were ticked in.
      const numeratorRoles = principalRoles.filter((r) => values.numeratorRoles.includes(r));
      setSettings(await litigationApi.saveSettings({ ...values, numeratorRoles, version: settings.version }));
      void message.success('统计口径已保存，此后计算的负责人出庭应诉率按新口径统计');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        modal.warning({ title: '统计口径已被他人修改', content: '在您修改期间，其他人已保存了统计口径。页面已显示最新口径，请核对后再修改。' });
        await load();
      } else {
        reportSaveError(form, error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer title="负责人出庭应诉率统计口径">
      {failed && !settings ? (
        <Alert type="error" showIcon title="统计口径加载失败" action={<Button onClick={() => void load()}>重试</Button>} />
      ) : !settings ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }}>
          <Alert
            type="info"
            showIcon
            title={
              <Space size={8} wrap>
                <span>当前口径</span>
                {!settings.saved && <Tag>尚未设置，按默认口径统计</Tag>}
              </Space>
            }
            description={<span data-testid="litigation-settings-description">{settings.description}</span>}
          />
          <Card>
            {/* Remounted per version, so that a reload after a save or a conflict shows the stored values. */}
            <Form<Values>
              key={settings.version}
              form={form}
              layout="vertical"
              initialValues={{ numeratorRoles: settings.numeratorRoles, denominator: settings.denominator, countCasesWithoutHearing: settings.countCasesWithoutHearing }}
              onFinish={submit}
              data-testid="litigation-settings-form"
            >
              <Form.Item
                name="numeratorRoles"
                label="分子：哪些人员出庭计为负责人出庭应诉"
                rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一类负责人' }]}
                extra="《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第二条：负责人包括正职、副职负责人和其他参与分管的负责人。工作人员出庭不计入分子。"
              >
                <Checkbox.Group options={principalRoles.map((value) => ({ value, label: appearanceLabels[value] }))} data-testid="litigation-settings-roles" />
              </Form.Item>
              <Form.Item name="denominator" label="分母" rules={[{ required: true, message: '请选择分母口径' }]}>
                <Radio.Group
                  options={options(appearanceDenominatorLabels)}
                  style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                  data-testid="litigation-settings-denominator"
                />
              </Form.Item>
              <Form.Item
                name="countCasesWithoutHearing"
                label="法院未开庭即审结的案件"
                valuePropName="checked"
                extra="计入的，期间内未开庭即审结的案件各计一件、视为负责人未出庭（按庭次统计时也计入）；不计入的，只统计开过庭的案件或庭次。"
              >
                <Switch checkedChildren="计入分母" unCheckedChildren="不计入" data-testid="litigation-settings-without-hearing" />
              </Form.Item>
              <Form.Item style={{ marginBottom: 0 }}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving} {...testId('litigation-settings-save')}>
                    保存
                  </Button>
                  <Button onClick={() => form.resetFields()}>还原</Button>
                  <Typography.Text type="secondary">口径对全县适用，修改记入审计日志。</Typography.Text>
                </Space>
              </Form.Item>
            </Form>
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
