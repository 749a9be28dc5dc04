import { DownloadOutlined, ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Result, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingTime } from '../../../shared/time.ts';
import { EVALUATION, evaluationsApi, type CampaignDetail, type ResultRow, type Results } from './evaluations-api.ts';
import { FilesTable } from './files-table.tsx';
import { ResultsChart } from './results-chart.tsx';

function DrawModal({ campaign, open, onClose, onDrawn }: { campaign: CampaignDetail; open: boolean; onClose: () => void; onDrawn: (c: CampaignDetail) => void }) {
  const [form] = Form.useForm<{ seed?: string }>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();
  const submit = async (v: { seed?: string }) => {
    try {
      const drawn = await evaluationsApi.draw(campaign.id, { version: campaign.version, ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}) });
      void message.success(`已抽取 ${drawn.added} 件案卷`);
      onDrawn(drawn);
      onClose();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '抽取失败'));
    }
  };
  return (
    <Modal open={open} title="随机抽取案卷" okText="抽取" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('evaluation-draw-confirm')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <p>
        从各执法部门 {campaign.year} 年度结案（已结案或已归档）的行政处罚案卷中，每个部门随机抽取不超过 {campaign.samplePerOrg} 件；已抽取的案卷不会重复抽取，再次抽取只补足不足的部门。
      </p>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="seed" label="随机种子（可选）" extra="同一种子、同样的案卷得到同样的抽样结果；不填则随机生成。种子与抽中的案卷记入抽取记录。">
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A figure of the results table: a link to the files behind it. */
function Figure({ value, query }: { value: number | null; query: Record<string, string> }) {
  if (value === null) return <>—</>;
  if (value === 0) return <>0</>;
  return <Link to={`?${new URLSearchParams(query).toString()}`}>{value}</Link>;
}

/** One 案卷评查 campaign: the draw, the results per department with the chart, the files. */
export function EvaluationCampaignPage() {
  const { id = '' } = useParams();
  const [, setParams] = useSearchParams();
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [missing, setMissing] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const load = useCallback(async () => {
    try {
      setCampaign(await evaluationsApi.campaign(id));
      setResults(await evaluationsApi.results(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
      else showError(error);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const pick = useCallback((orgId: string) => setParams(new URLSearchParams({ orgId }), { replace: true }), [setParams]);
  if (missing) return <Result status="404" title="评查活动不存在或无权访问" />;
  if (!campaign) return <Card loading />;
  const org = (r: ResultRow): Record<string, string> => (r.orgId ? { orgId: r.orgId } : {});
  return (
    <PageContainer
      title={campaign.title}
      extra={
        <GuardedButton permission={EVALUATION.manage} type="primary" icon={<ExperimentOutlined />} onClick={() => setDrawing(true)} data-testid="evaluation-draw">
          抽取案卷
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { label: '评查年度', children: campaign.year },
            { label: '评查表', children: campaign.sheetName },
            { label: '每部门抽取', children: `不超过 ${campaign.samplePerOrg} 件` },
            { label: '评查时间', children: `${campaign.startsOn} 至 ${campaign.endsOn}` },
            { label: '进度', children: `${campaign.scoredCount} / ${campaign.fileCount} 件已评查，${campaign.rectifyingCount} 件整改中` },
            {
              label: '抽取记录',
              children: campaign.draws.length
                ? campaign.draws.map((d) => `${beijingTime(d.drawnAt, 'YYYY-MM-DD HH:mm')} ${d.drawnBy ?? ''} 种子 ${d.seed}，抽取 ${d.added} 件`).join('；')
                : '尚未抽取',
            },
          ]}
        />
      </Card>
      {results && (
        <Card
          size="small"
          title={`评查结果（按部门，截至 ${results.asOf}）`}
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<DownloadOutlined />} onClick={() => void evaluationsApi.exportResults(id).catch(showError)} data-testid="evaluation-results-export">
              导出 Excel
            </Button>
          }
        >
          {results.rows.some((r) => r.averageScore !== null) && <ResultsChart rows={results.rows} onPick={pick} />}
          <Table<ResultRow>
            rowKey={(r) => r.orgId ?? 'total'}
            size="small"
            pagination={false}
            data-testid="evaluation-results"
            dataSource={results.rows.length ? [...results.rows, results.total] : []}
            columns={[
              { title: '执法部门', key: 'org', render: (_, r) => (r.orgId ? <Link to={`?orgId=${r.orgId}`}>{r.orgName}</Link> : <b>{r.orgName}</b>) },
              { title: '抽查案卷', key: 'files', render: (_, r) => <Figure value={r.files} query={org(r)} /> },
              { title: '已评查', key: 'scored', render: (_, r) => r.scored },
              { title: '平均分', key: 'avg', render: (_, r) => <span data-testid={`evaluation-avg-${r.orgName}`}>{r.averageScore ?? '—'}</span> },
              { title: '优秀', key: 'excellent', render: (_, r) => <Figure value={r.excellent} query={{ ...org(r), grade: 'excellent' }} /> },
              { title: '合格', key: 'qualified', render: (_, r) => <Figure value={r.qualified} query={{ ...org(r), grade: 'qualified' }} /> },
              { title: '不合格', key: 'unqualified', render: (_, r) => <Figure value={r.unqualified} query={{ ...org(r), grade: 'unqualified' }} /> },
              { title: '存在问题', key: 'problems', render: (_, r) => <Figure value={r.withProblems} query={{ ...org(r), hasProblems: 'true' }} /> },
              { title: '退回整改', key: 'sent', render: (_, r) => <Figure value={r.sentBack} query={{ ...org(r), rectification: 'sent' }} /> },
              { title: '按期整改', key: 'onTime', render: (_, r) => <Figure value={r.rectifiedOnTime} query={{ ...org(r), rectification: 'onTime' }} /> },
              { title: '逾期整改', key: 'late', render: (_, r) => <Figure value={r.rectifiedLate} query={{ ...org(r), rectification: 'late' }} /> },
              { title: '逾期未整改', key: 'overdueOpen', render: (_, r) => <Figure value={r.overdueOpen} query={{ ...org(r), rectification: 'overdue', state: 'rectifying' }} /> },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="评查案卷">
        <FilesTable fixed={{ campaignId: id }} refresh={campaign.version} />
      </Card>
      <DrawModal
        campaign={campaign}
        open={drawing}
        onClose={() => setDrawing(false)}
        onDrawn={(c) => {
          setCampaign(c);
          void evaluationsApi.results(id).then(setResults);
        }}
      />
    </PageContainer>
  );
}
