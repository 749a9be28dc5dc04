import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Segmented, Select, Space, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { beijingTime } from '../../../shared/time.ts';
import { caseApi } from '../../api/endpoints.ts';
import type { TodoItem, TodoQuery } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { DueDate } from './deadline.tsx';

type MarkFilter = 'all' | 'overdue' | 'dueSoon';

const markOptions: { value: MarkFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'dueSoon', label: '3个工作日内到期' },
];

/** The filters live in the address, so that the home page's counts link straight to a filtered list. */
function queryFrom(params: URLSearchParams): Required<Pick<TodoQuery, 'page' | 'pageSize'>> & TodoQuery {
  const mark = params.get('mark');
  const positive = (value: string | null, fallback: number) => (value && Number(value) > 0 ? Math.floor(Number(value)) : fallback);
  return {
    mark: mark === 'overdue' || mark === 'dueSoon' ? mark : undefined,
    caseType: params.get('caseType') || undefined,
    assignedToMe: params.get('assignedToMe') === 'true' || undefined,
    page: positive(params.get('page'), 1),
    pageSize: Math.min(positive(params.get('pageSize'), 20), 100),
  };
}

function paramsFrom(query: TodoQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.mark) out.mark = query.mark;
  if (query.caseType) out.caseType = query.caseType;
  if (query.assignedToMe) out.assignedToMe = 'true';
  if (query.page && query.page > 1) out.page = String(query.page);
  if (query.pageSize && query.pageSize !== 20) out.pageSize = String(query.pageSize);
  return out;
}

/** The deployment's case types, for the filter. */
function useCaseTypeOptions() {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    caseApi.types().then(
      (types) => setOptions(types.map((t) => ({ value: t.caseType, label: t.label }))),
      () => setOptions([]),
    );
  }, []);
  return options;
}

export function TodoPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const caseTypes = useCaseTypeOptions();

  const { data, loading, load } = usePagedList(caseApi.todo, query);

  /** A filter change goes back to the first page. */
  const setFilter = (changes: Partial<TodoQuery>) => setParams(paramsFrom({ ...query, ...changes, page: 1 }));
  const filtered = !!(query.mark || query.caseType || query.assignedToMe);

  const columns: TableProps<TodoItem>['columns'] = [
    { title: '案件类型', dataIndex: 'caseTypeLabel', width: 140 },
    {
      title: '案号 / 标题',
      key: 'title',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          {row.caseNo && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.caseNo}</Typography.Text>}
          <Link to={`/cases/${row.id}`} data-testid="todo-case-link">
            {row.title}
          </Link>
        </Space>
      ),
    },
    { title: '当前状态', dataIndex: 'stateLabel', width: 120, render: (label: string) => <Tag color="blue">{label}</Tag> },
    { title: '办理机构', dataIndex: 'orgName', width: 160, ellipsis: true },
    {
      title: '期限',
      key: 'due',
      width: 250,
      render: (_, row) => <DueDate dueOn={row.dueOn} mark={row.mark} provisional={row.dueProvisional} />,
    },
    { title: '收件时间', dataIndex: 'openedAt', width: 150, render: (at: string) => beijingTime(at, 'YYYY-MM-DD HH:mm') },
  ];

  return (
    <PageContainer
      title="我的待办"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="todo-reload">
          刷新
        </Button>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="期限">
            <Segmented<MarkFilter>
              options={markOptions}
              value={query.mark ?? 'all'}
              onChange={(value) => setFilter({ mark: value === 'all' ? undefined : value })}
              data-testid="todo-mark"
            />
          </Form.Item>
          <Form.Item label="案件类型">
            <Select
              allowClear
              placeholder="全部类型"
              style={{ width: 180 }}
              options={query.caseType && !caseTypes.some((o) => o.value === query.caseType) ? [...caseTypes, { value: query.caseType, label: query.caseType }] : caseTypes}
              value={query.caseType}
              onChange={(value?: string) => setFilter({ caseType: value })}
              data-testid="todo-case-type"
            />
          </Form.Item>
          <Form.Item label="仅看分配给我的">
            <Switch checked={!!query.assignedToMe} onChange={(checked) => setFilter({ assignedToMe: checked || undefined })} data-testid="todo-assigned" />
          </Form.Item>
        </Form>
      </Card>
      <Table<TodoItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1000 }}
        onRow={(row) => ({
          onClick: (event) => {
            // The title is a link of its own (open in a new tab works there); the rest of the row opens the case.
            if (!(event.target as HTMLElement).closest('a')) navigate(`/cases/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的待办事项' : '暂无待办事项'} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setParams(paramsFrom({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize })),
        }}
      />
    </PageContainer>
  );
}
