import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { enforcementFieldLabels, penaltyOutcomeLabels } from '../../../../contracts/enforcement.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { useCaseStates } from '../cases/use-case-states.ts';
import { caseSorts, ENFORCEMENT_CASES, enforcementCasesApi, PENALTY, type CaseFilter, type CaseItem, type CaseQuery, type CaseSort } from './enforcement-cases-api.ts';
import { NewCaseModal } from './new-case-modal.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<CaseSort> = { text: ['state', 'field', 'bodyId', 'orgId', 'outcome'], flags: ['firstViolation', 'overdue'], sorts: caseSorts, firstYear: 2019 };

const yuan = (n: number | null) => (n === null ? '' : `${n.toLocaleString('zh-CN')} 元`);

/** 行政处罚案件: every case the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function CaseListPage() {
  const navigate = useNavigate();
  const list = useServerList<CaseItem, CaseSort, CaseQuery>({ spec: address, defaultSort: 'filedOn', fetchPage: enforcementCasesApi.list, exportXlsx: enforcementCasesApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: CaseSort, first?: 'ascend' | 'descend') => list.sortable<CaseItem>(field, first);
  const stateOptions = useCaseStates(PENALTY);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<CaseItem>['columns'] = [
    {
      title: '案由 / 当事人',
      ...sortable('title', 'ascend'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link to={`/enforcement-cases/${row.id}`} data-testid="penalty-case-link">
              {row.title}
            </Link>
            {row.leniencyFlag && (
              <Tag color="cyan" data-testid="penalty-leniency-tag">
                首违不罚
              </Tag>
            )}
            {row.procedure === 'simple' && <Tag>简易程序</Tag>}
            {row.reviewRequired && <Tag color="purple">法制审核</Tag>}
            {row.transferredToJudiciary && <Tag color="volcano">移送司法</Tag>}
            {row.correctedOn && <Tag color="red">已被纠正</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.partyName} · {row.bodyName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '领域', dataIndex: 'fieldLabel', width: 130, ellipsis: true },
    { title: '立案日期', dataIndex: 'filedOn', width: 112, ...sortable('filedOn') },
    { title: '期限', width: 150, ...sortable('dueOn', 'ascend'), render: (_, row) => <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} /> },
    {
      title: '状态 / 结果',
      width: 190,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.state === 'archived' || row.state === 'dropped' ? 'green' : 'blue'}>{row.stateLabel}</Tag>
          {row.outcomeLabel && <Tag title={row.outcomeLabel}>{row.outcomeLabel.replace(/（.*）$/, '')}</Tag>}
        </Space>
      ),
    },
    { title: '罚款', dataIndex: 'fine', width: 120, align: 'right', ...sortable('fine'), render: (fine: number | null) => yuan(fine) },
    { title: '决定日期', dataIndex: 'decidedOn', width: 112, ...sortable('decidedOn'), render: (d: string | null) => d ?? '' },
  ];

  const flag = (key: 'firstViolation' | 'overdue', placeholder: string, yes: string, no: string) => (
    <Select<'true' | 'false'>
      allowClear
      placeholder={placeholder}
      options={[
        { value: 'true', label: yes },
        { value: 'false', label: no },
      ]}
      value={query[key] === undefined ? undefined : query[key] ? 'true' : 'false'}
      onChange={(value) => setFilter({ [key]: value === undefined ? undefined : value === 'true' })}
      style={{ width: 130 }}
      data-testid={`penalty-filter-${key}`}
    />
  );

  return (
    <PageContainer
      title="行政处罚案件"
      extra={
        <Space wrap>
          <GuardedButton permission={ENFORCEMENT_CASES.handle} type="primary" icon={<FormOutlined />} onClick={() => setCreating(true)} data-testid="penalty-create">
            立案
          </GuardedButton>
          <ExportButton list={list} testId="penalty-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="案由、当事人、文号" testId="penalty-search" />
          <Select allowClear placeholder="状态" options={stateOptions} value={query.state} onChange={(state?: CaseFilter['state']) => setFilter({ state })} style={{ width: 160 }} popupMatchSelectWidth={false} data-testid="penalty-filter-state" />
          <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={query.field} onChange={(field?: CaseFilter['field']) => setFilter({ field })} style={{ width: 160 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="处理结果" options={options(penaltyOutcomeLabels)} value={query.outcome} onChange={(outcome?: CaseFilter['outcome']) => setFilter({ outcome })} style={{ width: 150 }} popupMatchSelectWidth={false} />
          <OrgSelect placeholder="办案部门" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="立案年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 120 }} />
          {flag('firstViolation', '首违不罚', '首违不罚', '其他')}
          {flag('overdue', '逾期', '已逾期', '未逾期')}
        </Space>
      </Card>
      <Table<CaseItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1100 }}
        data-testid="penalty-table"
        onRow={(row) => ({ onClick: (event) => !(event.target as HTMLElement).closest('a') && navigate(`/enforcement-cases/${row.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的案件' : '暂无行政处罚案件'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <NewCaseModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
