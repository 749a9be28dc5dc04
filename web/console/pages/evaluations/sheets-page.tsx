import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { EVALUATION, evaluationsApi, type Sheet, type SheetInput } from './evaluations-api.ts';

function SheetModal({ sheet, onClose, onSaved }: { sheet: Sheet | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<SheetInput>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (sheet) form.setFieldsValue(sheet);
    setProblem(undefined);
  }, [sheet, form]);
  const items = Form.useWatch('items', form) ?? [];
  const sum = Math.round(items.reduce((s, i) => s + (Number(i?.maxScore) || 0), 0) * 10) / 10;
  const submit = async (v: SheetInput) => {
    try {
      await evaluationsApi.updateSheet(sheet!.id, { ...v, version: sheet!.version });
      onSaved();
      onClose();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    }
  };
  return (
    <Modal open={sheet !== null} width={900} title="修改评查表" okText="保存" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Form.Item name="totalScore" label="满分">
            <InputNumber min={1} step={0.5} />
          </Form.Item>
          <Form.Item name="excellentFrom" label="优秀（总分不低于）">
            <InputNumber min={0} step={0.5} />
          </Form.Item>
          <Form.Item name="qualifiedFrom" label="合格（总分不低于）">
            <InputNumber min={0} step={0.5} />
          </Form.Item>
          <span>各项分值合计：{sum}</span>
        </Space>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编码' }]}>
                    <Input placeholder="编码" style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'group']} rules={[{ required: true, message: '分组' }]}>
                    <Input placeholder="分组" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '评查内容' }]} style={{ flex: 1 }}>
                    <Input placeholder="评查内容" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxScore']} rules={[{ required: true, message: '分值' }]}>
                    <InputNumber placeholder="分值" min={0.5} step={0.5} style={{ width: 80 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', group: '', title: '', maxScore: 1 })}>
                添加评查项目
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** The county's scoring sheets (评查表) and the rectification period. */
export function EvaluationSheetsPage() {
  const { message } = App.useApp();
  const [sheets, setSheets] = useState<Sheet[] | null>(null);
  const [editing, setEditing] = useState<Sheet | null>(null);
  const [settings, setSettings] = useState<{ rectificationWorkingDays: number; version: number } | null>(null);
  const load = useCallback(() => {
    evaluationsApi.sheets().then(setSheets).catch(showError);
    evaluationsApi.settings().then(setSettings).catch(showError);
  }, []);
  useEffect(load, [load]);
  const createDefault = async () => {
    try {
      await evaluationsApi.createDefaultSheet();
      void message.success('已按默认评查表新建，可再修改');
      load();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <PageContainer
      title="评查表"
      extra={
        <GuardedButton permission={EVALUATION.manage} icon={<PlusOutlined />} onClick={() => void createDefault()} data-testid="evaluation-sheet-default">
          按默认评查表新建
        </GuardedButton>
      }
    >
      {settings && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space>
            退回整改期限
            <InputNumber
              min={1}
              max={60}
              value={settings.rectificationWorkingDays}
              onChange={(v) => v && setSettings({ ...settings, rectificationWorkingDays: v })}
              {...testId('evaluation-settings-days')}
            />
            个工作日
            <GuardedButton
              permission={EVALUATION.manage}
              onClick={() =>
                void evaluationsApi
                  .saveSettings(settings)
                  .then((s) => {
                    setSettings(s);
                    void message.success('已保存');
                  })
                  .catch(showError)
              }
            >
              保存
            </GuardedButton>
          </Space>
        </Card>
      )}
      {(sheets ?? []).map((s) => (
        <Card
          key={s.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              {s.name}
              <Tag>满分 {s.totalScore}</Tag>
              <Tag color="green">优秀 ≥ {s.excellentFrom}</Tag>
              <Tag color="blue">合格 ≥ {s.qualifiedFrom}</Tag>
              {s.usedBy > 0 && <Tag>用于 {s.usedBy} 个评查活动</Tag>}
            </Space>
          }
          extra={
            <GuardedButton permission={EVALUATION.manage} size="small" onClick={() => setEditing(s)}>
              修改
            </GuardedButton>
          }
        >
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={s.items}
            columns={[
              { title: '编码', dataIndex: 'code', width: 70 },
              { title: '分组', dataIndex: 'group', width: 130 },
              { title: '评查内容', dataIndex: 'title' },
              { title: '分值', dataIndex: 'maxScore', width: 70 },
            ]}
          />
        </Card>
      ))}
      {sheets && !sheets.length && <Alert type="info" showIcon title="尚无评查表。可按默认评查表新建后再按本县要求修改。" />}
      <SheetModal sheet={editing} onClose={() => setEditing(null)} onSaved={load} />
    </PageContainer>
  );
}
