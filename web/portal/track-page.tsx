import { Alert, Button, Card, Descriptions, Form, Input, Result, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { PortalError, portalPost } from './api.ts';
import { PortalLayout } from './layout.tsx';
import type { SiteInfo } from './site.ts';
import { useTracking, type TrackQuery } from './use-tracking.ts';

/** What the public tracking API answers (server: reconsideration.schemas.ts TrackView): no staff names, no internal reasons. */
export interface Tracking {
  title: string;
  caseNo: string | null;
  state: string;
  stateLabel: string;
  version: number;
  receivedOn: string;
  /** The step the applicant is waiting for (or must take) and its due date. */
  waitingFor: { step: string; dueOn: string; provisional: boolean } | null;
  timeline: { date: string; step: string; detail: string | null }[];
  correction: { items: string; requestedOn: string | null; dueOn: string | null } | null;
  outcome: { outcome: string; label: string; decidedOn: string | null; decisionNo: string | null; closedOn: string | null } | null;
}

type Query = TrackQuery;

function CorrectionForm({ query, tracking, correction, onDone }: { query: Query; tracking: Tracking; correction: NonNullable<Tracking['correction']>; onDone: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ content }: { content: string }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await portalPost('reconsideration/correction', { ...query, content, version: tracking.version });
      form.resetFields();
      onDone();
    } catch (error) {
      setProblem(error instanceof PortalError ? error.message : '提交失败，请稍后重试');
      if (error instanceof PortalError && error.code === 'VERSION_CONFLICT') onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="提交补正材料" data-testid="portal-correction">
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="行政复议机构通知您补正以下事项" description={<div style={{ whiteSpace: 'pre-wrap' }}>{correction.items}</div>} data-testid="correction-items" />
      {correction.dueOn && (
        <Typography.Paragraph>
          请于 <Typography.Text strong>{correction.dueOn}</Typography.Text> 前补正。无正当理由逾期不补正的，视为放弃行政复议申请（《行政复议法》第三十一条）。
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="content" label="补正内容" rules={[{ required: true, whitespace: true, message: '请填写补正内容' }, { max: 5000 }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="correction-content" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} block data-testid="correction-submit">
          提交补正
        </Button>
      </Form>
    </Card>
  );
}

/** 办理进度查询: by tracking code and the last six characters of the applicant's ID number or credit code. */
export function TrackPage({ site }: { site: SiteInfo }) {
  const { form, query, tracking, problem, loading, load, search } = useTracking<Tracking>('reconsideration/track');

  return (
    <PortalLayout site={site} title="办理进度查询">
      <div className="portal-page">
        <Card title="办理进度查询">
          <Form form={form} layout="vertical" onFinish={search}>
            <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
              <Input maxLength={24} autoComplete="off" data-testid="track-code" />
            </Form.Item>
            <Form.Item name="verify" label="证件号码后六位" extra="申请时填写的身份证号码或统一社会信用代码的最后六位" rules={[{ required: true, len: 6, message: '请填写证件号码后六位' }]}>
              <Input maxLength={6} autoComplete="off" data-testid="track-verify" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loading} data-testid="track-submit">
              查询
            </Button>
          </Form>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="track-problem" />}
        </Card>
        {tracking && query && (
          <>
            <Card title={tracking.title} data-testid="track-result">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="办理状态">
                  <Tag color={tracking.outcome ? 'default' : tracking.state === 'correcting' ? 'orange' : 'blue'} data-testid="track-state">
                    {tracking.stateLabel}
                  </Tag>
                </Descriptions.Item>
                {tracking.caseNo && <Descriptions.Item label="案号">{tracking.caseNo}</Descriptions.Item>}
                <Descriptions.Item label="收到申请日期">{tracking.receivedOn}</Descriptions.Item>
                {tracking.waitingFor && (
                  <Descriptions.Item label={`${tracking.waitingFor.step}届满日`}>
                    <span data-testid="track-due">{tracking.waitingFor.dueOn}</span>
                    {tracking.waitingFor.provisional && <Typography.Text type="secondary">（该年度节假日安排尚未公布，按周一至周五推算）</Typography.Text>}
                  </Descriptions.Item>
                )}
                {tracking.outcome && (
                  <Descriptions.Item label="办理结果">
                    <Typography.Text strong data-testid="track-outcome">
                      {tracking.outcome.label}
                    </Typography.Text>
                    {tracking.outcome.decisionNo && <span>（{tracking.outcome.decisionNo}）</span>}
                    {(tracking.outcome.decidedOn ?? tracking.outcome.closedOn) && <span>，{tracking.outcome.decidedOn ?? tracking.outcome.closedOn}</span>}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                办理过程
              </Typography.Title>
              <Timeline
                items={tracking.timeline.map((t) => ({
                  content: (
                    <div>
                      <div>
                        {t.date}　{t.step}
                      </div>
                      {t.detail && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{t.detail}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            </Card>
            {tracking.correction && <CorrectionForm query={query} tracking={tracking} correction={tracking.correction} onDone={() => void load(query)} />}
          </>
        )}
        {!tracking && !problem && !loading && (
          <Result status="info" title="凭查询码查询" subTitle="网上提交行政复议申请后，页面会显示查询码。窗口或邮寄提交的申请，查询码见受理通知。" />
        )}
      </div>
    </PortalLayout>
  );
}
