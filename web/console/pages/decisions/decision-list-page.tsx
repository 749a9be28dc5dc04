import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { decisionCategoryLabels, decisionStateLabels, gateLabels } from '../../../../contracts/decisions.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { DECISIONS, decisionsApi, decisionSorts, type DecisionFilter, type DecisionItem, type DecisionQuery, type DecisionSort } from './decisions-api.ts';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<DecisionSort> = { text: ['state', 'orgId', 'category', 'openGate'], flags: ['exempted'], sorts: decisionSorts, firstYear: 2019 };

/** 启动决策程序: a catalogue item of an approved catalogue that has no case yet. */
function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ catalogueItemId: string; summary: string }>();
  const [items, setItems] = useState<{ value: string; label: string }[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    void (async () => {
      const heads = (await decisionsApi.catalogues()).filter((c) => c.state !== 'drafted');
      const all = await Promise.all(heads.map((h) => decisionsApi.catalogue(h.id)));
      setItems(all.flatMap((c) => c.items.filter((i) => !i.caseId && !i.removed).map((i) => ({ value: i.id, label: `${c.year}年 ${i.title}（${i.hostOrgName}）` }))));
    })();
  }, [open]);
  const submit = async (values: { catalogueItemId: string; summary: string }) => {
    setSaving(true);
    try {
      const created = await decisionsApi.register(values);
      onClose();
      navigate(`/decisions/${created.id}`);
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="启动决策程序" open={open} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} okButtonProps={testId('decision-register-submit')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="catalogueItemId" label="决策事项（决策事项目录）" rules={[{ required: true, message: '请选择目录事项' }]}>
          <Select showSearch optionFilterProp="label" options={items} data-testid="decision-register-item" />
        </Form.Item>
        <Form.Item name="summary" label="决策草案说明" rules={[{ required: true, message: '请填写决策草案说明' }]}>
          <Input.TextArea rows={4} data-testid="decision-register-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 重大行政决策: every decision the user may read, with its open procedures; filtered, sorted, exported. */
export function DecisionListPage() {
  const navigate = useNavigate();
  const list = useServerList<DecisionItem, DecisionSort, DecisionQuery>({ spec: address, defaultSort: 'openedAt', fetchPage: decisionsApi.list, exportXlsx: decisionsApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: DecisionSort, first?: 'ascend' | 'descend') => list.sortable<DecisionItem>(field, first);
  const [registering, setRegistering] = useState(false);
  const columns: TableProps<DecisionItem>['columns'] = [
    { title: '决策事项', ...sortable('title', 'ascend'), render: (_, row) => <Link to={`/decisions/${row.id}`} data-testid="decision-link">{row.title}</Link> },
    { title: '承办单位', dataIndex: 'orgName', width: 150, ellipsis: true, ...sortable('orgName', 'ascend') },
    { title: '类别', dataIndex: 'categoryLabel', width: 130, ellipsis: true },
    { title: '状态', width: 150, render: (_, row) => <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag> },
    {
      title: '程序',
      width: 220,
      render: (_, row) => (
        <Space size={2} wrap>
          {row.gates.map((g) => (
            <Tag key={g.gate} color={g.status === 'done' ? 'green' : g.status === 'exempted' ? 'orange' : 'default'} title={g.ground ?? g.statusLabel} style={{ marginInlineEnd: 0 }}>
              {g.label.slice(0, 2)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '期限', width: 140, ...sortable('dueOn', 'ascend'), render: (_, row) => (row.dueOn ? <DueDate dueOn={row.dueOn} mark={row.dueMark} provisional={false} /> : <Typography.Text type="secondary">—</Typography.Text>) },
    { title: '决定日期', dataIndex: 'decidedOn', width: 110, ...sortable('decidedOn') },
    { title: '公布日期', dataIndex: 'publishedOn', width: 110, ...sortable('publishedOn') },
  ];
  return (
    <PageContainer
      title="重大行政决策"
      extra={
        <Space wrap>
          <GuardedButton permission={DECISIONS.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="decision-register">
            启动决策程序
          </GuardedButton>
          <ExportButton list={list} testId="decision-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="决策事项、决策文号" />
          <Select allowClear placeholder="状态" options={options(decisionStateLabels)} value={query.state} onChange={(state?: DecisionFilter['state']) => setFilter({ state })} style={{ width: 160 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="类别" options={options(decisionCategoryLabels)} value={query.category} onChange={(category?: DecisionFilter['category']) => setFilter({ category })} style={{ width: 160 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="未完成的程序" options={options(gateLabels)} value={query.openGate} onChange={(openGate?: DecisionFilter['openGate']) => setFilter({ openGate })} style={{ width: 150 }} />
          <Select
            allowClear
            placeholder="免予程序"
            options={[
              { value: 'true', label: '有依法免予的程序' },
              { value: 'false', label: '无免予' },
            ]}
            value={query.exempted === undefined ? undefined : String(query.exempted)}
            onChange={(v?: string) => setFilter({ exempted: v === undefined ? undefined : v === 'true' })}
            style={{ width: 150 }}
          />
          <OrgSelect placeholder="承办单位" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="目录年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
        </Space>
      </Card>
      <Table<DecisionItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1100 }}
        data-testid="decision-table"
        onRow={(row) => ({ onClick: (event) => !(event.target as HTMLElement).closest('a') && navigate(`/decisions/${row.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的决策' : '暂无重大行政决策'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
