import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { proposalKindLabels, type ProposalKind } from '../../../../contracts/proposals.ts';
import { proposalsApi, type Summary, type SummaryRow } from './proposals-api.ts';

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);

/** 年度办理情况: per kind and year, by lead unit with the total; counts from the server's SQL, exported the same. */
export function ProposalSummaryPage() {
  const thisYear = Number(beijingToday().slice(0, 4));
  const [kind, setKind] = useState<ProposalKind>('npc');
  const [year, setYear] = useState(thisYear);
  const [summary, setSummary] = useState<Summary>();
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    setLoading(true);
    proposalsApi
      .summary(kind, year)
      .then(setSummary, showError)
      .finally(() => setLoading(false));
  }, [kind, year]);

  const total = summary?.total;
  const years = Array.from({ length: thisYear - 2017 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }));
  return (
    <PageContainer
      title="建议提案年度办理情况"
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          data-testid="proposal-summary-export"
          onClick={() => {
            setExporting(true);
            proposalsApi
              .summaryXlsx(kind, year)
              .catch(showError)
              .finally(() => setExporting(false));
          }}
        >
          导出 Excel
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<ProposalKind> value={kind} onChange={setKind} options={(Object.keys(proposalKindLabels) as ProposalKind[]).map((k) => ({ value: k, label: proposalKindLabels[k] }))} data-testid="proposal-summary-kind" />
          <Select value={year} onChange={setYear} options={years} style={{ width: 110 }} data-testid="proposal-summary-year" />
        </Space>
        <Row gutter={[16, 16]} data-testid="proposal-summary-totals">
          <Col xs={12} md={6}><Card size="small" loading={loading}><Statistic title="件数" value={total?.total ?? 0} suffix="件" /></Card></Col>
          <Col xs={12} md={6}><Card size="small" loading={loading}><Statistic title="已答复" value={total?.replied ?? 0} suffix="件" /></Card></Col>
          <Col xs={12} md={6}><Card size="small" loading={loading}><Statistic title="按期答复率" value={percent(total?.onTimeRate ?? null)} /></Card></Col>
          <Col xs={12} md={6}><Card size="small" loading={loading}><Statistic title="满意率（满意+基本满意）" value={percent(total?.satisfactionRate ?? null)} /></Card></Col>
        </Row>
        <Table<SummaryRow>
          size="small"
          rowKey={(r) => r.orgId ?? r.orgName}
          loading={loading}
          pagination={false}
          scroll={{ x: 1100 }}
          data-testid="proposal-summary-table"
          dataSource={summary ? [...summary.byOrg, summary.total] : []}
          rowClassName={(r) => (r === summary?.total ? 'summary-total-row' : '')}
          columns={[
            { title: '主办单位', dataIndex: 'orgName', fixed: 'left', width: 200, render: (v: string, r) => (r === summary?.total ? <b>{v}</b> : v) },
            { title: '件数', dataIndex: 'total', align: 'right' },
            { title: '已答复', dataIndex: 'replied', align: 'right' },
            { title: '按期答复', dataIndex: 'onTime', align: 'right' },
            { title: '按期率', dataIndex: 'onTimeRate', align: 'right', render: percent },
            { title: '已解决', dataIndex: 'solved', align: 'right' },
            { title: '列入计划', dataIndex: 'planned', align: 'right' },
            { title: '解释说明', dataIndex: 'explained', align: 'right' },
            { title: '满意', dataIndex: 'satisfied', align: 'right' },
            { title: '基本满意', dataIndex: 'basic', align: 'right' },
            { title: '不满意', dataIndex: 'unsatisfied', align: 'right' },
            { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: percent },
            { title: '再次答复', dataIndex: 'secondReplies', align: 'right' },
          ]}
        />
      </Space>
    </PageContainer>
  );
}
