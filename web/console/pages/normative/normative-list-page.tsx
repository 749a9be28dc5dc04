import { FormOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { legalStatusLabels, procedureStateLabels } from '../../../../contracts/normative.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { DraftModal } from './draft-modal.tsx';
import { StatusTag } from './status-tag.tsx';
import { NORMATIVE, documentSorts, normativeApi, type DocumentItem, type DocumentQuery, type DocumentSort } from './normative-api.ts';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<DocumentSort> = { text: ['issuerOrgId', 'status', 'state', 'topic'], flags: ['published'], sorts: documentSorts, firstYear: 1990 };

/** 规范性文件: drafts and the registry, filtered by issuer, status, year and topic, sorted and exported by the server. */
export function NormativeListPage() {
  const navigate = useNavigate();
  const list = useServerList<DocumentItem, DocumentSort, DocumentQuery>({ spec: address, defaultSort: 'openedAt', fetchPage: normativeApi.list, exportXlsx: normativeApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: DocumentSort, first?: 'ascend' | 'descend') => list.sortable<DocumentItem>(field, first);
  const [creating, setCreating] = useState(false);
  const [expiring, setExpiring] = useState<number>(0);
  useEffect(() => {
    normativeApi
      .expiring()
      .then((r) => setExpiring(r.items.length))
      .catch(() => setExpiring(0));
  }, []);

  const columns: TableProps<DocumentItem>['columns'] = [
    {
      title: '文号 / 文件名称',
      ...sortable('docNo'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.docNo ?? '（未编号）'}
          </Typography.Text>
          <Link to={`/normative/${row.id}`} data-testid="normative-link">
            {row.title}
          </Link>
        </Space>
      ),
    },
    { title: '制定机关', dataIndex: 'issuerName', width: 170, ellipsis: true },
    { title: '办理环节', key: 'state', width: 170, render: (_, row) => <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag> },
    { title: '效力状态', key: 'status', width: 150, render: (_, row) => <StatusTag item={row} /> },
    { title: '公布日期', dataIndex: 'publishedOn', width: 112, ...sortable('publishedOn'), render: (v: string | null) => v ?? '—' },
    { title: '有效期至', dataIndex: 'validUntil', width: 112, ...sortable('validUntil'), render: (v: string | null) => v ?? '—' },
    {
      title: '期限',
      key: 'due',
      width: 176,
      ...sortable('dueOn', 'ascend'),
      render: (_, row) => (row.filingMark || row.state === 'published' ? <DueDate dueOn={row.filingDueOn} mark={row.filingMark} provisional={false} /> : <DueDate dueOn={row.dueOn} mark={null} provisional={false} />),
    },
  ];

  return (
    <PageContainer
      title="规范性文件"
      extra={
        <Space wrap>
          <GuardedButton permission={NORMATIVE.handle} type="primary" icon={<FormOutlined />} onClick={() => setCreating(true)} data-testid="normative-create">
            起草文件
          </GuardedButton>
          <ExportButton list={list} testId="normative-export" />
        </Space>
      }
    >
      {expiring > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              有 {expiring} 件现行有效的文件将在提醒期内到期，请组织评估。<Link to="/normative/expiring">查看到期提醒</Link>
            </span>
          }
          data-testid="normative-expiring-alert"
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="标题或文号" testId="normative-search" />
          <OrgSelect placeholder="制定机关" value={query.issuerOrgId} onChange={(issuerOrgId?: string) => setFilter({ issuerOrgId })} style={{ width: 220 }} />
          <Select allowClear placeholder="效力状态" options={options(legalStatusLabels)} value={query.status} onChange={(status?: DocumentQuery['status']) => setFilter({ status })} style={{ width: 120 }} />
          <Select allowClear placeholder="办理环节" options={options(procedureStateLabels)} value={query.state} onChange={(state?: DocumentQuery['state']) => setFilter({ state })} style={{ width: 200 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="公布年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
          <Input placeholder="主题" allowClear defaultValue={query.topic} onPressEnter={(e) => setFilter({ topic: (e.target as HTMLInputElement).value.trim() || undefined })} onBlur={(e) => setFilter({ topic: e.target.value.trim() || undefined })} style={{ width: 140 }} />
        </Space>
      </Card>
      <Table<DocumentItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1100 }}
        data-testid="normative-table"
        onRow={(row) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && navigate(`/normative/${row.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的文件' : '暂无规范性文件'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <DraftModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
