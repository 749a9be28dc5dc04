import { FormOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { instanceLabels, outcomeLabels } from '../../../../contracts/litigation.ts';
import { LITIGATION, litigationApi, litigationSorts, type LitigationCaseItem, type LitigationFilter, type LitigationQuery, type LitigationSort } from '../../api/litigation.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { useCaseStates } from '../cases/use-case-states.ts';
import { DefenceDue } from './defence-due.tsx';
import { RegisterModal } from './register-modal.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const flagKeys = ['lost', 'warning', 'afterReconsideration'] as const;
type FlagKey = (typeof flagKeys)[number];

/** The server's earliest year (CaseFilter.year): the list offers the years since lawsuits were kept here. */
const address: AddressSpec<LitigationSort> = {
  text: ['state', 'outcome', 'instance', 'defendantOrgId'],
  flags: flagKeys,
  sorts: litigationSorts,
  firstYear: 2020,
};

const flagOptions: Record<FlagKey, { placeholder: string; yes: string; no: string; width: number }> = {
  lost: { placeholder: '败诉', yes: '败诉', no: '已审结未败诉', width: 140 },
  warning: { placeholder: '预警', yes: '有预警', no: '无预警', width: 110 },
  afterReconsideration: { placeholder: '复议后起诉', yes: '复议后起诉', no: '直接起诉', width: 130 },
};

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** 行政应诉案件: every lawsuit the user may read, filtered, sorted and paged by the server, exported with the same filters. */
export function LitigationListPage() {
  const navigate = useNavigate();
  const list = useServerList<LitigationCaseItem, LitigationSort, LitigationQuery>({
    spec: address,
    defaultSort: 'complaintReceivedOn',
    fetchPage: litigationApi.list,
    exportXlsx: litigationApi.exportXlsx,
  });
  const { query, setFilter } = list;
  const sortable = (field: LitigationSort, first?: 'ascend' | 'descend') => list.sortable<LitigationCaseItem>(field, first);
  const stateOptions = useCaseStates('litigation');
  const [registering, setRegistering] = useState(false);

  const columns: TableProps<LitigationCaseItem>['columns'] = [
    {
      // The title names the instance (…案（二审）), so the 审级 has no column of its own.
      title: '法院案号 / 案件名称',
      ...sortable('courtCaseNo', 'ascend'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.courtCaseNo ?? '（未填法院案号）'}
          </Typography.Text>
          <Space size={4} wrap>
            <Link to={`/litigation/${row.id}`} data-testid="litigation-case-link">
              {row.title}
            </Link>
            {row.warning && (
              <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="litigation-warning-tag">
                预警
              </Tag>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: '原告',
      dataIndex: 'plaintiffName',
      ellipsis: true,
      width: 120,
      ...sortable('plaintiffName', 'ascend'),
    },
    {
      title: '被告',
      dataIndex: 'defendantOrgName',
      ellipsis: true,
      width: 170,
      ...sortable('defendantOrgName', 'ascend'),
    },
    {
      title: '收到起诉状',
      dataIndex: 'complaintReceivedOn',
      width: 124,
      ...sortable('complaintReceivedOn'),
      render: (receivedOn: string, row) => (
        <Space orientation="vertical" size={0}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{receivedOn}</span>
          {row.afterReconsideration && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              复议后起诉
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '答辩期限',
      width: 176,
      ...sortable('dueOn', 'ascend'),
      render: (_, row) => <DefenceDue item={row} mark={row.defenceMark} />,
    },
    {
      title: '状态 / 结果',
      key: 'state',
      width: 170,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.terminal ? 'green' : 'blue'}>{row.stateLabel}</Tag>
          {row.outcomeLabel && <Tag title={row.outcomeLabel}>{row.outcomeLabel.replace(/（.*）$/, '')}</Tag>}
          {row.lost && <Tag color="volcano">败诉</Tag>}
        </Space>
      ),
    },
    {
      title: '立案日期',
      dataIndex: 'filedOn',
      width: 112,
      ...sortable('filedOn'),
      render: (filedOn: string | null) => filedOn ?? none,
    },
    {
      title: '裁判日期',
      dataIndex: 'judgedOn',
      width: 112,
      ...sortable('judgedOn'),
      render: (judgedOn: string | null) => judgedOn ?? none,
    },
  ];

  const flagSelect = (key: FlagKey) => {
    const f = flagOptions[key];
    return (
      <Select<'true' | 'false'>
        key={key}
        allowClear
        placeholder={f.placeholder}
        options={[
          { value: 'true', label: f.yes },
          { value: 'false', label: f.no },
        ]}
        value={query[key] === undefined ? undefined : query[key] ? 'true' : 'false'}
        onChange={(value) => setFilter({ [key]: value === undefined ? undefined : value === 'true' })}
        style={{ width: f.width }}
        popupMatchSelectWidth={false}
        data-testid={`litigation-filter-${key}`}
      />
    );
  };

  return (
    <PageContainer
      title="行政应诉案件"
      extra={
        <Space wrap>
          <GuardedButton permission={LITIGATION.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="litigation-register">
            登记应诉案件
          </GuardedButton>
          <ExportButton list={list} testId="litigation-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="原告、法院案号、裁判文书号、案件名称" width={280} testId="litigation-search" />
          <Select
            allowClear
            placeholder="状态"
            options={stateOptions}
            value={query.state}
            onChange={(state?: LitigationFilter['state']) => setFilter({ state })}
            style={{ width: 150 }}
            popupMatchSelectWidth={false}
            data-testid="litigation-filter-state"
          />
          <Select
            allowClear
            placeholder="审级"
            options={options(instanceLabels)}
            value={query.instance}
            onChange={(instance?: LitigationFilter['instance']) => setFilter({ instance })}
            style={{ width: 100 }}
          />
          <Select
            allowClear
            placeholder="裁判结果"
            options={options(outcomeLabels)}
            value={query.outcome}
            onChange={(outcome?: LitigationFilter['outcome']) => setFilter({ outcome })}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
          />
          <OrgSelect placeholder="被告机构" value={query.defendantOrgId} onChange={(defendantOrgId?: string) => setFilter({ defendantOrgId })} style={{ width: 220 }} />
          <Select
            allowClear
            placeholder="收到年度"
            options={list.yearOptions}
            value={query.year}
            onChange={(year?: number) => setFilter({ year })}
            style={{ width: 120 }}
          />
          {flagKeys.map(flagSelect)}
        </Space>
      </Card>
      <Table<LitigationCaseItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1180 }}
        data-testid="litigation-table"
        onRow={(row) => ({
          onClick: (event) => {
            // The title is a link of its own (open in a new tab works there); the rest of the row opens the case.
            if (!(event.target as HTMLElement).closest('a')) navigate(`/litigation/${row.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的案件' : '暂无行政应诉案件'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
    </PageContainer>
  );
}
