import { CalendarOutlined, FileAddOutlined, FormOutlined } from '@ant-design/icons';
import { App, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { reportScopeLabels, reportStatusLabels } from '../../../../contracts/disclosure-report.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { ExportButton } from '../../components/list-toolbar.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { useMe } from '../../session/session.tsx';
import { beijingToday, DueDate } from '../cases/deadline.tsx';
import { figureItemLabels, REPORT, reportsApi, reportSorts, type FigureEntry, type FigureItem, type ReportItem, type ReportQuery, type ReportSort } from './disclosure-report-api.ts';

const address: AddressSpec<ReportSort> = { text: ['orgId', 'scope', 'status', 'mark'], sorts: reportSorts, firstYear: 2019 };
const lastYear = () => Number(beijingToday().slice(0, 4)) - 1;

/** 填报数据: table 二's figures no module records, per organisation and year, each with its source. */
function FigureEntries({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: string; year: number; item: FigureItem; value: number; note?: string }>();
  const [entries, setEntries] = useState<FigureEntry[]>([]);
  const [saving, setSaving] = useState(false);
  const load = (year: number, orgId?: string) => void reportsApi.entries(year, orgId).then(setEntries, () => setEntries([]));
  const save = async () => {
    const values = await form.validateFields();
    const existing = entries.find((e) => e.orgId === values.orgId && e.item === values.item);
    setSaving(true);
    try {
      setEntries(await reportsApi.enter({ ...values, version: existing?.version }));
      void message.success('已保存');
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="填报数据（规章、行政许可、行政事业性收费）"
      width={760}
      onCancel={onClose}
      okText="保存此项"
      confirmLoading={saving}
      onOk={() => void save()}
      afterOpenChange={(visible) => {
        if (!visible) return;
        form.setFieldsValue({ orgId: me.orgId, year: lastYear() });
        load(lastYear(), me.orgId);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onValuesChange={(changed, all) => (changed.year || changed.orgId ? load(all.year, all.orgId) : undefined)}>
        <Space wrap size={16}>
          <Form.Item name="orgId" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
            <OrgSelect style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2008} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="item" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
            <Select options={options(figureItemLabels)} style={{ width: 280 }} data-testid="entry-item" />
          </Form.Item>
          <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber min={0} style={{ width: 140 }} data-testid="entry-value" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="数据来源及说明" rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
      <Table<FigureEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={entries}
        locale={{ emptyText: '本年度尚未填报' }}
        columns={[
          { title: '项目', dataIndex: 'itemLabel' },
          { title: '数值', dataIndex: 'value', width: 110, align: 'right' },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Modal>
  );
}

/** 政府信息公开工作年度报告: every report the user may read with its 第四十九条 due date (red when overdue). */
export function ReportsPage() {
  const navigate = useNavigate();
  const me = useMe();
  const { message } = App.useApp();
  const list = useServerList<ReportItem, ReportSort, ReportQuery>({ spec: address, defaultSort: 'dueOn', fetchPage: reportsApi.list, exportXlsx: reportsApi.exportXlsx });
  const { query, setFilter } = list;
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState(false);
  const [entering, setEntering] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ orgId: string; year: number; scope: 'organisation' | 'government' }>();
  const [yearToOpen, setYearToOpen] = useState(lastYear());

  const create = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const report = await reportsApi.create(values);
      setCreating(false);
      navigate(`/disclosure-reports/${report.id}`);
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  const openYear = async () => {
    const result = await reportsApi.openYear(yearToOpen);
    void message.success(`已开启 ${result.opened} 份年度报告（原有 ${result.existing} 份）`);
    setOpening(false);
    void list.reload();
  };

  const columns: TableProps<ReportItem>['columns'] = [
    { title: '年度', dataIndex: 'year', width: 80, ...list.sortable<ReportItem>('year') },
    {
      title: '报告机关',
      ...list.sortable<ReportItem>('orgName', 'ascend'),
      render: (_, row) => (
        <Link to={`/disclosure-reports/${row.id}`} data-testid="report-link">
          {row.orgName}
        </Link>
      ),
    },
    { title: '范围', dataIndex: 'scopeLabel', width: 140 },
    { title: '状态', width: 100, ...list.sortable<ReportItem>('status', 'ascend'), render: (_, row) => <Tag color={row.status === 'published' ? 'green' : 'blue'}>{row.statusLabel}</Tag> },
    { title: '公布期限', width: 220, ...list.sortable<ReportItem>('dueOn', 'ascend'), render: (_, row) => <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} /> },
    { title: '发布日期', dataIndex: 'publishedOn', width: 112, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <PageContainer
      title="政府信息公开工作年度报告"
      extra={
        <Space wrap>
          <GuardedButton
            permission={REPORT.write}
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => {
              form.setFieldsValue({ orgId: me.orgId, year: lastYear(), scope: 'organisation' });
              setCreating(true);
            }}
            data-testid="report-new"
          >
            起草报告
          </GuardedButton>
          <GuardedButton permission={REPORT.write} icon={<CalendarOutlined />} onClick={() => setOpening(true)} data-testid="report-open-year">
            开启年度报告
          </GuardedButton>
          <GuardedButton permission={REPORT.write} icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="report-entries">
            填报数据
          </GuardedButton>
          <ExportButton list={list} testId="report-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <Select allowClear placeholder="年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 110 }} />
          <OrgSelect placeholder="报告机关" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 220 }} />
          <Select allowClear placeholder="范围" options={options(reportScopeLabels)} value={query.scope} onChange={(scope) => setFilter({ scope })} style={{ width: 150 }} />
          <Select allowClear placeholder="状态" options={options(reportStatusLabels)} value={query.status} onChange={(status) => setFilter({ status })} style={{ width: 110 }} />
          <Select
            allowClear
            placeholder="期限"
            options={[
              { value: 'overdue', label: '已逾期未发布' },
              { value: 'dueSoon', label: '即将到期' },
            ]}
            value={query.mark}
            onChange={(mark) => setFilter({ mark })}
            style={{ width: 140 }}
          />
        </Space>
      </Card>
      <Table<ReportItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 860 }}
        data-testid="report-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的年度报告' : '暂无年度报告'} /> }}
        pagination={{ ...list.pagination, showTotal: (total: number) => `共 ${total} 份` }}
        onChange={list.onTableChange}
      />
      <Modal open={creating} title="起草年度报告" okText="起草" okButtonProps={testId('report-create-confirm')} confirmLoading={saving} onOk={() => void create()} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="orgId" label="报告机关" rules={[{ required: true, message: '请选择报告机关' }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="year" label="报告年度" rules={[{ required: true }]}>
            <InputNumber min={2008} max={2100} data-testid="report-year" />
          </Form.Item>
          <Form.Item name="scope" label="报告范围" extra="本级政府的报告汇总全县各部门、乡镇的数据，于次年3月31日前公布；部门报告于1月31日前公布。">
            <Select options={options(reportScopeLabels)} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={opening} title="开启年度报告" okText="开启" onOk={() => void openYear()} onCancel={() => setOpening(false)} destroyOnHidden>
        <p>为全县各部门、乡镇（街道）和本级政府起草该年度的年度报告，并将公布期限登记到各单位的待办事项。</p>
        <Space>
          <InputNumber min={2008} max={2100} value={yearToOpen} onChange={(v) => v && setYearToOpen(v)} data-testid="open-year" />
          年度
        </Space>
      </Modal>
      <FigureEntries open={entering} onClose={() => setEntering(false)} />
    </PageContainer>
  );
}
