import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { dayjs } from '../../../shared/time.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { EVALUATION, evaluationsApi, type Campaign, type Sheet } from './evaluations-api.ts';
import { FilesTable } from './files-table.tsx';

interface Values {
  title: string;
  year: number;
  sheetId: string;
  samplePerOrg: number;
  window: [dayjs.Dayjs, dayjs.Dayjs];
}

function CreateCampaignModal({ open, sheets, onClose }: { open: boolean; sheets: Sheet[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const year = dayjs().year() - 1;
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await evaluationsApi.createCampaign({
        title: v.title.trim(),
        year: v.year,
        sheetId: v.sheetId,
        samplePerOrg: v.samplePerOrg,
        startsOn: v.window[0].format('YYYY-MM-DD'),
        endsOn: v.window[1].format('YYYY-MM-DD'),
      });
      void message.success('已新建评查活动');
      onClose();
      navigate(`/evaluations/campaigns/${created.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="新建案卷评查活动" okText="保存" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('evaluation-campaign-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {!sheets.length && <Alert type="warning" showIcon title="尚无评查表，请先在「评查表」中新建" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, samplePerOrg: 3, sheetId: sheets[0]?.id, window: [dayjs(), dayjs().add(1, 'month')] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={200} placeholder={`如：${year}年度行政处罚案卷评查`} {...testId('evaluation-campaign-title')} />
        </Form.Item>
        <Form.Item name="year" label="评查年度（抽取该年度结案的行政处罚案卷）" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} {...testId('evaluation-campaign-year')} />
        </Form.Item>
        <Form.Item name="sheetId" label="评查表" rules={[{ required: true, message: '请选择评查表' }]}>
          <Select options={sheets.map((s) => ({ value: s.id, label: `${s.name}（满分 ${s.totalScore}）` }))} />
        </Form.Item>
        <Form.Item name="samplePerOrg" label="每个执法部门最多抽取（件）" rules={[{ required: true, message: '请填写抽取件数' }]}>
          <InputNumber min={1} max={200} {...testId('evaluation-campaign-sample')} />
        </Form.Item>
        <Form.Item name="window" label="评查时间" rules={[{ required: true, message: '请选择评查时间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 案卷评查: the county's campaigns; a department sees the files it has to rectify. */
export function EvaluationsPage() {
  const [rows, setRows] = useState<Campaign[] | null>(null);
  const [sheets, setSheets] = useState<Sheet[]>([]);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    evaluationsApi.campaigns().then(setRows).catch(showError);
    evaluationsApi.sheets().then(setSheets).catch(showError);
  }, []);
  useEffect(load, [load]);
  return (
    <PageContainer
      title="案卷评查"
      extra={
        <Space>
          <Link to="/evaluations/sheets">评查表</Link>
          <GuardedButton permission={EVALUATION.manage} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="evaluation-campaign-create">
            新建评查活动
          </GuardedButton>
        </Space>
      }
    >
      <Card title="评查活动" size="small">
        <Table<Campaign>
          rowKey="id"
          loading={!rows}
          dataSource={rows ?? []}
          pagination={false}
          columns={[
            { title: '名称', key: 'title', render: (_, c) => <Link to={`/evaluations/campaigns/${c.id}`}>{c.title}</Link> },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '评查表', dataIndex: 'sheetName' },
            { title: '评查时间', key: 'window', width: 210, render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
            { title: '每部门抽取', dataIndex: 'samplePerOrg', width: 100 },
            { title: '进度', key: 'progress', width: 200, render: (_, c) => (c.fileCount ? `${c.scoredCount} / ${c.fileCount} 件已评查` : <Tag>尚未抽取</Tag>) },
            { title: '整改中', dataIndex: 'rectifyingCount', width: 80 },
          ]}
        />
      </Card>
      <CreateCampaignModal open={creating} sheets={sheets} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}

/**
 * 评查整改: a department's own sampled files (the server limits them to its organisation), those sent
 * back first; each opens to record what was corrected.
 */
export function RectificationPage() {
  return (
    <PageContainer title="评查整改">
      <Card title="待整改案卷" size="small" style={{ marginBottom: 16 }} data-testid="evaluation-rectify-list">
        <FilesTable fixed={{ state: 'rectifying' }} compact />
      </Card>
      <Card title="本单位全部评查案卷" size="small">
        <FilesTable fixed={{}} />
      </Card>
    </PageContainer>
  );
}
