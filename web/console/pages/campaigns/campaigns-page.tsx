import { PlusOutlined } from '@ant-design/icons';
import { App, Card, Empty, Form, Modal, Select, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { enforcementFieldLabels } from '../../../../contracts/enforcement.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { useMe } from '../../session/session.tsx';
import { CAMPAIGN, campaignsApi, type CampaignItem, type CampaignQuery } from '../inspections/inspections-api.ts';
import { campaignInput, CampaignFields, type CampaignValues } from './campaign-form.tsx';
import { ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<'startsOn'> = { text: ['field', 'leadOrgId'], sorts: ['startsOn'], firstYear: 2015 };

const figure = (row: CampaignItem, n: number, filter: string) => <Link to={`/inspections?campaignId=${row.id}${filter}`}>{n}</Link>;

/** 专项整治行动: the county's campaigns with their results, each figure opening the records behind it. */
export function CampaignsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const list = useServerList<CampaignItem, 'startsOn', CampaignQuery>({
    spec: address,
    defaultSort: 'startsOn',
    fetchPage: campaignsApi.list,
    exportXlsx: async () => undefined,
  });
  const { query, setFilter } = list;
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CampaignValues>();

  const columns: TableProps<CampaignItem>['columns'] = [
    {
      title: '行动名称',
      render: (_, row) => (
        <Link to={`/campaigns/${row.id}`} data-testid="campaign-link">
          {row.title}
        </Link>
      ),
    },
    { title: '牵头单位', dataIndex: 'leadOrgName', width: 180, ellipsis: true },
    { title: '期间', width: 200, render: (_, row) => `${row.startsOn} 至 ${row.endsOn}` },
    { title: '检查次数', width: 90, align: 'right', render: (_, row) => figure(row, row.figures.inspections, '') },
    { title: '检查户数', width: 90, align: 'right', render: (_, row) => row.figures.targets },
    { title: '责令整改', width: 90, align: 'right', render: (_, row) => figure(row, row.figures.rectificationOrders, '&rectificationOrdered=true') },
    { title: '立案', width: 70, align: 'right', render: (_, row) => <Link to={`/campaigns/${row.id}#cases`}>{row.figures.casesFiled}</Link> },
  ];

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await campaignsApi.create(campaignInput(values));
      void message.success('已新建专项整治行动');
      setCreating(false);
      void list.reload();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      title="专项整治行动"
      extra={
        <GuardedButton
          permission={CAMPAIGN.manage}
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.setFieldsValue({ leadOrgId: me.orgId });
            setCreating(true);
          }}
          data-testid="campaign-new"
        >
          新建专项行动
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="行动名称" width={220} />
          <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={query.field} onChange={(field) => setFilter({ field })} style={{ width: 160 }} popupMatchSelectWidth={false} />
          <OrgSelect placeholder="牵头单位" value={query.leadOrgId} onChange={(leadOrgId?: string) => setFilter({ leadOrgId })} style={{ width: 220 }} />
          <Select allowClear placeholder="年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 110 }} />
        </Space>
      </Card>
      <Table<CampaignItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        data-testid="campaign-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无专项整治行动" /> }}
        pagination={{ ...list.pagination, showTotal: (total: number) => `共 ${total} 项` }}
        onChange={list.onTableChange}
      />
      <Modal open={creating} title="新建专项整治行动" width={680} okText="保存" confirmLoading={saving} onOk={() => void save()} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <CampaignFields />
        </Form>
      </Modal>
    </PageContainer>
  );
}
