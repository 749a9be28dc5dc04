import { DownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Grid, Result, Select, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { portalGet, PortalError } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** 政府信息公开工作年度报告 (条例 第四十九条): the published reports, their full text and the .docx. */

interface PublicReport {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  scope: string;
  scopeLabel: string;
  publishedOn: string;
}

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);
const docxUrl = (id: string) => `/api/public/disclosure-reports/${id}/report.docx`;

export function DisclosureReportsPage({ site }: { site: SiteInfo }) {
  const narrow = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<{ year?: number; orgId?: string; page: number }>({ page: 1 });
  const [data, setData] = useState<{ items: PublicReport[]; total: number } | null>(null);
  const [all, setAll] = useState<PublicReport[]>([]);
  useEffect(() => {
    void portalGet<{ items: PublicReport[] }>('disclosure-reports', { regionCode: site.regionCode, pageSize: '500' }).then((page) => setAll(page.items), () => setAll([]));
  }, [site.regionCode]);
  useEffect(() => {
    setData(null);
    const query: Record<string, string> = { regionCode: site.regionCode, page: String(filter.page), pageSize: '20' };
    if (filter.year) query.year = String(filter.year);
    if (filter.orgId) query.orgId = filter.orgId;
    void portalGet<{ items: PublicReport[]; total: number }>('disclosure-reports', query).then(setData, () => setData({ items: [], total: 0 }));
  }, [site.regionCode, filter]);
  const orgs = useMemo(() => [...new Map(all.map((r) => [r.orgId, r.orgName])).entries()].map(([value, label]) => ({ value, label })), [all]);
  return (
    <PortalLayout site={site} title="政府信息公开工作年度报告">
      <div className="portal-page">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder="报告年度" options={years.map((y) => ({ value: y, label: `${y} 年度` }))} onChange={(year?: number) => setFilter({ ...filter, year, page: 1 })} style={{ width: 130 }} data-testid="portal-report-year" />
          <Select allowClear showSearch optionFilterProp="label" placeholder="报告机关" options={orgs} onChange={(orgId?: string) => setFilter({ ...filter, orgId, page: 1 })} style={{ width: 240 }} popupMatchSelectWidth={false} />
        </Space>
        <Table<PublicReport>
          rowKey="id"
          loading={!data}
          dataSource={data?.items ?? []}
          data-testid="portal-reports"
          pagination={{ current: filter.page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }) }}
          locale={{ emptyText: <Empty description="暂无已发布的年度报告" /> }}
          columns={[
            {
              title: '年度报告',
              key: 'title',
              render: (_, r) => (
                <>
                  <Link to={`/disclosure-reports/${r.id}`} data-testid="portal-report-link">
                    {r.orgName}
                    {r.year}年政府信息公开工作年度报告
                  </Link>
                  {narrow && <div className="portal-sub">发布于 {r.publishedOn}</div>}
                </>
              ),
            },
            { title: '范围', key: 'scope', width: 150, responsive: ['md'], render: (_, r) => <Tag color={r.scope === 'government' ? 'red' : undefined}>{r.scopeLabel}</Tag> },
            { title: '发布日期', dataIndex: 'publishedOn', width: 110, responsive: ['md'] },
            { title: '', key: 'docx', width: 64, render: (_, r) => <a href={docxUrl(r.id)} aria-label="下载">.docx</a> },
          ]}
        />
      </div>
    </PortalLayout>
  );
}

export function DisclosureReportPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [report, setReport] = useState<{ title: string; html: string } | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setReport(null);
    void portalGet<{ title: string; html: string }>(`disclosure-reports/${id}`, {}).then(setReport, (e: unknown) => setMissing(e instanceof PortalError && e.status === 404));
  }, [id]);
  if (missing) return <PortalLayout site={site}><Result status="404" title="该年度报告未发布" extra={<Link to="/disclosure-reports">返回年度报告</Link>} /></PortalLayout>;
  if (!report) return <PortalLayout site={site}><Spin style={{ display: 'block', margin: 80 }} /></PortalLayout>;
  return (
    <PortalLayout site={site} title={report.title}>
      <div className="portal-page">
        <div style={{ textAlign: 'right', marginBottom: 8 }}>
          <Button icon={<DownloadOutlined />} href={docxUrl(id)} data-testid="portal-report-docx">
            下载 Word 文本
          </Button>
        </div>
        {/* Rendered by the server from the report's frozen figures and text, every value escaped there. */}
        <div data-testid="portal-report" dangerouslySetInnerHTML={{ __html: report.html }} />
      </div>
    </PortalLayout>
  );
}
