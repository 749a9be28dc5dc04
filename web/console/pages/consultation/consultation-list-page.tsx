import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Input, Select, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { consultationStatusLabels, type ConsultationStatus } from '../../../../contracts/consultation.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { consultationApi, type ConsultationItem, type ConsultationQuery, type QueueQuery, type StaffComment } from './api.ts';
import { RejectModal } from './comment-modals.tsx';
import { CommentText, statusColors, submittedAt } from './parts.tsx';

/** 待审核意见: the comments waiting in every round the user moderates, oldest first; approved one by one or together. */
function Queue() {
  const { message } = App.useApp();
  const [query, setQuery] = useState<QueueQuery>({ page: 1, pageSize: 20, moderation: 'pending' });
  const { data, loading, load } = usePagedList(consultationApi.queue, query);
  const [selected, setSelected] = useState<StaffComment[]>([]);
  const [rejecting, setRejecting] = useState<StaffComment | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = async () => {
    setSelected([]);
    await load();
  };
  const approve = async (items: StaffComment[]) => {
    setBusy(true);
    try {
      const { approved } = await consultationApi.approveAll(items.map((c) => ({ id: c.id, version: c.version })));
      void message.success(`已公开 ${approved} 条意见`);
    } catch {
      // The client has shown why (another moderator was quicker: reload shows the current state).
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const pending = query.moderation === 'pending';
  const columns: TableProps<StaffComment>['columns'] = [
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: submittedAt },
    {
      title: '征求意见',
      dataIndex: 'consultationTitle',
      width: 220,
      ellipsis: true,
      render: (title: string, row) => <Link to={`/consultation/${row.consultationId}`}>{title}</Link>,
    },
    { title: '姓名', dataIndex: 'authorName', width: 100 },
    { title: '意见内容', dataIndex: 'content', render: (content: string) => <CommentText text={content} /> },
    pending
      ? {
          title: '操作',
          key: 'actions',
          width: 150,
          render: (_, row) => (
            <Space size={4}>
              <Button size="small" type="link" onClick={() => void approve([row])} disabled={busy} data-testid="queue-approve">
                公开
              </Button>
              <Button size="small" type="link" danger onClick={() => setRejecting(row)} data-testid="queue-reject">
                不予公开
              </Button>
            </Space>
          ),
        }
      : {
          title: '审核',
          key: 'moderation',
          width: 200,
          render: (_, row) => (
            <Space orientation="vertical" size={0}>
              <span>
                {row.moderatedByName} {row.moderatedAt ? submittedAt(row.moderatedAt) : ''}
              </span>
              {row.rejectReason && <Typography.Text type="secondary">{row.rejectReason}</Typography.Text>}
            </Space>
          ),
        },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={query.moderation}
          options={[
            { value: 'pending', label: '待审核' },
            { value: 'approved', label: '已公开' },
            { value: 'rejected', label: '未通过' },
          ]}
          onChange={(moderation) => {
            setSelected([]);
            setQuery({ ...query, moderation, page: 1 });
          }}
          style={{ width: 120 }}
          data-testid="queue-moderation"
        />
        {pending && (
          <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length} loading={busy} onClick={() => void approve(selected)} data-testid="queue-approve-selected">
            批量公开{selected.length ? `（${selected.length}）` : ''}
          </Button>
        )}
      </Space>
      <Table<StaffComment>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        rowSelection={pending ? { selectedRowKeys: selected.map((c) => c.id), onChange: (_, rows) => setSelected(rows) } : undefined}
        scroll={{ x: 900 }}
        data-testid="queue-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pending ? '没有待审核的意见' : '暂无'} /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data.total, showTotal: (n) => `共 ${n} 条`, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
      <RejectModal
        comment={rejecting}
        onClose={() => setRejecting(null)}
        onDone={() => {
          setRejecting(null);
          void reload();
        }}
      />
    </>
  );
}

/** 征求意见: the rounds of the organisations the user moderates for. */
function Rounds() {
  const [query, setQuery] = useState<ConsultationQuery>({ page: 1, pageSize: 20 });
  const { data, loading } = usePagedList(consultationApi.list, query);
  const set = (changes: Partial<ConsultationQuery>) => setQuery({ ...query, ...changes, page: 1 });
  const columns: TableProps<ConsultationItem>['columns'] = [
    { title: '标题', dataIndex: 'title', render: (title: string, row) => <Link to={`/consultation/${row.id}`} data-testid="consultation-link">{title}</Link> },
    { title: '起草单位', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '征求意见期间', key: 'period', width: 200, render: (_, row) => `${row.opensOn} 至 ${row.closesOn}` },
    { title: '状态', dataIndex: 'statusLabel', width: 110, render: (label: string, row) => <Tag color={statusColors[row.status]}>{label}</Tag> },
    {
      title: '意见',
      key: 'counts',
      width: 190,
      render: (_, row) => (
        <Space size={8}>
          <Badge count={row.counts.pending} showZero={false} title="待审核">
            <Tag>待审核 {row.counts.pending}</Tag>
          </Badge>
          <span>已公开 {row.counts.approved}</span>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="标题" allowClear onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 240 }} />
        <Select
          allowClear
          placeholder="状态"
          options={options(consultationStatusLabels)}
          value={query.status}
          onChange={(status?: ConsultationStatus) => set({ status })}
          style={{ width: 140 }}
        />
        <OrgSelect placeholder="起草单位" value={query.orgId} onChange={(orgId?: string) => set({ orgId })} style={{ width: 220 }} />
        <Select
          allowClear
          placeholder="待审核"
          options={[{ value: 'true', label: '有待审核意见' }]}
          value={query.pendingOnly ? 'true' : undefined}
          onChange={(v?: string) => set({ pendingOnly: v ? true : undefined })}
          style={{ width: 150 }}
        />
      </Space>
      <Table<ConsultationItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 900 }}
        data-testid="consultation-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无征求意见" /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data.total, showTotal: (n) => `共 ${n} 件`, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
    </>
  );
}

/** 公众参与: the moderation queue and the rounds; each round's page holds its comments and their adoption. */
export function ConsultationListPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rounds' ? 'rounds' : 'queue';
  const items = useMemo(
    () => [
      { key: 'queue', label: '意见审核', children: <Queue /> },
      { key: 'rounds', label: '征求意见', children: <Rounds /> },
    ],
    [],
  );
  return (
    <PageContainer title="公众参与">
      <Card size="small">
        <Tabs activeKey={tab} onChange={(key) => setParams(key === 'queue' ? {} : { tab: key })} items={items} />
      </Card>
    </PageContainer>
  );
}
