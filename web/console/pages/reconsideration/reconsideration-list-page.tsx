import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { actCategoryLabels, channelLabels, outcomeLabels } from '../../../../contracts/reconsideration.ts';
import { caseApi } from '../../api/endpoints.ts';
import { RECONSIDERATION, reconsiderationApi, type ReconsiderationFilter, type ReconsiderationListItem, type ReconsiderationQuery } from '../../api/reconsideration.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { beijingToday, DueDate } from '../cases/deadline.tsx';
import { RegisterModal } from './register-modal.tsx';

type MarkFilter = 'all' | 'overdue' | 'dueSoon';
const markOptions: { value: MarkFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '已逾期' },
  { value: 'dueSoon', label: '3个工作日内到期' },
];

/** The revised 行政复议法 is in force from 2024-01-01 (第九十条); the server registers nothing older. */
const FIRST_YEAR = 2024;

const textKeys = ['state', 'outcome', 'respondentOrgId', 'channel', 'actCategory', 'q', 'mark', 'sort', 'order'] as const;

/** The filters live in the address: back from a case returns to the same list, and a filtered list can be shared. */
function queryFrom(params: URLSearchParams): ReconsiderationQuery {
  const positive = (value: string | null, fallback: number) => (value && Number(value) > 0 ? Math.floor(Number(value)) : fallback);
  const text: Record<string, string> = {};
  for (const key of textKeys) {
    const value = params.get(key);
    if (value) text[key] = value;
  }
  const year = Number(params.get('year'));
  // An unknown value in a hand-edited address is the server's to refuse, with its message.
  return { ...(text as ReconsiderationFilter), year: year >= FIRST_YEAR ? year : undefined, page: positive(params.get('page'), 1), pageSize: Math.min(positive(params.get('pageSize'), 20), 100) };
}

function paramsFrom(query: ReconsiderationQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'pageSize' && value === 20)) continue;
    out[key] = String(value);
  }
  return out;
}

/** The 复议 workflow's states, from the server's case types (the list filters on them). */
function useStateOptions() {
  const [states, setStates] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    caseApi.types().then(
      (types) => setStates(types.find((t) => t.caseType === 'reconsideration')?.states.map((s) => ({ value: s.state, label: s.label })) ?? []),
      () => setStates([]),
    );
  }, []);
  return states;
}

/** 行政复议案件: every case the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function ReconsiderationListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFrom(params), [params]);
  const { data, loading } = usePagedList(reconsiderationApi.list, query);
  const stateOptions = useStateOptions();
  const [registering, setRegistering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [searchText, setSearchText] = useState(query.q ?? '');
  useEffect(() => setSearchText(query.q ?? ''), [query.q]);

  const yearOptions = useMemo(() => {
    const thisYear = Number(beijingToday().slice(0, 4));
    return Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 1) }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }));
  }, []);

  /** A filter change goes back to the first page. */
  const setFilter = (changes: Partial<ReconsiderationFilter>) => setParams(paramsFrom({ ...query, ...changes, page: 1 }));
  const { page: _page, pageSize: _pageSize, sort: _sort, order: _order, ...filters } = query;
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await reconsiderationApi.exportXlsx({ ...filters, sort: query.sort, order: query.order });
    } catch {
      // The client has shown the server's message.
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (field: NonNullable<ReconsiderationFilter['sort']>) => {
    // Without a sort in the address the server lists the latest received first.
    const sort = query.sort ?? 'receivedOn';
    const order = query.sort ? query.order : 'desc';
    return sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null;
  };

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
      key: 'receivedOn',
      width: 130,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder('receivedOn'),
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
      key: 'dueOn',
      width: 200,
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: sortOrder('dueOn'),
      render: (_, row) => <DueDate dueOn={row.terminal ? null : row.dueOn} mark={row.mark} provisional={row.dueProvisional} />,
    },
    {
      title: '决定日期',
      dataIndex: 'decidedOn',
      key: 'decidedOn',
      width: 120,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrder('decidedOn'),
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
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="reconsideration-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={[16, 12]}>
            <Input.Search
              placeholder="案件名称、申请人、案号"
              allowClear
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(q) => setFilter({ q: q.trim() || undefined })}
              style={{ width: 280 }}
              data-testid="reconsideration-search"
            />
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
            <Select allowClear placeholder="收到年度" options={yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
          </Space>
        </Space>
      </Card>
      <Table<ReconsiderationListItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1000 }}
        data-testid="reconsideration-table"
        onRow={(row) => ({
          onClick: (event) => {
            // The title is a link of its own (open in a new tab works there); the rest of the row opens the case.
            if (!(event.target as HTMLElement).closest('a')) navigate(`/reconsideration/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的案件' : '暂无行政复议案件'} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const sort = one?.order ? (String(one.columnKey) as ReconsiderationFilter['sort']) : undefined;
            setParams(paramsFrom({ ...query, sort, order: one?.order ? (one.order === 'descend' ? 'desc' : 'asc') : undefined, page: 1 }));
            return;
          }
          const pageSize = pagination.pageSize ?? 20;
          setParams(paramsFrom({ ...query, page: pageSize === query.pageSize ? (pagination.current ?? 1) : 1, pageSize }));
        }}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
