import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { coercionKindLabels, type CoercionKind } from '../../../../contracts/enforcement.ts';
import type { Page } from '../../api/types.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { beijingToday, DueDate } from '../cases/deadline.tsx';
import { ENFORCEMENT_CASES, enforcementCasesApi, type CaseOptions, type CoerciveFilter, type CoerciveItem, type NewCoercive } from './enforcement-cases-api.ts';

function CreateModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<NewCoercive>();
  const { message } = App.useApp();
  const [bodies, setBodies] = useState<CaseOptions[]>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const bodyId = Form.useWatch('bodyId', form);
  const body = useMemo(() => bodies.find((b) => b.id === bodyId), [bodies, bodyId]);
  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    enforcementCasesApi.options().then(setBodies, showError);
  }, [open, form]);
  const submit = async (values: NewCoercive) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await enforcementCasesApi.createCoercive({ ...values, caseId: values.caseId?.trim() || undefined });
      void message.success('已登记');
      onClose();
      onSaved();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="登记行政强制措施" width={680} okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'seal', startedOn: beijingToday() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="kind" label="种类" extra="查封、扣押期限 30 日，经批准可延长一次，不超过 30 日（行政强制法第二十五条）">
          <Select options={options(coercionKindLabels)} />
        </Form.Item>
        <Form.Item name="partyName" label="当事人" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="subject" label="场所、设施或者财物" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="basis" label="法律依据" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="startedOn" label="实施日期" rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="officerIds" label="执法人员（至少两名）" rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名执法人员' }]}>
          <Select mode="multiple" options={(body?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="caseId" label="关联行政处罚案件编号（可选）">
          <Input placeholder="案件 ID" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 行政强制措施: 查封、扣押 and others with their 30-day term, one approved extension, release. */
export function CoercivePage() {
  const { modal, message } = App.useApp();
  const [filter, setFilter] = useState<CoerciveFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<CoerciveItem>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await enforcementCasesApi.coercive({ ...filter, ...page }));
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [filter, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const ask = (row: CoerciveItem, what: 'extend' | 'release') => {
    let reason = '';
    modal.confirm({
      title: what === 'extend' ? '延长查封、扣押期限 30 日（须经负责人批准，仅一次）' : '解除行政强制措施',
      content: <Input.TextArea rows={3} placeholder={what === 'extend' ? '延长理由' : '解除理由'} onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => {
        try {
          await (what === 'extend' ? enforcementCasesApi.extendCoercive(row.id, row.version, reason) : enforcementCasesApi.releaseCoercive(row.id, row.version, reason));
          void message.success(what === 'extend' ? '已延长' : '已解除');
          void load();
        } catch (error) {
          showError(error);
          throw error;
        }
      },
    });
  };

  const columns: TableProps<CoerciveItem>['columns'] = [
    { title: '种类', dataIndex: 'kindLabel', width: 180 },
    { title: '当事人 / 对象', render: (_, r) => `${r.partyName}：${r.subject}` },
    { title: '执法主体', dataIndex: 'bodyName', width: 180 },
    { title: '实施日期', dataIndex: 'startedOn', width: 110 },
    { title: '期限', width: 170, render: (_, r) => (r.releasedOn ? '—' : <DueDate dueOn={r.dueOn} mark={r.mark} provisional={false} />) },
    {
      title: '状态',
      width: 150,
      render: (_, r) => (
        <Space size={4}>
          {r.releasedOn ? <Tag color="green">已于 {r.releasedOn} 解除</Tag> : <Tag color="blue">实施中</Tag>}
          {r.extended && <Tag>已延长</Tag>}
          {r.caseId && <Link to={`/enforcement-cases/${r.caseId}`}>案件</Link>}
        </Space>
      ),
    },
    {
      title: '操作',
      width: 150,
      render: (_, r) =>
        r.releasedOn ? null : (
          <Space size={4}>
            {(r.kind === 'seal' || r.kind === 'seize') && !r.extended && (
              <GuardedButton permission={ENFORCEMENT_CASES.approve} size="small" onClick={() => ask(r, 'extend')}>
                延长
              </GuardedButton>
            )}
            <GuardedButton permission={ENFORCEMENT_CASES.handle} size="small" onClick={() => ask(r, 'release')}>
              解除
            </GuardedButton>
          </Space>
        ),
    },
  ];
  return (
    <PageContainer
      title="行政强制措施"
      extra={
        <Space>
          <GuardedButton permission={ENFORCEMENT_CASES.handle} type="primary" icon={<FormOutlined />} onClick={() => setCreating(true)}>
            登记
          </GuardedButton>
          <Button icon={<DownloadOutlined />} onClick={() => void enforcementCasesApi.exportCoercive(filter).catch(showError)}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select allowClear placeholder="种类" options={options(coercionKindLabels)} value={filter.kind} onChange={(kind?: CoercionKind) => (setFilter({ ...filter, kind }), setPage({ ...page, page: 1 }))} style={{ width: 220 }} popupMatchSelectWidth={false} />
          <Select
            allowClear
            placeholder="是否解除"
            options={[
              { value: 'true', label: '实施中' },
              { value: 'false', label: '已解除' },
            ]}
            value={filter.open === undefined ? undefined : String(filter.open)}
            onChange={(v?: string) => (setFilter({ ...filter, open: v === undefined ? undefined : v === 'true' }), setPage({ ...page, page: 1 }))}
            style={{ width: 120 }}
          />
        </Space>
      </Card>
      <Table<CoerciveItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无行政强制措施" /> }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: data.total, showTotal: (n) => `共 ${n} 条`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} onSaved={() => void load()} />
    </PageContainer>
  );
}
