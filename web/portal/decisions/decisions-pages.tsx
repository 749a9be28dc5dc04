import { Card, Descriptions, Empty, List, Result, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { portalGet } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** The portal's 重大行政决策: published catalogues with their adjustments, published decisions with their statements. */

interface PublicCatalogue {
  id: string;
  orgName: string;
  year: number;
  title: string;
  publishedOn: string | null;
  partyConsentOn: string | null;
  items: { id: string; seq: number; title: string; categoryLabel: string; hostOrgName: string; plannedTime: string; exemptions: Record<string, string> }[];
  adjustments: { id: string; kindLabel: string; itemTitle: string; reason: string; adjustedOn: string }[];
}

interface PublicDecision {
  id: string;
  title: string;
  orgName: string;
  deciderOrgName: string;
  categoryLabel: string;
  decidedOn: string | null;
  publishedOn: string;
  documentNo: string | null;
  stateLabel: string;
}

interface PublicDecisionDetail extends PublicDecision {
  summary: string;
  decisionText: string | null;
  adoptionStatement: string | null;
  shortenedReason: string | null;
  meetingName: string | null;
  gates: { gate: string; label: string; status: string; statusLabel: string; on: string | null; ground: string | null }[];
}

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);

export function DecisionsPage({ site }: { site: SiteInfo }) {
  const [year, setYear] = useState(thisYear);
  const [catalogues, setCatalogues] = useState<PublicCatalogue[] | null>(null);
  const [decisions, setDecisions] = useState<PublicDecision[] | null>(null);
  useEffect(() => {
    setCatalogues(null);
    setDecisions(null);
    void portalGet<PublicCatalogue[]>('decisions/catalogues', { regionCode: site.regionCode, year: String(year) }).then(setCatalogues, () => setCatalogues([]));
    void portalGet<{ items: PublicDecision[] }>('decisions', { regionCode: site.regionCode, year: String(year), pageSize: '100' }).then((p) => setDecisions(p.items), () => setDecisions([]));
  }, [site.regionCode, year]);
  return (
    <PortalLayout site={site} title="重大行政决策">
      <div className="portal-page">
        <Space style={{ marginBottom: 16 }}>
          <span>年度</span>
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 120 }} data-testid="portal-decisions-year" />
        </Space>
        <Card title="重大行政决策事项目录" data-testid="portal-catalogues">
          {!catalogues ? (
            <Spin />
          ) : catalogues.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度尚未公布决策事项目录" />
          ) : (
            catalogues.map((c) => (
              <div key={c.id} style={{ marginBottom: 24 }}>
                <Typography.Title level={5}>{c.title}</Typography.Title>
                <Typography.Paragraph type="secondary">
                  经同级党委同意（{c.partyConsentOn}），于 {c.publishedOn} 公布
                </Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={c.items}
                  columns={[
                    { title: '序号', dataIndex: 'seq', width: 60, responsive: ['sm'] },
                    { title: '决策事项', dataIndex: 'title' },
                    { title: '类别', dataIndex: 'categoryLabel', width: 180, responsive: ['md'] },
                    { title: '承办单位', dataIndex: 'hostOrgName', width: 160 },
                    { title: '计划完成时间', dataIndex: 'plannedTime', width: 140, responsive: ['md'] },
                  ]}
                />
                {c.adjustments.length > 0 && (
                  <List
                    size="small"
                    header="目录调整情况"
                    data-testid="portal-adjustments"
                    dataSource={c.adjustments}
                    renderItem={(a) => (
                      <List.Item>
                        {a.adjustedOn} {a.kindLabel}「{a.itemTitle}」。理由：{a.reason}
                      </List.Item>
                    )}
                  />
                )}
              </div>
            ))
          )}
        </Card>
        <Card title="已公布的重大行政决策" data-testid="portal-decisions">
          {!decisions ? (
            <Spin />
          ) : (
            <List
              dataSource={decisions}
              locale={{ emptyText: '暂无' }}
              renderItem={(d) => (
                <List.Item extra={<Typography.Text type="secondary">{d.publishedOn}</Typography.Text>}>
                  <Link to={`/decisions/${d.id}`}>{d.title}</Link> <Tag>{d.orgName}</Tag>
                  {d.documentNo && <Typography.Text type="secondary">{d.documentNo}</Typography.Text>}
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
    </PortalLayout>
  );
}

export function DecisionPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [d, setD] = useState<PublicDecisionDetail | null | undefined>(undefined);
  useEffect(() => {
    void portalGet<PublicDecisionDetail>(`decisions/${id}`, {}).then(setD, () => setD(null));
  }, [id]);
  return (
    <PortalLayout site={site} title={d?.title ?? '重大行政决策'}>
      <div className="portal-page">
        {d === undefined ? (
          <Spin />
        ) : d === null ? (
          <Result status="404" title="决策不存在或尚未公布" extra={<Link to="/decisions">返回</Link>} />
        ) : (
          <Card title={d.title} data-testid="portal-decision">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'decider', label: '决策机关', children: d.deciderOrgName },
                { key: 'org', label: '承办单位', children: d.orgName },
                { key: 'meeting', label: '决定', children: d.meetingName ? `${d.decidedOn} ${d.meetingName}审议通过` : d.decidedOn },
                { key: 'pub', label: '公布', children: `${d.publishedOn} ${d.documentNo ?? ''}` },
                { key: 'state', label: '状态', children: d.stateLabel },
                ...(d.shortenedReason ? [{ key: 'short', label: '征求意见期限缩短的理由', children: d.shortenedReason }] : []),
              ]}
            />
            <Typography.Title level={5}>决策程序履行情况</Typography.Title>
            <List
              size="small"
              dataSource={d.gates}
              renderItem={(g) => (
                <List.Item>
                  {g.label}：{g.statusLabel}
                  {g.on ? `（${g.on}）` : ''}
                  {g.ground ? `，依据：${g.ground}` : ''}
                </List.Item>
              )}
            />
            {d.decisionText && (
              <>
                <Typography.Title level={5}>决定内容</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.decisionText}</Typography.Paragraph>
              </>
            )}
            <Typography.Title level={5}>公众意见、专家论证意见采纳情况说明</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-statement">
              {d.adoptionStatement}
            </Typography.Paragraph>
          </Card>
        )}
      </div>
    </PortalLayout>
  );
}
