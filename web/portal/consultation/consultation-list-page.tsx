import { Alert, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PortalError, portalGet } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';
import { statusColors, type PublicConsultation } from './types.ts';

type Filter = 'all' | 'open' | 'closed';
const PAGE_SIZE = 10;

/** 征求意见: drafts open for the public's comments, then those closed within the year. */
export function ConsultationListPage({ site }: { site: SiteInfo }) {
  const [params, setParams] = useSearchParams();
  const filter = (['open', 'closed'].includes(params.get('status') ?? '') ? params.get('status') : 'all') as Filter;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [data, setData] = useState<{ items: PublicConsultation[]; total: number }>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    const query: Record<string, string> = { regionCode: site.regionCode, page: String(page), pageSize: String(PAGE_SIZE) };
    if (filter !== 'all') query.status = filter;
    portalGet<{ items: PublicConsultation[]; total: number }>('consultations', query).then(
      (d) => {
        setData(d);
        setProblem(undefined);
      },
      (error) => setProblem(error instanceof PortalError ? error.message : '加载失败'),
    );
  }, [site.regionCode, filter, page]);

  return (
    <PortalLayout site={site} title="征求意见">
      <div className="portal-page">
        <Card title="征求意见" extra={<Segmented<Filter> size="small" value={filter} onChange={(v) => setParams(v === 'all' ? {} : { status: v })} options={[{ value: 'all', label: '全部' }, { value: 'open', label: '进行中' }, { value: 'closed', label: '已结束' }]} />}>
          {problem && <Alert type="error" showIcon title={problem} />}
          <List
            loading={!data && !problem}
            dataSource={data?.items ?? []}
            data-testid="portal-consultations"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无征求意见" /> }}
            pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, size: 'small', onChange: (p) => setParams({ ...(filter === 'all' ? {} : { status: filter }), page: String(p) }) } : false}
            renderItem={(c) => (
              <List.Item key={c.id}>
                <List.Item.Meta
                  title={
                    <Link to={`/consultation/${c.id}`} data-testid="portal-consultation-link">
                      {c.title}
                    </Link>
                  }
                  description={
                    <Space wrap size={[8, 4]}>
                      <Tag color={statusColors[c.status]}>{c.statusLabel}</Tag>
                      <Typography.Text type="secondary">{c.orgName}</Typography.Text>
                      <Typography.Text type="secondary">
                        {c.opensOn} 至 {c.closesOn}
                      </Typography.Text>
                      {c.approvedCount > 0 && <Typography.Text type="secondary">已公开意见 {c.approvedCount} 条</Typography.Text>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </div>
    </PortalLayout>
  );
}
