import { DeleteOutlined, FormOutlined, HistoryOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Select, Space, Statistic, Table, Tag, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { interpretationFormLabels, proactiveCategoryLabels, proactiveKindLabels } from '../../../../contracts/disclosure.ts';
import { dayjs } from '../../../shared/time.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { DryRunImportModal } from '../../components/import-modal.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { useMe, useSession } from '../../session/session.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import {
  PROACTIVE,
  proactiveApi,
  proactiveSorts,
  type ImportBatch,
  type ProactiveInput,
  type ProactiveItem,
  type ProactiveQuery,
  type ProactiveSort,
} from './disclosure-report-api.ts';

const address: AddressSpec<ProactiveSort> = { text: ['orgId', 'category', 'kind', 'form', 'from', 'to', 'importId'], sorts: proactiveSorts, firstYear: 2019 };

type Values = Omit<ProactiveInput, 'publishedOn'> & { publishedOn: dayjs.Dayjs };

/** Topic and interpretation-form counts of the year in view (the report's section 二). */
function YearFigures({ year, orgId, reloadKey }: { year: number; orgId?: string; reloadKey: number }) {
  const [figures, setFigures] = useState<Awaited<ReturnType<typeof proactiveApi.figures>>>();
  useEffect(() => {
    proactiveApi.figures(year, orgId).then(setFigures, () => setFigures(undefined));
  }, [year, orgId, reloadKey]);
  if (!figures) return null;
  return (
    <Card size="small" title={`${year} 年主动公开情况`} style={{ marginBottom: 16 }} data-testid="proactive-figures">
      <Space wrap size={[32, 12]}>
        <Statistic title="主动公开信息（条）" value={figures.total} />
        <Statistic title="其中政策解读（篇）" value={figures.interpretations.total} />
        <Statistic title="文字解读" value={figures.interpretations.text} />
        <Statistic title="图表解读" value={figures.interpretations.chart} />
        <Statistic title="视频解读" value={figures.interpretations.video} />
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 5 }}
        style={{ marginTop: 12 }}
        items={Object.entries(figures.byCategory).map(([key, value]) => ({ key, label: proactiveCategoryLabels[key as keyof typeof proactiveCategoryLabels], children: value }))}
      />
    </Card>
  );
}

/** 导入批次: each import can be undone as a whole. */
function Batches({ open, onClose, onUndone }: { open: boolean; onClose: () => void; onUndone: () => void }) {
  const { message } = App.useApp();
  const [batches, setBatches] = useState<ImportBatch[]>([]);
  const load = useCallback(() => void proactiveApi.batches().then(setBatches, () => undefined), []);
  useEffect(() => {
    if (open) load();
  }, [open, load]);
  const undo = async (importId: string) => {
    const result = await proactiveApi.undo(importId);
    void message.success(`已撤销该批次，删除 ${result.deleted} 条`);
    load();
    onUndone();
  };
  return (
    <Drawer open={open} onClose={onClose} title="导入批次" size={640}>
      <Table<ImportBatch>
        rowKey="importId"
        size="small"
        dataSource={batches}
        pagination={false}
        locale={{ emptyText: '暂无导入批次' }}
        columns={[
          { title: '导入时间', dataIndex: 'importedAt', width: 140 },
          { title: '导入人', dataIndex: 'importedBy', width: 90 },
          { title: '条数', dataIndex: 'rows', width: 70, align: 'right' },
          { title: '公开日期', render: (_, b) => `${b.firstDay} 至 ${b.lastDay}` },
          {
            title: '',
            width: 80,
            render: (_, b) => (
              <Popconfirm title={`撤销这次导入，删除其 ${b.rows} 条记录？`} onConfirm={() => undo(b.importId)}>
                <Button size="small" danger data-testid="proactive-undo">
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

/** 主动公开: the items and policy interpretations the user may read, with entry, Excel import (dry run first) and export. */
export function ProactivePage() {
  const me = useMe();
  const { can } = useSession();
  const { message } = App.useApp();
  const list = useServerList<ProactiveItem, ProactiveSort, ProactiveQuery>({ spec: address, defaultSort: 'publishedOn', fetchPage: proactiveApi.list, exportXlsx: proactiveApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: ProactiveSort, first?: 'ascend' | 'descend') => list.sortable<ProactiveItem>(field, first);
  const [editing, setEditing] = useState<ProactiveItem | 'new'>();
  const [importing, setImporting] = useState(false);
  const [showBatches, setShowBatches] = useState(false);
  const [saving, setSaving] = useState(false);
  const [changes, setChanges] = useState(0);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const year = query.year ?? Number(beijingToday().slice(0, 4)) - 1;
  const reload = () => {
    void list.reload();
    setChanges((n) => n + 1);
  };

  const open = (item?: ProactiveItem) => {
    form.setFieldsValue(
      item ? { ...item, publishedOn: dayjs(item.publishedOn) } : { orgId: me.orgId, kind: 'item', category: undefined, publishedOn: dayjs(beijingToday()), title: '', channel: '政府门户网站' },
    );
    setEditing(item ?? 'new');
  };

  const save = async () => {
    const values = await form.validateFields();
    const input: ProactiveInput = { ...values, publishedOn: values.publishedOn.format('YYYY-MM-DD'), form: values.kind === 'interpretation' ? values.form : null };
    setSaving(true);
    try {
      if (editing === 'new') await proactiveApi.create(input);
      else if (editing) await proactiveApi.update(editing.id, { ...input, version: editing.version });
      void message.success('已保存');
      setEditing(undefined);
      reload();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: ProactiveItem) => {
    await proactiveApi.remove(item.id, item.version);
    void message.success('已删除');
    reload();
  };

  const columns: TableProps<ProactiveItem>['columns'] = [
    { title: '公开日期', dataIndex: 'publishedOn', width: 112, ...sortable('publishedOn') },
    {
      title: '标题',
      ...sortable('title', 'ascend'),
      render: (_, row) => (can(PROACTIVE.write) ? <a onClick={() => open(row)}>{row.title}</a> : row.title),
    },
    { title: '公开机关', dataIndex: 'orgName', width: 180, ellipsis: true, ...sortable('orgName', 'ascend') },
    { title: '类别', dataIndex: 'categoryLabel', width: 120, ...sortable('category', 'ascend') },
    {
      title: '类型',
      width: 150,
      render: (_, row) => (
        <Space size={4}>
          <Tag color={row.kind === 'interpretation' ? 'blue' : undefined}>{row.kindLabel}</Tag>
          {row.formLabel && <Tag>{row.formLabel}</Tag>}
        </Space>
      ),
    },
    { title: '公开渠道', dataIndex: 'channel', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    ...(can(PROACTIVE.write)
      ? [
          {
            title: '',
            width: 56,
            render: (_: unknown, row: ProactiveItem) => (
              <Popconfirm title="删除这条主动公开信息？" onConfirm={() => remove(row)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title="主动公开"
      extra={
        <Space wrap>
          <GuardedButton permission={PROACTIVE.write} type="primary" icon={<FormOutlined />} onClick={() => open()} data-testid="proactive-new">
            登记
          </GuardedButton>
          <GuardedButton permission={PROACTIVE.write} icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="proactive-import">
            导入 Excel
          </GuardedButton>
          <GuardedButton permission={PROACTIVE.write} icon={<HistoryOutlined />} onClick={() => setShowBatches(true)} data-testid="proactive-batches">
            导入批次
          </GuardedButton>
          <ExportButton list={list} testId="proactive-export" />
        </Space>
      }
    >
      <YearFigures year={year} orgId={query.orgId} reloadKey={changes} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="标题" />
          <Select allowClear placeholder="年度" options={list.yearOptions} value={query.year} onChange={(y?: number) => setFilter({ year: y })} style={{ width: 110 }} />
          <OrgSelect placeholder="公开机关" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="类别" options={options(proactiveCategoryLabels)} value={query.category} onChange={(category) => setFilter({ category })} style={{ width: 140 }} data-testid="proactive-filter-category" />
          <Select allowClear placeholder="类型" options={options(proactiveKindLabels)} value={query.kind} onChange={(k) => setFilter({ kind: k })} style={{ width: 120 }} />
          <Select allowClear placeholder="解读形式" options={options(interpretationFormLabels)} value={query.form} onChange={(f) => setFilter({ form: f })} style={{ width: 120 }} />
          <DatePicker.RangePicker
            placeholder={['公开日期起', '公开日期止']}
            value={query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null}
            onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
          />
          {query.importId && (
            <Tag closable onClose={() => setFilter({ importId: undefined })}>
              导入批次 {query.importId.slice(0, 8)}
            </Tag>
          )}
        </Space>
      </Card>
      <Table<ProactiveItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1000 }}
        data-testid="proactive-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的信息' : '暂无主动公开信息'} /> }}
        pagination={{ ...list.pagination, showTotal: (total: number) => `共 ${total} 条` }}
        onChange={list.onTableChange}
      />
      <Modal open={!!editing} title={editing === 'new' ? '登记主动公开信息' : '修改主动公开信息'} width={680} okText="保存" confirmLoading={saving} onOk={() => void save()} onCancel={() => setEditing(undefined)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="orgId" label="公开机关" rules={[{ required: true, message: '请选择公开机关' }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 300 }]}>
            <Input data-testid="proactive-title" />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item name="publishedOn" label="公开日期" rules={[{ required: true, message: '请选择公开日期' }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(beijingToday()), 'day')} />
            </Form.Item>
            <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={options(proactiveCategoryLabels)} style={{ width: 160 }} data-testid="proactive-category" />
            </Form.Item>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select options={options(proactiveKindLabels)} style={{ width: 120 }} />
            </Form.Item>
            {kind === 'interpretation' && (
              <Form.Item name="form" label="解读形式" rules={[{ required: true, message: '请选择解读形式' }]}>
                <Select options={options(interpretationFormLabels)} style={{ width: 120 }} />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="channel" label="公开渠道" rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="url" label="网址" rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <DryRunImportModal
        title="导入主动公开信息"
        hint="列：公开机关（空为本单位）、公开日期、标题、类别、信息类型（公开信息/政策解读）、解读形式（文字/图表/视频）、公开渠道、网址。与导出的 Excel 列相同。"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={reload}
        run={(file, dryRun, onProgress) => proactiveApi.importXlsx(file, dryRun, onProgress)}
        report={(file) => proactiveApi.importReport(file)}
        summaryLabels={{ imported: '待导入条数' }}
        confirmTestId="proactive-import-confirm"
      />
      <Batches open={showBatches} onClose={() => setShowBatches(false)} onUndone={reload} />
    </PageContainer>
  );
}
