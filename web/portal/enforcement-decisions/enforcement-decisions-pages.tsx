import { Descriptions, Empty, Grid, Input, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { enforcementFieldLabels, publicationKindLabels } from '../../../contracts/enforcement.ts';
import { portalGet, PortalError } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** 行政执法决定公示 (事后公开, 国办发〔2018〕118号): published decisions; persons shown as 张某, no ID numbers. */

interface PortalDecision {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  decisionNo: string | null;
  decidedOn: string;
  publishedOn: string | null;
  partyMasked: string;
  orgName: string;
  field: string | null;
  fieldLabel: string | null;
  content: string;
}

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);
const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

type Filter = { q?: string; orgId?: string; field?: string; kind?: string; year?: number; page: number };

export function EnforcementDecisionsPage({ site }: { site: SiteInfo }) {
  const narrow = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<Filter>({ page: 1 });
  const [data, setData] = useState<{ items: PortalDecision[]; total: number } | null>(null);
  const [departments, setDepartments] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    void portalGet<{ id: string; name: string }[]>('enforcement/departments', { region: site.regionCode }).then(setDepartments, () => setDepartments([]));
  }, [site.regionCode]);
  useEffect(() => {
    setData(null);
    const query: Record<string, string> = { region: site.regionCode, page: String(filter.page), pageSize: '20' };
    for (const key of ['q', 'orgId', 'field', 'kind'] as const) if (filter[key]) query[key] = filter[key]!;
    if (filter.year) query.year = String(filter.year);
    void portalGet<{ items: PortalDecision[]; total: number }>('enforcement/decisions', query).then(setData, () => setData({ items: [], total: 0 }));
  }, [site.regionCode, filter]);
  const set = (changes: Partial<Filter>) => setFilter({ ...filter, ...changes, page: 1 });
  return (
    <PortalLayout site={site} title="行政执法决定公示">
      <div className="portal-page">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="标题、文号或当事人" allowClear onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 240 }} data-testid="portal-enforcement-search" />
          <Select allowClear placeholder="执法部门" options={departments.map((d) => ({ value: d.id, label: d.name }))} onChange={(orgId?: string) => set({ orgId })} style={{ width: 200 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="执法领域" options={optionsOf(enforcementFieldLabels)} onChange={(field?: string) => set({ field })} style={{ width: 170 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="决定类别" options={optionsOf(publicationKindLabels)} onChange={(kind?: string) => set({ kind })} style={{ width: 160 }} />
          <Select allowClear placeholder="决定年度" options={years.map((y) => ({ value: y, label: `${y} 年` }))} onChange={(year?: number) => set({ year })} style={{ width: 120 }} />
        </Space>
        <Table<PortalDecision>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          data-testid="portal-enforcement-decisions"
          pagination={{ current: filter.page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }) }}
          locale={{ emptyText: <Empty description="没有符合条件的执法决定" /> }}
          columns={[
            {
              title: '决定',
              key: 'title',
              render: (_, d) => (
                <>
                  <Link to={`/enforcement/decisions/${d.id}`}>{d.title}</Link>
                  <div className="portal-sub">{[d.decisionNo, d.partyMasked, narrow ? d.orgName : null].filter(Boolean).join(' · ')}</div>
                </>
              ),
            },
            { title: '执法部门', dataIndex: 'orgName', width: 180, responsive: ['md'] },
            { title: '类别', key: 'kind', width: 120, responsive: ['lg'], render: (_, d) => <Tag>{d.kindLabel}</Tag> },
            { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
          ]}
        />
      </div>
    </PortalLayout>
  );
}

export function EnforcementDecisionPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [decision, setDecision] = useState<PortalDecision | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setDecision(null);
    void portalGet<PortalDecision>(`enforcement/decisions/${id}`, {}).then(setDecision, (e: unknown) => setMissing(e instanceof PortalError && e.status === 404));
  }, [id]);
  if (missing) return <PortalLayout site={site}><Result status="404" title="该执法决定未公示或已撤回" extra={<Link to="/enforcement/decisions">返回执法公示</Link>} /></PortalLayout>;
  if (!decision) return <PortalLayout site={site}><Spin style={{ display: 'block', margin: 80 }} /></PortalLayout>;
  return (
    <PortalLayout site={site} title={decision.title}>
      <div className="portal-page" data-testid="portal-enforcement-decision">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {decision.title}
        </Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: '决定书文号', children: decision.decisionNo },
            { key: 'kind', label: '类别', children: decision.kindLabel },
            { key: 'party', label: '当事人', children: decision.partyMasked },
            { key: 'org', label: '执法部门', children: decision.orgName },
            { key: 'field', label: '执法领域', children: decision.fieldLabel ?? '—' },
            { key: 'decided', label: '决定日期', children: decision.decidedOn },
            { key: 'published', label: '公示日期', children: decision.publishedOn },
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }} data-testid="portal-enforcement-content">
          {decision.content}
        </Typography.Paragraph>
      </div>
    </PortalLayout>
  );
}
