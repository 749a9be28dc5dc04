import { FormOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { enforcementFieldLabels, inspectionResultLabels } from '../../../../contracts/enforcement.ts';
import { dayjs } from '../../../shared/time.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { useMe } from '../../session/session.tsx';
import { CampaignSelect } from './campaign-select.tsx';
import { ImportModal } from './import-modal.tsx';
import { blankValues, InspectionFields, toInput, type InspectionValues } from './inspection-form.tsx';
import { INSPECTION, inspectionFlags, inspectionsApi, inspectionSorts, type InspectionFlag, type InspectionItem, type InspectionQuery, type InspectionSort } from './inspections-api.ts';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<InspectionSort> = {
  text: ['orgId', 'field', 'campaignId', 'from', 'to', 'result', 'targetType', 'importId'],
  flags: inspectionFlags,
  sorts: inspectionSorts,
  firstYear: 2015,
};

const flagLabels: Record<InspectionFlag, string> = {
  rectificationOrdered: '责令整改',
  withHazards: '发现隐患',
  placeClosed: '关停取缔',
  demolished: '拆除',
  transferredToJudiciary: '移送司法机关',
  withDocuments: '出具文书',
  withCase: '立案查处',
};

/** 行政检查记录: the inspections the user may read, filtered, sorted and paged by the server; entry, import and export. */
export function InspectionsListPage() {
  const navigate = useNavigate();
  const me = useMe();
  const { message } = App.useApp();
  const list = useServerList<InspectionItem, InspectionSort, InspectionQuery>({
    spec: address,
    defaultSort: 'inspectedOn',
    fetchPage: inspectionsApi.list,
    exportXlsx: inspectionsApi.exportXlsx,
  });
  const { query, setFilter } = list;
  const sortable = (field: InspectionSort, first?: 'ascend' | 'descend') => list.sortable<InspectionItem>(field, first);
  const [entering, setEntering] = useState(false);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<InspectionValues>();
  const activeFlags = inspectionFlags.filter((f) => query[f]);

  const columns: TableProps<InspectionItem>['columns'] = [
    { title: '检查日期', dataIndex: 'inspectedOn', width: 112, ...sortable('inspectedOn') },
    {
      title: '检查对象',
      ...sortable('targetName', 'ascend'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/inspections/${row.id}`} data-testid="inspection-link">
            {row.targetName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.targetType, row.place].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '检查部门', dataIndex: 'orgName', width: 170, ellipsis: true, ...sortable('orgName', 'ascend') },
    { title: '执法领域', dataIndex: 'fieldLabel', width: 130, ellipsis: true },
    {
      title: '结果与处理',
      width: 220,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.result === 'compliant' ? 'green' : 'orange'}>{row.resultLabel}</Tag>
          {row.rectificationOrdered && row.result !== 'rectification' && <Tag>责令整改</Tag>}
          {row.placeClosed && <Tag color="red">关停取缔</Tag>}
          {row.demolished && <Tag color="red">拆除</Tag>}
          {row.transferredToJudiciary && <Tag color="purple">移送司法</Tag>}
        </Space>
      ),
    },
    { title: '隐患', dataIndex: 'hazardsFound', width: 76, align: 'right', ...sortable('hazardsFound') },
    { title: '文书', dataIndex: 'documentsIssued', width: 76, align: 'right', ...sortable('documentsIssued') },
    { title: '专项行动', dataIndex: 'campaignTitle', width: 180, ellipsis: true, render: (title: string | null) => title ?? '—' },
  ];

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await inspectionsApi.create(toInput(values));
      void message.success('已登记');
      setEntering(false);
      form.resetFields();
      void list.reload();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      title="行政检查记录"
      extra={
        <Space wrap>
          <GuardedButton
            permission={INSPECTION.write}
            type="primary"
            icon={<FormOutlined />}
            onClick={() => {
              form.setFieldsValue(blankValues(me.orgId));
              setEntering(true);
            }}
            data-testid="inspection-new"
          >
            登记检查
          </GuardedButton>
          <GuardedButton permission={INSPECTION.write} icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="inspection-import">
            导入 Excel
          </GuardedButton>
          <ExportButton list={list} testId="inspection-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="检查对象、信用代码、地点" />
          <OrgSelect placeholder="检查部门" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={query.field} onChange={(field) => setFilter({ field })} style={{ width: 150 }} popupMatchSelectWidth={false} />
          <CampaignSelect value={query.campaignId} onChange={(campaignId?: string) => setFilter({ campaignId })} style={{ width: 220 }} data-testid="inspection-filter-campaign" />
          <DatePicker.RangePicker
            placeholder={['检查日期起', '检查日期止']}
            value={query.from || query.to ? [query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null] : null}
            onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
          />
          <Select allowClear placeholder="检查结果" options={options(inspectionResultLabels)} value={query.result} onChange={(result) => setFilter({ result })} style={{ width: 120 }} />
          <Input.Search
            key={query.targetType ?? ''}
            placeholder="对象类型"
            allowClear
            defaultValue={query.targetType}
            onSearch={(value) => setFilter({ targetType: value.trim() || undefined })}
            style={{ width: 150 }}
          />
          <Select<InspectionFlag[]>
            mode="multiple"
            allowClear
            placeholder="处理措施"
            options={inspectionFlags.map((f) => ({ value: f, label: flagLabels[f] }))}
            value={activeFlags}
            onChange={(flags) => setFilter(Object.fromEntries(inspectionFlags.map((f) => [f, flags.includes(f) ? true : undefined])))}
            style={{ minWidth: 160 }}
            popupMatchSelectWidth={false}
            data-testid="inspection-filter-flags"
          />
          {query.importId && (
            <Tag closable onClose={() => setFilter({ importId: undefined })}>
              导入批次 {query.importId.slice(0, 8)}
            </Tag>
          )}
        </Space>
      </Card>
      <Table<InspectionItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1180 }}
        data-testid="inspection-table"
        onRow={(row) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(`/inspections/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的检查记录' : '暂无行政检查记录'} /> }}
        pagination={{ ...list.pagination, showTotal: (total: number) => `共 ${total} 次检查` }}
        onChange={list.onTableChange}
      />
      <Modal open={entering} title="登记行政检查" width={820} okText="保存" confirmLoading={saving} onOk={() => void save()} onCancel={() => setEntering(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <InspectionFields form={form} />
        </Form>
      </Modal>
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={() => void list.reload()} />
    </PageContainer>
  );
}
