import { Alert, Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PortalError, portalGet } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';
import { Highlighted, type Part } from '../../shared/highlighted.tsx';

/** What /api/public/search answers (server: search.schemas.ts): published records only. */
interface Hit {
  entityType: string;
  typeLabel: string;
  entityId: string;
  titleParts: Part[];
  snippet: Part[];
  orgName: string | null;
  year: number | null;
  statusLabel: string | null;
  link: string | null;
}
interface Answer {
  items: Hit[];
  total: number;
  totalExact: boolean;
  pageSize: number;
}
interface Kind {
  entityType: string;
  label: string;
  statuses: { value: string; label: string }[];
}

const PAGE_SIZE = 10;
const FIRST_YEAR = 2000;

/** 全站搜索: the county's published records, the words found marked; filters by kind, year and status. */
export function SearchPage({ site }: { site: SiteInfo }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? undefined;
  const status = params.get('status') ?? undefined;
  const year = Number(params.get('year')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [answer, setAnswer] = useState<Answer>();
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(false);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    void portalGet<Kind[]>('search/types', {}).then(setKinds, () => undefined);
  }, []);
  const query = useMemo(() => {
    const out: Record<string, string> = { regionCode: site.regionCode, q, page: String(page), pageSize: String(PAGE_SIZE) };
    if (type) out.type = type;
    if (status) out.status = status;
    if (year) out.year = String(year);
    return out;
  }, [site.regionCode, q, type, status, year, page]);
  useEffect(() => {
    if (!q.trim()) return setAnswer(undefined);
    let current = true;
    setLoading(true);
    portalGet<Answer>('search', query)
      .then(
        (a) => {
          if (!current) return;
          setAnswer(a);
          setProblem(undefined);
        },
        (error) => current && setProblem(error instanceof PortalError ? error.message : '检索失败，请稍后重试'),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [q, query]);

  const set = (changes: Record<string, string | number | undefined>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ q, type, status, year, ...changes })) if (value !== undefined && value !== '') next[key] = String(value);
    setParams(next);
  };
  const thisYear = new Date().getFullYear();
  const statuses = kinds.find((k) => k.entityType === type)?.statuses ?? [];

  return (
    <PortalLayout site={site} title="全站搜索">
      <div className="portal-page">
        <Card>
          <Input.Search
            size="large"
            enterButton="搜索"
            placeholder="输入标题或正文中的词语"
            maxLength={100}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => set({ q: value.trim() })}
            data-testid="portal-search-input"
          />
          <Space wrap style={{ marginTop: 12 }}>
            <Select allowClear placeholder="类别" options={kinds.map((k) => ({ value: k.entityType, label: k.label }))} value={type} onChange={(v?: string) => set({ type: v, status: undefined })} style={{ width: 140 }} />
            <Select
              allowClear
              placeholder="年度"
              options={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))}
              value={year}
              onChange={(v?: number) => set({ year: v })}
              style={{ width: 110 }}
            />
            {statuses.length > 0 && <Select allowClear placeholder="状态" options={statuses} value={status} onChange={(v?: string) => set({ status: v })} style={{ width: 130 }} />}
          </Space>
        </Card>
        <Card>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="portal-search-problem" />}
          <List
            loading={loading}
            dataSource={answer?.items ?? []}
            data-testid="portal-search-results"
            header={answer && !loading ? <Typography.Text type="secondary">找到{answer.totalExact ? ' ' : '约 '}{answer.total} 条结果</Typography.Text> : undefined}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? '没有找到相关内容' : '请输入要搜索的词语'} /> }}
            pagination={answer && answer.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: answer.total, size: 'small', onChange: (p) => set({ page: p }) } : false}
            renderItem={(hit) => (
              <List.Item key={`${hit.entityType}:${hit.entityId}`} data-testid="portal-search-hit">
                <List.Item.Meta
                  title={
                    <Space wrap size={6}>
                      <Tag color="red">{hit.typeLabel}</Tag>
                      {hit.link ? (
                        <Link to={hit.link}>
                          <Highlighted parts={hit.titleParts} />
                        </Link>
                      ) : (
                        <Highlighted parts={hit.titleParts} />
                      )}
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ color: '#333', wordBreak: 'break-all' }}>
                        <Highlighted parts={hit.snippet} />
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[hit.orgName, hit.year ? `${hit.year} 年` : null, hit.statusLabel].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </>
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
