import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { consultationSorts, consultationStateLabels, LEGISLATION, legislationApi, type ConsultationFilter, type ConsultationItem, type ConsultationQuery, type ConsultationSort } from './legislation-api.ts';
import { RegisterModal } from './register-modal.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<ConsultationSort> = { text: ['state', 'mark'], flags: ['replied'], sorts: consultationSorts, firstYear: 2020 };

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** 立法建议: the higher bodies' consultations, filtered, sorted and paged by the server, exported with the same filters. */
export function LegislationListPage() {
  const navigate = useNavigate();
  const list = useServerList<ConsultationItem, ConsultationSort, ConsultationQuery>({
    spec: address,
    defaultSort: 'receivedOn',
    fetchPage: legislationApi.list,
    exportXlsx: legislationApi.exportXlsx,
  });
  const { query, setFilter } = list;
  const sortable = (field: ConsultationSort, first?: 'ascend' | 'descend') => list.sortable<ConsultationItem>(field, first);
  const [registering, setRegistering] = useState(false);

  const columns: TableProps<ConsultationItem>['columns'] = [
    {
      title: '征求意见稿 / 来文',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/legislation/${row.id}`} data-testid="legislation-link">
            {row.draftTitle}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.documentNo ?? '（无文号）'} {row.documentTitle}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '来文机关', dataIndex: 'fromBody', width: 150, ellipsis: true, ...sortable('fromBody', 'ascend') },
    { title: '收文日期', dataIndex: 'receivedOn', width: 112, ...sortable('receivedOn') },
    {
      title: '反馈期限',
      width: 180,
      ...sortable('dueOn', 'ascend'),
      render: (_, row) => (row.terminal ? <span>{row.replyDueOn}</span> : <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} />),
    },
    {
      title: '部门反馈',
      width: 150,
      render: (_, row) =>
        row.askedCount === 0 ? (
          none
        ) : (
          <Space size={4} wrap>
            <span>
              {row.answeredCount}/{row.askedCount}
            </span>
            {row.overdueCount > 0 && <Tag color="red">逾期 {row.overdueCount}</Tag>}
          </Space>
        ),
    },
    { title: '状态', width: 130, render: (_, row) => <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag> },
    {
      title: '报送',
      width: 190,
      ...sortable('replySentOn'),
      render: (_, row) => (row.replySentOn ? `${row.replySentOn} ${row.replyDocumentNo ?? ''}` : none),
    },
  ];

  return (
    <PageContainer
      title="立法建议（上级征求意见）"
      extra={
        <Space wrap>
          <GuardedButton permission={LEGISLATION.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="legislation-register">
            登记征求意见
          </GuardedButton>
          <ExportButton list={list} testId="legislation-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="征求意见稿、来文标题、文号、来文机关" width={280} testId="legislation-search" />
          <Select allowClear placeholder="状态" options={options(consultationStateLabels)} value={query.state} onChange={(state?: ConsultationFilter['state']) => setFilter({ state })} style={{ width: 150 }} />
          <Select
            allowClear
            placeholder="期限"
            options={[
              { value: 'overdue', label: '已逾期' },
              { value: 'dueSoon', label: '即将到期' },
            ]}
            value={query.mark}
            onChange={(mark?: ConsultationFilter['mark']) => setFilter({ mark })}
            style={{ width: 120 }}
          />
          <Select allowClear placeholder="收文年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
        </Space>
      </Card>
      <Table<ConsultationItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1100 }}
        data-testid="legislation-table"
        onRow={(row) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(`/legislation/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的征求意见事项' : '暂无征求意见事项'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
