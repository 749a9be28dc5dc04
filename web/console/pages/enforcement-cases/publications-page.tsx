import { FormOutlined } from '@ant-design/icons';
import { Alert, App, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { partyTypeLabels, publicationKindLabels, publicationStateLabels, type PublicationKind, type PublicationState } from '../../../../contracts/enforcement.ts';
import type { Page } from '../../api/types.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { beijingToday, DueDate } from '../cases/deadline.tsx';
import { ENFORCEMENT_CASES, enforcementCasesApi, type NewPublication, type PublicationFilter, type PublicationItem } from './enforcement-cases-api.ts';

/** 登记 a licence or another decision made outside Fazhi for publication: its clock counts from the decision day. */
function EnterModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<NewPublication>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (values: NewPublication) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await enforcementCasesApi.enterPublication({ ...values, decisionNo: values.decisionNo?.trim() || undefined });
      void message.success('已登记，待公示');
      onClose();
      onSaved();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="登记待公示的执法决定" width={680} okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'licence', partyType: 'company', decidedOn: beijingToday() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label="类别" extra="行政许可、行政处罚决定 7 个工作日内公示，其他决定 20 个工作日内公示（国办发〔2018〕118号）">
          <Radio.Group options={options(publicationKindLabels)} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="decisionNo" label="决定书文号">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="partyType" label="当事人类型">
          <Radio.Group options={options(partyTypeLabels)} />
        </Form.Item>
        <Form.Item name="partyName" label="当事人" extra="自然人公示为「张某」" rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="公示内容" extra="不得含有身份证号码" rules={[{ required: true, whitespace: true, message: '请填写公示内容' }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 执法决定公示: every decision to publish or withdraw, by its clock; the 待办 list carries the same clocks. */
export function PublicationsPage() {
  const [filter, setFilter] = useState<PublicationFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<PublicationItem>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const [entering, setEntering] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await enforcementCasesApi.publications({ ...filter, ...page }));
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [filter, page]);
  useEffect(() => {
    void load();
  }, [load]);
  const change = (changes: PublicationFilter) => {
    setFilter({ ...filter, ...changes });
    setPage({ ...page, page: 1 });
  };
  const columns: TableProps<PublicationItem>['columns'] = [
    {
      title: '决定',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enforcement-cases/publications/${row.id}`} data-testid="publication-link">
            {row.title}
          </Link>
          <span style={{ fontSize: 12, color: '#888' }}>
            {row.decisionNo ?? ''} · {row.partyMasked} · {row.orgName}
          </span>
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 130, render: (k: PublicationKind) => publicationKindLabels[k] },
    { title: '决定日期', dataIndex: 'decidedOn', width: 112 },
    { title: '期限', width: 150, render: (_, row) => <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} /> },
    { title: '状态', width: 190, render: (_, row) => <Tag color={row.state === 'published' ? 'green' : row.state === 'withdrawalDue' ? 'red' : row.state === 'withdrawn' ? 'default' : 'blue'}>{row.stateLabel}</Tag> },
    { title: '公示日期', dataIndex: 'publishedOn', width: 112, render: (d: string | null) => d ?? '' },
  ];
  return (
    <PageContainer
      title="执法决定公示"
      extra={
        <GuardedButton permission={ENFORCEMENT_CASES.publicity} type="primary" icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="publication-enter">
          登记其他执法决定
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select allowClear placeholder="状态" options={options(publicationStateLabels)} value={filter.state} onChange={(state?: PublicationState) => change({ state })} style={{ width: 200 }} {...testId('publication-filter-state')} />
          <Select allowClear placeholder="类别" options={options(publicationKindLabels)} value={filter.kind} onChange={(kind?: PublicationKind) => change({ kind })} style={{ width: 160 }} />
          <Select
            allowClear
            placeholder="逾期"
            options={[
              { value: 'true', label: '已逾期' },
              { value: 'false', label: '未逾期' },
            ]}
            value={filter.overdue === undefined ? undefined : String(filter.overdue)}
            onChange={(v?: string) => change({ overdue: v === undefined ? undefined : v === 'true' })}
            style={{ width: 120 }}
          />
        </Space>
      </Card>
      <Table<PublicationItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="publication-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无执法决定公示" /> }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, showTotal: (n) => `共 ${n} 条`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <EnterModal open={entering} onClose={() => setEntering(false)} onSaved={() => void load()} />
    </PageContainer>
  );
}
