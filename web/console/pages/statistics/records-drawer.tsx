import { DownloadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Table, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { statisticsApi, type FigureRecord, type RecordsPage, type RecordsTarget, type StatisticsScopeQuery } from '../../api/statistics.ts';

/** What the drawer shows: the records behind one figure or cell, under a heading naming it. */
export interface DrillDown extends RecordsTarget {
  title: string;
}

/** The rows behind a figure, paged; each row links to its own page (cases: /cases/:id). */
export function RecordsDrawer({ scope, target, onClose }: { scope: StatisticsScopeQuery; target: DrillDown | null; onClose: () => void }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [data, setData] = useState<RecordsPage | null>(null);
  const [loading, setLoading] = useState(false);

  // Another figure starts on its first page (state adjusted while rendering, not in an effect).
  const [shown, setShown] = useState(target);
  if (shown !== target) {
    setShown(target);
    setPaging((current) => ({ ...current, page: 1 }));
  }
  useEffect(() => {
    if (!target) return;
    let current = true;
    setLoading(true);
    statisticsApi
      .records(scope, target, paging.page, paging.pageSize)
      .then((page) => current && setData(page))
      .catch(() => current && setData(null))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [scope, target, paging]);

  const columns: TableProps<FigureRecord>['columns'] = [
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, row) => (row.link ? <Link to={row.link}>{title}</Link> : title),
    },
    { title: '类别', dataIndex: 'category', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '机构', dataIndex: 'orgName', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: data?.figure.recordDate ?? '日期', dataIndex: 'date', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'label', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Drawer
      open={!!target}
      title={target ? `${target.title} · 明细` : ''}
      size={920}
      onClose={onClose}
      destroyOnHidden
      extra={
        target && (
          <Button icon={<DownloadOutlined />} onClick={() => statisticsApi.exportRecords(scope, target).catch(() => undefined)} data-testid="statistics-records-export">
            导出 Excel
          </Button>
        )
      }
    >
      {data && (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'scope', label: '统计范围', children: data.scope.orgName ?? `${data.scope.regionName ?? data.scope.regionCode}（全行政区）` },
            { key: 'period', label: '统计期间', children: `${data.scope.from} 至 ${data.scope.to}` },
          ]}
        />
      )}
      <Table<FigureRecord>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="statistics-records"
        locale={{ emptyText: <Typography.Text type="secondary">该指标在所选范围和期间内没有记录</Typography.Text> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Drawer>
  );
}
