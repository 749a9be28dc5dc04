import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { dayjs } from '../../../shared/time.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { NORMATIVE, normativeApi, type Campaign } from './normative-api.ts';

interface Values {
  title: string;
  topics: string[];
  description: string;
  startedOn: dayjs.Dayjs;
}

function CreateCampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await normativeApi.createCampaign({ title: v.title.trim(), topics: v.topics ?? [], description: v.description ?? '', startedOn: v.startedOn.format('YYYY-MM-DD') });
      void message.success('已新建专项清理');
      onClose();
      navigate(`/normative/campaigns/${created.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="新建专项清理" okText="保存" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('campaign-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ startedOn: dayjs(beijingToday()), topics: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={200} placeholder="如：2021年涉及长江保护、行政处罚法、计划生育的规范性文件专项清理" {...testId('campaign-title')} />
        </Form.Item>
        <Form.Item name="topics" label="清理主题">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="如：长江保护、行政处罚法、计划生育" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="startedOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 专项清理 campaigns of the county. */
export function CampaignsPage() {
  const [rows, setRows] = useState<Campaign[] | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => normativeApi.campaigns().then(setRows).catch(showError), []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <PageContainer
      title="规范性文件清理"
      extra={
        <GuardedButton permission={NORMATIVE.manage} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
          新建专项清理
        </GuardedButton>
      }
    >
      <Table<Campaign>
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: '名称', key: 'title', render: (_, c) => <Link to={`/normative/campaigns/${c.id}`}>{c.title}</Link> },
          { title: '主题', key: 'topics', render: (_, c) => c.topics.map((t) => <Tag key={t}>{t}</Tag>) },
          { title: '开始', dataIndex: 'startedOn', width: 112 },
          { title: '文件', key: 'count', width: 120, render: (_, c) => `${c.decidedCount} / ${c.itemCount} 件已提意见` },
          { title: '状态', key: 'state', width: 150, render: (_, c) => <Tag color={c.state === 'published' ? 'green' : c.state === 'completed' ? 'blue' : 'gold'}>{c.stateLabel}</Tag> },
        ]}
      />
      <CreateCampaignModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
