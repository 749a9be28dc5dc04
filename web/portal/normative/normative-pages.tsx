import { Button, Card, Descriptions, Empty, Grid, Input, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { cleanupDecisionLabels, legalStatusLabels, type CleanupDecision, type LegalStatus } from '../../../contracts/normative.ts';
import { portalGet, PortalError } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** The portal's 规范性文件库: published documents with their status and history, and published clean-up results. */

interface PublicDocument {
  id: string;
  title: string;
  issuerName: string;
  topics: string[];
  docNo: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  status: LegalStatus | null;
  statusLabel: string | null;
}

interface PublicDocumentDetail extends PublicDocument {
  body: string;
  statusHistory: { id: string; statusLabel: string; changedOn: string; byDocumentId: string | null; byDocumentTitle: string | null; byDocumentNo: string | null; byText: string | null; reason: string | null }[];
  changed: { documentId: string; title: string; docNo: string | null; statusLabel: string; changedOn: string }[];
}

interface PublicCampaign {
  id: string;
  title: string;
  topics: string[];
  description: string;
  publishedOn: string | null;
  itemCount: number;
  items?: { id: string; documentId: string; title: string; docNo: string | null; issuerName: string; decision: CleanupDecision | null; reason: string | null }[];
}

const statusColors: Record<string, string> = { valid: 'green', amended: 'cyan', repealed: 'default', expired: 'orange' };
const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2000 + 1 }, (_, i) => thisYear - i);

export function DocumentsPage({ site }: { site: SiteInfo }) {
  const narrow = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<{ q?: string; status?: string; year?: number; page: number }>({ page: 1 });
  const [data, setData] = useState<{ items: PublicDocument[]; total: number } | null>(null);
  useEffect(() => {
    setData(null);
    const query: Record<string, string> = { regionCode: site.regionCode, page: String(filter.page), pageSize: '20' };
    if (filter.q) query.q = filter.q;
    if (filter.status) query.status = filter.status;
    if (filter.year) query.year = String(filter.year);
    void portalGet<{ items: PublicDocument[]; total: number }>('normative/documents', query).then(setData, () => setData({ items: [], total: 0 }));
  }, [site.regionCode, filter]);
  return (
    <PortalLayout site={site} title="规范性文件库">
      <div className="portal-page">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="标题或文号" allowClear onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined, page: 1 })} style={{ width: 260 }} data-testid="portal-documents-search" />
          <Select allowClear placeholder="效力状态" options={Object.entries(legalStatusLabels).map(([value, label]) => ({ value, label }))} onChange={(status?: string) => setFilter({ ...filter, status, page: 1 })} style={{ width: 130 }} />
          <Select allowClear placeholder="公布年度" options={years.map((y) => ({ value: y, label: `${y} 年` }))} onChange={(year?: number) => setFilter({ ...filter, year, page: 1 })} style={{ width: 130 }} />
          <Link to="/documents/cleanups">清理结果</Link>
        </Space>
        <Table<PublicDocument>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          data-testid="portal-documents"
          pagination={{ current: filter.page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }) }}
          locale={{ emptyText: <Empty description="没有符合条件的文件" /> }}
          columns={[
            {
              title: '文件名称',
              key: 'title',
              render: (_, d) => (
                <>
                  <Link to={`/documents/${d.id}`}>{d.title}</Link>
                  {/* On a phone the other columns give way: number and date under the title. */}
                  {narrow && <div className="portal-sub">{[d.docNo, d.publishedOn && `${d.publishedOn} 公布`].filter(Boolean).join(' · ')}</div>}
                </>
              ),
            },
            { title: '文号', dataIndex: 'docNo', width: 170, responsive: ['md'] },
            { title: '制定机关', dataIndex: 'issuerName', width: 170, responsive: ['lg'] },
            { title: '公布日期', dataIndex: 'publishedOn', width: 110, responsive: ['md'] },
            { title: '施行日期', dataIndex: 'effectiveOn', width: 110, responsive: ['lg'] },
            { title: '效力', key: 'status', width: 90, render: (_, d) => (d.status ? <Tag color={statusColors[d.status]}>{d.statusLabel}</Tag> : null) },
          ]}
        />
      </div>
    </PortalLayout>
  );
}

export function DocumentPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [doc, setDoc] = useState<PublicDocumentDetail | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setDoc(null);
    void portalGet<PublicDocumentDetail>(`normative/documents/${id}`, {}).then(setDoc, (e: unknown) => setMissing(e instanceof PortalError && e.status === 404));
  }, [id]);
  if (missing) return <PortalLayout site={site}><Result status="404" title="文件不存在或尚未公布" extra={<Link to="/documents">返回文件库</Link>} /></PortalLayout>;
  if (!doc) return <PortalLayout site={site}><Spin style={{ display: 'block', margin: 80 }} /></PortalLayout>;
  return (
    <PortalLayout site={site} title={doc.title}>
      <div className="portal-page" data-testid="portal-document">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {doc.title}
        </Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'no', label: '文号', children: doc.docNo },
            { key: 'issuer', label: '制定机关', children: doc.issuerName },
            { key: 'status', label: '效力状态', children: doc.status ? <Tag color={statusColors[doc.status]} data-testid="portal-document-status">{doc.statusLabel}</Tag> : null },
            { key: 'published', label: '公布日期', children: doc.publishedOn },
            { key: 'effective', label: '施行日期', children: doc.effectiveOn },
            { key: 'valid', label: '有效期至', children: doc.validUntil ?? '—' },
          ]}
        />
        <Card size="small" title="效力沿革" style={{ marginTop: 16 }}>
          {doc.statusHistory.map((h) => (
            <div key={h.id}>
              {h.changedOn} {h.statusLabel}
              {h.byDocumentId ? (
                <>
                  ，依据 <Link to={`/documents/${h.byDocumentId}`}>《{h.byDocumentTitle}》{h.byDocumentNo ? `（${h.byDocumentNo}）` : ''}</Link>
                </>
              ) : h.byText ? `（${h.byText}）` : ''}
            </div>
          ))}
          {doc.changed.map((c) => (
            <div key={c.documentId + c.changedOn}>
              本文件使 <Link to={`/documents/${c.documentId}`}>《{c.title}》</Link> {c.statusLabel}（{c.changedOn}）
            </div>
          ))}
        </Card>
        <Card size="small" title="正文" style={{ marginTop: 16 }}>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 2 }}>{doc.body}</div>
        </Card>
      </div>
    </PortalLayout>
  );
}

export function CleanupsPage({ site }: { site: SiteInfo }) {
  const [rows, setRows] = useState<PublicCampaign[] | null>(null);
  useEffect(() => {
    void portalGet<PublicCampaign[]>('normative/campaigns', { regionCode: site.regionCode }).then(setRows, () => setRows([]));
  }, [site.regionCode]);
  return (
    <PortalLayout site={site} title="规范性文件清理结果">
      <div className="portal-page">
        <Table<PublicCampaign>
          rowKey="id"
          loading={!rows}
          dataSource={rows ?? []}
          pagination={false}
          data-testid="portal-cleanups"
          columns={[
            { title: '清理', key: 'title', render: (_, c) => <Link to={`/documents/cleanups/${c.id}`}>{c.title}</Link> },
            { title: '主题', key: 'topics', responsive: ['sm'], render: (_, c) => c.topics.join('、') },
            { title: '文件数', dataIndex: 'itemCount', width: 90 },
            { title: '公布日期', dataIndex: 'publishedOn', width: 120 },
          ]}
        />
      </div>
    </PortalLayout>
  );
}

export function CleanupPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [campaign, setCampaign] = useState<PublicCampaign | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    void portalGet<PublicCampaign>(`normative/campaigns/${id}`, {}).then(setCampaign, () => setMissing(true));
  }, [id]);
  if (missing) return <PortalLayout site={site}><Result status="404" title="清理结果不存在或尚未公布" /></PortalLayout>;
  if (!campaign) return <PortalLayout site={site}><Spin style={{ display: 'block', margin: 80 }} /></PortalLayout>;
  return (
    <PortalLayout site={site} title={campaign.title}>
      <div className="portal-page">
        <Typography.Title level={3}>{campaign.title}</Typography.Title>
        <Typography.Paragraph>{campaign.description}</Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <Button href={`/api/public/normative/campaigns/${campaign.id}/export.xlsx`}>下载 Excel</Button>
          <Button href={`/api/public/normative/campaigns/${campaign.id}/export.docx`}>下载 Word</Button>
        </Space>
        {(Object.keys(cleanupDecisionLabels) as CleanupDecision[]).map((decision) => {
          const items = (campaign.items ?? []).filter((i) => i.decision === decision);
          return (
            <Card key={decision} size="small" title={`${cleanupDecisionLabels[decision]}的文件（${items.length}件）`} style={{ marginBottom: 12 }}>
              {items.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : items.map((i, n) => (
                <div key={i.id}>
                  {n + 1}. <Link to={`/documents/${i.documentId}`}>《{i.title}》</Link>（{i.docNo}）{i.reason ? `：${i.reason}` : ''}
                </div>
              ))}
            </Card>
          );
        })}
      </div>
    </PortalLayout>
  );
}
