import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Segmented, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { actCategoryLabels, channelLabels, outcomeLabels } from '../../../../contracts/reconsideration.ts';
import {
  RECONSIDERATION,
  reconsiderationApi,
  type ReconsiderationFilter,
  type ReconsiderationListItem,
  type ReconsiderationQuery,
  type ReconsiderationSort,
} from '../../api/reconsideration.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { useCaseStates } from '../cases/use-case-states.ts';
import { RegisterModal } from './register-modal.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

type MarkFilter = 'all' | 'overdue' | 'dueSoon';
const markOptions: { value: MarkFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'dueSoon', label: '3个工作日内到期' },
];

/** The revised 行政复议法 is in force from 2024-01-01 (第九十条); the server registers nothing older. */
const address: AddressSpec<ReconsiderationSort> = {
  text: ['state', 'outcome', 'respondentOrgId', 'channel', 'actCategory', 'mark'],
  sorts: ['receivedOn', 'dueOn', 'decidedOn'],
  firstYear: 2024,
};

/** 行政复议案件: every case the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function ReconsiderationListPage() {
  const navigate = useNavigate();
  const list = useServerList<ReconsiderationListItem, ReconsiderationSort, ReconsiderationQuery>({
    spec: address,
    defaultSort: 'receivedOn',
    fetchPage: reconsiderationApi.list,
    exportXlsx: reconsiderationApi.exportXlsx,
  });
  const { query, setFilter, sortable } = list;
  const stateOptions = useCaseStates('reconsideration');
  const [registering, setRegistering] = useState(false);

  // The title names the applicant and the respondent (「张三不服县市场监管局行政处罚决定」): no columns of their own.
  const columns: TableProps<ReconsiderationListItem>['columns'] = [
    {
      title: '案号 / 案件名称',
      key: 'title',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.caseNo ?? '（受理后编号）'}
          </Typography.Text>
          <Link to={`/reconsideration/${row.id}`} data-testid="reconsideration-case-link">
            {row.title}
          </Link>
        </Space>
      ),
    },
    { title: '行为类别', dataIndex: 'actCategoryLabel', width: 130 },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      width: 130,
      ...sortable<ReconsiderationListItem>('receivedOn'),
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
      width: 150,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag>
          {row.outcomeLabel && row.outcomeLabel !== row.stateLabel && <Tag>{row.outcomeLabel}</Tag>}
          {row.deemedAccepted && <Tag color="orange">视为受理</Tag>}
        </Space>
      ),
    },
    {
      title: '期限',
      width: 200,
      ...sortable<ReconsiderationListItem>('dueOn', 'ascend'),
      render: (_, row) => <DueDate dueOn={row.terminal ? null : row.dueOn} mark={row.mark} provisional={row.dueProvisional} />,
    },
    {
      title: '决定日期',
      dataIndex: 'decidedOn',
      width: 120,
      ...sortable<ReconsiderationListItem>('decidedOn'),
      render: (decidedOn: string | null) => decidedOn ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <PageContainer
      title="行政复议案件"
      extra={
        <Space wrap>
          <GuardedButton permission={RECONSIDERATION.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="reconsideration-register">
            登记复议申请
          </GuardedButton>
          <ExportButton list={list} testId="reconsideration-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[16, 12]}>
            <ListSearch list={list} placeholder="案件名称、申请人、案号" width={280} testId="reconsideration-search" />
            <Space size={8}>
              <Typography.Text type="secondary">期限</Typography.Text>
              <Segmented<MarkFilter>
                options={markOptions}
                value={query.mark ?? 'all'}
                onChange={(value) => setFilter({ mark: value === 'all' ? undefined : value })}
                data-testid="reconsideration-mark"
              />
            </Space>
          </Space>
          <Space wrap size={[12, 12]}>
            <Select allowClear placeholder="状态" options={stateOptions} value={query.state} onChange={(state?: string) => setFilter({ state })} style={{ width: 130 }} data-testid="reconsideration-state" />
            <Select
              allowClear
              placeholder="结案方式"
              options={options(outcomeLabels)}
              value={query.outcome}
              onChange={(outcome?: ReconsiderationFilter['outcome']) => setFilter({ outcome })}
              style={{ width: 150 }}
              popupMatchSelectWidth={false}
            />
            <OrgSelect placeholder="被申请人" value={query.respondentOrgId} onChange={(respondentOrgId?: string) => setFilter({ respondentOrgId })} style={{ width: 240 }} />
            <Select
              allowClear
              placeholder="申请方式"
              options={options(channelLabels)}
              value={query.channel}
              onChange={(channel?: ReconsiderationFilter['channel']) => setFilter({ channel })}
              style={{ width: 120 }}
              popupMatchSelectWidth={false}
            />
            <Select
              allowClear
              placeholder="行政行为类别"
              options={options(actCategoryLabels)}
              value={query.actCategory}
              onChange={(actCategory?: ReconsiderationFilter['actCategory']) => setFilter({ actCategory })}
              style={{ width: 140 }}
              popupMatchSelectWidth={false}
            />
            <Select allowClear placeholder="收到年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
          </Space>
        </Space>
      </Card>
      <Table<ReconsiderationListItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1000 }}
        data-testid="reconsideration-table"
        onRow={(row) => ({
          onClick: (event) => {
            // The title is a link of its own (open in a new tab works there); the rest of the row opens the case.
            if (!(event.target as HTMLElement).closest('a')) navigate(`/reconsideration/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的案件' : '暂无行政复议案件'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
