import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { searchApi, type SearchAnswer, type SearchKind, type SearchQuery } from './api.ts';
import { Highlighted } from '../../../shared/highlighted.tsx';

const FIRST_YEAR = 2000;
const empty: SearchAnswer = { items: [], total: 0, totalExact: true, page: 1, pageSize: 10, words: [] };

/** The query lives in the address: a search can be shared, and back returns to it. */
function queryOf(params: URLSearchParams): SearchQuery {
  const year = Number(params.get('year'));
  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? undefined,
    orgId: params.get('orgId') ?? undefined,
    status: params.get('status') ?? undefined,
    year: year >= FIRST_YEAR ? year : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: 10,
  };
}

/** 全文检索: every record the user may read and every published one, with the words found marked. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const [text, setText] = useState(query.q);
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [answer, setAnswer] = useState<SearchAnswer>(empty);
  const [loading, setLoading] = useState(false);
  useEffect(() => setText(query.q), [query.q]);
  useEffect(() => {
    void searchApi.kinds().then(setKinds, () => undefined);
  }, []);
  useEffect(() => {
    if (!query.q.trim()) return setAnswer(empty);
    let current = true;
    setLoading(true);
    searchApi
      .search(query)
      .then((a) => current && setAnswer(a), () => current && setAnswer(empty))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query]);

  const set = (changes: Partial<SearchQuery>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...query, page: 1, ...changes })) if (value !== undefined && value !== '' && key !== 'pageSize' && !(key === 'page' && value === 1)) next[key] = String(value);
    setParams(next);
  };
  const thisYear = Number(beijingToday().slice(0, 4));
  const statuses = kinds.find((k) => k.entityType === query.type)?.statuses ?? [];

  return (
    <PageContainer title="全文检索">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search
            size="large"
            enterButton="检索"
            placeholder="输入标题或正文中的词语"
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => set({ q: q.trim() })}
            data-testid="search-input"
          />
          <Space wrap>
            <Select
              allowClear
              placeholder="类别"
              options={kinds.map((k) => ({ value: k.entityType, label: k.label }))}
              value={query.type}
              onChange={(type?: string) => set({ type, status: undefined })}
              style={{ width: 160 }}
              data-testid="search-type"
            />
            <OrgSelect placeholder="发布机关" value={query.orgId} onChange={(orgId?: string) => set({ orgId })} style={{ width: 220 }} />
            <Select
              allowClear
              placeholder="年度"
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))}
              value={query.year}
              onChange={(year?: number) => set({ year })}
              style={{ width: 120 }}
            />
            {statuses.length > 0 && (
              <Select allowClear placeholder="状态" options={statuses} value={query.status} onChange={(status?: string) => set({ status })} style={{ width: 140 }} />
            )}
          </Space>
        </Space>
      </Card>
      <Card size="small">
        <List
          loading={loading}
          dataSource={answer.items}
          data-testid="search-results"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={query.q ? '没有找到相关记录' : '请输入检索词'} /> }}
          header={query.q && !loading ? <Typography.Text type="secondary">找到{answer.totalExact ? ' ' : '约 '}{answer.total} 条结果</Typography.Text> : undefined}
          pagination={answer.total > answer.pageSize ? { current: query.page, pageSize: answer.pageSize, total: answer.total, showSizeChanger: false, onChange: (page) => set({ page }) } : false}
          renderItem={(hit) => (
            <List.Item key={`${hit.entityType}:${hit.entityId}`} data-testid="search-hit">
              <List.Item.Meta
                title={
                  <Space wrap size={6}>
                    <Tag color="blue">{hit.typeLabel}</Tag>
                    {hit.link ? (
                      <Link to={hit.link}>
                        <Highlighted parts={hit.titleParts} />
                      </Link>
                    ) : (
                      <Highlighted parts={hit.titleParts} />
                    )}
                    {hit.public && <Tag color="green">已公开</Tag>}
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <Typography.Text>
                      <Highlighted parts={hit.snippet} />
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[hit.orgName, hit.year ? `${hit.year} 年` : null, hit.statusLabel].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </PageContainer>
  );
}
