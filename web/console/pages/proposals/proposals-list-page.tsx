import { FormOutlined, UploadOutlined } from '@ant-design/icons';
import { Card, Empty, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DryRunImportModal } from '../../components/import-modal.tsx';
import { GuardedButton } from '../../components/guarded.tsx';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DueDate } from '../cases/deadline.tsx';
import { proposalKindLabels, proposalStateLabels, replyCategoryLabels, satisfactionLabels } from '../../../../contracts/proposals.ts';
import { PROPOSALS, proposalSorts, proposalsApi, type ProposalFilter, type ProposalItem, type ProposalQuery, type ProposalSort } from './proposals-api.ts';
import { RegisterModal } from './register-modal.tsx';

const address: AddressSpec<ProposalSort> = { text: ['kind', 'sessionLabel', 'orgId', 'state', 'category', 'satisfaction'], flags: ['overdue'], sorts: proposalSorts, firstYear: 2018 };
const none = <Typography.Text type="secondary">—</Typography.Text>;
const satisfactionColors = { satisfied: 'green', basic: 'blue', unsatisfied: 'red' } as const;

/** 人大代表建议 and 政协委员提案: filtered, sorted and paged by the server, exported with the same filters. */
export function ProposalsListPage() {
  const navigate = useNavigate();
  const list = useServerList<ProposalItem, ProposalSort, ProposalQuery>({ spec: address, defaultSort: 'number', fetchPage: proposalsApi.list, exportXlsx: proposalsApi.exportXlsx });
  const { query, setFilter } = list;
  const sortable = (field: ProposalSort, first?: 'ascend' | 'descend') => list.sortable<ProposalItem>(field, first);
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: TableProps<ProposalItem>['columns'] = [
    { title: '编号', width: 120, ...sortable('number', 'ascend'), render: (_, row) => <span>{row.kind === 'npc' ? '建议' : '提案'}第{row.number}号</span> },
    {
      title: '标题 / 提出人',
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Link to={row.path} data-testid="proposal-link">
            {row.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.proposers} · {row.sessionLabel}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '主办 / 会办单位',
      width: 180,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.orgName}</span>
          {row.coNames && <Typography.Text type="secondary" style={{ fontSize: 12 }}>会办：{row.coNames}</Typography.Text>}
        </Space>
      ),
    },
    { title: '交办日期', dataIndex: 'assignedOn', width: 104, ...sortable('assignedOn'), render: (v: string | null) => v ?? none },
    {
      title: '期限',
      width: 160,
      ...sortable('dueOn', 'ascend'),
      render: (_, row) => (
        <Space size={4} wrap>
          {row.dueOn ? <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} /> : none}
          {row.extended && <Tag>已延期</Tag>}
        </Space>
      ),
    },
    { title: '状态', width: 120, render: (_, row) => <Tag color={row.state === 'closed' ? 'green' : 'blue'}>{row.stateLabel}</Tag> },
    {
      title: '答复',
      width: 170,
      ...sortable('repliedOn'),
      render: (_, row) =>
        row.repliedOn ? (
          <Space size={4} wrap>
            <span>{row.repliedOn}</span>
            {row.replyCategory && <Tag>{replyCategoryLabels[row.replyCategory].replace(/（.*）/, '')}</Tag>}
            {row.onTime === false && <Tag color="red">逾期</Tag>}
          </Space>
        ) : (
          none
        ),
    },
    {
      title: '代表（委员）意见',
      width: 140,
      render: (_, row) =>
        row.satisfaction ? (
          <Space size={4}>
            <Tag color={satisfactionColors[row.satisfaction]}>{satisfactionLabels[row.satisfaction]}</Tag>
            {row.secondReply && <Tag>再次答复</Tag>}
          </Space>
        ) : (
          none
        ),
    },
  ];

  return (
    <PageContainer
      title="人大代表建议和政协委员提案"
      extra={
        <Space wrap>
          <GuardedButton permission={PROPOSALS.handle} type="primary" icon={<FormOutlined />} onClick={() => setRegistering(true)} data-testid="proposal-register">
            登记
          </GuardedButton>
          <GuardedButton permission={PROPOSALS.handle} icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="proposal-import">
            导入会议建议（提案）清单
          </GuardedButton>
          <ExportButton list={list} testId="proposal-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder="标题、提出人、编号" width={220} testId="proposal-search" />
          <Select allowClear placeholder="类别" options={options(proposalKindLabels)} value={query.kind} onChange={(kind?: ProposalFilter['kind']) => setFilter({ kind })} style={{ width: 140 }} />
          <Select allowClear placeholder="年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 100 }} />
          <OrgSelect placeholder="承办单位" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="状态" options={options(proposalStateLabels)} value={query.state} onChange={(state?: ProposalFilter['state']) => setFilter({ state })} style={{ width: 150 }} />
          <Select allowClear placeholder="答复类别" options={options(replyCategoryLabels)} value={query.category} onChange={(category?: ProposalFilter['category']) => setFilter({ category })} style={{ width: 160 }} />
          <Select allowClear placeholder="代表（委员）意见" options={options(satisfactionLabels)} value={query.satisfaction} onChange={(satisfaction?: ProposalFilter['satisfaction']) => setFilter({ satisfaction })} style={{ width: 150 }} />
          <Select
            allowClear
            placeholder="是否逾期"
            options={[
              { value: 'true', label: '已逾期' },
              { value: 'false', label: '未逾期' },
            ]}
            value={query.overdue === undefined ? undefined : String(query.overdue)}
            onChange={(v?: string) => setFilter({ overdue: v === undefined ? undefined : v === 'true' })}
            style={{ width: 110 }}
          />
        </Space>
      </Card>
      <Table<ProposalItem>
        rowKey="id"
        loading={list.loading}
        columns={columns}
        dataSource={list.data.items}
        scroll={{ x: 1200 }}
        data-testid="proposal-table"
        onRow={(row) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a')) navigate(row.path);
          },
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的建议提案' : '暂无建议提案'} /> }}
        pagination={list.pagination}
        onChange={list.onTableChange}
      />
      <RegisterModal open={registering} onClose={() => setRegistering(false)} />
      <DryRunImportModal
        title="导入会议建议（提案）清单"
        hint="Excel 第一行为列名：类别（人大代表建议/政协委员提案）、届次会议、年度、编号、标题、提出人、内容，可选“分类”。先校验，全部无误后才导入；有错误的行会逐行列出。"
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => list.reload()}
        run={(file, dryRun, onProgress) => proposalsApi.importXlsx(file, dryRun, onProgress)}
        report={(file) => proposalsApi.importReport(file)}
        summaryLabels={{ created: '登记' }}
        confirmTestId="proposal-import-confirm"
      />
    </PageContainer>
  );
}
