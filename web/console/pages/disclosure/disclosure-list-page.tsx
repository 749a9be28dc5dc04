import { FormOutlined } from '@ant-design/icons';
import { Card, DatePicker, Empty, Segmented, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applicantKindLabels, disclosureChannelLabels, disclosureOutcomeLabels, outcomeGroups } from '../../../../contracts/disclosure.ts';
import { dayjs } from '../../../shared/time.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { useCaseStates } from '../cases/use-case-states.ts';
import { DISCLOSURE, disclosureApi, type DisclosureFilter, type DisclosureListItem, type DisclosureQuery, type DisclosureSort } from './disclosure-api.ts';
import { RegisterModal } from './register-modal.tsx';

type MarkFilter = 'all' | 'overdue' | 'dueSoon';
const markOptions: { value: MarkFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'dueSoon', label: '3个工作日内到期' },
];

/** The 2019 条例 is in force from 2019-05-15: the server registers nothing older. */
const address: AddressSpec<DisclosureSort> = {
  text: ['state', 'orgId', 'channel', 'applicantKind', 'outcome', 'outcomeGroup', 'mark', 'receivedFrom', 'receivedTo'],
  sorts: ['receivedOn', 'dueOn', 'repliedOn'],
  firstYear: 2019,
};

/** Table 三's leaves grouped under their rows, as the annual report lists them. */
const outcomeOptions = outcomeGroups.map((g) => ({ label: g.label.replace(/（区分处理.*）$/, ''), options: g.leaves.map((leaf) => ({ value: leaf, label: disclosureOutcomeLabels[leaf] })) }));
const groupOptions = outcomeGroups.map((g) => ({ value: g.code, label: g.label.replace(/（区分处理.*）$/, '') }));

/** 依申请公开: every application the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function DisclosureListPage() {
  const navigate = useNavigate();
  const list = useServerList<DisclosureListItem, DisclosureSort, DisclosureQuery>({
    spec: address,
    defaultSort: 'receivedOn',
    fetchPage: disclosureApi.list,
    exportXlsx: disclosureApi.exportXlsx,
  });
  const { query, setFilter, sortable } = list;
  const stateOptions = useCaseStates('disclosure_request');
  const [registering, setRegistering] = useState(false);

  const columns: TableProps<DisclosureListItem>['columns'] = [
    {
      title: '申请内容',
      key: 'title',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/disclosure/${row.id}`} data-testid="disclosure-link">
            {row.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.orgName} · {row.applicantKindLabel}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      width: 150,
      ...sortable<DisclosureListItem>('receivedOn'),
      render: (receivedOn: string, row) => (
        <Space orientation="vertical" size={0}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{receivedOn}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.channelLabel}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag>
          {row.outcomeLabel && <Tag>{row.outcomeLabel}</Tag>}
          {row.extended && <Tag color="orange">已延期</Tag>}
        </Space>
      ),
    },
    {
      title: '答复期限',
      width: 200,
      ...sortable<DisclosureListItem>('dueOn', 'ascend'),
      render: (_, row) => <DueDate dueOn={row.terminal ? null : row.dueOn} mark={row.mark} provisional={row.dueProvisional} />,
    },
    {
      title: '答复日期',
      dataIndex: 'repliedOn',
      width: 160,
      ...sortable<DisclosureListItem>('repliedOn'),
      render: (repliedOn: string | null, row) =>
        repliedOn ? (
          <Space orientation="vertical" size={0}>
            <span>{repliedOn}</span>
            {row.replyNo && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.replyNo}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer
      title="依申请公开"
      extra={
        <Space wrap>
          <GuardedButton permission={DISCLOSURE.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="disclosure-register">
            登记申请
          </GuardedButton>
          <ExportButton list={list} testId="disclosure-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[16, 12]}>
            <ListSearch list={list} placeholder="申请人、申请内容、答复书文号" width={280} testId="disclosure-search" />
            <Space size={8}>
              <Typography.Text type="secondary">期限</Typography.Text>
              <Segmented<MarkFilter> options={markOptions} value={query.mark ?? 'all'} onChange={(value) => setFilter({ mark: value === 'all' ? undefined : value })} data-testid="disclosure-mark" />
            </Space>
          </Space>
          <Space wrap size={[12, 12]}>
            <Select allowClear placeholder="状态" options={stateOptions} value={query.state} onChange={(state?: string) => setFilter({ state })} style={{ width: 150 }} data-testid="disclosure-state" />
            <OrgSelect placeholder="受理机关" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 240 }} />
            <Select
              allowClear
              placeholder="申请方式"
              options={options(disclosureChannelLabels)}
              value={query.channel}
              onChange={(channel?: DisclosureFilter['channel']) => setFilter({ channel })}
              style={{ width: 150 }}
              popupMatchSelectWidth={false}
            />
            <Select
              allowClear
              placeholder="申请人类别"
              options={options(applicantKindLabels)}
              value={query.applicantKind}
              onChange={(applicantKind?: DisclosureFilter['applicantKind']) => setFilter({ applicantKind })}
              style={{ width: 130 }}
            />
            <Select allowClear placeholder="办理结果类别" options={groupOptions} value={query.outcomeGroup} onChange={(outcomeGroup?: string) => setFilter({ outcomeGroup })} style={{ width: 150 }} popupMatchSelectWidth={false} />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="办理结果"
              options={outcomeOptions}
              value={query.outcome}
              onChange={(outcome?: DisclosureFilter['outcome']) => setFilter({ outcome })}
              style={{ width: 200 }}
              popupMatchSelectWidth={false}
            />
            <DatePicker.RangePicker
              placeholder={['收到日期起', '收到日期止']}
              value={query.receivedFrom || query.receivedTo ? [query.receivedFrom ? dayjs(query.receivedFrom) : null, query.receivedTo ? dayjs(query.receivedTo) : null] : null}
              onChange={(range) => setFilter({ receivedFrom: range?.[0]?.format('YYYY-MM-DD'), receivedTo: range?.[1]?.format('YYYY-MM-DD') })}
              allowEmpty={[true, true]}
              data-testid="disclosure-received-range"
            />
          </Space>
        </Space>
      </Card>
      <Table<DisclosureListItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1000 }}
        data-testid="disclosure-table"
        onRow={(row) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(`/disclosure/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的申请' : '暂无政府信息公开申请'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
