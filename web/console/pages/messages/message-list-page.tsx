import { FormOutlined } from '@ant-design/icons';
import { Card, DatePicker, Empty, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { messageCategoryLabels, messageChannelLabels, satisfactionLabels, type MessageState } from '../../../../contracts/messages.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { useCaseStates } from '../cases/use-case-states.ts';
import { EnterMessageModal } from './enter-message-modal.tsx';
import { MESSAGE, MESSAGES, messageSorts, messagesApi, type MessageFilter, type MessageItem, type MessageQuery, type MessageSort } from './messages-api.ts';

const address: AddressSpec<MessageSort> = { text: ['state', 'channel', 'category', 'orgId', 'mark', 'from', 'to', 'satisfaction'], flags: ['toPublish'], sorts: messageSorts, firstYear: 2019 };

const stateColors: Record<MessageState, string> = { received: 'orange', routed: 'blue', reviewing: 'purple', replied: 'cyan', closed: 'green' };

/** 网民诉求: every message the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function MessageListPage() {
  const navigate = useNavigate();
  const list = useServerList<MessageItem, MessageSort, MessageQuery>({ spec: address, defaultSort: 'receivedOn', fetchPage: messagesApi.list, exportXlsx: messagesApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: MessageSort, first?: 'ascend' | 'descend') => list.sortable<MessageItem>(field, first);
  const stateOptions = useCaseStates(MESSAGE);
  const [entering, setEntering] = useState(false);

  const columns: TableProps<MessageItem>['columns'] = [
    {
      title: '标题 / 内容',
      width: 380,
      ...sortable('title', 'ascend'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/messages/${row.id}`} data-testid="message-link">
              {row.title}
            </Link>
            <Tag>{row.categoryLabel}</Tag>
            {row.published && <Tag color="green">已公开</Tag>}
            {row.publicConsent && !row.published && (row.state === 'replied' || row.state === 'closed') && <Tag color="gold">待公开</Tag>}
          </Space>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 350, display: 'block' }}>
            {row.content}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '渠道', dataIndex: 'channelLabel', width: 120 },
    { title: '收到日期', dataIndex: 'receivedOn', width: 112, ...sortable('receivedOn') },
    { title: '承办单位', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '答复期限', width: 150, ...sortable('dueOn', 'ascend'), render: (_, row) => (row.dueOn ? <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} /> : <Typography.Text type="secondary">{row.replyDueOn ?? ''}</Typography.Text>) },
    {
      title: '状态',
      width: 170,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={stateColors[row.state]}>{row.stateLabel}</Tag>
          {row.onTime === false && <Tag color="red">逾期答复</Tag>}
          {row.satisfactionLabel && <Tag color={row.satisfaction === 'unsatisfied' ? 'volcano' : 'default'}>{row.satisfactionLabel}</Tag>}
        </Space>
      ),
    },
    { title: '答复日期', dataIndex: 'repliedOn', width: 112, ...sortable('repliedOn'), render: (d: string | null) => d ?? '' },
  ];

  const select = <K extends keyof MessageFilter>(key: K, placeholder: string, opts: { value: string; label: string }[], width = 140) => (
    <Select
      allowClear
      placeholder={placeholder}
      options={opts}
      value={query[key] as string | undefined}
      onChange={(value?: string) => setFilter({ [key]: value } as Partial<MessageFilter>)}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={`message-filter-${key}`}
    />
  );

  return (
    <PageContainer
      title="网民诉求"
      extra={
        <Space wrap>
          <GuardedButton permission={MESSAGES.coordinate} type="primary" icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="message-enter">
            登记诉求
          </GuardedButton>
          <ExportButton list={list} testId="message-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="标题、内容、查询码" width={220} testId="message-search" />
          {select('state', '状态', stateOptions)}
          {select('channel', '渠道', options(messageChannelLabels))}
          {select('category', '类别', options(messageCategoryLabels), 110)}
          <OrgSelect placeholder="承办单位" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          {select('mark', '期限', [
            { value: 'overdue', label: '已逾期' },
            { value: 'dueSoon', label: '即将到期（3个工作日内）' },
          ])}
          {select('satisfaction', '满意度', options(satisfactionLabels), 120)}
          <DatePicker.RangePicker
            placeholder={['收到日期起', '收到日期止']}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            style={{ width: 260 }}
          />
          <Select<'true'>
            allowClear
            placeholder="公开"
            options={[{ value: 'true', label: '同意公开、尚未公开' }]}
            value={query.toPublish ? 'true' : undefined}
            onChange={(v) => setFilter({ toPublish: v ? true : undefined })}
            style={{ width: 170 }}
            data-testid="message-filter-toPublish"
          />
        </Space>
      </Card>
      <Table<MessageItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1250 }}
        data-testid="message-table"
        onRow={(row) => ({ onClick: (event) => !(event.target as HTMLElement).closest('a') && navigate(`/messages/${row.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的诉求' : '暂无网民诉求'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <EnterMessageModal open={entering} onClose={() => setEntering(false)} />
    </PageContainer>
  );
}
