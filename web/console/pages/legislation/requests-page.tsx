import { Card, Empty, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { showError } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { legislationApi, type RequestItem } from './legislation-api.ts';

/** 征求意见反馈: a department's requests (the 司法局: every one in the county, the late ones to chase). */
export function LegislationRequestsPage() {
  const [filter, setFilter] = useState<{ open?: boolean; mark?: 'overdue' | 'dueSoon' }>({ open: true });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<RequestItem>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const load = useCallback(() => {
    setLoading(true);
    legislationApi
      .requests({ ...filter, ...paging })
      .then(setData, showError)
      .finally(() => setLoading(false));
  }, [filter, paging]);
  useEffect(() => load(), [load]);

  const columns: TableProps<RequestItem>['columns'] = [
    { title: '征求意见事项', render: (_, row) => <Link to={`/cases/${row.id}`} data-testid="legislation-request-link">{row.consultationTitle}</Link> },
    { title: '单位', dataIndex: 'orgName', width: 180 },
    { title: '发出日期', dataIndex: 'askedOn', width: 110 },
    { title: '反馈期限', width: 190, render: (_, row) => (row.terminal ? row.dueOn : <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} />) },
    {
      title: '状态',
      width: 170,
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag>
          {row.late && <Tag color="orange">逾期反馈</Tag>}
          {row.reminders > 0 && <Tag>催办 {row.reminders} 次</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title="征求意见反馈">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="办理情况"
            value={filter.open === undefined ? undefined : filter.open ? 'open' : 'done'}
            options={[
              { value: 'open', label: '待反馈' },
              { value: 'done', label: '已办结' },
            ]}
            onChange={(v?: string) => setFilter((f) => ({ ...f, open: v === undefined ? undefined : v === 'open' }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            placeholder="期限"
            value={filter.mark}
            options={[
              { value: 'overdue', label: '已逾期' },
              { value: 'dueSoon', label: '即将到期' },
            ]}
            onChange={(mark?: 'overdue' | 'dueSoon') => setFilter((f) => ({ ...f, mark }))}
            style={{ width: 120 }}
          />
        </Space>
      </Card>
      <Table<RequestItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="legislation-requests-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有征求意见事项" /> }}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      />
    </PageContainer>
  );
}
