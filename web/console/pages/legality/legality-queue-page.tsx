import { Card, Empty, Select, Space, Table, Tag, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, download } from '../../api/client.ts';
import type { DeadlineMark, Page } from '../../api/types.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

/** GET /api/legality/queue (server/modules/legality/legality.routes.ts). */
interface QueueItem {
  id: string;
  caseType: string;
  caseTypeLabel: string;
  caseNo: string | null;
  title: string;
  orgName: string;
  submittedOn: string;
  dueOn: string;
  provisional: boolean;
  mark: DeadlineMark;
}
const sorts = ['dueOn', 'submittedOn', 'title'] as const;
type Sort = (typeof sorts)[number];
type Query = { page: number; pageSize: number; caseType?: string; orgId?: string; mark?: 'overdue' | 'dueSoon'; q?: string; sort?: Sort; order?: 'asc' | 'desc' };

const address: AddressSpec<Sort> = { text: ['caseType', 'orgId', 'mark'], sorts, firstYear: 2000 };
const caseTypes = [
  { value: 'normative_document', label: '规范性文件' },
  { value: 'decision', label: '重大行政决策' },
];

/** 合法性审查: everything awaiting the legal office's opinion, whatever the case type, by its review deadline. */
export function LegalityQueuePage() {
  const navigate = useNavigate();
  const list = useServerList<QueueItem, Sort, Query>({
    spec: address,
    defaultSort: 'dueOn',
    fetchPage: (q) => api.get<Page<QueueItem>>('legality/queue', q),
    exportXlsx: (f) => download('legality/queue/export.xlsx', f, '合法性审查待办.xlsx'),
  });
  const { query, setFilter } = list;
  const columns: TableProps<QueueItem>['columns'] = [
    { title: '事项类型', dataIndex: 'caseTypeLabel', width: 120, render: (v: string) => <Tag>{v}</Tag> },
    { title: '标题', ...list.sortable<QueueItem>('title', 'ascend'), render: (_, r) => <Link to={`/cases/${r.id}`} data-testid="legality-link">{r.title}</Link> },
    { title: '送审单位', dataIndex: 'orgName', width: 180, ellipsis: true },
    { title: '送审日期', dataIndex: 'submittedOn', width: 112, ...list.sortable<QueueItem>('submittedOn') },
    { title: '审查期限', key: 'due', width: 190, ...list.sortable<QueueItem>('dueOn', 'ascend'), render: (_, r) => <DueDate dueOn={r.dueOn} mark={r.mark} provisional={r.provisional} /> },
  ];
  return (
    <PageContainer
      title="合法性审查"
      extra={<ExportButton list={list} testId="legality-export" />}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <ListSearch list={list} placeholder="标题或文号" />
          <Select allowClear placeholder="事项类型" options={caseTypes} value={query.caseType} onChange={(caseType?: string) => setFilter({ caseType })} style={{ width: 150 }} />
          <Select allowClear placeholder="期限" options={[{ value: 'overdue', label: '已逾期' }, { value: 'dueSoon', label: '即将到期' }]} value={query.mark} onChange={(mark?: Query['mark']) => setFilter({ mark })} style={{ width: 120 }} />
          <OrgSelect placeholder="送审单位" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 220 }} />
        </Space>
      </Card>
      <Table<QueueItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        data-testid="legality-table"
        onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审查的事项" /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
    </PageContainer>
  );
}
